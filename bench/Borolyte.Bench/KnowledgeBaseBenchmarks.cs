using BenchmarkDotNet.Attributes;
using Borolyte.Storage;

namespace Borolyte.Bench;

/// <summary>The knowledge base on a real SQLite file: re-open (migrations + seed check), list with a σ filter, search.</summary>
[MemoryDiagnoser]
public class KnowledgeBaseBenchmarks
{
    private string _dir = null!;
    private string _path = null!;
    private KnowledgeBase _kb = null!;

    [GlobalSetup]
    public void Setup()
    {
        _dir = Directory.CreateTempSubdirectory("borolyte-bench").FullName;
        _path = Path.Combine(_dir, "kb.db");
        using (KnowledgeBase.Open(_path)) { } // first open migrates and seeds
        _kb = KnowledgeBase.Open(_path);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _kb.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Benchmark(Description = "re-open seeded database (seed unchanged)")]
    public int Reopen()
    {
        using var kb = KnowledgeBase.Open(_path);
        return kb.SchemaVersion;
    }

    [Benchmark(Description = "list Na compounds with σ(25 °C) ≥ 1e-3 S/cm")]
    public int ListFiltered() =>
        _kb.ListCompounds(new CompoundFilter { CarrierIon = "Na", MinConductivitySPerCm = 1e-3, TemperatureC = 25 }).Count;

    [Benchmark(Description = "full-text search 'isopropanol'")]
    public int Search() => _kb.Search("isopropanol").Count;

    [Benchmark(Description = "show Na4(B12H12)(B10H10) with provenance")]
    public int Show() => _kb.ShowCompound("Na4(B12H12)(B10H10)").Properties.Count;
}
