namespace Borolyte.Cells.Design;

/// <summary>
/// The seeds' cells and electrodes as design objects. The full-cell spec is the text of data/cells/nacro2-sn-full.yaml
/// (a test keeps the two identical; data/cells is not embedded in the library, so the text lives here too).
/// </summary>
public static class SeedCellDesigns
{
    /// <summary>Seed 004's NaCrO2 | Na4(B12H12)(B10H10) | Sn full cell (§2, Fig. 4c), every number with its source.</summary>
    public const string NaCrO2SnFullYaml = """
    # NaCrO2 | Na4(B12H12)(B10H10) | Sn full cell of seed 004 (Duchêne, Kim et al., Energy Storage Mater. 2020),
    # §2 and Fig. 4c–d. Every number says where it comes from; ASSUMED marks values the seeds do not give.
    name: nacro2-sn-full
    electrolyte:
      name: Na4(B12H12)(B10H10)
      densityGPerCm3: 1.17          # seed 004 §1: "density of 1.17 g cm-3 for Na4(B12H12)(B10H10)"
    infiltration:
      concentrationMgPerMl: 100     # seed 004 §4.3: "dissolved in isopropanol at a concentration of 100 mg mL-1"
      basis: solvent                # per mL of isopropanol, as the paper's batch (1 g in 20 mL, §4.1) and Borolyte's recipes
      dips: 1                       # seed 004 §4.3: "dipped for 10 min" once
    cathode:
      activeMaterial: NaCrO2        # density 4.36 g/cm3 from the material catalogue (crystallographic; not in the seeds)
      binder: PVDF                  # seed 004 §4.3: PVDF (KF1100); density 1.78 g/cm3 from the catalogue
      carbon: Super P               # seed 004 §4.3: Super P; density 1.9 g/cm3 ASSUMED (catalogue)
      composition: "97:1:2"         # seed 004 §2: "infiltrated NaCrO2 (97:1:2, 5.6 mg cm-2) cathode"
      loadingMgPerCm2: 5.6          # seed 004 §2 (same quote)
      loadingBasis: active          # not stated; active-material basis reproduces the paper's 222 Wh/kg (docs/cells.md)
      capacityMAhPerG: 120          # nominal capacity defining 1C: seed 000 §2.2 "NaCrO2 with a theoretical capacity of 120 mAh g-1";
                                    #   seed 004's 0.1C = 0.084 mA cm-2 at 7.0 mg cm-2 implies the same 120 mAh/g
      porosity: 0.80                # seed 004 §2: "electrode porosity near 80% after casting and drying"
      measuredElectrolyteMassRatio: 0.15   # seed 004 §2: 15 wt% relative to active+binder+carbon for 97:1:2
      pressedPorosity: 0.34         # seed 004 §2: "remaining porosity ... around 30%-38%" after 350 MPa; midpoint
    anode:
      activeMaterial: Sn            # seed 004 §2: "porous composite tin metal anodes (Sn, 10 μm)"; density 7.265 g/cm3 (catalogue)
      composition: "90:5:5"         # seed 004 §2: "infiltrated Sn (90:5:5, 1.2 mg cm-2) anode"
      loadingMgPerCm2: 1.2          # seed 004 §2 (same quote)
      loadingBasis: active          # as the cathode
      capacityMAhPerG: 634          # seed 004 §2: Sn|Na-Sn half cell "discharge capacity then reaches 634 mA h g-1"
                                    #   (the full cell was balanced "based on the result of Sn|Na-Sn half cells")
      porosity: 0.80                # ASSUMED equal to the NaCrO2 electrodes' (the Sn porosity is in Table S1, not in the seed text)
      pressedPorosity: 0.34         # ASSUMED equal to the NaCrO2 electrodes' 30-38 % midpoint
    separator:
      thicknessUm: 500              # seed 004 §2: "<500-μm-thick Na4(B12H12)(B10H10) pellet" (upper bound, half cells)
    currentCollectors:
      - material: Al                # seed 004 §4.3: slurry cast "on an aluminum current collector"
        thicknessUm: 15             # ASSUMED: typical battery-grade Al foil (12-20 μm); not given in the seed
      - material: Al                # Sn anode cast the same way (§4.3); Al does not alloy with Na
        thicknessUm: 15             # ASSUMED as above
    discharge:
      capacityMAhPerG: 110          # seed 004 §2: "discharge capacity around 110 mA h gNCO-1" at 0.1C
      averageVoltageV: 2.5636       # derived: 282 Wh/kg_NCO / 110 mAh/g (seed 004 §2); the paper does not state the voltage
    """;

    public static CellDesign NaCrO2SnFull() => CellSpecReader.Parse(NaCrO2SnFullYaml, "nacro2-sn-full.yaml");

    private static readonly ComponentDensities NaCrO2Densities =
        new(CellMaterials.Get("NaCrO2").DensityKgPerM3, CellMaterials.Get("PVDF").DensityKgPerM3, CellMaterials.Get("Super P").DensityKgPerM3);

    /// <summary>Seed 004 §2 half-cell cathodes: 95:2:3 at 7.0 mg/cm² and 97:1:2 at 7.7 mg/cm² (active basis, 120 mAh/g nominal, ε = 0.80).</summary>
    public static Electrode NaCrO2HalfCellCathode(string composition, double loadingMgPerCm2) =>
        Electrode.FromPorosity("NaCrO2", ElectrodeComposition.Parse(composition), NaCrO2Densities,
            loadingMgPerCm2 * CellUnits.KgPerM2PerMgPerCm2, LoadingBasis.ActiveMaterial, 120 * CellUnits.CPerKgPerMAhPerG, 0.80,
            CellMaterials.Get("NaCrO2").TheoreticalCapacityCPerKg);

    /// <summary>The paper's dipping solution: 100 mg/mL (per mL isopropanol) of Na4(B12H12)(B10H10) precursors, one dip (§4.3).</summary>
    public static SolutionInfiltration PaperInfiltration { get; } = new(100, CellMaterials.Get("Na4(B12H12)(B10H10)").DensityKgPerM3);
}
