using System.Globalization;
using Borolyte.Cells.Protocols;
using Borolyte.Cells.Simulation;
using Borolyte.Reporting;

namespace Borolyte.Studies;

/// <summary>
/// The cell-simulation part of `./borolyte demo` (issue 5 §4): voltage profiles of the nacro2-half preset at 0.1C–5C,
/// the rate capability of both NaCrO2 half cells, the Sn half cell and the full cell with its three-electrode view, each
/// next to seed 004's published numbers, with the misses stated. The presets are not calibrated yet.
/// </summary>
public static class CellSimulationSection
{
    public static readonly double[] CRates = [0.1, 0.5, 1, 2, 5];

    /// <summary>Seed 004 §2: 5C discharge capacity retained vs 0.1C: 57.5 % (95:2:3) and 67.4 % (97:1:2).</summary>
    public static readonly IReadOnlyDictionary<string, double> Published5CRetention = new Dictionary<string, double>
    {
        ["nacro2-half"] = 0.575, ["nacro2-half-97"] = 0.674,
    };

    public static void AddTo(HtmlReport report)
    {
        report.AddHeading("Cell simulation");
        report.AddParagraph("P2D model with a single-ion solid electrolyte (Na4(B12H12)(B10H10), 1 mS/cm at 25 °C, Arrhenius with an assumed 0.34 eV), " +
            "30 volumes through each composite × 10 radial shells, Butler–Volmer kinetics with an interfacial resistance, electronic conduction in the " +
            "composite, a 500 µm separator and a Na–Sn counter electrode at 0.1 V (seed 004). Geometry from the design module (cast porosity 0.80, measured " +
            "electrolyte ratio, 34 % residual porosity). Solid diffusivities, particle radii of NaCrO2, rate constants and interfacial resistances are " +
            "ASSUMED orders of magnitude, not calibrated; the NaCrO2 and Sn open-circuit curves are approximations placed on published descriptions " +
            "(data/cells/ocp/README.md), not digitised data. Degradation: contact loss with a pressure-dependent rate, electrolyte oxidation above ~3 V " +
            "and sodium loss at Sn, each CALIBRATED in closed form on the half cells' published numbers (so those rows agree by construction, up to " +
            "the closed form's approximations); the full cell's efficiencies and fading are then predictions. Half-cell voltages are quoted vs Na/Na+ " +
            "as in the paper (cell voltage + 0.1 V).");

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

        // Calibration of the NaCrO2 solid diffusivity on the two rate numbers the seed text gives for each cathode.
        var calibrationRows = new List<IReadOnlyList<string>>();
        foreach (var (name, q5) in new[] { ("nacro2-half", 0.575), ("nacro2-half-97", 0.674) })
        {
            var preset = CellPresets.Get(name);
            var fit = CellCalibration.Fit(preset, preset.Cell, [new MeasuredRate(0.1, 118), new MeasuredRate(5, 118 * q5)], ["positive.solidDiffusivity"]);
            var d = fit.Parameters[0];
            calibrationRows.Add([name, $"{Num(d.Value, "0.00E+0")} ({Num(d.Lower, "0.00E+0")}–{Num(d.Upper, "0.00E+0")})",
                Num(fit.Fitted[0].DischargeCapacityMAhPerG, "0.0"), Num(fit.Fitted[1].DischargeCapacityMAhPerG / fit.Fitted[0].DischargeCapacityMAhPerG * 100, "0.0") + " %",
                $"118 / {Num(q5 * 100, "0.0")} %", Num(fit.RmsMAhPerG, "0.0")]);
        }
        report.AddTable(new ReportTable("Calibrated: NaCrO2 solid diffusivity fitted to seed 004's 0.1C capacity (≈118 mAh/g) and 5C retention " +
            "(`borolyte cell calibrate`, Levenberg–Marquardt on ln D, 1σ in parentheses; one parameter from two numbers, so the interval reflects the misfit only)",
            ["Preset", "D_s (m²/s)", "0.1C (mAh/g)", "5C retention", "Published", "rms (mAh/g)"], calibrationRows));

        var full = CellPresets.Get("nacro2-sn-full");
        var fullRun = CellSimulation.Run(full.Cell, Protocol.Parse("(Charge at 0.1C until 3.3 V; Discharge at 0.1C until 1.5 V) x 2"));
        var fullRate = RateCapabilityTest.Run(full, full.Cell, [0.1, 1], chargeCRate: 0.1).Rows;
        var sn = CellPresets.Get("sn-half");
        var snRun = CellSimulation.Run(sn.Cell, Protocol.Parse("(Discharge at 0.1C until 0.01 V; Charge at 0.1C until 2.0 V) x 2"));

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

        double Retention100(double pressure)
        {
            var cell = half.Cell with { Degradation = half.Cell.Degradation with { StackPressureMPa = pressure } };
            var cycles = CellSimulation.Run(cell, Protocol.Parse(
                "(Charge at 0.1C until 3.35 V; Discharge at 0.1C until 2.1 V) x 2; (Charge at 0.5C until 3.35 V; Discharge at 0.5C until 2.1 V) x 101")).Summary.Cycles;
            return cycles[^1].DischargeCapacityAh / cycles[2].DischargeCapacityAh;   // vs the first 0.5C cycle, as seed 004 Fig. 3f
        }
        double r70 = Retention100(70), r3 = Retention100(3);
        var fullLong = CellSimulation.Run(full.Cell, Protocol.Parse(
            "(Charge at 0.1C until 3.3 V; Discharge at 0.1C until 1.5 V) x 2; (Charge at 0.2C until 3.3 V; Discharge at 0.2C until 1.5 V) x 51")).Summary.Cycles;
        double fullRetention = fullLong[^1].DischargeCapacityAh / fullLong[2].DischargeCapacityAh;
        var c1 = result.Summary.Cycles[0];
        var fc = fullRun.Summary.Cycles;
        var snc = snRun.Summary.Cycles;
        string Miss(double sim, double published) => $"{Num((sim - published) / published * 100, "+0;-0")} %";
        report.AddTable(new ReportTable("Simulated vs seed 004 (transport and kinetics assumed, not calibrated; degradation calibrated on the half cells)", ["Quantity", "Simulated", "Published", "Miss / note"],
        [
            ["nacro2-half: discharge capacity at 0.1C (mAh/g)", Num(rows[0].DischargeCapacityMAhPerG, "0.0"), "≈118", Miss(rows[0].DischargeCapacityMAhPerG, 118) + " (OCP curve approximate)"],
            ["nacro2-half: first-cycle CE", Num((c1.CoulombicEfficiency ?? double.NaN) * 100, "0.0") + " %", "95.2 %", "calibrated (oxidation above 3 V, attribution assumed)"],
            ["nacro2-half: 5C retention vs 0.1C", Num(rows[^1].RetentionVsFirst * 100, "0.0") + " %", "57.5 %", Miss(rows[^1].RetentionVsFirst, 0.575)],
            ["nacro2-half-97: 5C retention vs 0.1C", Num(rows97[^1].RetentionVsFirst * 100, "0.0") + " %", "67.4 %", Miss(rows97[^1].RetentionVsFirst, 0.674)],
            ["97:1:2 better than 95:2:3 at 5C", rows97[^1].RetentionVsFirst > rows[^1].RetentionVsFirst ? "yes" : "no", "yes", "paper: lower binder content improves ionic contact; the model has no binder effect"],
            ["nacro2-half: 100 cycles at 0.5C, retention at 70 MPa / 3 MPa", $"{Num(r70 * 100, "0.0")} % / {Num(r3 * 100, "0.0")} %", "95.6 % / 85.9 %",
             "calibrated (contact loss λ ∝ P^−m on these two numbers)"],
            ["sn-half: reversible capacity at 0.1C (mAh/g Sn)", Num(snc[^1].ChargeSpecificCapacityMAhPerG ?? double.NaN, "0"), "634", Miss(snc[^1].ChargeSpecificCapacityMAhPerG ?? double.NaN, 634) + " (no Na trapping, no volume change)"],
            ["sn-half: CE of cycles 1 / 2", $"{Num((snc[0].CoulombicEfficiency ?? double.NaN) * 100, "0.0")} % / {Num((snc[1].CoulombicEfficiency ?? double.NaN) * 100, "0.0")} %", "84.3 % / 97.0 %", "calibrated (Na loss at Sn)"],
            ["nacro2-sn-full: first discharge at 0.1C (mAh/g NaCrO2)", Num(fc[0].DischargeSpecificCapacityMAhPerG ?? double.NaN, "0.0"), "≈110", Miss(fc[0].DischargeSpecificCapacityMAhPerG ?? double.NaN, 110)],
            ["nacro2-sn-full: CE of cycles 1 / 2 (prediction)", $"{Num((fc[0].CoulombicEfficiency ?? double.NaN) * 100, "0.0")} % / {Num((fc[1].CoulombicEfficiency ?? double.NaN) * 100, "0.0")} %", "72.2 % / 95.8 %",
             Miss(fc[0].CoulombicEfficiency ?? double.NaN, 0.722) + " on cycle 1: Na loss at Sn and oxidation at NaCrO2 from the half cells"],
            ["nacro2-sn-full: 50 cycles at 0.2C retention (prediction)", Num(fullRetention * 100, "0.0") + " %", "47.4 %",
             Miss(fullRetention, 0.474) + ": the model's Sn loses Na only in the first cycles; the paper's continued Sn fading (volume change, morphology) is not modelled"],
            ["nacro2-sn-full: 2nd-cycle energy efficiency", Num((fc[^1].EnergyEfficiency ?? double.NaN) * 100, "0.0") + " %", "84.9 %", Miss(fc[^1].EnergyEfficiency ?? double.NaN, 0.849)],
            ["nacro2-sn-full: 1C retention (charge 0.1C)", Num(fullRate[^1].RetentionVsFirst * 100, "0.0") + " %", "≈34 %", Miss(fullRate[^1].RetentionVsFirst, 0.34) + " (Sn kinetics assumed)"],
        ]));
    }

    private static string Num(double v, string format) => double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "–";
}
