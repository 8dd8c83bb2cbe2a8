namespace Borolyte.Reporting;

/// <summary>One data series of a <see cref="PlotlyFigure"/> (a Plotly "scatter" trace).</summary>
public sealed record PlotlyTrace(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y)
{
    /// <summary>Plotly mode: "markers", "lines", "lines+markers" (also accepted as "markers+lines").</summary>
    public string Mode { get; init; } = "lines+markers";

    /// <summary>Text shown on hover, one per point.</summary>
    public IReadOnlyList<string>? HoverTexts { get; init; }

    /// <summary>Symmetric error bars on y, one per point.</summary>
    public IReadOnlyList<double>? YErrors { get; init; }

    /// <summary>Traces with the same group toggle together in the legend.</summary>
    public string? LegendGroup { get; init; }

    /// <summary>Line style: "solid", "dash", "dot".</summary>
    public string? Dash { get; init; }

    /// <summary>Plot against the figure's secondary y axis on the right (<see cref="PlotlyFigure.Y2AxisTitle"/>), e.g. CE next to capacity.</summary>
    public bool OnSecondaryYAxis { get; init; }

    /// <summary>Line width in px (Plotly's default 2 when null).</summary>
    public double? LineWidth { get; init; }

    /// <summary>Marker symbol, e.g. "star", "diamond", "x" (Plotly's circle when null).</summary>
    public string? MarkerSymbol { get; init; }

    /// <summary>Marker size in px (Plotly's default 6 when null).</summary>
    public double? MarkerSize { get; init; }

    /// <summary>Which subplot column (1-based) the trace belongs to in a multi-panel figure.</summary>
    public int Panel { get; init; } = 1;
}
