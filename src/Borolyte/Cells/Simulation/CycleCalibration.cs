using System.Globalization;
using Borolyte.Cells.Protocols;
using Borolyte.Cycling.Analysis;

namespace Borolyte.Cells.Simulation;

/// <summary>One measured point of a cycling summary: cycle number and discharge capacity (mAh/g of the electrode under test).</summary>
public sealed record MeasuredCycle(int Cycle, double DischargeCapacityMAhPerG);

public sealed record CycleCalibrationResult(IReadOnlyList<FittedParameter> Parameters, IReadOnlyList<MeasuredCycle> Measured,
    IReadOnlyList<double> FittedDischargeCapacityMAhPerG, double RmsMAhPerG, int Evaluations, bool Converged, string StopReason,
    CellParameters Cell, IReadOnlyList<string> Notes);

/// <summary>
/// `cell calibrate --cycles`: fits degradation (and, if asked, transport/kinetic) parameters to a measured capacity-retention
/// series (issue 5 §2 Calibration, "cycling summaries"): each residual is the simulated discharge capacity of a measured cycle
/// minus the measured one, the simulation a streamed run of the cycling protocol (<see cref="CellSimulation.RunStreaming"/>).
/// Levenberg–Marquardt on ln p with the linearised uncertainty, as <see cref="CellCalibration"/>. A mechanism the cell has
/// switched off starts from a stated default (contact loss 10⁻³/cycle, fractions 0.01, decays 1 capacity).
/// </summary>
public static class CycleCalibration
{
    private static readonly Dictionary<string, (CellCalibration.Knob Knob, double DefaultStart)> Degradation = new(StringComparer.OrdinalIgnoreCase)
    {
        // λ at the cell's own stack pressure: the reference pressure is set to it, so λ is the fitted per-cycle rate at P.
        ["degradation.contactLossPerCycle"] = (new("1/cycle", c => c.Degradation.ContactLossPerCycle,
            (c, v) => c with { Degradation = c.Degradation with { ContactLossPerCycleAtReference = v, ContactLossReferencePressureMPa = c.Degradation.StackPressureMPa } }, 0.5), 1e-3),
        ["degradation.negativeContactLossPerCycle"] = (new("1/cycle", c => c.Degradation.NegativeContactLossPerCycle,
            (c, v) => c with { Degradation = c.Degradation with { NegativeContactLossPerCycleAtReference = v / PressureFactor(c.Degradation) } }, 0.5), 1e-3),
        ["degradation.sideReactionGrowth"] = (new("sqrt(theoretical capacities)", c => c.Degradation.SideReactionGrowth,
            (c, v) => c with { Degradation = c.Degradation with { SideReactionGrowth = v } }, 0.999), 0.01),
        ["degradation.sideReactionInitialFraction"] = (new("1", c => c.Degradation.SideReactionInitialFraction,
            (c, v) => c with { Degradation = c.Degradation with { SideReactionInitialFraction = v } }, 0.999), 0.01),
        ["degradation.sideReactionDecay"] = (new("theoretical capacities", c => c.Degradation.SideReactionDecayCapacities,
            (c, v) => c with { Degradation = c.Degradation with { SideReactionDecayCapacities = v } }), 1),
        ["degradation.connectedParticleFraction"] = (new("1", c => c.Degradation.ConnectedParticleFraction,
            (c, v) => c with { Degradation = c.Degradation with { ConnectedParticleFraction = v } }, 1.0), 0.9),
        ["degradation.oxidationInitialFraction"] = (new("1", c => c.Degradation.OxidationInitialFraction,
            (c, v) => c with { Degradation = c.Degradation with { OxidationInitialFraction = v } }, 0.999), 0.01),
        ["degradation.oxidationDecay"] = (new("nominal capacities", c => c.Degradation.OxidationDecayCapacities,
            (c, v) => c with { Degradation = c.Degradation with { OxidationDecayCapacities = v } }), 1),
    };

    /// <summary>λ₋(P)/λ₋,ref: the negative's rate is set at the cell's pressure without moving the reference the positive's rate uses.</summary>
    private static double PressureFactor(DegradationParameters d) => d.NegativeContactLossPerCycleAtReference > 0
        ? d.NegativeContactLossPerCycle / d.NegativeContactLossPerCycleAtReference
        : Math.Pow(d.ContactLossReferencePressureMPa / d.StackPressureMPa, d.ContactLossPressureExponent);

    public static IReadOnlyList<string> ParameterNames => [.. Degradation.Keys, .. CellCalibration.ParameterNames];

    /// <summary>A knob by name: a degradation parameter of this fit, or one of <see cref="CellCalibration"/>'s.</summary>
    internal static bool TryGetKnob(string name, out CellCalibration.Knob knob)
    {
        if (Degradation.TryGetValue(name, out var d)) { knob = d.Knob; return true; }
        return CellCalibration.TryGetKnob(name, out knob);
    }

    public static CycleCalibrationResult Fit(CellParameters cell, Protocol protocol, IReadOnlyList<MeasuredCycle> measured, IReadOnlyList<string> parameters,
        SimulationOptions? options = null)
    {
        if (parameters.Count == 0) throw new InvalidInputException("--fit: name at least one parameter (" + string.Join(", ", ParameterNames) + ")");
        if (parameters.Distinct(StringComparer.OrdinalIgnoreCase).Count() != parameters.Count) throw new InvalidInputException("--fit: a parameter is named twice");
        if (measured.Count <= parameters.Count)
            throw new InvalidInputException($"calibration needs more measured cycles ({measured.Count}) than fitted parameters ({parameters.Count})");
        var notes = new List<string>();
        var knobs = new CellCalibration.Knob[parameters.Count];
        var start = new double[parameters.Count];
        for (int j = 0; j < parameters.Count; j++)
        {
            string name = parameters[j];
            if (Degradation.TryGetValue(name, out var d))
            {
                knobs[j] = d.Knob;
                double v = d.Knob.Get(cell);
                if (v > 0) start[j] = v;
                else
                {
                    start[j] = d.DefaultStart;
                    notes.Add(string.Create(CultureInfo.InvariantCulture, $"{name}: off in the cell; the fit starts from {d.DefaultStart:G3} {d.Knob.Unit}"));
                }
            }
            else if (CellCalibration.TryGetKnob(name, out var k)) { knobs[j] = k; start[j] = k.Get(cell); }
            else throw new InvalidInputException($"--fit: unknown parameter '{name}'; known: {string.Join(", ", ParameterNames)}");
        }
        var target = measured.Select(m => m.DischargeCapacityMAhPerG).ToArray();
        options ??= CellCalibration.DefaultOptions;
        int lastCycle = measured.Max(m => m.Cycle);
        double[] Simulate(CellParameters c)
        {
            var cycles = CellSimulation.RunStreaming(c, protocol, options).Summary.Cycles;
            if (cycles.Count < lastCycle)
                throw new InvalidInputException($"the protocol gives {cycles.Count} cycles; the measured series goes to cycle {lastCycle}");
            return measured.Select(m => cycles[m.Cycle - 1].DischargeSpecificCapacityMAhPerG ?? double.NaN).ToArray();
        }
        Simulate(cell);   // the protocol must cover the measured cycles: checked once here, with the reason
        var fit = CellCalibration.FitLogParameters(cell, knobs, start, target, Simulate);
        var fitted = Simulate(fit.Cell);
        var result = parameters.Select((name, j) => new FittedParameter(name, fit.Values[j], knobs[j].Unit, fit.StandardErrorLn[j])).ToList();
        return new CycleCalibrationResult(result, measured, fitted, fit.Rms, fit.Result.Evaluations, fit.Result.Converged, fit.Result.StopReason, fit.Cell, notes);
    }

    /// <summary>
    /// The measured cycles of a file: a "cycle,discharge_capacity_mah_per_g" table (<see cref="ReadCycles"/>) when its first
    /// line that is not blank or a '#' comment starts with "cycle,", else a cycler file read by the cycling module
    /// (<see cref="CyclesOfCyclerFile"/>). The notes say what was taken from a cycler file.
    /// </summary>
    public static (IReadOnlyList<MeasuredCycle> Cycles, IReadOnlyList<string> Notes) ReadMeasuredCycles(string path, double? activeMassKg) =>
        CalibrationCsv.IsTable(path, "cycle", activeMassKg)
            ? (ReadCycles(File.ReadAllText(path), Path.GetFileName(path)), [])
            : CyclesOfCyclerFile(path, activeMassKg);

    /// <summary>
    /// Measured cycles from a cycler file in any format the cycling module reads (BioLogic .mpr/.mpt, Neware, Arbin, Maccor,
    /// BDF CSV, …) through its per-cycle summary (<see cref="CycleSummarizer.SummarizeFile"/>, the file's own cycle numbers):
    /// each complete cycle's discharge capacity per gram of the given active mass (or the file's own). Incomplete cycles (a
    /// file that ends inside a half cycle) are left out and noted; the protocol given with them must number its cycles alike.
    /// </summary>
    public static (IReadOnlyList<MeasuredCycle> Cycles, IReadOnlyList<string> Notes) CyclesOfCyclerFile(string path, double? activeMassKg)
    {
        string name = Path.GetFileName(path);
        var file = CalibrationCsv.CyclerSummary(path, new SummaryOptions { ActiveMassKg = activeMassKg });
        var summary = file.Summary;
        var cycles = new List<MeasuredCycle>();
        var skipped = new List<int>();
        foreach (var c in summary.Cycles)
        {
            if (c.Complete && c.DischargeSpecificCapacityMAhPerG is > 0 and var q && double.IsFinite(q)) cycles.Add(new MeasuredCycle(c.Cycle, q));
            else skipped.Add(c.Cycle);
        }
        if (cycles.Count == 0) throw new InvalidInputException($"{name}: no complete cycle with a discharge in the cycler file");
        var notes = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"{name}: {file.Format}, {cycles.Count} complete cycles with a discharge, per {summary.ActiveMassKg!.Value * 1e6:0.###} mg of active material")
                + (activeMassKg is null ? " (the file's)" : ""),
        };
        if (skipped.Count > 0) notes.Add($"{name}: cycle(s) {string.Join(", ", skipped)} left out (incomplete or without a discharge)");
        return (cycles, notes);
    }

    /// <summary>Reads "cycle,discharge_capacity_mah_per_g" CSV ('#' comments allowed); errors name file and line.</summary>
    public static IReadOnlyList<MeasuredCycle> ReadCycles(string text, string source) =>
        CalibrationCsv.Read<MeasuredCycle>(text, source, ("cycle", "discharge_capacity_mah_per_g"), (cells, lineNo, rows) =>
        {
            if (!int.TryParse(cells[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out int cycle) || cycle < 1)
                throw new InvalidInputException($"{source}:{lineNo}: cycle '{cells[0]}' must be a whole number ≥ 1");
            if (rows.Count > 0 && cycle <= rows[^1].Cycle)
                throw new InvalidInputException($"{source}:{lineNo}: cycle {cycle} does not follow cycle {rows[^1].Cycle} (cycles must increase)");
            if (!double.TryParse(cells[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double q) || !double.IsFinite(q) || q <= 0)
                throw new InvalidInputException($"{source}:{lineNo}: discharge_capacity_mah_per_g '{cells[1]}' must be a positive number");
            return new MeasuredCycle(cycle, q);
        });
}
