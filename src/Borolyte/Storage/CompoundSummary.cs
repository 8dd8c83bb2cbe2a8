using Borolyte.Knowledge;

namespace Borolyte.Storage;

/// <summary>A row of `materials list`: the compound, its number of property records and σ at the filter temperature (null if not covered).</summary>
public sealed record CompoundSummary(Compound Compound, int PropertyCount, double? ConductivitySPerCm, double TemperatureC);
