using Borolyte.Chemistry;

namespace Borolyte.Tests.Chemistry;

public class CompositionTests
{
    // Element weights written out from IUPAC CIAAW 2021 conventional values (independent of PeriodicTable.cs).
    private const double H = 1.008, B = 10.81, C = 12.011, O = 15.999, Na = 22.98976928, Li = 6.94, Cl = 35.45, Sn = 118.71;

    [Theory]
    [InlineData("NaCl", Na + Cl)]                           // 58.44 g/mol (CRC Handbook: 58.44)
    [InlineData("H2O", 2 * H + O)]                          // 18.015 g/mol
    [InlineData("LiBH4", Li + B + 4 * H)]                   // 21.78 g/mol (CRC Handbook: 21.78)
    [InlineData("Na2B12H12", 2 * Na + 12 * B + 12 * H)]     // ≈ 187.80 g/mol
    [InlineData("Na2B10H10", 2 * Na + 10 * B + 10 * H)]     // ≈ 164.16 g/mol
    [InlineData("Na2B12H12·2H2O", 2 * Na + 12 * B + 16 * H + 2 * O)]
    [InlineData("Na4(B12H12)(B10H10)", 4 * Na + 22 * B + 22 * H)]
    [InlineData("LiCB11H12", Li + C + 11 * B + 12 * H)]
    [InlineData("Na3Sn", 3 * Na + Sn)]
    public void MolarMassFromWrittenOutWeights(string formula, double expected) =>
        Assert.Equal(expected, Formula.Parse(formula).MolarMassGPerMol, 9);

    [Theory]
    [InlineData("NaCl", 58.44, 0.005)]   // CRC Handbook of Chemistry and Physics
    [InlineData("H2O", 18.015, 0.0005)]
    [InlineData("LiBH4", 21.78, 0.005)]
    public void MolarMassAgreesWithPublishedValues(string formula, double published, double tolerance) =>
        Assert.InRange(Formula.Parse(formula).MolarMassGPerMol, published - tolerance, published + tolerance);

    [Fact]
    public void ArithmeticAndEquality()
    {
        var a = Formula.Parse("Na2B12H12").Composition;
        var b = Formula.Parse("Na2B10H10").Composition;
        Assert.Equal(Formula.Parse("Na4B22H22").Composition, a + b);
        Assert.Equal(Formula.Parse("Na4B24H24").Composition, a * 2);
        Assert.Equal(Formula.Parse("NaB6H6").Composition, 0.5 * a);
        Assert.NotEqual(a, b);
        Assert.True(a.AlmostEquals(Formula.Parse("Na2B12H12.0000000001").Composition));
    }

    [Theory]
    [InlineData("Na2B12H12", "B12H12Na2", "B6H6Na")]
    [InlineData("C2B10H12", "C2H12B10", "CH6B5")]
    [InlineData("LiCB11H12", "CH12B11Li", "CH12B11Li")]
    [InlineData("Na3Sn", "Na3Sn", "Na3Sn")]
    [InlineData("Li(CB9H10)0.7(CB11H12)0.3", "CH10.6B9.6Li", "C5H53B48Li5")]
    public void HillAndReducedFormulas(string formula, string hill, string reduced)
    {
        var c = Formula.Parse(formula).Composition;
        Assert.Equal(hill, c.HillFormula);
        Assert.Equal(reduced, c.ReducedFormula);
    }

    [Fact]
    public void AtomCountAndMassFractions()
    {
        var c = Formula.Parse("NaCl").Composition;
        Assert.Equal(2, c.AtomCount);
        Assert.Equal(Na / (Na + Cl), c.MassFractions["Na"], 12);
        Assert.Equal(1.0, c.MassFractions.Values.Sum(), 12);
    }

    [Fact]
    public void DictionaryRoundTrip()
    {
        var c = Formula.Parse("Li(CB9H10)0.7(CB11H12)0.3").Composition;
        var d = c.ToDictionary();
        Assert.Equal(10.6, d["H"], 9);
        Assert.Equal(c, Composition.FromDictionary(d));
        Assert.Throws<InvalidInputException>(() => Composition.FromDictionary(new Dictionary<string, double> { ["Xq"] = 1 }));
    }
}
