using Borolyte.Knowledge.Units;

namespace Borolyte.Knowledge;

/// <summary>
/// Estimates a compound's ionic conductivity at a temperature from its tabulated σ(T) points
/// (docs/knowledge-base.md, "Conductivity filter"):
/// 1. a point within ±<see cref="ToleranceC"/> °C of the target is used directly (the nearest; ties → the larger σ,
///    then a point value before a lower bound);
/// 2. otherwise log10 σ is interpolated linearly in 1/T (Arrhenius coordinates) between the nearest point
///    below and the nearest point above the target (at one temperature the larger σ is used);
/// 3. no extrapolation: without a point on each side (or one within tolerance) there is no estimate.
/// </summary>
public static class ConductivityAtTemperature
{
    public const double ToleranceC = 2.5;

    /// <summary>σ in S/cm at <paramref name="temperatureC"/>, or null if the points do not cover it.</summary>
    public static double? Estimate(IEnumerable<ConductivityPoint> points, double temperatureC) =>
        EstimateWithBound(points, temperatureC)?.ConductivitySPerCm;

    /// <summary>
    /// The estimate and whether it is only a lower bound: it is when the point used, or either point of the
    /// interpolation, was stated as a lower bound ("&gt; 10^-3 S cm^-1").
    /// </summary>
    public static ConductivityEstimate? EstimateWithBound(IEnumerable<ConductivityPoint> points, double temperatureC)
    {
        var usable = points.Where(p => p.ConductivitySPerCm > 0 && double.IsFinite(p.ConductivitySPerCm) && p.TemperatureK > 0).ToList();
        if (usable.Count == 0) return null;
        double targetK = temperatureC + PhysicalConstants.ZeroCelsiusK;

        var near = usable.Where(p => Math.Abs(p.TemperatureK - targetK) <= ToleranceC + 1e-9)
            .OrderBy(p => Math.Abs(p.TemperatureK - targetK)).ThenByDescending(p => p.ConductivitySPerCm)
            .ThenBy(IsLowerBound).FirstOrDefault(); // at equal σ a measured value beats a bound
        if (near is not null) return new ConductivityEstimate(near.ConductivitySPerCm, IsLowerBound(near));

        var below = usable.Where(p => p.TemperatureK < targetK).OrderByDescending(p => p.TemperatureK).ThenByDescending(p => p.ConductivitySPerCm).FirstOrDefault();
        var above = usable.Where(p => p.TemperatureK > targetK).OrderBy(p => p.TemperatureK).ThenByDescending(p => p.ConductivitySPerCm).FirstOrDefault();
        if (below is null || above is null) return null;

        // Arrhenius coordinates: log10 σ is linear in 1/T for a single activation energy.
        double x1 = 1.0 / below.TemperatureK, x2 = 1.0 / above.TemperatureK, x = 1.0 / targetK;
        double y1 = Math.Log10(below.ConductivitySPerCm), y2 = Math.Log10(above.ConductivitySPerCm);
        double w = (x - x1) / (x2 - x1);
        return new ConductivityEstimate(Math.Pow(10.0, y1 + w * (y2 - y1)), IsLowerBound(below) || IsLowerBound(above));
    }

    private static bool IsLowerBound(ConductivityPoint point) => point.Qualifier is ">" or ">=";
}

/// <summary>An estimated conductivity in S/cm; <see cref="IsLowerBound"/> when it rests on a stated lower bound.</summary>
public sealed record ConductivityEstimate(double ConductivitySPerCm, bool IsLowerBound);
