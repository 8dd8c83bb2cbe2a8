using System.Text.Json.Serialization;

namespace Borolyte.Knowledge;

/// <summary>Where a number comes from: the seed document, its section, the seed's own reference numbers and a verbatim quote.</summary>
public sealed record SourceCitation
{
    /// <summary>`review`, `infiltration`, or `user` for records entered by hand (CLI or import).</summary>
    public string Seed { get; init; } = "";
    /// <summary>Section of the seed ("2.1", "Table 1", ...); for `user` records a free-text reference.</summary>
    public string? Section { get; init; }
    /// <summary>The seed's own reference numbers cited by the statement; empty for the seed's own results.</summary>
    public IReadOnlyList<int> References { get; init; } = [];
    public string? Quote { get; init; }
    /// <summary>An explicit DOI, only for `user` records (omitted from JSON when null; seed records resolve DOIs through references).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Doi { get; init; }

    /// <summary>Human-readable provenance: "review §2.1, refs 47, 55, 106", "infiltration §3.2", "infiltration Table 1".</summary>
    public string Describe()
    {
        var text = Seed;
        if (!string.IsNullOrEmpty(Section))
            text += Seed == SeedDocuments.User ? $": {Section}" : char.IsDigit(Section[0]) ? $" §{Section}" : $" {Section}";
        if (References.Count > 0)
            text += (References.Count == 1 ? ", ref " : ", refs ") + string.Join(", ", References);
        return text;
    }

    public bool Equals(SourceCitation? other) =>
        other is not null && Seed == other.Seed && Section == other.Section && Quote == other.Quote && Doi == other.Doi
        && References.SequenceEqual(other.References);

    public override int GetHashCode() => HashCode.Combine(Seed, Section, Quote, Doi, References.Count);
}
