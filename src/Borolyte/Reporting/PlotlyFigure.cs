using System.Text.Json;
using System.Text.Json.Nodes;

namespace Borolyte.Reporting;

/// <summary>
/// An interactive figure rendered by plotly.js: scatter traces on linear or log axes, optionally in
/// several side-by-side panels sharing the y axis. Serialised to Plotly's JSON (data + layout).
/// </summary>
public sealed class PlotlyFigure(string title, string xAxisTitle, string yAxisTitle)
{
    private readonly List<PlotlyTrace> _traces = [];
    private readonly List<PlotlyHeatmap> _heatmaps = [];

    public string Title { get; } = title;
    public string XAxisTitle { get; } = xAxisTitle;
    public string YAxisTitle { get; } = yAxisTitle;
    public bool XLog { get; init; }
    public bool YLog { get; init; }

    /// <summary>Titles of the panels, left to right; a figure has as many panels as titles (at least one).</summary>
    public IReadOnlyList<string> PanelTitles { get; init; } = [];

    /// <summary>Title of a secondary y axis on the right for traces with <see cref="PlotlyTrace.OnSecondaryYAxis"/>; required by them.</summary>
    public string? Y2AxisTitle { get; init; }

    /// <summary>Reverse the x axis (e.g. 1000/T plots where temperature rises to the right).</summary>
    public bool XReversed { get; init; }

    /// <summary>A secondary x-axis label shown as an annotation under the plot, if any.</summary>
    public string? Caption { get; init; }

    public IReadOnlyList<PlotlyTrace> Traces => _traces;
    public IReadOnlyList<PlotlyHeatmap> Heatmaps => _heatmaps;

    /// <summary>Adds a colour map; its rows must match <see cref="PlotlyHeatmap.YLabels"/> and its columns the x labels.</summary>
    public PlotlyFigure AddHeatmap(PlotlyHeatmap heatmap)
    {
        if (heatmap.Z.Count != heatmap.YLabels.Count)
            throw new ArgumentException($"heatmap '{heatmap.Name}': {heatmap.Z.Count} rows but {heatmap.YLabels.Count} y labels");
        for (int row = 0; row < heatmap.Z.Count; row++)
        {
            if (heatmap.Z[row].Count != heatmap.XLabels.Count)
                throw new ArgumentException($"heatmap '{heatmap.Name}': row {row + 1} has {heatmap.Z[row].Count} values but there are {heatmap.XLabels.Count} x labels");
            if (heatmap.CellTexts is { } texts && (texts.Count != heatmap.Z.Count || texts[row].Count != heatmap.Z[row].Count))
                throw new ArgumentException($"heatmap '{heatmap.Name}': cell texts do not have the shape of Z at row {row + 1}");
        }
        _heatmaps.Add(heatmap);
        return this;
    }

    public PlotlyFigure AddTrace(PlotlyTrace trace)
    {
        if (trace.X.Count != trace.Y.Count)
            throw new ArgumentException($"trace '{trace.Name}': {trace.X.Count} x values but {trace.Y.Count} y values");
        int panels = Math.Max(1, PanelTitles.Count);
        if (trace.Panel < 1 || trace.Panel > panels)
            throw new ArgumentException($"trace '{trace.Name}': panel {trace.Panel} but the figure has {panels}");
        if (trace.OnSecondaryYAxis && (Y2AxisTitle is null || panels > 1))
            throw new ArgumentException($"trace '{trace.Name}': a secondary y axis needs Y2AxisTitle and a single-panel figure");
        _traces.Add(trace);
        return this;
    }

    /// <summary>The figure as Plotly JSON: {"data": [...], "layout": {...}}.</summary>
    public JsonObject ToPlotlyJson()
    {
        var data = new JsonArray();
        foreach (var trace in _traces)
        {
            var item = new JsonObject
            {
                ["type"] = "scatter",
                ["name"] = trace.Name,
                ["mode"] = NormaliseMode(trace.Mode),
                ["x"] = Numbers(trace.X),
                ["y"] = Numbers(trace.Y),
            };
            if (trace.Panel > 1) item["xaxis"] = $"x{trace.Panel}";
            if (trace.OnSecondaryYAxis) item["yaxis"] = "y2";
            if (trace.HoverTexts is { } texts)
            {
                item["text"] = new JsonArray(texts.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray());
                item["hovertemplate"] = "%{text}<br>x=%{x}<br>y=%{y}<extra>%{fullData.name}</extra>";
            }
            if (trace.YErrors is { } errors)
                item["error_y"] = new JsonObject { ["type"] = "data", ["array"] = Numbers(errors), ["visible"] = true };
            if (trace.LegendGroup is { } group) item["legendgroup"] = group;
            if (trace.Dash is not null || trace.LineWidth is not null)
            {
                var line = new JsonObject();
                if (trace.Dash is { } dash) line["dash"] = dash;
                if (trace.LineWidth is { } width) line["width"] = width;
                item["line"] = line;
            }
            if (trace.MarkerSymbol is not null || trace.MarkerSize is not null)
            {
                var marker = new JsonObject();
                if (trace.MarkerSymbol is { } symbol) marker["symbol"] = symbol;
                if (trace.MarkerSize is { } size) marker["size"] = size;
                item["marker"] = marker;
            }
            data.Add(item);
        }
        foreach (var map in _heatmaps)
        {
            var item = new JsonObject
            {
                ["type"] = "heatmap",
                ["name"] = map.Name,
                ["x"] = Labels(map.XLabels),
                ["y"] = Labels(map.YLabels),
                ["z"] = new JsonArray(map.Z.Select(row => (JsonNode?)Numbers(row)).ToArray()),
                ["colorscale"] = map.ColorScale,
                ["reversescale"] = map.ReverseScale,
                ["hoverongaps"] = false,
            };
            if (map.ZMid is { } mid) item["zmid"] = mid;
            if (map.ColorbarTitle is { } bar) item["colorbar"] = new JsonObject { ["title"] = new JsonObject { ["text"] = bar } };
            if (map.CellTexts is { } texts)
            {
                item["text"] = new JsonArray(texts.Select(row => (JsonNode?)Labels(row)).ToArray());
                item["texttemplate"] = "%{z:.3f}";
                item["hovertemplate"] = "%{y} | %{x}<br>%{text}<extra></extra>";
            }
            data.Add(item);
        }

        var layout = new JsonObject
        {
            ["title"] = new JsonObject { ["text"] = Title },
            ["hovermode"] = "closest",
            ["margin"] = new JsonObject { ["t"] = 60, ["r"] = 20 },
            ["yaxis"] = Axis(YAxisTitle, YLog, reversed: false),
        };
        if (Y2AxisTitle is { } y2)
        {
            var axis = Axis(y2, log: false, reversed: false);
            axis["overlaying"] = "y";
            axis["side"] = "right";
            axis["showgrid"] = false;
            layout["yaxis2"] = axis;
            layout["legend"] = new JsonObject { ["x"] = 1.08 };  // keep the legend clear of the right-hand axis
        }
        int panelCount = Math.Max(1, PanelTitles.Count);
        var annotations = new JsonArray();
        for (int panel = 1; panel <= panelCount; panel++)
        {
            var axis = Axis(XAxisTitle, XLog, XReversed);
            double gap = 0.06;
            double width = (1.0 - gap * (panelCount - 1)) / panelCount;
            double start = (panel - 1) * (width + gap);
            axis["domain"] = new JsonArray(start, start + width);
            if (panel > 1) axis["anchor"] = "y";
            layout[panel == 1 ? "xaxis" : $"xaxis{panel}"] = axis;
            if (PanelTitles.Count > 0)
            {
                annotations.Add(new JsonObject
                {
                    ["text"] = PanelTitles[panel - 1], ["showarrow"] = false, ["xref"] = "paper", ["yref"] = "paper",
                    ["x"] = start + width / 2, ["y"] = 1.0, ["xanchor"] = "center", ["yanchor"] = "bottom",
                });
            }
        }
        if (Caption is { } caption)
        {
            annotations.Add(new JsonObject
            {
                ["text"] = caption, ["showarrow"] = false, ["xref"] = "paper", ["yref"] = "paper",
                ["x"] = 0, ["y"] = -0.22, ["xanchor"] = "left", ["font"] = new JsonObject { ["size"] = 11 },
            });
        }
        if (annotations.Count > 0) layout["annotations"] = annotations;
        if (_heatmaps.Count > 0)
        {
            // Heat maps have labelled rows and columns: categorical axes, first row at the top.
            layout["xaxis"]!["type"] = "category";
            layout["yaxis"]!["type"] = "category";
            layout["yaxis"]!["autorange"] = "reversed";
        }
        return new JsonObject { ["data"] = data, ["layout"] = layout };
    }

    private static JsonObject Axis(string title, bool log, bool reversed)
    {
        var axis = new JsonObject { ["title"] = new JsonObject { ["text"] = title }, ["type"] = log ? "log" : "linear" };
        if (log) axis["exponentformat"] = "power";
        if (reversed) axis["autorange"] = "reversed";
        return axis;
    }

    private static string NormaliseMode(string mode) => mode == "markers+lines" ? "lines+markers" : mode;

    // Plotly draws a gap for null; JSON has no NaN.
    private static JsonArray Numbers(IReadOnlyList<double> values) =>
        new(values.Select(v => double.IsFinite(v) ? (JsonNode?)JsonValue.Create(v) : null).ToArray());

    private static JsonArray Labels(IReadOnlyList<string> labels) => new(labels.Select(l => (JsonNode?)JsonValue.Create(l)).ToArray());

    public string ToJsonString() => ToPlotlyJson().ToJsonString(new JsonSerializerOptions { WriteIndented = false });
}
