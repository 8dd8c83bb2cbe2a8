using Borolyte.Knowledge;
using Borolyte.Knowledge.Units;

namespace Borolyte.Tests.Knowledge;

public class UnitCatalogueTests
{
    [Theory]
    [InlineData(1e-3, "S/cm", 0.1)]
    [InlineData(25.0, "°C", 298.15)]
    [InlineData(1.0, "eV", 1.602176634e-19)]
    [InlineData(20.0, "GPa", 20e9)]
    [InlineData(100.0, "mAh/g", 360_000.0)]
    [InlineData(1.0, "mA/cm2", 10.0)]
    [InlineData(50.0, "%", 0.5)]
    public void ConvertsToSi(double value, string unit, double expected) =>
        Assert.Equal(expected, UnitCatalogue.ToSi(value, unit), expected * 1e-12 + 1e-30);

    [Fact]
    public void EveryCanonicalUnitIsAnAllowedUnit() =>
        Assert.All(UnitCatalogue.CanonicalUnits.Values, u => Assert.True(UnitCatalogue.IsKnownUnit(u), u));

    private static PropertyRecord Valid => new()
    {
        Id = "p1", Compound = "NaBH4", Quantity = "ionicConductivity", Value = 1e-3, Unit = "S/cm", TemperatureC = 25,
        Method = "EIS", Qualifier = "=", Source = new SourceCitation { Seed = "review", Section = "2.1" },
    };

    [Fact]
    public void ValidRecordPasses() => Assert.Null(RecordValidator.Check(Valid));

    [Theory]
    [InlineData("unit", "unknown unit 'S/m'")]
    [InlineData("canonical", "must be given in 'S/cm'")]
    [InlineData("nan", "finite")]
    [InlineData("qualifier", "qualifier '!='")]
    [InlineData("method", "method 'guess'")]
    [InlineData("fraction", "within [0, 1]")]
    [InlineData("source", "source is missing")]
    public void BadRecordsNameTheRecordAndTheProblem(string what, string expected)
    {
        var p = what switch
        {
            "unit" => Valid with { Unit = "S/m" },
            "canonical" => Valid with { Unit = "eV" },
            "nan" => Valid with { Value = double.NaN },
            "qualifier" => Valid with { Qualifier = "!=" },
            "method" => Valid with { Method = "guess" },
            "fraction" => Valid with { Quantity = "porosity", Unit = "1", Value = 35 },
            _ => Valid with { Source = null },
        };
        var problem = RecordValidator.Check(p);
        Assert.NotNull(problem);
        Assert.StartsWith("property p1:", problem);
        Assert.Contains(expected, problem);
    }

    [Fact]
    public void SourceDescriptionIsHumanReadable()
    {
        Assert.Equal("review §2.1, refs 47, 55, 106", new SourceCitation { Seed = "review", Section = "2.1", References = [47, 55, 106] }.Describe());
        Assert.Equal("infiltration §3.2", new SourceCitation { Seed = "infiltration", Section = "3.2" }.Describe());
        Assert.Equal("review Table 1, ref 143", new SourceCitation { Seed = "review", Section = "Table 1", References = [143] }.Describe());
    }
}
