namespace Borolyte.Cycling.Analysis;

/// <summary>One cycle of two runs side by side: capacities (Ah) and the RMS voltage difference of the profiles (V).</summary>
public sealed record CycleComparison(
    int Cycle, double MeasuredChargeAh, double SimulatedChargeAh, double MeasuredDischargeAh, double SimulatedDischargeAh,
    double? ChargeVoltageRmsV, double? DischargeVoltageRmsV);

public sealed record RunComparisonResult(CyclingSummary Measured, CyclingSummary Simulated, IReadOnlyList<CycleComparison> Cycles);

/// <summary>
/// A measured run against a second run in the same schema (a simulation written as BDF CSV, or another measurement):
/// per-cycle capacities of both and, per direction, the RMS difference of V(Q) on a common grid of 200 capacity points
/// from 0 to the smaller of the two branch capacities (Q by coulomb counting within the branch, as for the profiles).
/// </summary>
public static class RunComparison
{
    public static RunComparisonResult Compare(CyclingRun measured, CyclingRun simulated, SummaryOptions? options = null, int gridPoints = 200)
    {
        var a = CycleSummarizer.Summarize(measured, options);
        var b = CycleSummarizer.Summarize(simulated, options);
        var bByCycle = b.Cycles.ToDictionary(c => c.Cycle);
        var rows = new List<CycleComparison>();
        foreach (var ca in a.Cycles)
        {
            if (!bByCycle.TryGetValue(ca.Cycle, out var cb)) continue;
            rows.Add(new CycleComparison(ca.Cycle, ca.ChargeCapacityAh, cb.ChargeCapacityAh, ca.DischargeCapacityAh, cb.DischargeCapacityAh,
                Rms(measured, simulated, ca.Cycle, 1, gridPoints), Rms(measured, simulated, ca.Cycle, -1, gridPoints)));
        }
        return new RunComparisonResult(a, b, rows);
    }

    private static double? Rms(CyclingRun a, CyclingRun b, int cycle, int direction, int points)
    {
        var (qa, va) = Profile(a, cycle, direction);
        var (qb, vb) = Profile(b, cycle, direction);
        if (qa.Count < 2 || qb.Count < 2) return null;
        double qMax = Math.Min(qa[^1], qb[^1]);
        if (!(qMax > 0)) return null;
        double sum = 0;
        for (int g = 0; g < points; g++)
        {
            double q = qMax * g / (points - 1);
            double d = Interpolate(qa, va, q) - Interpolate(qb, vb, q);
            sum += d * d;
        }
        return Math.Sqrt(sum / points);
    }

    private static double Interpolate(List<double> x, List<double> y, double at)
    {
        int hi = x.BinarySearch(at);
        if (hi >= 0) return y[hi];
        hi = ~hi;
        if (hi == 0) return y[0];
        if (hi >= x.Count) return y[^1];
        double span = x[hi] - x[hi - 1];
        return span == 0 ? y[hi] : y[hi - 1] + (y[hi] - y[hi - 1]) * (at - x[hi - 1]) / span;
    }

    /// <summary>Capacity passed (Ah, coulomb counting within the branch) and voltage of the current-carrying points of one direction of a cycle.</summary>
    public static (List<double> CapacityAh, List<double> VoltageV) Profile(CyclingRun run, int cycle, int direction)
    {
        var q = new List<double>(); var v = new List<double>();
        double total = 0;
        for (int i = 0; i < run.Count; i++)
        {
            if (run.CycleCount[i] != cycle || Math.Sign(run.CurrentAmpere[i]) != direction || run.Kind[i] is StepKind.Rest or StepKind.Ocv) continue;
            if (q.Count > 0) total += Math.Abs(run.CurrentAmpere[i]) * Math.Max(0, run.TestTimeSecond[i] - run.TestTimeSecond[i - 1]) / 3600.0;
            q.Add(total); v.Add(run.VoltageVolt[i]);
        }
        return (q, v);
    }
}
