using BenchmarkDotNet.Attributes;
using Borolyte.Chemistry;
using Borolyte.Recipes;

namespace Borolyte.Bench;

/// <summary>Solving the element balance of a recipe (least squares with rank check).</summary>
[MemoryDiagnoser]
public class RecipeBenchmarks
{
    private readonly Formula _target = Formula.Parse("Na4(B12H12)(B10H10)");
    private readonly Formula[] _precursors = [Formula.Parse("Na2B12H12"), Formula.Parse("Na2B10H10")];

    [Benchmark(Description = "recipe 1 g Na4(B12H12)(B10H10) from 2 precursors")]
    public double Solve() => RecipeCalculator.Solve(_target, _precursors, 1e-3).TotalPrecursorMassKg;
}
