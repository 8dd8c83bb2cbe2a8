using System.Globalization;
using Borolyte.Reporting;

namespace Borolyte.Knowledge;

/// <summary>The Arrhenius figure of `materials plot-conductivity`: log σ vs 1000/T, Li, Na and other carriers in separate panels.</summary>
public static class ConductivityFigure
{
    public static PlotlyFigure Build(IReadOnlyList<(Compound Compound, IReadOnlyList<ConductivityPoint> Points)> series)
    {
        var panels = series.Select(s => PanelName(s.Compound.CarrierIon)).Distinct()
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
        return figure;
    }

    private static string PanelName(string? carrier) => carrier is "Li" or "Na" ? carrier : "other";
}
