using Borolyte.Cells.Design;
using Borolyte.Chemistry;
using Borolyte.Transport;

namespace Borolyte.Cells.Simulation;

/// <summary>
/// The Li cells and the 4 V Na cell of the review (seed 000 §2.2) as simulator presets: TiS2 | LiBH4 | Li at 120 °C,
/// TiS2 | Li(CB9H10)0.7(CB11H12)0.3 | Li, Na3(VOPO4)2F | Na4(CB11H12)2(B12H12) | Na, and the Li | LiBH4 | Li symmetric cell.
/// The seed gives the electrolytes' conductivities, the temperatures, C-rates, cut-offs (NVOPF) and retentions, but no
/// loadings, compositions or thicknesses. For the TiS2 cells the original papers' abstracts (refs. 128, 47) add the measured
/// capacities and retentions (the <c>published…</c> entries) and the Li | Li(CB9H10)0.7(CB11H12)0.3 interfacial resistance (→ i₀ of
/// Li); their build (loading, 1:1 composite, separator, 8 mm die, window) is the Orimo group's TiS2 cell of Tang et al., Energy Environ.
/// Sci. 8 (2015) 3637, a literature analogue; what no retrieved text gives stays ASSUMED (marked so in every parameter's source, with
/// what was searched for) and only one contact-loss rate per cell is CALIBRATED, on its one published retention (<see cref="RetentionCalibrations"/>). The NVOPF
/// cell is built from the full text of ref. 54 (Asakura et al. 2020: composition, loading, pellet, window, conductivity, both
/// interface resistances) and its transport, connected fraction, passivating oxidation and contact loss are CALIBRATED on that
/// paper's numbers (<see cref="NvopfCalibration"/>); NVOPF's density is estimated from the isostructural Na3V2(PO4)2F3.
/// </summary>
public static class ReviewCellPresets
{
    // The Orimo group's own TiS2 cell, the analogue build of both TiS2 presets and the LiBH4 symmetric cell (their papers' experimental
    // sections were not retrievable): Tang, Unemoto, …, Orimo, Udovic, Energy Environ. Sci. 8 (2015) 3637, TiS2/LiCB11H12 | LiCB11H12 | Li.
    /// <summary>"an 8 mm-diameter die" (Tang et al. 2015), m.</summary>
    public const double OrimoDieDiameterM = 8e-3;
    /// <summary>"6 mg of the composite positive electrode", TiS2 and electrolyte "mixed in a 1: 1 mass ratio" (Tang et al. 2015).</summary>
    public const double OrimoCompositeMassMg = 6, OrimoTiS2MassFraction = 0.5;
    /// <summary>"25 mg of LiCB11H12" pressed as the separator (Tang et al. 2015).</summary>
    public const double OrimoSeparatorMassMg = 25;
    /// <summary>"The pellet densities were about 1.05 g cm-3 …, which are more than 94% of the densities calculated from the lattice parameters" (Tang et al. 2015).</summary>
    public const double OrimoPelletRelativeDensity = 0.94;
    /// <summary>"in the voltage range of 1.75 V to 2.6 V" at 0.2 C and 403 K (Tang et al. 2015).</summary>
    public const double OrimoLowerCutoffV = 1.75, OrimoUpperCutoffV = 2.6;
    private const string Orimo = "Tang, Unemoto, …, Orimo, Udovic, Energy Environ. Sci. 8 (2015) 3637 (the Orimo group's TiS2/LiCB11H12 | LiCB11H12 | Li cell, full text; a literature analogue: " +
        "the experimental sections of Unemoto 2015 and Kim 2019 were not retrievable)";
    private static readonly double Area = Math.PI * OrimoDieDiameterM * OrimoDieDiameterM / 4;
    private const string AreaSource = "literature analogue: " + Orimo + ", 'an 8 mm-diameter die'; only absolute currents depend on it";

    /// <summary>Thickness of the analogue's separator, m: its 25 mg at <see cref="OrimoPelletRelativeDensity"/> of the electrolyte's crystallographic density over the die's area.</summary>
    public static double OrimoSeparatorThicknessM(double electrolyteDensityKgPerM3) =>
        OrimoSeparatorMassMg * 1e-6 / (OrimoPelletRelativeDensity * electrolyteDensityKgPerM3 * Area);

    // Review (seed 000) §2.1: LiBH4's hexagonal high-temperature phase "> 10-3 S cm-1" above "> 115 °C", Eₐ = 0.53 eV (ref. 36).
    // The lower bound is taken at the preset's 120 °C (ASSUMED); the Arrhenius law is only valid above the transition.
    public static ArrheniusConductivity LiBH4HighTemperature { get; } = ArrheniusConductivity.FromConventional(1e-3, 120, 0.53);
    // Review §2.1: Li(CB9H10)0.7(CB11H12)0.3 "with 7 × 10-3 S cm-1 and 0.28 eV" at room temperature (25 °C, knowledge base).
    public static ArrheniusConductivity LiCB9CB11 { get; } = ArrheniusConductivity.FromConventional(7e-3, 25, 0.28);
    // Asakura et al., Energy Environ. Sci. 13 (2020) 5048: the cell's SE resistance R0 ≈ 50 Ω cm² "with a conductivity of 1.2 mS cm−1" (25 °C; review §2.1: "> 10-3 S cm-1"); Eₐ ASSUMED 0.34 eV (none retrieved).
    public static ArrheniusConductivity Na4CB11B12 { get; } = ArrheniusConductivity.FromConventional(1.2e-3, 25, 0.34);

    private static double K(double celsius) => celsius + PhysicalConstants.ZeroCelsiusK;

    /// <summary>
    /// One published retention (discharge capacity at cycle <paramref name="Cycles"/> over that at <paramref name="ReferenceCycle"/>),
    /// the conditions it was measured at, and the contact-loss rate fitted to it.
    /// </summary>
    public sealed record RetentionCalibration(string Preset, string Protocol, double TemperatureC, int Cycles, double PublishedRetention,
        double ContactLossPerCycle, string Quote, int ReferenceCycle = 1);

    // Why contact loss: with a metal anode in large excess, inventory loss or electrolyte oxidation lowers the Coulombic efficiency
    // but not the capacity; losing cathode particle–electrolyte contact (cold-pressed, no liquid to re-wet) is the library's one law
    // that fades capacity. λ CALIBRATED with `borolyte cell calibrate PRESET --cycles series.csv --protocol P --temperature-c T
    // --fit degradation.contactLossPerCycle` (CycleCalibration, Levenberg–Marquardt), the series being the undegraded cell's
    // discharge capacity at the reference cycle and the published retention times it at cycle N (reproduce: docs/cells.md). One
    // number, one parameter: the fitted retention agrees by construction; no pressure dependence (no stack pressure retrieved).
    public static IReadOnlyList<RetentionCalibration> RetentionCalibrations { get; } =
    [
        new("tis2-libh4-li", "(Discharge at C/5 until 1.75 V; Charge at C/5 until 2.6 V) x 300", 120, 300, 180.0 / 205.0, 4.732e-4,
            "Unemoto et al., Chem. Mater. 27 (2015) 5407 (ref. 128), abstract: at 393 K and 0.2 C 'the second discharge capacity was as high as 205 mAh g-1' " +
            "and 'the 300th discharge capacity remained as high as 180 mAh g-1' (180/205 = 87.8 % of cycle 2; the review's '> 85 %'); the window is the Orimo group's analogue cell's",
            ReferenceCycle: 2),
        new("tis2-lcb-li", "(Discharge at 1C until 1.75 V; Charge at 1C until 2.6 V) x 200", 60, 200, 0.70, 2.102e-3,
            "review §2.2: 'At an elevated temperature of 60 °C, the TiS2 cathode exhibits ~70 % capacity retention after 200 cycles at 1C charging/discharging' (ref. 47; " +
            "not in the abstract of Kim et al., Nat. Commun. 10 (2019) 1081; the reference cycle is not stated, cycle 1 taken)"),
        new("nvopf-ncb-na", NvopfCalibration.LongCycling, 25, 802, 78.0 / 99.0, 4.095e-4,
            "Asakura et al., Energy Environ. Sci. 13 (2020) 5048 (ref. 54), full text: 'a reversible capacity of … 78 mA h g−1 after 800 cycles' at C/5 after two C/10 formation cycles, " +
            "'with respect to the initial discharge capacity of 99 mA h g−1 at C/5' (cycle 3); the 76 % energy retention is not fitted", ReferenceCycle: 3),
    ];

    private static RetentionCalibration Calibration(string preset) => RetentionCalibrations.Single(c => c.Preset == preset);

    /// <summary>The calibrated contact-loss law (DegradationParameters: df/dn = −λ·f per full-cycle equivalent), pressure-independent.</summary>
    private static DegradationParameters ContactLoss(string preset, List<PresetParameter> sources)
    {
        var c = Calibration(preset);
        sources.Add(new("degradation.contactLossPerCycle", c.ContactLossPerCycle, "1/cycle", string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"CALIBRATED (cell calibrate --cycles, one parameter on one number: agreement by construction) on {c.PublishedRetention:P1} of cycle {c.ReferenceCycle} after {c.Cycles} cycles, {c.TemperatureC} °C, '{c.Protocol}' — {c.Quote}")));
        sources.Add(new("degradation.contactLossPressureExponent", 0, "1", "ASSUMED 0: neither the review nor the retrieved abstracts give a stack pressure, so --pressure-mpa does not change this cell's fade"));
        return new DegradationParameters { StackPressureMPa = 70, ContactLossReferencePressureMPa = 70, ContactLossPerCycleAtReference = c.ContactLossPerCycle };
    }

    /// <summary>Specific capacity n·F/M of a host taking n alkali ions per formula unit, C/kg (Faraday's law).</summary>
    private static double TheoreticalCPerKg(string formula, double n) => n * PhysicalConstants.FaradayCPerMol / Formula.Parse(formula).MolarMassKgPerMol;

    /// <summary>A cold-pressed composite (active material + solid electrolyte [+ carbon]) given by its volume fractions.</summary>
    private static (CompositeElectrodeParameters, List<PresetParameter>) Composite(string material, string formula, double alkaliPerFormula, OcpCurve ocp,
        double loadingMgPerCm2, double densityGPerCm3, string densitySource, double activeFraction, double electrolyteFraction, string fractionSource,
        double radiusUm, string radiusSource, double diffusivity, string diffusivitySource, double initial, string initialSource,
        string loadingSource, double i0MAPerCm2 = 0.1, string i0Source = KineticsAssumed + "0.1 mA/cm² per contact area" + KineticsAssumedWhy,
        double rintOhmCm2 = 5, string rintSource = KineticsAssumed + "5 Ω·cm² per contact area" + KineticsAssumedWhy)
    {
        double loading = loadingMgPerCm2 * CellUnits.KgPerM2PerMgPerCm2;
        double rho = densityGPerCm3 * CellUnits.KgPerM3PerGPerCm3;
        double t = loading / (rho * activeFraction);   // thickness = active volume per area / active volume fraction
        double cMax = alkaliPerFormula * rho / Formula.Parse(formula).MolarMassKgPerMol;
        const double sigma = 10;
        double i0 = i0MAPerCm2 * CellUnits.APerM2PerMAPerCm2, rint = rintOhmCm2 * 1e-4;
        var p = new CompositeElectrodeParameters
        {
            Name = material, Ocp = ocp, ThicknessM = t, ActiveVolumeFraction = activeFraction, ElectrolyteVolumeFraction = electrolyteFraction,
            ParticleRadiusM = radiusUm * CellUnits.MPerUm, SolidDiffusivityM2PerS = diffusivity, MaxConcentrationMolPerM3 = cMax,
            ElectronicConductivitySPerM = sigma, InitialStoichiometry = initial, ExchangeCurrentDensityAPerM2 = i0,
            InterfacialResistanceOhmM2 = rint, ContactAreaFraction = 1.0, ActiveLoadingKgPerM2 = loading,
        };
        string m = material + ".";
        var sources = new List<PresetParameter>
        {
            new(m + "activeLoading", loadingMgPerCm2, "mg/cm2", loadingSource),
            new(m + "density", densityGPerCm3, "g/cm3", densitySource),
            new(m + "thickness", t / CellUnits.MPerUm, "um", "loading / density / active volume fraction"),
            new(m + "activeVolumeFraction", activeFraction, "1", fractionSource),
            new(m + "electrolyteVolumeFraction", electrolyteFraction, "1", fractionSource),
            new(m + "bruggemanExponent", 1.5, "1", "Bruggeman, Ann. Phys. 416 (1935) 636 (spheres)"),
            new(m + "particleRadius", radiusUm, "um", radiusSource),
            new(m + "solidDiffusivity", diffusivity, "m2/s", diffusivitySource),
            new(m + "maxConcentration", cMax, "mol/m3", $"{alkaliPerFormula} alkali per {formula} × density / molar mass (IUPAC atomic weights)"),
            new(m + "exchangeCurrentDensity", i0MAPerCm2, "mA/cm2", i0Source),
            new(m + "interfacialResistance", rintOhmCm2, "ohm cm2", rintSource),
            new(m + "contactAreaFraction", 1.0, "1", "ASSUMED full contact before cycling; it then decays by the calibrated contact-loss law (degradation.contactLossPerCycle)"),
            new(m + "electronicConductivity", sigma / 100, "S/cm", "ASSUMED 0.1 S/cm for the composite"),
            new(m + "initialStoichiometry", initial, "1", initialSource),
            new(m + "ocp", double.NaN, "", $"data/cells/ocp/{ocp.Name}.csv — {ocp.Source}"),
        };
        return (p, sources);
    }

    private const string KineticsAssumed = "ASSUMED ";
    private const string KineticsAssumedWhy = " (no seed value, none in the retrieved abstracts; as the NaCrO2 presets)";

    private const string MetalI0Assumed = "ASSUMED 1 mA/cm² (no seed value; as the Na presets)";

    /// <summary>A planar alkali-metal counter electrode with exchange current density <paramref name="i0MAPerCm2"/> (given at 25 °C, no temperature dependence).</summary>
    private static PlanarElectrodeParameters Metal(string name, string ocp, List<PresetParameter> sources, double i0MAPerCm2 = 1.0, string i0Source = MetalI0Assumed)
    {
        sources.Add(new(name + ".ocp", 0, "V", $"{name} metal: 0 V vs {name}/{name}+ by definition of the reference"));
        sources.Add(new(name + ".exchangeCurrentDensity", i0MAPerCm2, "mA/cm2", i0Source));
        return new PlanarElectrodeParameters { Name = name, Ocp = OcpLibrary.Get(ocp), ExchangeCurrentDensityAPerM2 = i0MAPerCm2 * CellUnits.APerM2PerMAPerCm2 };
    }

    /// <summary>
    /// Kim et al., Nat. Commun. 10 (2019) 1081 (ref. 47), abstract: Li | 0.7Li(CB9H10)–0.3Li(CB11H12) | Li plates and strips "with negligible
    /// interfacial resistance (&lt;1 Ω cm2) at 0.2 mA cm−2" (25 °C, review §2.2). Read as a charge-transfer resistance, the small-overpotential limit of the
    /// simulator's Butler–Volmer law (α = 0.5, PlanarElectrodeSolver: i = 2i₀·sinh(Fη/2RT) ⇒ R_ct = RT/(F·i₀)) bounds i₀ ≥ RT/(F·1 Ω cm²) = 25.7 mA/cm² at 25 °C; the bound itself is used.
    /// </summary>
    public static double LiLcbExchangeCurrentDensityMAPerCm2 { get; } = ExchangeCurrentFromResistanceMAPerCm2(1.0, 298.15);

    /// <summary>
    /// Lower bound on Li | LiBH4's exchange current density, mA/cm², from Matsuo et al., Appl. Phys. Lett. 91 (2007) 224103 (full text in the
    /// MKMiyagi repository, <c>Takamura_2007_LiBH4-structural-transition.md</c>): Li foils on a LiBH4 pellet "10 mm in diameter and ∼ 2 mm in
    /// thickness" gave "only single arcs …, indicating that neither the response arising from the electrode interface nor the grain boundary was
    /// observed", at 391 K with σ "of the order of 10-3 S cm-1". An interface arc as large as the bulk one (µF-scale double layer against the bulk's
    /// 1–100 pF) would have been resolved, so the two interfaces together stay below the bulk's L/σ = 200 Ω cm²: R_ct &lt; 100 Ω cm² each, and
    /// i₀ &gt; RT/(F·100 Ω cm²) at 391 K (the small-overpotential limit of the simulator's Butler–Volmer law, α = ½).
    /// </summary>
    public static double LiLiBH4ExchangeCurrentLowerBoundMAPerCm2 { get; } = ExchangeCurrentFromResistanceMAPerCm2(0.2 / 1e-3 / 2, 391);

    /// <summary>Li | LiBH4's exchange current density in both LiBH4 presets, mA/cm²: ASSUMED, above <see cref="LiLiBH4ExchangeCurrentLowerBoundMAPerCm2"/>.</summary>
    private const double LiLiBH4ExchangeCurrentDensityMAPerCm2 = 1.0;

    private static readonly string LiLiBH4I0Source = string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"ASSUMED {LiLiBH4ExchangeCurrentDensityMAPerCm2} mA/cm², {LiLiBH4ExchangeCurrentDensityMAPerCm2 / LiLiBH4ExchangeCurrentLowerBoundMAPerCm2:0.0}× the literature lower bound {LiLiBH4ExchangeCurrentLowerBoundMAPerCm2:0.00} mA/cm² (Matsuo et al., Appl. Phys. Lett. 91 (2007) 224103: " +
        $"Li foils on a 10 mm, ~2 mm LiBH4 pellet, 'neither the response arising from the electrode interface nor the grain boundary was observed' at 391 K, so each interface's " +
        $"R_ct < half the bulk's 200 Ω cm²); the Li | LiBH4 interfacial resistance of ref. 126 (Kisu et al., J. Power Sources 436 (2019)) was searched for and not retrieved");

    /// <summary>Eₐ of Li jumps in layered Li0.7TiS2, 0.41(1) eV (⁷Li NMR, Wilkening &amp; Heitjans, Phys. Rev. B 77 (2008) 024311), used for TiS2's D_s(T).</summary>
    public const double TiS2DiffusionActivationEnergyEv = 0.41;

    /// <summary>
    /// The analogue's TiS2 composite (<see cref="OrimoCompositeMassMg"/> at 1:1 by mass in the 8 mm die) with the preset's electrolyte
    /// <paramref name="electrolyte"/> (a catalogue name; <paramref name="electrolyteDensityName"/> the catalogue entry whose density stands for it):
    /// the mass ratio becomes volume fractions through the densities, and the voids are the analogue's pellet porosity (1 − 0.94).
    /// </summary>
    private static (CompositeElectrodeParameters, List<PresetParameter>) TiS2Electrode(string electrolyte, string electrolyteDensityName, string densityNote)
    {
        var tis2 = CellMaterials.Get("TiS2");
        var se = CellMaterials.Get(electrolyteDensityName);
        double vTiS2 = OrimoTiS2MassFraction / tis2.DensityKgPerM3, vSe = (1 - OrimoTiS2MassFraction) / se.DensityKgPerM3;
        double activeFraction = OrimoPelletRelativeDensity * vTiS2 / (vTiS2 + vSe), electrolyteFraction = OrimoPelletRelativeDensity * vSe / (vTiS2 + vSe);
        double loadingMgPerCm2 = OrimoCompositeMassMg * OrimoTiS2MassFraction / (Area * 1e4);
        string fractions = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{Orimo}: TiS2 and the electrolyte 'mixed in a 1: 1 mass ratio' (no carbon: TiS2 is a metallic conductor); with ρ(TiS2) = {tis2.DensityGPerCm3} and " +
            $"ρ({electrolyte}) = {se.DensityGPerCm3} g/cm³ ({densityNote}) and the analogue's pellet porosity 1 − 0.94 ('more than 94% of the densities calculated from the lattice parameters', its electrolyte pellets) " +
            $"→ {activeFraction:0.000} / {electrolyteFraction:0.000} by volume");
        var (p, sources) = Composite(
            "TiS2", "TiS2", 1.0, OcpLibrary.Get("tis2"), loadingMgPerCm2, tis2.DensityGPerCm3, tis2.DensitySource,
            activeFraction, electrolyteFraction, fractions,
            2.5, "ASSUMED 2.5 µm (commercial TiS2 powder is a few µm; the analogue's is 'TiS2 (99.9%, Sigma-Aldrich)', no size; none in the seed or the retrieved abstracts)",
            1e-13, "ASSUMED 1e-13 m²/s (1e-9 cm²/s); literature: chemical D of Li in cubic TiS2 up to 5.6e-10 cm²/s at 23 °C (Bruce & Saidi, J. Solid State Chem. 88 (1990) 411, ac impedance), Li jumps in layered Li0.7TiS2 with Eₐ = 0.41 eV (Wilkening & Heitjans, Phys. Rev. B 77 (2008) 024311), applied as D_s(T)",
            0.0, "as assembled: TiS2 is Li-free (the cell starts with a discharge, review §2.2: Li metal as the Li reservoir for 'Li-free' cathodes)",
            loadingSource: string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"literature analogue: {Orimo}: 6 mg of the 1:1 composite in the 8 mm die = {loadingMgPerCm2:0.00} mg/cm² of TiS2 (its '0.2 C …, corresponding to 285 µA cm−2' at 239 mAh/g confirms it)"));
        sources.Add(new("TiS2.solidDiffusivityActivationEnergy", TiS2DiffusionActivationEnergyEv, "eV",
            "Wilkening & Heitjans, Phys. Rev. B 77 (2008) 024311: Li jumps in Li0.7TiS2 follow Arrhenius with 0.41(1) eV (148–510 K); D_s is given at 25 °C"));
        return (p with { SolidDiffusivityActivationEnergyEv = TiS2DiffusionActivationEnergyEv, ParameterTemperatureK = 298.15 }, sources);
    }

    private const string WindowSource = "literature analogue: " + Orimo + ", 'in the voltage range of 1.75 V to 2.6 V' (0.2 C, 403 K); neither the seed nor the retrieved abstracts give the window " +
        "(review §2.2: TiS2 among 'active materials with relatively low redox potentials (≤ 2.7 V vs. Li+/Li)')";

    private static string SeparatorSource(string electrolyte) => "literature analogue: " + Orimo + ": '25 mg of LiCB11H12' pressed in the 8 mm die, at 94 % of the crystallographic " +
        $"density (its pellets') of {electrolyte} (data/cells/materials.yaml); the seed and the retrieved abstracts give no thickness";

    /// <summary>Unemoto et al., Chem. Mater. 27 (2015) 5407 (ref. 128), abstract: TiS2 | LiBH4 | Li at 393 K and 0.2 C, discharge capacity 205 mAh/g in cycle 2 ("a TiS2 utilization ratio of 85%") and 180 mAh/g in cycle 300.</summary>
    public const double PublishedLiBH4Cycle2DischargeMAhPerG = 205, PublishedLiBH4Cycle300DischargeMAhPerG = 180;

    /// <summary>TiS2 | LiBH4 | Li at 120 °C, C/5 (review §2.2: "> 85 % after 300 cycles at C/5 at 120 °C", ref. 128; 205 → 180 mAh/g in the paper).</summary>
    public static CellPreset TiS2LiBH4Li()
    {
        var (cathode, sources) = TiS2Electrode("LiBH4", "LiBH4", "its orthorhombic room-temperature cell: the hexagonal phase's was not retrieved");
        double separator = OrimoSeparatorThicknessM(CellMaterials.Get("LiBH4").DensityKgPerM3);
        var li = Metal("Li", "li-metal", sources, LiLiBH4ExchangeCurrentDensityMAPerCm2, LiLiBH4I0Source);
        double nominal = CellMaterials.Get("TiS2").TheoreticalCapacityCPerKg!.Value;
        sources.AddRange(
        [
            new("separatorThickness", separator / CellUnits.MPerUm, "um", SeparatorSource("LiBH4")),
            new("electrolyteConductivity120C", 1.0, "mS/cm", "review (seed 000) §2.1: LiBH4 hexagonal high-temperature phase '> 10-3 S cm-1' above '> 115 °C' (ref. 36; " +
                "Matsuo et al., Appl. Phys. Lett. 91 (2007) 224103, full text: a jump by three orders of magnitude at the orthorhombic → hexagonal transition near 390 K, " +
                "'The electrical conductivity in the HT phase was as high as 10-3 S cm-1', Eₐ 0.53 eV; the temperature of that value is shown only in its Fig. 1, so it is taken at 120 °C (ASSUMED)"),
            new("electrolyteActivationEnergy", 0.53, "eV", "review §2.1: 'with an activation energy of 0.53 eV' (high-temperature phase); the orthorhombic phase below ~115 °C is NOT modelled"),
            new("temperature", 120, "C", "review §2.2: TiS2|LiBH4|Li cycled at 120 °C (ref. 128; Unemoto et al. 2015: 393 K)"),
            new("cRate", 0.2, "C", "review §2.2: 'at C/5'; Unemoto et al. 2015: '0.2 C'"),
            new("publishedDischargeCapacityCycle2", PublishedLiBH4Cycle2DischargeMAhPerG, "mAh/g", "Unemoto et al., Chem. Mater. 27 (2015) 5407, abstract: 'The second discharge capacity was as high as 205 mAh g-1, corresponding to a TiS2 utilization ratio of 85%' (393 K, 0.2 C); a target, not fitted"),
            new("publishedDischargeCapacityCycle300", PublishedLiBH4Cycle300DischargeMAhPerG, "mAh/g", "Unemoto et al. 2015, abstract: 'The 300th discharge capacity remained as high as 180 mAh g-1 with nearly 100% Coulombic efficiency from the second cycle'"),
            new("nominalCapacity", nominal / CellUnits.CPerKgPerMAhPerG, "mAh/g", "review §2.2: '239 mAh g-1 for TiS2' (one Li per TiS2, Faraday's law)"),
            new("voltageWindowHigh", OrimoUpperCutoffV, "V", WindowSource),
            new("voltageWindowLow", OrimoLowerCutoffV, "V", WindowSource),
            new("publishedRetention", Calibration("tis2-libh4-li").PublishedRetention, "1", "Unemoto et al. 2015: 180 / 205 mAh/g, cycle 300 vs cycle 2 (the review's '> 85 % after 300 cycles at C/5 at 120 °C'); fitted: degradation.contactLossPerCycle"),
            new("area", Area * 1e4, "cm2", AreaSource),
        ]);
        var cell = new CellParameters
        {
            Degradation = ContactLoss("tis2-libh4-li", sources),
            Name = "tis2-libh4-li", Positive = cathode, Negative = li, SeparatorThicknessM = separator, Electrolyte = LiBH4HighTemperature,
            TemperatureK = K(120), AreaM2 = Area, NominalArealCapacityCPerM2 = cathode.ActiveLoadingKgPerM2 * nominal,
            ActiveLoadingKgPerM2 = cathode.ActiveLoadingKgPerM2,
        };
        return new CellPreset("tis2-libh4-li", string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"TiS2 ({cathode.ActiveLoadingKgPerM2 / CellUnits.KgPerM2PerMgPerCm2:0.00} mg/cm², 1:1 with LiBH4, the Orimo group's build) | LiBH4 (high-temperature phase) | Li, 120 °C"),
            cell, OrimoLowerCutoffV, OrimoUpperCutoffV, sources);
    }

    /// <summary>
    /// TiS2 | Li(CB9H10)0.7(CB11H12)0.3 | Li (review §2.2, ref. 47): "> 70 % capacity remaining ... at 10C vs C/10" and "~70 %
    /// capacity retention after 200 cycles at 1C" at 60 °C. Room temperature (25 °C) by default; the 60 °C test via --temperature-c.
    /// </summary>
    public static CellPreset TiS2LcbLi()
    {
        var (cathode, sources) = TiS2Electrode("Li(CB9H10)0.7(CB11H12)0.3", "LiCB11H12",
            "LiCB11H12's, the analogue's own electrolyte, for the mixed-anion salt: no lattice of Li(CB9H10)0.7(CB11H12)0.3 or LiCB9H10 was retrieved");
        double separator = OrimoSeparatorThicknessM(CellMaterials.Get("LiCB11H12").DensityKgPerM3);
        var li = Metal("Li", "li-metal", sources, LiLcbExchangeCurrentDensityMAPerCm2,
            "Kim et al., Nat. Commun. 10 (2019) 1081, abstract: Li plating/stripping 'with negligible interfacial resistance (<1 Ω cm2) at 0.2 mA cm−2' (25 °C); " +
            "i₀ = RT/(F·1 Ω cm²) at 25 °C, the lower bound (Butler–Volmer, α = 0.5); kept at 60 °C (no activation energy)");
        double nominal = CellMaterials.Get("TiS2").TheoreticalCapacityCPerKg!.Value;
        sources.AddRange(
        [
            new("separatorThickness", separator / CellUnits.MPerUm, "um", SeparatorSource("LiCB11H12 (for the mixed-anion salt)")),
            new("electrolyteConductivity25C", 7.0, "mS/cm", "review (seed 000) §2.1: Li(CB9H10)0.7(CB11H12)0.3 'with 7 × 10-3 S cm-1 and 0.28 eV' (refs. 47, 55, 106); " +
                "the seed's value is kept: Kim et al., Nat. Commun. 10 (2019) 1081 measured '6.7 × 10−3 S cm−1 at 25 °C' (abstract), 4 % lower"),
            new("electrolyteActivationEnergy", 0.28, "eV", "review §2.1, as above"),
            new("temperature", 25, "C", "ASSUMED room temperature for the 10C vs C/10 rate test (the review gives no temperature for it; the symmetric cell of ref. 47 is at 25 °C); the cycling test is at 60 °C (review §2.2)"),
            new("cRate", 1, "C", "review §2.2: '200 cycles at 1C charging/discharging' at 60 °C; rate test 10C vs C/10"),
            new("nominalCapacity", nominal / CellUnits.CPerKgPerMAhPerG, "mAh/g", "review §2.2: '239 mAh g-1 for TiS2'"),
            new("voltageWindowHigh", OrimoUpperCutoffV, "V", WindowSource + "; inside the electrolyte's '~3.4 V vs. Li+/Li' oxidative stability (review §2.2)"),
            new("voltageWindowLow", OrimoLowerCutoffV, "V", WindowSource),
            new("publishedRateRetention10C", 0.70, "1", "review §2.2: '> 70 % capacity remaining at ... 10C vs C/10 with a TiS2 cathode' (lower bound)"),
            new("publishedRetention", 0.70, "1", "review §2.2: '~70 % capacity retention after 200 cycles at 1C' at 60 °C (fitted: degradation.contactLossPerCycle)"),
            new("area", Area * 1e4, "cm2", AreaSource),
        ]);
        var cell = new CellParameters
        {
            Degradation = ContactLoss("tis2-lcb-li", sources),
            Name = "tis2-lcb-li", Positive = cathode, Negative = li, SeparatorThicknessM = separator, Electrolyte = LiCB9CB11,
            TemperatureK = K(25), AreaM2 = Area, NominalArealCapacityCPerM2 = cathode.ActiveLoadingKgPerM2 * nominal,
            ActiveLoadingKgPerM2 = cathode.ActiveLoadingKgPerM2,
        };
        return new CellPreset("tis2-lcb-li", string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"TiS2 ({cathode.ActiveLoadingKgPerM2 / CellUnits.KgPerM2PerMgPerCm2:0.00} mg/cm², 1:1, the Orimo group's build) | Li(CB9H10)0.7(CB11H12)0.3 | Li, 25 °C"),
            cell, OrimoLowerCutoffV, OrimoUpperCutoffV, sources);
    }

    /// <summary>Tang et al. 2015, the analogue cell's own result: "approximately 175 mAh g−1 discharge capacity during operation with approximately 95% coulombic efficiency … after the 3rd cycle" (403 K, 0.2 C, 1.75–2.6 V).</summary>
    public const double PublishedOrimoAnalogueDischargeMAhPerG = 175, PublishedOrimoAnalogueCoulombicEfficiency = 0.95;

    /// <summary>Tang et al. 2015: LiCB11H12's disordered phase, σ(Li+) "≥ 0.15 S cm−1 at T ≥ 403 K … with low activation energies of 0.22 eV" (the bound taken at 403 K).</summary>
    public static ArrheniusConductivity LiCB11H12Disordered { get; } = ArrheniusConductivity.FromConventional(0.15, 403 - PhysicalConstants.ZeroCelsiusK, 0.22);

    /// <summary>
    /// The analogue cell itself, TiS2/LiCB11H12 | LiCB11H12 | Li at 403 K (Tang et al. 2015): <c>tis2-lcb-li</c>'s build, which is this cell's,
    /// with its own electrolyte (σ and Eₐ above; its density is the one the build already uses) and no degradation (no retention was published).
    /// A prediction to compare with <see cref="PublishedOrimoAnalogueDischargeMAhPerG"/>: nothing is fitted to it. Not a named preset.
    /// </summary>
    public static CellPreset OrimoAnalogueCell()
    {
        var lcb = TiS2LcbLi();
        var cell = lcb.Cell with
        {
            Name = "tis2-licb11h12-li (Tang et al. 2015)", Electrolyte = LiCB11H12Disordered, TemperatureK = 403, Degradation = DegradationParameters.None,
        };
        var sources = lcb.Parameters.Where(q => !q.Name.StartsWith("electrolyte") && !q.Name.StartsWith("degradation") && !q.Name.StartsWith("published") && q.Name is not ("temperature" or "Li.exchangeCurrentDensity"))
            .Append(new("Li.exchangeCurrentDensity", LiLcbExchangeCurrentDensityMAPerCm2, "mA/cm2", "tis2-lcb-li's Li (the Li | LCB bound, Kim et al. 2019); Tang et al. 2015's Li-symmetric " +
                "LiCB11H12 cell shows 'only ohmic resistance' at T ≥ 403 K, no interface arc, so no tighter number"))
            .Append(new("electrolyteConductivity130C", 150, "mS/cm", "Tang et al. 2015: LiCB11H12 '≥ 0.15 S cm−1 at T ≥ 403 K' (the bound)"))
            .Append(new("electrolyteActivationEnergy", 0.22, "eV", "Tang et al. 2015: 'with low activation energies of 0.22 eV'"))
            .Append(new("temperature", 403 - PhysicalConstants.ZeroCelsiusK, "C", "Tang et al. 2015: 'The battery test was carried out at 403 K'"))
            .Append(new("publishedDischargeCapacity", PublishedOrimoAnalogueDischargeMAhPerG, "mAh/g", "Tang et al. 2015: 'approximately 175 mAh g−1 discharge capacity … after the 3rd cycle'; a prediction target, not fitted"))
            .ToList();
        return new CellPreset(cell.Name, string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"TiS2/LiCB11H12 ({cell.ActiveLoadingKgPerM2 / CellUnits.KgPerM2PerMgPerCm2:0.00} mg/cm², 1:1) | LiCB11H12 | Li, 403 K (Tang et al., Energy Environ. Sci. 8 (2015) 3637)"),
            cell, OrimoLowerCutoffV, OrimoUpperCutoffV, sources);
    }

    /// <summary>Asakura et al., Energy Environ. Sci. 13 (2020) 5048 (ref. 54): cycled to 4.15 V vs Na+/Na, "a discharge capacity of 104 mA h g-1 at C/10 and 99 mA h g-1 at C/5", and 74 mA h g−1 at 1C in the rate test.</summary>
    public const double PublishedNvopfDischargeC10MAhPerG = 104, PublishedNvopfDischargeC5MAhPerG = 99, PublishedNvopfDischarge1CMAhPerG = 74;
    /// <summary>Asakura et al. 2020: first- and second-cycle Coulombic efficiency at C/10 to 4.15 V, "only 91.4% in the first cycle and 98.5% in the second cycle, due to the in situ formation of the passivation layer".</summary>
    public const double PublishedNvopfFirstCycleCe = 0.914, PublishedNvopfSecondCycleCe = 0.985;
    /// <summary>Asakura et al. 2020, predictions the fit does not see: "89 mA h g−1 at 1C" at 60 °C; the 3.2 MPa pressure cell (1.14 mg cm−2, 12.5 mm) "40 mA h g−1 and 11 mA h g−1" at 2C and 5C.</summary>
    public const double PublishedNvopf1CAt60CMAhPerG = 89, PublishedNvopf2CMAhPerG = 40, PublishedNvopf5CMAhPerG = 11;

    /// <summary>
    /// Volume per formula unit of the isostructural Na3V2(PO4)2F3 at 100 K, Å³: "a = 9.01928(4), b = 27.1379(1), and c = 10.73307(5)",
    /// "2627.07(2) Å3 with Z = 12" (eScholarship, UC Berkeley, "Enumeration as a Tool for Structure Solution: A Materials Genomic Approach to
    /// Solving the Cation-Ordered Structure of Na3V2(PO4)2F3", escholarship.org/uc/item/3239n8ss, abstract; authors and journal not in the
    /// retrieved text). No cell of Na3V2O2(PO4)2F itself was retrieved.
    /// </summary>
    public const double Na3V2PO42F3VolumePerFormulaUnitA3 = 2627.07 / 12;

    /// <summary>
    /// The Swagelok cell of Asakura et al. 2020 (Experimental, full text): "2 mg of the cathode composite (= 1.2 mg cm−2 mass loading) was
    /// pre-pressed at 40 MPa and pressed together with 80 mg of Na4(CB11H12)2(B12H12) uniaxially at 250 MPa into a pellet with 12 mm diameter
    /// and ~600 µm thickness"; the composite "in a 70 : 20 : 10 weight ratio" of Na3(VOPO4)2F, the SE and Super C65, no binder; a spring
    /// holds it at "the maximum cell pressure of 0.2 MPa"; "2.50 V and 4.15 V vs. Na+/Na" at room temperature.
    /// </summary>
    public const double NvopfCompositeMassMg = 2, NvopfSeparatorMassMg = 80, NvopfPelletDiameterM = 12e-3, NvopfPelletThicknessM = 600e-6;
    public const double NvopfActiveMassFraction = 0.70, NvopfElectrolyteMassFraction = 0.20, NvopfCarbonMassFraction = 0.10;
    /// <summary>Asakura et al. 2020: "Primary Na3(VOPO4)2F particles exhibit plate- and rod-like morphologies with 2-10 µm length"; a sphere of the range's 6 µm midpoint.</summary>
    public const double NvopfParticleRadiusUm = 3;
    /// <summary>
    /// Asakura et al. 2020, impedance of this cell at 25 °C (Fig. 3d): R1 of the Na | SE interface "increases gradually from 31 Ω cm2 to 77 Ω cm2 as
    /// cycling proceeds" (the symmetric cell: 30–50 Ω cm² per interface); the cathode | SE interphase R2 "remains stable below 80 Ω cm2 up to 4.15 V".
    /// </summary>
    public const double NvopfSodiumInterfaceOhmCm2 = 31, NvopfCathodeInterfaceOhmCm2 = 80;

    /// <summary>Charge-transfer resistance R = RT/(F·i₀) of the simulator's Butler–Volmer law with α = ½ (small-overpotential limit) read backwards: i₀ = RT/(F·R), mA/cm² per area of R.</summary>
    private static double ExchangeCurrentFromResistanceMAPerCm2(double ohmCm2, double kelvin) =>
        PhysicalConstants.GasConstantJPerMolK * kelvin / PhysicalConstants.FaradayCPerMol / ohmCm2 * 1e3;

    /// <summary>Pressed density of the separator's Na4(CB11H12)2(B12H12), g/cm³: 80 mg in the 12 mm, ~600 µm pellet (the 2 mg composite neglected).</summary>
    public static double NvopfSeparatorDensityGPerCm3 =>
        NvopfSeparatorMassMg * 1e-3 / (Math.PI * Math.Pow(NvopfPelletDiameterM * 50, 2) * NvopfPelletThicknessM * 100);

    /// <summary>Na3(VOPO4)2F | Na4(CB11H12)2(B12H12) | Na (review §2.2, ref. 54), the Swagelok cell of Asakura et al. 2020 as built.</summary>
    public static CellPreset NvopfNcbNa() => Nvopf("nvopf-ncb-na", NvopfCompositeMassMg, NvopfPelletDiameterM, NvopfSeparatorMassMg, 0.2, "Swagelok cell");

    /// <summary>
    /// Asakura et al. 2020's home-built pressure cell, a what-if built as <c>nvopf-ncb-na</c> with everything calibrated kept: "a 12.5 mm-diameter
    /// pellet was formed by cold pressing of 2 mg or 14 mg of the cathode composite (= 1.14 mg cm−2 or 8.0 mg cm−2 mass loading) and 90 mg of
    /// Na4(CB11H12)2(B12H12)", held "at a constant torque of 0.3 N·m (= 3.2 MPa)". The SE's pressed density is the Swagelok pellet's.
    /// </summary>
    public static CellPreset NvopfPressureCell(double compositeMassMg) =>
        Nvopf(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"nvopf-ncb-na pressure cell {compositeMassMg} mg"), compositeMassMg, 12.5e-3, 90, 3.2, "pressure cell (what-if)");

    private static CellPreset Nvopf(string name, double compositeMassMg, double diameterM, double separatorMassMg, double stackPressureMPa, string build)
    {
        const string formula = "Na3V2O2(PO4)2F";
        const string paper = "Asakura et al., Energy Environ. Sci. 13 (2020) 5048 (ref. 54), full text";
        // ESTIMATED crystallographic density: NVOPF's formula mass in the Na3V2(PO4)2F3 cell volume per formula unit (ρ = M / (N_A·V_fu)).
        double density = Formula.Parse(formula).MolarMassKgPerMol * 1e3 / (PhysicalConstants.AvogadroPerMol * Na3V2PO42F3VolumePerFormulaUnitA3 * 1e-24);
        double areaCm2 = Math.PI * Math.Pow(diameterM * 50, 2);
        double loadingMgPerCm2 = compositeMassMg * NvopfActiveMassFraction / areaCm2;
        // Volumes per area (cm): NVOPF dense, the SE at its pressed density (its voids included), Super C65 as carbon black (Super P's density).
        double seDensity = NvopfSeparatorDensityGPerCm3, carbonDensity = CellMaterials.Get("Super P").DensityKgPerM3 / CellUnits.KgPerM3PerGPerCm3;
        double vActive = loadingMgPerCm2 * 1e-3 / density;
        double vElectrolyte = loadingMgPerCm2 * 1e-3 * NvopfElectrolyteMassFraction / NvopfActiveMassFraction / seDensity;
        double vCarbon = loadingMgPerCm2 * 1e-3 * NvopfCarbonMassFraction / NvopfActiveMassFraction / carbonDensity;
        double vTotal = vActive + vElectrolyte + vCarbon;
        // i₀ per contact area from the cathode interphase's R2 per geometric area: the particle surface per geometric area is 3·v_active/R.
        double surfacePerArea = 3 * vActive / (NvopfParticleRadiusUm * 1e-4);
        double i0Cathode = ExchangeCurrentFromResistanceMAPerCm2(NvopfCathodeInterfaceOhmCm2 * surfacePerArea, 298.15);
        double i0Na = ExchangeCurrentFromResistanceMAPerCm2(NvopfSodiumInterfaceOhmCm2, 298.15);
        var (cathode, sources) = Composite("NVOPF", formula, 2.0, OcpLibrary.Get("nvopf"), loadingMgPerCm2,
            density, "ESTIMATED: NVOPF's formula mass (IUPAC atomic weights) over N_A × 218.92 Å³, the volume per formula unit of the isostructural Na3V2(PO4)2F3 " +
            "(100 K, 2627.07 Å³, Z = 12; eScholarship escholarship.org/uc/item/3239n8ss, 'Enumeration as a Tool for Structure Solution … Na3V2(PO4)2F3'); " +
            "no Na3V2O2(PO4)2F cell was retrieved (searched: lattice parameters, CIF, Materials Project); replaces the former ASSUMED 3.2 g/cm³",
            vActive / vTotal, vElectrolyte / vTotal, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{paper}: NVOPF : SE : Super C65 = 70 : 20 : 10 by weight, no binder, cold-pressed at 250 MPa; volumes from NVOPF's density, the SE's pressed density " +
                $"({seDensity:0.000} g/cm³: 80 mg in the 12 mm, ~600 µm pellet, its voids included) and carbon black's 1.9 g/cm³ (Super P, for C65): " +
                $"{vActive / vTotal:0.000} / {vElectrolyte / vTotal:0.000} / {vCarbon / vTotal:0.000}, no further voids (ASSUMED)"),
            NvopfParticleRadiusUm, $"{paper}: 'plate- and rod-like morphologies with 2-10 µm length'; a sphere of the 6 µm midpoint; the calibrated D_s belongs to it",
            NvopfCalibration.SolidDiffusivityM2PerS, NvopfCalibration.DiffusivitySource,
            1.0, "as assembled: Na3(VOPO4)2F fully sodiated (the paper's initial OCV ~2.4 V)",
            loadingSource: $"{paper}: '2 mg of the cathode composite (= 1.2 mg cm−2 mass loading)' in a 12 mm pellet: 2 mg × 0.70 / 1.131 cm² (its C/5 = 32.2 µA/cm² is 130 mA/g × 0.2 × this loading)",
            i0MAPerCm2: i0Cathode, i0Source: string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{paper}, impedance at 25 °C: the cathode | SE interphase R2 'remains stable below 80 Ω cm2 up to 4.15 V'; read as R_ct = RT/(F·i₀) per particle surface " +
                $"(3·v_active/R = {surfacePerArea:0.00} cm² per cm²): i₀ = RT/(F·80 Ω cm² × {surfacePerArea:0.00}) (the bound; it includes the passivating interphase)"),
            rintOhmCm2: 0, rintSource: "0: the interphase is inside the measured R2 that sets i₀");
        cathode = cathode with { SolidDiffusivityActivationEnergyEv = NvopfCalibration.SolidDiffusivityActivationEnergyEv, ParameterTemperatureK = 298.15 };
        sources.Add(new("NVOPF.solidDiffusivityActivationEnergy", NvopfCalibration.SolidDiffusivityActivationEnergyEv, "eV", NvopfCalibration.ActivationEnergySource));
        sources.Add(new("NVOPF.parameterTemperature", 25, "C", "D_s and i₀ are given at the paper's 25 °C; i₀ has no activation energy (none measured)"));
        var na = Metal("Na", "na-metal", sources, i0Na, string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{paper}, impedance at 25 °C: the Na | Na4(CB11H12)2(B12H12) interface R1 'increases gradually from 31 Ω cm2 to 77 Ω cm2 as cycling proceeds' (30–50 Ω cm² " +
            $"per interface in the symmetric cell); i₀ = RT/(F·31 Ω cm²) = {i0Na:0.000} mA/cm² (the initial value; no temperature dependence)"));
        double nominal = TheoreticalCPerKg(formula, 2.0);
        double separatorUm = separatorMassMg * 1e-3 / (areaCm2 * seDensity) * 1e4;
        sources.AddRange(
        [
            new("separatorThickness", separatorUm, "um", $"{paper}: {separatorMassMg} mg SE at its pressed density (80 mg in the '~600 µm' Swagelok pellet; Table S1: SE 500–600 µm); L/κ = 50 Ω cm² there, the paper's R0 of the SE"),
            new("electrolyteConductivity25C", 1.2, "mS/cm", $"{paper}: R0 'around 50 Ω cm2 … attributed to the resistance originating from the Na4(CB11H12)2(B12H12) SE with a conductivity of 1.2 mS cm−1' (25 °C)"),
            new("electrolyteActivationEnergy", 0.34, "eV", "ASSUMED (not in the seeds or in Asakura et al. 2020; no Eₐ of Na4(CB11H12)2(B12H12) retrieved: searched refs. 54 and 144 and the mixed-anion Na hydroborate literature); only the 60 °C prediction uses it"),
            new("temperature", 25, "C", $"{paper}: 'room temperature (25-30 °C)'; impedance and stepwise tests at 25 °C"),
            new("cRate", 0.2, "C", $"{paper}: 1C = 130 mA g−1; 'galvanostatic charge-discharge measurements were performed at C/5 (32.2 µA cm−2) following two formation cycles at C/10'"),
            new("publishedDischargeCapacityC10", PublishedNvopfDischargeC10MAhPerG, "mAh/g", $"{paper}: 'a discharge capacity of 104 mA h g−1 at C/10' (first formation cycle); fitted (NvopfCalibration)"),
            new("publishedDischargeCapacityC5", PublishedNvopfDischargeC5MAhPerG, "mAh/g", $"{paper}: 'the initial discharge capacity of 99 mA h g−1 at C/5' (cycle 3); fitted"),
            new("publishedDischargeCapacity1C", PublishedNvopfDischarge1CMAhPerG, "mAh/g", $"{paper}: rate test, Swagelok cell, 'a relatively high capacity of 74 mA h g−1 is still obtained at 1C'; fitted"),
            new("nominalCapacity", nominal / CellUnits.CPerKgPerMAhPerG, "mAh/g", "two Na per Na3(VOPO4)2F (V4+/V5+), Faraday's law with IUPAC atomic weights; the paper: 'theoretical capacity (130 mA h g−1)', 1C = 130 mA g−1"),
            new("voltageWindowHigh", 4.15, "V", $"review Fig. 7b: 'upper cutoff voltage of (b) 4.15 V' vs Na+/Na; {paper}: 'cycled between 2.50 V and 4.15 V'"),
            new("voltageWindowLow", 2.5, "V", $"{paper}: 'The lower cutoff voltage was set at 2.50 V vs. Na+/Na'"),
            new("degradation.oxidationLimit", 3.45, "V", $"{paper}, cyclic voltammetry: the onset potentials of Na2B12H12 and NaCB11H12 oxidation 'are 3.45 V and 4.20 V vs. Na+/Na'; " +
                "the [B12H12]2− anions 'decompose below 4.2 V … to form a passivating interphase layer' (modelled as the decaying oxidation current above 3.45 V)"),
            new("publishedRetention", 78.0 / 99.0, "1", $"{paper}: 78 mA h g−1 after 800 cycles at C/5 vs 'the initial discharge capacity of 99 mA h g−1 at C/5' (capacity fitted: degradation.contactLossPerCycle; the 76 % energy retention not fitted)"),
            new("area", areaCm2, "cm2", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{paper}: {diameterM * 1e3} mm pellet; only absolute currents depend on it")),
        ]);
        var degradation = ContactLoss("nvopf-ncb-na", sources) with
        {
            StackPressureMPa = stackPressureMPa, OxidationLimitV = 3.45, ConnectedParticleFraction = NvopfCalibration.ConnectedParticleFraction,
            OxidationInitialFraction = NvopfCalibration.OxidationInitialFraction, OxidationDecayCapacities = NvopfCalibration.OxidationDecayCapacities,
        };
        sources.Add(new("degradation.connectedParticleFraction", degradation.ConnectedParticleFraction, "1", NvopfCalibration.ConnectedSource));
        // What the paper does say about contact and pressure replaces the generic ASSUMED entries.
        void Replace(string parameter, string source)
        {
            int k = sources.FindIndex(x => x.Name == parameter);
            sources[k] = sources[k] with { Source = source };
        }
        Replace("NVOPF.contactAreaFraction", "1 per connected particle: the connected particles' contact is inside the measured R2 that sets i₀; the isolated ones are degradation.connectedParticleFraction");
        Replace("degradation.contactLossPressureExponent", $"0: {paper}: the 3.2 MPa pressure cell, after its rate test, cycles at C/5 'for > 150 cycles … comparable to Swagelok-type cells' (< 0.2 MPa), so the fade is taken pressure-independent");
        sources.Add(new("degradation.oxidationInitialFraction", degradation.OxidationInitialFraction, "1", NvopfCalibration.OxidationSource));
        sources.Add(new("degradation.oxidationDecay", degradation.OxidationDecayCapacities, "nominal capacities", NvopfCalibration.OxidationSource));
        var cell = new CellParameters
        {
            Degradation = degradation,
            Name = name, Positive = cathode, Negative = na, SeparatorThicknessM = separatorUm * 1e-6, Electrolyte = Na4CB11B12,
            TemperatureK = K(25), AreaM2 = areaCm2 * 1e-4, NominalArealCapacityCPerM2 = cathode.ActiveLoadingKgPerM2 * nominal,
            ActiveLoadingKgPerM2 = cathode.ActiveLoadingKgPerM2,
        };
        return new CellPreset(name, string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"Na3(VOPO4)2F ({loadingMgPerCm2:0.00} mg/cm², 70:20:10) | Na4(CB11H12)2(B12H12) | Na, 25 °C, {stackPressureMPa} MPa (Asakura et al. 2020, {build})"), cell, 2.5, 4.15, sources);
    }

    /// <summary>
    /// Li | LiBH4 | Li symmetric cell (review §2.2, ref. 126): "stable 100 h galvanostatic stripping/plating ... at 0.2 mA cm-2 and
    /// 0.1 mAh cm-2 at 120 °C". Protocol in current density and time, e.g. "(Charge at 0.2 mA/cm2 for 30 minutes; Discharge at
    /// 0.2 mA/cm2 for 30 minutes) x 100"; 1C is 0.1 mAh/cm² per hour. No specific capacities.
    /// </summary>
    public static CellPreset LiLiBH4Symmetric()
    {
        double separator = OrimoSeparatorThicknessM(CellMaterials.Get("LiBH4").DensityKgPerM3);
        var sources = new List<PresetParameter>
        {
            new("Li.ocp", 0, "V", "Li metal: 0 V vs Li/Li+ by definition"),
            new("Li.exchangeCurrentDensity", LiLiBH4ExchangeCurrentDensityMAPerCm2, "mA/cm2", LiLiBH4I0Source + "; a measured symmetric-cell overpotential would calibrate it"),
            new("separatorThickness", separator / CellUnits.MPerUm, "um", SeparatorSource("LiBH4")),
            new("electrolyteConductivity120C", 1.0, "mS/cm", "review §2.1: LiBH4 high-temperature phase '> 10-3 S cm-1' (lower bound at 120 °C, ASSUMED)"),
            new("electrolyteActivationEnergy", 0.53, "eV", "review §2.1: 0.53 eV"),
            new("temperature", 120, "C", "review §2.2: symmetric cell at 120 °C"),
            new("currentDensity", 0.2, "mA/cm2", "review §2.2: '0.2 mA cm-2'"),
            new("arealCapacityPerHalfCycle", 0.1, "mAh/cm2", "review §2.2: '0.1 mAh cm-2' (defines 1C here)"),
            new("area", Area * 1e4, "cm2", AreaSource),
        };
        PlanarElectrodeParameters Li(string name) => new()
        {
            Name = name, Ocp = OcpLibrary.Get("li-metal"), ExchangeCurrentDensityAPerM2 = LiLiBH4ExchangeCurrentDensityMAPerCm2 * CellUnits.APerM2PerMAPerCm2,
        };
        var cell = new CellParameters
        {
            Name = "li-libh4-symmetric", Positive = Li("Li (working)"), Negative = Li("Li (counter)"), SeparatorThicknessM = separator,
            Electrolyte = LiBH4HighTemperature, TemperatureK = K(120), AreaM2 = Area,
            NominalArealCapacityCPerM2 = 0.1 * CellUnits.CPerM2PerMAhPerCm2, ActiveLoadingKgPerM2 = 0,
        };
        return new CellPreset("li-libh4-symmetric", "Li | LiBH4 | Li symmetric stripping/plating cell, 120 °C", cell, -1, 1, sources);
    }
}
