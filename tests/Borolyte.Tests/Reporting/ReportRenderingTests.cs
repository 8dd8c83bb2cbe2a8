using System.Text.RegularExpressions;
using Borolyte.Reporting;
using Borolyte.Tests.Support;

namespace Borolyte.Tests.Reporting;

/// <summary>Opens reports in a real headless Chromium, offline, and checks that plotly.js drew every figure.</summary>
public class ReportRenderingTests
{
    [Fact]
    public void Every_figure_is_drawn_by_the_embedded_plotly_in_headless_chromium()
    {
        string dir = Directory.CreateTempSubdirectory("borolyte-render").FullName;
        try
        {
            var report = new HtmlReport("Render check");
            for (int i = 0; i < 2; i++)
            {
                var figure = new PlotlyFigure($"figure {i}", "1000/T (1/K)", "σ (S/cm)") { YLog = true };
                figure.AddTrace(new PlotlyTrace($"trace {i}", [2.5, 3.0, 3.5], [1e-2, 1e-4, double.NaN]));
                report.AddHeading($"Section {i}").AddFigure(figure);
            }
            var heatmap = new PlotlyFigure("heat map", "cathode", "electrolyte")
                .AddHeatmap(new PlotlyHeatmap("E", ["NaCrO2", "NaFeO2"], ["NaBH4", "LiBH4"], [[-0.4, double.NaN], [-0.2, -0.3]]) { ZMid = 0 });
            report.AddHeading("Heat map").AddFigure(heatmap);
            string path = Path.Combine(dir, "report.html");
            report.Save(path);

            string dom = HeadlessChromium.DumpDom(path);

            // plotly.js replaces each empty <div class="plot"> with its SVG layers.
            foreach (var id in new[] { "fig1", "fig2", "fig3" })
            {
                var div = Regex.Match(dom, $"<div class=\"plot[^\"]*\" id=\"{id}\"[^>]*>(.*?)</figure>", RegexOptions.Singleline);
                Assert.True(div.Success, $"{id} missing from the rendered DOM");
                Assert.Contains("main-svg", div.Groups[1].Value);
            }
            Assert.Contains("trace 1", dom);
            Assert.Contains("heatmaplayer", dom);  // plotly draws heat maps in their own layer
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
