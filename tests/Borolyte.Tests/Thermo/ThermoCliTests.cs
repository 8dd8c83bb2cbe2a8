using System.Text.Json;
using Borolyte.Tests.Cli;
using Borolyte.Tests.Support;

namespace Borolyte.Tests.Thermo;

public class ThermoCliTests
{
    private static string Fixture(string name) => TestData.Path("thermo", name);

    [Fact]
    public void HullJsonContract()
    {
        var root = CliJson.AssertContract(CliProcess.Run("thermo", "hull", Fixture("li-b-h.entries.json"), "--json"));
        var first = root.GetProperty("entries")[0];
        CliJson.AssertKeysFirst(first, "id", "formula", "formationEnergyEvPerAtom", "eAboveHullEvPerAtom", "decomposition");
        CliJson.AssertKeysFirst(first.GetProperty("decomposition")[0], "formula", "fraction");
        foreach (var e in root.GetProperty("entries").EnumerateArray())
            Assert.Equal(1.0, e.GetProperty("decomposition").EnumerateArray().Sum(p => p.GetProperty("fraction").GetDouble()), 9);
    }

    [Fact]
    public void WindowJsonContract()
    {
        var root = CliJson.AssertContract(CliProcess.Run("thermo", "window", Fixture("na-b-h-o.entries.json"), "--compound", "NaBHO3", "--open", "Na", "--json"),
            "compound", "openElement", "reductionLimitV", "oxidationLimitV", "reductionProducts", "oxidationProducts", "profile");
        CliJson.AssertKeysExactly(root.GetProperty("profile")[0], "fromV", "toV", "uptakePerFormulaUnit", "products");
        Assert.Equal(0.658, root.GetProperty("reductionLimitV").GetDouble(), 3);
        Assert.Equal(1.323, root.GetProperty("oxidationLimitV").GetDouble(), 3);
    }

    [Fact]
    public void InterfaceJsonContract()
    {
        var root = CliJson.AssertContract(CliProcess.Run("thermo", "interface", Fixture("na-b-h-o.entries.json"), "--a", "Na3B", "--b", "H2O4", "--open", "Na", "--potential-v", "1.0", "--json"),
            "minReactionEnergyEvPerAtom", "mixingRatio", "products", "kinks");
        CliJson.AssertKeysExactly(root.GetProperty("kinks")[0], "mixingRatio", "reactionEnergyEvPerAtom", "products");
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

    [Fact]
    public void BuiltinDatasetsLoadByName()
    {
        var root = CliJson.AssertContract(CliProcess.Run("thermo", "window", "builtin:na-b-h", "--compound", "NaBH4", "--open", "Na", "--json"));
        // NaBH4 → Na + ⅒ B10H14 + 1.3 H2 costs −ΔfH°(NaBH4) + ⅒ ΔfH°(B10H14) = 1.98824 − 0.02992 eV per Na released
        // (experimental enthalpies of the MP2020 fitting set, Wang et al. 2021)
        Assert.Equal(1.98824 - 0.29922 / 10, root.GetProperty("oxidationLimitV").GetDouble(), 4);
        var unknown = CliProcess.Run("thermo", "hull", "builtin:na-b-q");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("available: ", unknown.Stderr);
        var refused = CliProcess.Run("thermo", "hull", "builtin:na-b-h", "--mp2020");
        Assert.Equal(2, refused.ExitCode);
    }

    [Fact]
    public void Mp2020FlagCorrectsAndReportsDiscardedEntries()
    {
        // the Na–B–H–O–Cr entries of the pymatgen golden set (the others lack elemental references)
        using var dir = new TempDirectory();
        var golden = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Fixture("golden_mp2020.json")))!["entries"]!.AsArray();
        var subset = new System.Text.Json.Nodes.JsonArray(golden.Where(e => e!["composition"]!.AsObject().All(p => "Na B H O Cr".Split(' ').Contains(p.Key)))
            .Select(e => e!.DeepClone()).ToArray());
        var path = Path.Combine(dir.Path, "na-b-h-o-cr.json");
        File.WriteAllText(path, subset.ToJsonString());
        var r = CliProcess.Run("thermo", "hull", path, "--mp2020", "--json");
        var root = CliJson.AssertContract(r);
        Assert.Contains("Cr2O3-GGA", r.Stderr);
        var nah = root.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("id").GetString() == "NaH");
        Assert.Equal(-0.716, nah.GetProperty("correctionEv").GetDouble(), 9);
        Assert.Equal(0.0052, nah.GetProperty("correctionUncertaintyEv").GetDouble(), 9);
        Assert.DoesNotContain(root.GetProperty("entries").EnumerateArray(), e => e.GetProperty("id").GetString() == "Cr2O3-GGA");
    }

    [Fact]
    public void InterfaceMapJsonHtmlAndMissingPairs()
    {
        using var dir = new TempDirectory();
        var html = Path.Combine(dir.Path, "map.html");
        var root = CliJson.AssertContract(CliProcess.Run("thermo", "interface-map", "builtin:experimental", "--electrolytes", "NaBH4,Na2B12H12", "--cathodes", "NaCrO2,NaFeO2", "--json", "--out", html),
            "electrolytes", "cathodes", "minReactionEnergyEvPerAtom", "pairs");
        var matrix = root.GetProperty("minReactionEnergyEvPerAtom");
        Assert.True(matrix[0][1].GetDouble() < -0.1);                       // NaBH4 | NaFeO2 reacts
        Assert.Equal(JsonValueKind.Null, matrix[1][0].ValueKind);           // Na2B12H12 has no sourced energy
        Assert.Contains("not among the entries", root.GetProperty("pairs")[2].GetProperty("problem").GetString());
        Assert.Contains("Maximum interface driving force", File.ReadAllText(html));
        var usage = CliProcess.Run("thermo", "interface-map", "builtin:experimental", "--electrolytes", "NaBH4", "--cathodes", "NaCrO2", "--open", "Na");
        Assert.Equal(2, usage.ExitCode);
    }
}
