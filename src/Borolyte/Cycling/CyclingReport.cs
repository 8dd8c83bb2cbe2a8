using System.Globalization;
using Borolyte.Cycling.Analysis;
using Borolyte.Reporting;

namespace Borolyte.Cycling;

/// <summary>Adds a run's figures to a report: voltage profiles, capacity and CE per cycle, dQ/dV, and the summary table.</summary>
public static class CyclingReport
{
    /// <param name="label">Put before every figure and table title (e.g. "simulated nacro2-half: "), so two runs in one report stay apart.</param>
    public static void AddTo(HtmlReport report, CyclingRun run, CyclingSummary summary, int maxProfiles = 8, string label = "")
    {
        var cycles = summary.Cycles.Where(c => c.ChargeCapacityAh > 0 || c.DischargeCapacityAh > 0).Select(c => c.Cycle).ToList();
        var shown = cycles.Count <= maxProfiles ? cycles
            : Enumerable.Range(0, maxProfiles).Select(k => cycles[k * (cycles.Count - 1) / (maxProfiles - 1)]).Distinct().ToList();
        var profiles = new PlotlyFigure(label + "Voltage profiles", "Capacity (mAh)", "Voltage (V)");
        foreach (int cycle in shown)
            foreach (int direction in new[] { 1, -1 })
            {
                var (q, v) = RunComparison.Profile(run, cycle, direction);
                if (q.Count > 1)
                    profiles.AddTrace(new PlotlyTrace($"cycle {cycle} {(direction > 0 ? "charge" : "discharge")}", Thin(q.Select(x => x * 1000).ToList()), Thin(v))
                    { Mode = "lines", LegendGroup = $"c{cycle}", Dash = direction > 0 ? "solid" : "dash" });
            }
        report.AddFigure(profiles);

        var capacity = new PlotlyFigure(label + "Capacity and Coulombic efficiency per cycle", "Cycle", "Capacity (mAh) / CE (%)");
        var x = summary.Cycles.Select(c => (double)c.Cycle).ToList();
        capacity.AddTrace(new PlotlyTrace("charge capacity (mAh)", x, summary.Cycles.Select(c => c.ChargeCapacityAh * 1000).ToList()) { Mode = "markers" });
        capacity.AddTrace(new PlotlyTrace("discharge capacity (mAh)", x, summary.Cycles.Select(c => c.DischargeCapacityAh * 1000).ToList()) { Mode = "markers" });
        var ce = summary.Cycles.Where(c => c.CoulombicEfficiency is not null).ToList();
        capacity.AddTrace(new PlotlyTrace("Coulombic efficiency (%)", ce.Select(c => (double)c.Cycle).ToList(), ce.Select(c => c.CoulombicEfficiency!.Value * 100).ToList()) { Mode = "lines+markers", Dash = "dot" });
        report.AddFigure(capacity);

        int? dqdvCycle = summary.Cycles.FirstOrDefault(c => c.ChargeCapacityAh > 0 && c.DischargeCapacityAh > 0)?.Cycle;
        if (dqdvCycle is { } dc)
        {
            var curves = DifferentialCapacity.DqDv(run, dc);
            var figure = new PlotlyFigure($"{label}dQ/dV, cycle {dc}", "Voltage (V)", "dQ/dV (mAh/V)")
            { Caption = curves.Count > 0 ? $"smoothing: {curves[0].SmoothingDescription}; 5 mV grid" : null };
            foreach (var curve in curves)
                figure.AddTrace(new PlotlyTrace(curve.Direction, curve.X, curve.Y.Select(y => y * 1000).ToList()) { Mode = "lines" });
            report.AddFigure(figure);
        }

        string F(double? value, string format) => value is { } d ? d.ToString(format, CultureInfo.InvariantCulture) : "–";
        var rows = summary.Cycles.Select(c => (IReadOnlyList<string>)
        [
            c.Cycle.ToString(CultureInfo.InvariantCulture), F(c.ChargeCapacityAh * 1000, "0.000"), F(c.DischargeCapacityAh * 1000, "0.000"),
            F(c.CoulombicEfficiency * 100, "0.00"), F(c.EnergyEfficiency * 100, "0.00"), F(c.AverageChargeVoltageV, "0.000"), F(c.AverageDischargeVoltageV, "0.000"),
        ]).ToList();
        report.AddTable(new ReportTable($"{label}Per-cycle summary ({summary.Mode.ToString().ToLowerInvariant()} mode, CE pairing {summary.Pairing}, capacities from {summary.CapacitySource})",
            ["Cycle", "Charge (mAh)", "Discharge (mAh)", "CE (%)", "Energy eff. (%)", "Avg V charge", "Avg V discharge"], rows));
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
