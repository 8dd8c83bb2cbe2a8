namespace Borolyte.Storage;

/// <summary>A cycling run stored in the knowledge base (the list view; the columns are loaded on demand).</summary>
public sealed record StoredCyclingRun(
    long Id, string Name, string Format, string SourcePath, string SourceSha256, int Points, int Cycles,
    string CycleDefinition, double? ActiveMassKg, double? AreaM2, string ImportedUtc);
