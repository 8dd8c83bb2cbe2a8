using System.Globalization;
using Borolyte.Reporting;

namespace Borolyte.Thermo;

/// <summary>A window to draw and the name of its curve (e.g. "without B10H14", "all entries").</summary>
public sealed record LabelledWindow(string Label, ElectrochemicalWindow Window);

/// <summary>
/// The full profile of an electrochemical window as a figure (issue 4 §2: "M uptake vs φ, products in each range"): a step
/// plot of M uptake per formula unit against the applied potential φ (V vs M⁺/M), the phases of each range in the hover
/// text, and the reduction and oxidation limits as vertical lines. Several windows of one compound (e.g. with and without
/// excluded phases) share the axes.
/// </summary>
public static class WindowProfileFigure
{
    /// <summary>How far (V) the plot runs past the last breakpoint; the last range itself continues to <see cref="GrandPotentialDiagram.SearchLimitV"/>.</summary>
    public const double MarginV = 1.0;

    private static string Num(double v, string format = "0.###") => (Math.Abs(v) < 5e-10 ? 0.0 : v).ToString(format, CultureInfo.InvariantCulture);

    /// <summary>
    /// Right end (V) of the drawn potential axis: <see cref="MarginV"/> past the highest breakpoint of any profile, or the whole
    /// search range when no profile has a breakpoint (a compound stable from 0 V to the search limit).
    /// </summary>
    public static double DisplayEndV(IEnumerable<ElectrochemicalWindow> windows)
    {
        double lastBreak = windows.SelectMany(w => w.Profile).Select(p => p.FromV).DefaultIfEmpty(0).Max();
        return lastBreak <= 0 ? GrandPotentialDiagram.SearchLimitV : Math.Min(GrandPotentialDiagram.SearchLimitV, lastBreak + MarginV);
    }

    /// <summary>The step plot of every window (all of one compound against one open element).</summary>
    public static PlotlyFigure Build(IReadOnlyList<LabelledWindow> windows)
    {
        if (windows.Count == 0) throw new ArgumentException("no window to draw", nameof(windows));
        var first = windows[0].Window;
        if (windows.Any(w => w.Window.OpenElement.Symbol != first.OpenElement.Symbol))
            throw new ArgumentException("windows against different open elements cannot share a potential axis", nameof(windows));
        string m = first.OpenElement.Symbol;
        double end = DisplayEndV(windows.Select(w => w.Window));
        var uptakes = windows.SelectMany(w => w.Window.Profile).Select(p => p.UptakePerFormulaUnit).ToArray();
        double yLow = Math.Min(0, uptakes.Min()), yHigh = Math.Max(0, uptakes.Max());
        double pad = Math.Max(0.1 * (yHigh - yLow), 0.25);
        yLow -= pad;
        yHigh += pad;
        bool clipped = end < GrandPotentialDiagram.SearchLimitV;
        var figure = new PlotlyFigure($"{first.Compound}: {m} uptake vs potential (grand-potential profile)", $"φ (V vs {m}+/{m})",
            $"{m} uptake per formula unit")
        {
            Caption = $"> 0: {m} taken up (reduction); < 0: {m} released (oxidation); 0: the compound is stable. Dashed: reduction limit; dotted: oxidation limit." +
                      (clipped ? $" The last range continues to {Num(GrandPotentialDiagram.SearchLimitV)} V." : ""),
        };
        bool several = windows.Count > 1;
        foreach (var (label, w) in windows)
        {
            // One horizontal segment per range at its constant uptake; consecutive segments meet at the breakpoint in a vertical
            // step (the uptake jumps there: seed 000 §3.2, the slope of the grand potential changes at a facet chemical potential).
            var xs = new List<double>();
            var ys = new List<double>();
            var texts = new List<string>();
            foreach (var r in w.Profile)
            {
                if (r.FromV >= end) break;
                double to = Math.Min(r.ToV, end);
                string text = $"{Num(r.FromV)}–{Num(r.ToV)} V: {Num(r.UptakePerFormulaUnit)} {m} per f.u. → {DecompositionPhase.Describe(r.Products)}";
                xs.AddRange([r.FromV, to]);
                ys.AddRange([r.UptakePerFormulaUnit, r.UptakePerFormulaUnit]);
                texts.AddRange([text, text]);
            }
            string group = several ? label : "profile";
            // Later profiles are drawn thinner and dashed so that where two coincide both stay visible.
            bool firstProfile = figure.Traces.Count == 0;
            figure.AddTrace(new PlotlyTrace(several ? $"{m} uptake, {label}" : $"{m} uptake", xs, ys)
            {
                Mode = "lines", HoverTexts = texts, LegendGroup = group, LineWidth = firstProfile ? 5 : 2, Dash = firstProfile ? null : "dash",
            });
            string prefix = several ? label + ": " : "";
            string reduction = w.ReductionLimitV > 0
                ? $"reduced below {Num(w.ReductionLimitV)} V → {DecompositionPhase.Describe(w.ReductionProducts)}"
                : $"stable against {m} metal (no reduction above 0 V)";
            figure.AddTrace(new PlotlyTrace($"{prefix}reduction limit {Num(w.ReductionLimitV)} V", [w.ReductionLimitV, w.ReductionLimitV], [yLow, yHigh])
            {
                Mode = "lines", Dash = "dash", LegendGroup = group, HoverTexts = [reduction, reduction],
            });
            if (w.OxidationLimitV < GrandPotentialDiagram.SearchLimitV)
            {
                string oxidation = $"oxidised above {Num(w.OxidationLimitV)} V → {DecompositionPhase.Describe(w.OxidationProducts)}";
                figure.AddTrace(new PlotlyTrace($"{prefix}oxidation limit {Num(w.OxidationLimitV)} V", [w.OxidationLimitV, w.OxidationLimitV], [yLow, yHigh])
                {
                    Mode = "lines", Dash = "dot", LegendGroup = group, HoverTexts = [oxidation, oxidation],
                });
            }
        }
        return figure;
    }
}
