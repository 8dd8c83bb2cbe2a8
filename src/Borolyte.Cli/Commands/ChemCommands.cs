using Borolyte.Cli.Documents;
using System.CommandLine;
using System.Globalization;
using Borolyte.Chemistry;
using Spectre.Console;

namespace Borolyte.Cli.Commands;

/// <summary>`borolyte chem mass|cluster|catalogue`: formulas, molar masses and Wade–Mingos electron counts.</summary>
public static class ChemCommands
{
    public static Command Build()
    {
        var chem = new Command("chem", "Chemical formulas: molar mass, composition, Wade–Mingos cluster electron counting");
        chem.Subcommands.Add(BuildMass());
        chem.Subcommands.Add(BuildCluster());
        chem.Subcommands.Add(BuildCatalogue());
        return chem;
    }

    private static Command BuildMass()
    {
        var formulaArg = new Argument<string>("formula") { Description = "Formula, e.g. Na2B12H12, [B12H12]2-, Li(CB9H10)0.7(CB11H12)0.3, Na2B12H12·2H2O" };
        var json = CliOutput.JsonOption();
        var command = new Command("mass", "Molar mass, element counts, mass fractions, Hill and reduced formula") { formulaArg, json };
        command.SetAction(parse =>
        {
            var formula = Formula.Parse(parse.GetValue(formulaArg)!);
            var c = formula.Composition;
            var ordered = InWrittenOrder(formula);
            if (parse.GetValue(json))
            {
                CliOutput.WriteJson(parse, new
                {
                    formula = formula.Text,
                    molarMassGPerMol = c.MolarMassGPerMol,
                    elements = ordered.ToDictionary(e => e.Symbol, e => c[e]),
                    hillFormula = c.HillFormula,
                    reducedFormula = c.ReducedFormula,
                    charge = formula.Charge,
                    atomCount = c.AtomCount,
                    massFractions = ordered.ToDictionary(e => e.Symbol, e => c.MassFractions[e.Symbol]),
                });
                return CliApp.ExitOk;
            }
            var console = CliOutput.Console(parse);
            var heading = formula.Text;
            var table = new Table()
                .AddColumn("Element").AddColumn(new TableColumn("Count").RightAligned())
                .AddColumn(new TableColumn("Atomic weight").RightAligned()).AddColumn(new TableColumn("Mass fraction").RightAligned());
            foreach (var e in ordered)
                table.AddRow(e.Symbol, Composition.FormatAmount(c[e]), e.AtomicWeightText,
                    c.MassFractions[e.Symbol].ToString("0.0000", CultureInfo.InvariantCulture));
            console.WriteLine(heading);
            console.Write(table);
            console.WriteLine($"Molar mass: {c.MolarMassGPerMol.ToString("0.####", CultureInfo.InvariantCulture)} g/mol");
            console.WriteLine($"Hill formula: {c.HillFormula}");
            console.WriteLine($"Reduced formula: {c.ReducedFormula}");
            if (formula.Charge != 0) console.WriteLine($"Charge: {formula.Charge:+0;-0}");
            if (c.Elements.Any(e => !e.HasStandardAtomicWeight))
                console.WriteLine("Note: [bracketed] weights are mass numbers of the longest-lived isotope (no standard atomic weight).");
            return CliApp.ExitOk;
        });
        return command;
    }

    private static Command BuildCluster()
    {
        var formulaArg = new Argument<string>("formula") { Description = "Cluster or salt with one cluster anion, e.g. [B12H12]2-, B10H14, Na2B12H12, 1-SB9H9" };
        var chargeOption = new Option<int?>("--charge") { Description = "Net charge of the formula as written (default: from the formula, e.g. [B12H12]2-)" };
        var json = CliOutput.JsonOption();
        var command = new Command("cluster", "Wade–Mingos (PSEPT) electron count: vertices n, skeletal electron pairs, closo/nido/arachno/hypho")
        {
            formulaArg, chargeOption, json,
        };
        command.SetAction(parse =>
        {
            var formula = Formula.Parse(parse.GetValue(formulaArg)!);
            int? charge = parse.GetValue(chargeOption);
            if (charge is { } q && formula.HasExplicitCharge && q != formula.Charge)
                throw new UsageException($"--charge {q} contradicts the charge {formula.Charge} written in \"{formula.Text}\"; give one or make them agree");
            var count = WadeMingos.Count(formula, charge);
            if (parse.GetValue(json))
            {
                CliOutput.WriteJson(parse, ClusterDocument.From(formula.Text, count));
                return CliApp.ExitOk;
            }
            var console = CliOutput.Console(parse);
            var heading = $"{formula.Text}: {count.ClassName}";
            var table = new Table()
                .AddColumn("Quantity").AddColumn(new TableColumn("Value").RightAligned());
            table.AddRow("cluster unit", Markup.Escape(count.ClusterFormula));
            table.AddRow("charge", count.Charge.ToString(CultureInfo.InvariantCulture));
            table.AddRow("vertices n", count.Vertices.ToString(CultureInfo.InvariantCulture));
            table.AddRow("skeletal electrons", count.SkeletalElectrons.ToString(CultureInfo.InvariantCulture));
            table.AddRow("skeletal electron pairs p", count.SkeletalElectronPairs.ToString("0.#", CultureInfo.InvariantCulture));
            table.AddRow("class", $"{count.ClassName} (p = n+{(int)count.Class})");
            table.AddRow("Mingos total electrons", count.MingosTotalElectrons.ToString(CultureInfo.InvariantCulture));
            table.AddRow("expected for class", $"{count.ExpectedMingosElectrons} (4n+{2 * (int)count.Class})");
            console.WriteLine(heading);
            console.Write(table);
            console.WriteLine(count.Explanation);
            return CliApp.ExitOk;
        });
        return command;
    }

    private static Command BuildCatalogue()
    {
        var json = CliOutput.JsonOption();
        var command = new Command("catalogue", "Hydroborate anions of the review's Figure 3 and heteroborane candidates of its section 4, with computed classes") { json };
        command.Aliases.Add("catalog");
        command.SetAction(parse =>
        {
            var rows = ClusterCatalogue.Entries.Select(e => (Entry: e, Result: e.Analyse())).ToList();
            if (parse.GetValue(json))
            {
                CliOutput.WriteJson(parse, rows.Select(r => new
                {
                    formula = r.Entry.FormulaText,
                    name = r.Entry.Name,
                    vertices = r.Result.Count?.Vertices,
                    skeletalElectronPairs = r.Result.Count?.SkeletalElectronPairs,
                    @class = r.Result.Count?.ClassName,
                    literatureClass = r.Entry.LiteratureClass?.ToString().ToLowerInvariant(),
                    status = r.Entry.Status,
                    source = r.Entry.Source,
                    note = r.Result.Reason,
                }).ToArray());
                return CliApp.ExitOk;
            }
            var console = CliOutput.Console(parse);
            var heading = "Cluster catalogue (seed 000: Figure 3 and section 4)";
            var table = new Table()
                .AddColumn("Formula").AddColumn(new TableColumn("n").RightAligned())
                .AddColumn(new TableColumn("p").RightAligned()).AddColumn("Computed").AddColumn("Literature").AddColumn("Status");
            foreach (var (entry, result) in rows)
                table.AddRow(
                    Markup.Escape(entry.FormulaText),
                    result.Count?.Vertices.ToString(CultureInfo.InvariantCulture) ?? "–",
                    result.Count?.SkeletalElectronPairs.ToString("0.#", CultureInfo.InvariantCulture) ?? "–",
                    result.Count?.ClassName ?? "not a cluster",
                    entry.LiteratureClass?.ToString().ToLowerInvariant() ?? "–",
                    Markup.Escape(entry.Status));
            console.WriteLine(heading);
            console.Write(table);
            console.WriteLine("Names and sources (review figure/section, reference numbers): borolyte chem catalogue --json");
            return CliApp.ExitOk;
        });
        return command;
    }

    // Elements in the order they are first written ("Na2B12H12" → Na, B, H); Hill order for any not found in the text.
    private static List<Element> InWrittenOrder(Formula formula)
    {
        var text = formula.Text;
        int FirstIndex(Element e)
        {
            for (int i = text.IndexOf(e.Symbol, StringComparison.Ordinal); i >= 0; i = text.IndexOf(e.Symbol, i + 1, StringComparison.Ordinal))
            {
                int after = i + e.Symbol.Length;
                if (after >= text.Length || !char.IsAsciiLetterLower(text[after])) return i;
            }
            return int.MaxValue;
        }
        return formula.Composition.Elements.OrderBy(FirstIndex).ToList();
    }
}
