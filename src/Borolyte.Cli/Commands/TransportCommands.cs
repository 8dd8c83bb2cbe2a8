using System.CommandLine;
using System.Globalization;
using Borolyte.Transport;
using Spectre.Console;

namespace Borolyte.Cli.Commands;

/// <summary>`borolyte transport hopping`: the hopping model of the review's eq. 1–2 (docs/transport.md).</summary>
public static class TransportCommands
{
    public static Command Build()
    {
        var command = new Command("transport", "Ion-transport models");
        command.Subcommands.Add(Hopping());
        return command;
    }

    private static Command Hopping()
    {
        var z = new Option<double>("--geometric-factor") { Description = "z (≤ 1; 1/6 for isotropic 3-D hopping)", DefaultValueFactory = _ => 1.0 / 6 };
        var n = new Option<double>("--carrier-density-per-cm3") { Description = "Mobile-ion density n in cm⁻³", Required = true };
        var charge = new Option<int>("--charge") { Description = "Charge number Z of the mobile ion", DefaultValueFactory = _ => 1 };
        var a0 = new Option<double>("--jump-distance-angstrom") { Description = "Jump distance a₀ in Å", Required = true };
        var nu = new Option<double?>("--jump-frequency-hz") { Description = "Jump frequency ν₀ in Hz (or give --prefactor-s-k-per-cm to infer it)" };
        var prefactor = new Option<double?>("--prefactor-s-k-per-cm") { Description = "Measured σ₀ of σ = (σ₀/T)·exp(−Eₐ/k_BT) in S·K/cm: infer ν₀" };
        var ea = new Option<double>("--activation-energy-ev") { Description = "Eₐ in eV", Required = true };
        var ds = new Option<double>("--migration-entropy-kb") { Description = "ΔS_m in units of k_B", DefaultValueFactory = _ => 0 };
        var temps = new Option<double[]>("--temperature-c") { Description = "Temperatures in °C (repeat)", DefaultValueFactory = _ => [25.0], AllowMultipleArgumentsPerToken = true };
        var json = CliOutput.JsonOption();
        var command = new Command("hopping", "σ(T) from the hopping model σ = (σ₀/T)exp(−Eₐ/k_BT), σ₀ = z n (Ze)² a₀² ν₀/k_B exp(ΔS_m/k_B)")
        { z, n, charge, a0, nu, prefactor, ea, ds, temps, json };
        command.SetAction(parse =>
        {
            double? nuHz = parse.GetValue(nu), pre = parse.GetValue(prefactor);
            if ((nuHz is null) == (pre is null)) throw new UsageException("give exactly one of --jump-frequency-hz and --prefactor-s-k-per-cm");
            double density = parse.GetValue(n) * 1e6, a = parse.GetValue(a0) * 1e-10;
            double frequency = nuHz ?? HoppingConductivity.JumpFrequencyFromPrefactor(pre!.Value * 100, parse.GetValue(z), density, parse.GetValue(charge), a, parse.GetValue(ds));
            var model = new HoppingConductivity(parse.GetValue(z), density, parse.GetValue(charge), a, frequency, parse.GetValue(ea), parse.GetValue(ds));
            var rows = parse.GetValue(temps)!.Select(t => new { temperatureC = t, temperatureK = t + PhysicalConstants.ZeroCelsiusK,
                conductivitySPerCm = model.ConductivitySPerM(t + PhysicalConstants.ZeroCelsiusK) / 100 }).ToList();
            if (parse.GetValue(json))
            {
                CliOutput.WriteJson(parse, new { prefactorSKPerCm = model.PrefactorSKPerM / 100, jumpFrequencyHz = frequency, points = rows });
                return CliApp.ExitOk;
            }
            var console = CliOutput.Console(parse);
            console.WriteLine($"σ₀ = {model.PrefactorSKPerM / 100:G4} S K/cm, ν₀ = {frequency:G4} Hz");
            foreach (var r in rows) console.WriteLine($"{r.temperatureC.ToString("0.##", CultureInfo.InvariantCulture)} °C: σ = {r.conductivitySPerCm:G4} S/cm");
            return CliApp.ExitOk;
        });
        return command;
    }
}
