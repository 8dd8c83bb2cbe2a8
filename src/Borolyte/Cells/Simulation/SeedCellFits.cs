using Borolyte.Cells.Protocols;

namespace Borolyte.Cells.Simulation;

/// <summary>One re-runnable calibration of a seed-004 preset: the fitted values, their 1σ in ln p, what they were fitted to, and the fit's rms.</summary>
public sealed record SeedFit(string Name, IReadOnlyList<FittedParameter> Parameters, IReadOnlyList<(string Quantity, double Published, double Fitted)> Targets, double Rms, bool Converged);

/// <summary>
/// The fits behind <see cref="SnCalibration"/>, each with the library's own Levenberg–Marquardt on ln p
/// (<see cref="CellCalibration"/>, <see cref="CycleCalibration"/>) against numbers of seed 004 §2:
/// <list type="number">
/// <item>Sn solid diffusivity and exchange current density, degradation off (kinetic limits): the Sn half cell's second-cycle
/// 0.1C sodiation ("discharge") capacity, 634 mAh/g, the full cell's 1C discharge capacity retained vs 0.1C (0.1C charges),
/// ≈ 34 % (Fig. S5a text), and its second-cycle voltage efficiency EE/CE = 84.9 %/95.8 % — two parameters, three numbers
/// from two cells.</item>
/// <item>Interphase formation s₀, q_d at Sn: the Sn half cell's CE 84.3 % and 97.0 % (cycles 1, 2 at 0.1C) — two numbers, two
/// parameters, exactly determined (no uncertainty).</item>
/// <item>Sn particle isolation λ: the Sn half cell's 92.1 % of the first 0.2C sodiation capacity after 50 cycles at 0.2C.</item>
/// <item>Continued growth B: the full cell's 47.4 % of the first 0.2C discharge after 50 cycles at 0.2C (two 0.1C cycles
/// first), with <see cref="CycleCalibration"/> (`cell calibrate --cycles`) on the points (3, Q₃) and (52, 0.474·Q₃).</item>
/// </list>
/// Retentions are relative: the reference cycle's capacity is the model's own, so the target of cycle N is retention × the
/// model's reference capacity, iterated to a fixed point (twice is enough: the reference hardly moves).
/// </summary>
public static class SeedCellFits
{
    public const string SnHalfCycling = "(Discharge at 0.1C until 0.01 V; Charge at 0.1C until 2.0 V) x 2; (Discharge at 0.2C until 0.01 V; Charge at 0.2C until 2.0 V) x 50";
    public const string FullCycling = "(Charge at 0.1C until 3.3 V; Discharge at 0.1C until 1.5 V) x 2; (Charge at 0.2C until 3.3 V; Discharge at 0.2C until 1.5 V) x 50";
    public const string SnHalfFormation = "(Discharge at 0.1C until 0.01 V; Charge at 0.1C until 2.0 V) x 2";

    public static double SnSecondSodiationMAhPerG(CellParameters snHalf) =>
        CellSimulation.RunStreaming(snHalf, Protocol.Parse(SnHalfFormation), CellCalibration.DefaultOptions).Summary.Cycles.ElementAtOrDefault(1)?.DischargeSpecificCapacityMAhPerG ?? double.NaN;

    public static double FullRetention1C(CellParameters full) =>
        RateCapabilityTest.Run(CellPresets.Get("nacro2-sn-full"), full, [0.1, 1], 0.1, CellCalibration.DefaultOptions).Rows[1].RetentionVsFirst;

    /// <summary>One of the calibration's knobs (CellCalibration), by name.</summary>
    private static CellCalibration.Knob Knob(string name) => CellCalibration.TryGetKnob(name, out var k) ? k : throw new InvalidOperationException($"no knob '{name}'");

    /// <summary>Seed 004 §2: the full cell's second 0.1C cycle, energy efficiency 84.9 % at CE 95.8 %, so V̄_discharge/V̄_charge = EE/CE.</summary>
    public const double FullSecondCycleVoltageEfficiency = 0.849 / 0.958;
    public const string FullFormation = "(Charge at 0.1C until 3.3 V; Discharge at 0.1C until 1.5 V) x 2";

    /// <summary>The full cell's second-cycle energy efficiency at 0.1C; with degradation off (CE = 1) it is the voltage efficiency.</summary>
    public static double FullSecondCycleEnergyEfficiency(CellParameters full) =>
        CellSimulation.RunStreaming(full, Protocol.Parse(FullFormation), CellCalibration.DefaultOptions).Summary.Cycles.ElementAtOrDefault(1)?.EnergyEfficiency ?? double.NaN;


    /// <summary>
    /// Sn solid diffusivity and exchange current density, degradation off (kinetic limits): the Sn half cell's second-cycle
    /// 0.1C sodiation capacity 634 mAh/g, the full cell's 1C retention vs 0.1C ≈ 34 % and its second-cycle voltage efficiency
    /// EE/CE = 84.9 %/95.8 % — two parameters, three numbers from two cells.
    /// </summary>
    public static SeedFit SnTransport()
    {
        var sn = CellPresets.Get("sn-half").Cell with { Degradation = DegradationParameters.None };
        var full = CellPresets.Get("nacro2-sn-full").Cell with { Degradation = DegradationParameters.None };
        // The Sn half cell's Sn is its positive electrode, the full cell's its negative.
        var d = Knob("positive.solidDiffusivity");
        var i0 = Knob("positive.exchangeCurrentDensity");
        var dFull = Knob("negative.solidDiffusivity");
        var i0Full = Knob("negative.exchangeCurrentDensity");
        double[] Simulate(CellParameters c)
        {
            var f = i0Full.Set(dFull.Set(full, d.Get(c)), i0.Get(c));
            return [SnSecondSodiationMAhPerG(c) / 634, FullRetention1C(f) / 0.34, FullSecondCycleEnergyEfficiency(f) / FullSecondCycleVoltageEfficiency];
        }
        var fit = CellCalibration.FitLogParameters(sn, [d, i0], [d.Get(sn), i0.Get(sn)], [1, 1, 1], Simulate);
        var q = Simulate(fit.Cell);
        return new SeedFit("Sn solid diffusivity and exchange current density",
            [new("SnSolidDiffusivity", fit.Values[0], "m2/s", fit.StandardErrorLn[0]), new("SnExchangeCurrentDensity", fit.Values[1], "A/m2", fit.StandardErrorLn[1])],
            [("sn-half: 2nd-cycle 0.1C sodiation capacity (mAh/g)", 634, q[0] * 634), ("full: 1C retention vs 0.1C", 0.34, q[1] * 0.34),
             ("full: 2nd-cycle voltage efficiency at 0.1C (EE/CE)", FullSecondCycleVoltageEfficiency, q[2] * FullSecondCycleVoltageEfficiency)],
            fit.Rms, fit.Result.Converged);
    }

    /// <summary>The 5C retention vs 0.1C of a NaCrO2 half cell (0.1C charges), the quantity seed 004 gives for both cathodes.</summary>
    public static double NaCrO2Retention5C(CellPreset preset, CellParameters cell) =>
        RateCapabilityTest.Run(preset, cell, [0.1, 5], 0.1, CellCalibration.DefaultOptions).Rows[1].RetentionVsFirst;

    /// <summary>
    /// NaCrO2 solid diffusivity and the binder's coverage length δ₀, presets as they are: one D_s and one δ₀ for both seed-004
    /// cathodes (the same powder and binder) from their 5C retentions vs 0.1C, 57.5 % (95:2:3, 7.0 mg/cm²) and 67.4 % (97:1:2,
    /// 7.7 mg/cm²) — two parameters, two numbers: exactly determined, so no 1σ.
    /// </summary>
    public static SeedFit NaCrO2Diffusivity()
    {
        var p95 = CellPresets.Get("nacro2-half");
        var p97 = CellPresets.Get("nacro2-half-97");
        // The presets as they are (degradation on): the as-assembled contact f_A(P) now sets the patches' spreading resistance, so
        // the rate test the demo compares must be the one fitted (the two rate-test cycles hardly fade).
        var c95 = p95.Cell;
        var c97 = p97.Cell;
        var d = Knob("positive.solidDiffusivity");
        var delta = Knob("positive.binderCoverageLength");
        double[] Simulate(CellParameters c) =>
            [NaCrO2Retention5C(p95, c) / 0.575, NaCrO2Retention5C(p97, delta.Set(d.Set(c97, d.Get(c)), delta.Get(c))) / 0.674];
        // δ₀ starts at 50 nm (a film of that thickness would leave 1/e of the surface free) when the preset has it off.
        double delta0 = delta.Get(c95) > 0 ? delta.Get(c95) : 50e-9;
        var fit = CellCalibration.FitLogParameters(c95, [d, delta], [d.Get(c95), delta0], [1, 1], Simulate);
        var q = Simulate(fit.Cell);
        return new SeedFit("NaCrO2 solid diffusivity and binder coverage",
            [new("NaCrO2SolidDiffusivity", fit.Values[0], "m2/s", double.NaN), new("NaCrO2BinderCoverageLength", fit.Values[1], "m", double.NaN)],
            [("nacro2-half (95:2:3): 5C retention vs 0.1C", 0.575, q[0] * 0.575), ("nacro2-half-97 (97:1:2): 5C retention vs 0.1C", 0.674, q[1] * 0.674)], fit.Rms, fit.Result.Converged);
    }

    public static SeedFit SnFormation()
    {
        var sn = CellPresets.Get("sn-half").Cell with { Degradation = CellPresets.SnHalfDegradation() with { ContactLossPerCycleAtReference = 0 } };
        var knobs = new[]
        {
            new CellCalibration.Knob("1", c => c.Degradation.SideReactionInitialFraction, (c, v) => c with { Degradation = c.Degradation with { SideReactionInitialFraction = v } }, 0.999),
            new CellCalibration.Knob("theoretical capacities", c => c.Degradation.SideReactionDecayCapacities, (c, v) => c with { Degradation = c.Degradation with { SideReactionDecayCapacities = v } }),
        };
        double[] Simulate(CellParameters c)
        {
            var cycles = CellSimulation.RunStreaming(c, Protocol.Parse(SnHalfFormation), CellCalibration.DefaultOptions).Summary.Cycles;
            return [cycles[0].CoulombicEfficiency ?? double.NaN, cycles[1].CoulombicEfficiency ?? double.NaN];
        }
        // A mechanism the preset has switched off (s₀ = 0) starts from 0.05 and 1 capacity, as `cell calibrate --cycles` does for off knobs.
        var fit = CellCalibration.FitLogParameters(sn, knobs, [Math.Max(knobs[0].Get(sn), 0.05), Math.Max(knobs[1].Get(sn), 1)], [0.843, 0.970], Simulate);
        var q = Simulate(fit.Cell);
        return new SeedFit("Sn interphase formation", [new("sideReactionInitialFraction", fit.Values[0], "1", double.NaN), new("sideReactionDecay", fit.Values[1], "theoretical capacities", double.NaN)],
            [("sn-half: CE cycle 1", 0.843, q[0]), ("sn-half: CE cycle 2", 0.970, q[1])], fit.Rms, fit.Result.Converged);
    }

    /// <summary>A retention fit with `cell calibrate --cycles` (CycleCalibration): reference cycle and cycle N, optional extra absolute points.</summary>
    private static (CycleCalibrationResult Fit, double Reference) Retention(CellParameters cell, string protocol, int reference, int cycle, double retention, string parameter,
        IReadOnlyList<MeasuredCycle>? extra = null)
    {
        var p = Protocol.Parse(protocol);
        double Q(CellParameters c) => CellSimulation.RunStreaming(c, p, CellCalibration.DefaultOptions).Summary.Cycles.ElementAtOrDefault(reference - 1)?.DischargeSpecificCapacityMAhPerG ?? double.NaN;
        double q = Q(cell);
        CycleCalibrationResult? fit = null;
        for (int iteration = 0; iteration < 2; iteration++)
        {
            var measured = (extra ?? []).Append(new MeasuredCycle(cycle, retention * q)).OrderBy(m => m.Cycle).ToList();
            if (measured.Count < 2) measured.Insert(0, new MeasuredCycle(reference, q));
            fit = CycleCalibration.Fit(iteration == 0 ? cell : fit!.Cell, p, measured, [parameter]);
            q = Q(fit.Cell);
        }
        return (fit!, q);
    }

    public static SeedFit SnContactLoss()
    {
        var sn = CellPresets.Get("sn-half").Cell;
        var (fit, q3) = Retention(sn, SnHalfCycling, 3, 52, 0.921, "degradation.contactLossPerCycle");
        double last = fit.FittedDischargeCapacityMAhPerG[^1];
        return new SeedFit("Sn particle isolation", fit.Parameters, [("sn-half: retention after 50 cycles at 0.2C", 0.921, last / q3)], fit.RmsMAhPerG, fit.Converged);
    }

    public static SeedFit FullGrowth()
    {
        var full = CellPresets.Get("nacro2-sn-full").Cell;
        var (fit, q3) = Retention(full, FullCycling, 3, 52, 0.474, "degradation.sideReactionGrowth");
        return new SeedFit("Sn continued interphase growth", fit.Parameters,
            [("full: retention after 50 cycles at 0.2C", 0.474, fit.FittedDischargeCapacityMAhPerG[^1] / q3)], fit.RmsMAhPerG, fit.Converged);
    }
}
