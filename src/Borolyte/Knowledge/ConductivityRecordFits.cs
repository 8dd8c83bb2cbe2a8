using Borolyte.Transport;

namespace Borolyte.Knowledge;

/// <summary>
/// σ(T) models fitted to knowledge-base records (issue 3 §3: "σ(T) records in the knowledge base can be fitted directly").
/// Only point values count (qualifier "=", "~" or none); bounds ("&gt;", "&lt;=", …) say where σ is not, so they are
/// left out of the fit rather than treated as measurements.
/// </summary>
public static class ConductivityRecordFits
{
    /// <summary>Fewest distinct temperatures a fit needs (2 Arrhenius parameters and one degree of freedom).</summary>
    public const int MinimumTemperatures = 3;

    /// <summary>The records usable as data: point values, in the order given.</summary>
    public static IReadOnlyList<ConductivityMeasurement> Measurements(IReadOnlyList<ConductivityPoint> points) =>
        points.Where(p => p.Qualifier is null or "=" or "~")
            .Select(p => new ConductivityMeasurement(p.TemperatureK, p.ConductivitySPerCm)).ToList();

    /// <summary>Number of distinct temperatures among the usable records.</summary>
    public static int DistinctTemperatures(IReadOnlyList<ConductivityMeasurement> measurements) =>
        measurements.Select(m => Math.Round(m.TemperatureK, 6)).Distinct().Count();

    /// <summary>Fits every compound whose point values span at least <see cref="MinimumTemperatures"/> temperatures (model chosen by AIC unless given).</summary>
    public static IReadOnlyList<(Compound Compound, ConductivityFit Fit)> FitAll(
        IReadOnlyList<(Compound Compound, IReadOnlyList<ConductivityPoint> Points)> series, ConductivityModelKind? model = null)
    {
        var fits = new List<(Compound, ConductivityFit)>();
        foreach (var (compound, points) in series)
        {
            var measurements = Measurements(points);
            if (DistinctTemperatures(measurements) >= MinimumTemperatures)
                fits.Add((compound, ConductivityFitter.Fit(measurements, model)));
        }
        return fits;
    }
}
