using System.Runtime.InteropServices;
using System.Text.Json;
using Borolyte.Cycling;
using Borolyte.Cycling.Readers;
using Microsoft.Data.Sqlite;

namespace Borolyte.Storage;

/// <summary>
/// Cycling runs in the knowledge base (migration 3): one row per run in <c>cycling_runs</c> and one BLOB per harmonised
/// column in <c>cycling_run_columns</c> (little-endian float64, int32 or uint8, exactly the run's arrays), so a stored
/// run loads back bit-identical and exports to the same BDF CSV as the file it came from.
/// </summary>
public sealed partial class KnowledgeBase
{
    /// <summary>Stores the run under <paramref name="name"/> (unique) in one transaction.</summary>
    public StoredCyclingRun AddCyclingRun(CyclingRun run, string name, string sourceSha256)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("cycling runs are stored little-endian");
        if (string.IsNullOrWhiteSpace(name)) throw new InvalidInputException("cycling run name: empty");
        if (Scalar("SELECT imported_utc FROM cycling_runs WHERE name = $n", null, ("$n", name)) is string when)
            throw new InvalidInputException($"{Path}: a cycling run named '{name}' exists already (imported {when}); choose another --name");
        string imported = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ");
        using var tx = _connection.BeginTransaction();
        Execute("""
            INSERT INTO cycling_runs (name, source_path, source_sha256, format, cycle_definition, points, cycles, active_mass_kg, area_m2, notes, imported_utc)
            VALUES ($name, $path, $sha, $format, $def, $points, $cycles, $mass, $area, $notes, $utc)
            """, tx, ("$name", name), ("$path", run.SourcePath), ("$sha", sourceSha256), ("$format", run.Format),
            ("$def", run.CycleDefinition.ToString()), ("$points", run.Count), ("$cycles", run.Cycles.Length),
            ("$mass", run.ActiveMassKg), ("$area", run.AreaM2), ("$notes", JsonSerializer.Serialize(run.Notes)), ("$utc", imported));
        long id = Convert.ToInt64(Scalar("SELECT last_insert_rowid()", tx));
        // The BDF columns (as the CSV writer lists them) and the two harmonised ones BDF has no name for.
        foreach (var (column, values) in BdfCsv.Columns(run).Append(("half_cycle", run.HalfCycle)).Append(("step_kind", run.Kind)))
        {
            var (element, data) = values switch
            {
                double[] d => ("f64", MemoryMarshal.AsBytes(d.AsSpan()).ToArray()),
                int[] n => ("i32", MemoryMarshal.AsBytes(n.AsSpan()).ToArray()),
                StepKind[] k => ("u8", MemoryMarshal.AsBytes(k.AsSpan()).ToArray()),
                _ => throw new InvalidOperationException($"column {column}: unexpected element type {values.GetType().Name}"),
            };
            Execute("INSERT INTO cycling_run_columns (run_id, name, element, data) VALUES ($id, $n, $e, $d)", tx, ("$id", id), ("$n", column), ("$e", element), ("$d", data));
        }
        tx.Commit();
        return new StoredCyclingRun(id, name, run.Format, run.SourcePath, sourceSha256, run.Count, run.Cycles.Length,
            run.CycleDefinition.ToString(), run.ActiveMassKg, run.AreaM2, imported);
    }

    /// <summary>The stored runs, in import order.</summary>
    public IReadOnlyList<StoredCyclingRun> CyclingRuns()
    {
        var list = new List<StoredCyclingRun>();
        using var cmd = Command("SELECT id, name, format, source_path, source_sha256, points, cycles, cycle_definition, active_mass_kg, area_m2, imported_utc FROM cycling_runs ORDER BY id");
        using var r = cmd.ExecuteReader();
        while (r.Read())
            list.Add(new StoredCyclingRun(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetInt32(5), r.GetInt32(6),
                r.GetString(7), r.IsDBNull(8) ? null : r.GetDouble(8), r.IsDBNull(9) ? null : r.GetDouble(9), r.GetString(10)));
        return list;
    }

    /// <summary>Loads a stored run by name, or by id when <paramref name="nameOrId"/> is a number no run is named.</summary>
    public CyclingRun LoadCyclingRun(string nameOrId)
    {
        var runs = CyclingRuns();
        var info = runs.FirstOrDefault(r => r.Name == nameOrId)
            ?? (long.TryParse(nameOrId, out long id) ? runs.FirstOrDefault(r => r.Id == id) : null)
            ?? throw new InvalidInputException($"{Path}: no cycling run '{nameOrId}' (stored: {(runs.Count == 0 ? "none" : string.Join(", ", runs.Select(r => r.Name)))})");
        var columns = new Dictionary<string, (string Element, byte[] Data)>();
        using (var cmd = Command("SELECT name, element, data FROM cycling_run_columns WHERE run_id = $id", null, ("$id", info.Id)))
        using (var r = cmd.ExecuteReader())
            while (r.Read()) columns[r.GetString(0)] = (r.GetString(1), (byte[])r.GetValue(2));
        T[]? Get<T>(string name, string element) where T : struct
        {
            if (!columns.TryGetValue(name, out var c)) return null;
            if (c.Element != element || c.Data.Length != info.Points * Marshal.SizeOf<T>())
                throw new InvalidInputException($"{Path}: cycling run '{info.Name}', column {name}: {c.Data.Length} bytes of {c.Element} for {info.Points} points (damaged?)");
            return MemoryMarshal.Cast<byte, T>(c.Data).ToArray();
        }
        T[] Need<T>(string name, string element) where T : struct =>
            Get<T>(name, element) ?? throw new InvalidInputException($"{Path}: cycling run '{info.Name}' has no {name} column (damaged?)");
        string notes = Scalar("SELECT notes FROM cycling_runs WHERE id = $id", null, ("$id", info.Id)) as string ?? "[]";
        return new CyclingRun
        {
            SourcePath = info.SourcePath, Format = info.Format,
            TestTimeSecond = Need<double>("test_time_second", "f64"), VoltageVolt = Need<double>("voltage_volt", "f64"),
            CurrentAmpere = Need<double>("current_ampere", "f64"), CycleCount = Need<int>("cycle_count", "i32"),
            StepCount = Need<int>("step_count", "i32"), StepIndex = Get<int>("step_index", "i32"), HalfCycle = Need<int>("half_cycle", "i32"),
            Kind = Need<byte>("step_kind", "u8").Select(b => (StepKind)b).ToArray(),
            ChargingCapacityAmpereHour = Get<double>("charging_capacity_ampere_hour", "f64"),
            DischargingCapacityAmpereHour = Get<double>("discharging_capacity_ampere_hour", "f64"),
            ChargingEnergyWattHour = Get<double>("charging_energy_watt_hour", "f64"),
            DischargingEnergyWattHour = Get<double>("discharging_energy_watt_hour", "f64"),
            EweVolt = Get<double>("ewe_volt", "f64"), EceVolt = Get<double>("ece_volt", "f64"),
            CycleDefinition = Enum.Parse<CycleDefinition>(info.CycleDefinition), ActiveMassKg = info.ActiveMassKg, AreaM2 = info.AreaM2,
            Notes = JsonSerializer.Deserialize<List<string>>(notes) ?? [],
        };
    }
}
