using System.Text.Json.Serialization;

namespace Borolyte.Knowledge;

/// <summary>A (cluster) anion such as [B12H12]2-.</summary>
public sealed record Anion
{
    public string Id { get; init; } = "";
    public string Formula { get; init; } = "";
    public string? Name { get; init; }
    public int Charge { get; init; }
    /// <summary>`closo|nido|arachno|hypho`, or null for non-cluster anions such as [BH4]-.</summary>
    [JsonPropertyName("class")]
    public string? ClusterClass { get; init; }
    public int? Vertices { get; init; }
}
