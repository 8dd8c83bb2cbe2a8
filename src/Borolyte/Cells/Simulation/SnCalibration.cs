namespace Borolyte.Cells.Simulation;

/// <summary>
/// The Sn electrode's CALIBRATED parameters (seed 004 gives no transport or side-reaction numbers for Sn, only cell results),
/// the numbers each was fitted to, and their 1σ (in ln p). The fits are <see cref="SeedCellFits"/>; the tests re-run the cheap
/// one and re-simulate the others' targets, and fail when the current model no longer reproduces the stored values.
/// </summary>
public static class SnCalibration
{
    /// <summary>D_s of Na in the Na–Sn alloy, m²/s, and i₀ per contact area, A/m² (<see cref="SeedCellFits.SnTransport"/>).</summary>
    public const double SolidDiffusivityM2PerS = 3.71e-16;
    public const double SolidDiffusivityStandardErrorLn = 0.045;
    public const double ExchangeCurrentDensityMAPerCm2 = 0.0442;
    /// <summary>The same in A/m², converted as a simulation spec converts its mA/cm² (so the YAML example gives the same number).</summary>
    public static double ExchangeCurrentDensityAPerM2 => ExchangeCurrentDensityMAPerCm2 * Design.CellUnits.APerM2PerMAPerCm2;
    public const double ExchangeCurrentDensityStandardErrorLn = 0.060;
    /// <summary>s₀ and q_d of a separate interphase formation: not needed (with B, the fit of s₀ runs to its lower bound).</summary>
    public const double FormationInitialFraction = 0;
    public const double FormationDecayCapacities = 1;
    /// <summary>B of the continued (√q) interphase growth at Sn (<see cref="SeedCellFits.FullGrowth"/>).</summary>
    public const double Growth = 0.1057;
    public const double GrowthStandardErrorLn = 0.0002;
    /// <summary>λ of the Sn particles' isolation per full-cycle equivalent: the fit runs to zero (<see cref="SeedCellFits.SnContactLoss"/>), so it is off.</summary>
    public const double ContactLossPerCycle = 0;

    public const string DiffusivitySource = "CALIBRATED 3.71e-16 m²/s (1σ ×/÷ 1.05), jointly with i₀, degradation off (SeedCellFits.SnTransport), on seed 004 §2: Sn half cell's " +
        "2nd-cycle 0.1C sodiation 634 mAh/g (fit 635), the full cell's 1C retention ≈ 34 % (Fig. S5a text; fit 34.0 %) and its 2nd-cycle voltage efficiency " +
        "EE/CE = 84.9 %/95.8 % = 88.6 % (fit 86.3 %). The 0.01 V cut-off lies 40–60 mV below Sn's last plateau, so " +
        "the capacity below Na15Sn4's 847 mAh/g is kinetic (seed 004: 'poor kinetics of sodium insertion and disinsertion in Sn'; Na–Sn sodiation is " +
        "diffusion-controlled: Park et al., Nano Energy 65 (2019) 104041). In the range of GITT values for Sn-based Na anodes (10⁻¹⁰–10⁻¹⁵ cm²/s, e.g. Energies 17 (2024) 3233)";
    public const string ExchangeCurrentSource = "CALIBRATED 0.0442 mA/cm² per contact area (1σ ×/÷ 1.06), jointly with D_s (SeedCellFits.SnTransport; see the diffusivity's source)";
    public const string FormationSource = "CALIBRATED to zero: fitting s₀, q_d on the Sn half cell's CE 84.3 % / 97.0 % with the growth law present drives s₀ to its bound (the √q law and the Na left in Sn's cores already give 81.5 % / 95.6 %)";
    public const string GrowthSource = "CALIBRATED 0.1057 (1σ ×/÷ 1.0002) with cell calibrate --cycles on seed 004 §2: full cell 47.4 % of the first 0.2C discharge after 50 cycles at 0.2C (fit 47.4 %); " +
        "law: diffusion-limited interphase growth, lost charge B·(√(q+0.1) − √0.1) (Pinson & Bazant, J. Electrochem. Soc. 160 (2013) A243)";
    public const string ContactLossSource = "CALIBRATED to zero: fitted on the Sn half cell's 92.1 % after 50 cycles at 0.2C (seed 004 §2) it runs to its bound, because the model already fades more (79 %) from Na left in the cores";
}
