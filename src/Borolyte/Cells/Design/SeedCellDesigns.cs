namespace Borolyte.Cells.Design;

/// <summary>
/// The seeds' cells and electrodes as design objects. The full-cell spec is data/cells/nacro2-sn-full.yaml, embedded in
/// the library.
/// </summary>
public static class SeedCellDesigns
{
    /// <summary>
    /// Seed 004's NaCrO2 | Na4(B12H12)(B10H10) | Sn full cell (§2, Fig. 4c), every number with its source: the text of
    /// data/cells/nacro2-sn-full.yaml, embedded in the library.
    /// </summary>
    public static string NaCrO2SnFullYaml { get; } = ReadResource("Borolyte.data.cells.nacro2-sn-full.yaml");

    private static string ReadResource(string name)
    {
        using var stream = typeof(SeedCellDesigns).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static CellDesign NaCrO2SnFull() => CellSpecReader.Parse(NaCrO2SnFullYaml, "nacro2-sn-full.yaml");

    /// <summary>Seed 004's half cells as design specs against the Na3Sn counter electrode as a foil (data/cells/examples/*.design.yaml, embedded).</summary>
    public static IReadOnlyList<string> HalfCellSpecNames { get; } = ["nacro2-half.design.yaml", "sn-half.design.yaml"];

    /// <summary>The text of an embedded example design spec (<see cref="HalfCellSpecNames"/>).</summary>
    public static string ExampleYaml(string fileName) => ReadResource("Borolyte.data.cells.examples." + fileName);

    /// <summary>A half cell of <see cref="HalfCellSpecNames"/>, read (its discharge simulated on the designed geometry).</summary>
    public static CellDesign HalfCell(string fileName) => CellSpecReader.Parse(ExampleYaml(fileName), fileName);

    /// <summary>
    /// ρ(NaCrO2) = 4.12 g/cm³, the density seed 004's SI converts its electrodes' measured masses and thicknesses with ("ρ (NaCrO2) =
    /// 4.12 g cm-3", SI, reprinted in L. Duchêne's thesis, Univ. Geneva): Table S1's porosities are computed with it, so only with it
    /// do they give back the measured thicknesses. The catalogue keeps the crystallographic 4.36 g/cm³ for other designs.
    /// </summary>
    public const double NaCrO2SeedDensityGPerCm3 = 4.12;

    private static readonly ComponentDensities NaCrO2Densities =
        new(NaCrO2SeedDensityGPerCm3 * 1000, CellMaterials.Get("PVDF").DensityKgPerM3, CellMaterials.Get("Super P").DensityKgPerM3);

    /// <summary>Seed 004's SI Table S1 (reprinted in L. Duchêne's thesis): the NaCrO2 and tin electrodes before and after infiltration.</summary>
    public static IReadOnlyList<SeedElectrodeCharacteristics> TableS1 { get; } =
    [
        new("NaCrO2", "95:2:3", 7.0, 0.785, 0.661, 0.377, 0.08, 0.17),
        new("NaCrO2", "97:1:2", 7.7, 0.768, 0.694, 0.294, 0.076, 0.149),
        new("Sn", "90:5:5", 1.2, 0.765, null, null, 0.0462, null),
    ];

    /// <summary>The Table S1 row of an electrode by material and composition ("NaCrO2", "97:1:2").</summary>
    public static SeedElectrodeCharacteristics TableS1Row(string material, string composition) =>
        TableS1.FirstOrDefault(r => r.Material == material && r.Composition == composition)
        ?? throw new ArgumentException($"seed 004's Table S1 has no {material} {composition} electrode", nameof(composition));

    /// <summary>
    /// Seed 004's half-cell cathodes (95:2:3 at 7.0 mg/cm², 97:1:2 at 7.7 mg/cm²; active basis, 120 mAh/g nominal) at their cast
    /// porosity (Table S1: 78.5 %, 76.8 %), with the SI's 4.12 g/cm³ for NaCrO2. Another composition or loading (a what-if) takes
    /// <paramref name="castPorosity"/>.
    /// </summary>
    public static Electrode NaCrO2HalfCellCathode(string composition, double loadingMgPerCm2, double? castPorosity = null) =>
        Electrode.FromPorosity("NaCrO2", ElectrodeComposition.Parse(composition), NaCrO2Densities,
            loadingMgPerCm2 * CellUnits.KgPerM2PerMgPerCm2, LoadingBasis.ActiveMaterial, 120 * CellUnits.CPerKgPerMAhPerG,
            castPorosity ?? TableS1Row("NaCrO2", composition).CastPorosity, CellMaterials.Get("NaCrO2").TheoreticalCapacityCPerKg);

    /// <summary>The paper's dipping solution: 100 mg/mL (per mL isopropanol) of Na4(B12H12)(B10H10) precursors, one dip (§4.3).</summary>
    public static SolutionInfiltration PaperInfiltration { get; } = new(100, CellMaterials.Get("Na4(B12H12)(B10H10)").DensityKgPerM3);
}

/// <summary>
/// One electrode of seed 004's SI Table S1: active loading (mg/cm²), porosity before infiltration (as cast), after infiltration
/// before pressing and after pressing, the electrolyte mass fraction expected from the pores and the one measured (the SI's
/// "measured electrolyte wt%", relative to active material + binder + carbon as in the text); null where the table has "-".
/// </summary>
public sealed record SeedElectrodeCharacteristics(string Material, string Composition, double ActiveLoadingMgPerCm2, double CastPorosity,
    double? InfiltratedPorosity, double? PressedPorosity, double ExpectedElectrolyteMassFraction, double? MeasuredElectrolyteToCompositeMassRatio);
