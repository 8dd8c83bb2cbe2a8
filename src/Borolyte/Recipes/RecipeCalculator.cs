using System.Globalization;
using Borolyte.Chemistry;
using MathNet.Numerics.LinearAlgebra;

namespace Borolyte.Recipes;

/// <summary>
/// Precursor amounts from the element balance (conservation of atoms):
/// target + Σ_j y_j·byproduct_j = Σ_i x_i·precursor_i, with x, y ≥ 0, solved exactly (QR least squares with an SVD rank
/// check; a residual above 1e-9 relative means no exact balance exists). Seed 004, Experimental: "533.6 mg Na2B12H12 and
/// 466.4 mg Na2B10H10" for 1 g Na4(B12H12)(B10H10); "~367.5 mg of Na with 632.5 mg of Sn" for Na3Sn.
/// </summary>
public static class RecipeCalculator
{
    private const double RelativeTolerance = 1e-9;

    /// <summary>Amounts of <paramref name="precursors"/> for <paramref name="targetMassKg"/> kg of <paramref name="target"/>.</summary>
    public static Recipe Solve(Formula target, IReadOnlyList<Formula> precursors, double targetMassKg,
        IReadOnlyList<Formula>? byproducts = null)
    {
        byproducts ??= [];
        if (!(targetMassKg > 0) || double.IsInfinity(targetMassKg))
            throw new InvalidInputException($"target mass must be greater than zero, got {targetMassKg.ToString(CultureInfo.InvariantCulture)} kg");
        if (precursors.Count == 0)
            throw new InvalidInputException("no precursors given");
        var duplicate = precursors.Concat(byproducts).GroupBy(f => f.Composition.HillFormula).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidInputException($"{string.Join(" and ", duplicate.Select(f => f.Text))} are the same compound; list it once");

        // Element checks with messages a person can act on.
        var targetElements = target.Composition.Elements.Select(e => e.Symbol).ToHashSet();
        var precursorElements = precursors.SelectMany(p => p.Composition.Elements).Select(e => e.Symbol).ToHashSet();
        var byproductElements = byproducts.SelectMany(p => p.Composition.Elements).Select(e => e.Symbol).ToHashSet();
        foreach (var e in target.Composition.Elements)
            if (!precursorElements.Contains(e.Symbol))
                throw new InvalidInputException($"{e.Symbol} is in the target {target.Text} but in none of the precursors ({Names(precursors)})");
        foreach (var p in precursors)
            foreach (var e in p.Composition.Elements)
                if (!targetElements.Contains(e.Symbol) && !byproductElements.Contains(e.Symbol))
                    throw new InvalidInputException(
                        $"{e.Symbol} from precursor {p.Text} is not in the target {target.Text}; list the by-product that carries it away (e.g. --byproducts {SuggestByproduct(e.Symbol)})");
        foreach (var bp in byproducts)
            foreach (var e in bp.Composition.Elements)
                if (!precursorElements.Contains(e.Symbol))
                    throw new InvalidInputException($"{e.Symbol} in by-product {bp.Text} comes from none of the precursors");

        // Columns: precursors (+), by-products (−); rows: elements.
        var elements = targetElements.Concat(precursorElements).Concat(byproductElements).Distinct().OrderBy(s => PeriodicTable.BySymbol(s).AtomicNumber).ToArray();
        var species = precursors.Concat(byproducts).ToArray();
        int m = elements.Length, k = species.Length;
        var a = Matrix<double>.Build.Dense(m, k, (r, c) =>
            (c < precursors.Count ? 1 : -1) * species[c].Composition.AmountOf(elements[r]));
        var b = Vector<double>.Build.Dense(m, r => target.Composition.AmountOf(elements[r]));

        if (k > m)
            throw Dependent(a, species, precursors.Count, $"{k} precursors/by-products but only {m} elements to balance");
        var svd = a.Svd(computeVectors: true);
        double sMax = svd.S.Maximum();
        int rank = svd.S.Count(s => s > sMax * 1e-10);
        if (rank < k)
            throw Dependent(a, species, precursors.Count, null);

        var x = a.QR().Solve(b);
        var residual = a * x - b;
        double scale = Math.Max(1, b.InfinityNorm());
        if (residual.InfinityNorm() > RelativeTolerance * scale)
        {
            int worst = residual.AbsoluteMaximumIndex();
            throw new InvalidInputException(
                $"{target.Text} cannot be made from {Names(precursors)}{(byproducts.Count > 0 ? $" with by-products {Names(byproducts)}" : "")}: " +
                $"no combination balances the elements (best fit is off by {Fmt(residual[worst])} {elements[worst]} per formula unit; the target needs {Fmt(b[worst])})" +
                (byproducts.Count == 0 ? "; if the reaction releases something (e.g. H2), list it with --byproducts" : ""));
        }

        for (int i = 0; i < k; i++)
        {
            if (Math.Abs(x[i]) < 1e-12) x[i] = 0;
            if (x[i] < 0)
                throw new InvalidInputException(i < precursors.Count
                    ? $"the balance needs {Fmt(x[i])} mol of precursor {species[i].Text} per mol of {target.Text}: a negative amount means it would be produced, not consumed; remove it or list it with --byproducts"
                    : $"the balance needs {Fmt(x[i])} mol of by-product {species[i].Text} per mol of {target.Text}: it would be consumed, not produced; list it as a precursor instead");
        }

        double targetMol = targetMassKg / target.Composition.MolarMassKgPerMol;
        RecipeLine Line(int i) => new(species[i], x[i], x[i] * targetMol, x[i] * targetMol * species[i].Composition.MolarMassKgPerMol);
        return new Recipe(target, targetMassKg, targetMol,
            Enumerable.Range(0, precursors.Count).Select(Line).ToArray(),
            Enumerable.Range(precursors.Count, byproducts.Count).Select(Line).ToArray());
    }

    // Describe one linear dependency from the null space of the balance matrix.
    private static InvalidInputException Dependent(Matrix<double> a, Formula[] species, int precursorCount, string? reason)
    {
        var kernel = a.Kernel();
        string relation = "";
        if (kernel.Length > 0)
        {
            var v = kernel[0];
            double smallest = v.Where(c => Math.Abs(c) > 1e-9).Select(Math.Abs).DefaultIfEmpty(1).Min();
            var coefficients = v.Select(c => c / smallest).ToArray();
            // Columns of by-products carry a minus sign in the matrix; undo it so the relation reads in compositions.
            for (int i = precursorCount; i < coefficients.Length; i++) coefficients[i] = -coefficients[i];
            var left = new List<string>();
            var right = new List<string>();
            for (int i = 0; i < coefficients.Length; i++)
            {
                if (Math.Abs(coefficients[i]) < 1e-9) continue;
                (coefficients[i] > 0 ? left : right).Add($"{Fmt(Math.Abs(coefficients[i]))} {species[i].Text}");
            }
            var involved = species.Where((_, i) => Math.Abs(coefficients[i]) >= 1e-9).Select(s => s.Text).ToList();
            relation = $"{JoinAnd(involved)} are linearly dependent ({string.Join(" + ", left)} = {string.Join(" + ", right)})";
        }
        string why = reason is null ? "" : $"{reason}: ";
        return new InvalidInputException(
            $"precursor amounts are not uniquely determined: {why}{relation}; remove one of them");
    }

    private static string JoinAnd(IReadOnlyList<string> items) =>
        items.Count <= 1 ? string.Join("", items) : $"{string.Join(", ", items.Take(items.Count - 1))} and {items[^1]}";

    private static string Names(IEnumerable<Formula> formulas) => string.Join(", ", formulas.Select(f => f.Text));

    private static string SuggestByproduct(string symbol) => symbol switch
    {
        "H" => "H2",
        "Cl" => "NaCl",
        "O" => "H2O",
        "N" => "N2",
        _ => symbol,
    };

    private static string Fmt(double v) => Math.Round(v, 6).ToString("0.######", CultureInfo.InvariantCulture);
}
