using System.Globalization;
using Borolyte.Chemistry;
using Borolyte.Knowledge;
using Borolyte.Recipes;
using Borolyte.Reporting;
using Borolyte.Storage;
using Borolyte.Transport;

namespace Borolyte.Studies;

/// <summary>
/// The end-to-end study behind `borolyte demo`: the knowledge base with its provenance, the conductivity figure, the
/// cluster anions by Wade–Mingos counting, and the Na4(B12H12)(B10H10) infiltration recipe of seed 004 (Experimental:
/// a 1 g batch from 533.6 mg Na2B12H12 and 466.4 mg Na2B10H10 in 20 mL isopropanol; electrodes dipped in a 100 mg/mL
/// equimolar solution). The section builders of the other modules (transport, stability, cell design, cell simulation,
/// cycling) add their parts and return their headline numbers.
/// </summary>
public static class FoundationStudy
{
    public const string ElectrolyteFormula = "Na4(B12H12)(B10H10)";
    public const double BatchMassKg = 1e-3;
    public const double SynthesisSolventVolumeM3 = 20e-6;
    public const double DippingConcentrationKgPerM3 = 100.0; // 100 mg/mL = 100 kg/m³
    public const double RoomTemperatureC = 25.0;

    public static FoundationStudyResult Run(KnowledgeBase kb, FoundationStudyInputs? inputs = null)
    {
        inputs ??= new FoundationStudyInputs();
        var counts = kb.Counts();
        var dataset = kb.Export();
        var series = kb.ConductivitySeriesAll();
        var arrhenius = kb.ArrheniusModels();
        var clusters = ClusterCatalogue.Entries.Select(e => (Entry: e, Result: e.Analyse())).ToList();
        var recipes = InfiltrationRecipes();

        var report = new HtmlReport("Borolyte demo: hydroborate electrolytes from knowledge base to cells")
        {
            Subtitle = $"Knowledge base {Path.GetFileName(kb.Path)} (schema v{kb.SchemaVersion}); every number below cites the seed document it comes from.",
        };
        // The review's order: materials and their transport, stability, then the infiltration paper's recipe, cells and data.
        AddKnowledgeBaseSection(report, counts, dataset, kb);
        AddConductivitySection(report, series, arrhenius, dataset);
        var transport = TransportSection.AddTo(report, kb);
        AddClusterSection(report, clusters);
        var stability = StabilitySection.AddTo(report, dataset);
        AddRecipeSection(report, recipes);
        var cellDesign = CellDesignSection.AddTo(report);
        var cellSimulation = CellSimulationSection.AddTo(report);
        var cellInputs = CellInputsSection.AddTo(report, transport.Conductivity);
        var cycling = inputs.CyclerFile is { } cyclerFile ? CyclingSection.AddTo(report, cyclerFile) : null;

        return new FoundationStudyResult(report, counts, series, arrhenius, clusters, recipes, transport, stability, cellDesign, cellSimulation, cellInputs, cycling);
    }

    /// <summary>The seed-004 recipes: the 1 g electrolyte batch (20 mL synthesis solution, 100 mg/mL dipping solution) and 1 g of Na3Sn.</summary>
    public static IReadOnlyList<StudyRecipe> InfiltrationRecipes()
    {
        var electrolyte = RecipeCalculator.Solve(Formula.Parse(ElectrolyteFormula),
            [Formula.Parse("Na2B12H12"), Formula.Parse("Na2B10H10")], BatchMassKg);
        var alloy = RecipeCalculator.Solve(Formula.Parse("Na3Sn"), [Formula.Parse("Na"), Formula.Parse("Sn")], BatchMassKg);
        return
        [
            new("1 g batch crystallised from isopropanol (seed 004, Experimental: 20 mL)", electrolyte,
                SolutionPlan.ForSolventVolume(electrolyte.TotalPrecursorMassKg, SynthesisSolventVolumeM3)),
            new("dipping solution for infiltration (seed 004: equimolar, 100 mg/mL)", electrolyte,
                SolutionPlan.ForConcentration(electrolyte.TotalPrecursorMassKg, DippingConcentrationKgPerM3)),
            new("Na–Sn counter electrode, Na3Sn (seed 004: 3:1 Na–Sn alloy)", alloy, null),
        ];
    }

    private static void AddKnowledgeBaseSection(HtmlReport report, KnowledgeCounts counts, KnowledgeDataset dataset, KnowledgeBase kb)
    {
        report.AddHeading("Knowledge base");
        report.AddParagraph("Every quantitative statement of the two seed documents (the hydroborate review and the infiltration paper), " +
                            "stored with its section, the references it cites and a verbatim quote. Query it with `borolyte materials list|show|search`.");
        report.AddKeyValues([
            ("references", Int(counts.References)), ("anions", Int(counts.Anions)), ("compounds", Int(counts.Compounds)),
            ("property records", Int(counts.Properties)), ("published cells", Int(counts.Cells)),
        ]);

        var byQuantity = dataset.Properties.GroupBy(p => p.Quantity).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (IReadOnlyList<string>)[g.Key, g.First().Unit, Int(g.Count()),
                Int(g.Count(p => p.Source?.Seed == "review")), Int(g.Count(p => p.Source?.Seed == "infiltration"))]).ToList();
        report.AddTable(new ReportTable("Property records by quantity", ["Quantity", "Unit", "Records", "Review", "Infiltration paper"], byQuantity));

        var rtRows = kb.ListCompounds(new CompoundFilter { TemperatureC = RoomTemperatureC })
            .Where(s => s.ConductivitySPerCm is not null)
            .OrderByDescending(s => s.ConductivitySPerCm)
            .Select(s =>
            {
                var point = kb.ConductivitySeries(s.Compound.Formula).OrderBy(p => Math.Abs(p.TemperatureC - RoomTemperatureC)).First();
                return (IReadOnlyList<string>)[s.Compound.Formula, s.Compound.CarrierIon ?? "–",
                    $"{Qualifier(point.Qualifier)}{Sci(s.ConductivitySPerCm!.Value)}", point.Source];
            }).ToList();
        report.AddTable(new ReportTable($"Ionic conductivity at {RoomTemperatureC:0} °C (point values and lower bounds as stated)",
            ["Compound", "Carrier", "σ (S/cm)", "Source"], rtRows));

        var cells = dataset.Cells.Where(c => c.Cathode is not null && c.Anode is not null && c.Cathode != c.Anode)
            .Select(c => (IReadOnlyList<string>)[
                $"{c.Cathode} | {c.Electrolyte} | {c.Anode}", Opt(c.TemperatureC, "0"), Opt(c.StackPressureMPa, "0.#"),
                Opt(c.CRate, "0.##"), c.VoltageLowV is { } lo && c.VoltageHighV is { } hi ? $"{Num(lo, "0.##")}–{Num(hi, "0.##")}" : "–",
                Opt(c.CapacityMAhPerG, "0.#"), c.CoulombicEfficiency is { } ce ? Num(ce * 100, "0.#") : "–",
                c.Retention is { } r ? $"{Num(r * 100, "0.#")}{(c.RetentionCycles is { } n ? $" after {n}" : "")}" : "–",
                c.Source?.Describe() ?? "–"]).ToList();
        report.AddTable(new ReportTable("Published all-solid-state cells",
            ["Cell", "T (°C)", "p (MPa)", "C-rate", "Window (V)", "Capacity (mAh/g)", "CE (%)", "Retention (%)", "Source"], cells));
    }

    private static void AddConductivitySection(HtmlReport report,
        IReadOnlyList<(Compound Compound, IReadOnlyList<ConductivityPoint> Points)> series,
        IReadOnlyList<(Compound Compound, ArrheniusConductivity Model, string Source)> arrhenius, KnowledgeDataset dataset)
    {
        report.AddHeading("Ionic conductivity");
        report.AddParagraph("log σ against 1000/T for every compound with a conductivity at a stated temperature (cf. Figure 4 of the review). " +
                            "The seeds give conductivities mostly at room temperature; dashed lines are Arrhenius extrapolations " +
                            $"between {ConductivityFigure.LineFromC:0} and {ConductivityFigure.LineToC:0} °C through a published σ(25 °C) with the published Eₐ, " +
                            "not fits to σ(T) data. Hover a point for its source.");
        var fits = ConductivityRecordFits.FitAll(series);
        report.AddFigure(ConductivityFigure.Build(series, arrhenius, fits));
        report.AddParagraph(fits.Count == 0
            ? $"No compound has point values at {ConductivityRecordFits.MinimumTemperatures} or more temperatures in the seeded base (the seeds state σ at 25 °C), " +
              "so no σ(T) fit is drawn; records added with `borolyte materials add-property` are fitted here and by `borolyte conductivity fit --compound`."
            : "Solid lines: σ(T) models fitted to the stored point values (bounds left out), model chosen by AIC: " +
              string.Join("; ", fits.Select(f => $"{f.Compound.Formula} {ConductivityFit.ModelName(f.Fit.Model)}")) + ".");
        var withoutTemperature = dataset.Properties.Where(p => p.Quantity == "ionicConductivity" && p.TemperatureC is null)
            .Select(p => (IReadOnlyList<string>)[p.Compound, $"{Qualifier(p.Qualifier)}{Sci(p.Value)}", p.Phase ?? "–", p.Note ?? "–", p.Source?.Describe() ?? "–"]).ToList();
        if (withoutTemperature.Count > 0)
            report.AddTable(new ReportTable("Conductivities stated without a temperature (not plotted)", ["Compound", "σ (S/cm)", "Phase", "Note", "Source"], withoutTemperature));
    }

    private static void AddClusterSection(HtmlReport report, IReadOnlyList<(ClusterCatalogueEntry Entry, (ClusterElectronCount? Count, string? Reason) Result)> clusters)
    {
        report.AddHeading("Cluster anions (Wade–Mingos)");
        report.AddParagraph("Skeletal electron pairs p for n vertices: p = n+1 closo, n+2 nido, n+3 arachno, n+4 hypho; Mingos total " +
                            "electron counts 4n+2, 4n+4, 4n+6 (review §1). Anions of the review's Figure 3 and the heteroborane candidates of its §4, " +
                            "counted by Borolyte and compared with the class the literature gives.");
        var rows = clusters.Select(c => (IReadOnlyList<string>)[
            c.Entry.FormulaText, c.Entry.Name,
            c.Result.Count is { } k ? Int(k.Vertices) : "–",
            c.Result.Count is { } k2 ? Num(k2.SkeletalElectronPairs, "0.#") : "–",
            c.Result.Count?.ClassName ?? "not a cluster",
            c.Entry.LiteratureClass?.ToString().ToLowerInvariant() ?? "–",
            c.Result.Count is { } k3 ? $"{k3.MingosTotalElectrons} (expected {k3.ExpectedMingosElectrons})" : "–",
            c.Entry.Status, c.Entry.Source]).ToList();
        report.AddTable(new ReportTable("Cluster catalogue", ["Formula", "Name", "n", "p", "Class (computed)", "Class (literature)", "Mingos count", "Status", "Source"], rows));
    }

    private static void AddRecipeSection(HtmlReport report, IReadOnlyList<StudyRecipe> recipes)
    {
        report.AddHeading("Infiltration recipe");
        report.AddParagraph("Precursor amounts from the element balance (IUPAC 2021 atomic weights). Seed 004 weighs 533.6 mg Na2B12H12 and " +
                            "466.4 mg Na2B10H10 for a 1 g batch of Na4(B12H12)(B10H10) in 20 mL anhydrous isopropanol, and dips electrodes for 10 min " +
                            "in an equimolar 100 mg/mL solution. Concentration is solute mass per solvent volume; the solute's own volume is neglected.");
        foreach (var item in recipes)
        {
            var recipe = item.Recipe;
            var rows = recipe.Precursors.Select(p => (IReadOnlyList<string>)[
                p.Formula.Text, Num(p.MolarMassGPerMol, "0.000"), Num(p.MolesPerMoleTarget, "0.####"), Num(p.AmountMol * 1e3, "0.0000"), Num(p.MassKg * 1e6, "0.0")]).ToList();
            report.AddHeading($"{recipe.Target.Text}: {item.Purpose}", 3);
            report.AddTable(new ReportTable(recipe.Equation, ["Precursor", "M (g/mol)", "mol per mol target", "Amount (mmol)", "Mass (mg)"], rows));
            var facts = new List<(string, string)>
            {
                ("target", $"{Num(recipe.TargetMassKg * 1e6, "0.0")} mg = {Num(recipe.TargetAmountMol * 1e3, "0.0000")} mmol (M = {Num(recipe.Target.MolarMassGPerMol, "0.000")} g/mol)"),
            };
            if (item.Solution is { } s)
            {
                facts.Add(("solvent volume", $"{Num(s.SolventVolumeMl, "0.##")} mL{(s.VolumeWasComputed ? " (computed)" : "")}"));
                facts.Add(("concentration", $"{Num(s.ConcentrationMgPerMl, "0.##")} mg/mL{(s.VolumeWasComputed ? "" : " (computed)")}"));
            }
            report.AddKeyValues(facts);
        }
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
    private static string Num(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
    private static string Sci(double value) => value.ToString("0.##E+0", CultureInfo.InvariantCulture);
    private static string Opt(double? value, string format) => value is { } v ? Num(v, format) : "–";
    private static string Qualifier(string? qualifier) => qualifier is null or "=" ? "" : qualifier + " ";
}

/// <summary>Files the study reads besides the knowledge base; a section whose input is missing is left out.</summary>
/// <param name="CyclerFile">A real cycler export for the cycling section (the demo passes data/demo/neware_uio.csv).</param>
public sealed record FoundationStudyInputs(string? CyclerFile = null);

/// <summary>A recipe of the study with what it is for and, for solutions, the solvent plan.</summary>
public sealed record StudyRecipe(string Purpose, Recipe Recipe, SolutionPlan? Solution);

/// <summary>
/// What `borolyte demo` computed: the report and the typed results behind summary.json — the foundation's and, per
/// section, the headline numbers its builder computed (Cycling is null when no cycler file was given).
/// </summary>
public sealed record FoundationStudyResult(
    HtmlReport Report,
    KnowledgeCounts Counts,
    IReadOnlyList<(Compound Compound, IReadOnlyList<ConductivityPoint> Points)> Conductivity,
    IReadOnlyList<(Compound Compound, ArrheniusConductivity Model, string Source)> Arrhenius,
    IReadOnlyList<(ClusterCatalogueEntry Entry, (ClusterElectronCount? Count, string? Reason) Result)> Clusters,
    IReadOnlyList<StudyRecipe> Recipes,
    TransportDemoResult Transport,
    StabilityDemoResult Stability,
    CellDesignDemoResult CellDesign,
    CellSimulationDemoResult CellSimulation,
    CellInputsDemoResult CellInputs,
    CyclingDemoResult? Cycling);
