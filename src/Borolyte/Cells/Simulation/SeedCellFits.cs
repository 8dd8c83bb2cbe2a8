using Borolyte.Cells.Protocols;

namespace Borolyte.Cells.Simulation;

/// <summary>One re-runnable calibration of a seed-004 preset: the fitted values, their 1σ in ln p, what they were fitted to, and the fit's rms.</summary>
public sealed record SeedFit(string Name, IReadOnlyList<FittedParameter> Parameters, IReadOnlyList<(string Quantity, double Published, double Fitted)> Targets, double Rms, bool Converged);

/// <summary>
/// The fits behind <see cref="SnCalibration"/> and <see cref="NaCrO2Calibration"/>, each with the library's own
/// Levenberg–Marquardt on ln p (<see cref="CellCalibration"/>) against numbers of seed 004 §2, the presets as they are:
/// <list type="number">
/// <item>Sn solid diffusivity and exchange current density: the Sn half cell's second-cycle 0.1C sodiation ("discharge")
/// capacity, 634 mAh/g, its 92.1 % of the first 0.2C sodiation after 50 cycles at 0.2C, and the full cell's second-cycle
/// voltage efficiency EE/CE = 84.9 %/95.8 % — two parameters, three numbers from two cells.</item>
/// <item>First-sodiation interphase s₀ at Sn (q_d assumed): the Sn half cell's first-cycle CE 84.3 %.</item>
/// <item>Continued growth B: the full cell's 47.4 % of the first 0.2C discharge after 50 cycles at 0.2C (two 0.1C cycles first).</item>
/// <item>NaCrO2 solid diffusivity and PVDF coverage length: both cathodes' 5C retention vs 0.1C (57.5 %, 67.4 %).</item>
/// <item>NaCrO2 contact loss at 70 MPa and its pressure exponent: 95.6 % and 85.9 % after 100 cycles at 0.5C (70, 3 MPa; Fig. 3f).</item>
/// <item>NaCrO2 electrolyte oxidation s₀ and q_d: the half cell's CE 95.2 % and 99.0 % in its first two 0.1C cycles.</item>
/// </list>
/// Each runs with the others' stored values, so the stored set is their fixed point (found by re-running them in turn).
/// Retentions are ratios of the model's own capacities, fitted as ratios.
/// The full cell's 1C retention ≈ 34 % (seed Fig. S5a, whose cycles per rate the text does not give) is not fitted: it is a
/// prediction (<see cref="FullSteppedRateTest"/>).
/// </summary>
public static class SeedCellFits
{
    public const string SnHalfCycling = "(Discharge at 0.1C until 0.01 V; Charge at 0.1C until 2.0 V) x 2; (Discharge at 0.2C until 0.01 V; Charge at 0.2C until 2.0 V) x 50";
    public const string FullCycling = "(Charge at 0.1C until 3.3 V; Discharge at 0.1C until 1.5 V) x 2; (Charge at 0.2C until 3.3 V; Discharge at 0.2C until 1.5 V) x 50";
    public const string SnHalfFormation = "(Discharge at 0.1C until 0.01 V; Charge at 0.1C until 2.0 V) x 2";

    /// <summary>The discharge capacity (mAh/g) of each cycle of a streamed run of <paramref name="protocol"/>, by cycle number (NaN past the run's end).</summary>
    internal static Func<int, double> DischargeCapacities(CellParameters cell, string protocol)
    {
        var cycles = CellSimulation.RunStreaming(cell, Protocol.Parse(protocol), CellCalibration.DefaultOptions).Summary.Cycles;
        return cycle => cycles.ElementAtOrDefault(cycle - 1)?.DischargeSpecificCapacityMAhPerG ?? double.NaN;
    }

    /// <summary>One of the calibrations' knobs (CycleCalibration's degradation parameters, CellCalibration's), by name.</summary>
    internal static CellCalibration.Knob Knob(string name) => CycleCalibration.TryGetKnob(name, out var k) ? k : throw new InvalidOperationException($"no knob '{name}'");

    /// <summary>Seed 004 §2: the full cell's second 0.1C cycle, energy efficiency 84.9 % at CE 95.8 %, so V̄_discharge/V̄_charge = EE/CE.</summary>
    public const double FullSecondCycleVoltageEfficiency = 0.849 / 0.958;
    public const string FullFormation = "(Charge at 0.1C until 3.3 V; Discharge at 0.1C until 1.5 V) x 2";

    /// <summary>The full cell's second-cycle voltage efficiency at 0.1C, EE/CE = V̄_discharge/V̄_charge (its CE below 1 divided out).</summary>
    public static double FullSecondCycleVoltageEfficiencyOf(CellParameters full)
    {
        var c = CellSimulation.RunStreaming(full, Protocol.Parse(FullFormation), CellCalibration.DefaultOptions).Summary.Cycles.ElementAtOrDefault(1);
        return (c?.EnergyEfficiency ?? double.NaN) / (c?.CoulombicEfficiency ?? double.NaN);
    }

    /// <summary>
    /// Sn solid diffusivity and exchange current density, presets as they are (degradation on): the Sn half cell's second-cycle
    /// 0.1C sodiation capacity 634 mAh/g and its 92.1 % of the first 0.2C sodiation after 50 cycles at 0.2C (one run of
    /// <see cref="SnHalfCycling"/>), and the full cell's second-cycle voltage efficiency EE/CE = 84.9 %/95.8 % — two parameters,
    /// three numbers from two cells, each with its test fully stated in the seed's text.
    /// </summary>
    public static SeedFit SnTransport()
    {
        var sn = CellPresets.Get("sn-half").Cell;
        var full = CellPresets.Get("nacro2-sn-full").Cell;
        // The Sn half cell's Sn is its positive electrode, the full cell's its negative.
        var d = Knob("positive.solidDiffusivity");
        var i0 = Knob("positive.exchangeCurrentDensity");
        var dFull = Knob("negative.solidDiffusivity");
        var i0Full = Knob("negative.exchangeCurrentDensity");
        double[] Simulate(CellParameters c)
        {
            var half = SnHalfCyclingRun(c);
            var f = i0Full.Set(dFull.Set(full, d.Get(c)), i0.Get(c));
            return [half.SecondSodiationMAhPerG / 634, half.Retention / 0.921, FullSecondCycleVoltageEfficiencyOf(f) / FullSecondCycleVoltageEfficiency];
        }
        var fit = CellCalibration.FitLogParameters(sn, [d, i0], [d.Get(sn), i0.Get(sn)], [1, 1, 1], Simulate);
        var q = Simulate(fit.Cell);
        return new SeedFit("Sn solid diffusivity and exchange current density",
            [new("SnSolidDiffusivity", fit.Values[0], "m2/s", fit.StandardErrorLn[0]), new("SnExchangeCurrentDensity", fit.Values[1], "A/m2", fit.StandardErrorLn[1])],
            [("sn-half: 2nd-cycle 0.1C sodiation capacity (mAh/g)", 634, q[0] * 634), ("sn-half: retention after 50 cycles at 0.2C", 0.921, q[1] * 0.921),
             ("full: 2nd-cycle voltage efficiency at 0.1C (EE/CE)", FullSecondCycleVoltageEfficiency, q[2] * FullSecondCycleVoltageEfficiency)],
            fit.Rms, fit.Result.Converged);
    }

    /// <summary>Seed 004 Fig. 3f's cycling: two 0.1C cycles, then 0.5C; retention after 100 cycles at 0.5C vs the first 0.5C cycle (cycle 103 vs 3).</summary>
    public const string NaCrO2PressureCycling = "(Charge at 0.1C until 3.35 V; Discharge at 0.1C until 2.1 V) x 2; (Charge at 0.5C until 3.35 V; Discharge at 0.5C until 2.1 V) x 101";

    /// <summary>nacro2-half's retention after 100 cycles at 0.5C (<see cref="NaCrO2PressureCycling"/>) at a stack pressure, MPa.</summary>
    public static double NaCrO2Retention100Cycles(CellParameters half, double pressureMPa)
    {
        var q = DischargeCapacities(half with { Degradation = half.Degradation with { StackPressureMPa = pressureMPa } }, NaCrO2PressureCycling);
        return q(103) / q(3);
    }

    /// <summary>
    /// NaCrO2's contact-loss rate at 70 MPa and its pressure exponent (λ(P) = λ₇₀·(70/P)^m) on seed 004 Fig. 3f: 95.6 % at 70 MPa and
    /// 85.9 % at 3 MPa after 100 cycles at 0.5C — two parameters, two numbers, exactly determined; simulated, not the closed form
    /// f = exp(−λN) (which the capacity's other losses and the stoichiometry window make approximate), which is the start.
    /// </summary>
    public static SeedFit NaCrO2ContactLoss()
    {
        var half = CellPresets.Get("nacro2-half").Cell;
        var lambda = new CellCalibration.Knob("1/cycle", c => c.Degradation.ContactLossPerCycleAtReference,
            (c, v) => c with { Degradation = c.Degradation with { ContactLossPerCycleAtReference = v } }, 0.5);
        var exponent = new CellCalibration.Knob("1", c => c.Degradation.ContactLossPressureExponent,
            (c, v) => c with { Degradation = c.Degradation with { ContactLossPressureExponent = v } });
        double[] Simulate(CellParameters c) => [NaCrO2Retention100Cycles(c, 70) / 0.956, NaCrO2Retention100Cycles(c, 3) / 0.859];
        double lambda0 = CellPresets.ContactLossRate(0.956, 100);
        double m0 = Math.Log(CellPresets.ContactLossRate(0.859, 100) / lambda0) / Math.Log(70.0 / 3.0);
        var fit = CellCalibration.FitLogParameters(half, [lambda, exponent], [lambda0, m0], [1, 1], Simulate);
        var q = Simulate(fit.Cell);
        return new SeedFit("NaCrO2 contact loss and its pressure exponent",
            [new("contactLossPerCycleAt70MPa", fit.Values[0], "1/cycle", double.NaN), new("contactLossPressureExponent", fit.Values[1], "1", double.NaN)],
            [("nacro2-half: retention after 100 cycles at 0.5C, 70 MPa", 0.956, q[0] * 0.956), ("the same at 3 MPa", 0.859, q[1] * 0.859)], fit.Rms, fit.Result.Converged);
    }

    /// <summary>nacro2-half's first two 0.1C cycles (seed 004 §2: CE 95.2 % then 99.0 %).</summary>
    public const string NaCrO2Formation = "(Charge at 0.1C until 3.35 V; Discharge at 0.1C until 2.1 V) x 2";

    /// <summary>
    /// The passivating electrolyte oxidation above 3.0 V at NaCrO2 (s₀·exp(−q/q_d), attributed to oxidation: ASSUMED) on the half cell's
    /// CE 95.2 % and 99.0 % in its first two 0.1C cycles: two parameters, two numbers, simulated, from the closed form
    /// (<see cref="CellPresets.DecayingFraction"/> with <see cref="CellPresets.OxidationSpans"/>) as the start.
    /// </summary>
    public static SeedFit NaCrO2Oxidation()
    {
        var half = CellPresets.Get("nacro2-half").Cell;
        var s0 = Knob("degradation.oxidationInitialFraction");
        var qd = Knob("degradation.oxidationDecay");
        double[] Simulate(CellParameters c)
        {
            var cycles = CellSimulation.RunStreaming(c, Protocol.Parse(NaCrO2Formation), CellCalibration.DefaultOptions).Summary.Cycles;
            return [(cycles.ElementAtOrDefault(0)?.CoulombicEfficiency ?? double.NaN) / 0.952, (cycles.ElementAtOrDefault(1)?.CoulombicEfficiency ?? double.NaN) / 0.990];
        }
        var start = CellPresets.DecayingFraction(0.952, 0.990, CellPresets.OxidationSpans.AboveLimit, CellPresets.OxidationSpans.Charged);
        var fit = CellCalibration.FitLogParameters(half, [s0, qd], [start.InitialFraction, start.DecayCapacities], [1, 1], Simulate);
        var q = Simulate(fit.Cell);
        return new SeedFit("NaCrO2 electrolyte oxidation",
            [new("oxidationInitialFraction", fit.Values[0], "1", double.NaN), new("oxidationDecay", fit.Values[1], "nominal capacities", double.NaN)],
            [("nacro2-half: CE cycle 1", 0.952, q[0] * 0.952), ("nacro2-half: CE cycle 2", 0.990, q[1] * 0.990)], fit.Rms, fit.Result.Converged);
    }

    /// <summary>
    /// A stepped rate test of the full cell as seed 004 Fig. S5a describes it ("at 1C (constant charge of 0.1C) with respect to the
    /// initial discharge capacity at 0.1C"): <paramref name="cyclesPerRate"/> cycles at each of 0.1C, 0.2C, 0.5C and 1C discharge, every
    /// charge at 0.1C. The number of cycles per rate is not in the text.
    /// </summary>
    public static string FullSteppedRateTest(int cyclesPerRate) =>
        RateCapabilityTest.ProtocolText([0.1, 0.2, 0.5, 1], 1.5, 3.3, chargeCRate: 0.1, anode: false, cyclesPerRate);

    /// <summary>The first 1C discharge of <see cref="FullSteppedRateTest"/> over its first (0.1C) discharge.</summary>
    public static double FullSteppedRetention1C(CellParameters full, int cyclesPerRate)
    {
        var q = DischargeCapacities(full, FullSteppedRateTest(cyclesPerRate));
        return q(3 * cyclesPerRate + 1) / q(1);
    }

    /// <summary>The Sn half cell's <see cref="SnHalfCycling"/>: cycle 2's sodiation capacity and cycle 52's over cycle 3's (the first at 0.2C).</summary>
    public static (double SecondSodiationMAhPerG, double Retention) SnHalfCyclingRun(CellParameters snHalf)
    {
        var q = DischargeCapacities(snHalf, SnHalfCycling);
        return (q(2), q(52) / q(3));
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

    /// <summary>
    /// A first-sodiation interphase s₀·exp(−q/q_d) at Sn on the Sn half cell's CE 84.3 % in cycle 1 at 0.1C, presets as they are
    /// (the √q growth and the transport fitted beside it). Only its charge s₀·q_d is identifiable when it forms within the
    /// first sodiation, so q_d stays at the preset's ASSUMED value and s₀ is fitted: one number, one parameter. Cycle 2's CE
    /// (97.0 %) is returned as a prediction.
    /// </summary>
    public static SeedFit SnFormation()
    {
        var sn = CellPresets.Get("sn-half").Cell;
        var s0 = Knob("degradation.sideReactionInitialFraction");
        double[] Simulate(CellParameters c)
        {
            var cycles = CellSimulation.RunStreaming(c, Protocol.Parse(SnHalfFormation), CellCalibration.DefaultOptions).Summary.Cycles;
            return [cycles[0].CoulombicEfficiency ?? double.NaN, cycles[1].CoulombicEfficiency ?? double.NaN];
        }
        // Off in the preset (s₀ = 0): the fit starts from 0.05, as `cell calibrate --cycles` does for off knobs.
        var fit = CellCalibration.FitLogParameters(sn, [s0], [Math.Max(s0.Get(sn), 0.05)], [0.843], c => [Simulate(c)[0]]);
        var q = Simulate(fit.Cell);
        return new SeedFit("Sn interphase formation", [new("sideReactionInitialFraction", fit.Values[0], "1", double.NaN)],
            [("sn-half: CE cycle 1", 0.843, q[0]), ("sn-half: CE cycle 2 (prediction)", 0.970, q[1])], fit.Rms, fit.Result.Converged);
    }

    /// <summary>cycle 52's discharge capacity over cycle 3's (the first at 0.2C) in the full cell's <see cref="FullCycling"/>.</summary>
    public static double FullRetention50Cycles(CellParameters full)
    {
        var q = DischargeCapacities(full, FullCycling);
        return q(52) / q(3);
    }

    /// <summary>
    /// B of the √q growth on the full cell's 47.4 % of its first 0.2C discharge after 50 cycles at 0.2C: one parameter, one
    /// number, fitted as the ratio itself (a fit to the two capacities would trade the ratio against the reference cycle's
    /// capacity, which B moves too).
    /// </summary>
    public static SeedFit FullGrowth()
    {
        var full = CellPresets.Get("nacro2-sn-full").Cell;
        var b = Knob("degradation.sideReactionGrowth");
        var fit = CellCalibration.FitLogParameters(full, [b], [b.Get(full)], [1], c => [FullRetention50Cycles(c) / 0.474]);
        return new SeedFit("Sn continued interphase growth", [new("sideReactionGrowth", fit.Values[0], "sqrt(theoretical capacities)", double.NaN)],
            [("full: retention after 50 cycles at 0.2C", 0.474, FullRetention50Cycles(fit.Cell))], fit.Rms, fit.Result.Converged);
    }
}
