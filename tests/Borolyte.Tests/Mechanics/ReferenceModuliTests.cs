using Borolyte.Mechanics;

namespace Borolyte.Tests.Mechanics;

public class ReferenceModuliTests
{
    [Fact]
    public void EveryReferenceEntryHasItsSourceAndAValue()
    {
        var points = ReferenceModuli.Load();
        Assert.Equal(4, points.Count);
        Assert.All(points, p => Assert.False(string.IsNullOrWhiteSpace(p.Source)));
        Assert.All(points, p => Assert.False(p.IsUpperBound));
        var na2b12 = Assert.Single(points, p => p.Name == "Na2B12H12 (hydroborate)");
        Assert.Equal(17.3, na2b12.BulkGpa);
        Assert.Equal(3.3, na2b12.ShearGpa);
        Assert.Contains("2101254", na2b12.Source);
        // a transcription check: Wang et al. 2020 Table 1 also gives E = 4.6 GPa for Na; from the copied K = 8.5, G = 1.7,
        // E = 9KG/(3K + G) = 4.78 (the source derives all from two wave speeds and rounds): within 5 %, a typo would not be
        var na = Assert.Single(points, p => p.Name == "Na metal (alkali metal)");
        Assert.Equal(4.6, ElasticProperties.FromModuli(na.BulkGpa, na.ShearGpa).YoungsModulusGpa, 0.23);
        var li = Assert.Single(points, p => p.Name == "Li metal (alkali metal)");
        Assert.Equal(7.82, ElasticProperties.FromModuli(li.BulkGpa, li.ShearGpa).YoungsModulusGpa, 0.05);
    }

    [Theory]
    [InlineData("""{"entries": [{"material": "X", "class": "c", "bulkModulusGpa": 10, "shearModulusGpa": 5, "qualifier": "<=", "method": "m", "source": "s"}]}""", "qualifier \"<=\"")]
    [InlineData("""{"entries": [{"material": "X", "class": "c", "bulkModulusGpa": 10, "shearModulusGpa": 5, "qualifier": "=", "method": "m"}]}""", "missing text \"source\"")]
    [InlineData("""{"entries": [{"material": "X", "class": "c", "bulkModulusGpa": -1, "shearModulusGpa": 5, "qualifier": "=", "method": "m", "source": "s"}]}""", "\"bulkModulusGpa\" must be a number > 0")]
    public void MalformedEntriesAreRefused(string json, string why)
    {
        var ex = Assert.Throws<InvalidInputException>(() => ReferenceModuli.Parse(json, "r.json"));
        Assert.StartsWith("r.json: entry 0: ", ex.Message);
        Assert.Contains(why, ex.Message);
    }
}
