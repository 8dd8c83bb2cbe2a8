using Borolyte.Tests.Support;

namespace Borolyte.Tests.Cli;

public class ChemCliTests
{
    private const double H = 1.008, B = 10.81, Na = 22.98976928, O = 15.999;

    [Fact]
    public void MassJsonContract()
    {
        var r = CliProcess.Run("chem", "mass", "Na2B12H12", "--json");
        var root = CliJson.AssertContract(r, "formula", "molarMassGPerMol", "elements");
        Assert.Equal("", r.Stderr);
        Assert.Equal("Na2B12H12", root.GetProperty("formula").GetString());
        Assert.Equal(2 * Na + 12 * B + 12 * H, root.GetProperty("molarMassGPerMol").GetDouble(), 9);
        var elements = root.GetProperty("elements");
        CliJson.AssertKeysExactly(elements, "Na", "B", "H");
        Assert.Equal(2, elements.GetProperty("Na").GetDouble());
        Assert.Equal(12, elements.GetProperty("B").GetDouble());
        Assert.Equal(12, elements.GetProperty("H").GetDouble());
    }

    [Fact]
    public void MassJsonHydrateAndFractions()
    {
        var hydrate = CliJson.AssertContract(CliProcess.Run("chem", "mass", "Na2B12H12·2H2O", "--json"));
        Assert.Equal(2 * Na + 12 * B + 16 * H + 2 * O, hydrate.GetProperty("molarMassGPerMol").GetDouble(), 9);

        var mixed = CliJson.AssertContract(CliProcess.Run("chem", "mass", "Li(CB9H10)0.7(CB11H12)0.3", "--json"));
        Assert.Equal(10.6, mixed.GetProperty("elements").GetProperty("H").GetDouble(), 9);
    }

    [Fact]
    public void MassHumanOutputHasTable()
    {
        var r = CliProcess.Run("chem", "mass", "NaCl");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Molar mass: 58.4398 g/mol", r.Stdout); // 22.98976928 + 35.45
        Assert.Contains("Na", r.Stdout);
    }

    [Fact]
    public void ClusterJsonContract()
    {
        var root = CliJson.AssertContract(CliProcess.Run("chem", "cluster", "[B12H12]2-", "--json"),
            "formula", "charge", "vertices", "skeletalElectronPairs", "class");
        Assert.Equal("[B12H12]2-", root.GetProperty("formula").GetString());
        Assert.Equal(-2, root.GetProperty("charge").GetInt32());
        Assert.Equal(12, root.GetProperty("vertices").GetInt32());
        Assert.Equal(13, root.GetProperty("skeletalElectronPairs").GetDouble());
        Assert.Equal("closo", root.GetProperty("class").GetString());
    }

    [Fact]
    public void ClusterChargeOption()
    {
        var root = CliJson.AssertContract(CliProcess.Run("chem", "cluster", "B10H14", "--charge", "0", "--json"));
        Assert.Equal("nido", root.GetProperty("class").GetString());
        Assert.Equal(12, root.GetProperty("skeletalElectronPairs").GetDouble());
    }

    [Fact]
    public void ContradictoryChargeIsUsageError()
    {
        var r = CliProcess.Run("chem", "cluster", "[B12H12]2-", "--charge", "-1");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.Single(r.Stderr.TrimEnd().Split('\n'));
        Assert.Contains("--charge", r.Stderr);
    }

    [Theory]
    [InlineData("mass", "Na2B12X12", "position 7")]
    [InlineData("mass", "Na2(B12H12", "position 4")]
    [InlineData("cluster", "Na4(B12H12)(B10H10)", "2 cluster units")]
    [InlineData("cluster", "[BH4]-", "not a polyhedral cluster")]
    public void BadInputExitsOneWithOneLine(string verb, string formula, string fragment)
    {
        var r = CliProcess.Run("chem", verb, formula);
        Assert.Equal(1, r.ExitCode);
        var lines = r.Stderr.TrimEnd().Split('\n');
        Assert.Single(lines);
        Assert.StartsWith("error:", lines[0]);
        Assert.Contains(fragment, lines[0]);
        Assert.DoesNotContain("   at ", r.Stderr); // no stack trace
        Assert.DoesNotContain("Exception", r.Stderr);
    }

    [Fact]
    public void CatalogueJsonListsFigure3()
    {
        var entries = CliJson.AssertContract(CliProcess.Run("chem", "catalogue", "--json")).EnumerateArray().ToList();
        var b11 = entries.Single(e => e.GetProperty("formula").GetString() == "[B11H14]-");
        Assert.Equal("nido", b11.GetProperty("class").GetString());
        Assert.Equal(11, b11.GetProperty("vertices").GetInt32());
    }
}
