using BenchmarkDotNet.Attributes;
using Borolyte.Chemistry;
using Borolyte.Thermo;

namespace Borolyte.Bench;

/// <summary>
/// Hull + energy above hull of every entry of a 4-element, 300-entry system, and one electrochemical window, on the same
/// entries as pymatgen's timing in docs/benchmarks.md (tests/data/thermo/bench-na-b-h-o-300.entries.json).
/// </summary>
[MemoryDiagnoser]
public class ThermoBenchmarks
{
    private IReadOnlyList<ThermoEntry> _entries = [];
    private readonly Formula _compound = Formula.Parse("NaB4H3O3");

    [GlobalSetup]
    public void Setup()
    {
        // The fixture lives in the repository; walk up from the benchmark's output folder to find it.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "tests", "data", "thermo", "bench-na-b-h-o-300.entries.json");
            if (File.Exists(path)) { _entries = EntryFile.Read(path); return; }
        }
        throw new FileNotFoundException("tests/data/thermo/bench-na-b-h-o-300.entries.json not found above " + AppContext.BaseDirectory);
    }

    [Benchmark(Description = "hull + e_above_hull, 300 entries, Na-B-H-O")]
    public double HullAndEAboveHull()
    {
        var pd = new PhaseDiagram(_entries);
        double sum = 0;
        foreach (var r in pd.Analyse()) sum += r.EAboveHullEvPerAtom;
        return sum;
    }

    [Benchmark(Description = "window of NaB4H3O3 vs Na, 300 entries")]
    public double Window() => GrandPotentialDiagram.Window(_entries, _compound, "Na").OxidationLimitV;
}
