using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Borolyte.Tests.Thermo;

/// <summary>The Plotly figures of a written HTML report, parsed back from their &lt;script&gt; blocks (Reporting.HtmlReport.AddFigure).</summary>
internal static class ReportFigures
{
    public static IReadOnlyList<JsonObject> Parse(string html) =>
        Regex.Matches(html, @"<script>\(function\(\)\{var f=(\{.*?\});Plotly\.newPlot\('fig\d+'", RegexOptions.Singleline)
            .Select(m => JsonNode.Parse(m.Groups[1].Value)!.AsObject()).ToArray();

    public static IEnumerable<JsonObject> Traces(JsonObject figure) => figure["data"]!.AsArray().Select(t => t!.AsObject());

    public static string Title(JsonObject figure) => figure["layout"]!["title"]!["text"]!.GetValue<string>();

    public static string Name(JsonObject trace) => trace["name"]!.GetValue<string>();

    public static double[] Numbers(JsonObject trace, string axis) => trace[axis]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();

    public static string[] Texts(JsonObject trace) => trace["text"]?.AsArray().Select(v => v!.GetValue<string>()).ToArray() ?? [];
}
