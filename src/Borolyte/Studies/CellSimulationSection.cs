using System.Globalization;
using Borolyte.Cells.Protocols;
using Borolyte.Cells.Simulation;
using Borolyte.Reporting;
using static Borolyte.Studies.StudyFormat;

namespace Borolyte.Studies;

/// <summary>
/// The headline numbers of the cell-simulation section, as simulated (the published counterparts are the
/// <c>Published…</c> constants of <see cref="CellSimulationSection"/>). Retentions and efficiencies are fractions.
/// </summary>
/// <param name="HalfCellFirstDischargeCapacityMAhPerG">nacro2-half, first discharge at 0.1C (mAh/g NaCrO2).</param>
/// <param name="HalfCellFirstCoulombicEfficiency">nacro2-half, CE of its first cycle.</param>
/// <param name="HalfCell5CRetention">nacro2-half (95:2:3), 5C discharge capacity / 0.1C.</param>
/// <param name="HalfCell97Of5CRetention">nacro2-half-97 (97:1:2), 5C discharge capacity / 0.1C.</param>
/// <param name="Retention100CyclesAt70MPa">nacro2-half after 100 cycles at 0.5C and 70 MPa, vs the first 0.5C cycle.</param>
/// <param name="Retention100CyclesAt3MPa">The same at 3 MPa.</param>
/// <param name="FullCellFirstDischargeCapacityMAhPerG">nacro2-sn-full, first discharge at 0.1C (mAh/g NaCrO2).</param>
/// <param name="FullCellRetention50Cycles">nacro2-sn-full after 50 cycles at 0.2C, vs the first 0.2C cycle.</param>
public sealed record CellSimulationDemoResult(
    double HalfCellFirstDischargeCapacityMAhPerG, double? HalfCellFirstCoulombicEfficiency, double HalfCell5CRetention, double HalfCell97Of5CRetention,
    double Retention100CyclesAt70MPa, double Retention100CyclesAt3MPa, double? FullCellFirstDischargeCapacityMAhPerG, double FullCellRetention50Cycles);

/// <summary>
/// The cell-simulation part of `./borolyte demo` (issue 5 §4): voltage profiles of the nacro2-half preset at 0.1C–5C,
/// the rate capability of both NaCrO2 half cells, the Sn half cell and the full cell with its three-electrode view, each
/// next to seed 004's published numbers, with the misses stated; the retention at 70 and 3 MPa and the full cell's fading as
/// plots; the Sn calibration (<see cref="SnCalibration"/>) with its uncertainties.
/// </summary>
public static class CellSimulationSection
{
    public static readonly double[] CRates = [0.1, 0.5, 1, 2, 5];

    /// <summary>Seed 004 §2: 5C discharge capacity retained vs 0.1C: 57.5 % (95:2:3) and 67.4 % (97:1:2).</summary>
    public static readonly IReadOnlyDictionary<string, double> Published5CRetention = new Dictionary<string, double>
    {
        ["nacro2-half"] = 0.575, ["nacro2-half-97"] = 0.674,
    };

    /// <summary>Seed 004 §2: ≈118 mAh/g at 0.1C and a first-cycle CE of 95.2 % for the 95:2:3 half cell.</summary>
    public const double PublishedHalfCellFirstDischargeCapacityMAhPerG = 118, PublishedHalfCellFirstCoulombicEfficiency = 0.952;
    /// <summary>Seed 004 §2, Fig. 3f: 95.6 % (70 MPa) and 85.9 % (3 MPa) retained after 100 cycles at 0.5C.</summary>
    public const double PublishedRetention100CyclesAt70MPa = 0.956, PublishedRetention100CyclesAt3MPa = 0.859;
    /// <summary>Seed 004 §2: the full cell's first discharge "around 110 mA h g-1" and 47.4 % retained after 50 cycles at 0.2C (Fig. 4d).</summary>
    public const double PublishedFullCellFirstDischargeCapacityMAhPerG = 110, PublishedFullCellRetention50Cycles = 0.474;

    /// <summary>
    /// Parameters of the seed-004 presets that no seed number or literature value fixes, with the factor the demo varies them by
    /// and the rate test it reports (0.1C and a fast rate, 0.1C charges: 5C for the NaCrO2 cathode, 1C for the slow Sn anode).
    /// </summary>
    public static IReadOnlyList<(string Preset, string Parameter, double Factor, double FastCRate, string Note)> AssumedParameters { get; } =
    [
        ("nacro2-half", "positive.exchangeCurrentDensity", 10, 5, "its 24.3 Ω cm² charge-transfer resistance matches Bay et al. 2022's 25 Ω cm² for NaCrO2 | Na4(B12H12)(B10H10), whose electrode differs; not identifiable from seed 004's numbers"),
        ("nacro2-half", "positive.particleRadiusAtFixedDiffusionTime", 2, 5, "seed: '< 100 µm' sieved powder only; the calibrated D_s keeps R²/D_s; R also sets the kinetic surface 3ε/R and the binder film v_b·R/3"),
        ("nacro2-half", "positive.contactPatchRadius", 2, 5, "no measured size of the contact patches; the calibrated δ₀ belongs to 0.5 µm"),
        ("nacro2-half", "positive.electronicConductivity", 10, 5, "no measured value for the 2–5 wt% Super P composites"),
        ("nacro2-half", "negative.exchangeCurrentDensity", 10, 5, "Na–Sn counter electrode: no seed value; the Na | Na4(B12H12)(B10H10) bound of the symmetric cell (Duchêne et al. 2017) as an analogue"),
        ("sn-half", "positive.electronicConductivity", 10, 1, "no measured value for the 90:5:5 Sn composite"),
    ];

    /// <summary>PVDF contents (wt%) of the binder what-if figure.</summary>
    public static double[] BinderWhatIfPercent { get; } = [0.5, 1, 2, 3, 4, 5];

    /// <summary>σ of ln R for the "one radius" what-if: a moderately broad powder (d90/d10 = e^(2·1.28·σ) ≈ 3.6).</summary>
    public const double SizeSpreadSigma = 0.5;

    public static IReadOnlyList<(string Preset, double FastCRate, string Note)> SizeSpreadPresets { get; } =
    [
        ("nacro2-half", 5, "seed: '< 100 µm' sieved powder; the calibrated D_s belongs to one 2 µm radius"),
        ("sn-half", 1, "seed: 'Sn metal (Sigma-Aldrich, 10 μm)', a nominal size; the calibrated D_s and i₀ belong to one 5 µm radius"),
    ];

    public static CellSimulationDemoResult AddTo(HtmlReport report)
    {
        report.AddHeading("Cell simulation");
        report.AddParagraph("P2D model with a single-ion solid electrolyte (Na4(B12H12)(B10H10), 1 mS/cm at 25 °C, Arrhenius with 0.60 eV from Duchêne et al., Chem. Mater. 2019, regime II, −50…70 °C), " +
            "30 volumes through each composite × 10 radial shells, Butler–Volmer kinetics with an interfacial resistance (D_s, i₀, R_int Arrhenius in T; " +
            "NaCrO2's activation energies from the analogous layered NaxCoO2, Sn's 0.22 eV for D_s from a DFT barrier in β-Sn and an assumed 0.3 eV for i₀), electronic conduction in the composite, a 500 µm separator and a Na–Sn counter electrode at 0.1 V (seed 004). " +
            "Geometry from the design module with seed 004's SI Table S1 (cast porosities 78.5 / 76.8 / 76.5 %, measured electrolyte 17 / 14.9 %, pressed porosities 37.7 / 29.4 % for NaCrO2 95:2:3 / 97:1:2 and Sn; Sn's pressed porosity, not in the table, 34 % assumed; ρ(NaCrO2) 4.12 g/cm³ as the SI). NaCrO2's diffusivity and its PVDF coverage are CALIBRATED on " +
            "both cathodes' 5C retention (one pair for the one powder and binder; the charge enters through contact patches, whose size is ASSUMED); its particle radius stays ASSUMED and its rate constant is checked against Bay et al. 2022's 25 Ω cm²; the table 'Assumed parameters' " +
            "shows how much the compared numbers depend on them; the Sn diffusivity and the Na loss at Sn are CALIBRATED (tables below); " +
            "the NaCrO2 and Sn open-circuit curves are approximations placed on published descriptions (data/cells/ocp/README.md), not digitised data. " +
            "Degradation: as-assembled contact area from plastic contact at the stack pressure (f = 0.9 + 0.1·P/H, H ≈ 0.33 GPa estimated from Na2B12H12's " +
            "moduli) and NaCrO2 contact loss with a pressure-dependent rate (fitted on the simulated 100-cycle runs to 95.6 % / 85.9 %), electrolyte oxidation above ~3 V " +
            "(fitted on the simulated first two 0.1C cycles to the NaCrO2 CE 95.2 % / 99.0 %), and at Sn a diffusion-limited interphase growth (lost charge ∝ √q, Pinson & Bazant 2013) that " +
            "consumes the full cell's sodium inventory — the cause of its fading the paper's three-electrode data name (seed 004 Fig. 5: the Sn anode; no " +
            "resistive interphase; NaCrO2 only cycles in a narrower range). Half-cell voltages are quoted vs Na/Na+ as in the paper (cell voltage + 0.1 V).");

        var half = CellPresets.Get("nacro2-half");
        var (rows, result) = RateCapabilityTest.Run(half, half.Cell, CRates, chargeCRate: 0.1);
        var (rows97, _) = RateCapabilityTest.Run(CellPresets.Get("nacro2-half-97"), CellPresets.Get("nacro2-half-97").Cell, CRates, chargeCRate: 0.1);

        var profiles = new PlotlyFigure("nacro2-half: simulated discharge profiles (charge at 0.1C before each)", "capacity (mAh/g NaCrO2)", "voltage vs Na/Na+ (V)")
        {
            Caption = "Seed 004 Fig. 3c shows the measured profiles of the same cell (second cycle at each rate); the figure itself is not in the seed text.",
        };
        var s = result.Series;
        double massG = half.Cell.ActiveLoadingKgPerM2 * half.Cell.AreaM2 * 1000;
        for (int k = 0; k < CRates.Length; k++)
        {
            int step = 2 * k + 2;   // steps: 1 charge, 2 discharge, 3 charge, 4 discharge, ...
            var x = new List<double>(); var y = new List<double>();
            double q = 0;
            for (int i = 1; i < s.Count; i++)
            {
                if (s.StepCount[i] != step) continue;
                q += -s.CurrentA[i] * (s.TimeS[i] - s.TimeS[i - 1]) / 3.6 / massG;
                x.Add(q); y.Add(s.VoltageV[i]);
            }
            profiles.AddTrace(new PlotlyTrace($"{Num(CRates[k], "0.#")}C", x, y) { Mode = "lines" });
        }
        report.AddFigure(profiles);

        var rate = new PlotlyFigure("Rate capability: discharge capacity retained vs 0.1C", "C-rate", "retention vs 0.1C") { XLog = true };
        rate.AddTrace(new PlotlyTrace("95:2:3, 7.0 mg/cm² (simulated)", CRates, rows.Select(r => r.RetentionVsFirst).ToArray()));
        rate.AddTrace(new PlotlyTrace("97:1:2, 7.7 mg/cm² (simulated)", CRates, rows97.Select(r => r.RetentionVsFirst).ToArray()));
        rate.AddTrace(new PlotlyTrace("seed 004, 5C (published)", [5, 5], [0.575, 0.674]) { Mode = "markers", HoverTexts = ["95:2:3: 57.5 %", "97:1:2: 67.4 %"] });
        report.AddFigure(rate);

        // The NaCrO2 solid diffusivity and binder coverage, one pair for both cathodes, re-fitted here with the current model (SeedCellFits).
        var nacro2Fit = SeedCellFits.NaCrO2Diffusivity();
        var dFit = nacro2Fit.Parameters[0];
        var deltaFit = nacro2Fit.Parameters[1];
        var c95 = (CompositeElectrodeParameters)half.Cell.Positive;
        var c97 = (CompositeElectrodeParameters)CellPresets.Get("nacro2-half-97").Cell.Positive;
        report.AddTable(new ReportTable("Calibrated: NaCrO2 solid diffusivity and PVDF coverage length, one pair for both seed-004 cathodes (same powder and binder), fitted to their 5C retention " +
            "vs 0.1C (SeedCellFits.NaCrO2Diffusivity, Levenberg–Marquardt on ln p, the presets as they are; two parameters from two numbers, exactly determined — the fit explains " +
            "the paper's binder effect, it does not test it). The binder leaves exp(−δ/δ₀) of the surface free (δ = binder volume / particle surface) and the charge enters " +
            $"through 0.5 µm contact patches (ASSUMED), whose spreading resistance makes the diffusion-limited 5C capacity depend on the contact. Preset values: D_s = {Num(NaCrO2Calibration.SolidDiffusivityM2PerS, "0.00E+0")} m²/s, " +
            $"δ₀ = {Num(NaCrO2Calibration.BinderCoverageLengthM * 1e9, "0.0")} nm. Literature for D_s of the analogous layered NaxCoO2 at 303 K: (0.7–1.9)·10⁻¹⁵ m²/s (Appl. Phys. Express 6 (2013) 097101)",
            ["Quantity", "Fitted", "Published", "Miss"],
            [
                ["D_s (m²/s)", Num(dFit.Value, "0.00E+0"), "–", "–"],
                ["δ₀, PVDF coverage length (nm)", Num(deltaFit.Value * 1e9, "0.0"), "–", "–"],
                ["surface left free by the binder, 95:2:3 / 97:1:2", $"{Pct(c95.BinderUncoveredFraction)} / {Pct(c97.BinderUncoveredFraction)}", "–", "derived (× the wetted, pressed contact 0.92)"],
                .. nacro2Fit.Targets.Select(t => (IReadOnlyList<string>)[t.Quantity, Pct(t.Fitted), Pct(t.Published), Miss(t.Fitted, t.Published)]),
            ]));

        // What the calibrated binder law predicts for other PVDF contents (3 wt% carbon, 7.0 mg/cm², 17 wt% electrolyte): an extrapolation.
        var binder = BinderWhatIfPercent.AsParallel().AsOrdered().Select(b =>
        {
            var whatIf = CellPresets.NaCrO2HalfCell($"{Num(97 - b, "0.#")}:{Num(b, "0.#")}:3", 7.0, 0.17);
            return RateCapabilityTest.Run(whatIf, whatIf.Cell, [0.1, 5], 0.1, CellCalibration.DefaultOptions).Rows[1].RetentionVsFirst;
        }).ToArray();
        var binderFigure = new PlotlyFigure("NaCrO2 half cell: 5C retention vs PVDF content (prediction of the calibrated binder law)", "PVDF (wt% of the composite)", "5C retention vs 0.1C")
        {
            Caption = "Compositions (97 − b):b:3 at 7.0 mg/cm² and 17 wt% electrolyte, built like nacro2-half; δ₀ and D_s were fitted on the two published " +
                      "points (exactly determined), so the curve between and beyond them is the law's extrapolation, with the assumed 0.5 µm patches. " +
                      "The 97:1:2 cathode also differs in carbon (2 wt%), loading (7.7 mg/cm²) and electrolyte (15 wt%). Beyond ≈ 3 wt% the law blocks most " +
                      "of the surface and the 5C capacity collapses — which the working 90:5:5 Sn composite of the same paper argues against: read the law as a " +
                      "local description between the two published points, not as a prediction for binder-rich electrodes.",
        };
        binderFigure.AddTrace(new PlotlyTrace("simulated, 3 wt% carbon", BinderWhatIfPercent, binder) { Mode = "lines+markers" });
        binderFigure.AddTrace(new PlotlyTrace("seed 004 (published)", [2, 1], [0.575, 0.674]) { Mode = "markers", HoverTexts = ["95:2:3, 7.0 mg/cm²: 57.5 %", "97:1:2, 7.7 mg/cm²: 67.4 %"] });
        report.AddFigure(binderFigure);

        // How much the compared numbers depend on the parameters that stay ASSUMED (one at a time, ÷ and × a factor).
        // One sensitivity run per preset and rate test (its baseline simulated once), rows in the table's order.
        var sensitivity = AssumedParameters.GroupBy(a => (a.Preset, a.Factor, a.FastCRate)).SelectMany(g =>
        {
            var preset = CellPresets.Get(g.Key.Preset);
            var run = ParameterSensitivity.Run(preset, preset.Cell, g.Select(a => a.Parameter).ToList(), [0.1, g.Key.FastCRate], g.Key.Factor, anode: g.Key.Preset == "sn-half");
            return run.Rows.Select(r => (Key: (g.Key.Preset, r.Parameter), Row: r, run.Base));
        }).ToDictionary(x => x.Key, x => (x.Row, x.Base));
        string Cell(IReadOnlyList<RateRow>? r, string? error) => r is null ? "failed: " + error : $"{Num(r[0].DischargeCapacityMAhPerG, "0.0")} / {Pct(r[1].RetentionVsFirst)}";
        var sensitivityRows = AssumedParameters.Select(a =>
        {
            var (row, baseline) = sensitivity[(a.Preset, a.Parameter)];
            return (IReadOnlyList<string>)[a.Preset, a.Parameter, $"{Num(row.BaseValue, "0.##E+0")} {row.Unit}", $"×/÷ {Num(a.Factor, "0")}", $"{Num(a.FastCRate, "0")}C",
                Cell(row.Low, row.LowError), Cell(baseline, null), Cell(row.High, row.HighError), a.Note];
        }).ToList();
        report.AddTable(new ReportTable("Assumed parameters: 0.1C capacity (mAh/g) / fast-rate retention vs 0.1C with each parameter divided and multiplied by a factor, " +
            "one at a time (`borolyte cell sensitivity`); published: nacro2-half ≈118 mAh/g and 57.5 % at 5C",
            ["Preset", "Parameter", "Value", "Factor", "Fast rate", "÷ factor", "Preset value", "× factor", "Why assumed"], sensitivityRows));

        // The presets' particles all have one radius (ASSUMED): the same numbers with a log-normal size distribution of the same median.
        var spreadRows = SizeSpreadPresets.AsParallel().AsOrdered().Select(x =>
        {
            var preset = CellPresets.Get(x.Preset);
            bool anode = x.Preset == "sn-half";
            var e = (CompositeElectrodeParameters)preset.Cell.Positive;
            var spread = preset.Cell with { Positive = e with { ParticleRadiusLogStandardDeviation = SizeSpreadSigma } };
            // The preset's own rate test is the sensitivity table's baseline for the same preset and rate (ParameterSensitivity: 0.1C charges, the calibration's step control).
            var one = AssumedParameters.Where(a => a.Preset == x.Preset && a.FastCRate == x.FastCRate).Select(a => sensitivity[(a.Preset, a.Parameter)].Base).FirstOrDefault()
                ?? RateCapabilityTest.Run(preset, preset.Cell, [0.1, x.FastCRate], 0.1, CellCalibration.DefaultOptions, anode).Rows;
            var many = RateCapabilityTest.Run(preset, spread, [0.1, x.FastCRate], 0.1, CellCalibration.DefaultOptions, anode).Rows;
            return (IReadOnlyList<string>)[x.Preset, $"{Num(e.ParticleRadiusM * 1e6, "0.#")} µm", $"{Num(x.FastCRate, "0")}C", Cell(one, null), Cell(many, null), x.Note];
        }).ToList();
        report.AddTable(new ReportTable($"Assumed: one particle radius. 0.1C capacity (mAh/g) / fast-rate retention with a log-normal size distribution by volume of the same median " +
            $"(σ = {Num(SizeSpreadSigma, "0.0")} of ln R, 5 classes, D_s and i₀ not re-fitted; docs/cells.md, 'Particle sizes')",
            ["Preset", "Median radius", "Fast rate", "One radius (preset)", $"σ = {Num(SizeSpreadSigma, "0.0")}", "Note"], spreadRows));

        var full = CellPresets.Get("nacro2-sn-full");
        var fullRun = CellSimulation.Run(full.Cell, Protocol.Parse("(Charge at 0.1C until 3.3 V; Discharge at 0.1C until 1.5 V) x 2"));
        var fullRate = RateCapabilityTest.Run(full, full.Cell, [0.1, 1], chargeCRate: 0.1).Rows;
        // Fig. S5a's stepped rate test with 1, 2 or 5 cycles per rate (the text does not say how many): the fade of the earlier cycles.
        int[] cyclesPerRate = [1, 2, 5];
        var stepped = cyclesPerRate.Select(n => SeedCellFits.FullSteppedRetention1C(full.Cell, n)).ToArray();
        var sn = CellPresets.Get("sn-half");
        // Seed 004 Fig. 4b's protocol (two 0.1C cycles, then 50 at 0.2C); its cycles 1–2 are also Fig. 4a's formation.
        var snRun = CellSimulation.RunStreaming(sn.Cell, Protocol.Parse(SeedCellFits.SnHalfCycling));

        var three = new PlotlyFigure("nacro2-sn-full at 0.1C: cell and electrode potentials (three-electrode view)", "time (h)", "potential (V)")
        {
            Caption = "Electrode potentials against the model's Na/Na+ reference, in the electrolyte at the NaCrO2 | separator face; V = E(NaCrO2) − E(Sn). " +
                "Seed 004's reference (Fig. 5a, §4.4) is Na on an extra electrolyte layer on the back of the NaCrO2 electrode, through a hole in its Al collector: " +
                "both measured potentials are then lower by the ionic drop across the composite (≈ j·L/(2κ_eff) ≈ 0.8 mV at 0.1C for this cathode); V is the same.",
        };
        var f = fullRun.Series;
        var hours = f.TimeS.Select(t => t / 3600).ToArray();
        three.AddTrace(new PlotlyTrace("cell voltage", hours, f.VoltageV.ToArray()) { Mode = "lines" });
        three.AddTrace(new PlotlyTrace("NaCrO2 vs Na/Na+", hours, f.PositivePotentialV.ToArray()) { Mode = "lines", Dash = "dash" });
        three.AddTrace(new PlotlyTrace("Sn vs Na/Na+", hours, f.NegativePotentialV.ToArray()) { Mode = "lines", Dash = "dot" });
        report.AddFigure(three);

        IReadOnlyList<Borolyte.Cycling.Analysis.CycleStatistics> Cycles100(double pressure)
        {
            var cell = half.Cell with { Degradation = half.Cell.Degradation with { StackPressureMPa = pressure } };
            return CellSimulation.RunStreaming(cell, Protocol.Parse(SeedCellFits.NaCrO2PressureCycling)).Summary.Cycles;
        }
        // Retention vs the first 0.5C cycle (cycle 3), as seed 004 Fig. 3f.
        static double[] Retentions(IReadOnlyList<Borolyte.Cycling.Analysis.CycleStatistics> c) =>
            c.Skip(2).Select(x => x.DischargeCapacityAh / c[2].DischargeCapacityAh).ToArray();
        var cycles70 = Cycles100(70);
        var cycles3 = Cycles100(3);
        double r70 = Retentions(cycles70)[^1], r3 = Retentions(cycles3)[^1];
        var pressure = new PlotlyFigure("nacro2-half: retention at 0.5C, 70 vs 3 MPa stack pressure", "0.5C cycle", "discharge capacity / first 0.5C cycle")
        {
            Caption = "Simulated (lines) and seed 004 Fig. 3f's published end points after 100 cycles (markers). The end points are the calibration targets " +
                      "of the contact-loss rate and its pressure exponent (agreement by construction); the shape in between, and the first cycles' nearly equal " +
                      "capacity (as-assembled contact 0.92 vs 0.90, seed Fig. 3e: 'behave very similarly'), are the model's.",
        };
        var n70 = Enumerable.Range(1, Retentions(cycles70).Length).Select(i => (double)i).ToArray();
        pressure.AddTrace(new PlotlyTrace("70 MPa (simulated)", n70, Retentions(cycles70)) { Mode = "lines" });
        pressure.AddTrace(new PlotlyTrace("3 MPa (simulated)", n70, Retentions(cycles3)) { Mode = "lines", Dash = "dash" });
        pressure.AddTrace(new PlotlyTrace("seed 004, 100 cycles (published)", [101, 101], [0.956, 0.859]) { Mode = "markers", HoverTexts = ["70 MPa: 95.6 %", "3 MPa: 85.9 %"] });
        report.AddFigure(pressure);

        var fullLongRun = CellSimulation.Run(full.Cell, Protocol.Parse(SeedCellFits.FullCycling));
        var fullLong = fullLongRun.Summary.Cycles;
        double fullRetention = fullLong[^1].DischargeCapacityAh / fullLong[2].DischargeCapacityAh;
        var fading = new PlotlyFigure("nacro2-sn-full: discharge capacity and Coulombic efficiency (0.1C × 2, then 0.2C)", "cycle", "discharge capacity (mAh/g NaCrO2)")
        {
            Y2AxisTitle = "Coulombic efficiency",
            Caption = "Seed 004 Fig. 4d: 47.4 % of the first 0.2C discharge after 50 cycles (the calibration target of the Sn interphase growth B); CE 'below 98 %' " +
                      "in the first ten cycles, then 'slowly increases to values above 99 %' (predictions here, not fitted). The fading is sodium inventory lost at Sn: " +
                      "NaCrO2 ends each discharge less sodiated (seed Fig. 5b).",
        };
        var fullN = fullLong.Select(c => (double)c.Cycle).ToArray();
        fading.AddTrace(new PlotlyTrace("discharge capacity (simulated)", fullN, fullLong.Select(c => c.DischargeSpecificCapacityMAhPerG ?? double.NaN).ToArray()) { Mode = "lines+markers" });
        fading.AddTrace(new PlotlyTrace("CE (simulated)", fullN, fullLong.Select(c => c.CoulombicEfficiency ?? double.NaN).ToArray()) { Mode = "lines", Dash = "dot", OnSecondaryYAxis = true });
        double q3 = fullLong[2].DischargeSpecificCapacityMAhPerG ?? double.NaN;
        fading.AddTrace(new PlotlyTrace("seed 004: 47.4 % of cycle 3 after 50 cycles (published)", [52], [0.474 * q3]) { Mode = "markers", HoverTexts = ["47.4 % × the simulated cycle-3 capacity"] });
        report.AddFigure(fading);

        // Seed 004 Fig. 5b: the NaCrO2 composition window narrows as sodium is lost at Sn. The end of each step (charge: odd steps,
        // discharge: even steps of the charge-first protocol) gives NaCrO2's y in NayCrO2 at the top and bottom of that cycle.
        var ls = fullLongRun.Series;
        var endOfStep = new SortedDictionary<int, double>();
        for (int i = 1; i < ls.Count; i++) endOfStep[ls.StepCount[i]] = ls.PositiveStoichiometry[i];
        var charged = endOfStep.Where(e => e.Key % 2 == 1).Select(e => e.Value).ToArray();
        var discharged = endOfStep.Where(e => e.Key % 2 == 0).Select(e => e.Value).ToArray();
        var window = new PlotlyFigure("nacro2-sn-full: NaCrO2 composition window per cycle (the simulated counterpart of seed 004 Fig. 5b)", "cycle", "y in NayCrO2")
        {
            Caption = "End of charge (bottom) and end of discharge (top). The upper end falls because the sodium lost at the Sn anode never returns to the " +
                      "cathode; the lower end stays near its cut-off: 'NaCrO2 cycles within a more restricted range of sodium content' (seed 004 §2, Fig. 5b; " +
                      "the figure's data are not in the seed text). The first 0.2C cycle (3) also ends less sodiated because of the rate.",
        };
        window.AddTrace(new PlotlyTrace("end of discharge (simulated)", Enumerable.Range(1, discharged.Length).Select(i => (double)i).ToArray(), discharged) { Mode = "lines+markers" });
        window.AddTrace(new PlotlyTrace("end of charge (simulated)", Enumerable.Range(1, charged.Length).Select(i => (double)i).ToArray(), charged) { Mode = "lines+markers" });
        report.AddFigure(window);

        var c1 = result.Summary.Cycles[0];
        var fc = fullRun.Summary.Cycles;
        var snc = snRun.Summary.Cycles;
        string Miss(double sim, double published) => $"{Num((sim - published) / published * 100, "+0;-0;0")} %";
        string Pct(double? v) => Num((v ?? double.NaN) * 100, "0.0") + " %";
        int below98 = fullLong.Skip(3).TakeWhile(c => (c.CoulombicEfficiency ?? 1) < 0.98).Count();
        double snRetention = (snc[^1].DischargeSpecificCapacityMAhPerG ?? double.NaN) / (snc[2].DischargeSpecificCapacityMAhPerG ?? double.NaN);
        report.AddTable(new ReportTable("Simulated vs seed 004 (rows marked calibrated are fitted to the published value; the others are predictions)", ["Quantity", "Simulated", "Published", "Miss / note"],
        [
            ["nacro2-half: discharge capacity at 0.1C (mAh/g)", Num(rows[0].DischargeCapacityMAhPerG, "0.0"), "≈" + Num(PublishedHalfCellFirstDischargeCapacityMAhPerG, "0"),
             Miss(rows[0].DischargeCapacityMAhPerG, PublishedHalfCellFirstDischargeCapacityMAhPerG) + " (OCP curve approximate)"],
            ["nacro2-half: first-cycle CE", Pct(c1.CoulombicEfficiency), Pct(PublishedHalfCellFirstCoulombicEfficiency), "calibrated (oxidation above 3 V, attribution assumed)"],
            ["nacro2-half: 5C retention vs 0.1C", Pct(rows[^1].RetentionVsFirst), Pct(Published5CRetention["nacro2-half"]), Miss(rows[^1].RetentionVsFirst, Published5CRetention["nacro2-half"]) + " (calibrated: one D_s and one PVDF coverage length for both cathodes)"],
            ["nacro2-half-97: 5C retention vs 0.1C", Pct(rows97[^1].RetentionVsFirst), Pct(Published5CRetention["nacro2-half-97"]), Miss(rows97[^1].RetentionVsFirst, Published5CRetention["nacro2-half-97"]) + " (calibrated: one D_s and one PVDF coverage length for both cathodes)"],
            ["97:1:2 better than 95:2:3 at 5C", rows97[^1].RetentionVsFirst > rows[^1].RetentionVsFirst ? "yes" : "no", "yes", "paper: lower binder content improves ionic contact; calibrated (PVDF coverage δ₀ with D_s, exactly determined)"],
            ["nacro2-half: 100 cycles at 0.5C, retention at 70 MPa / 3 MPa", $"{Pct(r70)} / {Pct(r3)}", $"{Pct(PublishedRetention100CyclesAt70MPa)} / {Pct(PublishedRetention100CyclesAt3MPa)}",
             "calibrated (contact loss λ ∝ P^−m on these two numbers; see the plot)"],
            ["sn-half: 2nd-cycle sodiation capacity at 0.1C (mAh/g Sn)", Num(snc[1].DischargeSpecificCapacityMAhPerG ?? double.NaN, "0"), "634",
             Miss(snc[1].DischargeSpecificCapacityMAhPerG ?? double.NaN, 634) + " (calibrated: D_s and i₀ of Sn; 847 = Na15Sn4: the 0.01 V cut-off is below Sn's last plateau, the shortfall is kinetic)"],
            ["sn-half: 50 cycles at 0.2C, retention vs the first 0.2C cycle", Pct(snRetention), Pct(0.921), Miss(snRetention, 0.921) + " (calibrated: D_s and i₀ of Sn; see the plot)"],
            ["sn-half: CE of cycles 1 / 2", $"{Pct(snc[0].CoulombicEfficiency)} / {Pct(snc[1].CoulombicEfficiency)}", "84.3 % / 97.0 %",
             Miss(snc[0].CoulombicEfficiency ?? double.NaN, 0.843) + " (calibrated: the first-sodiation interphase s₀) / " + Miss(snc[1].CoulombicEfficiency ?? double.NaN, 0.970) + " (prediction: the √q loss fitted on the full cell)"],
            ["nacro2-sn-full: first discharge at 0.1C (mAh/g NaCrO2, prediction)", Num(fc[0].DischargeSpecificCapacityMAhPerG ?? double.NaN, "0.0"), "≈" + Num(PublishedFullCellFirstDischargeCapacityMAhPerG, "0"),
             Miss(fc[0].DischargeSpecificCapacityMAhPerG ?? double.NaN, PublishedFullCellFirstDischargeCapacityMAhPerG) + $": the first charge is {Num(fc[0].ChargeSpecificCapacityMAhPerG ?? double.NaN, "0")} mAh/g, the paper's ≈ 152 (= 110 / 0.722) deeper than NaCrO2 gives to 3.3 V in the model"],
            ["nacro2-sn-full: CE of cycles 1 / 2 (prediction)", $"{Pct(fc[0].CoulombicEfficiency)} / {Pct(fc[1].CoulombicEfficiency)}", "72.2 % / 95.8 %",
             Miss(fc[0].CoulombicEfficiency ?? double.NaN, 0.722) + " / " + Miss(fc[1].CoulombicEfficiency ?? double.NaN, 0.958)],
            ["nacro2-sn-full: 50 cycles at 0.2C retention", Pct(fullRetention), Pct(PublishedFullCellRetention50Cycles), Miss(fullRetention, PublishedFullCellRetention50Cycles) + " (calibrated: Sn interphase growth B)"],
            ["nacro2-sn-full: 0.2C cycles with CE < 98 % (prediction)", below98.ToString(CultureInfo.InvariantCulture), "≈10 ('first ten cycles')", $"final CE {Pct(fullLong[^1].CoulombicEfficiency)} (published: 'above 99 %')"],
            ["nacro2-sn-full: 2nd-cycle energy efficiency (prediction)", Pct(fc[^1].EnergyEfficiency), "84.9 %", Miss(fc[^1].EnergyEfficiency ?? double.NaN, 0.849)],
            ["nacro2-sn-full: 1C retention (charge 0.1C; prediction)", Pct(fullRate[^1].RetentionVsFirst), "≈34 %", Miss(fullRate[^1].RetentionVsFirst, 0.34) +
             " MISS for a 1C cycle right after the first 0.1C one: the Fickian Sn that keeps the half cell at 92 % over 50 cycles at 0.2C is too fast at 1C (a Sn slow enough for 34 % traps Na at 0.2C: 79 %; two-phase shell models, explored, either leave it or cost the 0.1C voltage efficiency, docs/cells.md)"],
            ["nacro2-sn-full: the same in a stepped rate test, 0.1 → 0.2 → 0.5 → 1C, 1 / 2 / 5 cycles per rate (prediction)",
             string.Join(" / ", stepped.Select(r => Pct(r))), "≈34 %",
             "Fig. S5a: 'at 1C (constant charge of 0.1C) with respect to the initial discharge capacity at 0.1C'; how many cycles it ran per rate is not in the text, " +
             "and the fade of the cycles before the 1C step decides most of the number: with 5 per rate the model gives " + Pct(stepped[^1])],
        ]));

        string Sigma(double sigmaLn) => double.IsFinite(sigmaLn) ? $"×/÷ {Num(Math.Exp(sigmaLn), "0.000")}" : "–";
        report.AddTable(new ReportTable("Sn calibration (SnCalibration; fitted with the library's Levenberg–Marquardt on ln p, SeedCellFits, each fit with the others' stored values: " +
            "the stored set is their fixed point; the tests re-run the transport and formation fits and re-simulate the growth fit's target)",
            ["Parameter", "Value", "1σ", "Fitted to (seed 004 §2)", "Fit"],
        [
            ["D_s of Na in Sn", Num(SnCalibration.SolidDiffusivityM2PerS, "0.00E+0") + " m²/s", Sigma(SnCalibration.SolidDiffusivityStandardErrorLn),
             "jointly with i₀: Sn half cell 634 mAh/g (2nd 0.1C sodiation) and 92.1 % after 50 cycles at 0.2C, full cell's 2nd-cycle voltage efficiency EE/CE = 84.9 %/95.8 % = 88.6 %",
             "634 mAh/g, 92.3 %, 87.6 % (−1.1 %): two parameters, three numbers from two cells"],
            ["i₀ of Sn (per contact area)", Num(SnCalibration.ExchangeCurrentDensityMAPerCm2, "0.0000") + " mA/cm²", Sigma(SnCalibration.ExchangeCurrentDensityStandardErrorLn),
             "as D_s", "as D_s"],
            ["s₀, first-sodiation interphase (q_d = " + Num(SnCalibration.FormationDecayCapacities, "0.00") + " capacities, ASSUMED)", Num(SnCalibration.FormationInitialFraction, "0.000"), "–",
             "Sn half cell CE 84.3 % in cycle 1", "84.3 %, exactly determined (≈ 39 mAh/g Sn of interphase); cycle 2's 97.0 % is predicted: 96.1 %"],
            ["B, √q interphase growth", Num(SnCalibration.Growth, "0.0000"), "–",
             "full cell 47.4 % of the first 0.2C discharge after 50 cycles at 0.2C", "47.4 %, exactly determined"],
            ["λ, Sn particle isolation", "0", "–", "not identified", "the half cell's 92.1 % is the transport fit's, met without isolation"],
            ["(not fitted) full cell's 1C retention", "≈34 % published", "–", "—",
             "predicted " + Pct(fullRate[^1].RetentionVsFirst) + " for a 1C cycle right after the first 0.1C one, " + Pct(stepped[^1]) +
             " in a stepped rate test with 5 cycles per rate (Fig. S5a's count is not in the text): within a Fickian Sn the half cell's stability and a fast rate loss are not both reproduced (docs/cells.md)"],
        ]));
        var snN = snc.Select(c => (double)c.Cycle).ToArray();
        var snFade = new PlotlyFigure("sn-half: sodiation capacity and Coulombic efficiency (0.1C × 2, then 0.2C × 50)", "cycle", "sodiation capacity (mAh/g Sn)")
        {
            Y2AxisTitle = "Coulombic efficiency",
            Caption = "Seed 004 Fig. 4b: 92.1 % of the first 0.2C sodiation after 50 cycles (a calibration target of Sn's D_s and i₀, with the 634 mAh/g of cycle 2). " +
                      "The drop at the switch to 0.2C is the model's diffusion limit; the paper gives no 0.2C capacity in its text.",
        };
        snFade.AddTrace(new PlotlyTrace("sodiation capacity (simulated)", snN, snc.Select(c => c.DischargeSpecificCapacityMAhPerG ?? double.NaN).ToArray()) { Mode = "lines+markers" });
        snFade.AddTrace(new PlotlyTrace("CE (simulated)", snN, snc.Select(c => c.CoulombicEfficiency ?? double.NaN).ToArray()) { Mode = "lines", Dash = "dot", OnSecondaryYAxis = true });
        snFade.AddTrace(new PlotlyTrace("seed 004: 92.1 % of cycle 3 after 50 cycles (published)", [52], [0.921 * (snc[2].DischargeSpecificCapacityMAhPerG ?? double.NaN)])
            { Mode = "markers", HoverTexts = ["92.1 % × the simulated cycle-3 capacity"] });
        report.AddFigure(snFade);
        ReviewCellSection.AddTo(report);   // the review's Li and 4 V Na cells against their original papers (seed 000 §2.2)
        return new CellSimulationDemoResult(rows[0].DischargeCapacityMAhPerG, c1.CoulombicEfficiency, rows[^1].RetentionVsFirst, rows97[^1].RetentionVsFirst,
            r70, r3, fc[0].DischargeSpecificCapacityMAhPerG, fullRetention);
    }
}
