namespace Borolyte.Knowledge;

/// <summary>One entry of a seed document's reference list; identified by (seed, number).</summary>
public sealed record Reference
{
    /// <summary>`review` or `infiltration` (see docs/knowledge-seed-format.md).</summary>
    public string Seed { get; init; } = "";
    public int Number { get; init; }
    public string? Citation { get; init; }
    /// <summary>DOI without the `https://doi.org/` prefix, or null.</summary>
    public string? Doi { get; init; }
}
