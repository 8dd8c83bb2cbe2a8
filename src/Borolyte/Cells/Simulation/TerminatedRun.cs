using System.Diagnostics;
using System.Globalization;
using System.Text;
using Borolyte.Cells.Protocols;
using Borolyte.Cycling.Analysis;
using Borolyte.Storage;

namespace Borolyte.Cells.Simulation;

/// <summary>The outcome of <see cref="TerminatedRun.Run"/>: the run (streamed or kept) and which stop condition ended it, if any.</summary>
public sealed record TerminatedRunResult(StreamedSimulationResult Result, SimulatedTimeSeries? Series, StopCondition? Met, int ProtocolCycles, string? Reason);

/// <summary>
/// Runs a protocol with whole-protocol stop conditions (PyBaMM's experiment termination, <see cref="StopCondition"/>): the
/// protocol's cycles (<see cref="Protocol.Cycles"/>) one after another on one <see cref="CellSimulation"/>, checking the
/// capacity and voltage conditions at the end of each cycle and the time condition at the end of each step; the first
/// condition met ends the run there. A cycle's discharge capacity is the charge passed while discharging (trapezoidal
/// within each step); its lowest voltage the lowest recorded. The per-cycle summary is then the cycling module's, as for
/// an unstopped run.
/// </summary>
public static class TerminatedRun
{
    /// <param name="keepSeries">keep the time series in memory (as <see cref="CellSimulation.Run"/>); otherwise stream it</param>
    /// <param name="csvPath">write the time series there as it is computed (atomically; implies streaming)</param>
    public static TerminatedRunResult Run(CellParameters cell, Protocol protocol, IReadOnlyList<StopCondition> stops, bool keepSeries = false,
        string? csvPath = null, SimulationOptions? options = null)
    {
        if (csvPath is null) return Execute(cell, protocol, stops, keepSeries, null, options);
        TerminatedRunResult? result = null;
        AtomicFile.Write(csvPath, temp =>
        {
            using var writer = new StreamWriter(temp, false, new UTF8Encoding(false), 1 << 16);
            result = Execute(cell, protocol, stops, false, writer, options);
        });
        return result!;
    }

    private static TerminatedRunResult Execute(CellParameters cell, Protocol protocol, IReadOnlyList<StopCondition> stops, bool keepSeries,
        TextWriter? csv, SimulationOptions? options)
    {
        var watch = Stopwatch.StartNew();
        var accumulator = new StreamingCycleSummary();
        var series = keepSeries ? new SimulatedTimeSeries() : null;
        var writer = csv is null ? null : new SimulatedRunCsvWriter(csv, cell.NominalArealCapacityCPerM2 * cell.AreaM2);
        var tracker = new CycleTracker(accumulator, series, writer);
        var sim = new CellSimulation(cell, options, tracker);
        double activeMassG = cell.ActiveLoadingKgPerM2 * cell.AreaM2 * 1000;
        double? firstDischargeAh = null;
        StopCondition? met = null;
        string? reason = null;
        int cycles = 0;
        foreach (var steps in protocol.Cycles())
        {
            cycles++;
            tracker.StartCycle();
            foreach (var step in steps)
            {
                sim.Execute(new Protocol(step.Text, [step]));
                if (stops.FirstOrDefault(s => s.Kind == StopKind.Time && tracker.LastTimeS >= s.Value) is { } time)
                {
                    met = time;
                    reason = string.Create(CultureInfo.InvariantCulture, $"stopped at the end of step \"{step.Text}\" in protocol cycle {cycles}: simulated time {tracker.LastTimeS / 3600:0.###} h reached \"{time.Text}\"");
                    break;
                }
            }
            if (met is not null) break;
            double q = tracker.CycleDischargeAh;
            if (stops.FirstOrDefault(s => s.MetByCycle(q, firstDischargeAh, activeMassG, tracker.CycleMinimumVoltageV)) is { } hit)
            {
                met = hit;
                reason = hit.Kind switch
                {
                    StopKind.Voltage => string.Create(CultureInfo.InvariantCulture, $"stopped after protocol cycle {cycles}: its lowest voltage {tracker.CycleMinimumVoltageV:0.####} V is at or below \"{hit.Text}\""),
                    StopKind.CapacityFraction => string.Create(CultureInfo.InvariantCulture, $"stopped after protocol cycle {cycles}: discharge capacity {q * 1000:0.####} mAh is {q / firstDischargeAh!.Value * 100:0.##} % of the first cycle's {firstDischargeAh.Value * 1000:0.####} mAh, below \"{hit.Text}\""),
                    StopKind.SpecificCapacityMAhPerG => string.Create(CultureInfo.InvariantCulture, $"stopped after protocol cycle {cycles}: discharge capacity {q * 1000 / activeMassG:0.##} mAh/g is below \"{hit.Text}\""),
                    _ => string.Create(CultureInfo.InvariantCulture, $"stopped after protocol cycle {cycles}: discharge capacity {q * 1000:0.####} mAh is below \"{hit.Text}\""),
                };
                break;
            }
            if (firstDischargeAh is null && q > 0) firstDischargeAh = q;
        }
        CyclingSummary summary = series is null
            ? accumulator.Finish(cell.ActiveLoadingKgPerM2 * cell.AreaM2, cell.AreaM2)
            : CycleSummarizer.Summarize(series.ToCyclingRun(cell.Name, cell.ActiveLoadingKgPerM2 * cell.AreaM2, cell.AreaM2), new SummaryOptions { IntegrateCurrent = true });
        watch.Stop();
        var notes = new List<string>(sim.Notes);
        if (reason is not null) notes.Add(reason);
        var result = new StreamedSimulationResult(cell, summary, watch.Elapsed.TotalMilliseconds, notes, accumulator.Count, accumulator.LastTimeS);
        return new TerminatedRunResult(result, series, met, cycles, reason);
    }

    /// <summary>Feeds the summary accumulator (and the kept series or the CSV) and measures the current protocol cycle.</summary>
    private sealed class CycleTracker(StreamingCycleSummary accumulator, SimulatedTimeSeries? series, SimulatedRunCsvWriter? writer) : ISimulationRecorder
    {
        private SimulatedPoint previous;
        private bool any;
        public double CycleDischargeAh { get; private set; }
        public double CycleMinimumVoltageV { get; private set; } = double.PositiveInfinity;
        public double LastTimeS => any ? previous.TimeS : 0;

        public void StartCycle()
        {
            CycleDischargeAh = 0;
            CycleMinimumVoltageV = double.PositiveInfinity;
        }

        public void Add(in SimulatedPoint p)
        {
            accumulator.Add(p);
            series?.Add(p);
            writer?.Write(p, accumulator.Cycle);
            // Discharge charge (current < 0, + = charge), trapezoidal within a step: ∫|I|dt / 3600 in A·h.
            if (any && p.Step == previous.Step && p.CurrentA < 0 && previous.CurrentA < 0)
                CycleDischargeAh += -0.5 * (p.CurrentA + previous.CurrentA) * (p.TimeS - previous.TimeS) / 3600;
            if (p.Step > 0 || any) CycleMinimumVoltageV = Math.Min(CycleMinimumVoltageV, p.VoltageV);
            previous = p;
            any = true;
        }
    }
}
