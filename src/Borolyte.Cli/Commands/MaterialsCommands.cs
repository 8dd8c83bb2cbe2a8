using System.CommandLine;
using System.Globalization;
using Borolyte.Chemistry;
using Borolyte.Knowledge;
using Borolyte.Reporting;
using Borolyte.Storage;
using Spectre.Console;

namespace Borolyte.Cli.Commands;

/// <summary>`borolyte materials ...`: the knowledge base of anions, compounds, property records and published cells (docs/knowledge-base.md).</summary>
public static class MaterialsCommands
{
    public static Command Build()
    {
        var command = new Command("materials", "Query and extend the knowledge base of hydroborate electrolytes, electrodes and published cells");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Search());
        command.Subcommands.Add(Add());
        command.Subcommands.Add(AddProperty());
        command.Subcommands.Add(Import());
        command.Subcommands.Add(Export());
        command.Subcommands.Add(PlotConductivity());
        return command;
    }

    private static Option<string> DbOption() => new("--db")
    {
        Description = "Knowledge-base file (default: $XDG_DATA_HOME/borolyte/borolyte.db)",
        DefaultValueFactory = _ => DatabaseLocation.Default(),
    };

    private static string Num(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
    private static string Num(double? v) => v is { } x ? Num(x) : "";

    // ------------------------------------------------------------------ list

    private static Command List()
    {
        var db = DbOption();
        var json = CliOutput.JsonOption();
        var carrier = new Option<string?>("--carrier") { Description = "Mobile ion, e.g. Li or Na" };
        var anion = new Option<string?>("--anion") { Description = "Anion formula, e.g. \"[B12H12]2-\"" };
        var minSigma = new Option<double?>("--min-conductivity-s-cm") { Description = "Minimum ionic conductivity in S/cm at --at-c (interpolated, see docs)" };
        var atC = new Option<double>("--at-c") { Description = "Temperature in °C for the conductivity column and filter", DefaultValueFactory = _ => 25.0 };
        var command = new Command("list", "List compounds, optionally filtered by carrier ion, anion and conductivity") { db, json, carrier, anion, minSigma, atC };
        command.SetAction(parse =>
        {
            using var kb = KnowledgeBase.Open(parse.GetValue(db)!);
            var filter = new CompoundFilter
            {
                CarrierIon = parse.GetValue(carrier), AnionFormula = parse.GetValue(anion),
                MinConductivitySPerCm = parse.GetValue(minSigma), TemperatureC = parse.GetValue(atC),
            };
            var rows = kb.ListCompounds(filter);
            if (parse.GetValue(json))
            {
                CliOutput.WriteJson(parse, new
                {
                    temperatureC = filter.TemperatureC,
                    compounds = rows.Select(r => new
                    {
                        formula = r.Compound.Formula, name = r.Compound.Name, aliases = r.Compound.Aliases, carrierIon = r.Compound.CarrierIon,
                        category = r.Compound.Category, anions = r.Compound.Anions, propertyCount = r.PropertyCount,
                        conductivitySPerCm = r.ConductivitySPerCm,
                        conductivityIsLowerBound = r.ConductivityIsLowerBound,
                    }),
                });
                return 0;
            }
            var table = new Table().AddColumns("Formula", "Carrier", "Category", "Anions", "Properties", $"σ at {Num(filter.TemperatureC)} °C (S/cm)");
            foreach (var r in rows)
                table.AddRow(Markup.Escape(r.Compound.Formula), Markup.Escape(r.Compound.CarrierIon ?? ""), Markup.Escape(r.Compound.Category ?? ""),
                    Markup.Escape(string.Join(" ", r.Compound.Anions.Select(a => a.Formula))), r.PropertyCount.ToString(CultureInfo.InvariantCulture),
                    (r.ConductivityIsLowerBound ? "≥ " : "") + Num(r.ConductivitySPerCm));
            var console = CliOutput.Console(parse);
            console.Write(table);
            console.WriteLine($"{rows.Count} compound(s); σ is blank where the records do not cover {Num(filter.TemperatureC)} °C (no extrapolation); ≥ marks a value the sources state only as a lower bound.");
            return 0;
        });
        return command;
    }

    // ------------------------------------------------------------------ show

    private static Command Show()
    {
        var db = DbOption();
        var json = CliOutput.JsonOption();
        var name = new Argument<string>("name") { Description = "Formula, name or alias (e.g. Na4(B12H12)(B10H10) or Na4B22H22)" };
        var command = new Command("show", "Show a compound's properties with their sources, and the published cells that use it") { name, db, json };
        command.SetAction(parse =>
        {
            using var kb = KnowledgeBase.Open(parse.GetValue(db)!);
            var d = kb.ShowCompound(parse.GetValue(name)!);
            if (parse.GetValue(json))
            {
                CliOutput.WriteJson(parse, ShowDocument(d));
                return 0;
            }
            var console = CliOutput.Console(parse);
            var c = d.Compound;
            console.WriteLine($"{c.Formula}{(c.Name is null ? "" : $" ({c.Name})")}  carrier: {c.CarrierIon ?? "-"}  category: {c.Category ?? "-"}");
            if (c.Aliases.Count > 0) console.WriteLine($"aliases: {string.Join(", ", c.Aliases)}");
            if (c.Anions.Count > 0) console.WriteLine($"anions: {string.Join(", ", c.Anions.Select(a => a.Fraction is { } f ? $"{a.Formula} ({Num(f)})" : a.Formula))}");
            var table = new Table().AddColumns("Quantity", "Value", "Unit", "T (°C)", "Method", "Source", "DOI");
            foreach (var p in d.Properties)
                table.AddRow(Markup.Escape(p.Record.Quantity), Markup.Escape((p.Record.Qualifier is null or "=" ? "" : p.Record.Qualifier + " ") + Num(p.Record.Value)),
                    Markup.Escape(p.Record.Unit), Num(p.Record.TemperatureC), Markup.Escape(p.Record.Method ?? ""), Markup.Escape(p.ReferenceText),
                    Markup.Escape(p.Doi ?? ""));
            console.Write(table);
            foreach (var cell in d.Cells)
                console.WriteLine($"cell {cell.Id}: {cell.Cathode} | {cell.Electrolyte} | {cell.Anode} ({cell.Source?.Describe()})");
            return 0;
        });
        return command;
    }

    /// <summary>The `materials show --json` document: formula and properties first (a fixed contract), then the rest.</summary>
    public static object ShowDocument(CompoundDetails d) => new
    {
        formula = d.Compound.Formula,
        properties = d.Properties.Select(p => new
        {
            quantity = p.Record.Quantity,
            value = p.Record.Value,
            unit = p.Record.Unit,
            temperatureC = p.Record.TemperatureC,
            method = p.Record.Method,
            source = new
            {
                doi = p.Doi,
                reference = p.ReferenceText,
                seed = p.Record.Source?.Seed,
                section = p.Record.Source?.Section,
                references = p.Record.Source?.References,
                quote = p.Record.Source?.Quote,
            },
            id = p.Record.Id,
            qualifier = p.Record.Qualifier,
            phase = p.Record.Phase,
            note = p.Record.Note,
            valueSi = p.ValueSi,
            siUnit = p.SiUnit,
        }),
        name = d.Compound.Name,
        aliases = d.Compound.Aliases,
        carrierIon = d.Compound.CarrierIon,
        category = d.Compound.Category,
        anions = d.Compound.Anions,
        conductingPhaseStructure = d.Compound.ConductingPhaseStructure,
        densityGPerCm3 = d.Compound.DensityGPerCm3,
        cells = d.Cells,
    };

    // ------------------------------------------------------------------ search

    private static Command Search()
    {
        var db = DbOption();
        var json = CliOutput.JsonOption();
        var text = new Argument<string>("text") { Description = "Words to find (all must occur) in formulas, names, quantities, notes, quotes, cells" };
        var limit = new Option<int>("--limit") { Description = "Maximum number of hits", DefaultValueFactory = _ => 50 };
        var command = new Command("search", "Full-text search of the knowledge base, best matches first") { text, db, json, limit };
        command.SetAction(parse =>
        {
            using var kb = KnowledgeBase.Open(parse.GetValue(db)!);
            var query = parse.GetValue(text)!;
            var hits = kb.Search(query, parse.GetValue(limit));
            if (parse.GetValue(json))
            {
                CliOutput.WriteJson(parse, new { query, hits });
                return 0;
            }
            var table = new Table().AddColumns("Kind", "Record", "Compound", "Match");
            foreach (var h in hits)
                table.AddRow(h.Kind, Markup.Escape(h.RecordId), Markup.Escape(h.Compound ?? ""), Markup.Escape(h.Snippet.Length > 0 ? h.Snippet : h.Title));
            var console = CliOutput.Console(parse);
            console.Write(table);
            console.WriteLine($"{hits.Count} hit(s)");
            return 0;
        });
        return command;
    }

    // ------------------------------------------------------------------ add, add-property

    private static Command Add()
    {
        var db = DbOption();
        var formula = new Option<string>("--formula") { Description = "Chemical formula, e.g. Na3PS4", Required = true };
        var carrier = new Option<string>("--carrier") { Description = "Mobile ion, e.g. Na", Required = true };
        var name = new Option<string?>("--name") { Description = "Common name" };
        var density = new Option<double?>("--density-g-cm3") { Description = "Density in g/cm3" };
        var category = new Option<string?>("--category") { Description = "hydroborate | sulfide | oxide | halide | electrode | alloy | metal | other" };
        var command = new Command("add", "Add a compound to the knowledge base") { formula, carrier, name, density, category, db };
        command.SetAction(parse =>
        {
            var f = parse.GetValue(formula)!.Trim();
            Formula.Parse(f); // FormulaParseException (exit 1) names the position of the problem
            using var kb = KnowledgeBase.Open(parse.GetValue(db)!);
            var c = kb.AddCompound(new Compound
            {
                Id = Compound.IdFor(f), Formula = f, CarrierIon = parse.GetValue(carrier), Name = parse.GetValue(name),
                DensityGPerCm3 = parse.GetValue(density), Category = parse.GetValue(category),
            });
            CliOutput.Stdout(parse).WriteLine($"added compound {c.Formula} (id {c.Id}) to {kb.Path}");
            return 0;
        });
        return command;
    }

    private static Command AddProperty()
    {
        var db = DbOption();
        var compound = new Option<string>("--compound") { Description = "Formula, name or alias of an existing compound", Required = true };
        var quantity = new Option<string>("--quantity") { Description = "camelCase quantity, e.g. ionicConductivity", Required = true };
        var value = new Option<double>("--value") { Description = "The number, in --unit", Required = true };
        var unit = new Option<string>("--unit") { Description = "Unit, e.g. S/cm (the quantity's canonical unit when it has one)", Required = true };
        var temperature = new Option<double?>("--temperature-c") { Description = "Measurement temperature in °C" };
        var method = new Option<string?>("--method") { Description = "EIS | NMR | QENS | DFT | AIMD | MD | LSV | CV | XRD | DSC | TGA | cycling | nanoindentation | calculation | other" };
        var qualifier = new Option<string?>("--qualifier") { Description = "= > < >= <= ~ (default =)" };
        var phase = new Option<string?>("--phase") { Description = "Phase, e.g. \"high-temperature (disordered)\"" };
        var note = new Option<string?>("--note") { Description = "Free-text note" };
        var doi = new Option<string?>("--doi") { Description = "DOI of the source (without https://doi.org/)" };
        var reference = new Option<string?>("--reference") { Description = "Human-readable source, e.g. \"Udovic et al. 2014, Fig. 2\"" };
        var command = new Command("add-property", "Add a property record (validated) to an existing compound")
            { compound, quantity, value, unit, temperature, method, qualifier, phase, note, doi, reference, db };
        command.SetAction(parse =>
        {
            using var kb = KnowledgeBase.Open(parse.GetValue(db)!);
            var target = kb.FindCompound(parse.GetValue(compound)!);
            var p = kb.AddProperty(new PropertyRecord
            {
                Compound = target.Formula, Quantity = parse.GetValue(quantity)!, Value = parse.GetValue(value), Unit = parse.GetValue(unit)!,
                TemperatureC = parse.GetValue(temperature), Method = parse.GetValue(method), Qualifier = parse.GetValue(qualifier),
                Phase = parse.GetValue(phase), Note = parse.GetValue(note),
                Source = new SourceCitation { Seed = SeedDocuments.User, Section = parse.GetValue(reference), Doi = parse.GetValue(doi)?.Replace("https://doi.org/", "") },
            });
            CliOutput.Stdout(parse).WriteLine($"added {p.Quantity} = {Num(p.Value)} {p.Unit} to {p.Compound} (id {p.Id})");
            return 0;
        });
        return command;
    }

    // ------------------------------------------------------------------ import, export

    private static Option<string?> FormatOption() => new("--format") { Description = "json | csv (default: from the file extension)" };

    private static Command Import()
    {
        var db = DbOption();
        var file = new Argument<string>("file") { Description = "A .json (seed format) or .csv (flattened layout) file" };
        var format = FormatOption();
        var command = new Command("import", "Import records (validated first, then written in one transaction; upsert by id)") { file, format, db };
        command.SetAction(parse =>
        {
            var f = parse.GetValue(format) is { } name ? KnowledgeFileFormats.Parse(name) : (KnowledgeFileFormat?)null;
            var data = KnowledgeFile.Read(parse.GetValue(file)!, f);
            using var kb = KnowledgeBase.Open(parse.GetValue(db)!);
            var s = kb.Import(data);
            CliOutput.Stdout(parse).WriteLine(
                $"imported {s.Total} record(s) from {data.Path}: {s.References} references, {s.Anions} anions, {s.Compounds} compounds, {s.Properties} properties, {s.Cells} cells");
            return 0;
        });
        return command;
    }

    private static Command Export()
    {
        var db = DbOption();
        var output = new Option<string>("--out") { Description = "Output file (.json or .csv)", Required = true };
        var format = FormatOption();
        var command = new Command("export", "Export the whole knowledge base (written atomically)") { output, format, db };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(output)!;
            var f = parse.GetValue(format) is { } name ? KnowledgeFileFormats.Parse(name) : KnowledgeFileFormats.FromExtension(path);
            using var kb = KnowledgeBase.Open(parse.GetValue(db)!);
            var data = kb.Export();
            data.WriteFile(path, f);
            CliOutput.Stdout(parse).WriteLine($"exported {data.RecordCount} record(s) to {path}");
            return 0;
        });
        return command;
    }

    // ------------------------------------------------------------------ plot-conductivity

    private static Command PlotConductivity()
    {
        var db = DbOption();
        var formulas = new Argument<string[]>("formulas") { Description = "Compounds to plot (default: all with σ(T) records)", Arity = ArgumentArity.ZeroOrMore };
        var output = new Option<string>("--out") { Description = "HTML report to write", Required = true };
        var command = new Command("plot-conductivity", "Arrhenius plot (log σ vs 1000/T) of tabulated conductivities, Li and Na panels") { formulas, output, db };
        command.SetAction(parse =>
        {
            using var kb = KnowledgeBase.Open(parse.GetValue(db)!);
            var requested = parse.GetValue(formulas) ?? [];
            var series = requested.Length == 0
                ? kb.ConductivitySeriesAll()
                : requested.Select(f => (Compound: kb.FindCompound(f), Points: kb.ConductivitySeries(f))).ToList();
            var empty = series.Where(s => s.Points.Count == 0).Select(s => s.Compound.Formula).ToList();
            if (empty.Count > 0)
                throw new InvalidInputException($"no ionic-conductivity records with a temperature for: {string.Join(", ", empty)}");
            var lines = kb.ArrheniusModels().Where(m => series.Any(s => s.Compound.Formula == m.Compound.Formula)).ToList();
            var fits = ConductivityRecordFits.FitAll(series);
            var figure = ConductivityFigure.Build(series, lines, fits);
            var report = new HtmlReport("Ionic conductivity of the knowledge base");
            report.AddParagraph($"Tabulated ionic conductivities from {kb.Path}: log σ against 1000/T, one trace per compound, grouped by carrier ion (cf. Figure 4 of the review). Every point carries its source in the hover text.");
            report.AddFigure(figure);
            report.AddTable(new ReportTable("Points", ["Compound", "T (°C)", "σ (S/cm)", "Source"],
                series.SelectMany(s => s.Points.Select(p => (IReadOnlyList<string>)[s.Compound.Formula, Num(p.TemperatureC), Num(p.ConductivitySPerCm), p.Source])).ToList()));
            var path = parse.GetValue(output)!;
            report.Save(path);
            CliOutput.Stdout(parse).WriteLine($"wrote {path}: {series.Count} compound(s), {series.Sum(s => s.Points.Count)} point(s), {fits.Count} σ(T) fit(s)");
            return 0;
        });
        return command;
    }
}
