using System.Runtime.InteropServices;

namespace Borolyte.Cycling.Analysis;

/// <summary>A run the block-by-block summary cannot follow exactly (a cycle number that comes back after another cycle).</summary>
internal sealed class NotStreamableException(string message) : Exception(message);

/// <summary>
/// <see cref="CycleSummarizer.Summarize"/> over harmonised points handed in file order (by <see cref="IncrementalRunBuilder"/>),
/// keeping per-cycle and per-half-cycle sums instead of the points: the same sums in the same order, the same median of
/// each cycle's CC currents (computed when the cycle ends, from that cycle's currents only), the same completeness and
/// pairing rules (<see cref="CycleSummarizer.DecideComplete"/>, <see cref="CycleSummarizer.PairPrecedingHalfCycles"/>) and
/// the same assembly (<see cref="CycleSummarizer.Assemble"/>), so the summary is identical to that of the whole run. A
/// cycle number that comes back after another cycle would need its earlier currents for its median: such a run raises
/// <see cref="NotStreamableException"/> (the caller then summarises the whole run).
/// </summary>
internal sealed class IncrementalCycleSummary(SummaryOptions options)
{
    private sealed class CycleSums
    {
        public double Qc, Qd, Ec, Ed, QcInt, Qcv, QdInt, Qdcv;
        public bool HasCharge, HasDischarge;
        public double? MedianCharge, MedianDischarge;
    }

    private readonly Dictionary<int, CycleSums> _cycles = [];
    private readonly HashSet<int> _ended = [];
    private readonly List<double> _chargeCurrents = [], _dischargeCurrents = [];
    private readonly Dictionary<int, CycleSummarizer.HalfCycleEnd> _lastOfHalf = [];
    private readonly Dictionary<int, CycleSummarizer.HalfCycleCharge> _halfCharge = [];
    private CycleSums? _current;
    private int _currentCycle;
    private bool _started, _fromColumns, _energyFromColumns;
    private long _n;
    private double _previousTime, _previousVoltage;
    private int _previousStep, _firstDirection;
    private (int Cycle, int Half, int Step, CycleSummarizer.HalfCycleEnd Values)? _lastCurrent;

    public void Add(IncrementalRunBuilder.Points p, int count)
    {
        if (!_started)
        {
            _started = true;
            (_fromColumns, _energyFromColumns) = CycleSummarizer.Sources(options, p.ChargeCapacity is not null && p.DischargeCapacity is not null,
                p.ChargeEnergy is not null && p.DischargeEnergy is not null);
        }
        bool preceding = options.Pairing == EfficiencyPairing.PrecedingHalfCycle;
        for (int i = 0; i < count; i++)
        {
            int cycle = p.Cycle[i];
            if (_current is null || cycle != _currentCycle)
            {
                EndCycle();
                if (_ended.Contains(cycle))
                    throw new NotStreamableException($"cycle {cycle} comes back after another cycle: summarised from the whole run");
                if (!_cycles.TryGetValue(cycle, out _current)) _cycles[cycle] = _current = new CycleSums();
                _currentCycle = cycle;
            }
            var s = _current;
            var kind = p.Kind[i];
            double current = p.Current[i], t = p.Time[i], v = p.Voltage[i];
            int step = p.Step[i];
            bool rest = kind is StepKind.Rest or StepKind.Ocv;
            if (_firstDirection == 0 && !rest) _firstDirection = Math.Sign(current);
            if (_n > 0 && !rest)
            {
                double dt = Math.Max(0, t - _previousTime) / 3600.0;
                double dq = Math.Abs(current) * dt;
                double vMid = step == _previousStep ? 0.5 * (v + _previousVoltage) : v;
                if (current > 0)
                {
                    s.QcInt += dq;
                    if (!_energyFromColumns) s.Ec += dq * vMid;
                    if (kind == StepKind.ConstantVoltage) s.Qcv += dq;
                    if (!_fromColumns) s.Qc += dq;
                }
                else
                {
                    s.QdInt += dq;
                    if (kind == StepKind.ConstantVoltage) s.Qdcv += dq;
                    if (!_energyFromColumns) s.Ed += dq * vMid;
                    if (!_fromColumns) s.Qd += dq;
                }
                if (preceding && p.Half[i] != 0) CycleSummarizer.AddHalfCycleCharge(_halfCharge, p.Half[i], current, t - _previousTime, cycle);
            }
            if (_fromColumns)
            {
                s.Qc = Math.Max(s.Qc, p.ChargeCapacity![i]);
                s.Qd = Math.Max(s.Qd, p.DischargeCapacity![i]);
            }
            if (_energyFromColumns)
            {
                s.Ec = Math.Max(s.Ec, p.ChargeEnergy![i]);
                s.Ed = Math.Max(s.Ed, p.DischargeEnergy![i]);
            }
            if (kind == StepKind.ConstantCurrentCharge) _chargeCurrents.Add(1 * current);
            else if (kind == StepKind.ConstantCurrentDischarge) _dischargeCurrents.Add(-1 * current);
            if (!rest && current != 0)
            {
                if (current > 0) s.HasCharge = true; else s.HasDischarge = true;
                var end = new CycleSummarizer.HalfCycleEnd(v, current, kind);
                _lastOfHalf[p.Half[i]] = end;
                _lastCurrent = (cycle, p.Half[i], step, end);
            }
            _previousTime = t; _previousVoltage = v; _previousStep = step;
            _n++;
        }
    }

    private void EndCycle()
    {
        if (_current is null) return;
        _current.MedianCharge = Median(_chargeCurrents);
        _current.MedianDischarge = Median(_dischargeCurrents);
        _chargeCurrents.Clear(); _dischargeCurrents.Clear();
        _ended.Add(_currentCycle);
    }

    private static double? Median(List<double> values)
    {
        if (values.Count == 0) return null;
        var sorted = CollectionsMarshal.AsSpan(values);
        sorted.Sort();
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid]);
    }

    /// <summary>
    /// The summary, as <see cref="CycleSummarizer.Summarize"/> of the whole run would give it: <paramref name="runNotes"/>
    /// are the run's notes, <paramref name="cycleShift"/> is added to every cycle number (a file's cycles renumbered from
    /// the whole file, e.g. EC-Lab's counted from 0).
    /// </summary>
    public CyclingSummary Finish(string format, IReadOnlyList<string> runNotes, double? fileMassKg, double? fileAreaM2, int cycleShift)
    {
        if (_n == 0) throw new InvalidOperationException("no points were added");
        EndCycle();
        var raw = _cycles.Keys.Order().ToArray();
        int m = raw.Length;
        var index = new Dictionary<int, int>(m);
        for (int k = 0; k < m; k++) index[raw[k]] = k;
        var totals = new CycleSummarizer.CycleTotals(m);
        double?[] chargeMedian = new double?[m], dischargeMedian = new double?[m];
        bool[] hasCharge = new bool[m], hasDischarge = new bool[m];
        for (int k = 0; k < m; k++)
        {
            var s = _cycles[raw[k]];
            totals.Qc[k] = s.Qc; totals.Qd[k] = s.Qd; totals.Ec[k] = s.Ec; totals.Ed[k] = s.Ed;
            totals.QcInt[k] = s.QcInt; totals.Qcv[k] = s.Qcv; totals.QdInt[k] = s.QdInt; totals.Qdcv[k] = s.Qdcv;
            chargeMedian[k] = s.MedianCharge; dischargeMedian[k] = s.MedianDischarge;
            hasCharge[k] = s.HasCharge; hasDischarge[k] = s.HasDischarge;
        }
        CycleSummarizer.LastCurrentPoint? last = _lastCurrent is { } lc
            ? new CycleSummarizer.LastCurrentPoint(index[lc.Cycle], lc.Half, lc.Step == _previousStep, lc.Values) : null;
        var complete = CycleSummarizer.DecideComplete(hasCharge, hasDischarge, _lastOfHalf, last, out var reasons);
        var mode = options.Mode ?? (_firstDirection < 0 ? ElectrodeMode.Anode : ElectrodeMode.Cathode);
        var preceding = options.Pairing == EfficiencyPairing.PrecedingHalfCycle ? CycleSummarizer.PairPrecedingHalfCycles(_halfCharge, index, m, mode) : null;
        var cycles = raw.Select(c => c + cycleShift).ToArray();
        return CycleSummarizer.Assemble(format, runNotes, options, _firstDirection, fileMassKg, fileAreaM2, _fromColumns, _energyFromColumns,
            cycles, totals, chargeMedian, dischargeMedian, preceding, complete, reasons);
    }
}
