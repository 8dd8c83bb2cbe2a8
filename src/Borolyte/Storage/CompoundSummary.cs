using Borolyte.Knowledge;

namespace Borolyte.Storage;

/// <summary>A row of `materials list`: the compound, its number of property records and σ at the filter temperature (null if not covered).</summary>
public sealed record CompoundSummary(Compound Compound, int PropertyCount, double? ConductivitySPerCm, double TemperatureC)
{
    /// <summary>The conductivity rests on a stated lower bound ("&gt; 10^-3 S cm^-1"), so the true value may be higher.</summary>
    public bool ConductivityIsLowerBound { get; init; }
}
