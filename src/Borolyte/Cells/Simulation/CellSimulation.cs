using System.Diagnostics;
using System.Globalization;
using System.Text;
using Borolyte.Storage;
using Borolyte.Cells.Protocols;
using Borolyte.Cycling;
using Borolyte.Cycling.Analysis;

namespace Borolyte.Cells.Simulation;

/// <summary>The outcome of <see cref="CellSimulation.Run"/>.</summary>
public sealed record SimulationResult(CellParameters Cell, SimulatedTimeSeries Series, CyclingSummary Summary, double WallTimeMs, IReadOnlyList<string> Notes);

/// <summary>
/// The outcome of a streamed run (<see cref="CellSimulation.RunStreaming"/>): the per-cycle summary from per-cycle
/// accumulators (<see cref="StreamingCycleSummary"/>), no time series in memory.
/// </summary>
public sealed record StreamedSimulationResult(CellParameters Cell, CyclingSummary Summary, double WallTimeMs, IReadOnlyList<string> Notes, long Points, double SimulatedTimeS);

/// <summary>
/// Runs a cycling protocol on a cell from its as-assembled state: constant current until a voltage or for a time,
/// rest, constant voltage until a current or for a time. Time stepping is backward Euler with Newton per step
/// (<see cref="CompositeElectrodeSolver"/>), adaptive steps from the local-error estimate of backward Euler
/// (½·|Δu_{n+1} − (Δt_{n+1}/Δt_n)·Δu_n|, Hairer, Nørsett &amp; Wanner, Solving ODEs I, §II.4), step ends located on the
/// cut-off by the Illinois variant of regula falsi on the step length (Dowell &amp; Jarratt, BIT 11 (1971) 168), and
/// constant-voltage steps solved for the current by Newton with the analytic dV/dI.
/// </summary>
public sealed class CellSimulation
{
    /// <summary>Attempts (accepted or rejected) allowed per protocol step before the run is declared stuck.</summary>
    public const int MaxStepsPerProtocolStep = 200_000;

    private readonly CellParameters cell;
    private readonly SimulationOptions options;
    private readonly IElectrodeSolver positive, negative;
    private readonly double kappa, separatorResistance;
    private readonly SimulatedTimeSeries? series;
    private readonly ISimulationRecorder recorder;
    private long recorded;
    private readonly List<string> notes = [];
    private double time, lastVoltage, lastCurrentDensity;
    private OcpBranch positiveBranch = OcpBranch.Extraction, negativeBranch = OcpBranch.Insertion;
    private int stepNumber;
    private string stepText = "";
    // Last trial.
    private double trialVoltage, trialPos, trialNeg;
    // Degradation state: contact fraction of the positive's particles, sodiation charge into the side-reaction electrode
    // (theoretical capacities), charge passed above the oxidation limit (nominal capacities), cumulative parasitic charges (C/m²),
    // and the parasitic fractions used by the last trial.
    private double contactFraction = 1, negativeContactFraction = 1, sideCharge, oxidationCharge, parasiticPositive, parasiticNegative, lastPositivePotential;
    private double fractionPositive, fractionNegative;

    /// <summary>A simulation that keeps its whole time series in <see cref="Series"/>.</summary>
    public CellSimulation(CellParameters cell, SimulationOptions? options = null) : this(cell, options, null) { }

    /// <summary>A simulation that hands every point to <paramref name="recorder"/> (null: keep the series in <see cref="Series"/>).</summary>
    public CellSimulation(CellParameters cell, SimulationOptions? options, ISimulationRecorder? recorder)
    {
        series = recorder is null ? new SimulatedTimeSeries() : null;
        this.recorder = recorder ?? series!;
        cell.Validate();
        this.cell = cell;
        this.options = options ?? new SimulationOptions();
        this.options.Validate();
        positive = Create(AsBuilt(cell.Positive));
        negative = Create(AsBuilt(cell.Negative));
        kappa = cell.BulkConductivitySPerM;
        separatorResistance = cell.SeparatorResistanceOhmM2;
        // Particles isolated at assembly: the modelled ones stand for the connected fraction from the start.
        contactFraction = cell.Degradation.ConnectedParticleFraction;
        if (contactFraction < 1) positive.SetContactFraction(contactFraction);
    }

    /// <summary>
    /// The electrode as the simulation sees it: thermally activated parameters at the cell temperature
    /// (<see cref="ElectrodeParameters.AtTemperature"/>) and, for composites, the as-assembled contact area at the stack pressure
    /// (<see cref="DegradationParameters.InitialContactAreaFraction"/>).
    /// </summary>
    private ElectrodeParameters AsBuilt(ElectrodeParameters p)
    {
        var hot = p.AtTemperature(cell.TemperatureK);
        double f = cell.Degradation.InitialContactAreaFraction;
        return hot is CompositeElectrodeParameters && f < 1 ? hot with { ContactAreaFraction = hot.ContactAreaFraction * f } : hot;
    }

    private IElectrodeSolver Create(ElectrodeParameters p) => p switch
    {
        CompositeElectrodeParameters c => new CompositeElectrodeSolver(c, options.ThroughThicknessVolumes, options.RadialShells),
        PlanarElectrodeParameters planar => new PlanarElectrodeSolver(planar),
        _ => throw new InvalidInputException($"unknown electrode kind {p.GetType().Name}"),
    };

    /// <summary>The kept time series (only when no recorder was given).</summary>
    public SimulatedTimeSeries Series => series ?? throw new InvalidOperationException("this simulation streams its points to a recorder and keeps no series");

    /// <summary>Points recorded so far.</summary>
    public long PointCount => recorded;

    /// <summary>Notes on the steps run so far (e.g. a step that ended at once because its cut-off was already passed).</summary>
    public IReadOnlyList<string> Notes => notes;

    /// <summary>Runs the protocol and summarises it per cycle with the cycling module's <see cref="CycleSummarizer"/>.</summary>
    public static SimulationResult Run(CellParameters cell, Protocol protocol, SimulationOptions? options = null)
    {
        var watch = Stopwatch.StartNew();
        var sim = new CellSimulation(cell, options);
        sim.Execute(protocol);
        var run = sim.series!.ToCyclingRun(cell.Name, cell.ActiveLoadingKgPerM2 * cell.AreaM2, cell.AreaM2);
        var summary = CycleSummarizer.Summarize(run, new SummaryOptions { IntegrateCurrent = true });
        watch.Stop();
        return new SimulationResult(cell, sim.series, summary, watch.Elapsed.TotalMilliseconds, sim.notes);
    }

    /// <summary>
    /// Runs the protocol keeping only per-cycle accumulators (memory flat in the number of cycles); with
    /// <paramref name="csv"/>, every point is also written there as a row of <see cref="SimulatedRunCsv"/> as it is computed.
    /// The summary is identical to <see cref="Run"/>'s (see <see cref="StreamingCycleSummary"/>).
    /// </summary>
    public static StreamedSimulationResult RunStreaming(CellParameters cell, Protocol protocol, SimulationOptions? options = null, TextWriter? csv = null)
    {
        var watch = Stopwatch.StartNew();
        var accumulator = new StreamingCycleSummary();
        ISimulationRecorder recorder = csv is null ? accumulator : new CsvRecorder(accumulator, new SimulatedRunCsvWriter(csv, cell.NominalArealCapacityCPerM2 * cell.AreaM2));
        var sim = new CellSimulation(cell, options, recorder);
        sim.Execute(protocol);
        var summary = accumulator.Finish(cell.ActiveLoadingKgPerM2 * cell.AreaM2, cell.AreaM2);
        watch.Stop();
        return new StreamedSimulationResult(cell, summary, watch.Elapsed.TotalMilliseconds, sim.notes, accumulator.Count, accumulator.LastTimeS);
    }

    /// <summary>
    /// <see cref="RunStreaming"/> writing the time series to <paramref name="path"/> as it is computed: into a temporary
    /// file beside it, renamed when the run has finished; on failure nothing is left (<see cref="AtomicFile"/>).
    /// </summary>
    public static StreamedSimulationResult RunToCsv(CellParameters cell, Protocol protocol, string path, SimulationOptions? options = null)
    {
        StreamedSimulationResult? result = null;
        AtomicFile.Write(path, temp =>
        {
            using var writer = new StreamWriter(temp, false, new UTF8Encoding(false), 1 << 16);
            result = RunStreaming(cell, protocol, options, writer);
        });
        return result!;
    }

    /// <summary>Feeds the accumulator first (it numbers the cycles), then writes the row with that cycle.</summary>
    private sealed class CsvRecorder(StreamingCycleSummary accumulator, SimulatedRunCsvWriter writer) : ISimulationRecorder
    {
        public void Add(in SimulatedPoint point)
        {
            accumulator.Add(point);
            writer.Write(point, accumulator.Cycle);
        }
    }

    /// <summary>Runs every step of the protocol (repeats expanded) from the current state.</summary>
    public void Execute(Protocol protocol)
    {
        if (recorded == 0)
        {
            Solve(0, 0, out _);
            lastPositivePotential = trialPos;
            Record(0, StepKind.Ocv);
        }
        foreach (var step in protocol.Steps())
        {
            stepNumber++;
            stepText = step.Text;
            switch (step)
            {
                case CurrentStep cc: RunCurrent(cc); break;
                case RestStep rest: RunRest(rest); break;
                case HoldStep hold: RunHold(hold); break;
                default: throw new InvalidInputException($"protocol step {stepNumber} \"{step.Text}\": unsupported step kind");
            }
        }
    }

    private Exception Fail(string why) =>
        new SimulationFailedException($"simulation failed at protocol step {stepNumber} \"{stepText}\" (t = {time.ToString("0.###", CultureInfo.InvariantCulture)} s): {why}");

    private double NominalTimeS(double currentDensity) => cell.NominalArealCapacityCPerM2 / Math.Abs(currentDensity);

    /// <summary>Trial step of both electrodes for cell current density j (A/m², + = charge).</summary>
    private bool Solve(double j, double dt, out string? failure)
    {
        ParasiticFractions(j, dt);
        if (!SolveElectrode(positive, j * (1 - fractionPositive), dt, positiveBranch, out failure)) return false;
        if (!SolveElectrode(negative, -j * (1 - fractionNegative), dt, negativeBranch, out failure)) return false;
        trialPos = positive.Potential;
        // Reference at the positive electrode's separator face: the negative's potential includes the separator drop (−j·L/κ).
        trialNeg = negative.Potential - j * separatorResistance;
        trialVoltage = trialPos - trialNeg + cell.VoltageOffsetV;
        return true;
    }

    /// <summary>One electrode's step; when Newton fails from the last solution, continuation in the current (i/16, 2i/16, …, i).</summary>
    private bool SolveElectrode(IElectrodeSolver solver, double i, double dt, OcpBranch branch, out string? failure)
    {
        double t = cell.TemperatureK;
        if (solver.TrySolve(i, dt, branch, t, kappa, out failure)) return true;
        for (int k = 1; k <= 16; k++)
            if (!solver.TrySolve(i * k / 16.0, dt, branch, t, kappa, out failure)) return false;
        return true;
    }

    private double VoltageSlope => positive.PotentialSlope * (1 - fractionPositive) + negative.PotentialSlope * (1 - fractionNegative) + separatorResistance;

    /// <summary>
    /// Parasitic fractions of the electrode currents over a step of current density j and length dt (see <see cref="DegradationParameters"/>):
    /// the side reaction's law averaged over the charge the step passes; the oxidation's from the state at the step's start.
    /// </summary>
    private void ParasiticFractions(double j, double dt)
    {
        var d = cell.Degradation;
        fractionPositive = 0; fractionNegative = 0;
        if ((d.SideReactionInitialFraction > 0 || d.SideReactionGrowth > 0) && SideSodiating(j))
        {
            double dq = Math.Abs(j) * dt / TheoreticalCapacity(d.SideReactionElectrode == CellSide.Positive ? cell.Positive : cell.Negative);
            double sf = d.SideReactionMeanFraction(sideCharge, dq);
            if (d.SideReactionElectrode == CellSide.Positive) fractionPositive += sf; else fractionNegative += sf;
        }
        if (d.OxidationInitialFraction > 0 && j > 0)
            fractionPositive += d.OxidationInitialFraction * Math.Exp(-oxidationCharge / d.OxidationDecayCapacities) * AboveOxidationLimit();
    }

    /// <summary>
    /// Smooth switch (logistic, 10 mV wide) on the positive electrode's open-circuit potential at its bulk stoichiometry
    /// exceeding the oxidation limit: a state variable, so the lagged parasitic current cannot chatter across the limit.
    /// </summary>
    private double AboveOxidationLimit()
    {
        double theta = positive.AverageStoichiometry;
        double u = double.IsFinite(theta) ? cell.Positive.Ocp.Evaluate(theta, OcpBranch.Extraction).U : lastPositivePotential;
        return 1 / (1 + Math.Exp(-(u - cell.Degradation.OxidationLimitV) / 0.01));
    }

    /// <summary>The side-reaction electrode takes up sodium: the positive on discharge, the negative on charge.</summary>
    private bool SideSodiating(double j) => cell.Degradation.SideReactionElectrode == CellSide.Positive ? j < 0 : j > 0;

    private double TheoreticalCapacity(ElectrodeParameters p) => p is CompositeElectrodeParameters c ? c.ArealCapacityCPerM2 : cell.NominalArealCapacityCPerM2;

    private void AdvanceDegradation(double dt, double j)
    {
        var d = cell.Degradation;
        if (!d.Any || dt <= 0) return;
        double charge = Math.Abs(j) * dt;
        parasiticPositive += charge * fractionPositive;
        parasiticNegative += charge * fractionNegative;
        if (SideSodiating(j))
            sideCharge += charge / TheoreticalCapacity(d.SideReactionElectrode == CellSide.Positive ? cell.Positive : cell.Negative);
        if (j > 0 && d.OxidationInitialFraction > 0) oxidationCharge += charge * AboveOxidationLimit() / cell.NominalArealCapacityCPerM2;
        // df/dn = −λ f with n = charge / (2 Q_nominal) full-cycle equivalents; isolated particles keep their sodium.
        if (d.ContactLossPerCycleAtReference > 0)
        {
            contactFraction *= Math.Exp(-d.ContactLossPerCycle * charge / (2 * cell.NominalArealCapacityCPerM2));
            positive.SetContactFraction(contactFraction);
        }
        if (d.NegativeContactLossPerCycleAtReference > 0)
        {
            negativeContactFraction *= Math.Exp(-d.NegativeContactLossPerCycle * charge / (2 * cell.NominalArealCapacityCPerM2));
            negative.SetContactFraction(negativeContactFraction);
        }
    }

    private void Commit(double dt, double j)
    {
        positive.Commit(); negative.Commit();
        AdvanceDegradation(dt, j);
        lastPositivePotential = trialPos;
        time += dt;
        lastVoltage = trialVoltage;
        lastCurrentDensity = j;
        CheckStoichiometry();
    }

    private void CheckStoichiometry()
    {
        foreach (var (solver, p) in new[] { (positive, cell.Positive), (negative, cell.Negative) })
        {
            double th = solver.AverageStoichiometry;
            double lo = Math.Max(0, p.Ocp.Stoichiometry[0]), hi = Math.Min(1, p.Ocp.Stoichiometry[^1]);
            if (double.IsFinite(th) && (th < lo - 0.02 || th > hi + 0.02))
                throw Fail(string.Create(CultureInfo.InvariantCulture,
                    $"the {p.Name} electrode's average stoichiometry reached {th:0.###}, outside the range of its OCP curve ({lo:0.###}–{hi:0.###}): the electrode is exhausted before the step's end condition was met"));
        }
    }

    private void Record(double j, StepKind kind)
    {
        recorder.Add(new SimulatedPoint(time, j * cell.AreaM2, trialVoltage, stepNumber, kind, trialPos, trialNeg,
            positive.AverageStoichiometry, negative.AverageStoichiometry, j * separatorResistance, positive.Breakdown, negative.Breakdown,
            contactFraction, parasiticPositive * cell.AreaM2, parasiticNegative * cell.AreaM2));
        recorded++;
    }

    private void SetBranches(double j)
    {
        if (j > 0) { positiveBranch = OcpBranch.Extraction; negativeBranch = OcpBranch.Insertion; }
        else if (j < 0) { positiveBranch = OcpBranch.Insertion; negativeBranch = OcpBranch.Extraction; }
    }

    private void RunCurrent(CurrentStep step)
    {
        double magnitude = step.Current.CurrentDensityAPerM2(cell.NominalArealCapacityCPerM2, cell.AreaM2);
        double j = step.Direction == CurrentDirection.Charge ? magnitude : -magnitude;
        var kind = j > 0 ? StepKind.ConstantCurrentCharge : StepKind.ConstantCurrentDischarge;
        SetBranches(j);
        double duration = step.DurationS ?? double.PositiveInfinity;
        double? cutoff = step.CutoffVoltageV;
        double sign = j > 0 ? 1 : -1;   // crossing: sign·(V − V_cut) ≥ 0
        // Instantaneous response to the new current (when Newton cannot jump there at once, the stepping below approaches it
        // with shrinking steps, and the last voltage stands for the start).
        bool instant = Solve(j, 0, out _);
        if (!instant) trialVoltage = lastVoltage;
        if (instant && cutoff is { } c0 && sign * (trialVoltage - c0) >= 0)
        {
            notes.Add($"step {stepNumber} \"{step.Text}\": the voltage {trialVoltage:0.####} V is already beyond the cut-off {c0} V when the current is applied; the step ends at once");
            return;
        }
        double start = trialVoltage;
        RunStepped(j, duration, kind, cutoff is { } c ? (v => sign * (v - c)) : null, start);
    }

    private void RunRest(RestStep step)
    {
        if (!Solve(0, 0, out var why)) throw Fail(why!);
        RunStepped(0, step.DurationS, StepKind.Rest, null, trialVoltage);
    }

    /// <summary>Adaptive backward-Euler stepping at fixed current until the duration or the event g(V) ≥ 0.</summary>
    private void RunStepped(double j, double duration, StepKind kind, Func<double, double>? eventFunction, double startVoltage)
    {
        double nominal = j != 0 ? NominalTimeS(j) : NominalTimeS(cell.NominalArealCapacityCPerM2 / 3600.0);   // rests: the 1C time scale
        // Rests: at most 1/20 of the rest (and the 1C scale), but at least 1/1000 of it, so that very long rests (weeks) take
        // about a thousand error-controlled steps instead of running into the step limit.
        double dtMax = Math.Min(options.MaxStepFractionOfNominal * nominal, j != 0 ? double.PositiveInfinity : Math.Max(duration / 20, 1));
        if (j == 0 && double.IsFinite(duration)) dtMax = Math.Max(dtMax, duration / 1000);
        double dt = Math.Min(dtMax, 1e-4 * nominal);
        double elapsed = 0, vPrev = startVoltage, dvPrev = double.NaN, dtPrev = double.NaN;
        int rejects = 0, accepted = 0;
        while (elapsed < duration)
        {
            if (++accepted > MaxStepsPerProtocolStep) throw Fail($"more than {MaxStepsPerProtocolStep} time steps without reaching the step's end condition: the cut-off may be unreachable for this cell (a metal electrode never runs out), or the time step collapsed");
            dt = Math.Min(dt, duration - elapsed);
            if (!Solve(j, dt, out var why))
            {
                if (++rejects > 60 || dt < 1e-9 * nominal) throw Fail(why!);
                dt *= 0.25; continue;
            }
            double dv = trialVoltage - vPrev;
            double error = double.IsNaN(dvPrev) ? 0 : 0.5 * Math.Abs(dv - dt / dtPrev * dvPrev);
            double change = Math.Max(positive.LargestStoichiometryChange, negative.LargestStoichiometryChange);
            if ((error > options.VoltageToleranceV || change > options.MaxStoichiometryChange) && dt > 1e-9 * nominal)
            {
                if (++rejects > 200) throw Fail("the time step could not be reduced enough to meet the error tolerance");
                double shrink = Math.Min(0.5, Math.Max(0.1, 0.9 * Math.Sqrt(options.VoltageToleranceV / Math.Max(error, 1e-300))));
                if (change > options.MaxStoichiometryChange) shrink = Math.Min(shrink, 0.9 * options.MaxStoichiometryChange / change);
                dt *= shrink;
                continue;
            }
            rejects = 0;
            if (eventFunction is not null && eventFunction(trialVoltage) >= 0)
            {
                double tau = Locate(j, dt, eventFunction(vPrev), eventFunction(trialVoltage), v => eventFunction(v));
                Commit(tau, j);
                Record(j, kind);
                return;
            }
            Commit(dt, j);
            Record(j, kind);
            elapsed += dt;
            dvPrev = dv; dtPrev = dt; vPrev = trialVoltage;
            double grow = error > 0 ? Math.Min(2, 0.9 * Math.Sqrt(options.VoltageToleranceV / error)) : 2;
            dt = Math.Min(dtMax, dt * Math.Max(grow, 0.5));
        }
    }

    /// <summary>
    /// Illinois regula falsi on the step length τ ∈ (0, dt] for g(V(τ)) = 0, g(V(0)) = ga &lt; 0 ≤ gb = g(V(dt)); leaves
    /// the trial at the located τ (ready to commit) and returns τ.
    /// </summary>
    private double Locate(double j, double dt, double ga, double gb, Func<double, double> g)
    {
        double ta = 0, tb = dt;
        int side = 0;
        double tau = dt;
        for (int iteration = 0; iteration < 100; iteration++)
        {
            tau = gb != ga ? tb - gb * (tb - ta) / (gb - ga) : 0.5 * (ta + tb);
            if (!(tau > ta && tau < tb)) tau = 0.5 * (ta + tb);
            if (!Solve(j, tau, out var why)) throw Fail(why!);
            double gt = g(trialVoltage);
            if (Math.Abs(gt) <= options.EventToleranceV || tb - ta <= 1e-12 * dt) return tau;
            if (gt < 0) { ta = tau; ga = gt; if (side == -1) gb *= 0.5; side = -1; }
            else { tb = tau; gb = gt; if (side == 1) ga *= 0.5; side = 1; }
        }
        return tau;
    }

    /// <summary>Current density that holds V at the target over a step of length dt (Newton on j with dV/dj).</summary>
    private bool SolveHold(double target, double dt, ref double j, out string? failure)
    {
        double best = double.PositiveInfinity;
        for (int iteration = 0; iteration < 40; iteration++)
        {
            if (!Solve(j, dt, out failure)) return false;
            double residual = trialVoltage - target;
            if (Math.Abs(residual) < 1e-9) return true;
            best = Math.Min(best, Math.Abs(residual));
            double next = j - residual / VoltageSlope;
            j = next;
        }
        failure = $"the current that holds the voltage could not be found (Newton on the current did not converge; closest {best:G3} V)";
        return false;
    }

    private void RunHold(HoldStep step)
    {
        double target = step.VoltageV;
        double duration = step.DurationS ?? double.PositiveInfinity;
        double? cutoff = step.CutoffCurrent is { } c ? c.CurrentDensityAPerM2(cell.NominalArealCapacityCPerM2, cell.AreaM2) : null;
        double j = lastCurrentDensity;
        if (j == 0) j = (target > lastVoltage ? 1 : -1) * cell.NominalArealCapacityCPerM2 / 3600.0 * 1e-3;
        // The hysteresis branches follow the current's expected sign. A hold at the voltage a current step has just reached keeps
        // that step's direction: comparing the target with a last voltage that differs from it by the cut-off's location tolerance
        // would pick a branch at random, and a wrong one starts the hold a whole hysteresis gap away from its target.
        bool continues = lastCurrentDensity != 0 && Math.Abs(target - lastVoltage) <= 100 * options.EventToleranceV;
        SetBranches(continues ? lastCurrentDensity : target >= lastVoltage ? 1 : -1);
        double nominal = NominalTimeS(cell.NominalArealCapacityCPerM2 / 3600.0);
        double dtMax = Math.Min(0.01 * nominal, Math.Max(duration / 20, 1));
        double dt = 1e-3 * nominal, elapsed = 0, jPrev = j, djPrev = double.NaN, dtPrev = double.NaN;
        if (!SolveHold(target, 0, ref j, out var why0)) throw Fail(why0!);
        jPrev = j;
        if (cutoff is { } ic0 && Math.Abs(j) <= ic0)
        {
            notes.Add($"step {stepNumber} \"{step.Text}\": the current is already below the cut-off when the voltage is applied; the step ends at once");
            return;
        }
        int rejects = 0, accepted = 0;
        while (elapsed < duration)
        {
            if (++accepted > MaxStepsPerProtocolStep) throw Fail($"more than {MaxStepsPerProtocolStep} time steps without reaching the step's end; the time step collapsed");
            dt = Math.Min(dt, duration - elapsed);
            double jTrial = jPrev;
            if (!SolveHold(target, dt, ref jTrial, out var why))
            {
                if (++rejects > 60) throw Fail(why!);
                dt *= 0.25; continue;
            }
            double dj = jTrial - jPrev;
            double scale = Math.Max(Math.Abs(jTrial), cutoff ?? 0);
            double error = double.IsNaN(djPrev) ? 0 : 0.5 * Math.Abs(dj - dt / dtPrev * djPrev) / Math.Max(scale, 1e-300);
            double change = Math.Max(positive.LargestStoichiometryChange, negative.LargestStoichiometryChange);
            const double tolerance = 0.01;
            if ((error > tolerance || change > options.MaxStoichiometryChange) && dt > 1e-9 * nominal)
            {
                if (++rejects > 200) throw Fail("the time step could not be reduced enough to meet the error tolerance");
                dt *= 0.3; continue;
            }
            rejects = 0;
            if (cutoff is { } ic && Math.Abs(jTrial) <= ic)
            {
                // Locate |j(τ)| = cut-off by Illinois on τ.
                double ta = 0, tb = dt, ga = Math.Abs(jPrev) - ic, gb = Math.Abs(jTrial) - ic, tau = dt, jt = jTrial;
                int side = 0;
                for (int it = 0; it < 100; it++)
                {
                    tau = tb - gb * (tb - ta) / (gb - ga);
                    if (!(tau > ta && tau < tb)) tau = 0.5 * (ta + tb);
                    jt = jPrev;
                    if (!SolveHold(target, tau, ref jt, out var w2)) throw Fail(w2!);
                    double gt = Math.Abs(jt) - ic;
                    if (Math.Abs(gt) <= 1e-6 * ic || tb - ta <= 1e-12 * dt) break;
                    if (gt > 0) { ta = tau; ga = gt; if (side == -1) gb *= 0.5; side = -1; }
                    else { tb = tau; gb = gt; if (side == 1) ga *= 0.5; side = 1; }
                }
                Commit(tau, jt);
                Record(jt, StepKind.ConstantVoltage);
                return;
            }
            Commit(dt, jTrial);
            Record(jTrial, StepKind.ConstantVoltage);
            elapsed += dt;
            djPrev = dj; dtPrev = dt; jPrev = jTrial;
            double grow = error > 0 ? Math.Min(2, 0.9 * Math.Sqrt(tolerance / error)) : 2;
            dt = Math.Min(dtMax, dt * Math.Max(grow, 0.5));
        }
    }
}
