using System.Globalization;
using System.CommandLine;
using System.Text.Json;
using Borolyte;
using Borolyte.Cli.Documents;
using Borolyte.Storage;
using Borolyte.Studies;
using Borolyte.Thermo;
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
        var command = new Command("demo", "Run the end-to-end study (knowledge base, conductivity, transport, clusters, stability, infiltration recipe, cell design and simulation, cycling) and write an HTML report")
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
            AddSectionRows(table, result);
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

    /// <summary>One row per headline of the transport, stability, cell-design, cell-simulation and cycling sections.</summary>
    private static void AddSectionRows(Table table, FoundationStudyResult result)
    {
        void Row(string section, string text) => table.AddRow(Markup.Escape(section), Markup.Escape(text));

        var t = result.Transport;
        Row("Ion transport", $"Eₐ recovered {F(t.RecoveredActivationEnergyEv, "0.0000")} ± {F(t.RecoveredActivationEnergyStdErrEv, "G2")} eV " +
                             $"(true {F(t.TrueActivationEnergyEv, "0.000")}; {F(t.ActivationEnergyDeviationStdErrs, "0.0")} SE off), {t.Series.Count} spectra");
        Row("Ion transport", $"σ(25 °C) recovered {Sci(t.Conductivity.Sigma25CSPerCm)} S/cm (true {Sci(t.TrueSigma25CSPerCm)}, " +
                             $"{(t.Sigma25CWithinInterval ? "inside" : "outside")} the 95 % interval)");
        var (peak, peakErr) = t.NmrPeak;
        Row("NMR (BPP)", $"Eₐ recovered {F(t.NmrRecoveredActivationEnergyEv, "0.000")} ± {F(t.NmrRecoveredActivationEnergyStdErrEv, "G2")} eV " +
                         $"(true {F(t.NmrTrueActivationEnergyEv, "0.00")}; {F(t.NmrActivationEnergyDeviationStdErrs, "0.0")} SE off); R₁ maximum {F(peak, "0.0")} ± {F(peakErr, "0.0")} K");
        Row("QENS (EISF)", $"[B12H12]2− C3 and C5 curves {(t.EisfC3EqualsC5 ? "identical" : "differ")} (max difference {t.EisfC3C5MaxAbsDifference.ToString("G2", CultureInfo.InvariantCulture)})");

        foreach (var w in result.Stability.Windows)
            Row("Stability", $"window {w.Case.Label} vs {w.Window.OpenElement.Symbol}: {F(w.Window.ReductionLimitV, "0.###")}–{F(w.Window.OxidationLimitV, "0.###")} V");
        foreach (var r in result.Stability.ReviewStatements)
            Row("Stability", $"review: {r.Statement} → {r.ShortVerdict}");

        var d = result.CellDesign;
        foreach (var e in d.Electrodes)
            Row("Cell design", $"{e.Electrode}: ε {F(e.CastPorosity, "0.000")}, expected SE {F(e.ExpectedElectrolyteMassFraction * 100, "0.00")} wt%" +
                               (e.PublishedExpectedElectrolyteMassFraction is { } pe ? $" (SI Table S1: {F(pe * 100, "0.0#")})" : ""));
        Row("Cell design", $"full cell: n/p {F(d.NpRatio, "0.00")} (paper {F(CellDesignSection.PublishedNpRatio, "0.00")})");
        Row("Cell design", $"full cell: {F(d.SpecificEnergyWhPerKgCathodeActive, "0")} Wh/kg cathode active, {F(d.SpecificEnergyWhPerKgElectrodes, "0")} electrodes, " +
                           $"{F(d.SpecificEnergyWhPerKgStack, "0")} stack (paper {F(CellDesignSection.PublishedSpecificEnergyWhPerKgCathodeActive, "0")}, " +
                           $"{F(CellDesignSection.PublishedSpecificEnergyWhPerKgElectrodes, "0")}, –)");

        var s = result.CellSimulation;
        Row("Cell simulation", $"nacro2-half 1st discharge at 0.1C {F(s.HalfCellFirstDischargeCapacityMAhPerG, "0.0")} mAh/g " +
                               $"(paper ≈{F(CellSimulationSection.PublishedHalfCellFirstDischargeCapacityMAhPerG, "0")}), CE {Pct(s.HalfCellFirstCoulombicEfficiency)} " +
                               $"(paper {Pct(CellSimulationSection.PublishedHalfCellFirstCoulombicEfficiency)})");
        Row("Cell simulation", $"5C retention vs 0.1C: 95:2:3 {Pct(s.HalfCell5CRetention)} (paper {Pct(CellSimulationSection.Published5CRetention["nacro2-half"])}), " +
                               $"97:1:2 {Pct(s.HalfCell97Of5CRetention)} (paper {Pct(CellSimulationSection.Published5CRetention["nacro2-half-97"])})");
        Row("Cell simulation", $"100 cycles at 0.5C: {Pct(s.Retention100CyclesAt70MPa)} at 70 MPa, {Pct(s.Retention100CyclesAt3MPa)} at 3 MPa " +
                               $"(paper {Pct(CellSimulationSection.PublishedRetention100CyclesAt70MPa)} / {Pct(CellSimulationSection.PublishedRetention100CyclesAt3MPa)})");
        Row("Cell simulation", $"nacro2-sn-full: 1st discharge {F(s.FullCellFirstDischargeCapacityMAhPerG, "0.0")} mAh/g " +
                               $"(paper ≈{F(CellSimulationSection.PublishedFullCellFirstDischargeCapacityMAhPerG, "0")}), 50 cycles at 0.2C {Pct(s.FullCellRetention50Cycles)} " +
                               $"(paper {Pct(CellSimulationSection.PublishedFullCellRetention50Cycles)})");

        var ci = result.CellInputs;
        // The coldest temperature at which the preset's law still gives a 0.1C capacity (colder, neither law gives any).
        var cold = ci.Temperatures.FirstOrDefault(r => r.PresetCapacityMAhPerG[0] > 0) ?? ci.Temperatures[0];
        Row("Cells from measurements", $"{CellInputsSection.Preset} at {F(cold.TemperatureC, "0")} °C, 0.1C: {F(cold.FittedCapacityMAhPerG[0], "0.0")} mAh/g with the EIS-fitted κ(T), " +
                                       $"{F(cold.PresetCapacityMAhPerG[0], "0.0")} with the preset's");
        Row("Cells from measurements", $"λ at {F(CellInputsSection.FilePressureMPa, "0")} MPa from a cycler file: {Sci(ci.ContactLossFitted.Value)}/cycle " +
                                       $"(in the file {Sci(ci.ContactLossInFilePerCycle)}, start {Sci(ci.ContactLossStartPerCycle)})");

        if (result.Cycling is { } c)
            foreach (var run in new[] { c.File, c.Simulated })
            {
                Row("Cycling data", $"{run.Source}: {run.Format}, {run.Points} points, {run.Cycles} cycles{(run.IncompleteCycles > 0 ? $" ({run.IncompleteCycles} incomplete)" : "")}");
                Row("Cycling data", $"{run.Source}, cycle 1: charge {Capacity(run.FirstChargeCapacityAh, run.FirstChargeSpecificCapacityMAhPerG)}, " +
                                    $"discharge {Capacity(run.FirstDischargeCapacityAh, run.FirstDischargeSpecificCapacityMAhPerG)}, CE {Pct(run.FirstCoulombicEfficiency)}");
            }

        static string Capacity(double ah, double? mAhPerG) => mAhPerG is { } g ? $"{F(g, "0.0")} mAh/g" : $"{F(ah * 1e3, "0.###")} mAh";
    }

    private static string F(double? value, string format) => value is { } v && double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "–";
    private static string Sci(double value) => value.ToString("0.###E+0", CultureInfo.InvariantCulture);
    private static string Pct(double? fraction) => fraction is { } f && double.IsFinite(f) ? (f * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "–";

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
        transport = TransportSummary(result.Transport),
        stability = new
        {
            windows = result.Stability.Windows.Select(w => new
            {
                compound = w.Case.Compound,
                label = w.Case.Label,
                openElement = w.Window.OpenElement.Symbol,
                dataset = w.Case.Dataset,
                exclude = w.Case.Exclude ?? [],
                reductionLimitV = w.Window.ReductionLimitV,
                oxidationLimitV = w.Window.OxidationLimitV,
                reductionProducts = DecompositionPhase.Describe(w.Window.ReductionProducts),
                oxidationProducts = DecompositionPhase.Describe(w.Window.OxidationProducts),
            }).ToArray(),
            notComputable = StabilitySection.NotComputable,
            reviewStatements = result.Stability.ReviewStatements.Select(r => new
            {
                statement = r.Statement, review = r.Review, thisDataset = r.ThisDataset, verdict = r.Verdict, shortVerdict = r.ShortVerdict,
            }).ToArray(),
        },
        cellDesign = new
        {
            electrodes = result.CellDesign.Electrodes.Select(e => new
            {
                electrode = e.Electrode,
                castPorosity = e.CastPorosity,
                expectedElectrolyteMassFraction = e.ExpectedElectrolyteMassFraction,
                expectedElectrolyteToCompositeMassRatio = e.ExpectedElectrolyteToCompositeMassRatio,
                publishedExpectedElectrolyteMassFraction = e.PublishedExpectedElectrolyteMassFraction,
                measuredElectrolyteToCompositeMassRatio = e.MeasuredElectrolyteToCompositeMassRatio,
            }).ToArray(),
            fullCell = new
            {
                npRatio = result.CellDesign.NpRatio,
                publishedNpRatio = CellDesignSection.PublishedNpRatio,
                specificEnergyCathodeActiveWhPerKg = result.CellDesign.SpecificEnergyWhPerKgCathodeActive,
                publishedSpecificEnergyCathodeActiveWhPerKg = CellDesignSection.PublishedSpecificEnergyWhPerKgCathodeActive,
                specificEnergyElectrodesWhPerKg = result.CellDesign.SpecificEnergyWhPerKgElectrodes,
                publishedSpecificEnergyElectrodesWhPerKg = CellDesignSection.PublishedSpecificEnergyWhPerKgElectrodes,
                specificEnergyStackWhPerKg = result.CellDesign.SpecificEnergyWhPerKgStack,
                energyDensityStackWhPerL = result.CellDesign.EnergyDensityWhPerLStack,
            },
        },
        cellSimulation = new
        {
            halfCellFirstDischargeCapacityMAhPerG = result.CellSimulation.HalfCellFirstDischargeCapacityMAhPerG,
            publishedHalfCellFirstDischargeCapacityMAhPerG = CellSimulationSection.PublishedHalfCellFirstDischargeCapacityMAhPerG,
            halfCellFirstCoulombicEfficiency = result.CellSimulation.HalfCellFirstCoulombicEfficiency,
            publishedHalfCellFirstCoulombicEfficiency = CellSimulationSection.PublishedHalfCellFirstCoulombicEfficiency,
            halfCell5CRetention = result.CellSimulation.HalfCell5CRetention,
            publishedHalfCell5CRetention = CellSimulationSection.Published5CRetention["nacro2-half"],
            halfCell97Of5CRetention = result.CellSimulation.HalfCell97Of5CRetention,
            publishedHalfCell97Of5CRetention = CellSimulationSection.Published5CRetention["nacro2-half-97"],
            retention100CyclesAt70MPa = result.CellSimulation.Retention100CyclesAt70MPa,
            publishedRetention100CyclesAt70MPa = CellSimulationSection.PublishedRetention100CyclesAt70MPa,
            retention100CyclesAt3MPa = result.CellSimulation.Retention100CyclesAt3MPa,
            publishedRetention100CyclesAt3MPa = CellSimulationSection.PublishedRetention100CyclesAt3MPa,
            fullCellFirstDischargeCapacityMAhPerG = result.CellSimulation.FullCellFirstDischargeCapacityMAhPerG,
            publishedFullCellFirstDischargeCapacityMAhPerG = CellSimulationSection.PublishedFullCellFirstDischargeCapacityMAhPerG,
            fullCellRetention50Cycles = result.CellSimulation.FullCellRetention50Cycles,
            publishedFullCellRetention50Cycles = CellSimulationSection.PublishedFullCellRetention50Cycles,
        },
        cellInputs = new
        {
            preset = CellInputsSection.Preset,
            cRates = CellInputsSection.CRates,
            temperatures = result.CellInputs.Temperatures.Select(r => new
            {
                temperatureC = r.TemperatureC,
                fittedConductivitySPerCm = r.FittedConductivitySPerM / 100,
                presetConductivitySPerCm = r.PresetConductivitySPerM / 100,
                fittedDischargeCapacityMAhPerG = r.FittedCapacityMAhPerG,
                presetDischargeCapacityMAhPerG = r.PresetCapacityMAhPerG,
            }).ToArray(),
            contactLossFromCyclerFile = new
            {
                pressureMPa = CellInputsSection.FilePressureMPa,
                measuredCycles = result.CellInputs.MeasuredCycles,
                startPerCycle = result.CellInputs.ContactLossStartPerCycle,
                fittedPerCycle = result.CellInputs.ContactLossFitted.Value,
                fittedStandardErrorLn = result.CellInputs.ContactLossFitted.StandardErrorLn,
                inFilePerCycle = result.CellInputs.ContactLossInFilePerCycle,
            },
        },
        cycling = result.Cycling is { } c ? new { file = CyclingRunSummary(c.File), simulated = CyclingRunSummary(c.Simulated) } : null,
    };

    private static object TransportSummary(TransportDemoResult t)
    {
        var (peak, peakErr) = t.NmrPeak;
        return new
        {
            formula = TransportSection.Formula,
            spectra = t.Series.Count,
            trueActivationEnergyEv = t.TrueActivationEnergyEv,
            recoveredActivationEnergyEv = t.RecoveredActivationEnergyEv,
            recoveredActivationEnergyStdErrEv = t.RecoveredActivationEnergyStdErrEv,
            activationEnergyDeviationStdErrs = t.ActivationEnergyDeviationStdErrs,
            trueSigma25CSPerCm = t.TrueSigma25CSPerCm,
            sigma25CSource = t.Sigma25CSource,
            recoveredSigma25CSPerCm = t.Conductivity.Sigma25CSPerCm,
            recoveredSigma25CLowerSPerCm = t.Conductivity.Sigma25CLowerSPerCm,
            recoveredSigma25CUpperSPerCm = t.Conductivity.Sigma25CUpperSPerCm,
            sigma25CWithinInterval = t.Sigma25CWithinInterval,
            nmr = new
            {
                trueActivationEnergyEv = t.NmrTrueActivationEnergyEv,
                recoveredActivationEnergyEv = t.NmrRecoveredActivationEnergyEv,
                recoveredActivationEnergyStdErrEv = t.NmrRecoveredActivationEnergyStdErrEv,
                activationEnergyDeviationStdErrs = t.NmrActivationEnergyDeviationStdErrs,
                peakLarmorHz = t.Nmr.LarmorHz[0],
                peakTemperatureK = peak,
                peakTemperatureStdErrK = peakErr,
            },
            eisf = new { c3EqualsC5 = t.EisfC3EqualsC5, c3C5MaxAbsDifference = t.EisfC3C5MaxAbsDifference },
        };
    }

    private static object CyclingRunSummary(CyclingRunHeadline r) => new
    {
        source = r.Source,
        format = r.Format,
        points = r.Points,
        cycles = r.Cycles,
        incompleteCycles = r.IncompleteCycles,
        firstChargeCapacityMAh = r.FirstChargeCapacityAh * 1e3,
        firstDischargeCapacityMAh = r.FirstDischargeCapacityAh * 1e3,
        firstChargeCapacityMAhPerG = r.FirstChargeSpecificCapacityMAhPerG,
        firstDischargeCapacityMAhPerG = r.FirstDischargeSpecificCapacityMAhPerG,
        firstCoulombicEfficiency = r.FirstCoulombicEfficiency,
        coulombicEfficiencyPairing = r.CoulombicEfficiencyPairing,
    };
}
