namespace Borolyte.Reporting;

/// <summary>
/// A matrix drawn as a colour map (a Plotly "heatmap" trace) with categorical axes: Z[row][column] is the value at
/// (XLabels[column], YLabels[row]). Missing values (NaN) are left blank.
/// </summary>
public sealed record PlotlyHeatmap(string Name, IReadOnlyList<string> XLabels, IReadOnlyList<string> YLabels, IReadOnlyList<IReadOnlyList<double>> Z)
{
    /// <summary>Title of the colour bar, with its unit.</summary>
    public string? ColorbarTitle { get; init; }

    /// <summary>Plotly colour scale name (e.g. "RdBu", "Viridis").</summary>
    public string ColorScale { get; init; } = "RdBu";

    /// <summary>Reverse the colour scale (with RdBu: negative = red).</summary>
    public bool ReverseScale { get; init; }

    /// <summary>Centre of a diverging colour scale (e.g. 0 for reaction energies); null lets Plotly choose.</summary>
    public double? ZMid { get; init; }

    /// <summary>Text shown on hover and written in each cell, same shape as <see cref="Z"/>.</summary>
    public IReadOnlyList<IReadOnlyList<string>>? CellTexts { get; init; }
}
