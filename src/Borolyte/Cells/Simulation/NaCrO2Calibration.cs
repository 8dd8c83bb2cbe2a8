namespace Borolyte.Cells.Simulation;

/// <summary>
/// The NaCrO2 electrode's transport and kinetic parameters (seed 004 gives none, only cell results): what is CALIBRATED on the
/// seed's rate numbers (<see cref="SeedCellFits.NaCrO2Diffusivity"/>, re-run by the tests), what is taken from the literature
/// for an analogous layered sodium oxide, and what stays ASSUMED, with how much it matters (<see cref="ParameterSensitivity"/>).
/// </summary>
public static class NaCrO2Calibration
{
    /// <summary>D_s of Na in NaCrO2 at 30 °C, m²/s, for <see cref="ParticleRadiusM"/> (<see cref="SeedCellFits.NaCrO2Diffusivity"/>).</summary>
    public const double SolidDiffusivityM2PerS = 1.356e-15;
    /// <summary>Particle radius, m: ASSUMED; the calibrated D_s belongs to it (the rate data fix the diffusion time R²/D_s).</summary>
    public const double ParticleRadiusM = 2e-6;

    /// <summary>
    /// δ₀ of the PVDF coverage law exp(−δ/δ₀), m: CALIBRATED jointly with D_s (<see cref="SeedCellFits.NaCrO2Diffusivity"/>) — two
    /// parameters, two numbers, so exactly determined (no 1σ). The paper's explanation of Fig. 3d: the lower binder content improves
    /// the ionic contact between particles.
    /// </summary>
    public const double BinderCoverageLengthM = 41.57 * 1e-9;   // written as a spec converts its nm (the same double)
    /// <summary>Radius of the contact patches, m: ASSUMED (a quarter of the assumed particle radius); with uniform contact the binder could not change a diffusion-limited 5C capacity.</summary>
    public const double ContactPatchRadiusM = 0.5e-6;

    /// <summary>
    /// Activation energies of D_s and of the charge transfer (i₀ and 1/R_int), eV, from the layered sodium oxide NaxCoO2
    /// (EIS, 303–349 K, 0.54 ≤ x ≤ 0.85): Eₐ(D) 0.32–0.51 eV and Eₐ(R_ct) 0.34–0.59 eV; the midpoints of those ranges.
    /// </summary>
    public const double DiffusivityActivationEnergyEv = 0.415;
    public const double ChargeTransferActivationEnergyEv = 0.465;

    private const string NaxCoO2 = "'Sodium ion diffusion in layered NaxCoO2', Appl. Phys. Express 6 (2013) 097101 (EIS, 303–349 K, 0.54 ≤ x ≤ 0.85)";

    public const string DiffusivitySource = "CALIBRATED 1.36e-15 m²/s jointly with the binder coverage length δ₀ (SeedCellFits.NaCrO2Diffusivity, presets with their as-assembled contact, one D_s and one δ₀ for both cathodes of " +
        "the same powder and binder; exactly determined, no 1σ) on seed 004 §2 / Fig. 3d: 5C retention vs 0.1C 57.5 % (95:2:3, 7.0 mg/cm²) and 67.4 % (97:1:2, 7.7 mg/cm²); for the assumed 2 µm radius " +
        "and 0.5 µm contact patches. Inside the literature range for the analogous layered NaxCoO2: (0.7–1.9)·10⁻¹¹ cm²/s = (0.7–1.9)·10⁻¹⁵ m²/s at 303 K, " + NaxCoO2;
    public const string RadiusSource = "ASSUMED 2 µm, an agglomerate: the seed gives only '< 100 µm' sieved powder (§4.1); the same group's NaCrO2 from the same precursors at 900 °C " +
        "(ball-milled, not pelletised) has 'primary particles … between 200 and 400 nm by SEM', agglomerated (Duchêne et al., Energy Environ. Sci. 10 (2017) 2609); the seed's own route's size is not stated. " +
        "The calibrated D_s belongs to this radius (the rate data fix R²/D_s), and R also sets the kinetic surface 3ε/R (sensitivity in the demo's 'assumed parameters' table)";
    public const string ExchangeCurrentSource = "LITERATURE (by its resistance): 0.1 mA/cm² per contact area gives nacro2-half a charge-transfer resistance RT/(F·i₀·S) = 24.3 Ω cm² per electrode area " +
        "(S = a·L·f_A·binder-free share = 10.7 cm²/cm²; nacro2-half-97: 14.8 Ω cm²), the 'cathode-electrolyte interfacial resistance of only 25 Ω cm2 after cold pressing at 70 MPa' of " +
        "NaCrO2 | Na4(B12H12)(B10H10) (Bay, Grissa, Egorov, Asakura, Battaglia, Materials Futures 1 (2022) 031001, abstract; its electrode's loading and composition not retrieved). " +
        "Not identifiable from seed 004's numbers (the 5C retention moves by a few points per decade of i₀; the demo's sensitivity table)";
    /// <summary>Bay et al., Materials Futures 1 (2022) 031001: NaCrO2 | Na4(B12H12)(B10H10) "interfacial resistance of only 25 Ω cm2 after cold pressing at 70 MPa".</summary>
    public const double PublishedInterfacialResistanceOhmCm2 = 25;
    public const string InterfacialResistanceSource = "0: an interphase film resistance is lumped into the charge transfer (in the linear Butler–Volmer regime R_ct = RT/(F·i₀) " +
        "and a film resistance act alike on rate data); seed 004 §2 finds the NaCrO2 interface stable ('intimate ionic contacts … maintained upon cycling')";
    public const string BinderCoverageSource = "CALIBRATED 41.6 nm jointly with D_s (exactly determined: two parameters, two numbers) on seed 004 §2 / Fig. 3d (5C retention 57.5 % for 95:2:3, 67.4 % for 97:1:2, " +
        "'attributed to the lower binder content improving ionic contact between the … particles'); law: random (Poisson) binder patches leave exp(−δ/δ₀) of the surface free, δ = binder volume / particle surface";
    public const string ContactPatchSource = "ASSUMED 0.5 µm (a quarter of the assumed 2 µm radius): the charge enters through contact patches, whose spreading resistance (Carslaw & Jaeger disc, " +
        "Cooper–Mikic–Yovanovich alleviation (1 − √f)^1.5) makes a diffusion-limited capacity depend on the contact fraction; no measured patch size (sensitivity in the demo)";
    /// <summary>
    /// λ of the contact loss at 70 MPa per full-cycle equivalent and its pressure exponent m (λ(P) = λ₇₀·(70/P)^m):
    /// <see cref="SeedCellFits.NaCrO2ContactLoss"/> on seed 004 Fig. 3f's 95.6 % (70 MPa) and 85.9 % (3 MPa) after 100 cycles at 0.5C,
    /// simulated (exactly determined, so no 1σ); the closed form f = exp(−λN) is its start (4.50·10⁻⁴, 0.386).
    /// </summary>
    public const double ContactLossPerCycleAt70MPa = 4.765e-4, ContactLossPressureExponent = 0.4035;
    public const string ContactLossSource = "CALIBRATED (SeedCellFits.NaCrO2ContactLoss, simulated, exactly determined) with the pressure exponent on seed 004 Fig. 3f: 95.6 % after 100 cycles at 0.5C and 70 MPa, 85.9 % at 3 MPa";
    public const string PressureExponentSource = "CALIBRATED with λ₇₀ (SeedCellFits.NaCrO2ContactLoss) on 85.9 % at 3 MPa (seed 004 Fig. 3f); the power law λ ∝ P^−m is ASSUMED";

    /// <summary>
    /// s₀ and q_d (nominal capacities) of the passivating electrolyte oxidation above 3.0 V: <see cref="SeedCellFits.NaCrO2Oxidation"/> on
    /// the half cell's CE 95.2 % and 99.0 % (seed 004 §2), simulated (exactly determined); the closed form is its start.
    /// </summary>
    public const double OxidationInitialFraction = 0.0918, OxidationDecayCapacities = 0.5558;
    public const string OxidationSource = "CALIBRATED (SeedCellFits.NaCrO2Oxidation, simulated, exactly determined; the closed form with CellPresets.OxidationSpans is its start) on the NaCrO2 half cell's CE 95.2 % → 99.0 % (seed 004 §2); attributing it to oxidation is ASSUMED";

    public const string ActivationEnergySource = "literature, analogous layered Na oxide: Eₐ(D) 0.32–0.51 eV, Eₐ(R_ct) 0.34–0.59 eV for NaxCoO2, midpoints used, " + NaxCoO2;
}
