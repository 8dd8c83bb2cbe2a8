using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Borolyte.Knowledge;

/// <summary>
/// The curated seed data (data/knowledge/*.json), embedded in the library as resources named
/// `Borolyte.data.knowledge.&lt;file&gt;.json`. Missing resources give an empty dataset.
/// </summary>
public static class SeedDataset
{
    public static readonly IReadOnlyList<string> FileNames = ["references", "anions", "compounds", "properties", "cells"];

    private static readonly Lazy<KnowledgeDataset> Cached = new(LoadUncached);

    /// <summary>All embedded seed files merged into one dataset (cached; the resources never change at run time).</summary>
    public static KnowledgeDataset Load() => Cached.Value;

    private static KnowledgeDataset LoadUncached()
    {
        var assembly = typeof(SeedDataset).Assembly;
        var dataset = KnowledgeDataset.Empty;
        foreach (var name in FileNames)
        {
            var resource = $"Borolyte.data.knowledge.{name}.json";
            using var stream = assembly.GetManifestResourceStream(resource);
            if (stream is null) continue;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            dataset = dataset.Concat(KnowledgeJson.Read(reader.ReadToEnd(), $"data/knowledge/{name}.json (embedded)"));
        }
        return dataset;
    }

    /// <summary>SHA-256 (hex) of a dataset's canonical JSON: what the database stores to skip re-seeding unchanged data.</summary>
    public static string ContentHash(KnowledgeDataset dataset) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(KnowledgeJson.Write(dataset))));
}
