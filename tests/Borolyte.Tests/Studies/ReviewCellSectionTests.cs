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
        Assert.Equal(4, rows.Count);
        // Published: Unemoto et al. 2015 (205 mAh/g), Asakura et al. 2020 (104 and 99 mAh/g), review §2.2 (> 70 % at 10C vs C/10).
        Assert.Equal([205, 104, 99, 0.70], rows.Select(r => r.Published));
        // The simulated capacities are the presets' (near theoretical: assumed thin electrodes); each lies inside the host's capacity.
        Assert.InRange(rows[0].Simulated, 0.9 * 239.3, 239.3 * 1.005);
        Assert.InRange(rows[1].Simulated, 0.9 * 130.2, 130.2 * 1.005);
        Assert.InRange(rows[2].Simulated, 0.9 * 130.2, rows[1].Simulated);   // C/5 gives no more than C/10
        Assert.InRange(rows[3].Simulated, 0.70, 1.0);
        string html = report.Render();
        Assert.Contains("Chem. Mater. 27 (2015) 5407", html);
        Assert.Contains("Energy Environ. Sci. 13 (2020) 5048", html);
        Assert.Contains(rows[0].Simulated.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture), html);
        // The same numbers as the preset's parameter list (one source of the published values).
        Assert.Equal(ReviewCellPresets.PublishedLiBH4Cycle2DischargeMAhPerG,
            CellPresets.Get("tis2-libh4-li").Parameters.Single(p => p.Name == "publishedDischargeCapacityCycle2").Value);
    }
}
