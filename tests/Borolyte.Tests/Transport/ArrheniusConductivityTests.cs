using Borolyte.Transport;

namespace Borolyte.Tests.Transport;

public class ArrheniusConductivityTests
{
    [Fact]
    public void Passes_through_the_reference_point()
    {
        var model = ArrheniusConductivity.FromConventional(7e-3, 25, 0.28);
        Assert.Equal(7e-3, model.ConductivitySPerCm(298.15), 12);
        Assert.Equal(0.28, model.ActivationEnergyEv, 12);
    }

    [Fact]
    public void Slope_of_ln_sigma_against_inverse_temperature_is_minus_Ea_over_k()
    {
        // Independent check: k_B = 8.617333262e-5 eV/K (CODATA 2018), so ln σ(T1)/σ(T2) = −Ea/k·(1/T1 − 1/T2).
        var model = ArrheniusConductivity.FromConventional(7e-2, 25, 0.23);
        double t1 = 250, t2 = 350;
        double expected = -0.23 / 8.617333262e-5 * (1 / t1 - 1 / t2);
        Assert.Equal(expected, Math.Log(model.ConductivitySPerM(t1) / model.ConductivitySPerM(t2)), 6);
    }

    [Fact]
    public void Prefactor_reproduces_the_reference_conductivity()
    {
        var model = ArrheniusConductivity.FromConventional(1e-3, 25, 0.5);
        double sigma = model.PrefactorSPerM * Math.Exp(-0.5 / 8.617333262e-5 / 298.15);
        Assert.Equal(0.1, sigma, 6); // 1e-3 S/cm = 0.1 S/m
    }

    [Fact]
    public void Rejects_non_physical_input()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ArrheniusConductivity.FromConventional(0, 25, 0.3));
        Assert.Throws<ArgumentOutOfRangeException>(() => ArrheniusConductivity.FromConventional(1e-3, 25, -0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ArrheniusConductivity.FromConventional(1e-3, 25, 0.3).ConductivitySPerM(0));
    }
}
