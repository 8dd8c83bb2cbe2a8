using System.CommandLine;
using System.Globalization;
using Borolyte.Reporting;
using Borolyte.Transport.Nmr;
using Spectre.Console;

namespace Borolyte.Cli.Commands;

/// <summary>`borolyte nmr fit R1.csv --larmor-mhz 400 [...]`: BPP fit of spin–lattice relaxation rates (docs/transport.md).</summary>
public static class NmrCommands
{
    public static Command Build()
    {
        var command = new Command("nmr", "NMR spin–lattice relaxation: BPP fits of R1(T), jump rates, activation energies");
        command.Subcommands.Add(Fit());
        return command;
    }

    private static Command Fit()
    {
        var data = new Argument<string>("data") { Description = "CSV: temperature (unit in the header, °C or K), R1 in s^-1, optional larmor_MHz and R1_err columns" };
        var larmor = new Option<double[]>("--larmor-mhz") { Description = "Larmor frequency in MHz (repeat for several; selects rows when the file has a larmor_MHz column)", DefaultValueFactory = _ => [] };
        var processes = new Option<int>("--processes") { Description = "Number of jump processes (BPP terms), 1–3", DefaultValueFactory = _ => 1 };
        var transition = new Option<double?>("--transition-k") { Description = "Known phase-transition temperature in K: the phases are fitted separately" };
        var detect = new Option<bool>("--detect-transition") { Description = "Look for an R1 discontinuity between two temperatures (kept when AICc improves)" };
        var json = CliOutput.JsonOption();
        var output = CliOutput.OutOption("Also write an HTML report: R1 against 1000/T with the fitted curves");
        var command = new Command("fit", "Fit R1(T) at one or several Larmor frequencies with the BPP model") { data, larmor, processes, transition, detect, json, output };
        command.SetAction(parse =>
        {
            if (parse.GetValue(transition) is not null && parse.GetValue(detect)) throw new UsageException("give either --transition-k or --detect-transition, not both");
            int k = parse.GetValue(processes);
            if (k is < 1 or > 3) throw new UsageException($"--processes must be 1, 2 or 3, got {k}");
            var points = RelaxationCsv.Read(parse.GetValue(data)!, parse.GetValue(larmor)!);
            var order = parse.GetValue(larmor)!.Select(v => v * 1e6).ToList();
            // The first --larmor-mhz is the reference frequency of the peak temperature; keep that order.
            if (order.Count > 0) points = points.OrderBy(p => order.FindIndex(l => Math.Abs(l - p.LarmorHz) <= 1e-6 * l)).ToList();
            var fit = BppFitter.Fit(points, new BppFitOptions(k, parse.GetValue(transition), parse.GetValue(detect)));
            if (parse.GetValue(output) is { } file)
            {
                var report = new HtmlReport($"BPP fit of {Path.GetFileName(parse.GetValue(data))}");
                report.AddFigure(RelaxationFigure.Build(fit));
                report.Save(file.FullName);
            }
            if (parse.GetValue(json)) { CliOutput.WriteJson(parse, Document(fit)); return CliApp.ExitOk; }
            Render(CliOutput.Console(parse), fit);
            if (parse.GetValue(output) is { } written) CliOutput.Console(parse).WriteLine($"wrote {written.FullName}");
            return CliApp.ExitOk;
        });
        return command;
    }

    private static double? Finite(double v) => double.IsFinite(v) ? v : null;

    /// <summary>The `nmr fit --json` document: the issue's contract keys first.</summary>
    public static object Document(BppFit fit)
    {
        var p = fit.Primary;
        var (peak, peakErr) = fit.PrimaryPeak();
        return new Dictionary<string, object?>
        {
            ["activationEnergyEv"] = p.ActivationEnergyEv,
            ["tau0S"] = p.Tau0S,
            ["peakTemperatureK"] = Finite(peak),
            ["jumpRates"] = fit.JumpRates().Select(r => new Dictionary<string, object?> { ["temperatureK"] = r.TemperatureK, ["rateHz"] = r.RateHz }).ToList(),
            ["activationEnergyStdErrEv"] = Finite(p.ActivationEnergyStdErrEv),
            ["tau0RelStdErr"] = Finite(p.LnTau0StdErr),
            ["peakTemperatureStdErrK"] = Finite(peakErr),
            ["peakLarmorMHz"] = fit.LarmorHz[0] / 1e6,
            ["couplingPerS2"] = p.CouplingPerS2,
            ["segments"] = fit.Segments.Select(s => new Dictionary<string, object?>
            {
                ["tMinK"] = s.TMinK, ["tMaxK"] = s.TMaxK, ["pointCount"] = s.PointCount,
                ["processes"] = s.Processes.Select(q => new Dictionary<string, object?>
                {
                    ["activationEnergyEv"] = q.ActivationEnergyEv, ["activationEnergyStdErrEv"] = Finite(q.ActivationEnergyStdErrEv),
                    ["tau0S"] = q.Tau0S, ["tau0RelStdErr"] = Finite(q.LnTau0StdErr),
                    ["couplingPerS2"] = q.CouplingPerS2, ["couplingRelStdErr"] = Finite(q.LnCouplingStdErr),
                    ["peaks"] = fit.LarmorHz.Select(l => new Dictionary<string, object?> { ["larmorMHz"] = l / 1e6, ["temperatureK"] = Finite(q.PeakTemperatureK(l)) }).ToList(),
                }).ToList(),
                ["flanks"] = s.Flanks.Select(f => new Dictionary<string, object?>
                {
                    ["limit"] = f.Limit, ["activationEnergyEv"] = f.ActivationEnergyEv, ["activationEnergyStdErrEv"] = Finite(f.ActivationEnergyStdErrEv), ["pointCount"] = f.PointCount,
                }).ToList(),
            }).ToList(),
            ["transitions"] = fit.Transitions.Select(t => new Dictionary<string, object?>
            {
                ["temperatureK"] = t.TemperatureK, ["temperatureStdErrK"] = t.TemperatureStdErrK, ["detected"] = t.Detected,
            }).ToList(),
            ["larmorMHz"] = fit.LarmorHz.Select(l => l / 1e6).ToList(),
            ["weightedSse"] = fit.WeightedSse,
            ["reducedChiSquare"] = Finite(fit.ReducedChiSquare),
            ["aicc"] = Finite(fit.Aicc),
            ["pointCount"] = fit.Points.Count,
            ["warnings"] = fit.Warnings,
        };
    }

    private static void Render(IAnsiConsole console, BppFit fit)
    {
        console.WriteLine($"BPP fit of {fit.Points.Count} R1 points at {string.Join(", ", fit.LarmorHz.Select(l => N(l / 1e6)))} MHz, reduced χ² (ln R1) = {N(fit.ReducedChiSquare)}");
        var table = new Table().AddColumns("Phase (K)", "Process", "Eₐ (eV)", "± (eV)", "τ₀ (s)", "C (s⁻²)", $"T_peak at {N(fit.LarmorHz[0] / 1e6)} MHz (K)");
        for (int s = 0; s < fit.Segments.Count; s++)
        {
            var seg = fit.Segments[s];
            for (int j = 0; j < seg.Processes.Count; j++)
            {
                var q = seg.Processes[j];
                table.AddRow($"{N(seg.TMinK)}–{N(seg.TMaxK)}", (j + 1).ToString(CultureInfo.InvariantCulture) + (s == fit.PrimarySegment && j == fit.PrimaryProcess ? " *" : ""),
                    q.ActivationEnergyEv.ToString("0.000", CultureInfo.InvariantCulture), q.ActivationEnergyStdErrEv.ToString("0.000", CultureInfo.InvariantCulture),
                    N(q.Tau0S), N(q.CouplingPerS2), N(q.PeakTemperatureK(fit.LarmorHz[0])));
            }
        }
        console.Write(table);
        foreach (var t in fit.Transitions)
            console.WriteLine($"transition at {N(t.TemperatureK)}{(t.Detected ? $" ± {N(t.TemperatureStdErrK)}" : "")} K");
        foreach (var seg in fit.Segments)
            foreach (var f in seg.Flanks)
                console.WriteLine($"{f.Limit}-motion flank ({N(seg.TMinK)}–{N(seg.TMaxK)} K, {f.PointCount} points): apparent Eₐ = {f.ActivationEnergyEv:0.000} ± {f.ActivationEnergyStdErrEv:0.000} eV");
        var (peak, err) = fit.PrimaryPeak();
        if (double.IsFinite(peak)) console.WriteLine($"R1 maximum (ωτ = 0.616) of process * at {N(fit.LarmorHz[0] / 1e6)} MHz: {N(peak)} ± {N(err)} K");
        foreach (var w in fit.Warnings) console.WriteLine($"warning: {w}");
    }

    private static string N(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
}
