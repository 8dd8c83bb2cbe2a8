namespace Borolyte.Knowledge;

/// <summary>One published number about a compound, in the unit the seed states it in (see <see cref="UnitCatalogue"/> for SI).</summary>
public sealed record PropertyRecord
{
    public string Id { get; init; } = "";
    /// <summary>The compound's formula, exactly as in the compounds list.</summary>
    public string Compound { get; init; } = "";
    /// <summary>camelCase quantity name, e.g. `ionicConductivity`.</summary>
    public string Quantity { get; init; } = "";
    public double Value { get; init; }
    public string Unit { get; init; } = "";
    /// <summary>Measurement temperature in °C, or null if not stated.</summary>
    public double? TemperatureC { get; init; }
    public string? Phase { get; init; }
    public string? Method { get; init; }
    /// <summary>`=`, `&gt;`, `&lt;`, `&gt;=`, `&lt;=`, `~`; null means `=`.</summary>
    public string? Qualifier { get; init; }
    public string? Note { get; init; }
    public SourceCitation? Source { get; init; }
}
