using System.Globalization;
using System.Net;
using Borolyte.Cells.Design;
using Borolyte.Reporting;
using Borolyte.Studies;

namespace Borolyte.Tests.Cells.Design;

/// <summary>The demo's table of the seed full cell's specific energy from the paper's and the simulated discharge.</summary>
public class SimulatedDischargeDemoTests
{
    private static string Num(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>Table cells as HtmlReport writes them (HTML-encoded).</summary>
    private static string Tds(params string[] cells) => string.Concat(cells.Select(c => "<td>" + WebUtility.HtmlEncode(c) + "</td>"));

    [Fact]
    public void Demo_shows_the_simulated_specific_energy_next_to_the_published_222()
    {
        var report = new HtmlReport("test");
        CellDesignSection.AddTo(report);
        string html = report.Render();
        Assert.Contains(WebUtility.HtmlEncode("Seed full cell: specific energy from the paper's discharge and from the simulated discharge"), html);
        // Published row: seed 004 §2, 282 Wh/kg_NCO and 222 Wh/kg electrodes.
        Assert.Contains(Tds("Published (seed 004 §2)", "≈110", "not stated", "282", "222"), html);

        // The simulated rows equal what `cell design` computes from a spec with `fromSimulation` (cycle 1 and 2 of the same protocol).
        foreach (int cycle in new[] { 1, 2 })
        {
            var spec = FromSimulationSpecTests.WithDischarge(
                $"  fromSimulation:\n    cell: nacro2-sn-full\n    protocol: \"{CellDesignSection.SeedFullCellProtocol}\"\n    cycle: {cycle}\n");
            var design = CellSpecReader.Parse(spec, "sim.yaml");
            var e = design.Energy();
            Assert.Contains(Tds($"Simulated discharge, cycle {cycle} (preset nacro2-sn-full, 0.1C, 1.5–3.3 V, 30 °C)",
                Num(design.DischargeCapacityCPerKgCathodeActive / CellUnits.CPerKgPerMAhPerG),
                design.AverageDischargeVoltageV.ToString("0.000", CultureInfo.InvariantCulture),
                Num(e.SpecificEnergyWhPerKgCathodeActive), Num(e.SpecificEnergyWhPerKgElectrodes)), html);
        }
    }
}
