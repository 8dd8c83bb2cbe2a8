using Borolyte.Transport.Nmr;

namespace Borolyte.Tests.Transport.Nmr;

public class BppRelaxationTests
{
    private const double K = 8.617333262e-5; // eV/K, CODATA 2018 (independent of PhysicalConstants)

    [Fact]
    public void Peak_condition_is_the_root_of_the_cubic_and_the_maximum_of_the_spectral_sum()
    {
        double x = BppRelaxation.PeakOmegaTau;
        double u = x * x;
        Assert.Equal(0, 32 * u * u * u + 20 * u * u + u - 5, 12);
        Assert.Equal(0.6158, x, 4); // the value quoted in the NMR literature as ωτ ≈ 0.62
        // Independent check: golden-section search for the maximum of J(ω, τ) over τ at ω = 1.
        double a = 0.01, b = 10;
        const double g = 0.6180339887498949;
        for (int i = 0; i < 200; i++)
        {
            double c = b - g * (b - a), d = a + g * (b - a);
            if (BppRelaxation.SpectralSum(1, c) > BppRelaxation.SpectralSum(1, d)) b = d; else a = c;
        }
        Assert.Equal((a + b) / 2, x, 6); // golden section on a flat maximum resolves ~√ε
    }

    [Theory]
    [InlineData(1e4)]
    [InlineData(1e6)]
    public void Slow_motion_limit_is_proportional_to_inverse_omega_squared_and_inverse_tau(double omegaTau)
    {
        double omega = 2 * Math.PI * 400e6, tau = omegaTau / omega, c = 3e10;
        // ωτ ≫ 1: R₁ → C·(1/(ω²τ) + 4/(4ω²τ)) = 2C/(ω²τ) (review §2.1: R₁ ∝ ω⁻²τ⁻¹).
        Assert.Equal(1, BppRelaxation.Rate(c, omega, tau) / (2 * c / (omega * omega * tau)), 6);
        Assert.Equal(4, BppRelaxation.Rate(c, omega, tau) / BppRelaxation.Rate(c, 2 * omega, tau), 5);
        Assert.Equal(2, BppRelaxation.Rate(c, omega, tau) / BppRelaxation.Rate(c, omega, 2 * tau), 5);
    }

    [Theory]
    [InlineData(1e-4)]
    [InlineData(1e-6)]
    public void Fast_motion_limit_is_proportional_to_tau_and_frequency_independent(double omegaTau)
    {
        double omega = 2 * Math.PI * 100e6, tau = omegaTau / omega, c = 3e10;
        // ωτ ≪ 1: R₁ → 5Cτ, independent of ω (review §2.1).
        Assert.Equal(1, BppRelaxation.Rate(c, omega, tau) / (5 * c * tau), 6);
        Assert.Equal(1, BppRelaxation.Rate(c, omega, tau) / BppRelaxation.Rate(c, 4 * omega, tau), 5);
    }

    [Fact]
    public void Peak_temperature_satisfies_the_peak_condition_and_is_where_R1_is_largest()
    {
        double tau0 = 1e-14, ea = 0.40, nu = 400e6;
        double tp = BppRelaxation.PeakTemperatureK(tau0, ea, nu);
        double omega = 2 * Math.PI * nu;
        Assert.Equal(0.6158, omega * tau0 * Math.Exp(ea / (K * tp)), 3);
        // R₁(T) on a fine grid peaks there.
        var grid = Enumerable.Range(0, 4001).Select(i => 300 + 0.1 * i).ToList();
        double tmax = grid.MaxBy(t => BppRelaxation.Rate(1, omega, BppRelaxation.CorrelationTime(tau0, ea, t)));
        Assert.Equal(tp, tmax, 0);
        Assert.True(double.IsNaN(BppRelaxation.PeakTemperatureK(1e-8, ea, nu))); // ωτ₀ > 0.616: never reached
    }
}
