using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Borolyte.Reporting;

namespace Borolyte.Tests.Reporting;

public class HtmlReportTests
{
    private static PlotlyFigure ArrheniusFigure()
    {
        var figure = new PlotlyFigure("σ(T)", "1000/T (1/K)", "σ (S/cm)") { YLog = true, PanelTitles = ["Li", "Na"] };
        figure.AddTrace(new PlotlyTrace("LiBH4", [2.5, 2.6], [1e-3, double.NaN]) { Mode = "markers", HoverTexts = ["a", "b"] });
        figure.AddTrace(new PlotlyTrace("Na2B12H12", [2.4, 2.5], [0.1, 0.01]) { Panel = 2, YErrors = [0.01, 0.001] });
        return figure;
    }

    [Fact]
    public void Figure_json_has_traces_axes_and_nulls_for_gaps()
    {
        JsonObject json = ArrheniusFigure().ToPlotlyJson();
        var data = json["data"]!.AsArray();
        Assert.Equal(2, data.Count);
        Assert.Equal("LiBH4", (string?)data[0]!["name"]);
        Assert.Null(data[0]!["y"]!.AsArray()[1]);
        Assert.Equal(1e-3, (double)data[0]!["y"]!.AsArray()[0]!);
        Assert.Equal("x2", (string?)data[1]!["xaxis"]);
        Assert.Equal(0.001, (double)data[1]!["error_y"]!["array"]!.AsArray()[1]!);
        var layout = json["layout"]!;
        Assert.Equal("log", (string?)layout["yaxis"]!["type"]);
        Assert.Equal("linear", (string?)layout["xaxis"]!["type"]);
        Assert.NotNull(layout["xaxis2"]);
        Assert.Equal("y", (string?)layout["xaxis2"]!["anchor"]);
    }

    [Fact]
    public void Trace_with_mismatched_lengths_or_panel_is_rejected()
    {
        var figure = new PlotlyFigure("t", "x", "y");
        Assert.Throws<ArgumentException>(() => figure.AddTrace(new PlotlyTrace("bad", [1, 2], [1])));
        Assert.Throws<ArgumentException>(() => figure.AddTrace(new PlotlyTrace("bad", [1], [1]) { Panel = 2 }));
    }

    [Fact]
    public void Rendered_report_embeds_plotly_and_references_nothing_external()
    {
        var report = new HtmlReport("Demo") { Subtitle = "sub" };
        report.AddHeading("Conductivity").AddFigure(ArrheniusFigure());
        report.AddHeading("Table").AddTable(new ReportTable("caption", ["a", "b"], [["1", "2"]]));
        string html = report.Render();

        Assert.Contains("plotly.js v4", html);
        Assert.Contains("Plotly.newPlot('fig1'", html);
        // No external resources: no <script src>, no stylesheet or image links.
        Assert.DoesNotMatch(new Regex("<(script|img|iframe)[^>]*\\ssrc=|<link[^>]*href=", RegexOptions.IgnoreCase), html);
        Assert.Contains("<a href=\"#s1-conductivity\">Conductivity</a>", html);
        Assert.Equal(1, report.FigureCount);

        // The figure's JSON inside the script parses and is the figure's own.
        var match = Regex.Match(html, @"<figure><div class=""plot"" id=""fig1""></div><script>\(function\(\)\{var f=(\{.*?\});Plotly\.newPlot", RegexOptions.Singleline);
        Assert.True(match.Success);
        var parsed = JsonNode.Parse(match.Groups[1].Value)!;
        Assert.Equal(2, parsed["data"]!.AsArray().Count);
    }

    [Fact]
    public void Text_is_html_encoded_and_cannot_break_out_of_scripts()
    {
        var report = new HtmlReport("<b>title</b>");
        report.AddParagraph("a < b & c");
        var figure = new PlotlyFigure("</script><script>alert(1)</script>", "x", "y");
        figure.AddTrace(new PlotlyTrace("t", [1], [1]));
        report.AddFigure(figure);
        string html = report.Render();
        Assert.Contains("&lt;b&gt;title&lt;/b&gt;", html);
        Assert.Contains("a &lt; b &amp; c", html);
        Assert.DoesNotContain("</script><script>alert(1)", html);
    }

    [Fact]
    public void Report_without_figures_does_not_carry_plotly()
    {
        var report = new HtmlReport("plain");
        report.AddTable(new ReportTable(null, ["x"], [["1"]]));
        Assert.DoesNotContain("plotly.js v4", report.Render());
    }

    [Fact]
    public void Table_rows_must_match_columns()
    {
        var report = new HtmlReport("t");
        Assert.Throws<ArgumentException>(() => report.AddTable(new ReportTable("c", ["a", "b"], [["1"]])));
    }

    [Fact]
    public void Save_writes_the_whole_file_and_leaves_no_temporary_file()
    {
        string dir = Directory.CreateTempSubdirectory("borolyte-report").FullName;
        try
        {
            string path = Path.Combine(dir, "sub", "r.html");
            var report = new HtmlReport("saved");
            report.AddParagraph("hello");
            report.Save(path);
            Assert.Equal(report.Render(), File.ReadAllText(path));
            Assert.Single(Directory.GetFiles(Path.Combine(dir, "sub")));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
