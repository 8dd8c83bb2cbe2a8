using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Borolyte.Knowledge;

/// <summary>JSON in the seed format (docs/knowledge-seed-format.md): one document with up to five arrays.</summary>
public static class KnowledgeJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        NumberHandling = JsonNumberHandling.Strict,
    };

    /// <summary>Parses a document; syntax or type errors become <see cref="InvalidInputException"/> naming the file, line and JSON path.</summary>
    public static KnowledgeDataset Read(string json, string sourceName)
    {
        KnowledgeDataset? dataset;
        try
        {
            dataset = JsonSerializer.Deserialize<KnowledgeDataset>(json, Options);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" line {line + 1}, position {ex.BytePositionInLine + 1}" : "";
            var path = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "" : $" at {ex.Path}";
            throw new InvalidInputException($"{sourceName}{where}{path}: malformed JSON ({FirstSentence(ex.Message)})", ex);
        }
        if (dataset is null)
            throw new InvalidInputException($"{sourceName}: expected a JSON object with arrays references, anions, compounds, properties, cells; found null");
        return KnowledgeNormalisation.Normalise(dataset);
    }

    public static string Write(KnowledgeDataset dataset) =>
        JsonSerializer.Serialize(KnowledgeNormalisation.Normalise(dataset), Options) + "\n";

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        var text = cut > 0 ? message[..cut] : message;
        return text.ReplaceLineEndings(" ").Trim().TrimEnd('.');
    }
}
