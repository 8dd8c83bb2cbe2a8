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
        var header = CsvHeader.Read(reader, path, (byte)',', "Arbin", Key);
        int time = header.Require("test time", "test_time");
        int current = header.Require("current", "current");
        int voltage = header.Require("voltage", "voltage");
        int cycle = header.Require("cycle", "cycle_index");
        int step = header.Require("step", "step_index");
        var specs = new List<FieldSpec>
        {
            header.Spec(time), header.Spec(current), header.Spec(voltage),
            header.Spec(cycle, storage: FieldStorage.Int32), header.Spec(step, storage: FieldStorage.Int32),
        };
        int?[] optional = [header.Find("charge_capacity"), header.Find("discharge_capacity"), header.Find("charge_energy"), header.Find("discharge_energy")];
        foreach (var o in optional) if (o is { } i) specs.Add(header.Spec(i));
        var table = DelimitedTable.Read(reader, path, (byte)',', header.FieldCount, specs);
        int k = 5;
        double[]? Next(int? index, string unit) => index is { } i ? CsvHeader.Scaled(table.Doubles(k++), header.UnitScale(i, unit)) : null;
        var notes = new List<string> { "Arbin CSV: charge current positive, capacity counters per Arbin cycle" };
        if (table.BlankLinesSkipped > 0) notes.Add($"{table.BlankLinesSkipped} empty lines skipped");
        return new CyclingRawData
        {
            SourcePath = path, Format = "arbin-csv", TestTimeSecond = CsvHeader.Scaled(table.Doubles(0), TimeScale(path, header.Names[time]))!,
            CurrentAmpere = CsvHeader.Scaled(table.Doubles(1), header.UnitScale(current, "A"))!,
            VoltageVolt = CsvHeader.Scaled(table.Doubles(2), header.UnitScale(voltage, "V"))!,
            InstrumentCycle = table.Ints(3), InstrumentStep = table.Ints(4),
            ChargingCapacityAmpereHour = Next(optional[0], "Ah"), DischargingCapacityAmpereHour = Next(optional[1], "Ah"),
            ChargingEnergyWattHour = Next(optional[2], "Wh"), DischargingEnergyWattHour = Next(optional[3], "Wh"),
            Notes = notes,
        };
    }

    /// <summary>Seconds per unit of the test-time header: (s), (ms), (min), (h); none means seconds.</summary>
    private static double TimeScale(string path, string name) => CsvHeader.UnitOf(name)?.ToLowerInvariant() switch
    {
        null or "s" or "sec" => 1, "ms" => 1e-3, "min" => 60, "h" or "hr" => 3600,
        var other => throw new InvalidInputException($"{path}: column '{name}': unit '{other}' not understood (expected s, ms, min or h)"),
    };

    /// <summary>"Test_Time(s)", "Test Time (s)", "Test_Time" → "test_time".</summary>
    private static string Key(string header)
    {
        int open = header.IndexOf('(');
        string bare = (open >= 0 ? header[..open] : header).Trim();
        return bare.Replace(' ', '_').ToLowerInvariant();
    }
}
