namespace Borolyte.Transport.Nmr;

/// <summary>
/// Bloembergen–Purcell–Pound (BPP) dipolar spin–lattice relaxation for a thermally activated jump process
/// (N. Bloembergen, E.M. Purcell, R.V. Pound, Phys. Rev. 73 (1948) 679; the form used for hydroborates in the review's
/// §2.1 and its refs. 63, 65, 71): R₁(T, ω) = C·[τ/(1 + ω²τ²) + 4τ/(1 + 4ω²τ²)] with the Arrhenius correlation time
/// τ = τ₀·exp(Eₐ/k_BT) and ω = 2π·ν_Larmor. C (s⁻²) is the dipolar coupling strength (the motion-induced change of the
/// second moment); τ⁻¹ is the jump rate. SI inside: s, s⁻¹, rad/s, K; Eₐ in eV as the review states it.
/// </summary>
public static class BppRelaxation
{
    /// <summary>
    /// ωτ at the R₁ maximum. With x = ωτ, d/dτ of τ/(1+x²) + 4τ/(1+4x²) vanishes where
    /// (1−x²)/(1+x²)² + 4(1−4x²)/(1+4x²)² = 0, i.e. for u = x² the real positive root of 32u³ + 20u² + u − 5 = 0
    /// (derived in docs/transport.md); x = 0.6158… The review's "ωτ ≈ 1" is this condition rounded.
    /// </summary>
    public static readonly double PeakOmegaTau = Math.Sqrt(PeakCubicRoot());

    private static double PeakCubicRoot()
    {
        // Newton on 32u³ + 20u² + u − 5 (monotonic for u > 0, one positive root).
        double u = 0.4;
        for (int i = 0; i < 60; i++)
        {
            double f = ((32 * u + 20) * u + 1) * u - 5, df = (96 * u + 40) * u + 1;
            u -= f / df;
        }
        return u;
    }

    /// <summary>Angular frequency ω = 2πν in rad/s from a Larmor frequency in Hz.</summary>
    public static double AngularFrequency(double larmorHz) => 2 * Math.PI * larmorHz;

    /// <summary>τ = τ₀·exp(Eₐ/k_BT) in s (review §2.1: "the temperature dependence of the jump rates τ⁻¹ follows the Arrhenius law").</summary>
    public static double CorrelationTime(double tau0S, double activationEnergyEv, double temperatureK) =>
        tau0S * Math.Exp(activationEnergyEv / (PhysicalConstants.BoltzmannEvPerK * temperatureK));

    /// <summary>The BPP spectral sum J(ω, τ) = τ/(1 + ω²τ²) + 4τ/(1 + 4ω²τ²) in s (BPP 1948, eq. for the dipolar T₁).</summary>
    public static double SpectralSum(double omega, double tau)
    {
        double a = omega * tau;
        return tau / (1 + a * a) + 4 * tau / (1 + 4 * a * a);
    }

    /// <summary>τ·∂J/∂τ = τ(1 − ω²τ²)/(1 + ω²τ²)² + 4τ(1 − 4ω²τ²)/(1 + 4ω²τ²)² (for the analytic Jacobian).</summary>
    public static double SpectralSumLogDerivative(double omega, double tau)
    {
        double a2 = omega * omega * tau * tau;
        return tau * (1 - a2) / ((1 + a2) * (1 + a2)) + 4 * tau * (1 - 4 * a2) / ((1 + 4 * a2) * (1 + 4 * a2));
    }

    /// <summary>R₁ = C·J(ω, τ) in s⁻¹.</summary>
    public static double Rate(double couplingPerS2, double omega, double tau) => couplingPerS2 * SpectralSum(omega, tau);

    /// <summary>
    /// Temperature of the R₁ maximum of one process at one Larmor frequency: ωτ(T) = <see cref="PeakOmegaTau"/> ⇒
    /// T = Eₐ / (k_B·ln(x*/(ωτ₀))). NaN when the condition cannot be met (x*/(ωτ₀) ≤ 1 or Eₐ ≤ 0).
    /// </summary>
    public static double PeakTemperatureK(double tau0S, double activationEnergyEv, double larmorHz)
    {
        double l = Math.Log(PeakOmegaTau / (AngularFrequency(larmorHz) * tau0S));
        return l > 0 && activationEnergyEv > 0 ? activationEnergyEv / (PhysicalConstants.BoltzmannEvPerK * l) : double.NaN;
    }
}
