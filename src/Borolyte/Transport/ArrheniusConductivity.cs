namespace Borolyte.Transport;

/// <summary>
/// Arrhenius conductivity σ(T) = σ₀·exp(−Eₐ/(k_B·T)) (review §2.1: "assuming … the Arrhenius law"), written through a
/// reference point: σ(T) = σ_ref·exp(−Eₐ/k_B·(1/T − 1/T_ref)). SI inside: S/m, K, J.
/// </summary>
public sealed record ArrheniusConductivity(double ReferenceConductivitySPerM, double ReferenceTemperatureK, double ActivationEnergyJ) : IConductivityModel
{
    public static ArrheniusConductivity FromConventional(double conductivitySPerCm, double temperatureC, double activationEnergyEv)
    {
        if (!(conductivitySPerCm > 0)) throw new ArgumentOutOfRangeException(nameof(conductivitySPerCm), "conductivity must be positive");
        if (!(activationEnergyEv >= 0)) throw new ArgumentOutOfRangeException(nameof(activationEnergyEv), "activation energy must be non-negative");
        return new(conductivitySPerCm * 100.0, temperatureC + PhysicalConstants.ZeroCelsiusK,
            activationEnergyEv * PhysicalConstants.ElementaryChargeC);
    }

    public double ActivationEnergyEv => ActivationEnergyJ / PhysicalConstants.ElementaryChargeC;

    /// <summary>σ₀ = σ_ref·exp(Eₐ/(k_B·T_ref)) in S/m.</summary>
    public double PrefactorSPerM =>
        ReferenceConductivitySPerM * Math.Exp(ActivationEnergyJ / (PhysicalConstants.BoltzmannJPerK * ReferenceTemperatureK));

    public double ConductivitySPerM(double temperatureK)
    {
        if (!(temperatureK > 0)) throw new ArgumentOutOfRangeException(nameof(temperatureK), "temperature must be positive");
        return ReferenceConductivitySPerM *
               Math.Exp(-ActivationEnergyJ / PhysicalConstants.BoltzmannJPerK * (1.0 / temperatureK - 1.0 / ReferenceTemperatureK));
    }

    public double ConductivitySPerCm(double temperatureK) => ConductivitySPerM(temperatureK) / 100.0;
}
