using Borolyte.Chemistry;

namespace Borolyte.Recipes;

/// <summary>
/// Precursor amounts for a batch of <see cref="Target"/>: element balance target + Σ y_j·byproduct_j = Σ x_i·precursor_i.
/// </summary>
public sealed record Recipe(
    Formula Target,
    double TargetMassKg,
    double TargetAmountMol,
    IReadOnlyList<RecipeLine> Precursors,
    IReadOnlyList<RecipeLine> Byproducts)
{
    /// <summary>Total mass of all precursors (kg); equals target + by-product mass by mass balance.</summary>
    public double TotalPrecursorMassKg => Precursors.Sum(p => p.MassKg);

    /// <summary>A line for each precursor, as a readable reaction: "1 Na2B12H12 + 1 Na2B10H10 → 1 Na4(B12H12)(B10H10)".</summary>
    public string Equation
    {
        get
        {
            static string Term(RecipeLine l) => $"{Composition.FormatAmount(Math.Round(l.MolesPerMoleTarget, 6))} {l.Formula.Text}";
            var left = string.Join(" + ", Precursors.Select(Term));
            var right = string.Join(" + ", new[] { $"1 {Target.Text}" }.Concat(Byproducts.Select(Term)));
            return $"{left} → {right}";
        }
    }
}
