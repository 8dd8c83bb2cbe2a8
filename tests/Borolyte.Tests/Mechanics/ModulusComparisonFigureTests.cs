using Borolyte.Mechanics;
using Borolyte.Reporting;

namespace Borolyte.Tests.Mechanics;

public class ModulusComparisonFigureTests
{
    private static PlotlyTrace Trace(PlotlyFigure f, string name) => Assert.Single(f.Traces, t => t.Name == name);

    [Theory]
    [InlineData("LLZO=100,60", "LLZO", 100, 60)]
    [InlineData(" Na3PS4 = 19.5 , 11.6 ", "Na3PS4", 19.5, 11.6)]
    [InlineData("a=b=1e1,2", "a=b", 10, 2)]                      // the last '=' separates the name
    public void PointsParse(string text, string name, double b, double g)
    {
        var p = ModulusPoint.Parse(text);
        Assert.Equal((name, b, g, "=", "="), (p.Name, p.BulkGpa, p.ShearGpa, p.BulkQualifier, p.ShearQualifier));
    }

    [Theory]
    [InlineData("LLZO", "no '='")]
    [InlineData("=100,60", "no name")]
    [InlineData("X=100", "1 number(s)")]
    [InlineData("X=1,2,3", "3 number(s)")]
    [InlineData("X=abc,2", "bulk modulus B \"abc\" is not a number")]
    [InlineData("X=1,NaN", "shear modulus G \"NaN\" is not a number")]
    [InlineData("X=1,0", "shear modulus G must be > 0")]
    [InlineData("X=-5,2", "bulk modulus B must be > 0")]
    [InlineData("X=1;2", "1 number(s)")]
    public void MalformedPointsAreOneLineErrorsNamingTheText(string text, string why)
    {
        var e = Assert.Throws<InvalidInputException>(() => ModulusPoint.Parse(text));
        Assert.StartsWith($"--point \"{text}\": ", e.Message);
        Assert.Contains(why, e.Message);
        Assert.Contains("NAME=B,G", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void LinesFollowTheirDefinitions()
    {
        var f = ModulusComparisonFigure.Build([new ModulusPoint("LLZO", 100, 60)]);
        double bMax = 140; // 1.4 × the largest B
        // iso-E lines up to 2.5·B_max = 350 GPa: 10 … 320
        Assert.Equal([10.0, 20, 40, 80, 160, 320], f.Traces.Where(t => t.LegendGroup == "iso-E").Select(t => double.Parse(t.Name[4..^4], System.Globalization.CultureInfo.InvariantCulture)));
        foreach (var line in f.Traces.Where(t => t.LegendGroup == "iso-E"))
        {
            double e = double.Parse(line.Name[4..^4], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(e / 3, line.X[0], 9);              // starts at ν = 0
            Assert.Equal(bMax, line.X[^1], 9);
            for (int i = 0; i < line.X.Count; i++)          // every point has Young's modulus E (isotropic E = 9BG/(3B + G), independent code)
                Assert.Equal(e, ElasticProperties.FromModuli(line.X[i], line.Y[i]).YoungsModulusGpa, 9);
        }
        var pugh = Trace(f, "Pugh B/G = 1.75");
        Assert.Equal(1.75, pugh.X[1] / pugh.Y[1], 12);
        Assert.Equal([8.4, 8.4], Trace(f, "Monroe–Newman, Li: G = 8.4 GPa").Y);   // 2 × 4.2 GPa (CRC)
        Assert.Equal([6.6, 6.6], Trace(f, "Monroe–Newman, Na: G = 6.6 GPa").Y);   // 2 × 3.3 GPa
        var llzo = Trace(f, "LLZO");
        Assert.Equal(("markers", 100.0, 60.0), (llzo.Mode, llzo.X[0], llzo.Y[0]));
    }

    [Fact]
    public void BoundsAreDrawnAsTheRegionTheyAllowAndSharedBoundsAsOneTrace()
    {
        var f = ModulusComparisonFigure.Build(
        [
            new ModulusPoint("LiBH4", 17, 9, "<=", "<=", "review"), new ModulusPoint("NaBH4", 17, 9, "<=", "<=", "review"),
            new ModulusPoint("mine", 20, 12),
        ]);
        var box = Trace(f, "LiBH4, NaBH4: B <= 17, G <= 9 GPa");
        Assert.Equal([0.0, 17, 17, 0, 0], box.X);
        Assert.Equal([0.0, 0, 9, 9, 0], box.Y);
        // small moduli: the B axis runs to 25 GPa at least, and iso-E lines above 2.5 × 28 GPa are left out
        Assert.Equal(28, ModulusComparisonFigure.BulkAxisEndGpa([new ModulusPoint("mine", 20, 12)]), 12);
        Assert.Equal(3, f.Traces.Count(t => t.LegendGroup == "iso-E"));
    }
}
