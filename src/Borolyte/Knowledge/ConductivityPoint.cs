namespace Borolyte.Knowledge;

/// <summary>One σ(T) value of a compound, for Arrhenius plots and the conductivity filter.</summary>
/// <param name="Source">Human-readable provenance, e.g. "review §2.1, refs 47, 55".</param>
public sealed record ConductivityPoint(double TemperatureK, double ConductivitySPerCm, string Source)
{
    /// <summary>Property record id the point comes from (null when built by hand).</summary>
    public string? PropertyId { get; init; }
    public string? Qualifier { get; init; }
    public string? Phase { get; init; }
    public double TemperatureC => TemperatureK - PhysicalConstants.ZeroCelsiusK;
}
