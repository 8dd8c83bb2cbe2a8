using BenchmarkDotNet.Attributes;
using Borolyte.Chemistry;

namespace Borolyte.Bench;

/// <summary>Formula parsing, molar mass and cluster counting: the per-formula costs every module pays.</summary>
[MemoryDiagnoser]
public class ChemistryBenchmarks
{
    private static readonly string[] Formulas =
    [
        "NaCl", "Na4(B12H12)(B10H10)", "Li(CB9H10)0.7(CB11H12)0.3", "[B12H12]2-", "Na2B12H12·2H2O",
        "Na2(CB9H10)(CB11H12)", "Li4(BH4)3I", "NaCrO2", "Na3PS4", "[CB11H12]-",
    ];

    private readonly Formula _salt = Formula.Parse("Na4(B12H12)(B10H10)");
    private readonly Formula _anion = Formula.Parse("[B12H12]2-");

    [Benchmark(Description = "parse 10 formulas")]
    public int Parse10()
    {
        int atoms = 0;
        foreach (var text in Formulas) atoms += Formula.Parse(text).Composition.ElementCount;
        return atoms;
    }

    [Benchmark(Description = "molar mass of a parsed formula")]
    public double MolarMass() => _salt.MolarMassGPerMol;

    [Benchmark(Description = "Wade–Mingos count of [B12H12]2-")]
    public double WadeMingosCount() => WadeMingos.Count(_anion).SkeletalElectronPairs;
}
