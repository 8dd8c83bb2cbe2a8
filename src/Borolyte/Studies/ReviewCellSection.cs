using Borolyte.Cells.Design;
using Borolyte.Cells.Protocols;
using Borolyte.Cells.Simulation;
using Borolyte.Reporting;
using static Borolyte.Studies.StudyFormat;

namespace Borolyte.Studies;

/// <summary>One row of the review-cell table: what was simulated, its value and the published counterpart (both in the row's unit).</summary>
public sealed record ReviewCellComparison(string Test, double Simulated, double Published, string Unit, string Source, string Note);

/// <summary>
/// The review's Li cells and 4 V Na cell (seed 000 §2.2, <see cref="ReviewCellPresets"/>) in the demo's cell-simulation section:
/// the short tests (one or two cycles, well under a second together) next to the capacities the original papers' abstracts give.
/// The presets' electrode parameters are ASSUMED, so the rows are reported, not fitted; the calibrated retentions (hundreds of
/// cycles, ≈ 12 s) are in docs/cells.md and the tests, not re-run here.
/// </summary>
public static class ReviewCellSection
{
    private static double Discharge(string preset, string protocol, int cycle, double? temperatureC = null)
    {
        var p = CellPresets.Get(preset);
        var cell = temperatureC is { } t ? p.AtTemperature(t + PhysicalConstants.ZeroCelsiusK) : p.Cell;
        return CellSimulation.Run(cell, Protocol.Parse(protocol)).Summary.Cycles[cycle - 1].DischargeSpecificCapacityMAhPerG ?? double.NaN;
    }

    /// <summary>Runs the short tests and returns them with their published values (capacities in mAh/g, ratios as fractions).</summary>
    public static IReadOnlyList<ReviewCellComparison> Compare()
    {
        double libh4 = Discharge("tis2-libh4-li", "(Discharge at C/5 until 1.6 V; Charge at C/5 until 2.7 V) x 2", 2);
        double nvopf10 = Discharge("nvopf-ncb-na", "(Charge at C/10 until 4.15 V; Discharge at C/10 until 3.0 V) x 2", 2);
        double nvopf5 = Discharge("nvopf-ncb-na", "(Charge at C/5 until 4.15 V; Discharge at C/5 until 3.0 V) x 2", 2);
        var rate = CellSimulation.Run(CellPresets.Get("tis2-lcb-li").Cell,
            Protocol.Parse("Discharge at C/10 until 1.6 V; Charge at C/10 until 2.7 V; Discharge at 10C until 1.6 V; Charge at C/10 until 2.7 V")).Summary.Cycles;
        double tis2 = CellMaterials.Get("TiS2").TheoreticalCapacityCPerKg!.Value / CellUnits.CPerKgPerMAhPerG;
        double tenC = (rate[1].DischargeSpecificCapacityMAhPerG ?? double.NaN) / (rate[0].DischargeSpecificCapacityMAhPerG ?? double.NaN);
        return
        [
            new("tis2-libh4-li: 2nd discharge at C/5, 120 °C", libh4, ReviewCellPresets.PublishedLiBH4Cycle2DischargeMAhPerG, "mAh/g",
                "Unemoto et al., Chem. Mater. 27 (2015) 5407 ('205 mAh g-1 … TiS2 utilization ratio of 85%', 393 K)",
                $"the assumed electrode reaches {Num(libh4 / tis2 * 100, "0")} % of {Num(tis2, "0")} mAh/g; nothing in the model limits TiS2 to the paper's 85 % utilisation"),
            new("nvopf-ncb-na: 2nd discharge at C/10, 25 °C, 4.15 V", nvopf10, ReviewCellPresets.PublishedNvopfDischargeC10MAhPerG, "mAh/g",
                "Asakura et al., Energy Environ. Sci. 13 (2020) 5048", "near the 130 mAh/g of two Na: assumed transport, OCP placed on descriptions"),
            new("nvopf-ncb-na: 2nd discharge at C/5, 25 °C, 4.15 V", nvopf5, ReviewCellPresets.PublishedNvopfDischargeC5MAhPerG, "mAh/g",
                "Asakura et al. 2020", $"the paper loses {Num((1 - ReviewCellPresets.PublishedNvopfDischargeC5MAhPerG / ReviewCellPresets.PublishedNvopfDischargeC10MAhPerG) * 100, "0")} % from C/10 to C/5, the model {Num((1 - nvopf5 / nvopf10) * 100, "0.0")} %: " +
                "its assumed transport and kinetics are faster than this cell's (or the loss has another cause)"),
            new("tis2-lcb-li: 10C vs C/10 discharge, 25 °C", tenC, 0.70, "ratio",
                "review §2.2 ('> 70 %', ref. 47; not in the abstract of Kim et al., Nat. Commun. 10 (2019) 1081)", "consistent with the lower bound; not a test of the assumed electrode"),
        ];
    }

    public static IReadOnlyList<ReviewCellComparison> AddTo(HtmlReport report)
    {
        var rows = Compare();
        string Value(double v, string unit) => unit == "ratio" ? Num(v * 100, "0.0") + " %" : Num(v, "0.0");
        string Published(ReviewCellComparison r) => (r.Unit == "ratio" ? "> " : "") + Value(r.Published, r.Unit);
        string Miss(ReviewCellComparison r) => r.Unit == "ratio" ? (r.Simulated > r.Published ? "above the bound" : "BELOW the bound")
            : Num((r.Simulated - r.Published) / r.Published * 100, "+0;-0;0") + " %";
        report.AddTable(new ReportTable("The review's TiS2 | LiBH4 | Li, TiS2 | Li(CB9H10)0.7(CB11H12)0.3 | Li and Na3(VOPO4)2F | Na4(CB11H12)2(B12H12) | Na " +
            "presets against the original papers (seed 000 §2.2, refs. 128, 47, 54). Loadings, compositions, particle sizes and kinetics are ASSUMED (none " +
            "in the seed or the retrieved abstracts), so these rows are predictions, not fits. The retentions (TiS2 | LiBH4: 180 / 205 mAh/g after 300 " +
            "cycles; ~70 % after 200 cycles at 1C, 60 °C; 78 % after 800 cycles) are calibration targets of one contact-loss rate each and agree by " +
            "construction (docs/cells.md; not re-run here)",
            ["Cell, test", "Simulated", "Published", "Miss", "Source", "Note"],
            rows.Select(r => (IReadOnlyList<string>)[r.Test, Value(r.Simulated, r.Unit), Published(r), Miss(r), r.Source, r.Note]).ToList()));
        return rows;
    }
}
