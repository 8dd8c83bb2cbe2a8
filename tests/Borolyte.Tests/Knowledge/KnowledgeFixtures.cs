using Borolyte.Knowledge;

namespace Borolyte.Tests.Knowledge;

/// <summary>The hand-made fixtures in tests/data/knowledge (see the README there).</summary>
public static class KnowledgeFixtures
{
    public static string Directory { get; } = Find();

    public static string PathOf(string name) => Path.Combine(Directory, name);

    public static KnowledgeDataset Load() => KnowledgeDataset.ReadFile(PathOf("fixture.json"));

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "data", "knowledge");
            if (System.IO.Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("tests/data/knowledge not found above " + AppContext.BaseDirectory);
    }
}
