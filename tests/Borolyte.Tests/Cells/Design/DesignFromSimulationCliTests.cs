using System.Text.Json;
using Borolyte.Tests.Cli;
using Borolyte.Tests.Support;

namespace Borolyte.Tests.Cells.Design;

/// <summary>`borolyte cell design` with a simulated discharge, through the real CLI process.</summary>
public class DesignFromSimulationCliTests
{
    private static readonly string[] Contract =
    [
        "cathode", "anode", "npRatio", "specificEnergyWhPerKgCathodeActive", "specificEnergyWhPerKgElectrodes",
        "specificEnergyWhPerKgStack", "energyDensityWhPerLStack",
    ];

    [Fact]
    public void Contract_keys_stay_first_and_the_source_is_reported_after_them()
    {
        using var dir = new TempDirectory();
        string spec = dir.File("sim.yaml");
        File.WriteAllText(spec, FromSimulationSpecTests.WithDischarge("  fromSimulation: nacro2-sn-full\n"));
        var r = CliProcess.Run("cell", "design", spec, "--json");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        var keys = doc.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(Contract, keys.Take(7));
        Assert.True(keys.IndexOf("dischargeSource") > 6);
        Assert.Equal("simulation", doc.RootElement.GetProperty("dischargeSource").GetString());
        var sim = doc.RootElement.GetProperty("dischargeSimulation");
        Assert.Equal("nacro2-sn-full", sim.GetProperty("cell").GetString());
        Assert.Equal(1, sim.GetProperty("cycle").GetInt32());
        // q·V̄ in mAh/g × V is Wh/kg of cathode active material.
        double q = doc.RootElement.GetProperty("dischargeCapacityMAhPerG").GetDouble();
        double v = doc.RootElement.GetProperty("averageDischargeVoltageV").GetDouble();
        Assert.Equal(q * v, doc.RootElement.GetProperty("specificEnergyWhPerKgCathodeActive").GetDouble(), 9);
        foreach (var side in new[] { "cathode", "anode" })
            Assert.Equal(["porosity", "arealCapacityMAhPerCm2", "expectedElectrolyteMassFraction"],
                doc.RootElement.GetProperty(side).EnumerateObject().Select(p => p.Name).Take(3));
    }

    [Fact]
    public void Seed_spec_reports_its_discharge_as_given()
    {
        var r = CliProcess.Run("cell", "design", TestData.Path("cells", "nacro2-sn-full.yaml"), "--json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal(Contract, doc.RootElement.EnumerateObject().Select(p => p.Name).Take(7));
        Assert.Equal("spec", doc.RootElement.GetProperty("dischargeSource").GetString());
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("dischargeSimulation").ValueKind);
    }

    [Fact]
    public void Unknown_preset_exits_1_with_one_line_naming_the_field()
    {
        using var dir = new TempDirectory();
        string spec = dir.File("bad.yaml");
        File.WriteAllText(spec, FromSimulationSpecTests.WithDischarge("  fromSimulation: no-such-cell\n"));
        var r = CliProcess.Run("cell", "design", spec, "--json");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("", r.Stdout);
        var lines = r.Stderr.TrimEnd().Split('\n');
        Assert.Single(lines);
        Assert.Contains("bad.yaml:", lines[0]);
        Assert.Contains("discharge.fromSimulation", lines[0]);
        Assert.Contains("unknown cell preset 'no-such-cell'", lines[0]);
    }
}
