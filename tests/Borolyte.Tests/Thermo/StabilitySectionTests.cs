using Borolyte.Reporting;
using Borolyte.Studies;

namespace Borolyte.Tests.Thermo;

public class StabilitySectionTests
{
    [Fact]
    public void RendersWindowsInterfaceAndMechanics()
    {
        var report = new HtmlReport("test");
        StabilitySection.AddTo(report, ThermoFixtures.LiH(), [("LiH2", "Li"), ("LiH", "Li")], ("Li", "LiH2", null, 0),
            [new MechanicalInput("isotropic test solid", 17, 9, "test")]);
        Assert.Equal(3, report.FigureCount);
        string html = report.Render();
        Assert.Contains("Stability", html);
        Assert.Contains("ductile", html);
    }
}
