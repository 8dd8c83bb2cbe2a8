using Borolyte.Tests.Support;

namespace Borolyte.Tests.Cli;

public class RecipeCliTests
{
    private const double H = 1.008, B = 10.81, Na = 22.98976928;

    [Fact]
    public void RecipeJsonContract()
    {
        var r = CliProcess.Run("recipe", "Na4(B12H12)(B10H10)", "--from", "Na2B12H12,Na2B10H10", "--mass", "1g", "--solvent-volume", "20mL", "--json");
        var root = CliJson.AssertContract(r, "target", "targetMassMg", "precursors");
        Assert.Equal("", r.Stderr);
        Assert.Equal("Na4(B12H12)(B10H10)", root.GetProperty("target").GetString());
        Assert.Equal(1000, root.GetProperty("targetMassMg").GetDouble(), 9);
        var precursors = root.GetProperty("precursors").EnumerateArray().ToList();
        Assert.Equal(2, precursors.Count);
        CliJson.AssertKeysFirst(precursors[0], "formula", "massMg", "amountMmol");
        double m12 = 2 * Na + 12 * B + 12 * H, m10 = 2 * Na + 10 * B + 10 * H;
        double mmol = 1000 / (m12 + m10);
        Assert.Equal("Na2B12H12", precursors[0].GetProperty("formula").GetString());
        Assert.Equal(mmol * m12, precursors[0].GetProperty("massMg").GetDouble(), 6);
        Assert.Equal(mmol, precursors[0].GetProperty("amountMmol").GetDouble(), 6);
        Assert.Equal(mmol * m10, precursors[1].GetProperty("massMg").GetDouble(), 6);
        Assert.Equal(50, root.GetProperty("solution").GetProperty("concentrationMgPerMl").GetDouble(), 9);
    }

    [Fact]
    public void ConcentrationGivesVolume()
    {
        var root = CliJson.AssertContract(CliProcess.Run("recipe", "Na3Sn", "--from", "Na,Sn", "--mass", "500 mg", "--concentration", "100 g/L", "--json"));
        Assert.Equal(5, root.GetProperty("solution").GetProperty("solventVolumeMl").GetDouble(), 9);
    }

    [Fact]
    public void HumanOutputStatesApproximation()
    {
        var r = CliProcess.Run("recipe", "Na4(B12H12)(B10H10)", "--from", "Na2B12H12,Na2B10H10", "--mass", "1g", "--concentration", "100mg/mL");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("533.578", r.Stdout);
        Assert.Contains("neglected", r.Stdout);
    }

    [Fact]
    public void BothSolutionOptionsIsUsageError()
    {
        var r = CliProcess.Run("recipe", "Na3Sn", "--from", "Na,Sn", "--mass", "1g", "--solvent-volume", "20mL", "--concentration", "100mg/mL");
        Assert.Equal(2, r.ExitCode);
        Assert.Single(r.Stderr.TrimEnd().Split('\n'));
    }

    [Fact]
    public void MissingRequiredOptionIsUsageError()
    {
        var r = CliProcess.Run("recipe", "Na3Sn", "--from", "Na,Sn");
        Assert.Equal(2, r.ExitCode);
    }

    [Theory]
    [InlineData("--mass", "1gg", "--mass:")]
    [InlineData("--solvent-volume", "20 mg", "--solvent-volume:")]
    public void BadUnitsExitOneNamingTheOption(string option, string value, string prefix)
    {
        string[] args = option == "--mass"
            ? ["recipe", "Na3Sn", "--from", "Na,Sn", "--mass", value]
            : ["recipe", "Na3Sn", "--from", "Na,Sn", "--mass", "1g", option, value];
        var r = CliProcess.Run(args);
        Assert.Equal(1, r.ExitCode);
        var lines = r.Stderr.TrimEnd().Split('\n');
        Assert.Single(lines);
        Assert.Contains(prefix, lines[0]);
        Assert.DoesNotContain("   at ", r.Stderr);
    }

    [Fact]
    public void ImpossibleRecipeExitsOne()
    {
        var r = CliProcess.Run("recipe", "Na3Sn", "--from", "Na", "--mass", "1g");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("Sn is in the target", r.Stderr);
        Assert.Single(r.Stderr.TrimEnd().Split('\n'));
    }

    [Fact]
    public void LocantCommasDoNotSplitFormulas()
    {
        var root = CliJson.AssertContract(CliProcess.Run("recipe", "C2B10H12", "--from", "1,2-C2B10H12", "--mass", "1g", "--json"));
        Assert.Equal("1,2-C2B10H12", root.GetProperty("precursors")[0].GetProperty("formula").GetString());
    }
}
