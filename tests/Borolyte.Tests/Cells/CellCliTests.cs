using System.Text.Json;
using Borolyte.Tests.Cli;
using Borolyte.Tests.Support;

namespace Borolyte.Tests.Cells;

/// <summary>`borolyte cell crate|design` through the real CLI process: JSON contracts of issue 5 §1 and exit codes.</summary>
public class CellCliTests
{
    private static string[] Keys(JsonElement e) => e.EnumerateObject().Select(p => p.Name).ToArray();

    [Fact]
    public void Crate_json_contract()
    {
        // Seed 004 §2: 7.0 mg/cm² NaCrO2 at 0.1C = 0.084 mA/cm²; areal capacity 7.0 × 0.120 = 0.84 mAh/cm².
        var r = CliProcess.Run("cell", "crate", "--loading-mg-cm2", "7.0", "--capacity-mah-g", "120", "--c-rate", "0.1", "--json");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal(["arealCapacityMAhPerCm2", "currentDensityMAPerCm2"], Keys(doc.RootElement).Take(2));
        Assert.Equal(0.84, doc.RootElement.GetProperty("arealCapacityMAhPerCm2").GetDouble(), 9);
        Assert.Equal(0.084, doc.RootElement.GetProperty("currentDensityMAPerCm2").GetDouble(), 9);
    }

    [Fact]
    public void Crate_accepts_C_over_n_and_reports_the_rate_of_a_current()
    {
        // C/10 of 7.7 mg/cm² × 120 mAh/g = 0.0924 mA/cm²; 4.5 mA/cm² (seed 004 abstract) is 4.5 / 0.924 = 4.8701C.
        var r = CliProcess.Run("cell", "crate", "--loading-mg-cm2", "7.7", "--capacity-mah-g", "120", "--c-rate", "C/10",
            "--current-ma-cm2", "4.5", "--json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal(0.0924, doc.RootElement.GetProperty("currentDensityMAPerCm2").GetDouble(), 9);
        Assert.Equal(4.5 / 0.924, doc.RootElement.GetProperty("cRateOfCurrentDensity").GetDouble(), 9);
    }

    [Theory]
    [InlineData("--loading-mg-cm2", "-7")]
    [InlineData("--capacity-mah-g", "0")]
    [InlineData("--c-rate", "fast")]
    public void Crate_bad_values_exit_1_with_one_line_naming_the_option(string option, string value)
    {
        var args = new Dictionary<string, string> { ["--loading-mg-cm2"] = "7", ["--capacity-mah-g"] = "120", ["--c-rate"] = "1" };
        args[option] = value;
        var r = CliProcess.Run(["cell", "crate", .. args.SelectMany(kv => new[] { kv.Key, kv.Value }), "--json"]);
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("", r.Stdout);
        var lines = r.Stderr.TrimEnd().Split('\n');
        Assert.Single(lines);
        Assert.Contains(option, lines[0]);
    }

    [Fact]
    public void Crate_missing_option_is_a_usage_error()
    {
        var r = CliProcess.Run("cell", "crate", "--loading-mg-cm2", "7", "--json");
        Assert.Equal(2, r.ExitCode);
    }

    [Fact]
    public void Design_json_contract_for_the_seed_full_cell()
    {
        var r = CliProcess.Run("cell", "design", TestData.Path("cells", "nacro2-sn-full.yaml"), "--json");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        var root = doc.RootElement;
        Assert.Equal(["cathode", "anode", "npRatio", "specificEnergyWhPerKgCathodeActive", "specificEnergyWhPerKgElectrodes",
            "specificEnergyWhPerKgStack", "energyDensityWhPerLStack"], Keys(root).Take(7));
        foreach (var side in new[] { "cathode", "anode" })
            Assert.Equal(["porosity", "arealCapacityMAhPerCm2", "expectedElectrolyteMassFraction"], Keys(root.GetProperty(side)).Take(3));
        // Hand values (see BalanceAndEnergyTests): 5.6 × 0.120 = 0.672 mAh/cm²; 1.2 × 0.634 = 0.7608 mAh/cm²; n/p 0.7608/0.672.
        Assert.Equal(0.768, root.GetProperty("cathode").GetProperty("porosity").GetDouble(), 9);   // seed 004's SI Table S1
        Assert.Equal(0.672, root.GetProperty("cathode").GetProperty("arealCapacityMAhPerCm2").GetDouble(), 9);
        Assert.Equal(0.7608, root.GetProperty("anode").GetProperty("arealCapacityMAhPerCm2").GetDouble(), 9);
        Assert.Equal(0.7608 / 0.672, root.GetProperty("npRatio").GetDouble(), 9);
        Assert.Equal(281.996, root.GetProperty("specificEnergyWhPerKgCathodeActive").GetDouble(), 6);
        Assert.Equal(222, root.GetProperty("specificEnergyWhPerKgElectrodes").GetDouble(), 0); // seed 004 §2: 222 Wh/kg
        Assert.Equal(21.1578, root.GetProperty("specificEnergyWhPerKgStack").GetDouble(), 3);
        Assert.Equal(27.9248, root.GetProperty("energyDensityWhPerLStack").GetDouble(), 3);
    }

    [Fact]
    public void Design_human_output_has_the_table_and_energy_line()
    {
        var r = CliProcess.Run("cell", "design", TestData.Path("cells", "nacro2-sn-full.yaml"));
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("NaCrO2", r.Stdout);
        Assert.Contains("n/p (practical capacities): 1.132", r.Stdout);
        Assert.Contains("222.2 Wh/kg electrodes", r.Stdout);
    }

    [Fact]
    public void Design_bad_spec_exits_1_with_file_line_and_field()
    {
        using var temp = new TempDirectory();
        string path = temp.File("bad.yaml");
        File.WriteAllText(path, File.ReadAllText(TestData.Path("cells", "nacro2-sn-full.yaml")).Replace("  loadingMgPerCm2: 5.6 ", "  loadingMgPerCm2: -5.6 "));
        var r = CliProcess.Run("cell", "design", path, "--json");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("", r.Stdout);
        var lines = r.Stderr.TrimEnd().Split('\n');
        Assert.Single(lines);
        Assert.Matches(@"^error: bad\.yaml:\d+: cathode\.loadingMgPerCm2 must be greater than zero, got -5\.6$", lines[0]);
    }

    [Fact]
    public void Design_missing_file_exits_1()
    {
        var r = CliProcess.Run("cell", "design", "/nonexistent/cell.yaml", "--json");
        Assert.Equal(1, r.ExitCode);
        Assert.Single(r.Stderr.TrimEnd().Split('\n'));
        Assert.Contains("cell.yaml", r.Stderr);
    }

    [Fact]
    public void Materials_json_lists_the_catalogue_with_sources()
    {
        var r = CliProcess.Run("cell", "materials", "--json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        var nbh = doc.RootElement.GetProperty("materials").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "Na4(B12H12)(B10H10)");
        Assert.Equal(1.17, nbh.GetProperty("densityGPerCm3").GetDouble(), 9);
        Assert.Contains("seed 004", nbh.GetProperty("densitySource").GetString());
    }
}
