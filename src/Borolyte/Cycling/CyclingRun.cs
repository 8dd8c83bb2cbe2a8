using System.Globalization;

namespace Borolyte.Cycling;

/// <summary>
/// One harmonised cycling run: column-oriented, one value per data point, named after the Battery Data Format
/// (test_time_second, voltage_volt, current_ampere, cycle_count, step_count, charging/discharging capacity and energy).
/// SI for time, voltage and current; capacity in Ah and energy in Wh as their BDF names say. Positive current = charge
/// (see <see cref="StepKind"/>). Capacity and energy columns are cumulative within each cycle of
/// <see cref="CycleDefinition"/>, whatever the instrument's counters did. Every correction is listed in <see cref="Notes"/>.
/// </summary>
public sealed class CyclingRun
{
    public required string SourcePath { get; init; }
    public required string Format { get; init; }
    public required double[] TestTimeSecond { get; init; }
    public required double[] VoltageVolt { get; init; }
    public required double[] CurrentAmpere { get; init; }
    /// <summary>Cycle of each point under <see cref="CycleDefinition"/>.</summary>
    public required int[] CycleCount { get; init; }
    /// <summary>1 for the first step, +1 at every step change (instrument step index change, or a change of direction).</summary>
    public required int[] StepCount { get; init; }
    /// <summary>The instrument's step index when the file has one.</summary>
    public int[]? StepIndex { get; init; }
    /// <summary>1-based half cycle (run of one current direction, rests belong to the half cycle before them; 0 before the first).</summary>
    public required int[] HalfCycle { get; init; }
    public required StepKind[] Kind { get; init; }
    public double[]? ChargingCapacityAmpereHour { get; init; }
    public double[]? DischargingCapacityAmpereHour { get; init; }
    public double[]? ChargingEnergyWattHour { get; init; }
    public double[]? DischargingEnergyWattHour { get; init; }
    public double[]? EweVolt { get; init; }
    public double[]? EceVolt { get; init; }
    public required CycleDefinition CycleDefinition { get; init; }
    public double? ActiveMassKg { get; init; }
    public double? AreaM2 { get; init; }
    public required IReadOnlyList<string> Notes { get; init; }

    public int Count => TestTimeSecond.Length;

    /// <summary>Cycle numbers present, ascending.</summary>
    public int[] Cycles => CycleCount.Distinct().Order().ToArray();

    /// <summary>
    /// The run seen from one electrode of a three-electrode cell: the same points, currents, cycles, steps and capacity
    /// counters, with <see cref="VoltageVolt"/> replaced by that electrode's potential vs the reference (Ewe or Ece).
    /// The instrument's energy columns belong to the cell, so they are dropped: energies and average potentials are
    /// then ∫E·|I|dt of the electrode. <see cref="ElectrodeRole.Cell"/> returns the run itself.
    /// </summary>
    public CyclingRun ForElectrode(ElectrodeRole role)
    {
        if (role == ElectrodeRole.Cell) return this;
        var potential = role == ElectrodeRole.Working ? EweVolt : EceVolt;
        if (potential is null)
            throw new InvalidInputException(
                $"{SourcePath}: no {(role == ElectrodeRole.Working ? "working-electrode (Ewe)" : "counter-electrode (Ece)")} potential vs a reference: not a three-electrode file; use the cell voltage");
        var notes = new List<string>(Notes)
        {
            role == ElectrodeRole.Working
                ? "electrode: working electrode vs reference (Ewe); positive current oxidises it; energies and average potentials are ∫Ewe·|I|dt"
                : "electrode: counter electrode vs reference (Ece); positive current (cell charge) reduces it; energies and average potentials are ∫Ece·|I|dt",
        };
        return new CyclingRun
        {
            SourcePath = SourcePath, Format = Format, TestTimeSecond = TestTimeSecond, VoltageVolt = potential, CurrentAmpere = CurrentAmpere,
            CycleCount = CycleCount, StepCount = StepCount, StepIndex = StepIndex, HalfCycle = HalfCycle, Kind = Kind,
            ChargingCapacityAmpereHour = ChargingCapacityAmpereHour, DischargingCapacityAmpereHour = DischargingCapacityAmpereHour,
            EweVolt = EweVolt, EceVolt = EceVolt, CycleDefinition = CycleDefinition, ActiveMassKg = ActiveMassKg, AreaM2 = AreaM2, Notes = notes,
        };
    }

    /// <summary>
    /// Validates and harmonises what a reader produced: step counts, step kinds, half cycles, cycles under
    /// <paramref name="definition"/> (null: the instrument's counter when it counts, else inferred from the first
    /// current direction), capacity/energy counters made cumulative within each cycle. Notes every interpretation.
    /// </summary>
    public static CyclingRun Build(CyclingRawData raw, CycleDefinition? definition = null)
    {
        int n = raw.TestTimeSecond.Length;
        string path = raw.SourcePath;
        if (n == 0) throw new InvalidInputException($"{path}: no data rows");
        foreach (var (name, column) in new[] { ("voltage_volt", raw.VoltageVolt), ("current_ampere", raw.CurrentAmpere) })
            if (column.Length != n) throw new InvalidInputException($"{path}: column {name} has {column.Length} values for {n} times");
        var notes = new List<string>(raw.Notes);
        double[] t = raw.TestTimeSecond, v = raw.VoltageVolt, current = raw.CurrentAmpere;
        for (int i = 0; i < n; i++)
        {
            if (!double.IsFinite(t[i]) || !double.IsFinite(v[i]) || !double.IsFinite(current[i]))
                throw new InvalidInputException($"{path}: data row {i + 1} has a non-finite time, voltage or current");
        }
        int backwards = 0;
        for (int i = 1; i < n; i++) if (t[i] < t[i - 1]) backwards++;
        if (backwards > 0) notes.Add(BackwardsNote(backwards));

        // Direction per point: +1 charge, -1 discharge, 0 rest. Threshold: 1e-4 of the largest |I| (instrument offset noise).
        double maxAbs = 0;
        foreach (double i in current) maxAbs = Math.Max(maxAbs, Math.Abs(i));
        double restThreshold = RestThreshold(maxAbs);
        var direction = new sbyte[n];
        var labels = raw.InstrumentKind;
        for (int i = 0; i < n; i++) direction[i] = Direction(current[i], labels is null ? (sbyte)-1 : labels[i], restThreshold);

        // Steps.
        var stepCount = new int[n];
        int[]? stepIndex = raw.InstrumentStep;
        stepCount[0] = 1;
        for (int i = 1; i < n; i++)
        {
            bool change = stepIndex is not null ? stepIndex[i] != stepIndex[i - 1] : direction[i] != direction[i - 1];
            stepCount[i] = stepCount[i - 1] + (change ? 1 : 0);
        }
        if (stepIndex is null) notes.Add(NoStepColumnNote);

        var kind = ClassifySteps(raw, direction, stepCount, notes);

        // Half cycles: as a previous export wrote them, else runs of one current direction.
        var half = new int[n];
        int h = 0, lastDirection = 0;
        for (int i = 0; i < n; i++)
        {
            if (direction[i] != 0 && direction[i] != lastDirection) { h++; lastDirection = direction[i]; }
            half[i] = h;
        }
        if (raw.InstrumentHalfCycle is { } written)
        {
            if (written.Length != n) throw new InvalidInputException($"{path}: column half_cycle has {written.Length} values for {n} times");
            for (int i = 1; i < n; i++)
                if (written[i] < written[i - 1])
                    throw new InvalidInputException($"{path}: data row {i + 1}: half_cycle decreases from {written[i - 1]} to {written[i]}");
            if (!written.AsSpan().SequenceEqual(half)) notes.Add(WrittenHalfCyclesNote);
            half = written;
        }

        var cycle = AssignCycles(raw, direction, definition, notes, out var used);

        var chargeCap = Accumulate(raw.ChargingCapacityAmpereHour, cycle, "charging capacity", notes);
        var dischargeCap = Accumulate(raw.DischargingCapacityAmpereHour, cycle, "discharging capacity", notes);
        var chargeEnergy = Accumulate(raw.ChargingEnergyWattHour, cycle, "charging energy", notes);
        var dischargeEnergy = Accumulate(raw.DischargingEnergyWattHour, cycle, "discharging energy", notes);

        return new CyclingRun
        {
            SourcePath = path, Format = raw.Format, TestTimeSecond = t, VoltageVolt = v, CurrentAmpere = current,
            CycleCount = cycle, StepCount = stepCount, StepIndex = stepIndex, HalfCycle = half, Kind = kind,
            ChargingCapacityAmpereHour = chargeCap, DischargingCapacityAmpereHour = dischargeCap,
            ChargingEnergyWattHour = chargeEnergy, DischargingEnergyWattHour = dischargeEnergy,
            EweVolt = raw.EweVolt, EceVolt = raw.EceVolt, CycleDefinition = used,
            ActiveMassKg = raw.ActiveMassKg, AreaM2 = raw.AreaM2, Notes = notes,
        };
    }

    /// <summary>
    /// Rest (zero current) is OCV before the first current and Rest after it. A current-carrying point is CV when the
    /// instrument says so, or when, inside its step, |I| has fallen below 90 % of the step's 90th-percentile current
    /// while the voltage stays within 5 mV of the voltage where it started falling (a held voltage); else CC.
    /// </summary>
    private static StepKind[] ClassifySteps(CyclingRawData raw, sbyte[] direction, int[] stepCount, List<string> notes)
    {
        int n = direction.Length;
        var kind = new StepKind[n];
        bool anyCurrent = false;
        int cvPoints = 0;
        var labels = raw.InstrumentKind;
        for (int start = 0; start < n;)
        {
            int end = start;
            while (end < n && stepCount[end] == stepCount[start]) end++;
            // Per sub-run of one direction inside the step.
            for (int a = start; a < end;)
            {
                int b = a;
                while (b < end && direction[b] == direction[a]) b++;
                cvPoints += ClassifySubRun(raw.CurrentAmpere.AsSpan(a, b - a), raw.VoltageVolt.AsSpan(a, b - a),
                    labels is null ? default : labels.AsSpan(a, b - a), direction[a], ref anyCurrent, kind.AsSpan(a, b - a));
                a = b;
            }
            start = end;
        }
        if (cvPoints > 0) notes.Add(ConstantVoltageNote(cvPoints));
        return kind;
    }

    /// <summary>The rest threshold: 10⁻⁴ of the largest |I| of the run (instrument offset noise), at least 10⁻¹² A.</summary>
    internal static double RestThreshold(double maxAbsCurrent) => Math.Max(1e-12, 1e-4 * maxAbsCurrent);

    /// <summary>+1 charge, −1 discharge, 0 rest: the instrument's rest label (<paramref name="label"/>, −1 for none) wins over offset noise.</summary>
    internal static sbyte Direction(double current, sbyte label, double restThreshold) =>
        label is (int)StepKind.Rest or (int)StepKind.Ocv ? (sbyte)0
            : (sbyte)(current > restThreshold ? 1 : current < -restThreshold ? -1 : 0);

    /// <summary>
    /// The kinds of one sub-run (a maximal run of one direction inside one step; see <see cref="ClassifySteps"/>), written
    /// to <paramref name="kind"/>; <paramref name="labels"/> is empty when the instrument labels none. Returns the number
    /// of points classified as constant voltage. <paramref name="anyCurrent"/> carries "current has flowed" in file order.
    /// </summary>
    internal static int ClassifySubRun(ReadOnlySpan<double> current, ReadOnlySpan<double> voltage, ReadOnlySpan<sbyte> labels, sbyte direction,
        ref bool anyCurrent, Span<StepKind> kind)
    {
        int length = current.Length;
        if (direction == 0)
        {
            kind.Fill(anyCurrent ? StepKind.Rest : StepKind.Ocv);
            return 0;
        }
        anyCurrent = true;
        var cc = direction > 0 ? StepKind.ConstantCurrentCharge : StepKind.ConstantCurrentDischarge;
        double reference = double.NaN;   // the sub-run's 90th-percentile |I|, computed on first need (not when every point is labelled)
        double? heldVoltage = null;
        int cvPoints = 0;
        for (int i = 0; i < length; i++)
        {
            int label = labels.IsEmpty ? -1 : labels[i];
            bool cv;
            if (label >= 0) cv = label == (int)StepKind.ConstantVoltage;
            else
            {
                if (double.IsNaN(reference)) reference = Percentile90(current);
                bool falling = Math.Abs(current[i]) < 0.9 * reference && length >= 5;
                if (falling && heldVoltage is null && i > 0) heldVoltage = voltage[i - 1];
                cv = falling && heldVoltage is { } hv && Math.Abs(voltage[i] - hv) <= 0.005;
            }
            kind[i] = cv ? StepKind.ConstantVoltage : cc;
            if (cv) cvPoints++;
        }
        return cvPoints;
    }

    private static double Percentile90(ReadOnlySpan<double> current)
    {
        var magnitudes = new double[current.Length];
        for (int i = 0; i < current.Length; i++) magnitudes[i] = Math.Abs(current[i]);
        Array.Sort(magnitudes);
        return magnitudes[(int)(0.9 * (magnitudes.Length - 1))];
    }

    internal static string ConstantVoltageNote(long cvPoints) => $"{cvPoints} points classified as constant voltage";
    internal const string WrittenHalfCyclesNote = "half cycles: the file's half_cycle column, which differs from the current directions";
    internal const string NoStepColumnNote = "no step column: a step is a run of one current direction (charge, discharge, rest)";
    internal static string BackwardsNote(long backwards) => $"test time decreases {backwards} times; those intervals count as zero duration";

    internal static string CyclesNote(CycleDefinition used, bool definitive, int firstDirection) =>
        used == CycleDefinition.Instrument
            ? definitive ? "cycles: the file's cycle_count, as written" : "cycles: the instrument's cycle counter"
            : $"cycles: {(used == CycleDefinition.ChargeFirst ? "charge-first" : "discharge-first")} (the file has no cycle counter that counts; its first current is a {(firstDirection < 0 ? "discharge" : "charge")})";

    internal static string RestartsNote(string name, int restarts) =>
        string.Create(CultureInfo.InvariantCulture, $"{name}: the file's counter restarts {restarts} times inside the run (per step or half cycle); accumulated within each cycle");

    private static int[] AssignCycles(CyclingRawData raw, sbyte[] direction, CycleDefinition? requested, List<string> notes, out CycleDefinition used)
    {
        int n = direction.Length;
        bool instrumentCounts = raw.InstrumentCycle is { } ic && (raw.CycleCountIsDefinitive || ic.Distinct().Take(2).Count() > 1);
        int firstDirection = direction.FirstOrDefault(d => d != 0);
        used = requested ?? (instrumentCounts ? CycleDefinition.Instrument
            : firstDirection < 0 ? CycleDefinition.DischargeFirst : CycleDefinition.ChargeFirst);
        if (requested is null) notes.Add(CyclesNote(used, raw.CycleCountIsDefinitive, firstDirection));
        if (used == CycleDefinition.Instrument)
        {
            if (raw.InstrumentCycle is null) throw new InvalidInputException($"{raw.SourcePath}: cycles by instrument counter requested but the file has no cycle column");
            var c = raw.InstrumentCycle;
            if (c.Length != n) throw new InvalidInputException($"{raw.SourcePath}: column cycle_count has {c.Length} values for {n} times");
            for (int i = 1; i < n; i++)
                if (c[i] > c[i - 1] + 1)
                    throw new InvalidInputException(
                        $"{raw.SourcePath}: data row {i + 1}: cycle number jumps from {c[i - 1]} to {c[i]} (cycle {c[i - 1] + 1} missing)");
            return c;   // the instrument's counter itself (no copy)
        }
        var cycle = new int[n];
        var counter = new InferredCycleCounter(used == CycleDefinition.ChargeFirst ? 1 : -1);
        for (int i = 0; i < n; i++) cycle[i] = counter.Next(direction[i]);
        return cycle;
    }

    /// <summary>Charge-first or discharge-first cycles, point by point: a new cycle at each switch into the starting direction.</summary>
    internal struct InferredCycleCounter(int start)
    {
        private int _current = 1, _last;

        public int Next(sbyte direction)
        {
            if (direction != 0)
            {
                if (direction == start && _last == -start) _current++;
                _last = direction;
            }
            return _current;
        }
    }

    /// <summary>
    /// Makes a counter cumulative within each cycle: increments are added, and a drop (the instrument restarted its
    /// counter, e.g. per step) starts a new segment from zero instead of subtracting. Rewrites the column in place
    /// (the raw data belongs to the run being built; a large run is not held twice).
    /// </summary>
    private static double[]? Accumulate(double[]? counter, int[] cycle, string name, List<string> notes)
    {
        if (counter is null) return null;
        int n = counter.Length;
        if (n != cycle.Length) throw new InvalidInputException($"column {name} has {n} values for {cycle.Length} times");
        var accumulation = new CounterAccumulation();
        for (int i = 0; i < n; i++) counter[i] = accumulation.Next(counter[i], i == 0, i > 0 && cycle[i] != cycle[i - 1]);
        if (accumulation.Restarts > 0) notes.Add(RestartsNote(name, accumulation.Restarts));
        return counter;
    }

    /// <summary>
    /// One counter made cumulative within each cycle, value by value in file order (<see cref="Accumulate"/>): increments
    /// are added; a drop (a restart of the instrument's counter) starts a new segment from zero instead of subtracting.
    /// </summary>
    internal struct CounterAccumulation
    {
        private double _offset, _previous, _last;
        public int Restarts;

        public double Next(double value, bool first, bool cycleChanged)
        {
            bool restart = !first && value < _previous - Math.Max(1e-12, 1e-6 * Math.Abs(_previous));
            if (restart) Restarts++;
            if (cycleChanged) _offset = restart ? 0 : -_previous;   // a counter that runs on across our cycle boundary
            else if (restart) _offset = _last;
            _last = _offset + value;
            _previous = value;
            return _last;
        }
    }
}
