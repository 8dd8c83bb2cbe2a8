using Borolyte.Cells.Design;
using Borolyte.Chemistry;
using Borolyte.Transport;

namespace Borolyte.Cells.Simulation;

/// <summary>
/// The seeds' cells as simulator inputs. Geometry and composition come from the design module (seed 004 loadings,
/// compositions, and the SI's Table S1: cast porosities, measured electrolyte ratios, pressed porosities); transport and kinetic
/// parameters the seeds do not give are CALIBRATED on the seed's cell results (<see cref="NaCrO2Calibration"/>,
/// <see cref="SnCalibration"/>), taken from the literature, or marked ASSUMED with the reasoning and how much they matter
/// (<see cref="ParameterSensitivity"/>).
/// </summary>
public static class CellPresets
{
    public static IReadOnlyList<string> Names { get; } = ["nacro2-half", "nacro2-half-97", "sn-half", "nacro2-sn-full", "na-symmetric",
        "tis2-libh4-li", "tis2-lcb-li", "nvopf-ncb-na", "li-libh4-symmetric"];

    // Seed 004's SI Table S1 rows of the two half-cell cathodes (first: the presets below read them).
    private static readonly SeedElectrodeCharacteristics Table95 = SeedCellDesigns.TableS1Row("NaCrO2", "95:2:3");
    private static readonly SeedElectrodeCharacteristics Table97 = SeedCellDesigns.TableS1Row("NaCrO2", "97:1:2");
    private static double MeasuredRatio(SeedElectrodeCharacteristics t) =>
        t.MeasuredElectrolyteToCompositeMassRatio ?? throw new InvalidOperationException("Table S1 gives no measured electrolyte for " + t.Composition);

    private const double Area = 1e-4 * Math.PI * 0.6 * 0.6 * 1.0;   // 12 mm punched electrodes (seed 004 §4.3: "four punched 12 mm electrode")
    private const double ThirtyC = 30 + PhysicalConstants.ZeroCelsiusK;   // seed 004 §4.4: cycled at 30 °C

    // Seed 004 §2: 1 mS/cm at 25 °C. Eₐ: Duchêne et al., Chem. Mater. 31 (2019) 3449 (gold-blocking EIS, −100…180 °C) for the same
    // compound Na2(B12H12)0.5(B10H10)0.5: "E a, σ low-T = 0.60 eV in regime II" (−50 to 70 °C), which holds the presets' 30 and 60 °C.
    private const double ElectrolyteEaEv = 0.60;
    private const string ElectrolyteEaSource = "Duchêne et al., Chem. Mater. 31 (2019) 3449 (gold-blocking EIS): Na2(B12H12)0.5(B10H10)0.5's apparent Eₐ of conductivity is 0.60 eV in its " +
        "regime II, −50 to 70 °C (0.34 eV above 70 °C), the range the presets' 30 and 60 °C lie in; the law is not valid above 70 °C";
    public static ArrheniusConductivity Na4B12B10 { get; } = ArrheniusConductivity.FromConventional(1e-3, 25, ElectrolyteEaEv);

    public static CellPreset Get(string name) => name.ToLowerInvariant() switch
    {
        "nacro2-half" => NaCrO2Half("nacro2-half", "95:2:3", 7.0, MeasuredRatio(Table95),
            "seed 004 §2: 95:2:3, 7.0 mg/cm², 17 wt% electrolyte (Fig. 3a–f; SI Table S1: 17 %)", Table95, ""),
        "nacro2-half-97" => NaCrO2Half("nacro2-half-97", "97:1:2", 7.7, MeasuredRatio(Table97),
            "seed 004 §2: 97:1:2, 7.7 mg/cm², 'about 15' wt% electrolyte (Fig. 3b, 3d; SI Table S1: 14.9 %)", Table97, ""),
        "sn-half" => SnHalf(),
        "nacro2-sn-full" => Full(),
        "na-symmetric" => NaSymmetric(),
        "tis2-libh4-li" => ReviewCellPresets.TiS2LiBH4Li(),
        "tis2-lcb-li" => ReviewCellPresets.TiS2LcbLi(),
        "nvopf-ncb-na" => ReviewCellPresets.NvopfNcbNa(),
        "li-libh4-symmetric" => ReviewCellPresets.LiLiBH4Symmetric(),
        _ => throw new InvalidInputException($"unknown cell preset '{name}'; presets: {string.Join(", ", Names)}"),
    };

    public static IEnumerable<CellPreset> All() => Names.Select(Get);

    /// <summary>λ from a retention after N full cycles of pure contact loss: f = exp(−λN) (DegradationParameters).</summary>
    public static double ContactLossRate(double retention, int cycles) => -Math.Log(retention) / cycles;

    /// <summary>
    /// s₀ and q_d of a parasitic fraction s = s₀·exp(−q/q_d) from the Coulombic efficiencies of the first two cycles, each
    /// passing Δ of q: lost share of cycle k = s₀·q_d·e^{−(k−1)Δ/q_d}·(1 − e^{−Δ/q_d})/Δ·c, so (1−CE₂)/(1−CE₁) = e^{−Δ/q_d}.
    /// <paramref name="chargePerSpan"/> c converts the lost share to the CE's denominator (1 when both are the same charge).
    /// </summary>
    public static (double InitialFraction, double DecayCapacities) DecayingFraction(double ce1, double ce2, double span, double chargePerSpan = 1)
    {
        double r = (1 - ce2) / (1 - ce1);
        double qd = -span / Math.Log(r);
        return ((1 - ce1) * span / chargePerSpan / (qd * (1 - r)), qd);
    }

    // Seed 004 Fig. 3f: 95.6 % (70 MPa) and 85.9 % (3 MPa) after 100 cycles at 0.5C ⇒ λ(70) and the pressure exponent (NaCrO2Calibration).
    private const double Lambda70 = NaCrO2Calibration.ContactLossPerCycleAt70MPa;
    private const double PressureExponent = NaCrO2Calibration.ContactLossPressureExponent;

    /// <summary>
    /// Hardness of the closo-borate electrolyte at the contacts, MPa: Tian, Xu &amp; Wang's model H_V = 0.92·k^1.137·G^0.708 (GPa),
    /// k = G/B (Int. J. Refract. Met. Hard Mater. 33 (2012) 93, eq. 8) with Na2B12H12's B = 17.3 GPa, G = 3.3 GPa as quoted by
    /// Brighi, Murgia &amp; Černý, Adv. Mater. Interfaces 9 (2022) 2101254, §2.1 (their ref. 13). An ESTIMATE: no measured hardness
    /// of Na4(B12H12)(B10H10) was found.
    /// </summary>
    public static double ElectrolyteHardnessMPa { get; } = 1000 * 0.92 * Math.Pow(3.3 / 17.3, 1.137) * Math.Pow(3.3, 0.708);

    /// <summary>f_w, ASSUMED: the infiltrated electrolyte wets most of the particle surface (seed 004 Fig. 2d, 'intimate mixture').</summary>
    public const double WettedContactFraction = 0.9;

    /// <summary>
    /// The charge spans the closed-form oxidation calibration needs, recomputed from the current model (not read once and
    /// pasted): nacro2-half without degradation, one 0.1C cycle in its window; the nominal capacities charged above the 3.0 V
    /// oxidation limit (OCP at the bulk stoichiometry, as the law's switch) and charged in total.
    /// </summary>
    public static (double AboveLimit, double Charged) OxidationSpans => oxidationSpans.Value;

    private static readonly Lazy<(double, double)> oxidationSpans = new(() =>
    {
        var cell = NaCrO2Half("nacro2-half", "95:2:3", 7.0, MeasuredRatio(Table95), "", Table95, "", degraded: false).Cell;
        var s = CellSimulation.Run(cell, Protocols.Protocol.Parse("Charge at 0.1C until 3.35 V; Discharge at 0.1C until 2.1 V; Charge at 0.1C until 3.35 V")).Series;
        double above = 0, total = 0;
        int lastStep = s.StepCount[^1];
        for (int i = 1; i < s.Count; i++)
        {
            if (s.StepCount[i] != lastStep || s.CurrentA[i] <= 0) continue;
            double q = s.CurrentA[i] * (s.TimeS[i] - s.TimeS[i - 1]);
            total += q;
            if (cell.Positive.Ocp.Evaluate(s.PositiveStoichiometry[i], OcpBranch.Extraction).U > 3.0) above += q;
        }
        double nominal = cell.NominalArealCapacityCPerM2 * cell.AreaM2;
        return (above / nominal, total / nominal);
    });

    // Seed 004 §2: NaCrO2 half cell CE 95.2 % then 99.0 %, attributed here (ASSUMPTION) to electrolyte oxidation above ~3 V vs Na
    // (review §2.2: "cycling up to ~3 V vs Na+/Na"): NaCrO2Calibration's simulated fit, started from the closed form with the spans above.

    private static DegradationParameters NaCrO2Degradation() => new()
    {
        StackPressureMPa = 70, ContactLossPerCycleAtReference = Lambda70, ContactLossReferencePressureMPa = 70, ContactLossPressureExponent = PressureExponent,
        WettedContactFraction = WettedContactFraction, ContactHardnessMPa = ElectrolyteHardnessMPa,
        OxidationLimitV = 3.0, OxidationInitialFraction = NaCrO2Calibration.OxidationInitialFraction, OxidationDecayCapacities = NaCrO2Calibration.OxidationDecayCapacities,
    };

    private static void DegradationSources(List<PresetParameter> sources, DegradationParameters d)
    {
        if (d.ContactLossPerCycleAtReference > 0)
        {
            sources.Add(new("degradation.stackPressure", d.StackPressureMPa, "MPa", "seed 004 §2: 70 MPa applied during cycling (3 MPa variant: --pressure-mpa 3)"));
            sources.Add(new("degradation.contactLossPerCycleAt70MPa", d.ContactLossPerCycleAtReference, "1/cycle", NaCrO2Calibration.ContactLossSource));
            sources.Add(new("degradation.contactLossPressureExponent", d.ContactLossPressureExponent, "1", NaCrO2Calibration.PressureExponentSource));
        }
        if (d.OxidationInitialFraction > 0)
        {
            sources.Add(new("degradation.oxidationLimit", d.OxidationLimitV, "V", "review (seed 000) §2.2: Na4(B12H12)(B10H10) 'cycling up to ~3 V vs Na+/Na'"));
            sources.Add(new("degradation.oxidationInitialFraction", d.OxidationInitialFraction, "1", NaCrO2Calibration.OxidationSource));
            sources.Add(new("degradation.oxidationDecay", d.OxidationDecayCapacities, "nominal capacities", "CALIBRATED as above"));
        }
        if (d.WettedContactFraction < 1)
        {
            sources.Add(new("degradation.wettedContactFraction", d.WettedContactFraction, "1", "ASSUMED: the infiltrated electrolyte wets most of the particle surface (seed 004 Fig. 2d); f_A(P) = f_w + (1 − f_w)·min(1, P/H) (Bowden & Tabor plastic contact)"));
            sources.Add(new("degradation.contactHardness", d.ContactHardnessMPa, "MPa", "ESTIMATED: Tian et al. 2012 hardness model from Na2B12H12's B = 17.3 GPa, G = 3.3 GPa (Brighi, Murgia & Černý, Adv. Mater. Interfaces 9 (2022) 2101254 §2.1)"));
            sources.Add(new("degradation.initialContactAreaFraction", d.InitialContactAreaFraction, "1", "f_A at the stack pressure (derived)"));
        }
        if (d.NegativeContactLossPerCycleAtReference > 0 || (d.SideReactionElectrode == CellSide.Negative && d.SideReactionGrowth > 0))
            sources.Add(new("degradation.negativeContactLossPerCycleAt70MPa", d.NegativeContactLossPerCycleAtReference, "1/cycle", SnCalibration.ContactLossSource));
        if (d.SideReactionInitialFraction > 0 || d.SideReactionGrowth > 0)
        {
            sources.Add(new("degradation.sideReactionInitialFraction", d.SideReactionInitialFraction, "1", SnCalibration.FormationSource));
            sources.Add(new("degradation.sideReactionDecay", d.SideReactionDecayCapacities, "theoretical capacities", SnCalibration.FormationSource));
            sources.Add(new("degradation.sideReactionGrowth", d.SideReactionGrowth, "sqrt(theoretical capacities)", SnCalibration.GrowthSource));
        }
    }

    /// <summary>Default activation energy of D_s, i₀ and 1/R_int where no measured value was found.</summary>
    public const double DefaultActivationEnergyEv = 0.3;
    private const string DefaultActivationEnergySource = "ASSUMED 0.3 eV (no value for this material and interface found): below the electrolyte's 0.4–0.7 eV; 0 eV switches the dependence off";

    private static double MolarMass(string formula) => Formula.Parse(formula).MolarMassKgPerMol;

    /// <summary>
    /// A NaCrO2 electrode as seed 004's SI Table S1 characterises the electrode of <paramref name="table"/>'s composition: its cast and
    /// pressed porosity, at ρ(NaCrO2) = 4.12 g/cm³ as the SI computes them.
    /// </summary>
    private static (CompositeElectrodeParameters Electrode, List<PresetParameter> Sources) NaCrO2Electrode(string composition, double loadingMgPerCm2, double electrolyteRatio,
        string quote, SeedElectrodeCharacteristics table, string tableNote)
    {
        var cast = SeedCellDesigns.NaCrO2HalfCellCathode(composition, loadingMgPerCm2, table.CastPorosity);
        var (e, sources) = Composite("NaCrO2", cast, electrolyteRatio, quote, string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"seed 004's SI Table S1 (reprinted in L. Duchêne's thesis, Univ. Geneva), its {table.Composition} electrode: porosity {table.CastPorosity * 100:0.0} % before infiltration, " +
            $"{table.PressedPorosity * 100:0.0} % after pressing, with ρ(NaCrO2) = 4.12 g/cm³ as the SI computes them{tableNote}"),
            table.PressedPorosity ?? throw new InvalidOperationException("Table S1 gives no pressed porosity for " + table.Composition),
            OcpLibrary.Get("nacro2"),
            maxConcentration: cast.Densities.ActiveKgPerM3 / MolarMass("NaCrO2"),
            radius: NaCrO2Calibration.ParticleRadiusM, radiusSource: NaCrO2Calibration.RadiusSource,
            diffusivity: NaCrO2Calibration.SolidDiffusivityM2PerS, diffusivitySource: NaCrO2Calibration.DiffusivitySource,
            i0: 1.0, i0Source: NaCrO2Calibration.ExchangeCurrentSource,
            rint: 0, rintSource: NaCrO2Calibration.InterfacialResistanceSource,
            initial: 1.0, initialSource: "as assembled: NaCrO2 fully sodiated (issue 5 §2)",
            diffusivityEa: NaCrO2Calibration.DiffusivityActivationEnergyEv, diffusivityEaSource: NaCrO2Calibration.ActivationEnergySource,
            kineticEa: NaCrO2Calibration.ChargeTransferActivationEnergyEv, kineticEaSource: NaCrO2Calibration.ActivationEnergySource);
        // PVDF coverage and contact patches (NaCrO2 only: the Sn composite's contact is lumped into its calibrated i₀ and D_s).
        e = e with { BinderCoverageLengthM = NaCrO2Calibration.BinderCoverageLengthM, ContactPatchRadiusM = NaCrO2Calibration.ContactPatchRadiusM };
        sources.Add(new("NaCrO2.binderCoverageLength", NaCrO2Calibration.BinderCoverageLengthM * 1e9, "nm", NaCrO2Calibration.BinderCoverageSource));
        sources.Add(new("NaCrO2.binderUncoveredFraction", e.BinderUncoveredFraction, "1", "exp(−δ/δ₀), δ = binder volume / particle surface (derived)"));
        sources.Add(new("NaCrO2.contactPatchRadius", NaCrO2Calibration.ContactPatchRadiusM * 1e6, "um", NaCrO2Calibration.ContactPatchSource));
        return (e, sources);
    }

    /// <summary>
    /// The simulator geometry of a designed electrode — thickness in the stack, active and electrolyte volume fractions
    /// (active mass / density / thickness, electrolyte mass / its density / thickness) — as the seed-004 presets convert
    /// the design module's electrodes. Public so that simulation specs and cell designs convert their electrodes the same way.
    /// </summary>
    public static (double ThicknessM, double ActiveVolumeFraction, double ElectrolyteVolumeFraction) DesignedGeometry(DesignedElectrode designed)
    {
        double t = designed.StackThicknessM;
        return (t, designed.Electrode.ActiveLoadingKgPerM2 / designed.Electrode.Densities.ActiveKgPerM3 / t,
            designed.ElectrolyteMassKgPerM2 / designed.ElectrolyteDensityKgPerM3 / t);
    }

    private static (CompositeElectrodeParameters Electrode, List<PresetParameter> Sources) Composite(string material, Electrode cast, double electrolyteRatio,
        string quote, string geometrySource, double pressedPorosity, OcpCurve ocp, double maxConcentration, double radius, string radiusSource, double diffusivity, string diffusivitySource,
        double i0, string i0Source, double rint, string rintSource, double initial, string initialSource,
        double diffusivityEa = DefaultActivationEnergyEv, string diffusivityEaSource = DefaultActivationEnergySource,
        double kineticEa = DefaultActivationEnergyEv, string kineticEaSource = DefaultActivationEnergySource)
    {
        var designed = new DesignedElectrode
        {
            Electrode = cast, Infiltration = SeedCellDesigns.PaperInfiltration,
            MeasuredElectrolyteToCompositeMassRatio = electrolyteRatio, PressedPorosity = pressedPorosity,
        };
        var (t, eAm, eSe) = DesignedGeometry(designed);
        const double sigma = 10;
        var p = new CompositeElectrodeParameters
        {
            Name = material, Ocp = ocp, ThicknessM = t, ActiveVolumeFraction = eAm, ElectrolyteVolumeFraction = eSe,
            ParticleRadiusM = radius, SolidDiffusivityM2PerS = diffusivity, MaxConcentrationMolPerM3 = maxConcentration,
            ElectronicConductivitySPerM = sigma, InitialStoichiometry = initial, ExchangeCurrentDensityAPerM2 = i0,
            InterfacialResistanceOhmM2 = rint, ContactAreaFraction = 1.0, ActiveLoadingKgPerM2 = cast.ActiveLoadingKgPerM2,
            BinderToActiveVolumeRatio = cast.BinderToActiveVolumeRatio,
            ParameterTemperatureK = ThirtyC, SolidDiffusivityActivationEnergyEv = diffusivityEa,
            ExchangeCurrentActivationEnergyEv = kineticEa, InterfacialResistanceActivationEnergyEv = kineticEa,
        };
        string m = material + ".";
        var sources = new List<PresetParameter>
        {
            new(m + "activeLoading", cast.ActiveLoadingKgPerM2 / CellUnits.KgPerM2PerMgPerCm2, "mg/cm2", quote),
            new(m + "thickness", t / CellUnits.MPerUm, "um", string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"design module: cast porosity {cast.Porosity:0.000}, electrolyte {electrolyteRatio:0.000} of the composite mass, pressed porosity {pressedPorosity:0.000}; {geometrySource}")),
            new(m + "activeVolumeFraction", eAm, "1", string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"design module (active mass / {cast.Densities.ActiveKgPerM3 / 1000:0.00} g/cm³ / pressed thickness)")),
            new(m + "electrolyteVolumeFraction", eSe, "1", "design module (measured electrolyte mass / 1.17 g/cm³ / pressed thickness)"),
            new(m + "bruggemanExponent", 1.5, "1", "Bruggeman, Ann. Phys. 416 (1935) 636 (spheres)"),
            new(m + "particleRadius", radius / CellUnits.MPerUm, "um", radiusSource),
            new(m + "solidDiffusivity", diffusivity, "m2/s", diffusivitySource),
            new(m + "maxConcentration", maxConcentration, "mol/m3", "the electrode's density / molar mass (the density its volume fraction uses, so the capacity is the loading's; IUPAC atomic weights)"),
            new(m + "exchangeCurrentDensity", i0 / CellUnits.APerM2PerMAPerCm2, "mA/cm2", i0Source),
            new(m + "interfacialResistance", rint * 1e4, "ohm cm2", rintSource),
            new(m + "contactAreaFraction", 1.0, "1", "before the pressure model: × f_A(P) of the degradation block (as-assembled contact at the stack pressure)"),
            new(m + "binderToActiveVolumeRatio", cast.BinderToActiveVolumeRatio, "1", $"composition {cast.Composition.Text} and the catalogue densities (PVDF 1.78 g/cm³)"),
            new(m + "parameterTemperature", 30, "C", "D_s, i₀ and R_int are given at the seed's cycling temperature (seed 004 §4.4: 30 °C)"),
            new(m + "solidDiffusivityActivationEnergy", diffusivityEa, "eV", diffusivityEaSource),
            new(m + "exchangeCurrentActivationEnergy", kineticEa, "eV", kineticEaSource),
            new(m + "interfacialResistanceActivationEnergy", kineticEa, "eV", rint == 0 ? "no effect: R_int = 0 (lumped into i₀, whose Eₐ applies)" : kineticEaSource),
            new(m + "electronicConductivity", sigma / 100, "S/cm", "ASSUMED 0.1 S/cm for a composite with 2–5 wt% Super P"),
            new(m + "initialStoichiometry", initial, "1", initialSource),
            new(m + "ocp", double.NaN, "", $"data/cells/ocp/{ocp.Name}.csv — {ocp.Source}"),
        };
        return (p, sources);
    }

    private static PlanarElectrodeParameters NaSnCounter(List<PresetParameter> sources)
    {
        sources.Add(new("NaSn.ocp", 0.1, "V", "seed 004 §2: 'Na-Sn alloy counter electrode (Na3Sn, ~0.1 V vs. Na/Na+)'"));
        double i0 = NaMetalExchangeCurrentDensityAPerM2;
        string bound = (i0 / CellUnits.APerM2PerMAPerCm2).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        sources.Add(new("NaSn.exchangeCurrentDensity", i0 / CellUnits.APerM2PerMAPerCm2, "mA/cm2",
            $"LITERATURE analogue (bound): the Na | Na4(B12H12)(B10H10) interface's i₀ ≥ {bound} mA/cm² from Duchêne et al., Chem. Commun. 53 (2017) 4195's " +
            "1.2 mV symmetric cell (preset na-symmetric, 60 °C), for the Na3Sn powder counter electrode pressed at 350 MPa against the same electrolyte (its contact area exceeds a foil's, " +
            "so the bound holds a fortiori); no activation energy, so the same at 30 °C. No i₀ of Na–Sn against the electrolyte was found"));
        return new PlanarElectrodeParameters
        {
            Name = "Na-Sn", Ocp = OcpLibrary.Get("na-sn-counter"), ExchangeCurrentDensityAPerM2 = i0,
        };
    }

    private static void CommonSources(List<PresetParameter> sources, double separatorUm)
    {
        sources.Add(new("separatorThickness", separatorUm, "um", "seed 004 §2: '<500-μm-thick Na4(B12H12)(B10H10) pellet' (upper bound used)"));
        sources.Add(new("electrolyteConductivity25C", 1.0, "mS/cm", "seed 004 abstract: '1 mS cm-1 at 25 °C'"));
        sources.Add(new("electrolyteActivationEnergy", ElectrolyteEaEv, "eV", ElectrolyteEaSource));
        sources.Add(new("temperature", 30, "C", "seed 004 §4.4: cycled at 30 °C"));
        sources.Add(new("area", Area * 1e4, "cm2", "12 mm punched electrodes (seed 004 §4.3); only absolute currents depend on it"));
    }

    /// <summary>
    /// A NaCrO2 | Na4(B12H12)(B10H10) | Na–Sn half cell of another composition, loading or electrolyte content, built as the
    /// seed presets are (design module, NaCrO2Calibration, PVDF coverage from the composition): a what-if, not a seed cell.
    /// </summary>
    public static CellPreset NaCrO2HalfCell(string composition, double loadingMgPerCm2, double electrolyteToCompositeMassRatio) =>
        NaCrO2Half($"nacro2-half {composition}", composition, loadingMgPerCm2, electrolyteToCompositeMassRatio,
            $"what-if: {composition}, {loadingMgPerCm2} mg/cm², electrolyte {electrolyteToCompositeMassRatio} of the composite mass (not a seed-004 cell)",
            Table95, " (a what-if: cast and pressed like the 95:2:3 electrode)");

    /// <summary>The Sn electrodes' pressed porosity: Table S1 gives none, so the text's 30–38 % of the NaCrO2 electrodes, midpoint (ASSUMED for Sn).</summary>
    private const double SnPressedPorosity = 0.34;

    private static CellPreset NaCrO2Half(string name, string composition, double loading, double ratio, string quote,
        SeedElectrodeCharacteristics table, string tableNote, bool degraded = true)
    {
        var (cathode, sources) = NaCrO2Electrode(composition, loading, ratio, quote, table, tableNote);
        var counter = NaSnCounter(sources);
        CommonSources(sources, 500);
        sources.Add(new("nominalCapacity", 120, "mAh/g", "seed 004: 0.1C = 0.084 mA/cm² at 7.0 mg/cm² (§2) ⇒ 120 mAh/g"));
        var cell = new CellParameters
        {
            Name = name, Positive = cathode, Negative = counter, SeparatorThicknessM = 500e-6, Electrolyte = Na4B12B10,
            TemperatureK = ThirtyC, AreaM2 = Area,
            NominalArealCapacityCPerM2 = CRate.ArealCapacityCPerM2(cathode.ActiveLoadingKgPerM2, 120 * CellUnits.CPerKgPerMAhPerG),
            ActiveLoadingKgPerM2 = cathode.ActiveLoadingKgPerM2, VoltageOffsetV = 0.1, Degradation = degraded ? NaCrO2Degradation() : DegradationParameters.None,
        };
        DegradationSources(sources, cell.Degradation);
        sources.Add(new("voltageOffset", 0.1, "V", "voltages vs Na/Na+ = cell voltage vs Na–Sn + 0.1 V, as seed 004 quotes its half-cell windows (§4.4) with a ~0.1 V Na–Sn counter (§2)"));
        // Seed 004 §4.4: 2.10–3.35 V (vs. Na/Na+) for NaCrO2 half cells.
        return new CellPreset(name, $"NaCrO2 ({composition}, {loading} mg/cm²) | Na4(B12H12)(B10H10) | Na–Sn half cell, 30 °C", cell, 2.10, 3.35, sources);
    }

    private static (CompositeElectrodeParameters, List<PresetParameter>) SnElectrode(double loading, string quote)
    {
        var densities = new ComponentDensities(CellMaterials.Get("Sn").DensityKgPerM3, CellMaterials.Get("PVDF").DensityKgPerM3, CellMaterials.Get("Super P").DensityKgPerM3);
        var cast = Electrode.FromPorosity("Sn", ElectrodeComposition.Parse("90:5:5"), densities, loading * CellUnits.KgPerM2PerMgPerCm2,
            LoadingBasis.ActiveMaterial, 634 * CellUnits.CPerKgPerMAhPerG, SeedCellDesigns.TableS1Row("Sn", "90:5:5").CastPorosity, CellMaterials.Get("Sn").TheoreticalCapacityCPerKg);
        // No measured electrolyte ratio for Sn in the seed text: the pores-only expectation of the design module is used.
        var designed = new DesignedElectrode { Electrode = cast, Infiltration = SeedCellDesigns.PaperInfiltration };
        double ratio = designed.Expected.ElectrolyteMassKgPerM2 / cast.CompositeLoadingKgPerM2;
        return Composite("Sn", cast, ratio, quote,
            "seed 004's SI Table S1: 'Sn 90:5:5 … 76.5 %' before infiltration; no pressed porosity for Sn (Table S1: '-'), so the text's 'around 30% to 38%' " +
            "of the NaCrO2 electrodes, midpoint 0.34 (ASSUMED for Sn); electrolyte from the pores-only expectation (no measured ratio for Sn)", SnPressedPorosity, OcpLibrary.Get("sn"),
            maxConcentration: 3.75 * CellMaterials.Get("Sn").DensityKgPerM3 / MolarMass("Sn"),
            radius: 5e-6, radiusSource: "seed 004 §2/§4.3: 'Sn metal (Sigma-Aldrich, 10 μm)' ⇒ 5 µm radius",
            diffusivity: SnCalibration.SolidDiffusivityM2PerS, diffusivitySource: SnCalibration.DiffusivitySource,
            i0: SnCalibration.ExchangeCurrentDensityAPerM2, i0Source: SnCalibration.ExchangeCurrentSource,
            rint: 0, rintSource: SnCalibration.InterfacialResistanceSource,
            initial: 0.0, initialSource: "as assembled: pristine Sn",
            diffusivityEa: SnCalibration.DiffusivityActivationEnergyEv, diffusivityEaSource: SnCalibration.DiffusivityActivationEnergySource);
    }

    /// <summary>Sn in its half cell: it is the positive electrode there, so its contact loss and sodium loss act on the positive.</summary>
    internal static DegradationParameters SnHalfDegradation() => new()
    {
        StackPressureMPa = 70, ContactLossReferencePressureMPa = 70, ContactLossPressureExponent = PressureExponent,
        ContactLossPerCycleAtReference = SnCalibration.ContactLossPerCycle,
        WettedContactFraction = WettedContactFraction, ContactHardnessMPa = ElectrolyteHardnessMPa,
        SideReactionElectrode = CellSide.Positive, SideReactionInitialFraction = SnCalibration.FormationInitialFraction,
        SideReactionDecayCapacities = SnCalibration.FormationDecayCapacities, SideReactionGrowth = SnCalibration.Growth,
    };

    /// <summary>
    /// The full cell: NaCrO2's mechanisms as in its half cell; at the Sn anode the Sn half cell's formation and particle
    /// isolation (which now traps inventory: no counter-electrode reservoir) and the continued growth B calibrated on the full cell.
    /// </summary>
    internal static DegradationParameters FullDegradation() => NaCrO2Degradation() with
    {
        NegativeContactLossPerCycleAtReference = SnCalibration.ContactLossPerCycle,
        SideReactionElectrode = CellSide.Negative, SideReactionInitialFraction = SnCalibration.FormationInitialFraction,
        SideReactionDecayCapacities = SnCalibration.FormationDecayCapacities, SideReactionGrowth = SnCalibration.Growth,
    };

    private static CellPreset SnHalf()
    {
        var (sn, sources) = SnElectrode(1.2, "seed 004's SI, Table S1 (reprinted in L. Duchêne's thesis, Univ. Geneva): its one tin electrode, 'Sn 90:5:5 1.2' mg cm-2 active material, " +
            "the full cell's (seed 004 §2: 'Sn (90:5:5, 1.2 mg cm-2)'); the seed text itself does not give the half cell's loading");
        var counter = NaSnCounter(sources);
        CommonSources(sources, 500);
        sources.Add(new("nominalCapacity", 634, "mAh/g", "seed 004 §2: Sn|Na-Sn 'discharge capacity then reaches 634 mA h g-1'"));
        var cell = new CellParameters
        {
            Name = "sn-half", Positive = sn, Negative = counter, SeparatorThicknessM = 500e-6, Electrolyte = Na4B12B10,
            TemperatureK = ThirtyC, AreaM2 = Area,
            NominalArealCapacityCPerM2 = CRate.ArealCapacityCPerM2(sn.ActiveLoadingKgPerM2, 634 * CellUnits.CPerKgPerMAhPerG),
            ActiveLoadingKgPerM2 = sn.ActiveLoadingKgPerM2, VoltageOffsetV = 0.1,
            Degradation = SnHalfDegradation(),
        };
        DegradationSources(sources, cell.Degradation);
        sources.Add(new("degradation.contactLossPerCycle", cell.Degradation.ContactLossPerCycleAtReference, "1/cycle", SnCalibration.ContactLossSource));
        sources.Add(new("voltageOffset", 0.1, "V", "voltages vs Na/Na+ = cell voltage vs Na–Sn + 0.1 V, as seed 004 quotes its half-cell windows (§4.4) with a ~0.1 V Na–Sn counter (§2)"));
        // Seed 004 §4.4: 0.01–2.00 V (vs. Na/Na+) for Sn electrodes.
        return new CellPreset("sn-half", "Sn (90:5:5, 1.2 mg/cm²) | Na4(B12H12)(B10H10) | Na–Sn half cell, 30 °C", cell, 0.01, 2.00, sources);
    }

    /// <summary>Duchêne et al., Chem. Commun. 53 (2017) 4195: the Na symmetric cell's "combined over-potential reaching a maximum of 1.2 mV" at 0.1 mA/cm², 60 °C, V.</summary>
    public const double NaSymmetricMaximumOverpotentialV = 1.2e-3;

    private const double NaSymmetricCurrentDensityAPerM2 = 1.0;   // ±100 µA/cm² (Duchêne et al. 2017; review §2.2)
    private const double NaSymmetricSeparatorM = 500e-6;
    private const double NaSymmetricTemperatureK = 60 + PhysicalConstants.ZeroCelsiusK;

    /// <summary>The symmetric cell's separator drop j·L/κ(60 °C), V.</summary>
    private static double NaSymmetricSeparatorDropV => NaSymmetricCurrentDensityAPerM2 * NaSymmetricSeparatorM / Na4B12B10.ConductivitySPerM(NaSymmetricTemperatureK);

    /// <summary>What the separator's drop leaves of the symmetric cell's 1.2 mV maximum, per interface, V.</summary>
    private static double NaSymmetricInterfaceOverpotentialV => (NaSymmetricMaximumOverpotentialV - NaSymmetricSeparatorDropV) / 2;

    /// <summary>
    /// i₀ of Na metal against Na4(B12H12)(B10H10), A/m²: Duchêne et al., Chem. Commun. 53 (2017) 4195 (the review's cell) measured at
    /// ±100 µA/cm² and 60 °C "a low combined over-potential reaching a maximum of 1.2 mV". What the 500 µm separator's j·L/κ leaves is
    /// shared by the two interfaces, each η = (2RT/F)·asinh(j/(2i₀)) (α = ½), so i₀ = j / (2·sinh(F·η/(2RT))): a lower bound (a lower i₀
    /// would exceed 1.2 mV). The na-symmetric preset's, and the analogue for the seed half cells' Na–Sn counter electrode.
    /// </summary>
    public static double NaMetalExchangeCurrentDensityAPerM2 => NaSymmetricCurrentDensityAPerM2 /
        (2 * Math.Sinh(PhysicalConstants.FaradayCPerMol * NaSymmetricInterfaceOverpotentialV / (2 * PhysicalConstants.GasConstantJPerMolK * NaSymmetricTemperatureK)));

    /// <summary>
    /// Na | Na4(B12H12)(B10H10) | Na symmetric cell of the review (seed 000 §2.2): "galvanostatic stripping/plating at
    /// 0.1 mA cm-2 and 1.2 mAh cm-2 at 60 °C". Protocol in current density and hours, e.g.
    /// "(Charge at 0.1 mA/cm2 for 12 hours; Discharge at 0.1 mA/cm2 for 12 hours) x 10"; no specific capacities.
    /// </summary>
    private static CellPreset NaSymmetric()
    {
        var sources = new List<PresetParameter>
        {
            new("Na.ocp", 0, "V", "Na metal: 0 V vs Na/Na+ by definition"),
            new("separatorThickness", 500, "um", "literature analogue: the same group's pellets of this electrolyte (Duchêne et al., Energy Environ. Sci. 10 (2017) 2609: " +
                "'a 500 μm thick pellet with a diameter of 12 mm'; seed 004: '<500-μm-thick'); the symmetric cell's own thickness is not in the text (Chem. Commun. 2017 leaves it to its ESI, not retrieved)"),
            new("electrolyteConductivity25C", 1.0, "mS/cm", "seed 004 abstract: '1 mS cm-1 at 25 °C'"),
            new("electrolyteActivationEnergy", ElectrolyteEaEv, "eV", ElectrolyteEaSource),
            new("temperature", 60, "C", "review (seed 000) §2.2: symmetric cell at 60 °C"),
            new("arealCapacityPerHalfCycle", 1.2, "mAh/cm2", "review §2.2: '0.1 mA cm-2 and 1.2 mAh cm-2' (defines 1C here)"),
            new("area", Area * 1e4, "cm2", "literature analogue: the same group's 12 mm pellet (Duchêne et al., Energy Environ. Sci. 10 (2017) 2609) and seed 004's 12 mm electrodes; only absolute currents depend on it"),
        };
        double i0 = NaMetalExchangeCurrentDensityAPerM2;
        sources.Insert(1, new("Na.exchangeCurrentDensity", i0 / CellUnits.APerM2PerMAPerCm2, "mA/cm2", string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"LITERATURE (bound): Duchêne et al., Chem. Commun. 53 (2017) 4195: Na | Na2(B12H12)0.5(B10H10)0.5 | Na at ±100 µA cm−2, 60 °C, 'a low combined over-potential " +
            $"reaching a maximum of 1.2 mV'; the separator's {NaSymmetricSeparatorDropV * 1e3:0.00} mV (500 µm, κ(60 °C)) leaves {NaSymmetricInterfaceOverpotentialV * 1e3:0.00} mV per interface")));
        PlanarElectrodeParameters Na(string name) => new() { Name = name, Ocp = OcpLibrary.Get("na-metal"), ExchangeCurrentDensityAPerM2 = i0 };
        var cell = new CellParameters
        {
            Name = "na-symmetric", Positive = Na("Na (working)"), Negative = Na("Na (counter)"), SeparatorThicknessM = NaSymmetricSeparatorM, Electrolyte = Na4B12B10,
            TemperatureK = NaSymmetricTemperatureK, AreaM2 = Area,
            NominalArealCapacityCPerM2 = 1.2 * CellUnits.CPerM2PerMAhPerCm2, ActiveLoadingKgPerM2 = 0,
        };
        return new CellPreset("na-symmetric", "Na | Na4(B12H12)(B10H10) | Na symmetric stripping/plating cell, 60 °C", cell, -1, 1, sources);
    }

    private static CellPreset Full()
    {
        var (cathode, sources) = NaCrO2Electrode("97:1:2", 5.6, MeasuredRatio(Table97), "seed 004 §2: 'infiltrated NaCrO2 (97:1:2, 5.6 mg cm-2) cathode'",
            Table97, " (the 7.7 mg/cm² half-cell electrode of the same composition, and its measured 14.9 % electrolyte: the full cell's 5.6 mg/cm² cathode is not in Table S1)");
        var (anode, anodeSources) = SnElectrode(1.2, "seed 004 §2: 'infiltrated Sn (90:5:5, 1.2 mg cm-2) anode'");
        sources.AddRange(anodeSources);
        CommonSources(sources, 500);
        sources.Add(new("nominalCapacity", 120, "mAh/g", "seed 004 §2: '0.1C (based on the cathode capacity)', 120 mAh/g NaCrO2"));
        var cell = new CellParameters
        {
            Name = "nacro2-sn-full", Positive = cathode, Negative = anode, SeparatorThicknessM = 500e-6, Electrolyte = Na4B12B10,
            TemperatureK = ThirtyC, AreaM2 = Area,
            NominalArealCapacityCPerM2 = CRate.ArealCapacityCPerM2(cathode.ActiveLoadingKgPerM2, 120 * CellUnits.CPerKgPerMAhPerG),
            ActiveLoadingKgPerM2 = cathode.ActiveLoadingKgPerM2,
            Degradation = FullDegradation(),
        };
        DegradationSources(sources, cell.Degradation);
        // Seed 004 §4.4: full cells 'cycled between 1.5 and 3.3 V at 30 °C'.
        return new CellPreset("nacro2-sn-full", "NaCrO2 (97:1:2, 5.6 mg/cm²) | Na4(B12H12)(B10H10) | Sn (90:5:5, 1.2 mg/cm²) full cell, 30 °C", cell, 1.5, 3.3, sources);
    }
}
