using Borolyte.Chemistry;

namespace Borolyte.Tests.Chemistry;

public class ClusterCatalogueTests
{
    [Fact]
    public void ComputedClassEqualsRecordedLiteratureClass()
    {
        foreach (var entry in ClusterCatalogue.Entries.Where(e => e.LiteratureClass is not null))
        {
            var (count, reason) = entry.Analyse();
            Assert.True(count is not null, $"{entry.FormulaText}: {reason}");
            Assert.Equal(entry.LiteratureClass, count!.Class);
        }
    }

    [Fact]
    public void Figure3AnionsArePresent()
    {
        var formulas = ClusterCatalogue.Entries.Select(e => e.FormulaText).ToHashSet();
        foreach (var f in new[] { "[BH4]-", "[B10H10]2-", "[B12H12]2-", "[B11H14]-", "[1-CB9H10]-", "[CB11H12]-" })
            Assert.Contains(f, formulas);
    }

    [Fact]
    public void TetrahydroborateIsNotACluster()
    {
        var bh4 = ClusterCatalogue.Entries.Single(e => e.FormulaText == "[BH4]-");
        var (count, reason) = bh4.Analyse();
        Assert.Null(count);
        Assert.Contains("not a polyhedral cluster", reason);
    }

    [Theory]
    [InlineData("C2B10H12", 12)]
    [InlineData("NB9H10", 10)]
    [InlineData("OB11H11", 12)]
    [InlineData("PB11H12", 12)]
    [InlineData("[SiB9H10]-", 10)]
    public void SectionFourFamiliesHaveExpectedVertexCounts(string formula, int n)
    {
        var entry = ClusterCatalogue.Entries.Single(e => e.FormulaText == formula);
        Assert.Equal(n, entry.Analyse().Count!.Vertices);
    }
}
