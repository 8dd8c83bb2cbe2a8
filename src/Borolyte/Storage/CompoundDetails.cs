using Borolyte.Knowledge;

namespace Borolyte.Storage;

/// <summary>Everything known about one compound: record, properties with sources, and published cells that use it.</summary>
public sealed record CompoundDetails(Compound Compound, IReadOnlyList<PropertyView> Properties, IReadOnlyList<PublishedCell> Cells);
