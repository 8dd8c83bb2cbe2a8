using System.Globalization;
using Borolyte.Formats.BioLogic;

namespace Borolyte.Cycling.Readers;

/// <summary>
/// PEC (SBT/ACT test systems) CSV export: "Key:,value" metadata lines ("Test:,25205", "Start Time:,…", possibly a
/// "#RESULTS CHECK … #END RESULTS CHECK" block), then the column line starting "Test,Cell,Rack,…" with units in
/// parentheses — "Total Time (Hours in hh:mm:ss.xxx)" (or "(Seconds)", "(Minutes)", "(Decimal Hours)"),
/// "Voltage (V)" or "(mV)", "Current (A)"/"(mA)"/"(µA)", "Charge Capacity (mAh)", "Discharge Capacity (mAh)", "Charge
/// Energy (mWh)", "Discharge Energy (mWh)" —, rows ending with a trailing comma. Cycles and steps count from 0.
/// Format facts from a real export in cellpy's test data (testdata/data/pec_multiple_tests/Test25205.csv) and cellpy's
/// PEC reader (format facts only). Current sign as in the file (discharge negative).
/// </summary>
internal static class PecCsvReader
{
    /// <summary>True when a line of the head starts with the PEC column line.</summary>
    public static bool LooksLike(IEnumerable<string> headLines) =>
        headLines.Any(l => l.StartsWith("Test,Cell,", StringComparison.Ordinal) && l.Contains(",Cycle,", StringComparison.Ordinal) && l.Contains("Total Time (", StringComparison.Ordinal));

    public static CyclingRawData Read(string path)
    {
        using var reader = ByteLineReader.Open(path);
        bool inCheck = false;
        CsvHeader? header = null;
        string? testId = null;
        while (header is null && reader.TryReadLine(out var line))
        {
            if (reader.LineNumber > 500) break;
            string text = TextFields.Decode(line).Trim();
            if (text.StartsWith("#RESULTS CHECK", StringComparison.OrdinalIgnoreCase)) { inCheck = true; continue; }
            if (text.StartsWith("#END RESULTS CHECK", StringComparison.OrdinalIgnoreCase)) { inCheck = false; continue; }
            if (inCheck) continue;
            if (text.StartsWith("Test:,", StringComparison.Ordinal)) testId = text[6..].Trim();
            if (text.StartsWith("Test,Cell,", StringComparison.Ordinal)) header = new CsvHeader(path, reader.LineNumber, TextFields.SplitToStrings(line, (byte)','));
        }
        if (header is null) throw new InvalidInputException($"{path}: no PEC column line ('Test,Cell,…') in the first 500 lines");
        int time = header.RequirePrefixed("total time", "Total Time (");
        int cycle = header.Require("cycle", "Cycle");
        int step = header.Require("step", "Step");
        int voltage = header.RequirePrefixed("voltage", "Voltage (");
        int current = header.RequirePrefixed("current", "Current (");
        int chg = header.RequirePrefixed("charge capacity", "Charge Capacity (");
        int dchg = header.RequirePrefixed("discharge capacity", "Discharge Capacity (");
        int? chgE = header.FindPrefixed("Charge Energy ("), dchgE = header.FindPrefixed("Discharge Energy (");
        string timeUnit = CsvHeader.UnitOf(header.Names[time]) ?? "";
        (FieldKind kind, double scale) = timeUnit switch
        {
            "Hours in hh:mm:ss.xxx" => (FieldKind.Duration, 1.0),
            "Seconds" => (FieldKind.Number, 1.0),
            "Minutes" => (FieldKind.Number, 60.0),
            "Decimal Hours" => (FieldKind.Number, 3600.0),
            _ => throw new InvalidInputException($"{path} line {header.Line}: column '{header.Names[time]}': time unit '{timeUnit}' not understood"),
        };
        var specs = new List<FieldSpec>
        {
            header.Spec(time, kind), header.Spec(voltage), header.Spec(current), header.Spec(cycle, storage: FieldStorage.Int32),
            header.Spec(step, storage: FieldStorage.Int32), header.Spec(chg), header.Spec(dchg),
        };
        if (chgE is { } a && dchgE is { } b) { specs.Add(header.Spec(a)); specs.Add(header.Spec(b)); }
        var table = DelimitedTable.Read(reader, path, (byte)',', header.FieldCount, specs);
        var notes = new List<string> { $"PEC CSV{(testId is null ? "" : $" (test {testId})")}: current sign as in the file (discharge negative)" };
        if (table.BlankLinesSkipped > 0) notes.Add($"{table.BlankLinesSkipped} empty lines skipped");
        var cycles = table.Ints(3);
        if (cycles.Length > 0 && cycles.Min() == 0)
        {
            for (int i = 0; i < cycles.Length; i++) cycles[i]++;
            notes.Add("cycles counted from 0 in the file; numbered from 1 here");
        }
        bool energies = chgE is not null && dchgE is not null;
        return new CyclingRawData
        {
            SourcePath = path, Format = "pec-csv", TestTimeSecond = CsvHeader.Scaled(table.Doubles(0), scale)!,
            VoltageVolt = CsvHeader.Scaled(table.Doubles(1), header.UnitScale(voltage, "V"))!,
            CurrentAmpere = CsvHeader.Scaled(table.Doubles(2), header.UnitScale(current, "A"))!,
            InstrumentCycle = cycles, InstrumentStep = table.Ints(4),
            ChargingCapacityAmpereHour = CsvHeader.Scaled(table.Doubles(5), header.UnitScale(chg, "Ah")),
            DischargingCapacityAmpereHour = CsvHeader.Scaled(table.Doubles(6), header.UnitScale(dchg, "Ah")),
            ChargingEnergyWattHour = energies ? CsvHeader.Scaled(table.Doubles(7), header.UnitScale(chgE!.Value, "Wh")) : null,
            DischargingEnergyWattHour = energies ? CsvHeader.Scaled(table.Doubles(8), header.UnitScale(dchgE!.Value, "Wh")) : null,
            Notes = notes,
        };
    }
}
