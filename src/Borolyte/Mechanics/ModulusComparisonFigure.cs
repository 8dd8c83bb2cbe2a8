using System.Globalization;
using Borolyte.Reporting;

namespace Borolyte.Mechanics;

/// <summary>
/// Shear modulus G against bulk modulus B (review Figure 12b, seed 000 §3.3): the materials (values as markers, pairs of
/// upper bounds as the region they allow), iso-Young's-modulus lines, Pugh's line B/G = 1.75 and the Monroe–Newman
/// thresholds 2·G_metal of Li and Na.
/// </summary>
public static class ModulusComparisonFigure
{
    /// <summary>Candidate Young's moduli (GPa) of the iso-E lines; those up to <see cref="IsoLineLimitFactor"/>·B_max are drawn.</summary>
    public static readonly IReadOnlyList<double> IsoYoungsModuliGpa = [10, 20, 40, 80, 160, 320];

    /// <summary>An iso-E line is drawn when E ≤ 2.5·B_max (ν ≥ 0 needs E ≤ 3B, so larger E barely enter the plot).</summary>
    public const double IsoLineLimitFactor = 2.5;

    private static string Num(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Right end of the B axis (GPa): 1.4 × the largest bulk modulus, at least 25 GPa.</summary>
    public static double BulkAxisEndGpa(IReadOnlyList<ModulusPoint> points) => Math.Max(25, points.Select(p => p.BulkGpa).DefaultIfEmpty(0).Max() * 1.4);

    /// <summary>Shear modulus (GPa) on the iso-Young's-modulus line E at bulk modulus B: G = 3BE/(9B − E), from E = 9BG/(3B + G) (isotropic elasticity).</summary>
    // E = 9KG/(3K + G) for an isotropic solid (Landau & Lifshitz, Theory of Elasticity, 3rd ed., §5, eq. 5.3), solved for G.
    public static double IsoYoungsShearGpa(double bulkGpa, double youngsGpa) => 3 * bulkGpa * youngsGpa / (9 * bulkGpa - youngsGpa);

    public static PlotlyFigure Build(IReadOnlyList<ModulusPoint> points)
    {
        var figure = new PlotlyFigure("Shear vs bulk modulus (cf. review Figure 12b)", "B (GPa)", "G (GPa)")
        {
            Caption = "Dashed: iso-Young's-modulus lines G = 3BE/(9B − E); dash-dot: Pugh B/G = 1.75 (ductile below); dotted: Monroe–Newman 2·G_metal.",
        };
        // Materials with the same moduli share one trace (the review gives one bound for six hydroborates).
        foreach (var group in points.GroupBy(p => (p.BulkGpa, p.BulkQualifier, p.ShearGpa, p.ShearQualifier, p.Source)))
        {
            var (b, bq, g, gq, source) = group.Key;
            string name = string.Join(", ", group.Select(p => p.Name));
            string hover = source is null ? name : $"{name} ({source})";
            if (group.First().IsUpperBound)
                figure.AddTrace(new PlotlyTrace($"{name}: B {bq} {Num(b)}, G {gq} {Num(g)} GPa", [0, b, b, 0, 0], [0, 0, g, g, 0]) { Mode = "lines", HoverTexts = Enumerable.Repeat(hover, 5).ToArray() });
            else
                figure.AddTrace(new PlotlyTrace(name, [b], [g]) { Mode = "markers", HoverTexts = [$"{hover}: B {bq} {Num(b)}, G {gq} {Num(g)} GPa, B/G = {Num(b / g)}"] });
        }
        double bMax = BulkAxisEndGpa(points);
        foreach (var (metal, gm) in new[] { ("Li", DendriteCriterion.LithiumShearModulusGpa), ("Na", DendriteCriterion.SodiumShearModulusGpa) })
        {
            double required = DendriteCriterion.RequiredRatio * gm; // Monroe & Newman 2005: G_SE ≥ 2 G_metal
            figure.AddTrace(new PlotlyTrace($"Monroe–Newman, {metal}: G = {Num(required)} GPa", [0, bMax], [required, required]) { Mode = "lines", Dash = "dot" });
        }
        foreach (double e in IsoYoungsModuliGpa.Where(e => e <= IsoLineLimitFactor * bMax))
        {
            // drawn for B ≥ E/3, i.e. Poisson's ratio ≥ 0 (at B = E/3, G = E/2)
            var bs = Enumerable.Range(0, 61).Select(k => e / 3 + (bMax - e / 3) * k / 60.0).ToArray();
            figure.AddTrace(new PlotlyTrace($"E = {Num(e)} GPa", bs, bs.Select(b => IsoYoungsShearGpa(b, e)).ToArray()) { Mode = "lines", Dash = "dash", LegendGroup = "iso-E" });
        }
        // Pugh (1954): B/G = 1.75 separates ductile (below the line in G vs B) from brittle
        figure.AddTrace(new PlotlyTrace($"Pugh B/G = {Num(ElasticProperties.PughThreshold)}", [0, bMax], [0, bMax / ElasticProperties.PughThreshold]) { Mode = "lines", Dash = "dashdot" });
        return figure;
    }
}
