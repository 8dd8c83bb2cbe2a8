namespace Borolyte.Storage;

/// <summary>What <see cref="KnowledgeBase.Open(string)"/> did with the seed data.</summary>
public enum SeedOutcome
{
    /// <summary>The seed's content hash equals the stored one: nothing was written.</summary>
    Unchanged,
    /// <summary>The seed was new or changed and was upserted (by stable id) in one transaction.</summary>
    Applied,
    /// <summary>There is no seed data (no embedded resources).</summary>
    NoSeedData,
}
