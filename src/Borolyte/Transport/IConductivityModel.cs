namespace Borolyte.Transport;

/// <summary>
/// An electrolyte's bulk ionic conductivity as a function of temperature: an Arrhenius law (<see cref="ArrheniusConductivity"/>)
/// or any model the transport module fits to a measured table (<see cref="ConductivityFit"/>: Arrhenius, σT-Arrhenius, VTF,
/// piecewise Arrhenius with order–disorder transitions). The cell simulator takes κ(T) through this.
/// </summary>
public interface IConductivityModel
{
    /// <summary>σ(T) in S/m.</summary>
    double ConductivitySPerM(double temperatureK);
}
