using System.Globalization;
using Borolyte.Cells.Design;
using Borolyte.Cells.Protocols;
using Borolyte.Cells.Simulation;
using Borolyte.Reporting;

namespace Borolyte.Studies;

/// <summary>The infiltration design of one seed electrode: cast porosity and the electrolyte expected in its pores, beside seed 004's numbers.</summary>
public sealed record SeedElectrodeDesign(
    string Electrode, double CastPorosity, double ExpectedElectrolyteMassFraction, double ExpectedElectrolyteToCompositeMassRatio,
    double? PublishedExpectedElectrolyteMassFraction, double? MeasuredElectrolyteToCompositeMassRatio);

/// <summary>What the cell-design section computed: the seed electrodes' infiltration and the seed full cell's n/p and specific energies (the paper's discharge).</summary>
public sealed record CellDesignDemoResult(
    IReadOnlyList<SeedElectrodeDesign> Electrodes, double NpRatio, double SpecificEnergyWhPerKgCathodeActive, double SpecificEnergyWhPerKgElectrodes,
    double SpecificEnergyWhPerKgStack, double EnergyDensityWhPerLStack);

/// <summary>
/// The cell-design part of `./borolyte demo` (issue 5 §1, §4): the infiltration design of seed 004's electrodes and the
/// specific-energy table, each next to the published value, and the effect of electrolyte density and separator thickness.
/// </summary>
public static class CellDesignSection
{
    /// <summary>Separator thicknesses of the sweep (µm): the paper's &lt;500 µm pellet down to a 30 µm sheet.</summary>
    public static readonly double[] SeparatorThicknessesUm = [500, 300, 200, 100, 50, 30];

    /// <summary>Electrolytes compared (catalogue names; densities from seed 004 §1 except Na3PS4).</summary>
    public static readonly string[] Electrolytes = ["Na4(B12H12)(B10H10)", "Li6PS5Cl", "Na3PS4", "Li7La3Zr2O12"];

    /// <summary>Seed 004 §2: "we expect an electrolyte mass fraction of about 8 wt%" for the 95:2:3 NaCrO2 electrode.</summary>
    public const double PublishedExpectedElectrolyteMassFraction = 0.08;
    /// <summary>Seed 004 §2: the full cell's n/p ratio of 1.20.</summary>
    public const double PublishedNpRatio = 1.20;
    /// <summary>Seed 004 §2: 282 Wh/kg on the cathode active material and 222 Wh/kg on both electrodes.</summary>
    public const double PublishedSpecificEnergyWhPerKgCathodeActive = 282, PublishedSpecificEnergyWhPerKgElectrodes = 222;

    public static CellDesignDemoResult AddTo(HtmlReport report)
    {
        var full = SeedCellDesigns.NaCrO2SnFull();
        var infiltration = SeedCellDesigns.PaperInfiltration;
        report.AddHeading("Cell design");
        report.AddParagraph("Electrodes of the infiltration paper (seed 004) designed from their composition, loading and component densities. " +
            "Cast and pressed porosities are seed 004's SI Table S1 (reprinted in L. Duchêne's thesis, Univ. Geneva). Expected electrolyte: the cast pores " +
            "fill once with the 100 mg/mL isopropanol solution, the solvent evaporates and the solute stays (concentration per mL of solvent). C-rates on " +
            "the active-material loading × 120 mAh/g. Densities: NaCrO2 4.12 (the SI's value, with which its porosities were computed; crystallographic 4.36), " +
            "PVDF 1.78, Super P 1.9 (assumed), Sn 7.265, Na4(B12H12)(B10H10) 1.17 g/cm³ (see data/cells/materials.yaml for sources). The SI's PVDF, carbon " +
            "and Sn densities are not in the retrieved text, so the expected shares differ from its own by what those densities change.");

        var rows = new List<IReadOnlyList<string>>();
        var electrodes = new List<SeedElectrodeDesign>();
        void Row(string label, Electrode e, string published01C, string published5C, SeedElectrodeCharacteristics table, string tableNote, double? publishedExpected,
            double? measuredRatio, string publishedMeasured, double pressedPorosity)
        {
            var expected = infiltration.Expected(e);
            electrodes.Add(new SeedElectrodeDesign(label, expected.CastPorosity, expected.ElectrolyteMassFraction, expected.ElectrolyteToCompositeMassRatio,
                publishedExpected, measuredRatio));
            var excess = measuredRatio is { } r ? ExcessCoating.FromMeasuredRatio(expected, r) : null;
            var dense = PressedElectrode.SolidThicknessM(e.CompositeLoadingKgPerM2, e.SolidDensityKgPerM3,
                excess?.MeasuredElectrolyteMassKgPerM2 ?? expected.ElectrolyteMassKgPerM2, infiltration.ElectrolyteDensityKgPerM3);
            rows.Add([
                label, Num(e.ActiveLoadingMgPerCm2, "0.0#"), Num(e.CompositeLoadingMgPerCm2, "0.00"),
                $"{Num(e.Porosity * 100, "0.0")} ({Num(table.CastPorosity * 100, "0.0")} %{tableNote})", Num(e.ThicknessUm, "0.0"),
                Num(e.ArealCapacityMAhPerCm2, "0.000"),
                $"{Num(e.CurrentDensityAPerM2(0.1) / CellUnits.APerM2PerMAPerCm2, "0.0000")} ({published01C})",
                $"{Num(e.CurrentDensityAPerM2(5) / CellUnits.APerM2PerMAPerCm2, "0.00")} ({published5C})",
                $"{Num(expected.ElectrolyteMassFraction * 100, "0.00")} / {Num(expected.ElectrolyteToCompositeMassRatio * 100, "0.0")} ({(publishedExpected is { } pe ? Num(pe * 100, "0.0#") : "–")})",
                measuredRatio is { } m ? $"{Num(m * 100, "0.#")} ({publishedMeasured})" : "–",
                excess is null ? "–" : $"{Num(excess.ExcessMassKgPerM2 / CellUnits.KgPerM2PerMgPerCm2, "0.00")} mg/cm² ({Num(excess.ExcessShareOfMeasured * 100, "0")} %)",
                $"{Num(PressedElectrode.ThicknessForResidualPorosity(dense, pressedPorosity) * 1e6, "0.0")} at {Num(pressedPorosity * 100, "0.0")} %" +
                    (table.PressedPorosity is null ? " (assumed: none in Table S1)" : pressedPorosity == table.PressedPorosity ? " (Table S1)" : ""),
            ]);
        }
        var halfCells = SeedCellDesigns.HalfCellSpecNames.Select(n => (Name: n, Design: SeedCellDesigns.HalfCell(n))).ToList();
        var t95 = SeedCellDesigns.TableS1Row("NaCrO2", "95:2:3");
        var t97 = SeedCellDesigns.TableS1Row("NaCrO2", "97:1:2");
        var tSn = SeedCellDesigns.TableS1Row("Sn", "90:5:5");
        Row("NaCrO2 95:2:3 (half cell)", halfCells[0].Design.Cathode.Electrode, "0.084", "–", t95, "", t95.ExpectedElectrolyteMassFraction,
            t95.MeasuredElectrolyteToCompositeMassRatio, "17", t95.PressedPorosity!.Value);
        Row("NaCrO2 97:1:2 (half cell)", SeedCellDesigns.NaCrO2HalfCellCathode("97:1:2", 7.7), "–", "4.5", t97, "", t97.ExpectedElectrolyteMassFraction,
            t97.MeasuredElectrolyteToCompositeMassRatio, "14.9", t97.PressedPorosity!.Value);
        Row("NaCrO2 97:1:2 (full cell)", full.Cathode.Electrode, "–", "–", t97, ", half-cell electrode", null, full.Cathode.MeasuredElectrolyteToCompositeMassRatio,
            "14.9, half-cell electrode", full.Cathode.PressedPorosity ?? double.NaN);
        Row("Sn 90:5:5 (full cell)", full.Anode.Electrode, "–", "–", tSn, "", tSn.ExpectedElectrolyteMassFraction, null, "–", full.Anode.PressedPorosity ?? double.NaN);
        report.AddTable(new ReportTable("Infiltration design of the seed electrodes (computed; seed 004's published values, SI Table S1's where marked, in parentheses)",
            ["Electrode", "Active (mg/cm²)", "Composite (mg/cm²)", "Cast porosity % (Table S1)", "Cast thickness (µm)", "Areal capacity (mAh/cm²)",
             "0.1C (mA/cm²)", "5C (mA/cm²)", "Expected SE: wt% of electrode / % of composite (Table S1)", "Measured SE (% of composite)",
             "Outside the pores", "Pressed thickness (µm) at the pressed porosity"], rows));

        // Seed 004's half cells written as design specs (data/cells/examples): the Na3Sn counter electrode as a foil, the
        // discharge simulated on the designed geometry with the presets' physics.
        var halfRows = halfCells.Select(h => (IReadOnlyList<string>)[
            $"{h.Design.Cathode.Electrode.ActiveMaterial} {h.Design.Cathode.Electrode.Composition.Text}, {Num(h.Design.Cathode.Electrode.ActiveLoadingMgPerCm2, "0.0#")} mg/cm²",
            $"{h.Design.Anode.Electrode.ActiveMaterial} foil, {Num(h.Design.Anode.Electrode.ThicknessUm, "0")} µm (assumed)",
            Num(h.Design.NpRatio, "0.0"),
            h.Design.SimulatedDischarge is { } sd ? $"{Num(sd.DischargeCapacityMAhPerG, "0")} mAh/g at {Num(sd.AverageDischargeVoltageV, "0.00")} V" : "–",
            h.Design.Cathode.Electrode.ActiveMaterial == "NaCrO2" ? "≈118 mAh/g (0.1C, Fig. 3a)" : "– (first sodiation not in the text; 634 mAh/g after it)",
            h.Name]).ToList();
        report.AddTable(new ReportTable("Seed half cells as design specs: Na3Sn counter electrode as a foil, first 0.1C discharge simulated on the designed cell",
            ["Working electrode", "Counter electrode", "n/p", "Simulated 1st discharge", "Seed 004", "Spec (data/cells/examples)"], halfRows));

        var energy = full.Energy();
        report.AddTable(new ReportTable("Full cell NaCrO2 (97:1:2, 5.6 mg/cm²) | Na4(B12H12)(B10H10) | Sn (90:5:5, 1.2 mg/cm²): computed vs seed 004",
            ["Quantity", "Computed", "Published", "Note"],
            [
                ["n/p (practical: 634 mAh/g Sn, 120 mAh/g NaCrO2)", Num(full.NpRatio, "0.000"), Num(PublishedNpRatio, "0.00"),
                 "the paper's loadings and capacities give 1.13 (5.7 % low); 1.20 needs 672 mAh/g Sn or 113 mAh/g NaCrO2"],
                ["n/p (theoretical: 847 / 125.3 mAh/g)", Num(full.TheoreticalNpRatio ?? double.NaN, "0.000"), "–", "Faraday's law"],
                ["Specific energy, cathode active (Wh/kg)", Num(energy.SpecificEnergyWhPerKgCathodeActive, "0.0"), Num(PublishedSpecificEnergyWhPerKgCathodeActive, "0"), "110 mAh/g × 2.5636 V (voltage derived from 282/110)"],
                ["Specific energy, electrodes (Wh/kg)", Num(energy.SpecificEnergyWhPerKgElectrodes, "0.0"), Num(PublishedSpecificEnergyWhPerKgElectrodes, "0"), "both composites, no electrolyte or current collectors"],
                ["Specific energy, stack (Wh/kg)", Num(energy.SpecificEnergyWhPerKgStack, "0.0"), "–", "+ infiltrated SE, 500 µm pellet, 2 × 15 µm Al (assumed)"],
                ["Energy density, stack (Wh/L)", Num(energy.EnergyDensityWhPerLStack, "0.0"), "–", "NaCrO2 pressed to 29.4 % porosity (Table S1), Sn to 34 % (assumed)"],
                ["Separator share of stack mass", Num(energy.SeparatorMassKgPerM2 / energy.StackMassKgPerM2 * 100, "0") + " %", "–", "the pellet dominates the lab cell"],
            ]));

        AddSimulatedDischargeTable(report, full);

        var sweepRows = new List<IReadOnlyList<string>>();
        var figure = new PlotlyFigure("Stack specific energy of the seed full cell vs separator thickness", "separator thickness (µm)", "specific energy, stack (Wh/kg)")
        {
            Caption = "Same volumes of infiltrated and separator electrolyte; only the electrolyte density changes.",
        };
        foreach (var name in Electrolytes)
        {
            var material = CellMaterials.Get(name);
            var cell = full.WithElectrolyteDensity(material.DensityKgPerM3);
            var values = SeparatorThicknessesUm.Select(t => cell.WithSeparatorThickness(t * CellUnits.MPerUm).Energy().SpecificEnergyWhPerKgStack).ToArray();
            sweepRows.Add([name, Num(material.DensityGPerCm3, "0.00"), .. values.Select(v => Num(v, "0.0"))]);
            figure.AddTrace(new PlotlyTrace($"{name} ({Num(material.DensityGPerCm3, "0.00")} g/cm³)", SeparatorThicknessesUm, values));
        }
        report.AddTable(new ReportTable("Stack specific energy (Wh/kg) by electrolyte density and separator thickness",
            ["Electrolyte", "ρ (g/cm³)", .. SeparatorThicknessesUm.Select(t => $"{Num(t, "0")} µm")], sweepRows));
        report.AddFigure(figure);
        report.AddParagraph("Seed 000 §2.2 and seed 004 §1: hydroborates are lighter (< 1.2 g/cm³) than sulfides (1.86 g/cm³ Li6PS5Cl) and oxides " +
            "(5.01 g/cm³ LLZO), which 'may translate into a higher gravimetric energy density'. With the paper's 500 µm pellet the separator outweighs " +
            "both electrodes several times over; the electrolyte's density matters most once the separator is thin.");
        return new CellDesignDemoResult(electrodes, full.NpRatio, energy.SpecificEnergyWhPerKgCathodeActive, energy.SpecificEnergyWhPerKgElectrodes,
            energy.SpecificEnergyWhPerKgStack, energy.EnergyDensityWhPerLStack);
    }

    /// <summary>Protocol of the simulated rows: seed 004 §2 "the first two charge/discharge cycles at 0.1C", §4.4 "between 1.5 and 3.3 V".</summary>
    public const string SeedFullCellProtocol = "(Charge at 0.1C until 3.3 V; Discharge at 0.1C until 1.5 V) x 2";

    /// <summary>
    /// The seed full cell's specific energy from the paper's stated discharge (110 mAh/g, voltage implied by 282 Wh/kg)
    /// and from the simulator's discharge (nacro2-sn-full preset, cycles 1 and 2 at 0.1C), next to the published values.
    /// </summary>
    private static void AddSimulatedDischargeTable(HtmlReport report, CellDesign full)
    {
        var preset = CellPresets.Get("nacro2-sn-full");
        var protocol = Protocol.Parse(SeedFullCellProtocol);
        var paper = full.Energy();
        List<IReadOnlyList<string>> rows =
        [
            ["Published (seed 004 §2)", "≈110", "not stated", "282", "222", "–", "–"],
            ["Paper's numbers in the design", Num(full.DischargeCapacityCPerKgCathodeActive / CellUnits.CPerKgPerMAhPerG, "0.0"), Num(full.AverageDischargeVoltageV, "0.000") + " (282/110)",
             Num(paper.SpecificEnergyWhPerKgCathodeActive, "0.0"), Num(paper.SpecificEnergyWhPerKgElectrodes, "0.0"), Num(paper.SpecificEnergyWhPerKgStack, "0.0"),
             $"{Signed(paper.SpecificEnergyWhPerKgElectrodes / 222 - 1)} vs 222"],
        ];
        var misses = new List<string>();
        foreach (int cycle in new[] { 1, 2 })
        {
            var sim = SimulatedDischarge.Run(preset.Cell, protocol, cycle);
            var design = full with { DischargeCapacityCPerKgCathodeActive = sim.DischargeCapacityCPerKg, AverageDischargeVoltageV = sim.AverageDischargeVoltageV, SimulatedDischarge = sim };
            var e = design.Energy();
            rows.Add([$"Simulated discharge, cycle {cycle} (preset nacro2-sn-full, 0.1C, 1.5–3.3 V, 30 °C)",
                Num(sim.DischargeCapacityMAhPerG, "0.0"), Num(sim.AverageDischargeVoltageV, "0.000"),
                Num(e.SpecificEnergyWhPerKgCathodeActive, "0.0"), Num(e.SpecificEnergyWhPerKgElectrodes, "0.0"), Num(e.SpecificEnergyWhPerKgStack, "0.0"),
                $"{Signed(e.SpecificEnergyWhPerKgElectrodes / 222 - 1)} vs 222"]);
            misses.Add($"cycle {cycle}: {Num(sim.DischargeCapacityMAhPerG, "0.0")} mAh/g ({Signed(sim.DischargeCapacityMAhPerG / 110 - 1)} vs ≈110), " +
                $"{Num(sim.AverageDischargeVoltageV, "0.000")} V ({Signed(sim.AverageDischargeVoltageV / full.AverageDischargeVoltageV - 1)} vs the implied {Num(full.AverageDischargeVoltageV, "0.000")} V)");
        }
        report.AddTable(new ReportTable("Seed full cell: specific energy from the paper's discharge and from the simulated discharge",
            ["Discharge from", "Capacity (mAh/g NaCrO2)", "Average voltage (V)", "Cathode active (Wh/kg)", "Electrodes (Wh/kg)", "Stack (Wh/kg)", "Electrodes vs published"], rows));
        report.AddParagraph("The same design (masses, thicknesses) with the discharge taken from the simulator, as `cell design` does with " +
            "`discharge: fromSimulation: nacro2-sn-full`. Where the model misses: " + string.Join("; ", misses) + ". " +
            "The paper states the capacity (\"around 110 mA h g-1\") and the two specific energies, not the voltage, so the voltage in the second row is derived. " +
            "The preset's transport and kinetic parameters are assumed, not fitted to the full cell (see the cell-simulation section and docs/cells.md), " +
            "so the simulated rows are a prediction, not a reproduction.");
    }

    private static string Signed(double fraction) => (fraction >= 0 ? "+" : "−") + Num(Math.Abs(fraction) * 100, "0.0") + " %";

    private static string Num(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);
}
