using Borolyte.Cells.Simulation;
using Borolyte.Reporting;
using Borolyte.Studies;

namespace Borolyte.Tests.Studies;

/// <summary>The demo's review-cell table: the original papers' capacities next to short simulations of the presets.</summary>
public class ReviewCellSectionTests
{
    [Fact]
    public void Table_shows_the_papers_capacities_beside_the_simulation()
    {
        var report = new HtmlReport("test");
        var rows = ReviewCellSection.AddTo(report);
        Assert.Equal(12, rows.Count);
        // Published: Unemoto et al. 2015 (205 mAh/g); Asakura et al. 2020 (104, 99, 74 mAh/g at C/10, C/5, 1C; CE 91.4 %; EE 90.6 %;
        // 89 mAh/g at 1C, 60 °C; 40 and 11 mAh/g at 2C and 5C in the pressure cell; 117 mAh/g at 8.0 mg/cm²); Tang et al. 2015 (≈ 175 mAh/g,
        // the TiS2 analogue cell); review §2.2 (> 70 % at 10C vs C/10).
        Assert.Equal([205, 104, 99, 74, 0.914, 0.906, 89, 40, 11, 117, 175, 0.70], rows.Select(r => r.Published));
        Assert.InRange(rows[0].Simulated, 0.9 * 239.3, 239.3 * 1.005);
        // The calibrated NVOPF rows meet their numbers within 1 % (four parameters on five numbers), the CE within 0.1 points.
        foreach (int i in new[] { 1, 2, 3, 6 }) Assert.Equal(1, rows[i].Simulated / rows[i].Published, 0.01);
        Assert.Equal(0.914, rows[4].Simulated, 0.001);
        // Predictions: the capacities fall with rate (C/10 > C/5 > 1C; 2C > 5C) and the 8 mg/cm² cell stays below the connected share of 130 mAh/g.
        Assert.True(rows[1].Simulated > rows[2].Simulated && rows[2].Simulated > rows[3].Simulated && rows[7].Simulated > rows[8].Simulated);
        Assert.InRange(rows[9].Simulated, 0.5 * 130.2, NvopfCalibration.ConnectedParticleFraction * 130.2 * 1.005);
        Assert.InRange(rows[5].Simulated, 0.8, 1.0);
        // The analogue cell: at most Faraday's 239.3 mAh/g, at least what the LiBH4 cell of the same build reaches (its electrolyte conducts 150 × better).
        Assert.InRange(rows[10].Simulated, rows[0].Simulated, 239.3 * 1.005);
        Assert.InRange(rows[11].Simulated, 0.70, 1.0);
        string html = report.Render();
        Assert.Contains("Chem. Mater. 27 (2015) 5407", html);
        Assert.Contains("Energy Environ. Sci. 13 (2020) 5048", html);
        Assert.Contains(rows[0].Simulated.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture), html);
        // The same numbers as the preset's parameter list (one source of the published values).
        Assert.Equal(ReviewCellPresets.PublishedLiBH4Cycle2DischargeMAhPerG,
            CellPresets.Get("tis2-libh4-li").Parameters.Single(p => p.Name == "publishedDischargeCapacityCycle2").Value);
    }
}
