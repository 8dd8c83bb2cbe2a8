namespace Borolyte.Knowledge;

/// <summary>
/// The five record lists of the knowledge base, in the shape of docs/knowledge-seed-format.md: what the
/// seed files hold, what `materials export` writes and `materials import` reads.
/// </summary>
public sealed record KnowledgeDataset
{
    public IReadOnlyList<Reference> References { get; init; } = [];
    public IReadOnlyList<Anion> Anions { get; init; } = [];
    public IReadOnlyList<Compound> Compounds { get; init; } = [];
    public IReadOnlyList<PropertyRecord> Properties { get; init; } = [];
    public IReadOnlyList<PublishedCell> Cells { get; init; } = [];

    public static KnowledgeDataset Empty { get; } = new();

    public int RecordCount => References.Count + Anions.Count + Compounds.Count + Properties.Count + Cells.Count;

    /// <summary>This dataset's records followed by <paramref name="other"/>'s (no de-duplication).</summary>
    public KnowledgeDataset Concat(KnowledgeDataset other) => new()
    {
        References = [.. References, .. other.References],
        Anions = [.. Anions, .. other.Anions],
        Compounds = [.. Compounds, .. other.Compounds],
        Properties = [.. Properties, .. other.Properties],
        Cells = [.. Cells, .. other.Cells],
    };

    /// <summary>Reads a JSON (seed format) or CSV (flattened layout) file; the format comes from the extension unless given.</summary>
    public static KnowledgeDataset ReadFile(string path, KnowledgeFileFormat? format = null) =>
        KnowledgeFile.Read(path, format).Dataset;

    /// <summary>Writes the dataset atomically (temp file + rename).</summary>
    public void WriteFile(string path, KnowledgeFileFormat? format = null)
    {
        var chosen = format ?? KnowledgeFileFormats.FromExtension(path);
        var text = chosen == KnowledgeFileFormat.Json ? KnowledgeJson.Write(this) : KnowledgeCsv.Write(this);
        Storage.AtomicFile.WriteAllText(path, text);
    }

    public string ToJson() => KnowledgeJson.Write(this);
    public string ToCsv() => KnowledgeCsv.Write(this);
}
