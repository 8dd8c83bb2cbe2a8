using Borolyte.Formats.BioLogic;

namespace Borolyte.Cycling.Readers;

/// <summary>
/// Arbin MITS CSV (or XLSX exported to CSV): "Data_Point,Test_Time(s),...,Step_Index,Cycle_Index,Current(A),
/// Voltage(V),Charge_Capacity(Ah),Discharge_Capacity(Ah),Charge_Energy(Wh),Discharge_Energy(Wh),...". Headers with
/// underscores or spaces and with or without units are accepted; values are s, A, V, Ah, Wh unless the header says
/// otherwise. Charge current is positive. Capacity counters are cumulative within Arbin's cycle.
/// </summary>
internal static class ArbinCsvReader
{
    public static CyclingRawData Read(string path)
    {
        using var reader = ByteLineReader.Open(path);
        var (names, count) = CyclingFileReader.Header(reader, path, (byte)',', "Arbin");
        var keys = names.Select(Key).ToArray();
        var header = new HeaderIndex(path, 1, keys);
        int time = header.Require("test time", "test_time");
        int current = header.Require("current", "current");
        int voltage = header.Require("voltage", "voltage");
        int cycle = header.Require("cycle", "cycle_index");
        int step = header.Require("step", "step_index");
        var specs = new List<FieldSpec> { new(time, names[time]), new(current, names[current]), new(voltage, names[voltage]), new(cycle, names[cycle]) { Storage = FieldStorage.Int32 }, new(step, names[step]) { Storage = FieldStorage.Int32 } };
        int?[] optional = [header.Find("charge_capacity"), header.Find("discharge_capacity"), header.Find("charge_energy"), header.Find("discharge_energy")];
        foreach (var o in optional) if (o is { } i) specs.Add(new FieldSpec(i, names[i]));
        var table = DelimitedTable.Read(reader, path, (byte)',', count, specs);
        int k = 5;
        double[]? Next(int? index, string unit) => index is { } i ? NewareCsvReader.Scaled(table.Doubles(k++), NewareCsvReader.UnitScale(UnitOf(names[i], unit), unit)) : null;
        var notes = new List<string> { "Arbin CSV: charge current positive, capacity counters per Arbin cycle" };
        if (table.BlankLinesSkipped > 0) notes.Add($"{table.BlankLinesSkipped} empty lines skipped");
        return new CyclingRawData
        {
            SourcePath = path, Format = "arbin-csv", TestTimeSecond = table.Doubles(0),
            CurrentAmpere = NewareCsvReader.Scaled(table.Doubles(1), NewareCsvReader.UnitScale(UnitOf(names[current], "A"), "A"))!,
            VoltageVolt = NewareCsvReader.Scaled(table.Doubles(2), NewareCsvReader.UnitScale(UnitOf(names[voltage], "V"), "V"))!,
            InstrumentCycle = table.Ints(3), InstrumentStep = table.Ints(4),
            ChargingCapacityAmpereHour = Next(optional[0], "Ah"), DischargingCapacityAmpereHour = Next(optional[1], "Ah"),
            ChargingEnergyWattHour = Next(optional[2], "Wh"), DischargingEnergyWattHour = Next(optional[3], "Wh"),
            Notes = notes,
        };
    }

    /// <summary>"Test_Time(s)", "Test Time (s)", "Test_Time" → "test_time".</summary>
    private static string Key(string header)
    {
        int open = header.IndexOf('(');
        string bare = (open >= 0 ? header[..open] : header).Trim();
        return bare.Replace(' ', '_').ToLowerInvariant();
    }

    private static string UnitOf(string header, string unit) => header.Contains('(') ? header : $"{header}({unit})";
}
