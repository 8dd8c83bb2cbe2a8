using System.Globalization;
using Borolyte.Cycling;
using Borolyte.Cycling.Analysis;

namespace Borolyte.Cells.Simulation;

/// <summary>
/// The per-cycle summary of a simulation computed point by point, keeping only per-cycle accumulators (memory flat in
/// the number of points; one row per cycle). It follows exactly the rules of <see cref="CyclingRun.Build"/> (direction
/// from the current with the rest threshold 10⁻⁴·max|I|, step kinds from the simulator's labels, charge-first or
/// discharge-first cycles from the first current) and of <see cref="CycleSummarizer.Summarize"/> with
/// <c>IntegrateCurrent</c> (coulomb counting, ∫V·|I|dt with the trapezoidal voltage inside a step, same-cycle CE,
/// retention against the first complete cycle, median CC currents), summing in the same order, so the result is
/// identical to summarising the kept series (tested). One case cannot be decided while streaming: the rest threshold
/// uses the largest current seen so far, so a current point below 10⁻⁴ of a larger current that comes only later is
/// counted here and not by <see cref="CycleSummarizer"/>; <see cref="Finish"/> says so in a note when it happened.
/// </summary>
public sealed class StreamingCycleSummary : ISimulationRecorder
{
    private readonly List<(double Qc, double Qd, double Ec, double Ed, double Qcv, double QcInt, double? MedianCharge, double? MedianDischarge)> closed = [];
    private readonly List<double> chargeCurrents = [], dischargeCurrents = [];
    private double qc, qd, ec, ed, qcv, qcInt;
    private long count, cvPoints, backwards;
    private double maxAbs, minCountedAbs = double.PositiveInfinity, previousTime, previousVoltage;
    private int previousStep, firstDirection, lastDirection, cycle = 1;
    private bool anyCurrent;

    /// <summary>Cycle number (charge-first or discharge-first, as <see cref="CyclingRun.Build"/>) of the last point added.</summary>
    public int Cycle => cycle;
    public long Count => count;
    public double LastTimeS => previousTime;

    public void Add(in SimulatedPoint p)
    {
        double current = p.CurrentA;
        maxAbs = Math.Max(maxAbs, Math.Abs(current));
        double restThreshold = Math.Max(1e-12, 1e-4 * maxAbs);
        int direction = p.Kind == StepKind.Rest ? 0 : current > restThreshold ? 1 : current < -restThreshold ? -1 : 0;
        if (count > 0 && p.TimeS < previousTime) backwards++;
        // Cycles (CyclingRun.AssignCycles): a new cycle at each switch into the first current's direction.
        if (direction != 0)
        {
            if (firstDirection == 0) firstDirection = direction;
            if (direction == firstDirection && lastDirection == -firstDirection) CloseCycle();
            lastDirection = direction;
            minCountedAbs = Math.Min(minCountedAbs, Math.Abs(current));
        }
        // Kind (CyclingRun.ClassifySteps with the simulator's labels).
        StepKind kind;
        if (direction == 0) kind = anyCurrent ? StepKind.Rest : StepKind.Ocv;
        else
        {
            anyCurrent = true;
            kind = p.Kind == StepKind.ConstantVoltage ? StepKind.ConstantVoltage : direction > 0 ? StepKind.ConstantCurrentCharge : StepKind.ConstantCurrentDischarge;
            if (kind == StepKind.ConstantVoltage) cvPoints++;
        }
        // Integration (CycleSummarizer.Summarize, coulomb counting).
        if (count > 0 && kind is not (StepKind.Rest or StepKind.Ocv))
        {
            double dt = Math.Max(0, p.TimeS - previousTime) / 3600.0;
            double dq = Math.Abs(current) * dt;
            double vMid = p.Step == previousStep ? 0.5 * (p.VoltageV + previousVoltage) : p.VoltageV;
            if (current > 0)
            {
                qcInt += dq;
                ec += dq * vMid;
                if (kind == StepKind.ConstantVoltage) qcv += dq;
                qc += dq;
            }
            else
            {
                ed += dq * vMid;
                qd += dq;
            }
        }
        if (kind == StepKind.ConstantCurrentCharge) chargeCurrents.Add(current);
        else if (kind == StepKind.ConstantCurrentDischarge) dischargeCurrents.Add(-current);
        previousTime = p.TimeS; previousVoltage = p.VoltageV; previousStep = p.Step;
        count++;
    }

    private void CloseCycle()
    {
        closed.Add((qc, qd, ec, ed, qcv, qcInt, Median(chargeCurrents), Median(dischargeCurrents)));
        qc = qd = ec = ed = qcv = qcInt = 0;
        chargeCurrents.Clear(); dischargeCurrents.Clear();
        cycle++;
    }

    private static double? Median(List<double> values) => values.Count == 0 ? null : CycleSummarizer.Median(values);

    /// <summary>The summary, as <see cref="CycleSummarizer.Summarize"/> of the run with the given active mass and area.</summary>
    public CyclingSummary Finish(double activeMassKg, double areaM2)
    {
        if (count == 0) throw new InvalidOperationException("no points were recorded");
        var rowsIn = new List<(double Qc, double Qd, double Ec, double Ed, double Qcv, double QcInt, double? MedianCharge, double? MedianDischarge)>(closed)
        {
            (qc, qd, ec, ed, qcv, qcInt, Median(chargeCurrents), Median(dischargeCurrents)),
        };
        var notes = new List<string>();
        if (backwards > 0) notes.Add($"test time decreases {backwards} times; those intervals count as zero duration");
        if (cvPoints > 0) notes.Add($"{cvPoints} points classified as constant voltage");
        var definition = firstDirection < 0 ? CycleDefinition.DischargeFirst : CycleDefinition.ChargeFirst;
        notes.Add($"cycles: {(definition == CycleDefinition.ChargeFirst ? "charge-first" : "discharge-first")} (the file has no cycle counter that counts; its first current is a {(firstDirection < 0 ? "discharge" : "charge")})");
        var mode = firstDirection < 0 ? ElectrodeMode.Anode : ElectrodeMode.Cathode;
        notes.Add(mode == ElectrodeMode.Anode
            ? "electrode mode: anode (the first current is a discharge); CE = charge / discharge"
            : "electrode mode: cathode (the first current is a charge); CE = discharge / charge");
        double? mass = activeMassKg > 0 ? activeMassKg : null;
        if (mass is null) notes.Add("no active mass given or stated in the file: no specific capacities");
        double? area = areaM2;
        const string source = "coulomb counting of the current";
        notes.Add($"capacities from {source}; energies from ∫ V·|I| dt");
        notes.Add("CE pairing: same cycle");
        double finalThreshold = Math.Max(1e-12, 1e-4 * maxAbs);
        if (minCountedAbs <= finalThreshold)
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"streaming summary: points with |I| ≥ {minCountedAbs:G3} A were counted as current before a current above {maxAbs:G3} A came; the cycling module's rest threshold (10⁻⁴·max|I|) would treat them as rest"));

        int m = rowsIn.Count;
        Func<int, double> qIn = mode == ElectrodeMode.Cathode ? k => rowsIn[k].Qc : k => rowsIn[k].Qd;
        Func<int, double> qOut = mode == ElectrodeMode.Cathode ? k => rowsIn[k].Qd : k => rowsIn[k].Qc;
        int? reference = null;
        for (int k = 0; k < m && reference is null; k++) if (qOut(k) > 0 && qIn(k) > 0) reference = k + 1;
        var rows = new List<CycleStatistics>(m);
        for (int k = 0; k < m; k++)
        {
            var r = rowsIn[k];
            rows.Add(new CycleStatistics(
                k + 1, r.Qc, r.Qd, r.Ec, r.Ed, Ratio(qOut(k), qIn(k)), Ratio(r.Ed, r.Ec),
                r.Qc > 0 ? r.Ec / r.Qc : null, r.Qd > 0 ? r.Ed / r.Qd : null,
                mass is { } g ? r.Qc * 1000 / (g * 1000) : null, mass is { } g2 ? r.Qd * 1000 / (g2 * 1000) : null,
                area is { } a ? r.Qc * 1000 / (a * 1e4) : null, area is { } a2 ? r.Qd * 1000 / (a2 * 1e4) : null,
                reference is { } rc && qOut(rc - 1) > 0 && qOut(k) > 0 ? qOut(k) / qOut(rc - 1) : null,
                r.QcInt > 0 ? r.Qcv / r.QcInt : null, r.MedianCharge, r.MedianDischarge));
        }
        return new CyclingSummary("borolyte-simulation", rows, mode, EfficiencyPairing.SameCycle, source, mass, area, reference, notes);
    }

    private static double? Ratio(double numerator, double denominator) => numerator > 0 && denominator > 0 ? numerator / denominator : null;
}
