using System.Globalization;
using Borolyte.Chemistry;
using Borolyte.Mechanics;
using Borolyte.Reporting;
using Borolyte.Thermo;

namespace Borolyte.Studies;

/// <summary>Elastic moduli of one material for the mechanical table (GPa).</summary>
public sealed record MechanicalInput(string Material, double BulkModulusGpa, double ShearModulusGpa, string Source);

/// <summary>
/// The demo's stability section (seed 000 §3.2–3.3): electrochemical windows as a bar chart (review Figure 11c), an
/// interface reaction profile, and the mechanical table with Pugh and Monroe–Newman verdicts plus G vs B with
/// iso-Young's-modulus lines (review Figure 12b). Every part is optional: it is drawn only when its inputs are given.
/// </summary>
public static class StabilitySection
{
    private static string Num(double v, string format = "0.##") => v.ToString(format, CultureInfo.InvariantCulture);

    /// <param name="report">Report to append to.</param>
    /// <param name="entries">Thermodynamic entries (e.g. a built-in or user dataset); null skips windows and interface.</param>
    /// <param name="windows">Compounds and their open element for the window chart, e.g. ("Na2B12H12", "Na").</param>
    /// <param name="interfacePair">Electrolyte | electrode pair with open element and potential, e.g. ("Na2B12H12", "NaCrO2", "Na", 3.0).</param>
    /// <param name="mechanics">Moduli for the mechanical table; null or empty skips it.</param>
    public static void AddTo(
        HtmlReport report,
        IReadOnlyList<ThermoEntry>? entries = null,
        IReadOnlyList<(string Compound, string OpenElement)>? windows = null,
        (string A, string B, string? OpenElement, double PotentialV)? interfacePair = null,
        IReadOnlyList<MechanicalInput>? mechanics = null)
    {
        report.AddHeading("Stability");
        report.AddParagraph("Thermodynamic windows from exact grand-potential phase diagrams, interface reactivity, and mechanical " +
                            "properties (review §3.2–3.3). 0 K DFT energies; kinetics and missing phases (e.g. [B24H23]3− dimers) are not considered.");
        if (entries is not null && windows is { Count: > 0 })
        {
            var figure = new PlotlyFigure("Electrochemical stability windows", "compound (index)", "potential (V vs M+/M)")
            {
                Caption = "Each bar spans reduction to oxidation limit; compounds: " + string.Join(", ", windows.Select((w, i) => $"{i}: {w.Compound} vs {w.OpenElement}")),
            };
            var rows = new List<IReadOnlyList<string>>();
            for (int i = 0; i < windows.Count; i++)
            {
                var w = GrandPotentialDiagram.Window(entries, Formula.Parse(windows[i].Compound), windows[i].OpenElement);
                figure.AddTrace(new PlotlyTrace($"{w.Compound} vs {w.OpenElement.Symbol}", [i, i], [w.ReductionLimitV, w.OxidationLimitV]) { Mode = "lines+markers" });
                rows.Add([w.Compound, w.OpenElement.Symbol, Num(w.ReductionLimitV), Num(w.OxidationLimitV),
                    string.Join(" + ", w.ReductionProducts.Select(p => p.Entry.ReducedFormula)), string.Join(" + ", w.OxidationProducts.Select(p => p.Entry.ReducedFormula))]);
            }
            report.AddFigure(figure);
            report.AddTable(new ReportTable("Windows", ["compound", "M", "reduction (V)", "oxidation (V)", "reduction products", "oxidation products"], rows));
        }
        if (entries is not null && interfacePair is { } pair)
        {
            var r = InterfaceReactivity.Compute(entries, Formula.Parse(pair.A), Formula.Parse(pair.B), pair.OpenElement, pair.PotentialV);
            var figure = new PlotlyFigure($"{pair.A} | {pair.B}" + (pair.OpenElement is { } m ? $" open to {m} at {Num(pair.PotentialV)} V" : ""),
                $"atomic fraction of {pair.A}", "reaction energy (eV/atom)")
            {
                Caption = $"Most negative: {Num(r.MinReactionEnergyEvPerAtom, "0.###")} eV/atom at x = {Num(r.MixingRatio, "0.###")} → " +
                          string.Join(" + ", r.Products.Select(p => p.Entry.ReducedFormula)),
            };
            figure.AddTrace(new PlotlyTrace("ΔE", r.Kinks.Select(k => k.MixingRatio).ToArray(), r.Kinks.Select(k => k.ReactionEnergyEvPerAtom).ToArray())
            {
                HoverTexts = r.Kinks.Select(k => string.Join(" + ", k.Products.Select(p => p.Entry.ReducedFormula))).ToArray(),
            });
            report.AddFigure(figure);
        }
        if (mechanics is { Count: > 0 })
        {
            var rows = new List<IReadOnlyList<string>>();
            var figure = new PlotlyFigure("Shear vs bulk modulus", "B (GPa)", "G (GPa)") { Caption = "Dashed: iso-Young's-modulus lines G = 3BE/(9B − E)." };
            foreach (var m in mechanics)
            {
                var p = ElasticProperties.FromModuli(m.BulkModulusGpa, m.ShearModulusGpa);
                var li = DendriteCriterion.Evaluate(p.ShearModulusVrhGpa, DendriteCriterion.LithiumShearModulusGpa);
                var na = DendriteCriterion.Evaluate(p.ShearModulusVrhGpa, DendriteCriterion.SodiumShearModulusGpa);
                rows.Add([m.Material, Num(m.BulkModulusGpa), Num(m.ShearModulusGpa), Num(p.YoungsModulusGpa), Num(p.PughRatio),
                    p.Ductile ? "ductile" : "brittle", li.Suppresses ? "yes" : "no", na.Suppresses ? "yes" : "no", m.Source]);
                figure.AddTrace(new PlotlyTrace(m.Material, [m.BulkModulusGpa], [m.ShearModulusGpa]) { Mode = "markers" });
            }
            double bMax = mechanics.Max(m => m.BulkModulusGpa) * 1.3;
            foreach (double e in new[] { 10.0, 20, 40, 80 })
            {
                // G = 3BE/(9B − E), from E = 9BG/(3B + G) (isotropic elasticity), defined for B > E/9
                var bs = Enumerable.Range(1, 40).Select(k => e / 9 + (bMax - e / 9) * k / 40.0).Where(b => b > e / 9).ToArray();
                figure.AddTrace(new PlotlyTrace($"E = {Num(e)} GPa", bs, bs.Select(b => 3 * b * e / (9 * b - e)).ToArray()) { Mode = "lines", Dash = "dash", LegendGroup = "iso-E" });
            }
            report.AddTable(new ReportTable($"Mechanical properties (Pugh threshold {Num(ElasticProperties.PughThreshold)}; Monroe–Newman: G ≥ 2·G_metal, Li {Num(DendriteCriterion.LithiumShearModulusGpa)} GPa, Na {Num(DendriteCriterion.SodiumShearModulusGpa)} GPa)",
                ["material", "B (GPa)", "G (GPa)", "E (GPa)", "B/G", "Pugh", "blocks Li dendrites", "blocks Na dendrites", "source"], rows));
            report.AddFigure(figure);
        }
    }
}
