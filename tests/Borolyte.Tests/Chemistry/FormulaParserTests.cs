using Borolyte.Chemistry;

namespace Borolyte.Tests.Chemistry;

public class FormulaParserTests
{
    [Theory]
    [InlineData("Na2B12H12", "Na", 2, "B", 12, "H", 12)]
    [InlineData("Na4(B12H12)(B10H10)", "Na", 4, "B", 22, "H", 22)]
    [InlineData("Na2(CB9H10)(CB11H12)", "Na", 2, "C", 2, "B", 20)]
    [InlineData("Li(CB9H10)0.7(CB11H12)0.3", "Li", 1, "C", 1, "B", 9.6)]
    [InlineData("Na2[B12H12]", "Na", 2, "B", 12, "H", 12)]
    [InlineData("Na((B12H12)1/2)", "Na", 1, "B", 6, "H", 6)]
    [InlineData("1,2-C2B10H12", "C", 2, "B", 10, "H", 12)]
    [InlineData("closo-1-CB9H10", "C", 1, "B", 9, "H", 10)]
    [InlineData("Na2B12H12·2H2O", "Na", 2, "H", 16, "O", 2)]
    [InlineData("Na2B12H12*2H2O", "Na", 2, "H", 16, "O", 2)]
    [InlineData("Na2B12H12•2H2O", "B", 12, "H", 16, "O", 2)]
    public void ParsesCompositions(string text, string e1, double n1, string e2, double n2, string e3, double n3)
    {
        var c = Formula.Parse(text).Composition;
        Assert.Equal(n1, c.AmountOf(e1), 9);
        Assert.Equal(n2, c.AmountOf(e2), 9);
        Assert.Equal(n3, c.AmountOf(e3), 9);
    }

    [Fact]
    public void MixedAnionHasFractionalHydrogen()
    {
        // Li(CB9H10)0.7(CB11H12)0.3: H = 0.7·10 + 0.3·12 = 10.6
        Assert.Equal(10.6, Formula.Parse("Li(CB9H10)0.7(CB11H12)0.3").Composition.AmountOf("H"), 9);
    }

    [Theory]
    [InlineData("[B12H12]2-", -2)]
    [InlineData("[CB11H12]-", -1)]
    [InlineData("[1-CB9H10]-", -1)]
    [InlineData("B12H12^2-", -2)]
    [InlineData("B12H12^{2-}", -2)]
    [InlineData("[BH4]-", -1)]
    [InlineData("BH4-", -1)]
    [InlineData("Na+", 1)]
    [InlineData("[Mg]2+", 2)]
    [InlineData("Na2B12H12", 0)]
    public void ParsesCharges(string text, int charge)
    {
        var f = Formula.Parse(text);
        Assert.Equal(charge, f.Charge);
        Assert.Equal(charge != 0, f.HasExplicitCharge);
    }

    [Fact]
    public void ChargedClusterKeepsComposition()
    {
        var c = Formula.Parse("[B12H12]2-").Composition;
        Assert.Equal(12, c.AmountOf("B"));
        Assert.Equal(12, c.AmountOf("H"));
        Assert.Equal(2, c.ElementCount);
    }

    [Fact]
    public void PrefixesStayInTextButNotInComposition()
    {
        var f = Formula.Parse("[1-CB9H10]-");
        Assert.Equal("[1-CB9H10]-", f.Text);
        Assert.Equal(Formula.Parse("[CB9H10]-").Composition, f.Composition);
    }

    [Fact]
    public void UnitsListTopLevelGroups()
    {
        var f = Formula.Parse("Na4(B12H12)(B10H10)");
        var bracketed = f.Units.Where(u => u.IsBracketed).Select(u => u.Text).ToArray();
        Assert.Equal(["(B12H12)", "(B10H10)"], bracketed);
        Assert.Equal(4, f.Units.Single(u => !u.IsBracketed).Composition.AmountOf("Na"));
    }

    [Fact]
    public void HydratePartIsRecorded()
    {
        var f = Formula.Parse("Na2B12H12·2H2O");
        var h = Assert.Single(f.Hydrates);
        Assert.Equal(2, h.Coefficient);
        Assert.Equal(2, h.Composition.AmountOf("H"));
        Assert.Equal(12, f.MainComposition.AmountOf("H"));
    }

    // Bad formulas: each message is one line with the 1-based position.
    [Theory]
    [InlineData("Na2B12X12", 7, "unknown element \"X\"")]
    [InlineData("Xx2", 1, "unknown element \"Xx\"")]
    [InlineData("NaCx", 3, "unknown element \"Cx\"")]
    [InlineData("Na2(B12H12", 4, "unbalanced \"(\"")]
    [InlineData("Na2[B12H12", 4, "unbalanced \"[\"")]
    [InlineData("Na2B12H12)", 10, "without a matching \"(\"")]
    [InlineData("Na2B12H12]", 10, "without a matching \"[\"")]
    [InlineData("Na2(B12H12]", 11, "does not match \"(\"")]
    [InlineData("", 1, "empty")]
    [InlineData("   ", 1, "blank")]
    [InlineData("NaCl#", 5, "unexpected \"#\"")]
    [InlineData("NaCl 2", 5, "space")]
    [InlineData("Na0Cl", 3, "greater than zero")]
    [InlineData("Na2(B12H12)0", 12, "greater than zero")]
    [InlineData("Na+Cl", 4, "charge must come at the end")]
    [InlineData("[B12H12]2-H", 11, "charge must come at the end")]
    [InlineData("[B12H12-]", 8, "inside brackets")]
    [InlineData("B12H12^2", 7, "charge without a sign")]
    [InlineData("[B12H12]0-", 9, "charge of zero")]
    [InlineData("na2B12H12", 1, "capital letter")]
    [InlineData("Na2()", 4, "empty group")]
    [InlineData("2NaCl", 1, "unexpected number")]
    [InlineData("foo-B12H12", 1, "unknown prefix")]
    [InlineData("Na2B12H12·", 10, "nothing after the separator")]
    public void BadFormulasNamePosition(string text, int position, string fragment)
    {
        var ex = Assert.Throws<FormulaParseException>(() => Formula.Parse(text));
        Assert.IsAssignableFrom<InvalidInputException>(ex);
        Assert.Equal(position, ex.Position);
        Assert.Contains(fragment, ex.Message);
        Assert.Contains($"at position {position}", ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void ExampleMessageFromTheBriefIsReadable()
    {
        var ex = Assert.Throws<FormulaParseException>(() => Formula.Parse("Na2B12X12"));
        // N=1 a=2 2=3 B=4 1=5 2=6 X=7 (1-based)
        Assert.Equal("formula \"Na2B12X12\": unknown element \"X\" at position 7", ex.Message);
    }

    [Fact]
    public void PositionsCountFromTheFirstNonBlankCharacter()
    {
        var ex = Assert.Throws<FormulaParseException>(() => Formula.Parse("  NaQ"));
        Assert.Equal(3, ex.Position);
    }
}
