using Borolyte.Cells.Protocols;

namespace Borolyte.Cells.Simulation;

/// <summary>
/// The Na3(VOPO4)2F cathode of <c>nvopf-ncb-na</c>: what is CALIBRATED on the numbers of Asakura et al., Energy Environ. Sci. 13 (2020)
/// 5048 (the review's ref. 54, full text), the rest of the cell being built as that paper states it (<see cref="ReviewCellPresets.NvopfNcbNa"/>).
/// One fit (<see cref="Fit"/>, the library's Levenberg–Marquardt on ln p): D_s and the fraction of particles connected at assembly on the
/// discharge capacities at C/10, C/5 and 1C, and the passivating oxidation (s₀, its decay q_ox) on the first two Coulombic efficiencies —
/// four parameters, five numbers. D_s's activation energy is fitted on the 1C capacity at 60 °C (<see cref="FitDiffusivityActivationEnergy"/>),
/// the contact-loss rate on the 800-cycle retention (<see cref="FitContactLoss"/>, stored in <see cref="ReviewCellPresets.RetentionCalibrations"/>).
/// </summary>
public static class NvopfCalibration
{
    /// <summary>The paper's formation and long-term test: "galvanostatic charge-discharge measurements were performed at C/5 (32.2 µA cm−2) following two formation cycles at C/10".</summary>
    public const string LongCycling = "(Charge at C/10 until 4.15 V; Discharge at C/10 until 2.5 V) x 2; (Charge at C/5 until 4.15 V; Discharge at C/5 until 2.5 V) x 800";
    /// <summary>The first three cycles of <see cref="LongCycling"/>: C/10 capacity and both CEs (cycles 1, 2) and the initial C/5 capacity (cycle 3).</summary>
    public const string Formation = "(Charge at C/10 until 4.15 V; Discharge at C/10 until 2.5 V) x 2; Charge at C/5 until 4.15 V; Discharge at C/5 until 2.5 V";
    /// <summary>
    /// The rate test "cycled galvanostatically from C/10 to 1C" (and to 5C in the pressure cell), read as two cycles at <paramref name="rate"/>
    /// after the two C/10 formation cycles (the paper shows "the second cycle at each C-rate": cycle 4).
    /// </summary>
    public static string RateTest(string rate) =>
        $"(Charge at C/10 until 4.15 V; Discharge at C/10 until 2.5 V) x 2; (Charge at {rate} until 4.15 V; Discharge at {rate} until 2.5 V) x 2";
    /// <summary>The rate test at 1C (<see cref="RateTest"/>).</summary>
    public static string OneC { get; } = RateTest("1C");

    public const double SolidDiffusivityM2PerS = 1.387e-15, SolidDiffusivityStandardErrorLn = 0.045;
    public const double ConnectedParticleFraction = 0.827, ConnectedParticleFractionStandardErrorLn = 0.0093;
    /// <summary>Eₐ of D_s (about 25 °C), eV: <see cref="FitDiffusivityActivationEnergy"/> on the 1C capacity at 60 °C.</summary>
    public const double SolidDiffusivityActivationEnergyEv = 0.157;
    public const double OxidationInitialFraction = 0.143, OxidationInitialFractionStandardErrorLn = 0.35;
    public const double OxidationDecayCapacities = 0.533, OxidationDecayStandardErrorLn = 0.49;

    public const string DiffusivitySource = "CALIBRATED 1.39e-15 m²/s (1σ ×/÷ 1.05), jointly with the connected fraction and the oxidation (NvopfCalibration.Fit: four parameters, five numbers), " +
        "on Asakura et al. 2020: 104, 99 and 74 mA h g−1 at C/10 (cycle 1), C/5 (cycle 3) and 1C (fit 103.2, 99.8, 73.9); it belongs to the 3 µm radius. " +
        "Literature for the related Na3V2(PO4)2F3: apparent D 1e-9–1e-11 cm²/s (arXiv 2505.02201; Abraham et al., Int. J. Mol. Sci. 22 (2021) 12045): the fit, 1.4e-11 cm²/s, lies at that range's low end";
    public const string ActivationEnergySource = "CALIBRATED 0.157 eV (NvopfCalibration.FitDiffusivityActivationEnergy, one parameter on one number) on Asakura et al. 2020: " +
        "'At an elevated temperature of 60 °C, the cells show improved rate performance (89 mA h g−1 at 1C)'; the paper assigns the 1C loss to 'long diffusion pathways in Na3(VOPO4)2F', " +
        "as the model does (its electrolyte drop at 1C is ≈ 8 mV); i₀ and the electrolyte's assumed 0.34 eV are kept";
    public const string ConnectedSource = "CALIBRATED 0.827 (1σ ×/÷ 1.009) with D_s on the same capacities: 17 % of the particles isolated from assembly in the spring-loaded (< 0.2 MPa) cell " +
        "(the rate-independent part of the loss; the paper: 'Loss of contact between SE and Na3(VOPO4)2F particles … cannot be excluded'); its 3.2 MPa cell reaches 90 % ('117 mA h g−1' at 8.0 mg cm−2), " +
        "a pressure dependence the model does not have";
    public const string OxidationSource = "CALIBRATED s₀ = 0.143, q_ox = 0.533 nominal capacities (1σ ×/÷ 1.42 and 1.63, correlated; NvopfCalibration.Fit) on Asakura et al. 2020: CE 91.4 % and 98.5 % " +
        "in the first two C/10 cycles ('due to the in situ formation of the passivation layer'; fit 91.40 %, 98.49 %), above the 3.45 V onset of [B12H12]2− oxidation";

    /// <summary>D_s, the connected fraction, s₀ and q_ox of the preset fitted together to the five published numbers; targets are ratios to the published values.</summary>
    public static SeedFit Fit()
    {
        var cell = CellPresets.Get("nvopf-ncb-na").Cell;
        var d = SeedCellFits.Knob("positive.solidDiffusivity");
        var f = SeedCellFits.Knob("degradation.connectedParticleFraction");
        var s0 = SeedCellFits.Knob("degradation.oxidationInitialFraction");
        var qd = SeedCellFits.Knob("degradation.oxidationDecay");
        var fit = CellCalibration.FitLogParameters(cell, [d, f, s0, qd], [d.Get(cell), f.Get(cell), s0.Get(cell), qd.Get(cell)], [1, 1, 1, 1, 1], c => Ratios(Simulate(c)));
        var q = Simulate(fit.Cell);
        return new SeedFit("NVOPF solid diffusivity and passivating oxidation",
            [new("NvopfSolidDiffusivity", fit.Values[0], "m2/s", fit.StandardErrorLn[0]), new("connectedParticleFraction", fit.Values[1], "1", fit.StandardErrorLn[1]),
             new("oxidationInitialFraction", fit.Values[2], "1", fit.StandardErrorLn[2]), new("oxidationDecay", fit.Values[3], "nominal capacities", fit.StandardErrorLn[3])],
            [("C/10 discharge, cycle 1 (mAh/g)", ReviewCellPresets.PublishedNvopfDischargeC10MAhPerG, q[0]),
             ("C/5 discharge, cycle 3 (mAh/g)", ReviewCellPresets.PublishedNvopfDischargeC5MAhPerG, q[1]),
             ("1C discharge, 2nd 1C cycle (mAh/g)", ReviewCellPresets.PublishedNvopfDischarge1CMAhPerG, q[2]),
             ("CE cycle 1", ReviewCellPresets.PublishedNvopfFirstCycleCe, q[3]), ("CE cycle 2", ReviewCellPresets.PublishedNvopfSecondCycleCe, q[4])],
            fit.Rms, fit.Result.Converged);
    }

    /// <summary>
    /// λ of the contact-loss law on the 800-cycle retention 78/99 (cycle 802 over cycle 3 of <see cref="LongCycling"/>), the other parameters
    /// as stored: one parameter, one number, fitted as the ratio (stored in <see cref="ReviewCellPresets.RetentionCalibrations"/>).
    /// </summary>
    public static SeedFit FitContactLoss()
    {
        var cell = CellPresets.Get("nvopf-ncb-na").Cell;
        var lambda = SeedCellFits.Knob("degradation.contactLossPerCycle");
        double Retention(CellParameters c)
        {
            var q = SeedCellFits.DischargeCapacities(c, LongCycling);
            return q(802) / q(3);
        }
        const double published = 78.0 / 99.0;
        var fit = CellCalibration.FitLogParameters(cell, [lambda], [lambda.Get(cell)], [1], c => [Retention(c) / published]);
        return new SeedFit("NVOPF contact loss", [new("contactLossPerCycle", fit.Values[0], "1/cycle", double.NaN)],
            [("retention after 800 cycles at C/5 vs cycle 3", published, Retention(fit.Cell))], fit.Rms, fit.Result.Converged);
    }

    /// <summary>The 1C capacity at 60 °C (the second 1C cycle of <see cref="OneC"/>) of the preset with D_s's activation energy <paramref name="ev"/>.</summary>
    public static double OneCAt60C(double ev)
    {
        var preset = CellPresets.Get("nvopf-ncb-na");
        var cell = preset with { Cell = preset.Cell with { Positive = (CompositeElectrodeParameters)preset.Cell.Positive with { SolidDiffusivityActivationEnergyEv = ev } } };
        return SeedCellFits.DischargeCapacities(cell.AtTemperature(333.15), OneC)(4);
    }

    /// <summary>Eₐ of D_s by bisection on 0–0.6 eV (the 1C capacity rises with Eₐ at 60 °C) until it gives the published 89 mAh/g to 10⁻⁴ eV.</summary>
    public static double FitDiffusivityActivationEnergy()
    {
        double lo = 0, hi = 0.6;
        while (hi - lo > 1e-4)
        {
            double mid = 0.5 * (lo + hi);
            if (OneCAt60C(mid) < ReviewCellPresets.PublishedNvopf1CAt60CMAhPerG) lo = mid; else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    private static double[] Ratios(double[] q) =>
        [q[0] / ReviewCellPresets.PublishedNvopfDischargeC10MAhPerG, q[1] / ReviewCellPresets.PublishedNvopfDischargeC5MAhPerG,
         q[2] / ReviewCellPresets.PublishedNvopfDischarge1CMAhPerG, q[3] / ReviewCellPresets.PublishedNvopfFirstCycleCe, q[4] / ReviewCellPresets.PublishedNvopfSecondCycleCe];

    /// <summary>
    /// The five simulated numbers: C/10 (cycle 1), C/5 (cycle 3) and 1C (cycle 4) discharge capacities in mAh/g, and the CEs of cycles 1 and 2.
    /// Two runs, as the paper has two tests: the long-term test's start (<see cref="Formation"/>: its C/5 cycle follows the formation) and the
    /// rate test (<see cref="OneC"/>: 1C after the formation). Both begin with the same two C/10 cycles, which are simulated twice.
    /// </summary>
    public static double[] Simulate(CellParameters cell)
    {
        var formation = CellSimulation.RunStreaming(cell, Protocol.Parse(Formation), CellCalibration.DefaultOptions).Summary.Cycles;
        double Q(int n) => formation.ElementAtOrDefault(n - 1)?.DischargeSpecificCapacityMAhPerG ?? double.NaN;
        return [Q(1), Q(3), SeedCellFits.DischargeCapacities(cell, OneC)(4),
                formation.ElementAtOrDefault(0)?.CoulombicEfficiency ?? double.NaN, formation.ElementAtOrDefault(1)?.CoulombicEfficiency ?? double.NaN];
    }
}
