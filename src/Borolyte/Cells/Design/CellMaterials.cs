namespace Borolyte.Cells.Design;

/// <summary>
/// The built-in catalogue of cell materials (mirrored, with the same numbers and sources, in data/cells/materials.yaml;
/// a test keeps the two equal). Lookup is case-insensitive by name; a spec may override any density.
/// </summary>
public static class CellMaterials
{
    private const double G = CellUnits.KgPerM3PerGPerCm3;

    public static IReadOnlyList<CellMaterial> All { get; } =
    [
        // Active materials. Densities are crystallographic (Z·M / (N_A·V_cell)) unless stated.
        new("NaCrO2", MaterialRole.ActiveMaterial, 4.36 * G,
            "crystallographic density of α-NaFeO2-type NaCrO2 (R-3m, Z = 3) from literature lattice parameters a = 2.974 Å, c = 15.96 Å; not given in the seeds, not checked against a primary source here",
            "NaCrO2", 0.5,
            "Na(1-x)CrO2 cycles reversibly to x ≈ 0.5 (Komaba et al., Electrochem. Commun. 12 (2010) 355, ref. 46 of seed 004): n = 0.5 gives 125 mAh/g; the review (seed 000, §2.2) quotes 120 mAh/g as NaCrO2's theoretical capacity"),
        new("Sn", MaterialRole.ActiveMaterial, 7.265 * G,
            "β-Sn, CRC Handbook of Chemistry and Physics (density of the elements)",
            "Sn", 3.75,
            "Na15Sn4 end member, 3.75 Na per Sn (Ellis, Hatchard, Obrovac, J. Electrochem. Soc. 159 (2012) A1801, ref. 38 of seed 004); seed 004 §2 quotes 847 mAh/g"),
        new("TiS2", MaterialRole.ActiveMaterial, 3.22 * G,
            "CRC Handbook of Chemistry and Physics (TiS2); not given in the seeds",
            "TiS2", 1.0,
            "LiTiS2, one Li per TiS2 (Whittingham 1974, ref. 125 of seed 000); seed 000 §2.2 quotes 239 mAh/g"),
        new("S", MaterialRole.ActiveMaterial, 2.07 * G,
            "α-sulfur, CRC Handbook of Chemistry and Physics; not given in the seeds",
            "S", 2.0,
            "Li2S, two electrons per S; seed 000 §2.2 quotes 1672 mAh/g"),
        // Inactive electrode components.
        new("PVDF", MaterialRole.Binder, 1.78 * G,
            "polyvinylidene fluoride, 1.78 g/cm³ (Kureha KF polymer datasheet range 1.77–1.79; seed 004 uses KF1100 but gives no density)"),
        new("Super P", MaterialRole.Carbon, 1.9 * G,
            "ASSUMED skeletal density of carbon black (typically 1.8–2.1 g/cm³); seed 004 uses Super P but gives no density"),
        // Solid electrolytes.
        new("Na4(B12H12)(B10H10)", MaterialRole.Electrolyte, 1.17 * G,
            "seed 004 §1: \"density of 1.17 g cm-3 for Na4(B12H12)(B10H10)\""),
        new("Li6PS5Cl", MaterialRole.Electrolyte, 1.86 * G,
            "seed 004 §1: \"1.86 g cm-3 for Li6PS5Cl\""),
        new("Li7La3Zr2O12", MaterialRole.Electrolyte, 5.01 * G,
            "seed 004 §1: \"5.01 g cm-3 for Li7La3Zr2O12\""),
        new("Na3PS4", MaterialRole.Electrolyte, 2.23 * G,
            "crystallographic density of tetragonal Na3PS4 (P-421c, Z = 2) from literature lattice parameters a = 6.952 Å, c = 7.076 Å (Jansen & Henseler, J. Solid State Chem. 99 (1992) 110); not in the seeds, not checked against the primary source here"),
        // Current collectors and metal electrodes.
        new("Al", MaterialRole.CurrentCollector, 2.70 * G, "aluminium, CRC Handbook of Chemistry and Physics"),
        new("Cu", MaterialRole.CurrentCollector, 8.96 * G, "copper, CRC Handbook of Chemistry and Physics"),
        new("Ti", MaterialRole.CurrentCollector, 4.506 * G, "titanium, CRC Handbook of Chemistry and Physics"),
        new("Na", MaterialRole.Metal, 0.968 * G, "sodium, CRC Handbook of Chemistry and Physics", "Na", 1.0, "Na → Na+ + e-"),
        new("Li", MaterialRole.Metal, 0.534 * G, "lithium, CRC Handbook of Chemistry and Physics", "Li", 1.0, "Li → Li+ + e-"),
    ];

    public static CellMaterial? Find(string name) =>
        All.FirstOrDefault(m => string.Equals(m.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));

    public static CellMaterial Get(string name) =>
        Find(name) ?? throw new InvalidInputException(
            $"unknown material '{name}'; the catalogue has {string.Join(", ", All.Select(m => m.Name))} (or give its density explicitly)");
}
