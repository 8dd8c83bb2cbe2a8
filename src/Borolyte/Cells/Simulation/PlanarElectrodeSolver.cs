namespace Borolyte.Cells.Simulation;

/// <summary>
/// A planar metal/alloy electrode: E = U + η_BV + R_int·i/f with the symmetric (α = 0.5) Butler–Volmer relation inverted,
/// η = (2RT/F)·asinh(i/(2·f·i₀)) (Bard &amp; Faulkner, Electrochemical Methods, 2nd ed., eq. 3.4.11 with α = 0.5).
/// </summary>
internal sealed class PlanarElectrodeSolver(PlanarElectrodeParameters p) : IElectrodeSolver
{
    private double contact = 1;

    public double Potential { get; private set; }
    public double PotentialSlope { get; private set; }
    public ElectrodeBreakdown Breakdown { get; private set; }
    public double AverageStoichiometry => double.NaN;
    public double LargestStoichiometryChange => 0;

    public bool TrySolve(double i, double dtS, OcpBranch branch, double temperatureK, double bulkConductivitySPerM, out string? failure)
    {
        double f = p.ContactAreaFraction * contact, i0 = p.ExchangeCurrentDensityAPerM2;
        double b = 2 * PhysicalConstants.GasConstantJPerMolK * temperatureK / PhysicalConstants.FaradayCPerMol;
        double z = i / (2 * f * i0);
        double u = p.Ocp.Evaluate(0.5, branch).U;
        double kinetic = b * Math.Asinh(z), interface_ = p.InterfacialResistanceOhmM2 * i / f;
        Potential = u + kinetic + interface_;
        PotentialSlope = b / (2 * f * i0) / Math.Sqrt(1 + z * z) + p.InterfacialResistanceOhmM2 / f;
        Breakdown = new ElectrodeBreakdown(Potential, u, 0, kinetic, interface_, 0);
        failure = null;
        return true;
    }

    public void Commit() { }

    /// <summary>The planar interface's contact shrinks: the same current crosses a smaller area (E = U + η(i/f) + R_int·i/f).</summary>
    public void SetContactFraction(double fraction) => contact = fraction;
}
