using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Borolyte.Formats.BioLogic;
using Borolyte.Storage;

namespace Borolyte.Cycling.Readers;

/// <summary>
/// Battery Data Format CSV: one column per quantity, named by the BDF machine-readable names (test_time_second,
/// voltage_volt, current_ampere, cycle_count, step_count, step_index, charging_capacity_ampere_hour, …); the human
/// labels ("Test Time / s", "Voltage / V", …) and the shorter names of the BDF draft (charging_capacity_ah, …) are
/// accepted on import. Borolyte extension columns (not BDF names; BDF fixes the names and units of its own quantities
/// but does not forbid others): ewe_volt and ece_volt for three-electrode runs, and on export half_cycle (the run's
/// 1-based half cycle) and step_kind (ocv, rest, cc_charge, cc_discharge, cv) — so a rest whose current is an offset
/// stays a rest after re-import. BDF keeps metadata out of the table ("additional metadata … should be stored within a
/// parallel metadata file", BDF README §6): the run's active mass, area, cycle definition and notes go to a JSON
/// sidecar (<see cref="MetadataPath"/>), read back on import when it is there. Numbers are written in the shortest
/// form that reads back to the same double, so export → import → export is exact.
/// </summary>
public static class BdfCsv
{
    /// <summary>The step_kind labels, by <see cref="StepKind"/> value.</summary>
    private static readonly string[] KindLabels = ["ocv", "rest", "cc_charge", "cc_discharge", "cv"];

    /// <summary>The metadata sidecar of a BDF CSV: "run.bdf.csv" → "run.bdf.meta.json" (".csv" replaced; appended otherwise).</summary>
    public static string MetadataPath(string csvPath) =>
        csvPath.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? csvPath[..^4] + ".meta.json" : csvPath + ".meta.json";

    private static readonly (string Name, string Label)[] Known =
    [
        ("test_time_second", "Test Time / s"), ("voltage_volt", "Voltage / V"), ("current_ampere", "Current / A"),
        ("cycle_count", "Cycle Count / 1"), ("step_count", "Step Count / 1"), ("step_index", "Step Index / 1"),
        ("charging_capacity_ampere_hour", "Charging Capacity / Ah"), ("discharging_capacity_ampere_hour", "Discharging Capacity / Ah"),
        ("charging_energy_watt_hour", "Charging Energy / Wh"), ("discharging_energy_watt_hour", "Discharging Energy / Wh"),
        ("ewe_volt", "Ewe / V"), ("ece_volt", "Ece / V"), ("half_cycle", "Half Cycle / 1"),
    ];

    /// <summary>Names of the BDF draft that lists capacities and energies with short unit names.</summary>
    private static readonly (string Draft, string Name)[] DraftNames =
    [
        ("charging_capacity_ah", "charging_capacity_ampere_hour"), ("discharging_capacity_ah", "discharging_capacity_ampere_hour"),
        ("charging_energy_wh", "charging_energy_watt_hour"), ("discharging_energy_wh", "discharging_energy_watt_hour"),
    ];

    /// <summary>Writes the run as BDF CSV and its metadata sidecar (<see cref="MetadataPath"/>), each whole or not at all.</summary>
    public static void Write(CyclingRun run, string path)
    {
        AtomicFile.Write(path, temp =>
        {
            using var writer = new StreamWriter(temp, false, new UTF8Encoding(false), 1 << 16);
            Write(run, writer);
        });
        AtomicFile.WriteAllText(MetadataPath(path), Metadata(run).ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
    }

    /// <summary>The sidecar: what the table cannot say. Keys with units; notes in order, each once.</summary>
    public static JsonObject Metadata(CyclingRun run) => new()
    {
        ["schema"] = "borolyte-bdf-metadata/1",
        ["sourcePath"] = run.SourcePath,
        ["sourceFormat"] = run.Format,
        ["cycleDefinition"] = run.CycleDefinition.ToString(),
        ["activeMassMg"] = run.ActiveMassKg * 1e6,
        ["areaCm2"] = run.AreaM2 * 1e4,
        ["currentSign"] = "positive = charge",
        ["extensionColumns"] = new JsonObject
        {
            ["half_cycle"] = "1-based half cycle: a run of one current direction, rests belong to the half cycle before them; 0 before the first",
            ["step_kind"] = "ocv (zero current before any current), rest, cc_charge, cc_discharge, cv",
            ["ewe_volt"] = "working electrode vs reference, V (three-electrode runs)",
            ["ece_volt"] = "counter electrode vs reference, V (three-electrode runs)",
        },
        ["notes"] = new JsonArray(run.Notes.Distinct().Select(n => (JsonNode?)JsonValue.Create(n)).ToArray()),
    };

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
        columns.Add(("half_cycle", i => run.HalfCycle[i], true));
        writer.Write(string.Join(',', columns.Select(c => c.Name)));
        writer.Write(",step_kind\n");
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
            writer.Write(',');
            writer.Write(KindLabels[(int)run.Kind[i]]);
            writer.Write('\n');
        }
    }

    private static bool IsCounter(string name) => name is "cycle_count" or "step_count" or "step_index" or "half_cycle";

    private static int KindCode(ReadOnlySpan<byte> label)
    {
        for (int k = 0; k < KindLabels.Length; k++)
            if (label.SequenceEqual(Encoding.ASCII.GetBytes(KindLabels[k]))) return k;
        return -1;
    }

    public static CyclingRawData Read(string path)
    {
        using var reader = ByteLineReader.Open(path);
        // Lookups by machine name; a column titled with the BDF label ("Test Time / s") gets its machine name as key.
        var header = CsvHeader.Read(reader, path, (byte)',', "BDF",
            n => Known.FirstOrDefault(k => k.Name.Equals(n, StringComparison.OrdinalIgnoreCase) || k.Label.Equals(n, StringComparison.OrdinalIgnoreCase)).Name
                ?? DraftNames.FirstOrDefault(d => d.Draft.Equals(n, StringComparison.OrdinalIgnoreCase)).Name ?? n);
        var wanted = new List<(string Name, int Index)>();
        foreach (var (name, _) in Known)
            if (header.Find(name) is { } i) wanted.Add((name, i));
        foreach (var required in new[] { "test_time_second", "voltage_volt", "current_ampere" })
            header.Require(required, required);
        var specs = wanted.Select(w => header.Spec(w.Index, storage: IsCounter(w.Name) ? FieldStorage.Int32 : FieldStorage.Double)).ToList();
        int? kindColumn = header.Find("step_kind");
        if (kindColumn is { } kc) specs.Add(header.Spec(kc, FieldKind.Code, FieldStorage.Int8, KindCode));
        var table = DelimitedTable.Read(reader, path, (byte)',', header.FieldCount, specs);
        double[]? Get(string name) { int k = wanted.FindIndex(w => w.Name == name); return k < 0 ? null : table.Doubles(k); }
        int[]? GetInt(string name) { int k = wanted.FindIndex(w => w.Name == name); return k < 0 ? null : table.Ints(k); }
        var notes = new List<string> { "BDF CSV: positive current = charge (Borolyte's convention; BDF files written elsewhere should follow it)" };
        if (table.BlankLinesSkipped > 0) notes.Add($"{table.BlankLinesSkipped} empty lines skipped");
        sbyte[]? kinds = kindColumn is null ? null : table.Codes(specs.Count - 1);
        if (kinds is not null)
        {
            int bad = Array.IndexOf(kinds, (sbyte)-1);
            if (bad >= 0)
                throw new InvalidInputException($"{path}: data row {bad + 1}, column 'step_kind': not one of {string.Join(", ", KindLabels)}");
            notes.Add("step kinds from the file's step_kind column");
        }
        int[]? halfCycles = GetInt("half_cycle");
        var (mass, area) = ReadMetadata(path, notes);
        return new CyclingRawData
        {
            SourcePath = path, Format = "bdf-csv", TestTimeSecond = Get("test_time_second")!, VoltageVolt = Get("voltage_volt")!,
            CurrentAmpere = Get("current_ampere")!, InstrumentCycle = GetInt("cycle_count"), CycleCountIsDefinitive = true, InstrumentStep = GetInt("step_index") ?? GetInt("step_count"),
            ChargingCapacityAmpereHour = Get("charging_capacity_ampere_hour"), DischargingCapacityAmpereHour = Get("discharging_capacity_ampere_hour"),
            ChargingEnergyWattHour = Get("charging_energy_watt_hour"), DischargingEnergyWattHour = Get("discharging_energy_watt_hour"),
            EweVolt = Get("ewe_volt"), EceVolt = Get("ece_volt"), InstrumentKind = kinds, InstrumentHalfCycle = halfCycles,
            ActiveMassKg = mass, AreaM2 = area, Notes = notes,
        };
    }

    /// <summary>Mass and area from the sidecar when there is one (its notes appended, each once); a damaged sidecar is an error naming it.</summary>
    private static (double? MassKg, double? AreaM2) ReadMetadata(string path, List<string> notes)
    {
        string sidecar = MetadataPath(path);
        if (!File.Exists(sidecar)) return (null, null);
        JsonObject meta;
        try { meta = JsonNode.Parse(File.ReadAllText(sidecar)) as JsonObject ?? throw new JsonException("not a JSON object"); }
        catch (JsonException e) { throw new InvalidInputException($"{sidecar}: not a readable BDF metadata sidecar ({e.Message.Split('\n')[0]})"); }
        double? Positive(string key)
        {
            var node = meta[key];
            if (node is null) return null;
            if (node.GetValueKind() != JsonValueKind.Number || node.GetValue<double>() is not (> 0 and var v) || !double.IsFinite(v))
                throw new InvalidInputException($"{sidecar}: '{key}' must be a positive number or null");
            return v;
        }
        double? massMg = Positive("activeMassMg"), areaCm2 = Positive("areaCm2");
        if (meta["notes"] is JsonArray earlier)
            foreach (var n in earlier)
                if (n?.GetValueKind() == JsonValueKind.String && !notes.Contains(n.GetValue<string>())) notes.Add(n.GetValue<string>());
        notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"metadata from {Path.GetFileName(sidecar)}: active mass {(massMg is { } m ? $"{m:G6} mg" : "none")}, area {(areaCm2 is { } a ? $"{a:G6} cm²" : "none")}"));
        return (massMg * 1e-6, areaCm2 * 1e-4);
    }
}
