using System.Globalization;

namespace Borolyte.Cycling.Analysis;

/// <summary>Which half cycle stores charge in the electrode under test, i.e. the denominator of the Coulombic efficiency.</summary>
public enum ElectrodeMode
{
    /// <summary>Cathode half cell or full cell: charge first, CE = discharge / charge.</summary>
    Cathode,
    /// <summary>Anode half cell (e.g. Si or Sn vs Li/Na): discharge (lithiation/sodiation) first, CE = charge / discharge.</summary>
    Anode,
}

/// <summary>Which "in" capacity the "out" capacity of a cycle is divided by.</summary>
public enum EfficiencyPairing
{
    /// <summary>Both from the same cycle (of the run's <see cref="CycleDefinition"/>).</summary>
    SameCycle,
    /// <summary>The cycle's first "out" half cycle over the "in" half cycle just before it (may lie in the previous cycle).</summary>
    PrecedingHalfCycle,
}

public sealed record SummaryOptions
{
    /// <summary>Active mass, overriding the file's; null uses the file's when it states one, else no specific values.</summary>
    public double? ActiveMassKg { get; init; }
    public double? AreaM2 { get; init; }
    /// <summary>Null: inferred from the first current direction (charge first → cathode), and noted.</summary>
    public ElectrodeMode? Mode { get; init; }
    public EfficiencyPairing Pairing { get; init; } = EfficiencyPairing.SameCycle;
    /// <summary>Cycle the retention refers to; null = the first complete cycle (both capacities non-zero).</summary>
    public int? ReferenceCycle { get; init; }
    /// <summary>True: coulomb counting of the current even when the file has capacity columns.</summary>
    public bool IntegrateCurrent { get; init; }
}

/// <summary>
/// The numbers of one cycle. Capacities in Ah and energies in Wh (BDF units); null where undefined (nothing to divide by).
/// <paramref name="Complete"/>: the cycle has a charge and a discharge and neither runs into the end of the file unfinished
/// (see <see cref="CycleSummarizer.CompleteCycles"/>); an incomplete cycle has no retention.
/// </summary>
public sealed record CycleStatistics(
    int Cycle, double ChargeCapacityAh, double DischargeCapacityAh, double ChargeEnergyWh, double DischargeEnergyWh,
    double? CoulombicEfficiency, double? EnergyEfficiency, double? AverageChargeVoltageV, double? AverageDischargeVoltageV,
    double? ChargeSpecificCapacityMAhPerG, double? DischargeSpecificCapacityMAhPerG,
    double? ChargeArealCapacityMAhPerCm2, double? DischargeArealCapacityMAhPerCm2,
    double? Retention, double? ConstantVoltageShareOfCharge, double? MedianChargeCurrentA, double? MedianDischargeCurrentA,
    bool Complete = true);

/// <summary>Per-cycle table of a run and how it was computed.</summary>
public sealed record CyclingSummary(
    string Format, IReadOnlyList<CycleStatistics> Cycles, ElectrodeMode Mode, EfficiencyPairing Pairing, string CapacitySource,
    double? ActiveMassKg, double? AreaM2, int? ReferenceCycle, IReadOnlyList<string> Notes)
{
    /// <summary>
    /// Per cycle, the share of the discharge passed at constant voltage (the CV lithiation of an anode half cell, a CV hold
    /// closing a discharge), as <see cref="CycleStatistics.ConstantVoltageShareOfCharge"/> is for the charge; null for a
    /// cycle without discharge, and null as a whole where a summary does not compute it (the cell simulator's streaming one).
    /// </summary>
    public IReadOnlyDictionary<int, double?>? ConstantVoltageShareOfDischarge { get; init; }
}

/// <summary>
/// Per-cycle summary: capacities and energies (from the file's counters when it has them — the instrument integrates
/// at its own, faster, rate — else by coulomb counting of the current), Coulombic and energy efficiency with the
/// pairing stated (energy efficiency is always discharge energy / charge energy of the cycle), average voltages as energy / capacity, specific and areal capacities only with a mass or area
/// that was given or stated in the file, retention against a reference cycle, and the share of the charge passed at
/// constant voltage.
/// </summary>
public static partial class CycleSummarizer
{
    public static CyclingSummary Summarize(CyclingRun run, SummaryOptions? options = null)
    {
        options ??= new SummaryOptions();
        int n = run.Count;
        var t = run.TestTimeSecond; var v = run.VoltageVolt; var current = run.CurrentAmpere;
        int firstDirection = 0;
        for (int i = 0; i < n && firstDirection == 0; i++)
            if (run.Kind[i] is not (StepKind.Rest or StepKind.Ocv)) firstDirection = Math.Sign(current[i]);
        var mode = options.Mode ?? (firstDirection < 0 ? ElectrodeMode.Anode : ElectrodeMode.Cathode);
        var (fromColumns, energyFromColumns) = Sources(options, run.ChargingCapacityAmpereHour is not null && run.DischargingCapacityAmpereHour is not null,
            run.ChargingEnergyWattHour is not null && run.DischargingEnergyWattHour is not null);

        var cycles = run.Cycles;
        var index = cycles.Select((c, k) => (c, k)).ToDictionary(x => x.c, x => x.k);
        int m = cycles.Length;
        var totals = new CycleTotals(m);
        double[] qc = totals.Qc, qd = totals.Qd, ec = totals.Ec, ed = totals.Ed, qcv = totals.Qcv, qdInt = totals.QdInt, qdcv = totals.Qdcv, qcInt = totals.QcInt;
        var chargeMedian = MedianCurrentPerCycle(run, index, m, StepKind.ConstantCurrentCharge, 1);
        var dischargeMedian = MedianCurrentPerCycle(run, index, m, StepKind.ConstantCurrentDischarge, -1);
        int lastCycle = int.MinValue, k = -1;
        for (int i = 0; i < n; i++)
        {
            if (run.CycleCount[i] != lastCycle) { lastCycle = run.CycleCount[i]; k = index[lastCycle]; }
            var kind = run.Kind[i];
            if (i == 0 || kind is StepKind.Rest or StepKind.Ocv) continue;
            double dt = Math.Max(0, t[i] - t[i - 1]) / 3600.0;
            double dq = Math.Abs(current[i]) * dt;
            double vMid = run.StepCount[i] == run.StepCount[i - 1] ? 0.5 * (v[i] + v[i - 1]) : v[i];
            if (current[i] > 0)
            {
                qcInt[k] += dq;
                if (!energyFromColumns) ec[k] += dq * vMid;
                if (kind == StepKind.ConstantVoltage) qcv[k] += dq;
                if (!fromColumns) qc[k] += dq;
            }
            else
            {
                qdInt[k] += dq;
                if (kind == StepKind.ConstantVoltage) qdcv[k] += dq;
                if (!energyFromColumns) ed[k] += dq * vMid;
                if (!fromColumns) qd[k] += dq;
            }
        }
        if (fromColumns || energyFromColumns)
            for (int i = 0; i < n; i++)
            {
                if (run.CycleCount[i] != lastCycle) { lastCycle = run.CycleCount[i]; k = index[lastCycle]; }
                if (fromColumns)
                {
                    qc[k] = Math.Max(qc[k], run.ChargingCapacityAmpereHour![i]);
                    qd[k] = Math.Max(qd[k], run.DischargingCapacityAmpereHour![i]);
                }
                if (energyFromColumns)
                {
                    ec[k] = Math.Max(ec[k], run.ChargingEnergyWattHour![i]);
                    ed[k] = Math.Max(ed[k], run.DischargingEnergyWattHour![i]);
                }
            }

        var preceding = options.Pairing == EfficiencyPairing.PrecedingHalfCycle ? PrecedingPairs(run, cycles, index, mode) : null;
        var complete = CompleteCycles(run, out var reasons);
        return Assemble(run.Format, run.Notes, options, firstDirection, run.ActiveMassKg, run.AreaM2, fromColumns, energyFromColumns,
            cycles, totals, chargeMedian, dischargeMedian, preceding, complete, reasons);
    }

    /// <summary>Per cycle (in the order of the run's cycle numbers), the sums of the summary; see <see cref="Summarize"/>.</summary>
    internal sealed class CycleTotals(int m)
    {
        /// <summary>Charge and discharge capacity (Ah; counted, or the largest value of the file's cumulated counters), energies (Wh).</summary>
        public readonly double[] Qc = new double[m], Qd = new double[m], Ec = new double[m], Ed = new double[m];
        /// <summary>Charge and discharge counted from the current, and their constant-voltage parts.</summary>
        public readonly double[] QcInt = new double[m], Qcv = new double[m], QdInt = new double[m], Qdcv = new double[m];
    }

    /// <summary>Whether capacities and energies come from the file's columns (when it has them and counting was not asked for).</summary>
    internal static (bool Capacity, bool Energy) Sources(SummaryOptions options, bool capacityColumns, bool energyColumns) =>
        (!options.IntegrateCurrent && capacityColumns, !options.IntegrateCurrent && energyColumns);

    /// <summary>
    /// The summary from the per-cycle sums, in the same way whoever summed them (<see cref="Summarize"/> over a whole run,
    /// or a file streamed block by block): notes, mass, CE, retention, rows.
    /// </summary>
    internal static CyclingSummary Assemble(string format, IReadOnlyList<string> runNotes, SummaryOptions options, int firstDirection,
        double? fileMassKg, double? fileAreaM2, bool fromColumns, bool energyFromColumns, int[] cycles, CycleTotals totals,
        double?[] chargeMedian, double?[] dischargeMedian, double?[]? preceding, bool[] complete, string[] reasons)
    {
        var notes = new List<string>(runNotes);
        var mode = options.Mode ?? (firstDirection < 0 ? ElectrodeMode.Anode : ElectrodeMode.Cathode);
        if (options.Mode is null)
            notes.Add(mode == ElectrodeMode.Anode
                ? "electrode mode: anode (the first current is a discharge); CE = charge / discharge"
                : "electrode mode: cathode (the first current is a charge); CE = discharge / charge");

        double? mass = options.ActiveMassKg ?? fileMassKg;
        if (options.ActiveMassKg is { } given && fileMassKg is { } stated && Math.Abs(given - stated) > 1e-6 * stated)
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"active mass {given * 1e6:G6} mg given; the file states {stated * 1e6:G6} mg"));
        if (mass is null) notes.Add("no active mass given or stated in the file: no specific capacities");
        double? area = options.AreaM2 ?? fileAreaM2;
        string source = fromColumns ? "instrument capacity columns" : "coulomb counting of the current";
        notes.Add($"capacities from {source}; energies from {(energyFromColumns ? "instrument energy columns" : "∫ V·|I| dt")}");

        var index = cycles.Select((c, k) => (c, k)).ToDictionary(x => x.c, x => x.k);
        int m = cycles.Length;
        double[] qc = totals.Qc, qd = totals.Qd, ec = totals.Ec, ed = totals.Ed;
        double[] qIn = mode == ElectrodeMode.Cathode ? qc : qd, qOut = mode == ElectrodeMode.Cathode ? qd : qc;
        if (preceding is not null) notes.Add("CE pairing: each cycle's first out half cycle over the in half cycle just before it (coulomb counting)");
        else notes.Add("CE pairing: same cycle");

        var incomplete = cycles.Where(c => !complete[index[c]]).ToList();
        if (incomplete.Count > 0)
            notes.Add($"incomplete cycle{(incomplete.Count > 1 ? "s" : "")}: " + string.Join("; ", incomplete.Select(c => $"{c} ({reasons[index[c]]})")) +
                $" — no retention for {(incomplete.Count > 1 ? "them" : "it")}, left out of the rate-capability groups (a cycle is complete when it has a charge and a discharge" +
                " and its last current step ends at a step change or at the cut-off its direction ended at before, not at the end of the file)");

        int? reference = options.ReferenceCycle;
        if (reference is { } r && !index.ContainsKey(r)) throw new InvalidInputException($"reference cycle {r} is not in the run (cycles {cycles.First()}–{cycles.Last()})");
        if (reference is { } r2 && !complete[index[r2]]) notes.Add($"reference cycle {r2} is incomplete: retention refers to a partial capacity");
        reference ??= cycles.Where(c => complete[index[c]] && qOut[index[c]] > 0 && qIn[index[c]] > 0).Cast<int?>().FirstOrDefault();   // first complete cycle

        var rows = new List<CycleStatistics>(m);
        for (int k = 0; k < m; k++)
        {
            double? ce = preceding is not null ? preceding[k] : Ratio(qOut[k], qIn[k]);
            double? ee = Ratio(ed[k], ec[k]);   // energy delivered by the cell / energy put in, whatever the electrode mode
            rows.Add(new CycleStatistics(
                cycles[k], qc[k], qd[k], ec[k], ed[k], ce, ee,
                qc[k] > 0 ? ec[k] / qc[k] : null, qd[k] > 0 ? ed[k] / qd[k] : null,
                mass is { } g ? qc[k] * 1000 / (g * 1000) : null, mass is { } g2 ? qd[k] * 1000 / (g2 * 1000) : null,
                area is { } a ? qc[k] * 1000 / (a * 1e4) : null, area is { } a2 ? qd[k] * 1000 / (a2 * 1e4) : null,
                complete[k] && reference is { } rc && qOut[index[rc]] > 0 && qOut[k] > 0 ? qOut[k] / qOut[index[rc]] : null,
                totals.QcInt[k] > 0 ? totals.Qcv[k] / totals.QcInt[k] : null, chargeMedian[k], dischargeMedian[k], complete[k]));
        }
        return new CyclingSummary(format, rows, mode, options.Pairing, source, mass, area, reference, notes)
        {
            ConstantVoltageShareOfDischarge = cycles.ToDictionary(c => c, c => totals.QdInt[index[c]] > 0 ? totals.Qdcv[index[c]] / totals.QdInt[index[c]] : (double?)null),
        };
    }

    /// <summary>Tolerance on the cut-off voltage when the file ends on the last point of a step (instrument resolution and overshoot).</summary>
    public const double CutOffToleranceV = 0.005;

    /// <summary>
    /// Which cycles of <see cref="CyclingRun.Cycles"/> (same order) are complete, with a reason for each incomplete one.
    /// A cycle is complete when it has current in both directions (a charge and a discharge half, in either order, so
    /// charge-first, discharge-first and anode runs alike) and none of its current steps stops because the file stops.
    /// Every step but the file's last current step ends at a step change (another step follows it in the file). That last
    /// step counts as finished only when a point of another step (a rest) follows it, or when its last voltage reached the
    /// cut-off that the run's other half cycles of the same direction ended at (charge: within <see cref="CutOffToleranceV"/>
    /// of or above their highest end voltage; discharge: of or below their lowest) and, for a constant-voltage step, its
    /// current fell to within 10 % of the current the other CV steps of that direction ended at. With no other half cycle
    /// of its direction to compare with, the file's end is taken as a stop. A file that starts mid-step is not detected.
    /// </summary>
    public static bool[] CompleteCycles(CyclingRun run, out string[] reasons)
    {
        var cycles = run.Cycles;
        var index = cycles.Select((c, k) => (c, k)).ToDictionary(x => x.c, x => x.k);
        int m = cycles.Length, n = run.Count;
        bool[] hasCharge = new bool[m], hasDischarge = new bool[m];
        var lastOfHalf = new Dictionary<int, HalfCycleEnd>();
        int last = -1;
        for (int i = 0; i < n; i++)
        {
            if (run.Kind[i] is StepKind.Rest or StepKind.Ocv || run.CurrentAmpere[i] == 0) continue;
            if (run.CurrentAmpere[i] > 0) hasCharge[index[run.CycleCount[i]]] = true; else hasDischarge[index[run.CycleCount[i]]] = true;
            lastOfHalf[run.HalfCycle[i]] = new HalfCycleEnd(run.VoltageVolt[i], run.CurrentAmpere[i], run.Kind[i]);
            last = i;
        }
        LastCurrentPoint? lastPoint = last < 0 ? null
            : new LastCurrentPoint(index[run.CycleCount[last]], run.HalfCycle[last], run.StepCount[last] == run.StepCount[n - 1],
                new HalfCycleEnd(run.VoltageVolt[last], run.CurrentAmpere[last], run.Kind[last]));
        return DecideComplete(hasCharge, hasDischarge, lastOfHalf, lastPoint, out reasons);
    }

    /// <summary>The last current-carrying point of a half cycle: its voltage, current and kind.</summary>
    internal readonly record struct HalfCycleEnd(double VoltageV, double CurrentA, StepKind Kind);

    /// <summary>
    /// The file's last current-carrying point: the index of its cycle, its half cycle, whether the file's last point is in
    /// the same step (the step runs into the end of the file), and its values.
    /// </summary>
    internal readonly record struct LastCurrentPoint(int CycleIndex, int HalfCycle, bool StepRunsToTheEnd, HalfCycleEnd Values);

    /// <summary>The rules of <see cref="CompleteCycles"/> on what they need of a run, gathered in file order.</summary>
    internal static bool[] DecideComplete(bool[] hasCharge, bool[] hasDischarge, IReadOnlyDictionary<int, HalfCycleEnd> lastOfHalf, LastCurrentPoint? lastPoint,
        out string[] reasons)
    {
        int m = hasCharge.Length;
        reasons = new string[m];
        var complete = new bool[m];
        for (int k = 0; k < m; k++)
        {
            complete[k] = hasCharge[k] && hasDischarge[k];
            if (!complete[k])
                reasons[k] = !hasCharge[k] && !hasDischarge[k] ? "no current" : hasCharge[k] ? "no discharge" : "no charge";
        }
        if (lastPoint is not { StepRunsToTheEnd: true } lp) return complete;   // the last current step ended at a step change

        var last = lp.Values;
        int direction = Math.Sign(last.CurrentA);
        string name = direction > 0 ? "charge" : "discharge";
        var others = lastOfHalf.Where(e => e.Key != lp.HalfCycle && Math.Sign(e.Value.CurrentA) == direction).Select(e => e.Value).ToList();
        string? stop = null;
        double end = last.VoltageV;
        if (others.Count == 0) stop = string.Create(CultureInfo.InvariantCulture, $"the file ends inside its {name} at {end:0.000} V, no other {name} to take the cut-off from");
        else
        {
            double cutOff = direction > 0 ? others.Max(e => e.VoltageV) : others.Min(e => e.VoltageV);
            bool reached = direction > 0 ? end >= cutOff - CutOffToleranceV : end <= cutOff + CutOffToleranceV;
            if (!reached) stop = string.Create(CultureInfo.InvariantCulture, $"the file ends inside its {name} at {end:0.000} V; the other {name}s ended at {cutOff:0.000} V");
            else if (last.Kind == StepKind.ConstantVoltage)
            {
                var cvEnds = others.Where(e => e.Kind == StepKind.ConstantVoltage).Select(e => Math.Abs(e.CurrentA)).ToList();
                if (cvEnds.Count == 0 || Math.Abs(last.CurrentA) > 1.1 * cvEnds.Max())
                    stop = string.Create(CultureInfo.InvariantCulture, $"the file ends inside its constant-voltage {name} at {Math.Abs(last.CurrentA) * 1e3:0.###} mA, above the end current of the other CV steps");
            }
        }
        if (stop is not null)
        {
            int k = lp.CycleIndex;
            reasons[k] = complete[k] ? stop : reasons[k] + "; " + stop;
            complete[k] = false;
        }
        return complete;
    }

    private static double? Ratio(double numerator, double denominator) => numerator > 0 && denominator > 0 ? numerator / denominator : null;

    /// <summary>
    /// Median of sign·I over the points of <paramref name="kind"/> in each cycle, with one shared buffer (the points
    /// of all cycles laid out cycle after cycle) instead of a list per cycle.
    /// </summary>
    private static double?[] MedianCurrentPerCycle(CyclingRun run, Dictionary<int, int> index, int m, StepKind kind, int sign)
    {
        var counts = new int[m + 1];
        int lastCycle = int.MinValue, k = -1;
        for (int i = 0; i < run.Count; i++)
        {
            if (run.CycleCount[i] != lastCycle) { lastCycle = run.CycleCount[i]; k = index[lastCycle]; }
            if (run.Kind[i] == kind) counts[k + 1]++;
        }
        for (int c = 0; c < m; c++) counts[c + 1] += counts[c];   // counts[c] = start of cycle c
        var values = new double[counts[m]];
        var fill = (int[])counts.Clone();
        lastCycle = int.MinValue;
        for (int i = 0; i < run.Count; i++)
        {
            if (run.CycleCount[i] != lastCycle) { lastCycle = run.CycleCount[i]; k = index[lastCycle]; }
            if (run.Kind[i] == kind) values[fill[k]++] = sign * run.CurrentAmpere[i];
        }
        var result = new double?[m];
        for (int c = 0; c < m; c++)
        {
            var segment = values.AsSpan(counts[c], counts[c + 1] - counts[c]);
            if (segment.IsEmpty) continue;
            segment.Sort();
            int mid = segment.Length / 2;
            result[c] = segment.Length % 2 == 1 ? segment[mid] : 0.5 * (segment[mid - 1] + segment[mid]);
        }
        return result;
    }

    internal static double? Median(List<double> values)
    {
        if (values.Count == 0) return null;
        values.Sort();
        int mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : 0.5 * (values[mid - 1] + values[mid]);
    }

    private static double?[] PrecedingPairs(CyclingRun run, int[] cycles, Dictionary<int, int> index, ElectrodeMode mode)
    {
        // Half-cycle capacities by coulomb counting.
        var halfCapacity = new Dictionary<int, HalfCycleCharge>();
        for (int i = 1; i < run.Count; i++)
        {
            if (run.Kind[i] is StepKind.Rest or StepKind.Ocv || run.HalfCycle[i] == 0) continue;
            AddHalfCycleCharge(halfCapacity, run.HalfCycle[i], run.CurrentAmpere[i], run.TestTimeSecond[i] - run.TestTimeSecond[i - 1], run.CycleCount[i]);
        }
        return PairPrecedingHalfCycles(halfCapacity, index, cycles.Length, mode);
    }

    /// <summary>Charge of one half cycle by coulomb counting, with the direction and cycle of its first counted point.</summary>
    internal readonly record struct HalfCycleCharge(int Direction, int Cycle, double Q);

    /// <summary>Adds one point (current, time since the previous point) to its half cycle's charge.</summary>
    internal static void AddHalfCycleCharge(Dictionary<int, HalfCycleCharge> halfCapacity, int half, double current, double dt, int cycle)
    {
        double dq = Math.Abs(current) * Math.Max(0, dt) / 3600.0;
        halfCapacity[half] = halfCapacity.TryGetValue(half, out var e) ? e with { Q = e.Q + dq } : new HalfCycleCharge(Math.Sign(current), cycle, dq);
    }

    /// <summary>Per cycle index, its first out half cycle over the in half cycle just before it (null where there is none).</summary>
    internal static double?[] PairPrecedingHalfCycles(Dictionary<int, HalfCycleCharge> halfCapacity, IReadOnlyDictionary<int, int> index, int m, ElectrodeMode mode)
    {
        int outDirection = mode == ElectrodeMode.Cathode ? -1 : 1;
        var result = new double?[m];
        foreach (var (h, info) in halfCapacity.OrderBy(x => x.Key))
        {
            int k = index[info.Cycle];
            if (info.Direction != outDirection || result[k] is not null) continue;
            if (halfCapacity.TryGetValue(h - 1, out var before) && before.Direction == -outDirection)
                result[k] = Ratio(info.Q, before.Q);
        }
        return result;
    }
}
