using System.Net;
using System.Text;
using Borolyte.Storage;

namespace Borolyte.Reporting;

/// <summary>
/// A self-contained HTML report: headings, paragraphs, tables and interactive Plotly figures.
/// plotly.js (npm package plotly.js-dist-min) is embedded in the file, so it opens offline.
/// </summary>
public sealed class HtmlReport(string title)
{
    private const string PlotlyResource = "Borolyte.Reporting.plotly.min.js";
    private static readonly Lazy<string> PlotlyScript = new(LoadPlotly);

    private readonly List<string> _blocks = [];
    private readonly List<(string Id, string Text)> _toc = [];
    private int _figureCount;

    public string Title { get; } = title;

    /// <summary>A line under the title (e.g. what produced the report).</summary>
    public string? Subtitle { get; init; }

    public int FigureCount => _figureCount;

    /// <summary>Titles of the level-2 sections, in order (the report's table of contents).</summary>
    public IReadOnlyList<string> Sections => _toc.Select(t => t.Text).ToList();

    public HtmlReport AddHeading(string text, int level = 2)
    {
        if (level is < 2 or > 4) throw new ArgumentOutOfRangeException(nameof(level), "headings are levels 2 to 4 (1 is the title)");
        string id = $"s{_toc.Count + 1}-{Slug(text)}";
        if (level == 2) _toc.Add((id, text));
        _blocks.Add($"<h{level} id=\"{id}\">{Encode(text)}</h{level}>");
        return this;
    }

    public HtmlReport AddParagraph(string text)
    {
        _blocks.Add($"<p>{Encode(text)}</p>");
        return this;
    }

    /// <summary>A compact two-column list of named values.</summary>
    public HtmlReport AddKeyValues(IEnumerable<(string Key, string Value)> items)
    {
        var html = new StringBuilder("<dl class=\"kv\">");
        foreach (var (key, value) in items)
            html.Append("<dt>").Append(Encode(key)).Append("</dt><dd>").Append(Encode(value)).Append("</dd>");
        html.Append("</dl>");
        _blocks.Add(html.ToString());
        return this;
    }

    public HtmlReport AddTable(ReportTable table)
    {
        table.Validated();
        var html = new StringBuilder("<div class=\"table-wrap\"><table>");
        if (table.Caption is { } caption) html.Append("<caption>").Append(Encode(caption)).Append("</caption>");
        html.Append("<thead><tr>");
        foreach (var column in table.Columns) html.Append("<th>").Append(Encode(column)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>");
            foreach (var cell in row) html.Append("<td>").Append(Encode(cell)).Append("</td>");
            html.Append("</tr>");
        }
        html.Append("</tbody></table></div>");
        _blocks.Add(html.ToString());
        return this;
    }

    public HtmlReport AddFigure(PlotlyFigure figure)
    {
        int number = ++_figureCount;
        string json = figure.ToJsonString();
        _blocks.Add(
            $"<figure><div class=\"plot\" id=\"fig{number}\"></div>" +
            $"<script>(function(){{var f={json};Plotly.newPlot('fig{number}',f.data,f.layout,{{responsive:true,displaylogo:false}});}})();</script>" +
            "</figure>");
        return this;
    }

    public string Render()
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"generator\" content=\"Borolyte\">\n")
            .Append("<title>").Append(Encode(Title)).Append("</title>\n<style>").Append(Stylesheet).Append("</style>\n");
        if (_figureCount > 0)
            html.Append("<script>").Append(PlotlyScript.Value).Append("</script>\n");
        html.Append("</head>\n<body>\n<header><h1>").Append(Encode(Title)).Append("</h1>");
        if (Subtitle is { } subtitle) html.Append("<p class=\"subtitle\">").Append(Encode(subtitle)).Append("</p>");
        if (_toc.Count > 1)
        {
            html.Append("<nav><ol>");
            foreach (var (id, text) in _toc) html.Append("<li><a href=\"#").Append(id).Append("\">").Append(Encode(text)).Append("</a></li>");
            html.Append("</ol></nav>");
        }
        html.Append("</header>\n<main>\n");
        foreach (var block in _blocks) html.Append(block).Append('\n');
        html.Append("</main>\n<footer>Written by Borolyte. Figures are interactive (plotly.js, embedded).</footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>Writes the report whole or not at all.</summary>
    public void Save(string path) => AtomicFile.WriteAllText(path, Render());

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Slug(string text)
    {
        var slug = new StringBuilder();
        foreach (char c in text.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c)) slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        return slug.ToString().Trim('-');
    }

    private static string LoadPlotly()
    {
        using var stream = typeof(HtmlReport).Assembly.GetManifestResourceStream(PlotlyResource)
            ?? throw new InvalidOperationException("plotly.js is not embedded in this build: run 'npm ci' at the repository root and rebuild");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private const string Stylesheet = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:1100px;padding:1.5rem;color:#1d2330;line-height:1.45}
        h1{margin-bottom:.2rem}h2{border-bottom:2px solid #d8dee9;padding-bottom:.2rem;margin-top:2.2rem}
        .subtitle{color:#5b6475;margin-top:0}nav ol{columns:2;font-size:.95rem}
        table{border-collapse:collapse;margin:.8rem 0;font-size:.9rem}caption{text-align:left;font-weight:600;padding:.3rem 0}
        th,td{border:1px solid #d8dee9;padding:.25rem .55rem;text-align:left;vertical-align:top}th{background:#eef1f6}
        tbody tr:nth-child(even){background:#f8f9fb}.table-wrap{overflow-x:auto}
        figure{margin:1rem 0}.plot{width:100%;height:460px}
        dl.kv{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem}dl.kv dt{font-weight:600}dl.kv dd{margin:0}
        footer{margin-top:3rem;color:#5b6475;font-size:.85rem}
        """;
}
