using Borolyte.Cells.Protocols;
using Borolyte.Cells.Simulation;

namespace Borolyte.Tests.Cells.Simulation;

/// <summary>The many-particle model (log-normal size classes at common φ_s, φ_e) and contact patches against closed forms, and the extensions' plain limits.</summary>
public class ParticleSizeDistributionTests
{
    private const double F = 96485.33212331001;
    private const double MedianRadius = 0.5e-6, Diffusivity = 1e-15;

    private static CellParameters Cell(double sigma, int classes = 5) => DiffusionOnlyCathode.Cell(MedianRadius, Diffusivity, 0.2, 1000)
        .With(p => p with { ParticleRadiusLogStandardDeviation = sigma, ParticleSizeClassCount = classes });

    private static readonly SimulationOptions Fine = new() { ThroughThicknessVolumes = 4, RadialShells = 40, MaxStoichiometryChange = 0.001 };

    [Fact]
    public void Pseudo_steady_surface_gradient_grows_with_the_second_volume_moment_of_the_radius()
    {
        // Constant D, common surface θ (fast kinetics, linear OCP): at long times every class fills at the same rate q, so
        // N_j/R_j = q·c_max/3 and θ_s − θ̄_j = q·R_j²/(15·D); averaged by volume, θ_s − θ̄ = q·E_v[R²]/(15·D), and for a log-normal by
        // volume with median R_m, E_v[R²] = R_m²·exp(2σ²) (Crank 1975 §6.3 for one sphere; Darling & Newman 1997 for the classes).
        const double sigma = 0.4;
        var cell = Cell(sigma);
        var run = CellSimulation.Run(cell, Protocol.Parse("Discharge at 0.5C for 40 minutes"), Fine);
        var p = (CompositeElectrodeParameters)cell.Positive;
        double j = 0.5 * cell.NominalArealCapacityCPerM2 / 3600;
        double q = j / (F * p.ThicknessM * p.ActiveVolumeFraction * p.MaxConcentrationMolPerM3);   // dθ̄/dt
        double expected = q * MedianRadius * MedianRadius * Math.Exp(2 * sigma * sigma) / (15 * Diffusivity);
        double gradient = -run.Series.PositiveBreakdown[^1].ConcentrationV;   // U = 3.5 V − 1 V·θ
        Assert.Equal(expected, gradient, 0.02 * expected);
        // One radius: q·R_m²/(15·D), exp(2σ²) = 1.38 times less — the test distinguishes the two.
        var single = CellSimulation.Run(Cell(0), Protocol.Parse("Discharge at 0.5C for 40 minutes"), Fine);
        Assert.Equal(expected / Math.Exp(2 * sigma * sigma), -single.Series.PositiveBreakdown[^1].ConcentrationV, 0.02 * expected);
    }

    [Fact]
    public void Contact_patches_add_the_spreading_excess_of_a_uniformly_fed_disc()
    {
        // One radius, contact fraction f through patches of radius r_p: θ_patch − θ̄ = N̄·R/(5·D·c) (pseudo-steady sphere) +
        // (8/(3π))·(N̄/f)·r_p·(1 − √f)^1.5/(D·c) (Carslaw & Jaeger disc, Cooper–Mikic–Yovanovich alleviation), N̄ the mean surface flux.
        const double f = 0.4, patch = 0.1e-6;
        var baseCell = Cell(0);
        var p = (CompositeElectrodeParameters)baseCell.Positive with { ContactAreaFraction = f, ContactPatchRadiusM = patch };
        var cell = baseCell with { Positive = p };
        double Gradient(CellParameters c) => -CellSimulation.Run(c, Protocol.Parse("Discharge at 0.5C for 40 minutes"), Fine).Series.PositiveBreakdown[^1].ConcentrationV;
        double j = 0.5 * cell.NominalArealCapacityCPerM2 / 3600;
        double mean = j / (F * p.ParticleSurfacePerM * p.ThicknessM) / p.MaxConcentrationMolPerM3;   // N̄/c, m/s
        double sphere = mean * MedianRadius / (5 * Diffusivity);
        double spreading = 8 / (3 * Math.PI) * (mean / f) * patch * Math.Pow(1 - Math.Sqrt(f), 1.5) / Diffusivity;
        Assert.Equal(sphere + spreading, Gradient(cell), 0.02 * (sphere + spreading));
        Assert.Equal(sphere, Gradient(baseCell with { Positive = p with { ContactPatchRadiusM = 0 } }), 0.02 * sphere);
        Assert.True(spreading > 0.2 * sphere);   // the two differ by more than the tolerance
    }

    [Theory]
    [InlineData("size spread")]
    [InlineData("stoichiometry exponent")]
    public void Vanishing_extensions_reproduce_the_plain_model(string extension)
    {
        // σ = 1e-9 (five classes of almost the same radius) and k = 1e-9 (the per-particle radial path with D = D_s to 1e-9) must
        // give the one-radius, constant-D capacities, with the preset's real OCP and kinetics.
        const string protocol = "Charge at 0.2C until 3.35 V; Discharge at 3C until 2.1 V";
        var baseline = CellPresets.Get("nacro2-half").Cell with { Degradation = DegradationParameters.None };
        var e = (CompositeElectrodeParameters)baseline.Positive;
        var variant = baseline with
        {
            Positive = extension == "size spread" ? e with { ParticleRadiusLogStandardDeviation = 1e-9 } : e with { SolidDiffusivityStoichiometryExponent = 1e-9 },
        };
        var a = CellSimulation.Run(baseline, Protocol.Parse(protocol)).Summary.Cycles[0];
        var b = CellSimulation.Run(variant, Protocol.Parse(protocol)).Summary.Cycles[0];
        Assert.Equal(a.ChargeCapacityAh, b.ChargeCapacityAh, 1e-6 * a.ChargeCapacityAh);
        Assert.Equal(a.DischargeCapacityAh, b.DischargeCapacityAh, 1e-6 * a.DischargeCapacityAh);
    }

    [Fact]
    public void Charge_is_conserved_with_size_classes()
    {
        var baseline = CellPresets.Get("nacro2-half").Cell with { Degradation = DegradationParameters.None };
        var cell = baseline with { Positive = (CompositeElectrodeParameters)baseline.Positive with { ParticleRadiusLogStandardDeviation = 0.6, ParticleSizeClassCount = 4 } };
        var s = CellSimulation.Run(cell, Protocol.Parse("Charge at 0.5C until 3.35 V; Rest for 30 minutes; Discharge at 2C until 2.1 V")).Series;
        double integral = 0;
        for (int i = 1; i < s.Count; i++) integral += s.CurrentA[i] * (s.TimeS[i] - s.TimeS[i - 1]);
        var p = (CompositeElectrodeParameters)cell.Positive;
        double fromStoichiometry = (s.PositiveStoichiometry[0] - s.PositiveStoichiometry[^1]) * p.ArealCapacityCPerM2 * cell.AreaM2;
        Assert.Equal(fromStoichiometry, integral, 1e-9 * Math.Abs(integral));
    }

    [Fact]
    public void Size_classes_are_gauss_hermite_nodes_in_ln_R_with_the_log_normal_surface()
    {
        var p = (CompositeElectrodeParameters)Cell(0.5).Positive;
        var classes = p.ParticleSizeClasses;
        Assert.Equal(5, classes.Count);
        Assert.Equal(1.0, classes.Sum(c => c.VolumeFraction), 12);
        Assert.Equal(MedianRadius, classes[2].RadiusM, 15);   // the middle node is z = 0
        // a = 3·ε·E_v[1/R] and E_v[1/R] = exp(σ²/2)/R_m for a log-normal by volume.
        double exact = 3 * p.ActiveVolumeFraction * Math.Exp(0.5 * 0.5 / 2) / MedianRadius;
        Assert.Equal(exact, p.ParticleSurfacePerM, 1e-6 * exact);
    }
}
