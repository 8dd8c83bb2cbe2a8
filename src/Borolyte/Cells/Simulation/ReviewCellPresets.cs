using Borolyte.Cells.Design;
using Borolyte.Chemistry;
using Borolyte.Transport;

namespace Borolyte.Cells.Simulation;

/// <summary>
/// The Li cells and the 4 V Na cell of the review (seed 000 §2.2) as simulator presets: TiS2 | LiBH4 | Li at 120 °C,
/// TiS2 | Li(CB9H10)0.7(CB11H12)0.3 | Li, Na3(VOPO4)2F | Na4(CB11H12)2(B12H12) | Na, and the Li | LiBH4 | Li symmetric cell.
/// The seed gives the electrolytes' conductivities, the temperatures, C-rates, cut-offs (NVOPF) and retentions, but no
/// loadings, compositions or thicknesses. The original papers' abstracts (refs. 128, 47, 54) add the measured capacities and
/// retentions (the <c>published…</c> entries), the Li | Li(CB9H10)0.7(CB11H12)0.3 interfacial resistance (→ i₀ of Li); NVOPF's
/// density is estimated from the measured cell of the isostructural Na3V2(PO4)2F3. What no retrieved text gives stays ASSUMED
/// (marked so in every parameter's source, with what was searched for) and none is tuned to a published number. The one
/// exception is degradation: each of the three cycled cells has one contact-loss rate CALIBRATED on its one published
/// retention (<see cref="RetentionCalibrations"/>), so that retention agrees by construction.
/// </summary>
public static class ReviewCellPresets
{
    private const double Area = 1e-4 * Math.PI * 0.5 * 0.5;   // ASSUMED 10 mm pellet (not in the seed); only absolute currents depend on it

    // Review (seed 000) §2.1: LiBH4's hexagonal high-temperature phase "> 10-3 S cm-1" above "> 115 °C", Eₐ = 0.53 eV (ref. 36).
    // The lower bound is taken at the preset's 120 °C (ASSUMED); the Arrhenius law is only valid above the transition.
    public static ArrheniusConductivity LiBH4HighTemperature { get; } = ArrheniusConductivity.FromConventional(1e-3, 120, 0.53);
    // Review §2.1: Li(CB9H10)0.7(CB11H12)0.3 "with 7 × 10-3 S cm-1 and 0.28 eV" at room temperature (25 °C, knowledge base).
    public static ArrheniusConductivity LiCB9CB11 { get; } = ArrheniusConductivity.FromConventional(7e-3, 25, 0.28);
    // Review §2.1: Na4(CB11H12)2(B12H12) "> 10-3 S cm-1" at room temperature (lower bound used); Eₐ ASSUMED 0.34 eV (the value CellPresets once assumed for Na4(B12H12)(B10H10); kept so that the calibrated contact-loss rate stays valid).
    public static ArrheniusConductivity Na4CB11B12 { get; } = ArrheniusConductivity.FromConventional(1e-3, 25, 0.34);

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
        new("tis2-libh4-li", "(Discharge at C/5 until 1.6 V; Charge at C/5 until 2.7 V) x 300", 120, 300, 180.0 / 205.0, 4.669e-4,
            "Unemoto et al., Chem. Mater. 27 (2015) 5407 (ref. 128), abstract: at 393 K and 0.2 C 'the second discharge capacity was as high as 205 mAh g-1' " +
            "and 'the 300th discharge capacity remained as high as 180 mAh g-1' (180/205 = 87.8 % of cycle 2; the review's '> 85 %'); the 1.6 V lower cut-off is ASSUMED",
            ReferenceCycle: 2),
        new("tis2-lcb-li", "(Discharge at 1C until 1.6 V; Charge at 1C until 2.7 V) x 200", 60, 200, 0.70, 2.134e-3,
            "review §2.2: 'At an elevated temperature of 60 °C, the TiS2 cathode exhibits ~70 % capacity retention after 200 cycles at 1C charging/discharging' (ref. 47; " +
            "not in the abstract of Kim et al., Nat. Commun. 10 (2019) 1081; the reference cycle is not stated, cycle 1 taken)"),
        new("nvopf-ncb-na", "(Charge at C/5 until 4.15 V; Discharge at C/5 until 3.0 V) x 800", 25, 800, 0.78, 3.585e-4,
            "Asakura et al., Energy Environ. Sci. 13 (2020) 5048 (ref. 54), abstract: cycled to 4.15 V, 'an excellent capacity and energy retention of 78% and 76%, " +
            "respectively, after 800 cycles at C/5' (review §2.2: at room temperature); the capacity figure is fitted, the reference cycle is not stated (cycle 1 taken)"),
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
        double radiusUm, string radiusSource, double diffusivity, string diffusivitySource, double initial, string initialSource)
    {
        double loading = loadingMgPerCm2 * CellUnits.KgPerM2PerMgPerCm2;
        double rho = densityGPerCm3 * CellUnits.KgPerM3PerGPerCm3;
        double t = loading / (rho * activeFraction);   // thickness = active volume per area / active volume fraction
        double cMax = alkaliPerFormula * rho / Formula.Parse(formula).MolarMassKgPerMol;
        const double i0 = 1.0, rint = 5e-4, sigma = 10;
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
            new(m + "activeLoading", loadingMgPerCm2, "mg/cm2", "ASSUMED: the review (seed 000 §2.2) gives no loading, nor do the retrieved abstracts of refs. 128, 47, 54 (their experimental sections were not retrievable); a typical lab pellet loading"),
            new(m + "density", densityGPerCm3, "g/cm3", densitySource),
            new(m + "thickness", t / CellUnits.MPerUm, "um", "loading / density / active volume fraction"),
            new(m + "activeVolumeFraction", activeFraction, "1", fractionSource),
            new(m + "electrolyteVolumeFraction", electrolyteFraction, "1", fractionSource),
            new(m + "bruggemanExponent", 1.5, "1", "Bruggeman, Ann. Phys. 416 (1935) 636 (spheres)"),
            new(m + "particleRadius", radiusUm, "um", radiusSource),
            new(m + "solidDiffusivity", diffusivity, "m2/s", diffusivitySource),
            new(m + "maxConcentration", cMax, "mol/m3", $"{alkaliPerFormula} alkali per {formula} × density / molar mass (IUPAC atomic weights)"),
            new(m + "exchangeCurrentDensity", i0 / CellUnits.APerM2PerMAPerCm2, "mA/cm2", "ASSUMED 0.1 mA/cm² per contact area (no seed value, none in the retrieved abstracts; as the NaCrO2 presets)"),
            new(m + "interfacialResistance", rint * 1e4, "ohm cm2", "ASSUMED 5 Ω·cm² per contact area (no seed value, none in the retrieved abstracts; as the NaCrO2 presets)"),
            new(m + "contactAreaFraction", 1.0, "1", "ASSUMED full contact before cycling; it then decays by the calibrated contact-loss law (degradation.contactLossPerCycle)"),
            new(m + "electronicConductivity", sigma / 100, "S/cm", "ASSUMED 0.1 S/cm for the composite"),
            new(m + "initialStoichiometry", initial, "1", initialSource),
            new(m + "ocp", double.NaN, "", $"data/cells/ocp/{ocp.Name}.csv — {ocp.Source}"),
        };
        return (p, sources);
    }

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
    public static double LiLcbExchangeCurrentDensityMAPerCm2 { get; } =
        PhysicalConstants.GasConstantJPerMolK * 298.15 / PhysicalConstants.FaradayCPerMol / 1.0 * 1e3;   // V / (Ω·cm²) = A/cm² → mA/cm²

    /// <summary>Eₐ of Li jumps in layered Li0.7TiS2, 0.41(1) eV (⁷Li NMR, Wilkening &amp; Heitjans, Phys. Rev. B 77 (2008) 024311), used for TiS2's D_s(T).</summary>
    public const double TiS2DiffusionActivationEnergyEv = 0.41;

    private static (CompositeElectrodeParameters, List<PresetParameter>) TiS2Electrode(string electrolyteNote)
    {
        var (p, sources) = TiS2Composite(electrolyteNote);
        sources.Add(new("TiS2.solidDiffusivityActivationEnergy", TiS2DiffusionActivationEnergyEv, "eV",
            "Wilkening & Heitjans, Phys. Rev. B 77 (2008) 024311: Li jumps in Li0.7TiS2 follow Arrhenius with 0.41(1) eV (148–510 K); D_s is given at 25 °C"));
        return (p with { SolidDiffusivityActivationEnergyEv = TiS2DiffusionActivationEnergyEv, ParameterTemperatureK = 298.15 }, sources);
    }

    private static (CompositeElectrodeParameters, List<PresetParameter>) TiS2Composite(string electrolyteNote) => Composite(
        "TiS2", "TiS2", 1.0, OcpLibrary.Get("tis2"), 3.0,
        CellMaterials.Get("TiS2").DensityKgPerM3 / CellUnits.KgPerM3PerGPerCm3, CellMaterials.Get("TiS2").DensitySource,
        0.50, 0.40, $"ASSUMED: cold-pressed TiS2 + {electrolyteNote} composite, 50 vol% TiS2, 40 vol% electrolyte, 10 % voids (no composition in the seed or the retrieved abstracts of refs. 128 and 47; TiS2 is a metallic conductor, no carbon)",
        2.5, "ASSUMED 2.5 µm (commercial TiS2 powder is a few µm; no seed value, none in the retrieved abstracts)",
        1e-13, "ASSUMED 1e-13 m²/s (1e-9 cm²/s); literature: chemical D of Li in cubic TiS2 up to 5.6e-10 cm²/s at 23 °C (Bruce & Saidi, J. Solid State Chem. 88 (1990) 411, ac impedance), Li jumps in layered Li0.7TiS2 with Eₐ = 0.41 eV (Wilkening & Heitjans, Phys. Rev. B 77 (2008) 024311), applied as D_s(T)",
        0.0, "as assembled: TiS2 is Li-free (the cell starts with a discharge, review §2.2: Li metal as the Li reservoir for 'Li-free' cathodes)");

    /// <summary>Unemoto et al., Chem. Mater. 27 (2015) 5407 (ref. 128), abstract: TiS2 | LiBH4 | Li at 393 K and 0.2 C, discharge capacity 205 mAh/g in cycle 2 ("a TiS2 utilization ratio of 85%") and 180 mAh/g in cycle 300.</summary>
    public const double PublishedLiBH4Cycle2DischargeMAhPerG = 205, PublishedLiBH4Cycle300DischargeMAhPerG = 180;

    /// <summary>TiS2 | LiBH4 | Li at 120 °C, C/5 (review §2.2: "> 85 % after 300 cycles at C/5 at 120 °C", ref. 128; 205 → 180 mAh/g in the paper).</summary>
    public static CellPreset TiS2LiBH4Li()
    {
        var (cathode, sources) = TiS2Electrode("LiBH4");
        var li = Metal("Li", "li-metal", sources, 1.0,
            "ASSUMED 1 mA/cm² (no seed value; the Li | LiBH4 interfacial resistance of ref. 126, Kisu et al., J. Power Sources 436 (2019), was searched for and not retrieved)");
        double nominal = CellMaterials.Get("TiS2").TheoreticalCapacityCPerKg!.Value;
        sources.AddRange(
        [
            new("separatorThickness", 500, "um", "ASSUMED 500 µm pressed LiBH4 pellet (not in the seed or the abstract of Unemoto et al. 2015)"),
            new("electrolyteConductivity120C", 1.0, "mS/cm", "review (seed 000) §2.1: LiBH4 hexagonal high-temperature phase '> 10-3 S cm-1' above '> 115 °C' (ref. 36; " +
                "Matsuo et al., Appl. Phys. Lett. 91 (2007) 224103, abstract: ac impedance jumps by three orders of magnitude at the orthorhombic → hexagonal transition near 390 K, " +
                "the hexagonal phase 'of the order of 10-3 S cm-1'); the value is taken at 120 °C (ASSUMED: no σ at 393 K itself retrieved)"),
            new("electrolyteActivationEnergy", 0.53, "eV", "review §2.1: 'with an activation energy of 0.53 eV' (high-temperature phase); the orthorhombic phase below ~115 °C is NOT modelled"),
            new("temperature", 120, "C", "review §2.2: TiS2|LiBH4|Li cycled at 120 °C (ref. 128; Unemoto et al. 2015: 393 K)"),
            new("cRate", 0.2, "C", "review §2.2: 'at C/5'; Unemoto et al. 2015: '0.2 C'"),
            new("publishedDischargeCapacityCycle2", PublishedLiBH4Cycle2DischargeMAhPerG, "mAh/g", "Unemoto et al., Chem. Mater. 27 (2015) 5407, abstract: 'The second discharge capacity was as high as 205 mAh g-1, corresponding to a TiS2 utilization ratio of 85%' (393 K, 0.2 C); a target, not fitted"),
            new("publishedDischargeCapacityCycle300", PublishedLiBH4Cycle300DischargeMAhPerG, "mAh/g", "Unemoto et al. 2015, abstract: 'The 300th discharge capacity remained as high as 180 mAh g-1 with nearly 100% Coulombic efficiency from the second cycle'"),
            new("nominalCapacity", nominal / CellUnits.CPerKgPerMAhPerG, "mAh/g", "review §2.2: '239 mAh g-1 for TiS2' (one Li per TiS2, Faraday's law)"),
            new("voltageWindowHigh", 2.7, "V", "review §2.2: TiS2 among 'active materials with relatively low redox potentials (≤ 2.7 V vs. Li+/Li)'"),
            new("voltageWindowLow", 1.6, "V", "ASSUMED 1.6 V: below the LiTiS2 end of the slope, above the ~1.0 V further lithiation (Johnson & Worrell, J. Electrochem. Soc. 1986); not in the seed or the abstract of Unemoto et al. 2015"),
            new("publishedRetention", Calibration("tis2-libh4-li").PublishedRetention, "1", "Unemoto et al. 2015: 180 / 205 mAh/g, cycle 300 vs cycle 2 (the review's '> 85 % after 300 cycles at C/5 at 120 °C'); fitted: degradation.contactLossPerCycle"),
            new("area", Area * 1e4, "cm2", "ASSUMED 10 mm pellet (no pellet size in the seed or the retrieved abstracts); only absolute currents depend on it"),
        ]);
        var cell = new CellParameters
        {
            Degradation = ContactLoss("tis2-libh4-li", sources),
            Name = "tis2-libh4-li", Positive = cathode, Negative = li, SeparatorThicknessM = 500e-6, Electrolyte = LiBH4HighTemperature,
            TemperatureK = K(120), AreaM2 = Area, NominalArealCapacityCPerM2 = cathode.ActiveLoadingKgPerM2 * nominal,
            ActiveLoadingKgPerM2 = cathode.ActiveLoadingKgPerM2,
        };
        return new CellPreset("tis2-libh4-li", "TiS2 (3.0 mg/cm², assumed) | LiBH4 (high-temperature phase) | Li, 120 °C", cell, 1.6, 2.7, sources);
    }

    /// <summary>
    /// TiS2 | Li(CB9H10)0.7(CB11H12)0.3 | Li (review §2.2, ref. 47): "> 70 % capacity remaining ... at 10C vs C/10" and "~70 %
    /// capacity retention after 200 cycles at 1C" at 60 °C. Room temperature (25 °C) by default; the 60 °C test via --temperature-c.
    /// </summary>
    public static CellPreset TiS2LcbLi()
    {
        var (cathode, sources) = TiS2Electrode("Li(CB9H10)0.7(CB11H12)0.3");
        var li = Metal("Li", "li-metal", sources, LiLcbExchangeCurrentDensityMAPerCm2,
            "Kim et al., Nat. Commun. 10 (2019) 1081, abstract: Li plating/stripping 'with negligible interfacial resistance (<1 Ω cm2) at 0.2 mA cm−2' (25 °C); " +
            "i₀ = RT/(F·1 Ω cm²) at 25 °C, the lower bound (Butler–Volmer, α = 0.5); kept at 60 °C (no activation energy)");
        double nominal = CellMaterials.Get("TiS2").TheoreticalCapacityCPerKg!.Value;
        sources.AddRange(
        [
            new("separatorThickness", 500, "um", "ASSUMED 500 µm pressed pellet (not in the seed or the abstract of Kim et al. 2019)"),
            new("electrolyteConductivity25C", 7.0, "mS/cm", "review (seed 000) §2.1: Li(CB9H10)0.7(CB11H12)0.3 'with 7 × 10-3 S cm-1 and 0.28 eV' (refs. 47, 55, 106); " +
                "the seed's value is kept: Kim et al., Nat. Commun. 10 (2019) 1081 measured '6.7 × 10−3 S cm−1 at 25 °C' (abstract), 4 % lower"),
            new("electrolyteActivationEnergy", 0.28, "eV", "review §2.1, as above"),
            new("temperature", 25, "C", "ASSUMED room temperature for the 10C vs C/10 rate test (the review gives no temperature for it; the symmetric cell of ref. 47 is at 25 °C); the cycling test is at 60 °C (review §2.2)"),
            new("cRate", 1, "C", "review §2.2: '200 cycles at 1C charging/discharging' at 60 °C; rate test 10C vs C/10"),
            new("nominalCapacity", nominal / CellUnits.CPerKgPerMAhPerG, "mAh/g", "review §2.2: '239 mAh g-1 for TiS2'"),
            new("voltageWindowHigh", 2.7, "V", "review §2.2: TiS2 '≤ 2.7 V vs. Li+/Li', within the electrolyte's '~3.4 V vs. Li+/Li' oxidative stability"),
            new("voltageWindowLow", 1.6, "V", "ASSUMED 1.6 V (see tis2-libh4-li); not in the seed or the abstract of Kim et al. 2019"),
            new("publishedRateRetention10C", 0.70, "1", "review §2.2: '> 70 % capacity remaining at ... 10C vs C/10 with a TiS2 cathode' (lower bound)"),
            new("publishedRetention", 0.70, "1", "review §2.2: '~70 % capacity retention after 200 cycles at 1C' at 60 °C (fitted: degradation.contactLossPerCycle)"),
            new("area", Area * 1e4, "cm2", "ASSUMED 10 mm pellet (no pellet size in the seed or the retrieved abstracts); only absolute currents depend on it"),
        ]);
        var cell = new CellParameters
        {
            Degradation = ContactLoss("tis2-lcb-li", sources),
            Name = "tis2-lcb-li", Positive = cathode, Negative = li, SeparatorThicknessM = 500e-6, Electrolyte = LiCB9CB11,
            TemperatureK = K(25), AreaM2 = Area, NominalArealCapacityCPerM2 = cathode.ActiveLoadingKgPerM2 * nominal,
            ActiveLoadingKgPerM2 = cathode.ActiveLoadingKgPerM2,
        };
        return new CellPreset("tis2-lcb-li", "TiS2 (3.0 mg/cm², assumed) | Li(CB9H10)0.7(CB11H12)0.3 | Li, 25 °C", cell, 1.6, 2.7, sources);
    }

    /// <summary>Asakura et al., Energy Environ. Sci. 13 (2020) 5048 (ref. 54), abstract: cycled to 4.15 V vs Na+/Na, "a discharge capacity of 104 mA h g-1 at C/10 and 99 mA h g-1 at C/5".</summary>
    public const double PublishedNvopfDischargeC10MAhPerG = 104, PublishedNvopfDischargeC5MAhPerG = 99;

    /// <summary>
    /// Volume per formula unit of the isostructural Na3V2(PO4)2F3 at 100 K, Å³: "a = 9.01928(4), b = 27.1379(1), and c = 10.73307(5)",
    /// "2627.07(2) Å3 with Z = 12" (eScholarship, UC Berkeley, "Enumeration as a Tool for Structure Solution: A Materials Genomic Approach to
    /// Solving the Cation-Ordered Structure of Na3V2(PO4)2F3", escholarship.org/uc/item/3239n8ss, abstract; authors and journal not in the
    /// retrieved text). No cell of Na3V2O2(PO4)2F itself was retrieved.
    /// </summary>
    public const double Na3V2PO42F3VolumePerFormulaUnitA3 = 2627.07 / 12;

    /// <summary>Na3(VOPO4)2F | Na4(CB11H12)2(B12H12) | Na (review §2.2, ref. 54): 78 % capacity after 800 cycles at C/5, room temperature.</summary>
    public static CellPreset NvopfNcbNa()
    {
        const string formula = "Na3V2O2(PO4)2F";
        // ESTIMATED crystallographic density: NVOPF's formula mass in the Na3V2(PO4)2F3 cell volume per formula unit (ρ = M / (N_A·V_fu)).
        double density = Formula.Parse(formula).MolarMassKgPerMol * 1e3 / (PhysicalConstants.AvogadroPerMol * Na3V2PO42F3VolumePerFormulaUnitA3 * 1e-24);
        var (cathode, sources) = Composite("NVOPF", formula, 2.0, OcpLibrary.Get("nvopf"), 3.0,
            density, "ESTIMATED: NVOPF's formula mass (IUPAC atomic weights) over N_A × 218.92 Å³, the volume per formula unit of the isostructural Na3V2(PO4)2F3 " +
            "(100 K, 2627.07 Å³, Z = 12; eScholarship escholarship.org/uc/item/3239n8ss, 'Enumeration as a Tool for Structure Solution … Na3V2(PO4)2F3'); " +
            "no Na3V2O2(PO4)2F cell was retrieved (searched: lattice parameters, CIF, Materials Project); replaces the former ASSUMED 3.2 g/cm³",
            0.45, 0.40, "ASSUMED: NVOPF + Na4(CB11H12)2(B12H12) + carbon composite, 45 vol% active, 40 vol% electrolyte (no composition in the seed or in the abstract of Asakura et al. 2020)",
            0.5, "ASSUMED 0.5 µm (sub-µm carbon-coated polyanion powders are usual; no seed value, none in the abstract of Asakura et al. 2020)",
            1e-15, "ASSUMED 1e-15 m²/s (1e-11 cm²/s; no value for Na3V2O2(PO4)2F retrieved). Literature for the related Na3V2(PO4)2F3: apparent D 1e-9–1e-10 cm²/s " +
            "(Na3V2-xNix(PO4)2F3/C, GITT and CV, arXiv 2505.02201, 2025) and ~1e-9–1e-11 cm²/s (Abraham et al., Int. J. Mol. Sci. 22 (2021) 12045, CV and GITT, symmetric cell): " +
            "the value assumed here is the low end of that range; to be calibrated",
            1.0, "as assembled: Na3(VOPO4)2F fully sodiated (two Na extractable between ~3 and 4.3 V)");
        var na = Metal("Na", "na-metal", sources, 1.0,
            "ASSUMED 1 mA/cm² (no seed value; as the Na presets; no Na | Na4(CB11H12)2(B12H12) interfacial resistance retrieved — ref. 144, Murgia et al., Electrochem. Commun. 106 (2019), searched)");
        double nominal = TheoreticalCPerKg(formula, 2.0);
        sources.AddRange(
        [
            new("separatorThickness", 500, "um", "ASSUMED 500 µm pressed pellet (not in the seed or the abstract of Asakura et al. 2020)"),
            new("electrolyteConductivity25C", 1.0, "mS/cm", "review (seed 000) §2.1: Na4(CB11H12)2(B12H12) a 'Na+ superionic conductor (> 10-3 S cm-1) at room temperature' (lower bound used)"),
            new("electrolyteActivationEnergy", 0.34, "eV", "ASSUMED (not in the seeds; no Eₐ of Na4(CB11H12)2(B12H12) retrieved: searched refs. 54 and 144 and the mixed-anion Na hydroborate literature)"),
            new("temperature", 25, "C", "review §2.2: 'cycling at room temperature' (25 °C, knowledge base)"),
            new("cRate", 0.2, "C", "review §2.2: '800 cycles at C/5'; Fig. 7: curves at C/10 and C/5"),
            new("publishedDischargeCapacityC10", PublishedNvopfDischargeC10MAhPerG, "mAh/g", "Asakura et al., Energy Environ. Sci. 13 (2020) 5048, abstract: 'When cycled to 4.15 V vs. Na+/Na, the cells feature a discharge capacity of 104 mA h g-1 at C/10'; a target, not fitted"),
            new("publishedDischargeCapacityC5", PublishedNvopfDischargeC5MAhPerG, "mAh/g", "Asakura et al. 2020, abstract: '… and 99 mA h g-1 at C/5'; a target, not fitted"),
            new("nominalCapacity", nominal / CellUnits.CPerKgPerMAhPerG, "mAh/g", "two Na per Na3(VOPO4)2F (V4+/V5+), Faraday's law with IUPAC atomic weights; not in the seed"),
            new("voltageWindowHigh", 4.15, "V", "review Fig. 7b: 'upper cutoff voltage of (b) 4.15 V' vs Na+/Na (7c: 4.30 V, with electrolyte decomposition); Asakura et al. 2020: 'When cycled to 4.15 V vs. Na+/Na'"),
            new("voltageWindowLow", 3.0, "V", "ASSUMED 3.0 V: below the ~3.6 V plateau's end; not in the seed or the abstract of Asakura et al. 2020"),
            new("electrolyteOxidationLimits", 4.2, "V", "review §2.2: [CB11H12]- 'up to 4.2 V', [B12H12]2- 'up to 3.4 V vs. Na+/Na'; Asakura et al. 2020 (abstract): 'B12H12 anions decompose below 4.2 V vs. Na+/Na to form a passivating interphase layer, while CB11H12 anions remain intact' (partial decomposition not modelled)"),
            new("publishedRetention", 0.78, "1", "review §2.2 and Asakura et al. 2020 (abstract): capacity (78 %) and energy (76 %) retention after 800 cycles at C/5 (capacity fitted: degradation.contactLossPerCycle; energy not fitted)"),
            new("area", Area * 1e4, "cm2", "ASSUMED 10 mm pellet (no pellet size in the seed or the retrieved abstracts); only absolute currents depend on it"),
        ]);
        var cell = new CellParameters
        {
            Degradation = ContactLoss("nvopf-ncb-na", sources),
            Name = "nvopf-ncb-na", Positive = cathode, Negative = na, SeparatorThicknessM = 500e-6, Electrolyte = Na4CB11B12,
            TemperatureK = K(25), AreaM2 = Area, NominalArealCapacityCPerM2 = cathode.ActiveLoadingKgPerM2 * nominal,
            ActiveLoadingKgPerM2 = cathode.ActiveLoadingKgPerM2,
        };
        return new CellPreset("nvopf-ncb-na", "Na3(VOPO4)2F (3.0 mg/cm², assumed) | Na4(CB11H12)2(B12H12) | Na, 25 °C", cell, 3.0, 4.15, sources);
    }

    /// <summary>
    /// Li | LiBH4 | Li symmetric cell (review §2.2, ref. 126): "stable 100 h galvanostatic stripping/plating ... at 0.2 mA cm-2 and
    /// 0.1 mAh cm-2 at 120 °C". Protocol in current density and time, e.g. "(Charge at 0.2 mA/cm2 for 30 minutes; Discharge at
    /// 0.2 mA/cm2 for 30 minutes) x 100"; 1C is 0.1 mAh/cm² per hour. No specific capacities.
    /// </summary>
    public static CellPreset LiLiBH4Symmetric()
    {
        var sources = new List<PresetParameter>
        {
            new("Li.ocp", 0, "V", "Li metal: 0 V vs Li/Li+ by definition"),
            new("Li.exchangeCurrentDensity", 1.0, "mA/cm2", "ASSUMED 1 mA/cm² (no seed value); to be calibrated on a symmetric-cell overpotential"),
            new("separatorThickness", 500, "um", "ASSUMED 500 µm pressed LiBH4 pellet (not in the seed or the abstract of Unemoto et al. 2015)"),
            new("electrolyteConductivity120C", 1.0, "mS/cm", "review §2.1: LiBH4 high-temperature phase '> 10-3 S cm-1' (lower bound at 120 °C, ASSUMED)"),
            new("electrolyteActivationEnergy", 0.53, "eV", "review §2.1: 0.53 eV"),
            new("temperature", 120, "C", "review §2.2: symmetric cell at 120 °C"),
            new("currentDensity", 0.2, "mA/cm2", "review §2.2: '0.2 mA cm-2'"),
            new("arealCapacityPerHalfCycle", 0.1, "mAh/cm2", "review §2.2: '0.1 mAh cm-2' (defines 1C here)"),
            new("area", Area * 1e4, "cm2", "ASSUMED 10 mm pellet"),
        };
        PlanarElectrodeParameters Li(string name) => new() { Name = name, Ocp = OcpLibrary.Get("li-metal"), ExchangeCurrentDensityAPerM2 = 10 };
        var cell = new CellParameters
        {
            Name = "li-libh4-symmetric", Positive = Li("Li (working)"), Negative = Li("Li (counter)"), SeparatorThicknessM = 500e-6,
            Electrolyte = LiBH4HighTemperature, TemperatureK = K(120), AreaM2 = Area,
            NominalArealCapacityCPerM2 = 0.1 * CellUnits.CPerM2PerMAhPerCm2, ActiveLoadingKgPerM2 = 0,
        };
        return new CellPreset("li-libh4-symmetric", "Li | LiBH4 | Li symmetric stripping/plating cell, 120 °C", cell, -1, 1, sources);
    }
}
