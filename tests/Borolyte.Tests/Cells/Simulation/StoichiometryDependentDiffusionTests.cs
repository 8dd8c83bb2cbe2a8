using Borolyte.Cells.Protocols;
using Borolyte.Cells.Simulation;

namespace Borolyte.Tests.Cells.Simulation;

/// <summary>
/// D(θ) = D_s·exp(k·(θ − ½)) in the particles: the simulator's surface–bulk difference against an independent explicit
/// finite-difference solution of ∂θ/∂t = r⁻²∂_r(r²·D(θ)·∂_rθ) with the same surface flux (k → 0: ParticleSizeDistributionTests).
/// </summary>
public class StoichiometryDependentDiffusionTests
{
    private const double F = 96485.33212331001;
    private const double Radius = 2e-6, Diffusivity = 1e-15, StartTheta = 0.2;

    private static CellParameters Cell(double k) => DiffusionOnlyCathode.Cell(Radius, Diffusivity, StartTheta, 100)
        .With(p => p with { SolidDiffusivityStoichiometryExponent = k });

    /// <summary>(θ_surf − θ̄) at the end of a 0.5C sodiation of 40 minutes, from the simulator, and the surface flux N/c_max, 1/(m·s).</summary>
    private static (double Gradient, double ThetaBar, double FluxOverCmax) Simulate(double k)
    {
        var cell = Cell(k);
        var result = CellSimulation.Run(cell, Protocol.Parse("Discharge at 0.5C for 40 minutes"),
            new SimulationOptions { ThroughThicknessVolumes = 4, RadialShells = 60, MaxStoichiometryChange = 0.001 });
        var s = result.Series;
        var p = (CompositeElectrodeParameters)cell.Positive;
        double j = 0.5 * cell.NominalArealCapacityCPerM2 / 3600;                 // A/m² of electrode
        double flux = j / (F * p.ParticleSurfacePerM * p.ThicknessM);            // mol/(m²·s) into each particle's surface
        return (-s.PositiveBreakdown[^1].ConcentrationV, s.PositiveStoichiometry[^1], flux / p.MaxConcentrationMolPerM3);
    }

    /// <summary>
    /// Independent reference: vertex-centred finite differences on 201 nodes (r = 0 … R), explicit Euler at 40 % of the
    /// stability limit, D at the mid-point stoichiometry, flux boundary −D·∂θ/∂r = −N/c_max at R (into the particle), symmetry at 0.
    /// </summary>
    private static (double Gradient, double ThetaBar) Reference(double k, double fluxOverCmax, double seconds)
    {
        const int nodes = 201;
        double dr = Radius / (nodes - 1);
        double D(double t) => Diffusivity * Math.Exp(k * (Math.Clamp(t, 0, 1) - 0.5));
        double dMax = Diffusivity * Math.Exp(Math.Abs(k) * 0.5);
        double dt = 0.4 * dr * dr / (6 * dMax), time = 0;
        var th = Enumerable.Repeat(StartTheta, nodes).ToArray();
        var next = new double[nodes];
        var vol = new double[nodes];   // control volume of node i (per 4π)
        for (int i = 0; i < nodes; i++)
        {
            double rin = Math.Max(0, (i - 0.5) * dr), rout = Math.Min(Radius, (i + 0.5) * dr);
            vol[i] = (rout * rout * rout - rin * rin * rin) / 3;
        }
        while (time < seconds)
        {
            double step = Math.Min(dt, seconds - time);
            for (int i = 0; i < nodes; i++)
            {
                double inflow = 0;
                if (i < nodes - 1) { double rf = (i + 0.5) * dr; inflow += rf * rf * D(0.5 * (th[i] + th[i + 1])) * (th[i + 1] - th[i]) / dr; }
                if (i > 0) { double rf = (i - 0.5) * dr; inflow -= rf * rf * D(0.5 * (th[i] + th[i - 1])) * (th[i] - th[i - 1]) / dr; }
                if (i == nodes - 1) inflow += Radius * Radius * fluxOverCmax;
                next[i] = th[i] + step * inflow / vol[i];
            }
            (th, next) = (next, th);
            time += step;
        }
        double mean = 0, total = 0;
        for (int i = 0; i < nodes; i++) { mean += vol[i] * th[i]; total += vol[i]; }
        mean /= total;
        return (th[^1] - mean, mean);
    }

    [Theory]
    [InlineData(3.0)]
    [InlineData(-3.0)]
    public void Surface_gradient_matches_an_independent_finite_difference_solution(double k)
    {
        var sim = Simulate(k);
        var reference = Reference(k, sim.FluxOverCmax, 2400);
        Assert.Equal(reference.ThetaBar, sim.ThetaBar, 4e-4);
        Assert.Equal(reference.Gradient, sim.Gradient, 0.03 * Math.Abs(reference.Gradient));
        // The test can fail: the constant-D answer is far outside that tolerance.
        var constant = Reference(0, sim.FluxOverCmax, 2400);
        Assert.True(Math.Abs(constant.Gradient - reference.Gradient) > 0.2 * Math.Abs(reference.Gradient),
            $"k = {k} should change the surface gradient: {reference.Gradient:G4} vs {constant.Gradient:G4} at k = 0");
    }

    [Fact]
    public void Constant_diffusivity_reference_agrees_with_the_pseudo_steady_closed_form()
    {
        // Constant D, long times: θ_surf − θ̄ → N·R/(5·D·c_max) (Fick's law in a sphere under constant flux; Crank, The Mathematics of Diffusion, 1975, §6.3).
        var sim = Simulate(0);
        double closedForm = sim.FluxOverCmax * Radius / (5 * Diffusivity);
        Assert.Equal(closedForm, Reference(0, sim.FluxOverCmax, 2400).Gradient, 0.01 * closedForm);
        Assert.Equal(closedForm, sim.Gradient, 0.02 * closedForm);
    }

    [Fact]
    public void An_exponent_outside_its_range_is_refused_with_the_field_name()
    {
        var cell = Cell(80);
        var e = Assert.ThrowsAny<InvalidInputException>(() => CellSimulation.Run(cell, Protocol.Parse("Discharge at 0.5C for 1 minute")));
        Assert.Contains("solidDiffusivityStoichiometryExponent", e.Message);
    }
}
