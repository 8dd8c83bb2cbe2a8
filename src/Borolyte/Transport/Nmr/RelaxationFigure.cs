using Borolyte.Reporting;

namespace Borolyte.Transport.Nmr;

/// <summary>R₁ against 1000/T (log scale, as the review's Figure 5): the data per Larmor frequency and the fitted BPP curves.</summary>
public static class RelaxationFigure
{
    public static PlotlyFigure Build(BppFit fit, string title = "Spin–lattice relaxation")
    {
        var figure = new PlotlyFigure(title, "1000/T (1/K)", "R₁ (1/s)")
        {
            YLog = true,
            Caption = fit.Transitions.Count > 0 ? "Curves break at " + string.Join(", ", fit.Transitions.Select(t => $"{t.TemperatureK:0.#} K")) + " (phase transition)." : null,
        };
        double tMin = fit.Points.Min(p => p.TemperatureK), tMax = fit.Points.Max(p => p.TemperatureK);
        var grid = Enumerable.Range(0, 201).Select(i => tMin + (tMax - tMin) * i / 200).ToList();
        foreach (double nu in fit.LarmorHz)
        {
            string label = $"{nu / 1e6:0.###} MHz";
            var pts = fit.Points.Where(p => p.LarmorHz == nu).ToList();
            figure.AddTrace(new PlotlyTrace(label, pts.Select(p => 1000 / p.TemperatureK).ToList(), pts.Select(p => p.R1PerS).ToList())
            {
                Mode = "markers", LegendGroup = label,
                YErrors = pts.All(p => p.StdErrPerS is not null) ? pts.Select(p => p.StdErrPerS!.Value).ToList() : null,
            });
            // NaN at the transition splits the curve into its phases (Plotly draws a gap).
            var xs = new List<double>();
            var ys = new List<double>();
            for (int i = 0; i < grid.Count; i++)
            {
                if (i > 0 && fit.SegmentIndex(grid[i]) != fit.SegmentIndex(grid[i - 1])) { xs.Add(double.NaN); ys.Add(double.NaN); }
                xs.Add(1000 / grid[i]);
                ys.Add(fit.Rate(grid[i], nu));
            }
            figure.AddTrace(new PlotlyTrace($"BPP fit, {label}", xs, ys) { Mode = "lines", LegendGroup = label });
        }
        return figure;
    }
}
