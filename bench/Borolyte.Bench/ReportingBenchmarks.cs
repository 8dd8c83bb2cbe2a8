using BenchmarkDotNet.Attributes;
using Borolyte.Reporting;

namespace Borolyte.Bench;

/// <summary>Rendering a report with figures: dominated by embedding the 4.8 MB plotly.js.</summary>
[MemoryDiagnoser]
public class ReportingBenchmarks
{
    private HtmlReport _report = null!;

    [GlobalSetup]
    public void Setup()
    {
        _report = new HtmlReport("bench");
        var figure = new PlotlyFigure("σ(T)", "1000/T (1/K)", "σ (S/cm)") { YLog = true };
        var x = Enumerable.Range(0, 1000).Select(i => 2.0 + i * 1e-3).ToArray();
        figure.AddTrace(new PlotlyTrace("series", x, x.Select(v => Math.Exp(-v)).ToArray()));
        _report.AddFigure(figure);
        _report.Render();
    }

    [Benchmark(Description = "render report, 1 figure × 1000 points")]
    public int Render() => _report.Render().Length;
}
