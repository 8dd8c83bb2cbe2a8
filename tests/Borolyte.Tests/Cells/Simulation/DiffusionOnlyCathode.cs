using Borolyte.Cells.Simulation;
using Borolyte.Transport;

namespace Borolyte.Tests.Cells.Simulation;

/// <summary>
/// nacro2-half with its cathode made ideal except for solid diffusion — a linear OCP U = 3.5 V − 1 V·θ (so θ_surf − θ̄ =
/// −ΔU_conc of the breakdown), fast kinetics, highly conducting phases and electrolyte, full contact without binder or patches,
/// degradation off — so every particle sees the same surface flux and closed forms of diffusion in spheres apply.
/// </summary>
internal static class DiffusionOnlyCathode
{
    public static CellParameters Cell(double radiusM, double diffusivityM2PerS, double startTheta, double exchangeCurrentAPerM2)
    {
        var half = CellPresets.Get("nacro2-half").Cell with { Degradation = DegradationParameters.None };
        var p = (CompositeElectrodeParameters)half.Positive with
        {
            Ocp = new OcpCurve("linear", "test", [0, 0.25, 0.5, 0.75, 1], [3.5, 3.25, 3.0, 2.75, 2.5]),
            ParticleRadiusM = radiusM, SolidDiffusivityM2PerS = diffusivityM2PerS, SolidDiffusivityActivationEnergyEv = 0,
            ExchangeCurrentDensityAPerM2 = exchangeCurrentAPerM2, InterfacialResistanceOhmM2 = 0, ContactAreaFraction = 1,
            BinderCoverageLengthM = 0, ContactPatchRadiusM = 0, ElectronicConductivitySPerM = 1e5, InitialStoichiometry = startTheta,
        };
        return half with { Positive = p, Electrolyte = ArrheniusConductivity.FromConventional(10, 30, 0) };
    }

    /// <summary>The cell with its cathode changed.</summary>
    public static CellParameters With(this CellParameters cell, Func<CompositeElectrodeParameters, CompositeElectrodeParameters> change) =>
        cell with { Positive = change((CompositeElectrodeParameters)cell.Positive) };
}
