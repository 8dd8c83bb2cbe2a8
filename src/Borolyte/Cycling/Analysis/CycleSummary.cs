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

/// <summary>The numbers of one cycle. Capacities in Ah and energies in Wh (BDF units); null where undefined (nothing to divide by).</summary>
public sealed record CycleStatistics(
    int Cycle, double ChargeCapacityAh, double DischargeCapacityAh, double ChargeEnergyWh, double DischargeEnergyWh,
    double? CoulombicEfficiency, double? EnergyEfficiency, double? AverageChargeVoltageV, double? AverageDischargeVoltageV,
    double? ChargeSpecificCapacityMAhPerG, double? DischargeSpecificCapacityMAhPerG,
    double? ChargeArealCapacityMAhPerCm2, double? DischargeArealCapacityMAhPerCm2,
    double? Retention, double? ConstantVoltageShareOfCharge, double? MedianChargeCurrentA, double? MedianDischargeCurrentA);

/// <summary>Per-cycle table of a run and how it was computed.</summary>
public sealed record CyclingSummary(
    string Format, IReadOnlyList<CycleStatistics> Cycles, ElectrodeMode Mode, EfficiencyPairing Pairing, string CapacitySource,
    double? ActiveMassKg, double? AreaM2, int? ReferenceCycle, IReadOnlyList<string> Notes);

/// <summary>
/// Per-cycle summary: capacities and energies (from the file's counters when it has them — the instrument integrates
/// at its own, faster, rate — else by coulomb counting of the current), Coulombic and energy efficiency with the
/// pairing stated (energy efficiency is always discharge energy / charge energy of the cycle), average voltages as energy / capacity, specific and areal capacities only with a mass or area
/// that was given or stated in the file, retention against a reference cycle, and the share of the charge passed at
/// constant voltage.
/// </summary>
public static class CycleSummarizer
{
    public static CyclingSummary Summarize(CyclingRun run, SummaryOptions? options = null)
    {
        options ??= new SummaryOptions();
        var notes = new List<string>(run.Notes);
        int n = run.Count;
        var t = run.TestTimeSecond; var v = run.VoltageVolt; var current = run.CurrentAmpere;
        int firstDirection = 0;
        for (int i = 0; i < n && firstDirection == 0; i++)
            if (run.Kind[i] is not (StepKind.Rest or StepKind.Ocv)) firstDirection = Math.Sign(current[i]);
        var mode = options.Mode ?? (firstDirection < 0 ? ElectrodeMode.Anode : ElectrodeMode.Cathode);
        if (options.Mode is null)
            notes.Add(mode == ElectrodeMode.Anode
                ? "electrode mode: anode (the first current is a discharge); CE = charge / discharge"
                : "electrode mode: cathode (the first current is a charge); CE = discharge / charge");

        double? mass = options.ActiveMassKg ?? run.ActiveMassKg;
        if (options.ActiveMassKg is { } given && run.ActiveMassKg is { } stated && Math.Abs(given - stated) > 1e-6 * stated)
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"active mass {given * 1e6:G6} mg given; the file states {stated * 1e6:G6} mg"));
        if (mass is null) notes.Add("no active mass given or stated in the file: no specific capacities");
        double? area = options.AreaM2 ?? run.AreaM2;

        bool fromColumns = !options.IntegrateCurrent && run.ChargingCapacityAmpereHour is not null && run.DischargingCapacityAmpereHour is not null;
        bool energyFromColumns = !options.IntegrateCurrent && run.ChargingEnergyWattHour is not null && run.DischargingEnergyWattHour is not null;
        string source = fromColumns ? "instrument capacity columns" : "coulomb counting of the current";

        var cycles = run.Cycles;
        var index = cycles.Select((c, k) => (c, k)).ToDictionary(x => x.c, x => x.k);
        int m = cycles.Length;
        var qc = new double[m]; var qd = new double[m]; var ec = new double[m]; var ed = new double[m]; var qcv = new double[m];
        var qcInt = new double[m];
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
        notes.Add($"capacities from {source}; energies from {(energyFromColumns ? "instrument energy columns" : "∫ V·|I| dt")}");

        double[] qIn = mode == ElectrodeMode.Cathode ? qc : qd, qOut = mode == ElectrodeMode.Cathode ? qd : qc;
        var preceding = options.Pairing == EfficiencyPairing.PrecedingHalfCycle ? PrecedingPairs(run, cycles, index, mode) : null;
        if (preceding is not null) notes.Add("CE pairing: each cycle's first out half cycle over the in half cycle just before it (coulomb counting)");
        else notes.Add("CE pairing: same cycle");

        int? reference = options.ReferenceCycle;
        if (reference is { } r && !index.ContainsKey(r)) throw new InvalidInputException($"reference cycle {r} is not in the run (cycles {cycles.First()}–{cycles.Last()})");
        reference ??= cycles.Where(c => qOut[index[c]] > 0 && qIn[index[c]] > 0).Cast<int?>().FirstOrDefault();   // first complete cycle

        var rows = new List<CycleStatistics>(m);
        for (k = 0; k < m; k++)
        {
            double? ce = preceding is not null ? preceding[k] : Ratio(qOut[k], qIn[k]);
            double? ee = Ratio(ed[k], ec[k]);   // energy delivered by the cell / energy put in, whatever the electrode mode
            rows.Add(new CycleStatistics(
                cycles[k], qc[k], qd[k], ec[k], ed[k], ce, ee,
                qc[k] > 0 ? ec[k] / qc[k] : null, qd[k] > 0 ? ed[k] / qd[k] : null,
                mass is { } g ? qc[k] * 1000 / (g * 1000) : null, mass is { } g2 ? qd[k] * 1000 / (g2 * 1000) : null,
                area is { } a ? qc[k] * 1000 / (a * 1e4) : null, area is { } a2 ? qd[k] * 1000 / (a2 * 1e4) : null,
                reference is { } rc && qOut[index[rc]] > 0 && qOut[k] > 0 ? qOut[k] / qOut[index[rc]] : null,
                qcInt[k] > 0 ? qcv[k] / qcInt[k] : null, chargeMedian[k], dischargeMedian[k]));
        }
        return new CyclingSummary(run.Format, rows, mode, options.Pairing, source, mass, area, reference, notes);
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
        var halfCapacity = new Dictionary<int, (int Direction, int Cycle, double Q)>();
        for (int i = 1; i < run.Count; i++)
        {
            if (run.Kind[i] is StepKind.Rest or StepKind.Ocv || run.HalfCycle[i] == 0) continue;
            int h = run.HalfCycle[i];
            double dq = Math.Abs(run.CurrentAmpere[i]) * Math.Max(0, run.TestTimeSecond[i] - run.TestTimeSecond[i - 1]) / 3600.0;
            halfCapacity[h] = halfCapacity.TryGetValue(h, out var e) ? e with { Q = e.Q + dq } : (Math.Sign(run.CurrentAmpere[i]), run.CycleCount[i], dq);
        }
        int outDirection = mode == ElectrodeMode.Cathode ? -1 : 1;
        var result = new double?[cycles.Length];
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
