using System.Text.RegularExpressions;
using Borolyte.Tests.Cli;
using Borolyte.Tests.Support;

namespace Borolyte.Tests.Thermo;

/// <summary>The reports of `thermo window --out`, `thermo interface --out` and `mechanics plot` opened in a real headless Chromium.</summary>
public class StabilityReportRenderingTests
{
    [Fact]
    public void ProfileReactionAndModulusPlotsAreDrawnByPlotly()
    {
        using var dir = new TempDirectory();
        string profile = dir.File("profile.html"), reaction = dir.File("reaction.html"), gb = dir.File("gb.html");
        Assert.Equal(0, CliProcess.Run("thermo", "window", "builtin:na-b-h", "--compound", "NaBH4", "--open", "Na", "--exclude", "B10H14", "--out", profile).ExitCode);
        Assert.Equal(0, CliProcess.Run("thermo", "interface", "builtin:na-cr-o-b-h", "--a", "NaBH4", "--b", "NaCrO2", "--open", "Na", "--potential-v", "3", "--out", reaction).ExitCode);
        Assert.Equal(0, CliProcess.Run("mechanics", "plot", "--out", gb, "--db", dir.File("kb.db"), "--point", "LLZO=100,60").ExitCode);
        foreach (var path in new[] { profile, reaction, gb })
        {
            var figure = Assert.Single(ReportFigures.Parse(File.ReadAllText(path)));
            string dom = HeadlessChromium.DumpDom(path);
            var drawn = Regex.Match(dom, "<div class=\"plot[^\"]*\" id=\"fig1\"[^>]*>(.*?)</figure>", RegexOptions.Singleline);
            Assert.True(drawn.Success, $"{Path.GetFileName(path)}: fig1 missing from the rendered DOM");
            Assert.Contains("main-svg", drawn.Groups[1].Value);
            // plotly.js draws one <g class="trace scatter …"> per trace: every curve, limit and marker of the figure is on the page
            int traces = ReportFigures.Traces(figure).Count();
            Assert.Equal(traces, Regex.Matches(drawn.Groups[1].Value, "class=\"trace scatter").Count);
        }
    }
}
