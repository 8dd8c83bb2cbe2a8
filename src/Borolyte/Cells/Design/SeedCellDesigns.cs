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
