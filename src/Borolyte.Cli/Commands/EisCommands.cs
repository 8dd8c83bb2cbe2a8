using System.CommandLine;
using System.Globalization;
using Borolyte.Impedance;
using Borolyte.Impedance.Readers;
using Borolyte.Transport;
using Spectre.Console;

namespace Borolyte.Cli.Commands;

/// <summary>`borolyte eis fit|validate|series`: impedance spectra (docs/impedance.md).</summary>
public static class EisCommands
{
    public static Command Build()
    {
        var command = new Command("eis", "Impedance spectra: read, fit equivalent circuits, Kramers–Kronig validation, temperature series");
        command.Subcommands.Add(Fit());
        command.Subcommands.Add(Validate());
        command.Subcommands.Add(Series());
        return command;
    }

    private static Option<string> WeightingOption() => new("--weighting") { Description = "unity|modulus|proportional", DefaultValueFactory = _ => "modulus" };

    private static ImpedanceWeighting ParseWeighting(string text) => text switch
    {
        "unity" => ImpedanceWeighting.Unity,
        "modulus" => ImpedanceWeighting.Modulus,
        "proportional" => ImpedanceWeighting.Proportional,
        _ => throw new UsageException($"--weighting must be unity, modulus or proportional, got '{text}'"),
    };

    private static Dictionary<string, double> ParseFixed(string[]? items)
    {
        var d = new Dictionary<string, double>();
        foreach (var item in items ?? [])
        {
            var parts = item.Split('=', 2);
            if (parts.Length != 2 || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
                throw new UsageException($"--fix expects NAME=VALUE (e.g. CPE1_1=0.9), got '{item}'");
            d[parts[0].Trim()] = v;
        }
        return d;
    }

    /// <summary>
    /// --bound NAME=LO:HI (SI units, repeatable) checked against the circuit: a known parameter, two numbers with LO &lt; HI,
    /// a positive LO for a log-scaled parameter (resistances, capacitances, time constants), not also held by --fix.
    /// </summary>
    internal static Dictionary<string, (double Lower, double Upper)> ParseBounds(string[]? items, Borolyte.Impedance.Circuits.Circuit circuit,
        IReadOnlyDictionary<string, double> fixedValues)
    {
        var d = new Dictionary<string, (double, double)>();
        foreach (var item in items ?? [])
        {
            var parts = item.Split('=', 2);
            var range = parts.Length == 2 ? parts[1].Split(':') : [];
            if (range.Length != 2
                || !double.TryParse(range[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double lo)
                || !double.TryParse(range[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double hi))
                throw new UsageException($"--bound expects NAME=LOWER:UPPER (e.g. R1=1e3:1e9), got '{item}'");
            string name = parts[0].Trim();
            int k = circuit.ParameterNames.ToList().IndexOf(name);
            if (k < 0)
                throw new UsageException($"--bound {item}: circuit {circuit.Text} has no parameter '{name}' (parameters: {string.Join(", ", circuit.ParameterNames)})");
            if (!double.IsFinite(lo) || !double.IsFinite(hi) || !(lo < hi))
                throw new UsageException($"--bound {item}: the lower bound must be a finite number below the upper bound");
            if (circuit.ParameterDefinitions[k].Scale == Borolyte.Impedance.Circuits.ParameterScale.Log && !(lo > 0))
                throw new UsageException($"--bound {item}: {name} is fitted on a log scale and needs a positive lower bound");
            if (fixedValues.ContainsKey(name)) throw new UsageException($"--bound {item}: {name} is also held by --fix; give one or the other");
            if (!d.TryAdd(name, (lo, hi))) throw new UsageException($"--bound {item}: {name} is bounded twice");
        }
        return d;
    }

    private static Option<double?> MinHzOption() => new("--min-hz") { Description = "Leave out points below this frequency (Hz)" };
    private static Option<double?> MaxHzOption() => new("--max-hz") { Description = "Leave out points above this frequency (Hz)" };

    /// <summary>The file's spectrum restricted to [--min-hz, --max-hz] when either is given.</summary>
    private static Spectrum ReadCropped(string path, int? sweep, double? minHz, double? maxHz)
    {
        if (minHz is { } a && !(a > 0)) throw new UsageException($"--min-hz must be positive, got {a}");
        if (maxHz is { } b && !(b > 0)) throw new UsageException($"--max-hz must be positive, got {b}");
        if (minHz is { } lo && maxHz is { } hi && !(lo < hi)) throw new UsageException($"--min-hz {lo} must be below --max-hz {hi}");
        var spectrum = SpectrumFile.Read(path, sweep);
        if (minHz is null && maxHz is null) return spectrum;
        double min = minHz ?? 0, max = maxHz ?? double.MaxValue;
        int kept = spectrum.FrequenciesHz.Count(f => f >= min && f <= max);
        if (kept == 0)
        {
            string range = minHz is null ? $"at or below {max} Hz" : maxHz is null ? $"at or above {min} Hz" : $"between {min} and {max} Hz";
            throw new InvalidInputException($"{path}: no points {range} (the file spans {N(spectrum.FrequenciesHz.Min())}–{N(spectrum.FrequenciesHz.Max())} Hz)");
        }
        return spectrum.Crop(min, max);
    }

    private static Command Fit()
    {
        var file = new Argument<string>("file") { Description = "Spectrum file (.mpt, .mpr, .z, .DTA, .par, Autolab/CHI/PowerSuite/Parstat text, CSV)" };
        var circuit = new Option<string>("--circuit") { Description = "Circuit, e.g. R0-p(R1,CPE1)-CPE2 or R(RQ)Q", Required = true };
        var weighting = WeightingOption();
        var area = new Option<double?>("--area-cm2") { Description = "Electrode area in cm² (with --thickness-mm: conductivity)" };
        var thickness = new Option<double?>("--thickness-mm") { Description = "Pellet thickness in mm" };
        var areaErr = AreaErrOption();
        var thicknessErr = ThicknessErrOption();
        var fix = FixOption();
        var bound = BoundOption();
        var resistors = new Option<string[]>("--resistance") { Description = "Resistors summed for σ (default: those inside parallel groups)", AllowMultipleArgumentsPerToken = true };
        var sweep = new Option<int?>("--sweep") { Description = "Sweep of a multi-sweep file (1-based)" };
        var minHz = MinHzOption();
        var maxHz = MaxHzOption();
        var json = CliOutput.JsonOption();
        var command = new Command("fit", "Fit an equivalent circuit (automatic initial guess) and, with geometry, the pellet conductivity")
        { file, circuit, weighting, area, thickness, areaErr, thicknessErr, fix, bound, resistors, sweep, minHz, maxHz, json };
        command.SetAction(parse =>
        {
            double? a = parse.GetValue(area), t = parse.GetValue(thickness);
            if ((a is null) != (t is null)) throw new UsageException("--area-cm2 and --thickness-mm go together");
            double? aErr = parse.GetValue(areaErr), tErr = parse.GetValue(thicknessErr);
            if (a is null && (aErr is not null || tErr is not null))
                throw new UsageException("--area-err-cm2 and --thickness-err-mm need --area-cm2 and --thickness-mm");
            var compiled = Borolyte.Impedance.Circuits.Circuit.Parse(parse.GetValue(circuit)!);
            var fixedValues = ParseFixed(parse.GetValue(fix));
            var options = new CircuitFitOptions
            {
                Weighting = ParseWeighting(parse.GetValue(weighting)!), Fixed = fixedValues,
                Bounds = ParseBounds(parse.GetValue(bound), compiled, fixedValues),
            };
            var spectrum = ReadCropped(parse.GetValue(file)!, parse.GetValue(sweep), parse.GetValue(minHz), parse.GetValue(maxHz));
            var fit = CircuitFitter.Fit(spectrum, compiled, options);
            PelletConductivity? sigma = a is { } av && t is { } tv
                ? PelletConductivity.FromFit(fit, av, tv, parse.GetValue(resistors), aErr ?? 0, tErr ?? 0) : null;
            var capacitances = EffectiveCapacitance.ForFit(fit, a, t);
            if (parse.GetValue(json))
            {
                CliOutput.WriteJson(parse, new Dictionary<string, object?>
                {
                    ["circuit"] = fit.Circuit.Text,
                    ["parameters"] = fit.Parameters.Select(p => new Dictionary<string, object?>
                        { ["name"] = p.Name, ["value"] = p.Value, ["stdErr"] = p.StdErr, ["unit"] = p.Unit, ["fixed"] = p.Fixed }).ToList(),
                    ["chiSquare"] = fit.ChiSquare,
                    ["conductivitySPerCm"] = sigma?.ConductivitySPerCm,
                    ["conductivityStdErrSPerCm"] = sigma?.StdErrSPerCm,
                    ["conductivityResistors"] = sigma?.Resistors,
                    ["effectiveCapacitances"] = CapacitanceDocuments(capacitances),
                    ["reducedChiSquare"] = fit.ReducedChiSquare,
                    ["aic"] = fit.Aic,
                    ["bic"] = fit.Bic,
                    ["weighting"] = fit.Weighting.ToString().ToLowerInvariant(),
                    ["pointCount"] = fit.PointCount,
                    ["impedancePyCircuit"] = fit.Circuit.ImpedancePyText,
                    ["correlation"] = Rows(fit.Correlation),
                    ["warnings"] = spectrum.Metadata.Warnings.Concat(fit.Warnings).ToList(),
                });
                return CliApp.ExitOk;
            }
            var console = CliOutput.Console(parse);
            console.WriteLine($"{spectrum.Metadata.Format}: {spectrum.Count} points, {N(spectrum.FrequenciesHz.Min())}–{N(spectrum.FrequenciesHz.Max())} Hz");
            var table = new Table().AddColumns("Parameter", "Value", "Std. error", "Unit");
            foreach (var p in fit.Parameters) table.AddRow(p.Name, N(p.Value), p.Fixed ? "fixed" : N(p.StdErr), Markup.Escape(p.Unit));
            console.Write(table);
            console.WriteLine($"χ² = {N(fit.ChiSquare)}, reduced χ² = {N(fit.ReducedChiSquare)} ({fit.Weighting.ToString().ToLowerInvariant()} weighting), AIC = {fit.Aic:0.0}, BIC = {fit.Bic:0.0}");
            if (sigma is not null) console.WriteLine($"σ = {N(sigma.ConductivitySPerCm)} ± {N(sigma.StdErrSPerCm)} S/cm (R = {string.Join(" + ", sigma.Resistors)} = {N(sigma.ResistanceOhm)} Ω)");
            if (capacitances.Count > 0)
            {
                var ct = new Table().AddColumns("Element", "C_eff (F)", "Std. error", "with", "C·L/A (F/cm)", "Assignment");
                foreach (var c in capacitances)
                    ct.AddRow(c.Element, N(c.CapacitanceF), N(c.StdErrF), Markup.Escape(c.Resistors.Count == 0 ? "—" : $"{string.Join("+", c.Resistors)} ({c.Pairing})"),
                        c.CapacitancePerCellConstantFPerCm is { } cc ? N(cc) : "—", EffectiveCapacitance.Describe(c.Origin));
                console.Write(ct);
            }
            foreach (var w in spectrum.Metadata.Warnings.Concat(fit.Warnings)) console.WriteLine(Markup.Escape($"warning: {w}"));
            return CliApp.ExitOk;
        });
        return command;
    }

    private static Option<double?> AreaErrOption() => new("--area-err-cm2") { Description = "Standard uncertainty of the electrode area in cm² (propagated into σ)" };
    private static Option<double?> ThicknessErrOption() => new("--thickness-err-mm") { Description = "Standard uncertainty of the pellet thickness in mm (propagated into σ)" };
    private static Option<string[]> FixOption() => new("--fix") { Description = "Hold a parameter: NAME=VALUE (repeat)" };
    private static Option<string[]> BoundOption() => new("--bound") { Description = "Bound a parameter: NAME=LOWER:UPPER in SI units, e.g. R1=1e3:1e9 (repeat)" };

    /// <summary>The JSON of <see cref="EffectiveCapacitance.ForFit"/>: one object per CPE or C, in circuit order.</summary>
    internal static List<Dictionary<string, object?>> CapacitanceDocuments(IReadOnlyList<ElementCapacitance> capacitances) =>
        capacitances.Select(c => new Dictionary<string, object?>
        {
            ["element"] = c.Element, ["pairing"] = c.Pairing, ["resistors"] = c.Resistors,
            ["effectiveCapacitanceF"] = c.CapacitanceF, ["effectiveCapacitanceStdErrF"] = c.StdErrF,
            ["capacitancePerCellConstantFPerCm"] = c.CapacitancePerCellConstantFPerCm, ["assignment"] = EffectiveCapacitance.JsonName(c.Origin),
        }).ToList();

    private static List<double[]> Rows(double[,] m) =>
        Enumerable.Range(0, m.GetLength(0)).Select(i => Enumerable.Range(0, m.GetLength(1)).Select(j => m[i, j]).ToArray()).ToList();

    private static Command Validate()
    {
        var file = new Argument<string>("file") { Description = "Spectrum file" };
        var capacitance = new Option<bool>("--series-capacitance") { Description = "Add a series capacitance (blocking electrodes)" };
        var inductance = new Option<bool>("--series-inductance") { Description = "Add a series inductance (cables)" };
        var c = new Option<double>("--mu-threshold") { Description = "μ threshold c", DefaultValueFactory = _ => 0.85 };
        var sweep = new Option<int?>("--sweep") { Description = "Sweep of a multi-sweep file (1-based)" };
        var minHz = MinHzOption();
        var maxHz = MaxHzOption();
        var json = CliOutput.JsonOption();
        var command = new Command("validate", "Linear Kramers–Kronig test (Schönleber's μ criterion): residuals and pass/fail")
            { file, capacitance, inductance, c, sweep, minHz, maxHz, json };
        command.SetAction(parse =>
        {
            var spectrum = ReadCropped(parse.GetValue(file)!, parse.GetValue(sweep), parse.GetValue(minHz), parse.GetValue(maxHz));
            var kk = KramersKronig.Test(spectrum, new KramersKronigOptions
            {
                SeriesCapacitance = parse.GetValue(capacitance), SeriesInductance = parse.GetValue(inductance), MuThreshold = parse.GetValue(c),
            });
            if (parse.GetValue(json))
            {
                CliOutput.WriteJson(parse, new Dictionary<string, object?>
                {
                    ["mu"] = kk.Mu, ["numRC"] = kk.NumRC, ["residualRmsPercent"] = kk.ResidualRmsPercent, ["pass"] = kk.Pass,
                    ["maxResidualPercent"] = 100 * kk.RealResiduals.Concat(kk.ImaginaryResiduals).Max(Math.Abs),
                    ["frequenciesHz"] = spectrum.FrequenciesHz, ["realResiduals"] = kk.RealResiduals, ["imaginaryResiduals"] = kk.ImaginaryResiduals,
                });
                return CliApp.ExitOk;
            }
            var console = CliOutput.Console(parse);
            console.WriteLine($"μ = {kk.Mu:0.000} with {kk.NumRC} RC elements; residual rms {kk.ResidualRmsPercent:0.###} % of |Z|: {(kk.Pass ? "PASS" : "FAIL")}");
            return CliApp.ExitOk;
        });
        return command;
    }

    private static Command Series()
    {
        var source = new Argument<string>("source") { Description = "Folder of spectra with temperatures in the file names, or a manifest CSV (file,temperature_C|temperature_K)" };
        var circuit = new Option<string>("--circuit") { Description = "Circuit for every spectrum", Required = true };
        var area = new Option<double>("--area-cm2") { Description = "Electrode area in cm²", Required = true };
        var thickness = new Option<double>("--thickness-mm") { Description = "Pellet thickness in mm", Required = true };
        var areaErr = AreaErrOption();
        var thicknessErr = ThicknessErrOption();
        var weighting = WeightingOption();
        var fix = FixOption();
        var bound = BoundOption();
        var model = new Option<string>("--model") { Description = "σ(T) model: auto|arrhenius|arrhenius-t|vtf|piecewise", DefaultValueFactory = _ => "auto" };
        var json = CliOutput.JsonOption();
        var command = new Command("series", "Fit a temperature series (warm starts, both cores) and the σ(T) model")
            { source, circuit, area, thickness, areaErr, thicknessErr, weighting, fix, bound, model, json };
        command.SetAction(parse =>
        {
            string modelText = parse.GetValue(model)!;
            ConductivityModelKind? kind = modelText == "auto" ? null
                : ConductivityFit.ParseModel(modelText) ?? throw new UsageException($"--model must be auto, arrhenius, arrhenius-t, vtf or piecewise, got '{modelText}'");
            var compiled = Borolyte.Impedance.Circuits.Circuit.Parse(parse.GetValue(circuit)!);
            var fixedValues = ParseFixed(parse.GetValue(fix));
            var options = new CircuitFitOptions
            {
                Weighting = ParseWeighting(parse.GetValue(weighting)!), Fixed = fixedValues,
                Bounds = ParseBounds(parse.GetValue(bound), compiled, fixedValues),
            };
            double a = parse.GetValue(area), t = parse.GetValue(thickness);
            double aErr = parse.GetValue(areaErr) ?? 0, tErr = parse.GetValue(thicknessErr) ?? 0;
            PelletConductivity.CheckGeometry(a, t, aErr, tErr);
            var spectra = TemperatureSeries.Load(parse.GetValue(source)!);
            bool asJson = parse.GetValue(json);
            var (points, fit) = asJson
                ? TemperatureSeries.Fit(spectra, compiled.Text, a, t, options, kind, areaStdErrCm2: aErr, thicknessStdErrMm: tErr)
                : WithProgressBar(spectra.Count, progress =>
                    TemperatureSeries.Fit(spectra, compiled.Text, a, t, options, kind, progress, areaStdErrCm2: aErr, thicknessStdErrMm: tErr));
            if (asJson)
            {
                CliOutput.WriteJson(parse, new Dictionary<string, object?>
                {
                    ["points"] = points.Select(p => new Dictionary<string, object?>
                    {
                        ["temperatureK"] = p.TemperatureK, ["conductivitySPerCm"] = p.Conductivity.ConductivitySPerCm,
                        ["conductivityStdErrSPerCm"] = p.Conductivity.StdErrSPerCm, ["file"] = p.Spectrum.Metadata.SourcePath,
                        ["reducedChiSquare"] = p.Fit.ReducedChiSquare,
                        ["effectiveCapacitances"] = CapacitanceDocuments(EffectiveCapacitance.ForFit(p.Fit, a, t)), ["warnings"] = p.Fit.Warnings,
                    }).ToList(),
                    ["fit"] = fit is null ? null : ConductivityCommands.FitDocument(fit),
                });
                return CliApp.ExitOk;
            }
            var console = CliOutput.Console(parse);
            var table = new Table().AddColumns("T (K)", "σ (S/cm)", "± (S/cm)", "C_eff (assignment)", "file");
            foreach (var p in points)
                table.AddRow(N(p.TemperatureK), N(p.Conductivity.ConductivitySPerCm), N(p.Conductivity.StdErrSPerCm),
                    Markup.Escape(string.Join("; ", EffectiveCapacitance.ForFit(p.Fit, a, t).Select(c => $"{c.Element} {N(c.CapacitanceF)} F ({EffectiveCapacitance.Describe(c.Origin)})"))),
                    Markup.Escape(Path.GetFileName(p.Spectrum.Metadata.SourcePath ?? "")));
            console.Write(table);
            if (fit is not null) ConductivityCommands.Render(console, fit);
            else console.WriteLine("fewer than 3 temperatures: no σ(T) model fitted");
            return CliApp.ExitOk;
        });
        return command;
    }

    /// <summary>
    /// Runs <paramref name="work"/> under a progress display on stderr (stdout keeps only the results): a Spectre progress
    /// bar when stderr is a terminal; when stderr is redirected (a log file, a pipe) an animated bar would fill the log
    /// with control sequences, so plain lines are written at every tenth of the work instead.
    /// </summary>
    private static T WithProgressBar<T>(int total, Func<IProgress<int>, T> work)
    {
        string description = $"fitting {total} spectra";
        if (System.Console.IsErrorRedirected)
            return work(new LineProgress(System.Console.Error, description, total));
        var stderr = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(System.Console.Error) });
        return stderr.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(description, maxValue: total);
                var result = work(new BarProgress(task));
                task.Value = total;
                return result;
            });
    }

    /// <summary>Sets the bar from the worker threads directly (Progress&lt;T&gt; would post to a synchronisation context).</summary>
    private sealed class BarProgress(ProgressTask task) : IProgress<int>
    {
        private readonly Lock _gate = new();
        public void Report(int done)
        {
            lock (_gate) task.Value = Math.Max(task.Value, done);
        }
    }

    /// <summary>"fitting N spectra: k/N (p %)" each time another tenth is done (reports may arrive out of order from the workers).</summary>
    private sealed class LineProgress(TextWriter writer, string description, int total) : IProgress<int>
    {
        private readonly Lock _gate = new();
        private int _best, _lastTenth = -1;
        public void Report(int done)
        {
            lock (_gate)
            {
                _best = Math.Max(_best, done);
                int tenth = total == 0 ? 10 : 10 * _best / total;
                if (tenth <= _lastTenth) return;
                _lastTenth = tenth;
                writer.WriteLine($"{description}: {_best}/{total} ({100 * _best / Math.Max(total, 1)}%)");
                writer.Flush();
            }
        }
    }

    private static string N(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
}
