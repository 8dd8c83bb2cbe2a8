namespace Borolyte.Transport;

/// <summary>
/// Classical hopping model of the review's §3.1, eq. 1–2 (in the form of Bachman et al., Chem. Rev. 116 (2016) 140,
/// eq. 3–4, the review's ref. 145; the seed text lost the typeset equations):
/// σ(T) = (σ₀/T)·exp(−Eₐ/k_BT), σ₀ = z·n·(Ze)²·a₀²·ν₀/k_B · exp(ΔS_m/k_B).
/// z geometric/correlation factor (≤ 1), n carrier density, Ze carrier charge, a₀ jump distance, ν₀ jump frequency,
/// ΔS_m migration entropy. SI inside: σ₀ in S·K/m.
/// </summary>
public sealed record HoppingConductivity(double GeometricFactor, double CarrierDensityPerM3, int ChargeNumber, double JumpDistanceM,
    double JumpFrequencyHz, double ActivationEnergyEv, double MigrationEntropyOverKb = 0)
{
    /// <summary>σ₀ in S·K/m (eq. 2).</summary>
    public double PrefactorSKPerM =>
        GeometricFactor * CarrierDensityPerM3 * Math.Pow(ChargeNumber * PhysicalConstants.ElementaryChargeC, 2) * JumpDistanceM * JumpDistanceM
        * JumpFrequencyHz / PhysicalConstants.BoltzmannJPerK * Math.Exp(MigrationEntropyOverKb);

    /// <summary>σ(T) in S/m (eq. 1).</summary>
    public double ConductivitySPerM(double temperatureK)
    {
        if (!(temperatureK > 0)) throw new InvalidInputException($"temperature must be positive, got {temperatureK} K");
        return PrefactorSKPerM / temperatureK * Math.Exp(-ActivationEnergyEv / (PhysicalConstants.BoltzmannEvPerK * temperatureK));
    }

    /// <summary>Inverts eq. 2: the jump frequency ν₀ that gives a measured prefactor σ₀ (S·K/m) for the other parameters.</summary>
    public static double JumpFrequencyFromPrefactor(double prefactorSKPerM, double geometricFactor, double carrierDensityPerM3, int chargeNumber,
        double jumpDistanceM, double migrationEntropyOverKb = 0)
    {
        double unit = new HoppingConductivity(geometricFactor, carrierDensityPerM3, chargeNumber, jumpDistanceM, 1.0, 0, migrationEntropyOverKb).PrefactorSKPerM;
        if (!(unit > 0)) throw new InvalidInputException("geometric factor, carrier density and jump distance must be positive");
        return prefactorSKPerM / unit;
    }
}
