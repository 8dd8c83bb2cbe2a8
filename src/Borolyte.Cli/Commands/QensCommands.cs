using System.CommandLine;
using System.Globalization;
using Borolyte.Reporting;
using Borolyte.Transport.Qens;
using Spectre.Console;

namespace Borolyte.Cli.Commands;

/// <summary>`borolyte qens eisf|fit`: EISF models of reorienting closo anions (docs/transport.md).</summary>
public static class QensCommands
{
    public static Command Build()
    {
        var command = new Command("qens", "Quasielastic neutron scattering: EISF models of anion reorientation and their fit");
        command.Subcommands.Add(EisfCommand());
        command.Subcommands.Add(Fit());
        return command;
    }

    private static Option<string> AnionOption() => new("--anion") { Description = "B12H12, B10H10 or CB11H12", Required = true };

    private static Command EisfCommand()
    {
        var anion = AnionOption();
        var model = new Option<string>("--model") { Description = "c2|c3|c4|c5|multiaxial|isotropic (those the anion's symmetry allows)", Required = true };
        var q = new Option<double[]>("--q") { Description = "Momentum transfer in Å⁻¹ (repeat); default 0.1–3.0 in steps of 0.1", DefaultValueFactory = _ => [] };
        var json = CliOutput.JsonOption();
        var command = new Command("eisf", "Elastic incoherent structure factor A0(Q) of a rotational model") { anion, model, q, json };
        command.SetAction(parse =>
        {
            var a = ClosoAnion.Parse(parse.GetValue(anion)!);
            string modelText = parse.GetValue(model)!;
            var kind = Eisf.Parse(modelText) ?? throw new UsageException($"--model must be c2, c3, c4, c5, multiaxial or isotropic, got '{modelText}'");
            var qs = parse.GetValue(q)!;
            if (qs.Length == 0) qs = Enumerable.Range(1, 30).Select(i => i / 10.0).ToArray();
            foreach (var v in qs) if (!(v >= 0) || !double.IsFinite(v)) throw new InvalidInputException($"--q must be a non-negative number of Å⁻¹, got {v}");
            var points = qs.Select(v => (Q: v, A: Eisf.Evaluate(a, kind, v * 1e10))).ToList();
            double limit = Eisf.LargeQLimit(a, kind);
            if (parse.GetValue(json))
            {
                CliOutput.WriteJson(parse, new Dictionary<string, object?>
                {
                    ["anion"] = a.Name, ["model"] = Eisf.Name(kind), ["mechanism"] = Eisf.Mechanism(kind),
                    ["points"] = points.Select(p => new Dictionary<string, object?> { ["qInvAngstrom"] = p.Q, ["eisf"] = p.A }).ToList(),
                    ["largeQLimit"] = limit, ["hydrogenCount"] = a.Hydrogens.Count,
                    ["hydrogenRadiiAngstrom"] = a.Hydrogens.Select(h => Math.Round(h.Length * 1e10, 6)).Distinct().Order().ToList(),
                    ["geometry"] = a.GeometrySource,
                });
                return CliApp.ExitOk;
            }
            var console = CliOutput.Console(parse);
            console.WriteLine($"{a.Name}, {Eisf.Name(kind)} ({Eisf.Mechanism(kind)}): {a.GeometrySource}");
            if (kind == EisfModelKind.Multiaxial) console.WriteLine(a.MultiaxialDescription);
            var table = new Table().AddColumns("Q (Å⁻¹)", "EISF");
            foreach (var p in points) table.AddRow(N(p.Q), p.A.ToString("0.0000", CultureInfo.InvariantCulture));
            console.Write(table);
            console.WriteLine($"large-Q limit {limit:0.0000} ({a.Hydrogens.Count} H)");
            return CliApp.ExitOk;
        });
        return command;
    }

    private static Command Fit()
    {
        var data = new Argument<string>("data") { Description = "CSV: Q (unit in the header, Å⁻¹ or nm⁻¹), EISF, optional EISF_err" };
        var anion = AnionOption();
        var immobile = new Option<string?>("--immobile-fraction")
        {
            Description = "Fraction p of anions immobile on the instrument time scale, A = p + (1−p)·A0: fit (the default), none, or a value in [0, 1)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var json = CliOutput.JsonOption();
        var output = CliOutput.OutOption("Also write an HTML report: measured EISF with every model");
        var command = new Command("fit", "Compare the anion's EISF models with measured A0(Q): uniaxial vs multiaxial by AIC") { data, anion, immobile, json, output };
        command.SetAction(parse =>
        {
            var a = ClosoAnion.Parse(parse.GetValue(anion)!);
            var fit = EisfFitter.Fit(a, EisfCsv.Read(parse.GetValue(data)!), ParseImmobile(parse.GetValue(immobile)));
            if (parse.GetValue(output) is { } file)
            {
                var report = new HtmlReport($"EISF fit of {Path.GetFileName(parse.GetValue(data))}");
                report.AddFigure(EisfFigure.Build(fit));
                report.Save(file.FullName);
            }
            if (parse.GetValue(json)) { CliOutput.WriteJson(parse, Document(fit)); return CliApp.ExitOk; }
            var console = CliOutput.Console(parse);
            console.WriteLine($"{a.Name}, {fit.Points.Count} points ({(fit.Weighted ? "weighted by uncertainties" : "equal weights")}): best {Eisf.Name(fit.Best.Model)} ({fit.Best.Mechanism})");
            console.WriteLine(fit.Verdict == EisfFit.NoModelFits
                ? $"verdict: no model fits (best reduced χ² = {fit.Best.ReducedChiSquare:0.00}, p = {fit.Best.PValue:G2})"
                : fit.Best.PValue is { } pv ? $"verdict: {fit.Verdict} (reduced χ² = {fit.Best.ReducedChiSquare:0.00}, p = {pv:G2})" : $"verdict: {fit.Verdict} (goodness of fit not tested: no uncertainties)");
            var table = new Table().AddColumns("Model", "Mechanism", "χ²", "χ²/ν", "p", "AIC", "Akaike weight", "Immobile fraction");
            foreach (var m in fit.Models)
                table.AddRow(Eisf.Name(m.Model), m.Mechanism, N(m.ChiSquare), N(m.ReducedChiSquare), m.PValue is { } p ? N(p) : "–", N(m.Aic),
                    m.AkaikeWeight.ToString("0.000", CultureInfo.InvariantCulture),
                    m.ParameterCount > 0 ? $"{m.ImmobileFraction:0.000} ± {m.ImmobileFractionStdErr:0.000}" : m.ImmobileFraction > 0 ? $"{m.ImmobileFraction:0.000} (held)" : "–");
            console.Write(table);
            foreach (var w in fit.Warnings) console.WriteLine($"warning: {w}");
            if (parse.GetValue(output) is { } written) console.WriteLine($"wrote {written.FullName}");
            return CliApp.ExitOk;
        });
        return command;
    }

    private static ImmobileFraction ParseImmobile(string? text) => text switch
    {
        null or "" or "fit" => ImmobileFraction.Fit,
        "none" => ImmobileFraction.None,
        _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) =>
            v is >= 0 and < 1 ? ImmobileFraction.Fixed(v) : throw new UsageException($"--immobile-fraction must be in [0, 1), got {text}"),
        _ => throw new UsageException($"--immobile-fraction must be fit, none or a number in [0, 1), got '{text}'"),
    };

    private static object Document(EisfFit fit) => new Dictionary<string, object?>
    {
        ["anion"] = fit.Anion.Name,
        ["bestModel"] = Eisf.Name(fit.Best.Model),
        ["mechanism"] = fit.Best.Mechanism,
        ["immobileFraction"] = fit.Best.ParameterCount > 0 ? fit.Best.ImmobileFraction : null,
        ["models"] = fit.Models.Select(m => new Dictionary<string, object?>
        {
            ["model"] = Eisf.Name(m.Model), ["mechanism"] = m.Mechanism, ["chiSquare"] = m.ChiSquare, ["aic"] = m.Aic, ["akaikeWeight"] = m.AkaikeWeight,
            ["immobileFraction"] = m.ParameterCount > 0 ? m.ImmobileFraction : null,
            ["immobileFractionStdErr"] = m.ParameterCount > 0 && double.IsFinite(m.ImmobileFractionStdErr) ? m.ImmobileFractionStdErr : null,
            ["degreesOfFreedom"] = m.DegreesOfFreedom, ["reducedChiSquare"] = m.ReducedChiSquare, ["pValue"] = m.PValue, ["fits"] = m.Fits,
        }).ToList(),
        ["weighted"] = fit.Weighted,
        ["pointCount"] = fit.Points.Count,
        ["verdict"] = fit.Verdict,
        ["immobileFractionHandling"] = fit.Best.ParameterCount > 0 ? "fitted" : fit.Best.ImmobileFraction > 0 ? "held" : "none",
        ["geometry"] = fit.Anion.GeometrySource,
        ["warnings"] = fit.Warnings,
    };

    private static string N(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
}
