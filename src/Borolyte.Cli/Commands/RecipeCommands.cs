using Borolyte.Cli.Documents;
using System.CommandLine;
using System.Globalization;
using Borolyte.Chemistry;
using Borolyte.Recipes;
using Spectre.Console;

namespace Borolyte.Cli.Commands;

/// <summary>`borolyte recipe TARGET --from P1,P2 --mass 1g`: precursor masses from the element balance, and solutions.</summary>
public static class RecipeCommands
{
    public static Command Build()
    {
        var targetArg = new Argument<string>("target") { Description = "Target compound, e.g. Na4(B12H12)(B10H10)" };
        var fromOption = new Option<string[]>("--from")
        {
            Description = "Precursors, comma-separated or repeated, e.g. Na2B12H12,Na2B10H10",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var massOption = new Option<string>("--mass") { Description = "Target mass with unit: 1g, 500mg, 0.5 g, 2kg", Required = true };
        var byproductsOption = new Option<string[]>("--byproducts") { Description = "Compounds that may be produced besides the target, e.g. H2,NaCl" };
        var volumeOption = new Option<string?>("--solvent-volume") { Description = "Dissolve the precursors in this solvent volume (20mL, 0.02L) and report the concentration" };
        var concentrationOption = new Option<string?>("--concentration") { Description = "Report the solvent volume for this concentration (100mg/mL, 0.1g/mL, 100 g/L)" };
        var json = CliOutput.JsonOption();
        var command = new Command("recipe", "Precursor masses for a target compound from the element balance; optional solution volume/concentration")
        {
            targetArg, fromOption, massOption, byproductsOption, volumeOption, concentrationOption, json,
        };
        command.SetAction(parse =>
        {
            string? volumeText = parse.GetValue(volumeOption);
            string? concentrationText = parse.GetValue(concentrationOption);
            if (volumeText is not null && concentrationText is not null)
                throw new UsageException("--solvent-volume and --concentration are alternatives: give one (the other is computed)");

            var target = Formula.Parse(parse.GetValue(targetArg)!);
            var precursors = SplitFormulas(parse.GetValue(fromOption)).Select(Formula.Parse).ToList();
            var byproducts = SplitFormulas(parse.GetValue(byproductsOption)).Select(Formula.Parse).ToList();
            if (precursors.Count == 0) throw new UsageException("--from needs at least one precursor");
            double massKg = QuantityParser.ParseMassKg(parse.GetValue(massOption)!, "--mass");
            SolutionPlan? solution = null;
            // Parse the units before solving so a bad unit is reported even when the chemistry is also wrong.
            double? volumeM3 = volumeText is null ? null : QuantityParser.ParseVolumeM3(volumeText, "--solvent-volume");
            double? concentration = concentrationText is null ? null : QuantityParser.ParseConcentrationKgPerM3(concentrationText, "--concentration");

            var recipe = RecipeCalculator.Solve(target, precursors, massKg, byproducts);
            if (volumeM3 is { } v) solution = SolutionPlan.ForSolventVolume(recipe.TotalPrecursorMassKg, v);
            if (concentration is { } c) solution = SolutionPlan.ForConcentration(recipe.TotalPrecursorMassKg, c);

            if (parse.GetValue(json))
            {
                CliOutput.WriteJson(parse, RecipeDocument.From(recipe, solution));
                return CliApp.ExitOk;
            }

            var console = CliOutput.Console(parse);
            var heading = $"{Mg(recipe.TargetMassKg)} mg {target.Text} ({Num(recipe.TargetAmountMol * 1e3, "0.####")} mmol, M = {Num(target.MolarMassGPerMol, "0.###")} g/mol)";
            var table = new Table()
                .AddColumn("Precursor").AddColumn(new TableColumn("M (g/mol)").RightAligned())
                .AddColumn(new TableColumn("mol / mol target").RightAligned())
                .AddColumn(new TableColumn("Amount (mmol)").RightAligned()).AddColumn(new TableColumn("Mass (mg)").RightAligned());
            foreach (var p in recipe.Precursors)
                table.AddRow(Markup.Escape(p.Formula.Text), Num(p.MolarMassGPerMol, "0.###"), Num(p.MolesPerMoleTarget, "0.####"),
                    Num(p.AmountMol * 1e3, "0.####"), Mg(p.MassKg));
            foreach (var p in recipe.Byproducts)
                table.AddRow(Markup.Escape($"(by-product) {p.Formula.Text}"), Num(p.MolarMassGPerMol, "0.###"), Num(p.MolesPerMoleTarget, "0.####"),
                    Num(p.AmountMol * 1e3, "0.####"), Mg(p.MassKg));
            console.WriteLine(heading);
            console.Write(table);
            console.WriteLine(recipe.Equation);
            console.WriteLine($"Total precursor mass: {Mg(recipe.TotalPrecursorMassKg)} mg");
            if (solution is not null)
            {
                console.WriteLine(solution.VolumeWasComputed
                    ? $"Solvent volume for {Num(solution.ConcentrationMgPerMl, "0.###")} mg/mL: {Num(solution.SolventVolumeMl, "0.###")} mL"
                    : $"Concentration in {Num(solution.SolventVolumeMl, "0.###")} mL solvent: {Num(solution.ConcentrationMgPerMl, "0.###")} mg/mL");
                console.WriteLine($"Approximation: {SolutionPlan.Approximation}.");
            }
            return CliApp.ExitOk;
        });
        return command;
    }

    /// <summary>
    /// Split "--from A,B" lists. A piece made only of digits is a locant and belongs to the next piece, so
    /// "NaBH4,1,2-C2B10H12" gives NaBH4 and 1,2-C2B10H12.
    /// </summary>
    internal static List<string> SplitFormulas(string[]? values)
    {
        var result = new List<string>();
        foreach (var value in values ?? [])
        {
            string pending = "";
            foreach (var raw in value.Split(','))
            {
                var piece = raw.Trim();
                if (piece.Length > 0 && piece.All(char.IsAsciiDigit)) { pending += piece + ","; continue; }
                if (piece.Length == 0 && pending.Length == 0) continue;
                result.Add(pending + piece);
                pending = "";
            }
            if (pending.Length > 0) result.Add(pending.TrimEnd(','));
        }
        return result;
    }

    private static string Mg(double kg) => Num(kg * 1e6, "0.0##");
    private static string Num(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);
}
