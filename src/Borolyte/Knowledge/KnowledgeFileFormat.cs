namespace Borolyte.Knowledge;

/// <summary>File formats of knowledge datasets: the JSON seed format, or the flattened CSV layout (docs/knowledge-base.md).</summary>
public enum KnowledgeFileFormat { Json, Csv }

public static class KnowledgeFileFormats
{
    public static KnowledgeFileFormat FromExtension(string path) =>
        Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".json" => KnowledgeFileFormat.Json,
            ".csv" => KnowledgeFileFormat.Csv,
            var other => throw new InvalidInputException(
                $"{path}: cannot tell the format from the extension '{other}'; use .json or .csv, or pass --format json|csv"),
        };

    public static KnowledgeFileFormat Parse(string name) =>
        name.Trim().ToLowerInvariant() switch
        {
            "json" => KnowledgeFileFormat.Json,
            "csv" => KnowledgeFileFormat.Csv,
            _ => throw new InvalidInputException($"unknown format '{name}'; use json or csv"),
        };
}
