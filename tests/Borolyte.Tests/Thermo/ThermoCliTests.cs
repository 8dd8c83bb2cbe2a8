using System.Text.Json;
using Borolyte.Tests.Cli;
using Borolyte.Tests.Support;

namespace Borolyte.Tests.Thermo;

public class ThermoCliTests
{
    private static string Fixture(string name) => TestData.Path("thermo", name);

    private static string[] Keys(JsonElement e) => e.EnumerateObject().Select(p => p.Name).ToArray();

    [Fact]
    public void HullJsonContract()
    {
        var r = CliProcess.Run("thermo", "hull", Fixture("li-b-h.entries.json"), "--json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        var first = doc.RootElement.GetProperty("entries")[0];
        Assert.Equal(["id", "formula", "formationEnergyEvPerAtom", "eAboveHullEvPerAtom", "decomposition"], Keys(first).Take(5));
        Assert.Equal(["formula", "fraction"], Keys(first.GetProperty("decomposition")[0]).Take(2));
        foreach (var e in doc.RootElement.GetProperty("entries").EnumerateArray())
            Assert.Equal(1.0, e.GetProperty("decomposition").EnumerateArray().Sum(p => p.GetProperty("fraction").GetDouble()), 9);
    }

    [Fact]
    public void WindowJsonContract()
    {
        var r = CliProcess.Run("thermo", "window", Fixture("na-b-h-o.entries.json"), "--compound", "NaBHO3", "--open", "Na", "--json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal(["compound", "openElement", "reductionLimitV", "oxidationLimitV", "reductionProducts", "oxidationProducts", "profile"], Keys(doc.RootElement).Take(7));
        Assert.Equal(["fromV", "toV", "uptakePerFormulaUnit", "products"], Keys(doc.RootElement.GetProperty("profile")[0]));
        Assert.Equal(0.658, doc.RootElement.GetProperty("reductionLimitV").GetDouble(), 3);
        Assert.Equal(1.323, doc.RootElement.GetProperty("oxidationLimitV").GetDouble(), 3);
    }

    [Fact]
    public void InterfaceJsonContract()
    {
        var r = CliProcess.Run("thermo", "interface", Fixture("na-b-h-o.entries.json"), "--a", "Na3B", "--b", "H2O4", "--open", "Na", "--potential-v", "1.0", "--json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal(["minReactionEnergyEvPerAtom", "mixingRatio", "products", "kinks"], Keys(doc.RootElement).Take(4));
        Assert.Equal(["mixingRatio", "reactionEnergyEvPerAtom", "products"], Keys(doc.RootElement.GetProperty("kinks")[0]));
    }

    [Fact]
    public void BadInputsExitOneWithOneLine()
    {
        var missing = CliProcess.Run("thermo", "window", Fixture("li-b-h.entries.json"), "--compound", "Li9B", "--open", "Li", "--json");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("not among the entries", missing.Stderr);
        Assert.Equal("", missing.Stdout);
        var usage = CliProcess.Run("thermo", "interface", Fixture("li-b-h.entries.json"), "--a", "LiH2", "--b", "B", "--open", "Li");
        Assert.Equal(2, usage.ExitCode);
        using var dir = new TempDirectory();
        var bad = Path.Combine(dir.Path, "bad.csv");
        File.WriteAllText(bad, "formula,energy_ev\nLi,-1.9\nLiQ,-3\n");
        var csv = CliProcess.Run("thermo", "hull", bad);
        Assert.Equal(1, csv.ExitCode);
        Assert.Contains("bad.csv: line 3", csv.Stderr);
        Assert.Single(csv.Stderr.Trim().Split('\n'));
    }
}
