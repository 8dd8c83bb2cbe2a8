using Borolyte.Recipes;

namespace Borolyte.Tests.Recipes;

public class QuantityParserTests
{
    [Theory]
    [InlineData("1g", 1e-3)]
    [InlineData("500mg", 5e-4)]
    [InlineData("0.5 g", 5e-4)]
    [InlineData("2kg", 2)]
    [InlineData("250µg", 2.5e-7)]
    [InlineData("250ug", 2.5e-7)]
    public void Masses(string text, double kg) => Assert.Equal(kg, QuantityParser.ParseMassKg(text, "--mass"), 15);

    [Theory]
    [InlineData("20mL", 2e-5)]
    [InlineData("20 ml", 2e-5)]
    [InlineData("0.02L", 2e-5)]
    [InlineData("20uL", 2e-8)]
    [InlineData("20µL", 2e-8)]
    [InlineData("20μL", 2e-8)]
    public void Volumes(string text, double m3) => Assert.Equal(m3, QuantityParser.ParseVolumeM3(text, "--solvent-volume"), 15);

    [Theory]
    [InlineData("100mg/mL", 100)]
    [InlineData("0.1g/mL", 100)]
    [InlineData("100 g/L", 100)]
    [InlineData("50 mg/ml", 50)]
    public void Concentrations(string text, double kgPerM3) =>
        Assert.Equal(kgPerM3, QuantityParser.ParseConcentrationKgPerM3(text, "--concentration"), 9);

    [Theory]
    [InlineData("1gg")]
    [InlineData("1")]
    [InlineData("g")]
    [InlineData("-1g")]
    [InlineData("0g")]
    [InlineData("1 mL")]
    public void BadMassesNameTheOption(string text)
    {
        var ex = Assert.Throws<InvalidInputException>(() => QuantityParser.ParseMassKg(text, "--mass"));
        Assert.StartsWith("--mass:", ex.Message);
    }

    [Fact]
    public void BadConcentrationNamesTheOption()
    {
        var ex = Assert.Throws<InvalidInputException>(() => QuantityParser.ParseConcentrationKgPerM3("100mg", "--concentration"));
        Assert.StartsWith("--concentration:", ex.Message);
    }
}
