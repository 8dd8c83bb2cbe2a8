using System.Globalization;
using Borolyte.Reporting;
using Borolyte.Transport;

namespace Borolyte.Knowledge;

/// <summary>The Arrhenius figure of `materials plot-conductivity`: log σ vs 1000/T, Li, Na and other carriers in separate panels.</summary>
public static class ConductivityFigure
{
    /// <summary>Range over which Arrhenius lines are drawn, in °C.</summary>
    public const double LineFromC = 0, LineToC = 100;

    public static PlotlyFigure Build(
        IReadOnlyList<(Compound Compound, IReadOnlyList<ConductivityPoint> Points)> series,
        IReadOnlyList<(Compound Compound, ArrheniusConductivity Model, string Source)>? arrheniusLines = null,
        IReadOnlyList<(Compound Compound, ConductivityFit Fit)>? fits = null)
    {
        arrheniusLines ??= [];
        fits ??= [];
        var panels = series.Select(s => PanelName(s.Compound.CarrierIon)).Concat(arrheniusLines.Select(a => PanelName(a.Compound.CarrierIon))).Distinct()
            .OrderBy(p => p switch { "Li" => 0, "Na" => 1, _ => 2 }).ThenBy(p => p, StringComparer.Ordinal).ToList();
        if (panels.Count == 0) panels.Add("Na");
        var figure = new PlotlyFigure("Ionic conductivity (tabulated)", "1000/T (1/K)", "σ (S/cm)")
        {
            YLog = true,
            PanelTitles = panels.Select(p => p == "other" ? "other carriers" : $"{p}⁺ conductors").ToList(),
        };
        foreach (var (compound, points) in series)
        {
            var panel = panels.IndexOf(PanelName(compound.CarrierIon)) + 1;
            figure.AddTrace(new PlotlyTrace(compound.Formula, points.Select(p => 1000.0 / p.TemperatureK).ToList(), points.Select(p => p.ConductivitySPerCm).ToList())
            {
                Mode = "markers+lines",
                Panel = panel,
                LegendGroup = PanelName(compound.CarrierIon),
                HoverTexts = points.Select(p => string.Create(CultureInfo.InvariantCulture,
                    $"{compound.Formula}: {(p.Qualifier is null or "=" ? "" : p.Qualifier + " ")}{p.ConductivitySPerCm:G3} S/cm at {p.TemperatureC:G4} °C{(p.Phase is null ? "" : $" ({p.Phase})")} — {p.Source}")).ToList(),
            });
        }
        foreach (var (compound, model, source) in arrheniusLines)
        {
            var temperaturesK = Enumerable.Range(0, 21).Select(i => LineFromC + i * (LineToC - LineFromC) / 20 + PhysicalConstants.ZeroCelsiusK).ToList();
            figure.AddTrace(new PlotlyTrace($"{compound.Formula} (Arrhenius, Eₐ = {model.ActivationEnergyEv.ToString("0.###", CultureInfo.InvariantCulture)} eV)",
                temperaturesK.Select(t => 1000.0 / t).ToList(), temperaturesK.Select(model.ConductivitySPerCm).ToList())
            {
                Mode = "lines",
                Dash = "dash",
                Panel = panels.IndexOf(PanelName(compound.CarrierIon)) + 1,
                LegendGroup = PanelName(compound.CarrierIon),
                HoverTexts = temperaturesK.Select(t => string.Create(CultureInfo.InvariantCulture,
                    $"{compound.Formula}: {model.ConductivitySPerCm(t):G3} S/cm at {t - PhysicalConstants.ZeroCelsiusK:0} °C — extrapolated from σ(25 °C) and Eₐ ({source})")).ToList(),
            });
        }
        foreach (var (compound, fit) in fits)
        {
            // Drawn over the fitted temperature range only: a fit is not an extrapolation.
            double tMin = fit.Segments.Min(s => s.TMinK), tMax = fit.Segments.Max(s => s.TMaxK);
            var temperaturesK = Enumerable.Range(0, 41).Select(i => tMin + i * (tMax - tMin) / 40).ToList();
            string ea = string.Join(" / ", fit.Segments.Select(s => s.ActivationEnergyEv.ToString("0.###", CultureInfo.InvariantCulture)));
            figure.AddTrace(new PlotlyTrace($"{compound.Formula} (fit: {ConductivityFit.ModelName(fit.Model)}, Eₐ = {ea} eV)",
                temperaturesK.Select(t => 1000.0 / t).ToList(), temperaturesK.Select(fit.ConductivitySPerCm).ToList())
            {
                Mode = "lines",
                Panel = panels.IndexOf(PanelName(compound.CarrierIon)) + 1,
                LegendGroup = PanelName(compound.CarrierIon),
                HoverTexts = temperaturesK.Select(t => string.Create(CultureInfo.InvariantCulture,
                    $"{compound.Formula}: {fit.ConductivitySPerCm(t):G3} S/cm at {t - PhysicalConstants.ZeroCelsiusK:0} °C — {ConductivityFit.ModelName(fit.Model)} fit to the stored records")).ToList(),
            });
        }
        return figure;
    }

    private static string PanelName(string? carrier) => carrier is "Li" or "Na" ? carrier : "other";
}
