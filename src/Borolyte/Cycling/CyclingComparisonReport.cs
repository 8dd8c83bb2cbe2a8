using System.Globalization;
using Borolyte.Cycling.Analysis;
using Borolyte.Reporting;

namespace Borolyte.Cycling;

/// <summary>
/// A measured run and a second run (simulated, same BDF schema) on the same figures: voltage profiles of shared cycles
/// (measured solid, simulated dashed), capacity and Coulombic efficiency per cycle, dQ/dV of the first complete shared
/// cycle, and the per-cycle comparison table.
/// </summary>
public static class CyclingComparisonReport
{
    public static void AddTo(HtmlReport report, CyclingRun measured, CyclingRun simulated, RunComparisonResult comparison,
        string measuredLabel = "measured", string simulatedLabel = "simulated", int maxProfiles = 4)
    {
        var shared = comparison.Cycles.Where(c => c.MeasuredChargeAh > 0 || c.MeasuredDischargeAh > 0).Select(c => c.Cycle).ToList();
        var shown = shared.Count <= maxProfiles ? shared
            : Enumerable.Range(0, maxProfiles).Select(k => shared[k * (shared.Count - 1) / (maxProfiles - 1)]).Distinct().ToList();
        var profiles = new PlotlyFigure("Voltage profiles: " + measuredLabel + " (solid) and " + simulatedLabel + " (dashed)", "Capacity (mAh)", "Voltage (V)");
        foreach (int cycle in shown)
            foreach (var (run, label, dash) in new[] { (measured, measuredLabel, "solid"), (simulated, simulatedLabel, "dash") })
                foreach (int direction in new[] { 1, -1 })
                {
                    var (q, v) = RunComparison.Profile(run, cycle, direction);
                    if (q.Count > 1)
                        profiles.AddTrace(new PlotlyTrace($"{label}, cycle {cycle} {(direction > 0 ? "charge" : "discharge")}", CyclingReport.Thin(q.Select(x => x * 1000).ToList()), CyclingReport.Thin(v))
                        { Mode = "lines", LegendGroup = $"{label}{cycle}", Dash = dash });
                }
        report.AddFigure(profiles);

        var capacity = new PlotlyFigure("Capacity per cycle", "Cycle", "Capacity (mAh)");
        var efficiency = new PlotlyFigure("Coulombic efficiency per cycle", "Cycle", "CE (%)");
        foreach (var (summary, label, dash) in new[] { (comparison.Measured, measuredLabel, "solid"), (comparison.Simulated, simulatedLabel, "dash") })
        {
            var x = summary.Cycles.Select(c => (double)c.Cycle).ToList();
            capacity.AddTrace(new PlotlyTrace($"{label} charge", x, summary.Cycles.Select(c => c.ChargeCapacityAh * 1000).ToList()) { Dash = dash });
            capacity.AddTrace(new PlotlyTrace($"{label} discharge", x, summary.Cycles.Select(c => c.DischargeCapacityAh * 1000).ToList()) { Dash = dash });
            var ce = summary.Cycles.Where(c => c.CoulombicEfficiency is not null).ToList();
            efficiency.AddTrace(new PlotlyTrace(label, ce.Select(c => (double)c.Cycle).ToList(), ce.Select(c => c.CoulombicEfficiency!.Value * 100).ToList()) { Dash = dash });
        }
        report.AddFigure(capacity);
        report.AddFigure(efficiency);

        int? complete = comparison.Cycles.FirstOrDefault(c => c.MeasuredChargeAh > 0 && c.MeasuredDischargeAh > 0 && c.SimulatedChargeAh > 0 && c.SimulatedDischargeAh > 0)?.Cycle;
        if (complete is { } dc)
        {
            var figure = new PlotlyFigure($"dQ/dV, cycle {dc}", "Voltage (V)", "dQ/dV (mAh/V)");
            foreach (var (run, label, dash) in new[] { (measured, measuredLabel, "solid"), (simulated, simulatedLabel, "dash") })
                foreach (var curve in DifferentialCapacity.DqDv(run, dc))
                    figure.AddTrace(new PlotlyTrace($"{label} {curve.Direction}", curve.X, curve.Y.Select(y => y * 1000).ToList()) { Mode = "lines", Dash = dash });
            report.AddFigure(figure);
        }

        string F(double? value, string format) => value is { } d ? d.ToString(format, CultureInfo.InvariantCulture) : "–";
        report.AddTable(new ReportTable($"{measuredLabel} vs {simulatedLabel}, per shared cycle (V RMS: root-mean-square voltage difference on a common capacity grid)",
            ["Cycle", $"Charge {measuredLabel} (mAh)", $"Charge {simulatedLabel} (mAh)", $"Discharge {measuredLabel} (mAh)", $"Discharge {simulatedLabel} (mAh)", "V RMS charge (mV)", "V RMS discharge (mV)"],
            comparison.Cycles.Select(c => (IReadOnlyList<string>)
            [
                c.Cycle.ToString(CultureInfo.InvariantCulture), F(c.MeasuredChargeAh * 1000, "0.000"), F(c.SimulatedChargeAh * 1000, "0.000"),
                F(c.MeasuredDischargeAh * 1000, "0.000"), F(c.SimulatedDischargeAh * 1000, "0.000"), F(c.ChargeVoltageRmsV * 1000, "0.0"), F(c.DischargeVoltageRmsV * 1000, "0.0"),
            ]).ToList()));
    }
}
