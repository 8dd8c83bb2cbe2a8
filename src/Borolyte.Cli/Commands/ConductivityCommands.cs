using System.CommandLine;
using System.Globalization;
using Borolyte.Storage;
using Borolyte.Knowledge;
using Borolyte.Transport;
using Spectre.Console;

namespace Borolyte.Cli.Commands;

/// <summary>`borolyte conductivity fit DATA.csv|--compound F`: σ(T) models (docs/transport.md).</summary>
public static class ConductivityCommands
{
    public static Command Build()
    {
        var command = new Command("conductivity", "Fit conductivity against temperature: Arrhenius, VTF, phase transitions");
        command.Subcommands.Add(Fit());
        return command;
    }

    private static Command Fit()
    {
        var data = new Argument<string?>("data") { Description = "CSV with a temperature column (unit in the header: °C or K) and conductivity in S/cm", Arity = ArgumentArity.ZeroOrOne };
        var model = new Option<string>("--model") { Description = "auto|arrhenius|arrhenius-t|vtf|piecewise", DefaultValueFactory = _ => "auto" };
        var compound = new Option<string?>("--compound") { Description = "Fit the knowledge base's σ(T) records of this compound instead of a file" };
        var db = new Option<string>("--db") { Description = "Knowledge-base file (default: $XDG_DATA_HOME/borolyte/borolyte.db)", DefaultValueFactory = _ => DatabaseLocation.Default() };
        var json = CliOutput.JsonOption();
        var command = new Command("fit", "Fit σ(T): activation energies, transitions, σ(25 °C) with its 95 % interval") { data, model, compound, db, json };
        command.SetAction(parse =>
        {
            string? file = parse.GetValue(data), formula = parse.GetValue(compound);
            if ((file is null) == (formula is null)) throw new UsageException("give either a DATA.csv file or --compound FORMULA");
            string modelText = parse.GetValue(model)!;
            ConductivityModelKind? kind = modelText == "auto" ? null
                : ConductivityFit.ParseModel(modelText) ?? throw new UsageException($"--model must be auto, arrhenius, arrhenius-t, vtf or piecewise, got '{modelText}'");
            IReadOnlyList<ConductivityMeasurement> points;
            if (file is not null) points = ConductivityCsv.Read(file);
            else
            {
                using var kb = KnowledgeBase.Open(parse.GetValue(db)!);
                var records = kb.ConductivitySeries(formula!);
                points = ConductivityRecordFits.Measurements(records);
                int temperatures = ConductivityRecordFits.DistinctTemperatures(points);
                if (temperatures < ConductivityRecordFits.MinimumTemperatures)
                    throw new InvalidInputException($"the knowledge base holds {points.Count} σ(T) point value(s) at {temperatures} distinct temperature(s) for {formula} " +
                        $"({records.Count - points.Count} bound(s) not counted): too few to fit (at least {ConductivityRecordFits.MinimumTemperatures} are needed); add records with 'borolyte materials add-property'");
            }
            var fit = ConductivityFitter.Fit(points, kind);
            if (parse.GetValue(json)) { CliOutput.WriteJson(parse, FitDocument(fit)); return CliApp.ExitOk; }
            Render(CliOutput.Console(parse), fit);
            return CliApp.ExitOk;
        });
        return command;
    }

    /// <summary>The `conductivity fit --json` document (also the "fit" of `eis series --json`): contract keys first.</summary>
    public static object FitDocument(ConductivityFit fit) => new Dictionary<string, object?>
    {
        ["model"] = ConductivityFit.ModelName(fit.Model),
        ["segments"] = fit.Segments.Select(s => new Dictionary<string, object?>
        {
            ["tMinK"] = s.TMinK, ["tMaxK"] = s.TMaxK, ["activationEnergyEv"] = s.ActivationEnergyEv,
            ["activationEnergyStdErrEv"] = s.ActivationEnergyStdErrEv, ["prefactorSPerCm"] = s.PrefactorSPerCm,
            ["prefactorUnit"] = s.TimesT ? "S K/cm" : "S/cm",
        }).ToList(),
        ["transitions"] = fit.Transitions.Select(t => new Dictionary<string, object?>
        {
            ["temperatureK"] = t.TemperatureK, ["jumpDecades"] = t.JumpDecades,
            ["temperatureStdErrK"] = t.TemperatureStdErrK, ["jumpStdErrDecades"] = t.JumpStdErrDecades,
        }).ToList(),
        ["sigma25CSPerCm"] = fit.Sigma25CSPerCm,
        ["sigma25CCi95SPerCm"] = new[] { fit.Sigma25CLowerSPerCm, fit.Sigma25CUpperSPerCm },
        ["kinks"] = fit.Kinks.Select(k => new Dictionary<string, object?>
        {
            ["temperatureK"] = k.TemperatureK, ["temperatureStdErrK"] = k.TemperatureStdErrK, ["jumpDecades"] = k.JumpDecades,
            ["jumpStdErrDecades"] = k.JumpStdErrDecades, ["activationEnergyBelowEv"] = k.ActivationEnergyBelowEv, ["activationEnergyAboveEv"] = k.ActivationEnergyAboveEv,
        }).ToList(),
        ["vtfT0K"] = fit.VtfT0K,
        ["aicc"] = fit.AiccByModel.ToDictionary(kv => ConductivityFit.ModelName(kv.Key), kv => double.IsFinite(kv.Value) ? (double?)kv.Value : null),
        ["pointCount"] = fit.Points.Count,
        ["warnings"] = fit.Warnings,
    };

    internal static void Render(IAnsiConsole console, ConductivityFit fit)
    {
        console.WriteLine($"model: {ConductivityFit.ModelName(fit.Model)} ({fit.Points.Count} points)");
        var table = new Table().AddColumns("T range (K)", "Eₐ (eV)", "± (eV)", "prefactor");
        foreach (var s in fit.Segments)
            table.AddRow($"{N(s.TMinK)}–{N(s.TMaxK)}", s.ActivationEnergyEv.ToString("0.000", CultureInfo.InvariantCulture),
                s.ActivationEnergyStdErrEv.ToString("0.000", CultureInfo.InvariantCulture), $"{N(s.PrefactorSPerCm)} {(s.TimesT ? "S K/cm" : "S/cm")}");
        console.Write(table);
        foreach (var t in fit.Transitions)
            console.WriteLine($"transition at {N(t.TemperatureK)} ± {N(t.TemperatureStdErrK)} K: σ jumps {t.JumpDecades:0.00} ± {t.JumpStdErrDecades:0.00} decades");
        foreach (var k in fit.Kinks)
            console.WriteLine($"kink at {N(k.TemperatureK)} ± {N(k.TemperatureStdErrK)} K: Eₐ {k.ActivationEnergyBelowEv:0.00} → {k.ActivationEnergyAboveEv:0.00} eV, no significant jump ({k.JumpDecades:0.00} ± {k.JumpStdErrDecades:0.00} decades)");
        if (fit.VtfT0K is { } t0) console.WriteLine($"VTF T₀ = {N(t0)} K");
        console.WriteLine($"σ(25 °C) = {N(fit.Sigma25CSPerCm)} S/cm (95 %: {N(fit.Sigma25CLowerSPerCm)}–{N(fit.Sigma25CUpperSPerCm)})");
        foreach (var w in fit.Warnings) console.WriteLine($"warning: {w}");
    }

    private static string N(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
}
