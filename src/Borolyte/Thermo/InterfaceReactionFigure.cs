using System.Globalization;
using Borolyte.Reporting;

namespace Borolyte.Thermo;

/// <summary>An interface reactivity to draw and the name of its curve (e.g. "closed", "open to Na at 3 V").</summary>
public sealed record LabelledReactivity(string Label, InterfaceReactivity Reactivity);

/// <summary>
/// Reaction energy of mixing A and B against the mixing ratio (issue 4 §3; Richards et al., Chem. Mater. 28 (2016) 266,
/// Figure 2): the exact kinks joined by straight lines (ΔE is piecewise linear between them), the products at each kink in
/// the hover text, and the most negative reaction marked. Several curves of one pair (closed, open at a potential) share the axes.
/// </summary>
public static class InterfaceReactionFigure
{
    private static string Num(double v, string format = "0.###") => (Math.Abs(v) < 5e-10 ? 0.0 : v).ToString(format, CultureInfo.InvariantCulture);

    public static PlotlyFigure Build(IReadOnlyList<LabelledReactivity> curves)
    {
        if (curves.Count == 0) throw new ArgumentException("no reactivity to draw", nameof(curves));
        var first = curves[0].Reactivity;
        var figure = new PlotlyFigure($"{first.A} | {first.B} interface reaction energy", $"mixing ratio x (atomic fraction of {first.A})", "reaction energy (eV/atom)")
        {
            Caption = $"Markers: the kinks (products in the hover text); the separate marker of each curve: its most negative reaction. x = 0 is pure {first.B}, x = 1 pure {first.A}.",
        };
        foreach (var (label, r) in curves)
        {
            figure.AddTrace(new PlotlyTrace(label, r.Kinks.Select(k => k.MixingRatio).ToArray(), r.Kinks.Select(k => k.ReactionEnergyEvPerAtom).ToArray())
            {
                Mode = "lines+markers",
                LegendGroup = label,
                HoverTexts = r.Kinks.Select(k => $"x = {Num(k.MixingRatio, "0.####")}: {Num(k.ReactionEnergyEvPerAtom, "0.####")} eV/atom → {DecompositionPhase.Describe(k.Products)}").ToArray(),
            });
            string min = $"most negative: {Num(r.MinReactionEnergyEvPerAtom, "0.####")} eV/atom at x = {Num(r.MixingRatio, "0.####")} → {DecompositionPhase.Describe(r.Products)}";
            figure.AddTrace(new PlotlyTrace($"{label}: {min}", [r.MixingRatio], [r.MinReactionEnergyEvPerAtom])
            {
                Mode = "markers", LegendGroup = label, HoverTexts = [min], MarkerSymbol = "star", MarkerSize = 14,
            });
        }
        return figure;
    }
}
