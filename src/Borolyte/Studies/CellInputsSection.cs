using Borolyte.Cells.Protocols;
using Borolyte.Cells.Simulation;
using Borolyte.Reporting;
using Borolyte.Transport;
using static Borolyte.Studies.StudyFormat;

namespace Borolyte.Studies;

/// <summary>One temperature of the electrolyte comparison: κ of both σ(T) laws (S/m) and the discharge capacities (mAh/g) at each C-rate.</summary>
public sealed record ElectrolyteTemperatureRow(double TemperatureC, double PresetConductivitySPerM, double FittedConductivitySPerM,
    IReadOnlyList<double> PresetCapacityMAhPerG, IReadOnlyList<double> FittedCapacityMAhPerG);

/// <summary>
/// What the section computed: the cell with both electrolyte laws over temperature, and the contact-loss rate calibrated from a
/// cycler file (start value, fitted value with 1σ in ln λ, and the value the file was simulated with).
/// </summary>
public sealed record CellInputsDemoResult(IReadOnlyList<ElectrolyteTemperatureRow> Temperatures, double ContactLossStartPerCycle,
    FittedParameter ContactLossFitted, double ContactLossInFilePerCycle, int MeasuredCycles);

/// <summary>
/// The part of `./borolyte demo` where the cell simulator takes a lab's own measurements instead of preset numbers:
/// (1) the electrolyte's σ(T) fitted in the transport section from the impedance series becomes the cell's κ(T)
/// (<see cref="CellParameters.Electrolyte"/> is any <see cref="IConductivityModel"/>), compared over temperature with the
/// preset's Arrhenius law; (2) a cycler file — the simulator's BDF CSV of the 3 MPa cell, read by the cycling module like
/// any instrument file — calibrates the contact-loss rate at that pressure, starting from the 70 MPa value.
/// </summary>
public static class CellInputsSection
{
    public const string Preset = "nacro2-half";
    /// <summary>Within the impedance series' range (−50 to 40 °C), so the fitted law is not extrapolated.</summary>
    public static readonly double[] TemperaturesC = [-20, -10, 0, 10, 25, 40];
    public static readonly double[] CRates = [0.1, 1, 5];
    public const double FilePressureMPa = 3;
    public const string FileProtocol = "(Charge at 0.1C until 3.35 V; Discharge at 0.1C until 2.1 V) x 2; (Charge at 0.5C until 3.35 V; Discharge at 0.5C until 2.1 V) x 30";
    public const string FittedKnob = "degradation.contactLossPerCycle";

    public static CellInputsDemoResult AddTo(HtmlReport report, ConductivityFit electrolyte)
    {
        report.AddHeading("Cells from the lab's own measurements");
        report.AddParagraph("The simulator takes measured inputs where a preset has numbers: the electrolyte's σ(T) as any fit of the transport module, " +
            "and degradation rates calibrated on a cycler file in any format the cycling module reads (`borolyte cell calibrate --cycles FILE`). " +
            "Both are shown here on the nacro2-half preset.");
        var preset = CellPresets.Get(Preset);
        var rows = ElectrolyteOverTemperature(electrolyte);
        AddElectrolyte(report, preset, electrolyte, rows);
        var (start, fitted, truth, measured, notes) = CalibrateFromCyclerFile();
        AddCalibration(report, preset, start, fitted, truth, measured, notes);
        return new CellInputsDemoResult(rows, start, fitted, truth, measured);
    }

    /// <summary>The preset at each temperature with its own κ(T) and with the fitted one (D_s, i₀ and R_int keep their Arrhenius laws in both), on both cores.</summary>
    public static IReadOnlyList<ElectrolyteTemperatureRow> ElectrolyteOverTemperature(IConductivityModel fitted)
    {
        var preset = CellPresets.Get(Preset);
        var rows = new ElectrolyteTemperatureRow[TemperaturesC.Length];
        Parallel.For(0, TemperaturesC.Length, k =>
        {
            var cell = preset.Cell with { TemperatureK = TemperaturesC[k] + PhysicalConstants.ZeroCelsiusK };
            var withFit = cell with { Electrolyte = fitted };
            double[] Capacities(CellParameters c) => RateCapabilityTest.Run(preset, c, CRates, chargeCRate: 0.1).Rows.Select(r => r.DischargeCapacityMAhPerG).ToArray();
            rows[k] = new ElectrolyteTemperatureRow(TemperaturesC[k], cell.BulkConductivitySPerM, withFit.BulkConductivitySPerM, Capacities(cell), Capacities(withFit));
        });
        return rows;
    }

    private static void AddElectrolyte(HtmlReport report, CellPreset preset, ConductivityFit electrolyte, IReadOnlyList<ElectrolyteTemperatureRow> rows)
    {
        var law = (ArrheniusConductivity)preset.Cell.Electrolyte;
        var segment = electrolyte.Segments[0];
        report.AddHeading("Electrolyte: κ(T) from the impedance series", 3);
        report.AddParagraph($"The cell's κ(T) is the transport section's {ConductivityFit.ModelName(electrolyte.Model)} fit of its impedance series " +
            $"(σ(25 °C) = {Sci(electrolyte.Sigma25CSPerCm)} S/cm, Eₐ = {Num(segment.ActivationEnergyEv, "0.000")} eV; the spectra are synthetic, generated with " +
            $"Eₐ {Num(TransportSection.PublishedActivationEnergyEv, "0.00")} eV from {TransportSection.ActivationEnergySource}), against the preset's own law " +
            $"(σ(25 °C) = {Sci(law.ConductivitySPerCm(298.15))} S/cm, Eₐ = {Num(law.ActivationEnergyEv, "0.00")} eV, Duchêne et al., Chem. Mater. 31 (2019) 3449, regime II). " +
            "The series was synthesised with the same published Eₐ, so the two laws differ only by what the fit recovers from the noisy spectra: this is a round trip " +
            "of the measured path (impedance fits → σ(T) model → cell), and the table shows how far the fitted κ, and with it the capacity, moves from the preset's. " +
            "Everything else, the Arrhenius laws of NaCrO2's D_s and i₀ included, is the same in both runs, so the difference is the electrolyte's alone. " +
            "Discharge capacities after a 0.1C charge, 500 µm separator, within the impedance series' temperature range (no extrapolation).");
        var figure = new PlotlyFigure($"{Preset}: discharge capacity vs temperature with the fitted and the preset electrolyte", "temperature (°C)", "discharge capacity (mAh/g NaCrO2)")
        {
            Caption = "Solid lines: κ(T) fitted from the impedance series; dashed: the preset's Arrhenius law. Both carry the published Eₐ, so they lie on each other " +
                      "as far as the fit recovers it. The capacity falls in the cold, where the separator's ohmic drop j·L/κ limits the cell; in the warm the rate is " +
                      "set by NaCrO2's kinetics and solid diffusion.",
        };
        var t = rows.Select(r => r.TemperatureC).ToArray();
        for (int j = 0; j < CRates.Length; j++)
        {
            string c = Num(CRates[j], "0.#");
            figure.AddTrace(new PlotlyTrace($"{c}C, fitted κ(T)", t, rows.Select(r => r.FittedCapacityMAhPerG[j]).ToArray()) { Mode = "lines+markers" });
            figure.AddTrace(new PlotlyTrace($"{c}C, preset κ(T)", t, rows.Select(r => r.PresetCapacityMAhPerG[j]).ToArray()) { Mode = "lines+markers", Dash = "dash" });
        }
        report.AddFigure(figure);
        report.AddTable(new ReportTable("κ and discharge capacity (mAh/g) with each electrolyte law: fitted / preset",
            ["T (°C)", "κ fitted (mS/cm)", "κ preset (mS/cm)", .. CRates.Select(c => $"{Num(c, "0.#")}C: fitted / preset")],
            rows.Select(r => (IReadOnlyList<string>)[Num(r.TemperatureC, "0"), Num(r.FittedConductivitySPerM * 10, "0.###"), Num(r.PresetConductivitySPerM * 10, "0.###"),
                .. CRates.Select((_, j) => $"{Num(r.FittedCapacityMAhPerG[j], "0.0")} / {Num(r.PresetCapacityMAhPerG[j], "0.0")}")]).ToList()));
    }

    /// <summary>
    /// The 3 MPa cell simulated with its preset contact-loss law and written as BDF CSV (a temporary file), then calibrated back from
    /// that file through the cycling module, starting from the 70 MPa rate (as if the pressure dependence were unknown).
    /// </summary>
    public static (double Start, FittedParameter Fitted, double InFile, int Measured, IReadOnlyList<string> Notes) CalibrateFromCyclerFile()
    {
        var preset = CellPresets.Get(Preset);
        var cell = preset.Cell with { Degradation = preset.Cell.Degradation with { StackPressureMPa = FilePressureMPa } };
        var protocol = Protocol.Parse(FileProtocol);
        string dir = Directory.CreateTempSubdirectory("borolyte-demo-").FullName;
        try
        {
            string file = Path.Combine(dir, $"{Preset}-{FilePressureMPa:0}MPa.csv");
            SimulatedRunCsv.Write(CellSimulation.Run(cell, protocol), file);
            var (measured, notes) = CycleCalibration.ReadMeasuredCycles(file, cell.ActiveLoadingKgPerM2 * cell.AreaM2);
            double start = preset.Cell.Degradation.ContactLossPerCycle;   // the 70 MPa rate
            var from = cell with { Degradation = cell.Degradation with { ContactLossPerCycleAtReference = start, ContactLossReferencePressureMPa = FilePressureMPa } };
            var fit = CycleCalibration.Fit(from, protocol, measured, [FittedKnob]);
            return (start, fit.Parameters[0], cell.Degradation.ContactLossPerCycle, measured.Count, [.. notes, .. fit.Notes]);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static void AddCalibration(HtmlReport report, CellPreset preset, double start, FittedParameter fitted, double truth, int measured, IReadOnlyList<string> notes)
    {
        double massMg = preset.Cell.ActiveLoadingKgPerM2 * preset.Cell.AreaM2 * 1e6;
        report.AddHeading("Degradation: calibrated from a cycler file", 3);
        report.AddParagraph($"A round trip through the file path, not a test of the model: the {Preset} cell at {Num(FilePressureMPa, "0")} MPa was simulated with \"{FileProtocol}\" " +
            "and written as BDF CSV, which the cycling module reads like any instrument export (capacities integrated from current and time, cycles grouped by the " +
            $"current's sign); its {measured} cycles then calibrate the contact-loss rate λ at that pressure, starting from the 70 MPa value as if the pressure " +
            "dependence were unknown. " + string.Join(" ", notes.Select(n => n.TrimEnd('.') + ".")) +
            $" With a measured file: `./borolyte cell calibrate {Preset} --pressure-mpa 3 --cycles run.csv --active-mass-mg {Num(massMg, "0.###")} " +
            $"--protocol \"…\" --fit {FittedKnob}` (any format `cycling summarize` reads; the protocol is the measurement's).");
        report.AddTable(new ReportTable($"λ at {Num(FilePressureMPa, "0")} MPa from the cycler file (Levenberg–Marquardt on ln λ)",
            ["", "λ (per cycle)", "note"],
        [
            ["start (the 70 MPa rate)", Sci(start), "preset, calibrated on seed 004's 95.6 % at 70 MPa"],
            ["fitted from the file", Sci(fitted.Value), $"1σ ×/÷ {Num(Math.Exp(fitted.StandardErrorLn), "0.0000")}"],
            ["in the file", Sci(truth), $"the preset's pressure law λ ∝ P^−m at {Num(FilePressureMPa, "0")} MPa; fitted/true − 1 = {Num((fitted.Value / truth - 1) * 100, "0.00")} %"],
        ]));
    }
}
