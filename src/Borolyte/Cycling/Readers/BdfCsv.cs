using System.Globalization;
using System.Text;
using Borolyte.Formats.BioLogic;
using Borolyte.Storage;

namespace Borolyte.Cycling.Readers;

/// <summary>
/// Battery Data Format CSV: one column per quantity, named by the BDF machine-readable names (test_time_second,
/// voltage_volt, current_ampere, cycle_count, step_count, step_index, charging_capacity_ampere_hour, …); the human
/// labels ("Test Time / s", "Voltage / V", …) are accepted on import. Borolyte adds ewe_volt and ece_volt for
/// three-electrode runs (not BDF names). Numbers are written in the shortest form that reads back to the same double,
/// so export → import → export is exact.
/// </summary>
public static class BdfCsv
{
    private static readonly (string Name, string Label)[] Known =
    [
        ("test_time_second", "Test Time / s"), ("voltage_volt", "Voltage / V"), ("current_ampere", "Current / A"),
        ("cycle_count", "Cycle Count / 1"), ("step_count", "Step Count / 1"), ("step_index", "Step Index / 1"),
        ("charging_capacity_ampere_hour", "Charging Capacity / Ah"), ("discharging_capacity_ampere_hour", "Discharging Capacity / Ah"),
        ("charging_energy_watt_hour", "Charging Energy / Wh"), ("discharging_energy_watt_hour", "Discharging Energy / Wh"),
        ("ewe_volt", "Ewe / V"), ("ece_volt", "Ece / V"),
    ];

    /// <summary>Writes the run as BDF CSV, whole or not at all.</summary>
    public static void Write(CyclingRun run, string path) =>
        AtomicFile.Write(path, temp =>
        {
            using var writer = new StreamWriter(temp, false, new UTF8Encoding(false), 1 << 16);
            Write(run, writer);
        });

    /// <summary>
    /// The run's columns under their BDF names, in file order, as they are kept (double[] or int[] for the counters);
    /// optional columns only when the run has them. The one list the CSV writer and the knowledge base's run store share.
    /// </summary>
    internal static IReadOnlyList<(string Name, Array Values)> Columns(CyclingRun run)
    {
        var columns = new List<(string Name, Array Values)>
        {
            ("test_time_second", run.TestTimeSecond), ("voltage_volt", run.VoltageVolt), ("current_ampere", run.CurrentAmpere),
            ("cycle_count", run.CycleCount), ("step_count", run.StepCount),
        };
        foreach (var (name, values) in new (string, Array?)[]
        {
            ("step_index", run.StepIndex),
            ("charging_capacity_ampere_hour", run.ChargingCapacityAmpereHour), ("discharging_capacity_ampere_hour", run.DischargingCapacityAmpereHour),
            ("charging_energy_watt_hour", run.ChargingEnergyWattHour), ("discharging_energy_watt_hour", run.DischargingEnergyWattHour),
            ("ewe_volt", run.EweVolt), ("ece_volt", run.EceVolt),
        })
            if (values is not null) columns.Add((name, values));
        return columns;
    }

    public static void Write(CyclingRun run, TextWriter writer)
    {
        var columns = Columns(run).Select(c => c.Values switch
        {
            int[] n => (c.Name, Value: (Func<int, double>)(i => n[i]), Integer: true),
            double[] d => (c.Name, Value: (Func<int, double>)(i => d[i]), Integer: false),
            _ => throw new InvalidOperationException($"column {c.Name}: unexpected element type"),
        }).ToList();
        writer.Write(string.Join(',', columns.Select(c => c.Name)));
        writer.Write('\n');
        Span<char> buffer = stackalloc char[32];
        for (int i = 0; i < run.Count; i++)
        {
            for (int c = 0; c < columns.Count; c++)
            {
                if (c > 0) writer.Write(',');
                double value = columns[c].Value(i);
                bool ok = columns[c].Integer
                    ? ((long)value).TryFormat(buffer, out int written, default, CultureInfo.InvariantCulture)
                    : value.TryFormat(buffer, out written, "R", CultureInfo.InvariantCulture);
                if (!ok) throw new InvalidOperationException("number too long");
                writer.Write(buffer[..written]);
            }
            writer.Write('\n');
        }
    }

    private static bool IsCounter(string name) => name is "cycle_count" or "step_count" or "step_index";

    public static CyclingRawData Read(string path)
    {
        using var reader = ByteLineReader.Open(path);
        // Lookups by machine name; a column titled with the BDF label ("Test Time / s") gets its machine name as key.
        var header = CsvHeader.Read(reader, path, (byte)',', "BDF",
            n => Known.FirstOrDefault(k => k.Name.Equals(n, StringComparison.OrdinalIgnoreCase) || k.Label.Equals(n, StringComparison.OrdinalIgnoreCase)).Name ?? n);
        var wanted = new List<(string Name, int Index)>();
        foreach (var (name, _) in Known)
            if (header.Find(name) is { } i) wanted.Add((name, i));
        foreach (var required in new[] { "test_time_second", "voltage_volt", "current_ampere" })
            header.Require(required, required);
        var table = DelimitedTable.Read(reader, path, (byte)',', header.FieldCount,
            wanted.Select(w => header.Spec(w.Index, storage: IsCounter(w.Name) ? FieldStorage.Int32 : FieldStorage.Double)).ToList());
        double[]? Get(string name) { int k = wanted.FindIndex(w => w.Name == name); return k < 0 ? null : table.Doubles(k); }
        int[]? GetInt(string name) { int k = wanted.FindIndex(w => w.Name == name); return k < 0 ? null : table.Ints(k); }
        var notes = new List<string> { "BDF CSV: positive current = charge (Borolyte's convention; BDF files written elsewhere should follow it)" };
        if (table.BlankLinesSkipped > 0) notes.Add($"{table.BlankLinesSkipped} empty lines skipped");
        return new CyclingRawData
        {
            SourcePath = path, Format = "bdf-csv", TestTimeSecond = Get("test_time_second")!, VoltageVolt = Get("voltage_volt")!,
            CurrentAmpere = Get("current_ampere")!, InstrumentCycle = GetInt("cycle_count"), CycleCountIsDefinitive = true, InstrumentStep = GetInt("step_index") ?? GetInt("step_count"),
            ChargingCapacityAmpereHour = Get("charging_capacity_ampere_hour"), DischargingCapacityAmpereHour = Get("discharging_capacity_ampere_hour"),
            ChargingEnergyWattHour = Get("charging_energy_watt_hour"), DischargingEnergyWattHour = Get("discharging_energy_watt_hour"),
            EweVolt = Get("ewe_volt"), EceVolt = Get("ece_volt"), Notes = notes,
        };
    }
}
