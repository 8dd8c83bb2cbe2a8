using Borolyte.Reporting;
using Borolyte.Studies;

namespace Borolyte.Tests.Cells;

/// <summary>The demo's cell-simulation section: figures and the published numbers next to the simulated ones.</summary>
public class CellSimulationSectionTests
{
    [Fact]
    public void Section_has_profiles_rate_three_electrode_figures_and_the_published_numbers()
    {
        var report = new HtmlReport("test");
        CellSimulationSection.AddTo(report);
        Assert.Equal(8, report.FigureCount);   // profiles, rate, binder what-if, three-electrode view, 70 vs 3 MPa retention, full-cell fading, NaCrO2 window, Sn half-cell fading
        string html = report.Render();
        Assert.Contains(">Cell simulation</h2>", html);
        foreach (var published in new[] { "57.5 %", "67.4 %", "95.6 % / 85.9 %", "634", "72.2 % / 95.8 %", "84.3 % / 97.0 %", "92.1 %", "47.4 %", "84.9 %", "≈34 %", "≈118", "≈110" })
            Assert.Contains(System.Net.WebUtility.HtmlEncode(published), html);
        Assert.Contains("Calibrated: NaCrO2 solid diffusivity", html);
        Assert.Contains("retention at 0.5C, 70 vs 3 MPa", html);
        Assert.Contains("3 MPa (simulated)", html);
        Assert.Contains("Sn calibration", html);
        Assert.Contains("composition window per cycle", html);
        Assert.Contains("sn-half: sodiation capacity and Coulombic efficiency", html);
        Assert.Contains("Assumed: one particle radius", html);
        // D_s of Sn with its 1σ, ×/÷ e^σ, as the Sn calibration table prints it.
        string sigma = "×/÷ " + Math.Exp(Borolyte.Cells.Simulation.SnCalibration.SolidDiffusivityStandardErrorLn).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(sigma), html);
        Assert.Contains("PVDF coverage length", html);
        Assert.Contains("prediction", html);
    }
}
