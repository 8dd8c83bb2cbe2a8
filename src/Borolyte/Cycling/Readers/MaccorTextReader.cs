using Borolyte.Formats.BioLogic;

namespace Borolyte.Cycling.Readers;

/// <summary>
/// Maccor tab-separated text export: optional "Today's Date …" preamble lines, then the header "Rec#, Cyc#, Step,
/// TestTime, StepTime, Amp-hr, Watt-hr, Amps, Volts, State, …". Times are "Nd hh:mm:s.f". Amps are unsigned: the
/// State column says C (charge), D (discharge), R (rest), O/S (other), so discharge current is made negative.
/// Amp-hr and Watt-hr restart at every step and count charge or discharge according to State.
/// </summary>
internal static class MaccorTextReader
{
    public static CyclingRawData Read(string path)
    {
        using var reader = ByteLineReader.Open(path);
        string[]? names = null;
        while (reader.TryReadLine(out var line))
        {
            if (line.StartsWith("Rec#"u8)) { names = TextFields.SplitToStrings(line, (byte)'\t'); break; }
            if (reader.LineNumber > 50) break;
        }
        if (names is null) throw new InvalidInputException($"{path}: no 'Rec#' header line in the first 50 lines (not a Maccor text export?)");
        long headerLine = reader.LineNumber;
        var header = new CsvHeader(path, headerLine, names);
        int time = header.Require("test time", "TestTime", "Test Time");
        int amps = header.Require("current", "Amps", "Current");
        int volts = header.Require("voltage", "Volts", "Voltage");
        int cycle = header.Require("cycle", "Cyc#", "Cycle");
        int step = header.Require("step", "Step");
        int ah = header.Require("capacity", "Amp-hr", "Capacity");
        int wh = header.Require("energy", "Watt-hr", "Energy");
        int state = header.Require("state", "State");
        var specs = new List<FieldSpec>
        {
            new(time, names[time], FieldKind.Duration), new(amps, names[amps]), new(volts, names[volts]), new(cycle, names[cycle]) { Storage = FieldStorage.Int32 },
            new(step, names[step]) { Storage = FieldStorage.Int32 }, new(ah, names[ah]), new(wh, names[wh]),
            new(state, names[state], FieldKind.Code, StateCode) { Storage = FieldStorage.Int8 },
        };
        var table = DelimitedTable.Read(reader, path, (byte)'\t', header.FieldCount, specs);
        int n = table.Rows;
        var current = table.Doubles(1);
        double[] amphr = table.Doubles(5), watthr = table.Doubles(6);
        sbyte[] states = table.Codes(7);
        var chg = new double[n]; var dchg = new double[n]; var chgE = new double[n]; var dchgE = new double[n];
        for (int i = 0; i < n; i++)
        {
            int s = states[i];
            if (s == -1 && current[i] > 0)
                throw new InvalidInputException($"{path}: data row {i + 1}: current {current[i]} A with a State that is neither C nor D");
            if (s == 2) { current[i] = -Math.Abs(current[i]); dchg[i] = amphr[i]; dchgE[i] = watthr[i]; }
            else if (s == 1) { current[i] = Math.Abs(current[i]); chg[i] = amphr[i]; chgE[i] = watthr[i]; }
        }
        var notes = new List<string> { "Maccor text: current sign from the State column (D = discharge, negative); Amp-hr/Watt-hr split into charge and discharge by State" };
        if (table.BlankLinesSkipped > 0) notes.Add($"{table.BlankLinesSkipped} empty lines skipped");
        return new CyclingRawData
        {
            SourcePath = path, Format = "maccor-txt", TestTimeSecond = table.Doubles(0), CurrentAmpere = current, VoltageVolt = table.Doubles(2),
            InstrumentCycle = table.Ints(3), InstrumentStep = table.Ints(4), ChargingCapacityAmpereHour = chg, DischargingCapacityAmpereHour = dchg,
            ChargingEnergyWattHour = chgE, DischargingEnergyWattHour = dchgE, Notes = notes,
        };
    }

    // 1 = charge, 2 = discharge, 0 = rest, -1 = other (O, S, ...).
    private static int StateCode(ReadOnlySpan<byte> label) =>
        label.Length == 0 ? -1 : label[0] switch { (byte)'C' => 1, (byte)'D' => 2, (byte)'R' => 0, _ => -1 };
}
