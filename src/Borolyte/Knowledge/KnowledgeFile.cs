namespace Borolyte.Knowledge;

/// <summary>A dataset read from a file, with where each record came from (for error messages).</summary>
public sealed record KnowledgeFile(string Path, KnowledgeFileFormat Format, KnowledgeDataset Dataset,
    IReadOnlyDictionary<(string Kind, int Index), int>? CsvLines)
{
    public static KnowledgeFile Read(string path, KnowledgeFileFormat? format = null)
    {
        var chosen = format ?? KnowledgeFileFormats.FromExtension(path);
        if (!File.Exists(path))
            throw new InvalidInputException($"{path}: file not found");
        var text = File.ReadAllText(path);
        if (chosen == KnowledgeFileFormat.Json)
            return new KnowledgeFile(path, chosen, KnowledgeJson.Read(text, path), null);
        var dataset = KnowledgeCsv.Read(text, path, out var lines);
        return new KnowledgeFile(path, chosen, dataset, lines);
    }

    /// <summary>"line 12 (properties[3])" for CSV, "properties[3]" for JSON.</summary>
    public string Locate(string kind, int index) =>
        CsvLines is not null && CsvLines.TryGetValue((kind, index), out var line) ? $"line {line} ({kind}[{index}])" : $"{kind}[{index}]";
}
