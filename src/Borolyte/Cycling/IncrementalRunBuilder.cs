namespace Borolyte.Cycling;

/// <summary>
/// Facts about a whole run that <see cref="CyclingRun.Build"/> takes from all its points at once, for a build that sees
/// the points block by block: the largest |I| (the rest threshold is 10⁻⁴ of it) and whether the instrument's cycle
/// counter counts (takes two values). Null: not known yet; the builder then guesses (the largest |I| so far; a counter
/// constant in the first block does not count) and says at the end whether the guesses held (<see cref="IncrementalRunBuilder.Finish"/>).
/// </summary>
internal sealed record RunFacts(double? MaxAbsCurrentA = null, bool? InstrumentCycleCounts = null);

/// <summary>What the block-by-block build found at its end.</summary>
internal sealed record IncrementalRunEnd(long Count, IReadOnlyList<string> Notes, CycleDefinition Definition, bool GuessesHeld, RunFacts Observed);

/// <summary>
/// <see cref="CyclingRun.Build"/> done block by block, keeping none of the points it has passed on: the raw blocks of a
/// <see cref="Readers.CyclingBlockReader"/> go in, in file order; harmonised points (time, voltage, current, cycle, step
/// count, half cycle, step kind, cumulated capacity and energy counters) come out to the consumer in file order, each
/// exactly as <see cref="CyclingRun.Build"/> of the whole file would have made it — the same rules, shared with it (rest
/// threshold and direction, step counts, <see cref="CyclingRun.ClassifySubRun"/>, half cycles, cycles, counter
/// accumulation) and the same arithmetic in the same order. A point's kind depends on its whole sub-run (a run of one
/// direction inside a step: its 90th-percentile current), so the points of the last sub-run of a block wait for the next
/// block. What the whole-file build decides from all the points before the first (the rest threshold, whether the
/// instrument's counter counts) is guessed from what has been seen and checked at the end: when a guess did not hold
/// (<see cref="IncrementalRunEnd.GuessesHeld"/>), the caller runs the file again with the facts now known. An input the
/// whole-file build rejects is rejected here too (not with its wording: the caller then builds the whole run, which reports it).
/// </summary>
internal sealed class IncrementalRunBuilder
{
    /// <summary>Harmonised points; those before the count handed with them to the consumer are final.</summary>
    public sealed class Points
    {
        public double[] Time = [], Voltage = [], Current = [];
        public sbyte[] Label = [], Direction = [];
        public int[] Step = [], Half = [], Cycle = [];
        public double[]? ChargeCapacity, DischargeCapacity, ChargeEnergy, DischargeEnergy;
        public StepKind[] Kind = [];
        public int Count;

        public void EnsureCapacity(int n, bool charge, bool discharge, bool chargeEnergy, bool dischargeEnergy)
        {
            if (Time.Length >= n) return;
            int size = Math.Max(n, Time.Length + Time.Length / 2);
            Time = new double[size]; Voltage = new double[size]; Current = new double[size];
            Label = new sbyte[size]; Direction = new sbyte[size]; Step = new int[size]; Half = new int[size]; Cycle = new int[size];
            Kind = new StepKind[size];
            ChargeCapacity = charge ? new double[size] : null; DischargeCapacity = discharge ? new double[size] : null;
            ChargeEnergy = chargeEnergy ? new double[size] : null; DischargeEnergy = dischargeEnergy ? new double[size] : null;
        }

        /// <summary>Points [from, Count) of <paramref name="source"/> to the start of this window.</summary>
        public void TakeTail(Points source, int from)
        {
            int n = source.Count - from;
            Count = n;
            if (n == 0) return;
            Array.Copy(source.Time, from, Time, 0, n); Array.Copy(source.Voltage, from, Voltage, 0, n); Array.Copy(source.Current, from, Current, 0, n);
            Array.Copy(source.Label, from, Label, 0, n); Array.Copy(source.Direction, from, Direction, 0, n);
            Array.Copy(source.Step, from, Step, 0, n); Array.Copy(source.Half, from, Half, 0, n); Array.Copy(source.Cycle, from, Cycle, 0, n);
            if (ChargeCapacity is not null) Array.Copy(source.ChargeCapacity!, from, ChargeCapacity, 0, n);
            if (DischargeCapacity is not null) Array.Copy(source.DischargeCapacity!, from, DischargeCapacity, 0, n);
            if (ChargeEnergy is not null) Array.Copy(source.ChargeEnergy!, from, ChargeEnergy, 0, n);
            if (DischargeEnergy is not null) Array.Copy(source.DischargeEnergy!, from, DischargeEnergy, 0, n);
        }
    }

    private readonly string _path;
    private readonly CycleDefinition? _requested;
    private readonly RunFacts _facts;
    private readonly Action<Points, int> _consume;
    // Two windows used in turn: the tail of one (the last, unclassified sub-run) is copied to the start of the other.
    private Points _window = new(), _spare = new();
    private int _final;   // points of _window already handed on

    private bool _started, _hasStep, _hasKind, _hasHalf, _hasCycle, _hasQc, _hasQd, _hasEc, _hasEd, _definitive;
    private long _n, _backwards, _cvPoints;
    private double _previousTime, _maxAbs, _minCountedAbs = double.PositiveInfinity;
    private int _previousStepIndex, _stepCount, _halfCycle, _lastDirection, _previousWritten, _previousCycleValue, _firstCycleValue, _previousCycle;
    private sbyte _previousDirection;
    private int _firstDirection;
    private bool _anyCurrent, _writtenDiffers, _cycleValueChanged, _guessedNotCounting;
    private CycleDefinition? _used;
    private CyclingRun.InferredCycleCounter _inferred;
    private bool _inferredStarted;
    private CyclingRun.CounterAccumulation _qc, _qd, _ec, _ed;

    /// <summary>True when the first block's cycle counter took one value and the builder guessed that it does not count (cycles inferred).</summary>
    public bool GuessedNotCounting => _guessedNotCounting;

    /// <summary>True once the file's cycle counter has taken a second value.</summary>
    public bool CycleCounterChanged => _cycleValueChanged;

    public IncrementalRunBuilder(string path, CycleDefinition? requested, RunFacts facts, Action<Points, int> consume)
    {
        _path = path;
        _requested = requested;
        _facts = facts;
        _consume = consume;
    }

    /// <summary>
    /// The next block. <paramref name="maxAbsAhead"/>: the largest |I| of this block and of blocks already read after it,
    /// if known, for the guess of the rest threshold (the largest |I| so far otherwise).
    /// </summary>
    public void Add(CyclingRawData raw, double maxAbsAhead = 0)
    {
        int m = raw.TestTimeSecond.Length;
        if (raw.VoltageVolt.Length != m || raw.CurrentAmpere.Length != m) throw new InvalidInputException($"{_path}: columns of unequal length");
        if (!_started) Start(raw);
        else if ((raw.InstrumentStep is not null) != _hasStep || (raw.InstrumentKind is not null) != _hasKind || (raw.InstrumentHalfCycle is not null) != _hasHalf
                 || (raw.InstrumentCycle is not null) != _hasCycle || (raw.ChargingCapacityAmpereHour is not null) != _hasQc || (raw.DischargingCapacityAmpereHour is not null) != _hasQd
                 || (raw.ChargingEnergyWattHour is not null) != _hasEc || (raw.DischargingEnergyWattHour is not null) != _hasEd)
            throw new InvalidOperationException($"{_path}: a block with other columns than the first");
        if (m == 0) return;
        double[] t = raw.TestTimeSecond, v = raw.VoltageVolt, current = raw.CurrentAmpere;
        for (int i = 0; i < m; i++)
            if (!double.IsFinite(t[i]) || !double.IsFinite(v[i]) || !double.IsFinite(current[i]))
                throw new InvalidInputException($"{_path}: a data row has a non-finite time, voltage or current");
        foreach (double i in current) _maxAbs = Math.Max(_maxAbs, Math.Abs(i));
        double threshold = CyclingRun.RestThreshold(_facts.MaxAbsCurrentA ?? Math.Max(_maxAbs, maxAbsAhead));

        // The window: the previous window's unclassified tail, then this block.
        var w = _spare;
        int tail = _window.Count - _final;
        w.EnsureCapacity(tail + m, _hasQc, _hasQd, _hasEc, _hasEd);
        w.TakeTail(_window, _final);
        _spare = _window;
        _window = w;
        _final = 0;

        var labels = raw.InstrumentKind; var steps = raw.InstrumentStep; var written = raw.InstrumentHalfCycle; var cycles = raw.InstrumentCycle;
        for (int i = 0; i < m; i++)
        {
            int r = tail + i;
            bool first = _n == 0 && i == 0;
            double time = t[i];
            if (!first && time < _previousTime) _backwards++;
            _previousTime = time;
            w.Time[r] = time; w.Voltage[r] = v[i]; w.Current[r] = current[i];
            sbyte label = labels is null ? (sbyte)-1 : labels[i];
            w.Label[r] = label;
            sbyte direction = CyclingRun.Direction(current[i], label, threshold);
            w.Direction[r] = direction;
            if (direction != 0) _minCountedAbs = Math.Min(_minCountedAbs, Math.Abs(current[i]));

            // Steps.
            if (first) _stepCount = 1;
            else if (steps is not null ? steps[i] != _previousStepIndex : direction != _previousDirection) _stepCount++;
            w.Step[r] = _stepCount;
            if (steps is not null) _previousStepIndex = steps[i];
            _previousDirection = direction;

            // Half cycles.
            if (direction != 0 && direction != _lastDirection) { _halfCycle++; _lastDirection = direction; }
            int half = _halfCycle;
            if (written is not null)
            {
                if (!first && written[i] < _previousWritten) throw new InvalidInputException($"{_path}: half_cycle decreases");
                if (written[i] != half) _writtenDiffers = true;
                half = _previousWritten = written[i];
            }
            w.Half[r] = half;

            // Cycles.
            if (direction != 0 && _firstDirection == 0) _firstDirection = direction;
            if (cycles is not null)
            {
                if (first) _firstCycleValue = cycles[i];
                else if (cycles[i] != _firstCycleValue) _cycleValueChanged = true;
            }
            int cycle;
            if (_used == CycleDefinition.Instrument)
            {
                int c = cycles![i];
                if (!first && c > _previousCycleValue + 1) throw new InvalidInputException($"{_path}: a cycle number jumps");
                _previousCycleValue = c;
                cycle = c;
            }
            else
            {
                if (!_inferredStarted && (_used is not null || direction != 0))
                {
                    _used ??= direction < 0 ? CycleDefinition.DischargeFirst : CycleDefinition.ChargeFirst;
                    _inferred = new CyclingRun.InferredCycleCounter(_used == CycleDefinition.ChargeFirst ? 1 : -1);
                    _inferredStarted = true;
                }
                cycle = _inferredStarted ? _inferred.Next(direction) : 1;
            }
            w.Cycle[r] = cycle;

            // Counters cumulated within each cycle.
            bool cycleChanged = !first && cycle != _previousCycle;
            _previousCycle = cycle;
            if (w.ChargeCapacity is { } qc) qc[r] = _qc.Next(raw.ChargingCapacityAmpereHour![i], first, cycleChanged);
            if (w.DischargeCapacity is { } qd) qd[r] = _qd.Next(raw.DischargingCapacityAmpereHour![i], first, cycleChanged);
            if (w.ChargeEnergy is { } ec) ec[r] = _ec.Next(raw.ChargingEnergyWattHour![i], first, cycleChanged);
            if (w.DischargeEnergy is { } ed) ed[r] = _ed.Next(raw.DischargingEnergyWattHour![i], first, cycleChanged);
        }
        w.Count = tail + m;
        _n += m;

        // Every sub-run but the last one is complete: classify and hand them on.
        int last = w.Count - 1, boundary = last;
        while (boundary > 0 && w.Step[boundary - 1] == w.Step[last] && w.Direction[boundary - 1] == w.Direction[last]) boundary--;
        Classify(w, boundary);
    }

    private void Start(CyclingRawData raw)
    {
        _started = true;
        _hasStep = raw.InstrumentStep is not null; _hasKind = raw.InstrumentKind is not null; _hasHalf = raw.InstrumentHalfCycle is not null;
        _hasCycle = raw.InstrumentCycle is not null; _definitive = raw.CycleCountIsDefinitive;
        _hasQc = raw.ChargingCapacityAmpereHour is not null; _hasQd = raw.DischargingCapacityAmpereHour is not null;
        _hasEc = raw.ChargingEnergyWattHour is not null; _hasEd = raw.DischargingEnergyWattHour is not null;
        if (_requested is { } requested)
        {
            if (requested == CycleDefinition.Instrument && raw.InstrumentCycle is null)
                throw new InvalidInputException($"{_path}: cycles by instrument counter requested but the file has no cycle column");
            _used = requested;
            return;
        }
        bool counts;
        if (raw.InstrumentCycle is not { } ic) counts = false;
        else if (_facts.InstrumentCycleCounts is { } known) counts = known;
        else if (raw.CycleCountIsDefinitive || ic.AsSpan().ContainsAnyExcept(ic.Length > 0 ? ic[0] : 0)) counts = true;
        else { counts = false; _guessedNotCounting = true; }   // constant so far: checked at the end
        if (counts) _used = CycleDefinition.Instrument;
    }

    /// <summary>Kinds of the sub-runs of points [0, end) of the window; those points go to the consumer.</summary>
    private void Classify(Points w, int end)
    {
        for (int a = 0; a < end;)
        {
            int b = a;
            while (b < end && w.Step[b] == w.Step[a] && w.Direction[b] == w.Direction[a]) b++;
            _cvPoints += CyclingRun.ClassifySubRun(w.Current.AsSpan(a, b - a), w.Voltage.AsSpan(a, b - a),
                _hasKind ? w.Label.AsSpan(a, b - a) : default, w.Direction[a], ref _anyCurrent, w.Kind.AsSpan(a, b - a));
            a = b;
        }
        if (end > 0) _consume(w, end);
        _final = end;
    }

    /// <summary>
    /// Hands on the last points and returns the run's notes in <see cref="CyclingRun.Build"/>'s order (after
    /// <paramref name="readerNotes"/>), the cycle definition used, and whether the guesses held.
    /// </summary>
    public IncrementalRunEnd Finish(IReadOnlyList<string> readerNotes)
    {
        if (_n == 0) throw new InvalidInputException($"{_path}: no data rows");
        if (_final > 0)
        {
            // Move the tail to the start so the consumer sees the points from index 0.
            var w = _spare;
            w.EnsureCapacity(_window.Count - _final, _hasQc, _hasQd, _hasEc, _hasEd);
            w.TakeTail(_window, _final);
            _spare = _window; _window = w; _final = 0;
        }
        Classify(_window, _window.Count);
        var used = _used ?? (_firstDirection < 0 ? CycleDefinition.DischargeFirst : CycleDefinition.ChargeFirst);
        var notes = new List<string>(readerNotes);
        if (_backwards > 0) notes.Add(CyclingRun.BackwardsNote(_backwards));
        if (!_hasStep) notes.Add(CyclingRun.NoStepColumnNote);
        if (_cvPoints > 0) notes.Add(CyclingRun.ConstantVoltageNote(_cvPoints));
        if (_hasHalf && _writtenDiffers) notes.Add(CyclingRun.WrittenHalfCyclesNote);
        if (_requested is null) notes.Add(CyclingRun.CyclesNote(used, _definitive, _firstDirection));
        foreach (var (name, restarts, present) in new[] { ("charging capacity", _qc.Restarts, _hasQc), ("discharging capacity", _qd.Restarts, _hasQd),
                     ("charging energy", _ec.Restarts, _hasEc), ("discharging energy", _ed.Restarts, _hasEd) })
            if (present && restarts > 0) notes.Add(CyclingRun.RestartsNote(name, restarts));
        bool thresholdHeld = _facts.MaxAbsCurrentA is not null || _minCountedAbs > CyclingRun.RestThreshold(_maxAbs);
        bool countingHeld = !(_guessedNotCounting && _cycleValueChanged);
        var observed = new RunFacts(_maxAbs, _hasCycle ? _definitive || _cycleValueChanged : null);
        return new IncrementalRunEnd(_n, notes, used, thresholdHeld && countingHeld, observed);
    }
}
