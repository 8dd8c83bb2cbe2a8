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
    public void Heatmap_json_is_row_major_with_categorical_axes_and_blank_gaps()
    {
        var figure = new PlotlyFigure("map", "cathode", "electrolyte").AddHeatmap(
            new PlotlyHeatmap("E", ["NaCrO2", "NaFeO2", "NaVO3"], ["NaBH4", "LiBH4"], [[-0.4, double.NaN, -0.1], [-0.2, -0.3, 0.0]])
            {
                ZMid = 0, ReverseScale = true, ColorbarTitle = "eV/atom",
                CellTexts = [["a", "missing", "c"], ["d", "e", "f"]],
            });
        var json = figure.ToPlotlyJson();
        var map = json["data"]!.AsArray().Single()!;
        Assert.Equal("heatmap", (string?)map["type"]);
        var z = map["z"]!.AsArray();
        Assert.Equal(2, z.Count);
        Assert.Equal(-0.3, (double)z[1]!.AsArray()[1]!);  // row = electrolyte (LiBH4), column = cathode (NaFeO2)
        Assert.Null(z[0]!.AsArray()[1]);
        Assert.Equal("NaVO3", (string?)map["x"]!.AsArray()[2]);
        Assert.Equal("missing", (string?)map["text"]!.AsArray()[0]!.AsArray()[1]);
        Assert.Equal(0.0, (double)map["zmid"]!);
        Assert.True((bool)map["reversescale"]!);
        Assert.Equal("category", (string?)json["layout"]!["xaxis"]!["type"]);
        Assert.Equal("category", (string?)json["layout"]!["yaxis"]!["type"]);
    }

    [Fact]
    public void Heatmap_whose_shape_does_not_match_its_labels_is_rejected()
    {
        var figure = new PlotlyFigure("t", "x", "y");
        Assert.Throws<ArgumentException>(() => figure.AddHeatmap(new PlotlyHeatmap("bad", ["a", "b"], ["r"], [[1.0]])));
        Assert.Throws<ArgumentException>(() => figure.AddHeatmap(new PlotlyHeatmap("bad", ["a"], ["r", "s"], [[1.0]])));
        Assert.Throws<ArgumentException>(() => figure.AddHeatmap(new PlotlyHeatmap("bad", ["a"], ["r"], [[1.0]]) { CellTexts = [["x", "y"]] }));
    }

    [Fact]
    public void Secondary_y_axis_traces_point_at_y2_on_the_right()
    {
        var figure = new PlotlyFigure("per cycle", "cycle", "capacity (mAh)") { Y2AxisTitle = "CE (%)" };
        figure.AddTrace(new PlotlyTrace("capacity", [1, 2], [4.2, 4.1]));
        figure.AddTrace(new PlotlyTrace("CE", [1, 2], [83, 97]) { OnSecondaryYAxis = true });
        var json = figure.ToPlotlyJson();
        var data = json["data"]!.AsArray();
        Assert.Null(data[0]!["yaxis"]);
        Assert.Equal("y2", (string?)data[1]!["yaxis"]);
        var y2 = json["layout"]!["yaxis2"]!;
        Assert.Equal("y", (string?)y2["overlaying"]);
        Assert.Equal("right", (string?)y2["side"]);
        Assert.Equal("CE (%)", (string?)y2["title"]!["text"]);
        Assert.Throws<ArgumentException>(() => new PlotlyFigure("t", "x", "y").AddTrace(new PlotlyTrace("no axis", [1], [1]) { OnSecondaryYAxis = true }));
    }

    [Fact]
    public void Line_width_and_marker_style_reach_plotly_only_when_set()
    {
        var figure = new PlotlyFigure("t", "x", "y");
        figure.AddTrace(new PlotlyTrace("plain", [1], [1]));
        figure.AddTrace(new PlotlyTrace("styled", [1], [1]) { LineWidth = 5, Dash = "dash", MarkerSymbol = "star", MarkerSize = 14 });
        var data = figure.ToPlotlyJson()["data"]!.AsArray();
        Assert.Null(data[0]!["line"]);
        Assert.Null(data[0]!["marker"]);
        Assert.Equal(5.0, (double)data[1]!["line"]!["width"]!);
        Assert.Equal("dash", (string?)data[1]!["line"]!["dash"]);
        Assert.Equal("star", (string?)data[1]!["marker"]!["symbol"]);
        Assert.Equal(14.0, (double)data[1]!["marker"]!["size"]!);
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
