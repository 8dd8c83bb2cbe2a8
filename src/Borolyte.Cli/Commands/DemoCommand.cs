using System.Globalization;
using System.CommandLine;
using System.Text.Json;
using Borolyte;
using Borolyte.Cli.Documents;
using Borolyte.Storage;
using Borolyte.Studies;
using Spectre.Console;

namespace Borolyte.Cli.Commands;

/// <summary>`borolyte demo`: the end-to-end study, written as out/demo/index.html and out/demo/summary.json.</summary>
public static class DemoCommand
{
    public static Command Build()
    {
        var outDir = new Option<string>("--out-dir")
        {
            Description = "Folder for index.html, summary.json and the study's own knowledge base (knowledge.db)",
            DefaultValueFactory = _ => Path.Combine("out", "demo"),
        };
        var json = CliOutput.JsonOption();
        var command = new Command("demo", "Run the end-to-end study (knowledge base, conductivity, clusters, infiltration recipe) and write an HTML report")
        {
            outDir, json,
        };
        command.SetAction(parse =>
        {
            string dir = Path.GetFullPath(parse.GetValue(outDir)!);
            Directory.CreateDirectory(dir);
            // The study runs on its own freshly seeded knowledge base, so the report shows the seed data, not local edits.
            string dbPath = Path.Combine(dir, "knowledge.db");
            foreach (var stale in new[] { dbPath, dbPath + "-wal", dbPath + "-shm", dbPath + "-journal" })
                File.Delete(stale);

            FoundationStudyResult result;
            using (var kb = KnowledgeBase.Open(dbPath))
                result = FoundationStudy.Run(kb, DemoInputs());
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

            string reportPath = Path.Combine(dir, "index.html");
            string summaryPath = Path.Combine(dir, "summary.json");
            var summary = Summary(result, reportPath, dbPath);
            result.Report.Save(reportPath);
            AtomicFile.WriteAllText(summaryPath, JsonSerializer.Serialize(summary, summary.GetType(), CliOutput.JsonOptions) + "\n");

            if (parse.GetValue(json))
            {
                CliOutput.WriteJson(parse, summary);
                return CliApp.ExitOk;
            }
            var console = CliOutput.Console(parse);
            var table = new Table().AddColumn("Section").AddColumn("Result");
            var c = result.Counts;
            table.AddRow("Knowledge base", $"{c.References} references, {c.Anions} anions, {c.Compounds} compounds, {c.Properties} property records, {c.Cells} cells");
            table.AddRow("Ionic conductivity", $"{result.Conductivity.Count} compounds with σ(T) points, {result.Arrhenius.Count} Arrhenius lines");
            table.AddRow("Cluster anions", $"{result.Clusters.Count(x => x.Result.Count is not null)} clusters counted of {result.Clusters.Count} catalogue entries");
            foreach (var r in result.Recipes)
                table.AddRow(Markup.Escape(r.Recipe.Target.Text), Markup.Escape(string.Join(", ", r.Recipe.Precursors.Select(p =>
                    $"{p.MassKg * 1e6:0.0} mg {p.Formula.Text}")) + (r.Solution is { } s ? $"; {s.SolventVolumeMl:0.##} mL at {s.ConcentrationMgPerMl:0.##} mg/mL" : "")));
            console.Write(table);
            console.WriteLine($"Report: {result.Report.Sections.Count} sections, {result.Report.FigureCount} figures");
            foreach (var section in result.Report.Sections)
                console.WriteLine($"  - {section}");
            console.WriteLine($"Written: {reportPath}");
            console.WriteLine($"Summary: {summaryPath}");
            return CliApp.ExitOk;
        });
        return command;
    }

    /// <summary>The demo's input files, copied beside the CLI from data/demo (see its README).</summary>
    private static FoundationStudyInputs DemoInputs()
    {
        string cycler = Path.Combine(AppContext.BaseDirectory, "data", "demo", "neware_uio.csv");
        if (!File.Exists(cycler))
            throw new InvalidInputException($"{cycler}: demo input missing (it is copied from data/demo at build time; rebuild with ./borolyte)");
        return new FoundationStudyInputs(cycler);
    }

    private static object Summary(FoundationStudyResult result, string reportPath, string dbPath) => new
    {
        report = reportPath,
        sections = result.Report.Sections,
        figures = result.Report.FigureCount,
        knowledgeBase = new
        {
            path = dbPath,
            references = result.Counts.References,
            anions = result.Counts.Anions,
            compounds = result.Counts.Compounds,
            properties = result.Counts.Properties,
            cells = result.Counts.Cells,
        },
        conductivity = result.Conductivity.Select(s => new
        {
            formula = s.Compound.Formula,
            carrierIon = s.Compound.CarrierIon,
            points = s.Points.Select(p => new
            {
                temperatureK = p.TemperatureK,
                conductivitySPerCm = p.ConductivitySPerCm,
                qualifier = p.Qualifier ?? "=",
                source = p.Source,
            }).ToArray(),
        }).ToArray(),
        arrheniusLines = result.Arrhenius.Select(a => new
        {
            formula = a.Compound.Formula,
            referenceTemperatureK = a.Model.ReferenceTemperatureK,
            referenceConductivitySPerCm = a.Model.ReferenceConductivitySPerM / 100.0,
            activationEnergyEv = a.Model.ActivationEnergyEv,
            source = a.Source,
        }).ToArray(),
        clusters = result.Clusters.Select(x => x.Result.Count is { } count
            ? ClusterDocument.From(x.Entry.FormulaText, count)
            : new { formula = x.Entry.FormulaText, note = x.Result.Reason }).ToArray(),
        recipes = result.Recipes.Select(r => new { purpose = r.Purpose, recipe = RecipeDocument.From(r.Recipe, r.Solution) }).ToArray(),
    };
}
