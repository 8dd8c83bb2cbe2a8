using Borolyte.Cells.Design;
using Borolyte.Cycling.Analysis;
using System.Globalization;
using Borolyte.Numerics;

namespace Borolyte.Cells.Simulation;

/// <summary>One measured point of a rate test: C-rate and the "out" capacity (mAh/g of the electrode under test).</summary>
public sealed record MeasuredRate(double CRate, double CapacityMAhPerG);

/// <summary>A fitted parameter: value, and the 1σ uncertainty of its natural logarithm (the fit is done in ln p).</summary>
public sealed record FittedParameter(string Name, double Value, string Unit, double StandardErrorLn)
{
    /// <summary>The 1σ interval as a factor: p·e^{±σ}.</summary>
    public double Lower => Value * Math.Exp(-StandardErrorLn);
    public double Upper => Value * Math.Exp(StandardErrorLn);
}

public sealed record CalibrationResult(IReadOnlyList<FittedParameter> Parameters, IReadOnlyList<RateRow> Fitted, IReadOnlyList<MeasuredRate> Measured,
    double RmsMAhPerG, int Evaluations, bool Converged, string StopReason, CellParameters Cell);

/// <summary>
/// `cell calibrate`: fits chosen transport/kinetic parameters of a cell to a measured rate-capability table by
/// Levenberg–Marquardt (Numerics.LevenbergMarquardt) on ln p, with forward-difference Jacobians (2 % steps in ln p, each column one rate
/// test, tighter step tolerances than a plain simulation), bounds of ×/÷ 1000 around the start. Uncertainties: covariance s²·(JᵀJ)⁻¹ with s² = cost/(m − n) (the
/// usual linearised estimate; needs more points than parameters), reported for ln p.
/// </summary>
public static class CellCalibration
{
    private static CompositeElectrodeParameters C(ElectrodeParameters e, string name) => e as CompositeElectrodeParameters
        ?? throw new InvalidInputException($"--fit {name}: the electrode '{e.Name}' is planar; this parameter exists only for composite electrodes");

    private static readonly Dictionary<string, Knob> Knobs = new(StringComparer.OrdinalIgnoreCase)
    {
        ["positive.solidDiffusivity"] = new("m2/s", c => C(c.Positive, "positive.solidDiffusivity").SolidDiffusivityM2PerS,
            (c, v) => c with { Positive = C(c.Positive, "") with { SolidDiffusivityM2PerS = v } }),
        ["positive.exchangeCurrentDensity"] = new("A/m2", c => c.Positive.ExchangeCurrentDensityAPerM2, (c, v) => c with { Positive = c.Positive with { ExchangeCurrentDensityAPerM2 = v } }),
        ["positive.interfacialResistance"] = new("ohm m2", c => c.Positive.InterfacialResistanceOhmM2, (c, v) => c with { Positive = c.Positive with { InterfacialResistanceOhmM2 = v } }),
        ["positive.particleRadius"] = new("m", c => C(c.Positive, "positive.particleRadius").ParticleRadiusM, (c, v) => c with { Positive = C(c.Positive, "") with { ParticleRadiusM = v } }),
        // The radius with the diffusion time R²/D_s held (D_s scaled by (R/R₀)²): what R changes besides diffusion, the kinetic surface 3ε/R.
        ["positive.particleRadiusAtFixedDiffusionTime"] = new("m", c => C(c.Positive, "positive.particleRadiusAtFixedDiffusionTime").ParticleRadiusM, (c, v) =>
        {
            var p = C(c.Positive, "");
            double s = v / p.ParticleRadiusM;
            return c with { Positive = p with { ParticleRadiusM = v, SolidDiffusivityM2PerS = p.SolidDiffusivityM2PerS * s * s } };
        }),
        ["positive.electronicConductivity"] = new("S/m", c => C(c.Positive, "positive.electronicConductivity").ElectronicConductivitySPerM,
            (c, v) => c with { Positive = C(c.Positive, "") with { ElectronicConductivitySPerM = v } }),
        ["positive.binderCoverageLength"] = new("m", c => C(c.Positive, "positive.binderCoverageLength").BinderCoverageLengthM,
            (c, v) => c with { Positive = C(c.Positive, "") with { BinderCoverageLengthM = v } }),
        ["positive.contactPatchRadius"] = new("m", c => C(c.Positive, "positive.contactPatchRadius").ContactPatchRadiusM,
            (c, v) => c with { Positive = C(c.Positive, "") with { ContactPatchRadiusM = v } }),
        ["negative.solidDiffusivity"] = new("m2/s", c => C(c.Negative, "negative.solidDiffusivity").SolidDiffusivityM2PerS,
            (c, v) => c with { Negative = C(c.Negative, "") with { SolidDiffusivityM2PerS = v } }),
        ["negative.exchangeCurrentDensity"] = new("A/m2", c => c.Negative.ExchangeCurrentDensityAPerM2, (c, v) => c with { Negative = c.Negative with { ExchangeCurrentDensityAPerM2 = v } }),
        ["positive.extractionShellResistivity"] = new("ohm m", c => C(c.Positive, "positive.extractionShellResistivity").ExtractionShellResistivityOhmM,
            (c, v) => c with { Positive = C(c.Positive, "") with { ExtractionShellResistivityOhmM = v } }),
        ["positive.insertionShellResistivity"] = new("ohm m", c => C(c.Positive, "positive.insertionShellResistivity").InsertionShellResistivityOhmM,
            (c, v) => c with { Positive = C(c.Positive, "") with { InsertionShellResistivityOhmM = v } }),
        ["negative.extractionShellResistivity"] = new("ohm m", c => C(c.Negative, "negative.extractionShellResistivity").ExtractionShellResistivityOhmM,
            (c, v) => c with { Negative = C(c.Negative, "") with { ExtractionShellResistivityOhmM = v } }),
        ["negative.insertionShellResistivity"] = new("ohm m", c => C(c.Negative, "negative.insertionShellResistivity").InsertionShellResistivityOhmM,
            (c, v) => c with { Negative = C(c.Negative, "") with { InsertionShellResistivityOhmM = v } }),
    };

    public static IReadOnlyList<string> ParameterNames => Knobs.Keys.ToList();

    internal static bool TryGetKnob(string name, out Knob knob) => Knobs.TryGetValue(name, out knob!);

    /// <summary>Tighter step control than a plain simulation, so the capacities are smooth in the parameters.</summary>
    public static SimulationOptions DefaultOptions { get; } = new() { VoltageToleranceV = 2e-4, MaxStoichiometryChange = 0.01 };

    public static CalibrationResult Fit(CellPreset preset, CellParameters cell, IReadOnlyList<MeasuredRate> measured, IReadOnlyList<string> parameters,
        double? chargeCRate = 0.1, bool anode = false, SimulationOptions? options = null)
    {
        if (parameters.Count == 0) throw new InvalidInputException("--fit: name at least one parameter (" + string.Join(", ", Knobs.Keys) + ")");
        var knobs = parameters.Select(p => Knobs.TryGetValue(p, out var k) ? k
            : throw new InvalidInputException($"--fit: unknown parameter '{p}'; known: {string.Join(", ", Knobs.Keys)}")).ToArray();
        if (parameters.Distinct(StringComparer.OrdinalIgnoreCase).Count() != parameters.Count) throw new InvalidInputException("--fit: a parameter is named twice");
        if (measured.Count <= parameters.Count)
            throw new InvalidInputException($"calibration needs more measured rates ({measured.Count}) than fitted parameters ({parameters.Count})");
        for (int j = 0; j < knobs.Length; j++)
            if (!(knobs[j].Get(cell) > 0))
                throw new InvalidInputException($"--fit {parameters[j]}: the cell's value is {knobs[j].Get(cell)}, and the fit works on ln p; start from a positive value (a simulation spec can set it)");
        var rates = measured.Select(m => m.CRate).ToArray();
        options ??= DefaultOptions;
        var target = measured.Select(m => m.CapacityMAhPerG).ToArray();
        var fit = FitLogParameters(cell, knobs, knobs.Select(k => k.Get(cell)).ToArray(), target,
            c => RateCapabilityTest.Run(preset, c, rates, chargeCRate, options, anode).Rows.Select(r => r.DischargeCapacityMAhPerG).ToArray());
        var rows = RateCapabilityTest.Run(preset, fit.Cell, rates, chargeCRate, options, anode).Rows;
        var fitted = knobs.Select((k, j) => new FittedParameter(parameters[j], fit.Values[j], k.Unit, fit.StandardErrorLn[j])).ToList();
        return new CalibrationResult(fitted, rows, measured, fit.Rms, fit.Result.Evaluations, fit.Result.Converged, fit.Result.StopReason, fit.Cell);
    }

    /// <summary>A parameter the fits can vary: its unit, how to read and set it, and an upper bound (fractions &lt; 1).</summary>
    internal sealed record Knob(string Unit, Func<CellParameters, double> Get, Func<CellParameters, double, CellParameters> Set, double UpperBound = double.PositiveInfinity);

    internal sealed record LogFit(double[] Values, double[] StandardErrorLn, double Rms, LevenbergMarquardtResult Result, CellParameters Cell);

    /// <summary>
    /// The shared core of the fits: Levenberg–Marquardt on ln p from <paramref name="start"/> within ×/÷ 1000 (and below each
    /// knob's upper bound), residuals simulated − target, forward differences of 2 % in ln p (backward when the forward point
    /// fails to simulate, or a forward step would leave a bounded knob's range), covariance s²·(JᵀJ)⁻¹ with s² = cost/(m − n). A failed simulation gives NaN residuals.
    /// </summary>
    internal static LogFit FitLogParameters(CellParameters cell, Knob[] knobs, double[] start, double[] target, Func<CellParameters, double[]> simulate)
    {
        int m = target.Length, n = knobs.Length;
        var x0 = start.Select(v => Math.Log(v)).ToArray();
        var lower = x0.Select(s => s - Math.Log(1000)).ToArray();
        var upper = x0.Select((s, j) => Math.Min(s + Math.Log(1000), Math.Log(knobs[j].UpperBound))).ToArray();
        for (int j = 0; j < n; j++) if (!(x0[j] < upper[j])) x0[j] = upper[j] - 0.05;

        CellParameters With(ReadOnlySpan<double> lnp)
        {
            var c = cell;
            for (int j = 0; j < n; j++) c = knobs[j].Set(c, Math.Exp(lnp[j]));
            return c;
        }

        double[] Simulate(ReadOnlySpan<double> lnp)
        {
            var c = With(lnp);
            try
            {
                var q = simulate(c);
                return q.Length == m ? q : Enumerable.Repeat(double.NaN, m).ToArray();
            }
            catch (SimulationFailedException) { return Enumerable.Repeat(double.NaN, m).ToArray(); }
        }

        void Residuals(ReadOnlySpan<double> x, Span<double> r, Span<double> jac)
        {
            var q = Simulate(x);
            for (int i = 0; i < m; i++) r[i] = q[i] - target[i];
            if (jac.IsEmpty) return;
            var xs = x.ToArray();
            for (int j = 0; j < n; j++)
            {
                // A 2 % step in ln p: large enough that the adaptive time stepping's noise in the capacities (≲ 10⁻³ mAh/g at the
                // calibration tolerances) is far below the signal, small enough for the forward difference to follow the curvature.
                const double h = 0.02;
                // Forward, as the rate fit always did; backward only where a step beyond the bound would leave the knob's
                // valid range (fractions < 1), since a forward difference across the ×1000 search bound is harmless.
                double step = double.IsPositiveInfinity(knobs[j].UpperBound) || xs[j] + h < Math.Log(knobs[j].UpperBound) ? h : -h;
                xs[j] += step;
                var qj = Simulate(xs);
                xs[j] -= step;
                if (qj.Any(double.IsNaN))
                {
                    // The forward point failed to simulate: the other side instead.
                    step = -step;
                    xs[j] += step;
                    qj = Simulate(xs);
                    xs[j] -= step;
                }
                for (int i = 0; i < m; i++) jac[i * n + j] = (qj[i] - q[i]) / step;
            }
        }

        var result = LevenbergMarquardt.Minimize(Residuals, m, x0, lower, upper,
            new LevenbergMarquardtOptions { MaxIterations = 40, StepTolerance = 1e-4, RelativeCostTolerance = 1e-8 });
        double s2 = result.Cost / Math.Max(1, m - n);
        double[] se;
        try
        {
            var cov = result.NormalMatrix.Inverse() * s2;
            se = Enumerable.Range(0, n).Select(j => Math.Sqrt(Math.Max(0, cov[j, j]))).ToArray();
        }
        catch (Exception) { se = Enumerable.Repeat(double.NaN, n).ToArray(); }
        return new LogFit(result.X.Select(v => Math.Exp(v)).ToArray(), se, Math.Sqrt(result.Cost / m), result, With(result.X));
    }

    /// <summary>
    /// The measured rates of a file: a "c_rate,capacity_mah_per_g" table (<see cref="ReadRates"/>) when its first line that is
    /// not blank or a '#' comment starts with "c_rate,", else a cycler file's rate test (<see cref="RatesOfCyclerFile"/>).
    /// </summary>
    public static (IReadOnlyList<MeasuredRate> Rates, IReadOnlyList<string> Notes) ReadMeasuredRates(string path, double? activeMassKg,
        CellParameters cell, bool anode) =>
        CalibrationCsv.IsTable(path, "c_rate", activeMassKg)
            ? (ReadRates(File.ReadAllText(path), Path.GetFileName(path)), [])
            : RatesOfCyclerFile(path, activeMassKg, cell, anode);

    /// <summary>
    /// A rate test from a cycler file in any format the cycling module reads: its per-cycle summary grouped by C-rate
    /// (<see cref="RateCapability.Table"/>, 1C = the active mass × the cell's nominal mAh/g, the measured rate snapped to the
    /// usual ones within 10 %), each group's median capacity per gram (discharge; charge for an electrode that starts empty, as
    /// the simulated rate test). A rate that comes back later (0.1C after 5C) is a second measurement at that rate.
    /// </summary>
    public static (IReadOnlyList<MeasuredRate> Rates, IReadOnlyList<string> Notes) RatesOfCyclerFile(string path, double? activeMassKg,
        CellParameters cell, bool anode)
    {
        string name = Path.GetFileName(path);
        if (!(cell.ActiveLoadingKgPerM2 > 0)) throw new InvalidInputException($"{cell.Name}: the cell has no active loading, so no 1C per gram to read a rate test's C-rates with");
        // The cell's 1C per gram: C/m² over kg/m² is C/kg.
        double nominalMAhPerG = cell.NominalArealCapacityCPerM2 / cell.ActiveLoadingKgPerM2 / CellUnits.CPerKgPerMAhPerG;
        var summary = CalibrationCsv.CyclerSummary(path, new SummaryOptions { ActiveMassKg = activeMassKg, Mode = anode ? ElectrodeMode.Anode : ElectrodeMode.Cathode }).Summary;
        double mass = summary.ActiveMassKg!.Value;
        // 1C: the nominal capacity in Ah = kg · mAh/g (1 mAh/g = 1 Ah/kg).
        var groups = RateCapability.Table(summary, mass * nominalMAhPerG);
        var rates = groups.Where(g => g.MedianSpecificCapacityMAhPerG is > 0).Select(g => new MeasuredRate(g.CRate, g.MedianSpecificCapacityMAhPerG!.Value)).ToList();
        if (rates.Count == 0) throw new InvalidInputException($"{name}: no complete cycle with a capacity in the cycler file");
        var inv = CultureInfo.InvariantCulture;
        return (rates, [string.Create(inv, $"{name}: {rates.Count} rate groups ({string.Join(", ", groups.Select(g => $"{g.CRate:0.###}C × {g.Cycles.Count}"))}) of complete cycles, median mAh/g per {mass * 1e6:0.###} mg, 1C = {nominalMAhPerG:0.#} mAh/g")]);
    }

    /// <summary>Reads "c_rate,capacity_mah_per_g" CSV ('#' comments allowed); errors name file and line.</summary>
    public static IReadOnlyList<MeasuredRate> ReadRates(string text, string source) =>
        CalibrationCsv.Read<MeasuredRate>(text, source, ("c_rate", "capacity_mah_per_g"), (cells, lineNo, _) =>
        {
            double Parse(string cell, string field) => double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v) && v > 0
                ? v : throw new InvalidInputException($"{source}:{lineNo}: {field} '{cell}' must be a positive number");
            return new MeasuredRate(Parse(cells[0], "c_rate"), Parse(cells[1], "capacity_mah_per_g"));
        });
}
