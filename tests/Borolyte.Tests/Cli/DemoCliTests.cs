using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Borolyte.Cells.Design;
using Borolyte.Chemistry;
using Borolyte.Cycling.Analysis;
using Borolyte.Cycling.Readers;
using Borolyte.Studies;
using Borolyte.Tests.Support;
using Borolyte.Thermo;

namespace Borolyte.Tests.Cli;

/// <summary>`borolyte demo` as a user runs it: a real process, real files, the report opened in headless Chromium.</summary>
public class DemoCliTests
{
    [Fact]
    public void Demo_writes_report_and_summary_and_the_report_renders()
    {
        string dir = Directory.CreateTempSubdirectory("borolyte-demo").FullName;
        try
        {
            string outDir = Path.Combine(dir, "demo");
            var run = CliProcess.Run("demo", "--out-dir", outDir, "--json");
            Assert.True(run.ExitCode == 0, run.Stderr);

            string reportPath = Path.Combine(outDir, "index.html");
            string summaryPath = Path.Combine(outDir, "summary.json");
            Assert.True(File.Exists(reportPath));
            using var summary = JsonDocument.Parse(File.ReadAllText(summaryPath));
            using var printed = JsonDocument.Parse(run.Stdout);
            Assert.Equal(summary.RootElement.GetRawText(), printed.RootElement.GetRawText());

            var root = summary.RootElement;
            Assert.True(root.GetProperty("knowledgeBase").GetProperty("properties").GetInt32() > 100);
            var batch = root.GetProperty("recipes")[0].GetProperty("recipe");
            Assert.Equal("Na4(B12H12)(B10H10)", batch.GetProperty("target").GetString());
            Assert.Equal(1000.0, batch.GetProperty("targetMassMg").GetDouble(), 6);
            var dipping = root.GetProperty("recipes")[1].GetProperty("recipe").GetProperty("solution");
            Assert.Equal(100.0, dipping.GetProperty("concentrationMgPerMl").GetDouble(), 6);
            Assert.Equal(10.0, dipping.GetProperty("solventVolumeMl").GetDouble(), 6);
            var b12 = root.GetProperty("clusters").EnumerateArray().Single(c => c.GetProperty("formula").GetString() == "[B12H12]2-");
            Assert.Equal("closo", b12.GetProperty("class").GetString());

            var sections = root.GetProperty("sections").EnumerateArray().Select(e => e.GetString()).ToList();
            foreach (var expected in new[] { "Knowledge base", "Ionic conductivity", "Cell design", "Cycling data", "Stability" })
                Assert.Contains(expected, sections);

            // The foundation's keys first, in their order; then one key per section with its headline numbers.
            Assert.Equal(new[] { "report", "sections", "figures", "knowledgeBase", "conductivity", "arrheniusLines", "clusters", "recipes",
                          "transport", "stability", "cellDesign", "cellSimulation", "cellInputs", "cycling" },
                root.EnumerateObject().Select(p => p.Name).ToArray());
            string html = File.ReadAllText(reportPath);
            CheckSectionHeadlines(root, html);

            // Every figure of the whole study is drawn by plotly.js in a real browser, not only the first.
            int figures = root.GetProperty("figures").GetInt32();
            Assert.True(figures >= 10, $"{figures} figures");
            string dom = HeadlessChromium.DumpDom(reportPath);
            for (int i = 1; i <= figures; i++)
            {
                var figure = Regex.Match(dom, $"<div class=\"plot[^\"]*\" id=\"fig{i}\"[^>]*>(.*?)</figure>", RegexOptions.Singleline);
                Assert.True(figure.Success, $"fig{i} missing");
                Assert.True(figure.Groups[1].Value.Contains("main-svg"), $"fig{i} was not drawn");
            }
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    /// <summary>summary.json's section keys against the library (same inputs, same answers), the report and each other.</summary>
    private static void CheckSectionHeadlines(JsonElement root, string html)
    {
        static double D(JsonElement e, string key) => e.GetProperty(key).GetDouble();
        bool Shows(string text) => html.Contains(">" + WebUtility.HtmlEncode(text) + "<", StringComparison.Ordinal);

        var transport = root.GetProperty("transport");
        double trueEa = D(transport, "trueActivationEnergyEv"), ea = D(transport, "recoveredActivationEnergyEv"), se = D(transport, "recoveredActivationEnergyStdErrEv");
        Assert.Equal(TransportSection.PublishedActivationEnergyEv, trueEa);
        Assert.True(se > 0 && Math.Abs(ea - trueEa) <= 3 * se, $"recovered {ea} ± {se} eV vs true {trueEa} eV");
        double sigma = D(transport, "trueSigma25CSPerCm");
        Assert.InRange(sigma, D(transport, "recoveredSigma25CLowerSPerCm"), D(transport, "recoveredSigma25CUpperSPerCm"));
        Assert.True(transport.GetProperty("sigma25CWithinInterval").GetBoolean());
        var nmr = transport.GetProperty("nmr");
        Assert.True(Math.Abs(D(nmr, "recoveredActivationEnergyEv") - D(nmr, "trueActivationEnergyEv")) <= 4 * D(nmr, "recoveredActivationEnergyStdErrEv"));
        Assert.True(transport.GetProperty("eisf").GetProperty("c3EqualsC5").GetBoolean());

        var stability = root.GetProperty("stability");
        var windows = stability.GetProperty("windows").EnumerateArray().ToArray();
        Assert.Equal(StabilitySection.Windows.Count, windows.Length);
        foreach (var w in windows)
        {
            var exclude = w.GetProperty("exclude").EnumerateArray().Select(x => x.GetString()!).ToArray();
            var library = GrandPotentialDiagram.Window(BuiltinEntries.Load(w.GetProperty("dataset").GetString()!), Formula.Parse(w.GetProperty("compound").GetString()!),
                w.GetProperty("openElement").GetString()!, new WindowOptions(Exclude: exclude.Length > 0 ? exclude : null));
            Assert.Equal(library.ReductionLimitV, D(w, "reductionLimitV"), 12);
            Assert.Equal(library.OxidationLimitV, D(w, "oxidationLimitV"), 12);
            Assert.Equal(DecompositionPhase.Describe(library.OxidationProducts), w.GetProperty("oxidationProducts").GetString());
        }
        var statements = stability.GetProperty("reviewStatements").EnumerateArray().ToArray();
        Assert.Equal(4, statements.Length);
        foreach (var r in statements)
        {
            string verdict = r.GetProperty("verdict").GetString()!, brief = r.GetProperty("shortVerdict").GetString()!;
            Assert.True(brief.Length > 0 && verdict.StartsWith(brief, StringComparison.Ordinal), verdict);
            Assert.True(Shows(verdict), $"verdict not in the report: {verdict}");
        }

        var fullCell = root.GetProperty("cellDesign").GetProperty("fullCell");
        var design = SeedCellDesigns.NaCrO2SnFull();
        var energy = design.Energy();
        Assert.Equal(design.NpRatio, D(fullCell, "npRatio"), 12);
        Assert.Equal(energy.SpecificEnergyWhPerKgCathodeActive, D(fullCell, "specificEnergyCathodeActiveWhPerKg"), 9);
        Assert.Equal(energy.SpecificEnergyWhPerKgElectrodes, D(fullCell, "specificEnergyElectrodesWhPerKg"), 9);
        Assert.Equal(energy.SpecificEnergyWhPerKgStack, D(fullCell, "specificEnergyStackWhPerKg"), 9);
        Assert.Equal(energy.EnergyDensityWhPerLStack, D(fullCell, "energyDensityStackWhPerL"), 9);
        foreach (var e in root.GetProperty("cellDesign").GetProperty("electrodes").EnumerateArray())
        {
            Assert.InRange(D(e, "castPorosity"), 0.0, 1.0);
            double ratio = D(e, "expectedElectrolyteToCompositeMassRatio");
            Assert.Equal(ratio / (1 + ratio), D(e, "expectedElectrolyteMassFraction"), 12);
        }

        var sim = root.GetProperty("cellSimulation");
        string Pct(double f) => (f * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";
        double r70 = D(sim, "retention100CyclesAt70MPa"), r3 = D(sim, "retention100CyclesAt3MPa");
        Assert.True(r70 > r3, $"70 MPa {r70} vs 3 MPa {r3}");
        Assert.True(Shows($"{Pct(r70)} / {Pct(r3)}"), "100-cycle retentions differ from the report's");
        Assert.True(Shows(Pct(D(sim, "fullCellRetention50Cycles"))), "full-cell retention differs from the report's");
        Assert.True(Shows(Pct(D(sim, "halfCell5CRetention"))), "5C retention differs from the report's");
        Assert.Equal(CellSimulationSection.PublishedRetention100CyclesAt70MPa, D(sim, "publishedRetention100CyclesAt70MPa"));
        Assert.Equal(CellSimulationSection.Published5CRetention["nacro2-half"], D(sim, "publishedHalfCell5CRetention"));

        var cycling = root.GetProperty("cycling");
        var file = cycling.GetProperty("file");
        var run = CyclingFileReader.Read(TestData.Path("cycling", "neware_uio.csv")); // the same file as data/demo/neware_uio.csv
        var summary = CycleSummarizer.Summarize(run);
        Assert.Equal(run.Format, file.GetProperty("format").GetString());
        Assert.Equal(summary.Cycles.Count, file.GetProperty("cycles").GetInt32());
        Assert.Equal(summary.Cycles[0].ChargeCapacityAh * 1e3, D(file, "firstChargeCapacityMAh"), 9);
        Assert.Equal(summary.Cycles[0].CoulombicEfficiency!.Value, D(file, "firstCoulombicEfficiency"), 12);
        // The cycling section's simulated cell is the cell-simulation section's nacro2-half at 0.1C, counted by another module.
        double q1 = D(sim, "halfCellFirstDischargeCapacityMAhPerG");
        Assert.Equal(q1, D(cycling.GetProperty("simulated"), "firstDischargeCapacityMAhPerG"), q1 * 1e-3);
    }

    [Fact]
    public void Demo_console_table_has_a_row_per_section_headline_with_the_summary_numbers()
    {
        string dir = Directory.CreateTempSubdirectory("borolyte-demo").FullName;
        try
        {
            string outDir = Path.Combine(dir, "demo");
            var run = CliProcess.Run("demo", "--out-dir", outDir);
            Assert.True(run.ExitCode == 0, run.Stderr);
            using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
            var root = summary.RootElement;
            var lines = run.Stdout.Split('\n');
            string[] Rows(string section) => lines.Where(l => l.StartsWith("│ " + section + " ", StringComparison.Ordinal)).ToArray();
            static string Inv(FormattableString f) => f.ToString(CultureInfo.InvariantCulture);

            var transport = root.GetProperty("transport");
            Assert.Contains(Rows("Ion transport"), l => l.Contains(Inv($"Eₐ recovered {transport.GetProperty("recoveredActivationEnergyEv").GetDouble():0.0000} ± ")));
            Assert.Single(Rows("NMR (BPP)"));
            var stability = Rows("Stability");
            foreach (var w in root.GetProperty("stability").GetProperty("windows").EnumerateArray())
                Assert.Contains(stability, l => l.Contains(Inv($"{w.GetProperty("reductionLimitV").GetDouble():0.###}–{w.GetProperty("oxidationLimitV").GetDouble():0.###} V")));
            foreach (var r in root.GetProperty("stability").GetProperty("reviewStatements").EnumerateArray())
                Assert.Contains(stability, l => l.Contains("→ " + r.GetProperty("shortVerdict").GetString()));
            Assert.Contains(Rows("Cell design"), l => l.Contains(Inv($"n/p {root.GetProperty("cellDesign").GetProperty("fullCell").GetProperty("npRatio").GetDouble():0.00}")));
            var sim = root.GetProperty("cellSimulation");
            Assert.Contains(Rows("Cell simulation"), l => l.Contains(Inv($"{sim.GetProperty("retention100CyclesAt70MPa").GetDouble() * 100:0.0} % at 70 MPa")));
            Assert.Contains(Rows("Cell simulation"), l => l.Contains(Inv($"{sim.GetProperty("fullCellRetention50Cycles").GetDouble() * 100:0.0} %")));
            var inputs = root.GetProperty("cellInputs");
            var lambda = inputs.GetProperty("contactLossFromCyclerFile");
            Assert.Contains(Rows("Cells from measurements"), l => l.Contains(Inv($"{lambda.GetProperty("fittedPerCycle").GetDouble():0.###E+0}/cycle")));
            // The console shows the coldest temperature at which the preset's law still gives a 0.1C capacity.
            var cold = inputs.GetProperty("temperatures").EnumerateArray().First(t => t.GetProperty("presetDischargeCapacityMAhPerG")[0].GetDouble() > 0);
            Assert.Contains(Rows("Cells from measurements"), l => l.Contains(Inv($"{cold.GetProperty("fittedDischargeCapacityMAhPerG")[0].GetDouble():0.0} mAh/g with the EIS-fitted")));
            var file = root.GetProperty("cycling").GetProperty("file");
            Assert.Contains(Rows("Cycling data"), l => l.Contains($"neware_uio.csv: {file.GetProperty("format").GetString()}, ") && l.Contains($"{file.GetProperty("cycles").GetInt32()} cycles"));
            Assert.Contains(Rows("Cycling data"), l => l.Contains("simulated nacro2-half, cycle 1: "));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void Demo_into_an_unwritable_place_fails_with_one_line_and_exit_1()
    {
        string dir = Directory.CreateTempSubdirectory("borolyte-demo").FullName;
        try
        {
            string blocker = Path.Combine(dir, "file");
            File.WriteAllText(blocker, "not a folder");
            var run = CliProcess.Run("demo", "--out-dir", Path.Combine(blocker, "demo"));
            Assert.Equal(1, run.ExitCode);
            Assert.Single(run.Stderr.Trim().Split('\n'));
            Assert.DoesNotContain("   at ", run.Stderr);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
