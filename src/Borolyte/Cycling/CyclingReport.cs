using System.Globalization;
using Borolyte.Cycling.Analysis;
using Borolyte.Reporting;

namespace Borolyte.Cycling;

/// <summary>Adds a run's figures to a report: voltage profiles, capacity and CE per cycle, dQ/dV, and the summary table.</summary>
public static class CyclingReport
{
    /// <param name="label">Put before every figure and table title (e.g. "simulated nacro2-half: "), so two runs in one report stay apart.</param>
    /// <param name="differentialVoltage">Add dV/dQ of the same cycle as dQ/dV, with its peaks marked (`cycling plot`).</param>
    /// <param name="composition">Add the compositional window figure (seed 004 Fig. 5b) of this electrode (`cycling plot --host-formula`).</param>
    public static void AddTo(HtmlReport report, CyclingRun run, CyclingSummary summary, int maxProfiles = 8, string label = "",
        bool differentialVoltage = false, (CompositionOptions Options, IReadOnlyList<CompositionRange> Window)? composition = null)
    {
        var cycles = summary.Cycles.Where(c => c.ChargeCapacityAh > 0 || c.DischargeCapacityAh > 0).Select(c => c.Cycle).ToList();
        var shown = cycles.Count <= maxProfiles ? cycles
            : Enumerable.Range(0, maxProfiles).Select(k => cycles[k * (cycles.Count - 1) / (maxProfiles - 1)]).Distinct().ToList();
        var incomplete = summary.Cycles.Where(c => !c.Complete).Select(c => c.Cycle).ToHashSet();
        var profiles = new PlotlyFigure(label + "Voltage profiles", "Capacity (mAh)", "Voltage (V)");
        foreach (int cycle in shown)
            foreach (int direction in new[] { 1, -1 })
            {
                var (q, v) = RunComparison.Profile(run, cycle, direction);
                if (q.Count > 1)
                    profiles.AddTrace(new PlotlyTrace($"cycle {cycle} {(direction > 0 ? "charge" : "discharge")}{(incomplete.Contains(cycle) ? " (incomplete)" : "")}", Thin(q.Select(x => x * 1000).ToList()), Thin(v))
                    { Mode = "lines", LegendGroup = $"c{cycle}", Dash = direction > 0 ? "solid" : "dash" });
            }
        report.AddFigure(profiles);

        report.AddFigure(CapacityFigure(summary, label));

        int? dqdvCycle = (summary.Cycles.FirstOrDefault(c => c.Complete && c.ChargeCapacityAh > 0 && c.DischargeCapacityAh > 0)
            ?? summary.Cycles.FirstOrDefault(c => c.ChargeCapacityAh > 0 && c.DischargeCapacityAh > 0))?.Cycle;
        if (dqdvCycle is { } dc)
        {
            var curves = DifferentialCapacity.DqDv(run, dc);
            var figure = new PlotlyFigure($"{label}dQ/dV, cycle {dc}", "Voltage (V)", "dQ/dV (mAh/V)")
            { Caption = curves.Count > 0 ? $"smoothing: {curves[0].SmoothingDescription}; 5 mV grid" : null };
            foreach (var curve in curves)
                figure.AddTrace(new PlotlyTrace(curve.Direction, curve.X, curve.Y.Select(y => y * 1000).ToList()) { Mode = "lines" });
            report.AddFigure(figure);
            if (differentialVoltage) report.AddFigure(DvDqFigure(run, dc, label));
        }
        if (composition is { } c) report.AddFigure(CompositionFigure(c.Options, c.Window, label));

        string F(double? value, string format) => value is { } d ? d.ToString(format, CultureInfo.InvariantCulture) : "–";
        var rows = summary.Cycles.Select(c => (IReadOnlyList<string>)
        [
            c.Cycle.ToString(CultureInfo.InvariantCulture), F(c.ChargeCapacityAh * 1000, "0.000"), F(c.DischargeCapacityAh * 1000, "0.000"),
            F(c.CoulombicEfficiency * 100, "0.00"), F(c.EnergyEfficiency * 100, "0.00"), F(c.AverageChargeVoltageV, "0.000"), F(c.AverageDischargeVoltageV, "0.000"),
            c.Complete ? "yes" : "no (see notes)",
        ]).ToList();
        report.AddTable(new ReportTable($"{label}Per-cycle summary ({summary.Mode.ToString().ToLowerInvariant()} mode, CE pairing {summary.Pairing}, capacities from {summary.CapacitySource})",
            ["Cycle", "Charge (mAh)", "Discharge (mAh)", "CE (%)", "Energy eff. (%)", "Avg V charge", "Avg V discharge", "Complete"], rows));
    }

    /// <summary>
    /// Capacity and Coulombic efficiency per cycle: capacities (mAh) on the left axis, CE (%) on a second y axis on the
    /// right (their scales differ ~20-fold). Incomplete cycles are separate traces with open markers and "(incomplete)" on hover.
    /// </summary>
    public static PlotlyFigure CapacityFigure(CyclingSummary summary, string label = "")
    {
        // Capacity (mAh, ~1–10) and CE (%, ~100) differ in scale: CE on a second y axis on the right. Incomplete cycles
        // (cut by the end of the file, or missing a half) are separate traces with open markers and "incomplete" on hover.
        var capacity = new PlotlyFigure(label + "Capacity and Coulombic efficiency per cycle", "Cycle", "Capacity (mAh)") { Y2AxisTitle = "Coulombic efficiency (%)" };
        foreach (bool complete in new[] { true, false })
        {
            var part = summary.Cycles.Where(c => c.Complete == complete).ToList();
            if (part.Count == 0) continue;
            string suffix = complete ? "" : ", incomplete cycle";
            var x = part.Select(c => (double)c.Cycle).ToList();
            var hover = part.Select(c => $"cycle {c.Cycle}{(complete ? "" : " (incomplete)")}").ToList();
            capacity.AddTrace(new PlotlyTrace($"charge capacity{suffix} (mAh)", x, part.Select(c => c.ChargeCapacityAh * 1000).ToList())
            { Mode = "markers", HoverTexts = hover, MarkerSymbol = complete ? "circle" : "circle-open", MarkerSize = complete ? null : 10 });
            capacity.AddTrace(new PlotlyTrace($"discharge capacity{suffix} (mAh)", x, part.Select(c => c.DischargeCapacityAh * 1000).ToList())
            { Mode = "markers", HoverTexts = hover, MarkerSymbol = complete ? "square" : "square-open", MarkerSize = complete ? null : 10 });
            var ce = part.Where(c => c.CoulombicEfficiency is not null).ToList();
            if (ce.Count > 0)
                capacity.AddTrace(new PlotlyTrace($"Coulombic efficiency{suffix} (%)", ce.Select(c => (double)c.Cycle).ToList(), ce.Select(c => c.CoulombicEfficiency!.Value * 100).ToList())
                {
                    Mode = complete ? "lines+markers" : "markers", Dash = complete ? "dot" : null, OnSecondaryYAxis = true,
                    HoverTexts = ce.Select(c => $"cycle {c.Cycle}{(complete ? "" : " (incomplete)")}").ToList(),
                    MarkerSymbol = complete ? "diamond" : "diamond-open", MarkerSize = complete ? null : 10,
                });
        }
        return capacity;
    }

    /// <summary>dV/dQ of one cycle against the capacity passed in each direction, peaks (plateau boundaries) marked.</summary>
    public static PlotlyFigure DvDqFigure(CyclingRun run, int cycle, string label = "")
    {
        var options = new DifferentialOptions();
        var curves = DifferentialCapacity.DvDq(run, cycle, options);
        // The ends of a half cycle (the IR jump at its start, the cut-off at its end) are steep enough to flatten everything
        // between them on a linear axis: the figure shows 2–98 % of each half cycle's capacity (the CSV of `dqdv --dvdq` has all).
        var figure = new PlotlyFigure($"{label}dV/dQ, cycle {cycle}", "Capacity (mAh)", "dV/dQ (V/mAh)")
        {
            Caption = curves.Count > 0
                ? $"smoothing: {curves[0].SmoothingDescription}; {options.CapacityPoints} capacity points per half cycle, 2–98 % of each shown (its ends are the IR jump and the cut-off); markers: peaks"
                : null,
        };
        foreach (var curve in curves)
        {
            double total = curve.X[^1];
            bool Shown(double q) => q >= 0.02 * total && q <= 0.98 * total;
            var keep = Enumerable.Range(0, curve.X.Length).Where(i => Shown(curve.X[i])).ToList();
            figure.AddTrace(new PlotlyTrace(curve.Direction, keep.Select(i => curve.X[i] * 1000).ToList(), keep.Select(i => curve.Y[i] * 1e-3).ToList())
            { Mode = "lines", LegendGroup = curve.Direction });
            var peaks = curve.Peaks.Where(Shown).ToList();
            if (peaks.Count == 0) continue;
            var peakY = peaks.Select(p => curve.Y[Array.IndexOf(curve.X, p)] * 1e-3).ToList();
            figure.AddTrace(new PlotlyTrace($"{curve.Direction} peaks", peaks.Select(p => p * 1000).ToList(), peakY) { Mode = "markers", LegendGroup = curve.Direction });
        }
        return figure;
    }

    /// <summary>
    /// The compositional window per cycle (seed 004 Fig. 5b): lowest and highest mobile-ion content per formula unit of the
    /// host, with the content at each cycle's start and end.
    /// </summary>
    public static PlotlyFigure CompositionFigure(CompositionOptions options, IReadOnlyList<CompositionRange> window, string label = "")
    {
        string basis = options.GivenCapacityMAhPerG is { } q
            ? $"given capacity {q.ToString("0.#", CultureInfo.InvariantCulture)} mAh/g per unit of x"
            : $"{options.HostFormula}, {options.CapacityPerUnitContentMAhPerG.ToString("0.0", CultureInfo.InvariantCulture)} mAh/g per unit of x";
        var figure = new PlotlyFigure($"{label}Compositional window per cycle", "Cycle", $"x in {options.HostFormula ?? "host"} (ion per formula unit)")
        {
            Caption = $"{basis}; x₀ = {options.InitialContent.ToString("0.###", CultureInfo.InvariantCulture)}, active mass {(options.ActiveMassKg * 1e6).ToString("0.###", CultureInfo.InvariantCulture)} mg; Faraday's law Δx = ∓Q/(zFn)",
        };
        var x = window.Select(r => (double)r.Cycle).ToList();
        figure.AddTrace(new PlotlyTrace("x max", x, window.Select(r => r.ContentMax).ToList()) { Mode = "lines+markers" });
        figure.AddTrace(new PlotlyTrace("x min", x, window.Select(r => r.ContentMin).ToList()) { Mode = "lines+markers" });
        figure.AddTrace(new PlotlyTrace("x at cycle end", x, window.Select(r => r.ContentAtEnd).ToList()) { Mode = "markers", Dash = "dot" });
        return figure;
    }

    /// <summary>At most ~400 points per trace, keeping the report small (every stride-th point and the last).</summary>
    internal static IReadOnlyList<double> Thin(List<double> values)
    {
        if (values.Count <= 400) return values;
        int stride = (values.Count + 399) / 400;
        var result = new List<double>();
        for (int i = 0; i < values.Count; i += stride) result.Add(values[i]);
        if ((values.Count - 1) % stride != 0) result.Add(values[^1]);
        return result;
    }
}
