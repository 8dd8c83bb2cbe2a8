using System.Numerics;
using Borolyte.Impedance;
using Borolyte.Impedance.Circuits;

namespace Borolyte.Tests.Impedance;

public class KramersKronigTests
{
    private static readonly double[] F = SyntheticSpectra.LogFrequencies(1e6, 1e-1, 61);

    [Fact]
    public void A_noisy_but_causal_spectrum_passes_with_residuals_at_the_noise_level()
    {
        var s = SyntheticSpectra.Make("R0-p(R1,CPE1)-p(R2,CPE2)", [20, 1e4, 1e-9, 0.9, 3e4, 1e-6, 0.8], F, 0.002, seed: 11);
        var kk = KramersKronig.Test(s);
        Assert.True(kk.Pass);
        Assert.InRange(kk.ResidualRmsPercent, 0.1, 0.5); // noise is 0.2 % of |Z| per part
        Assert.True(kk.Mu <= 0.85);
        Assert.InRange(kk.NumRC, 3, 60);
    }

    [Fact]
    public void A_drifting_spectrum_fails()
    {
        // R1 drifts by +30 % over the sweep (points are measured from high to low frequency): not time-invariant.
        var c = Circuit.Parse("R0-p(R1,C1)");
        var z = new Complex[F.Length];
        for (int i = 0; i < F.Length; i++)
        {
            double r1 = 1e4 * (1 + 0.3 * i / (F.Length - 1.0));
            z[i] = c.Predict([F[i]], [20, r1, 1e-8])[0];
        }
        var kk = KramersKronig.Test(new Spectrum(F, z));
        Assert.False(kk.Pass);
        Assert.True(kk.ResidualRmsPercent > 1.0, $"rms {kk.ResidualRmsPercent} %");
    }

    [Fact]
    public void Blocking_electrode_spike_needs_the_series_capacitance()
    {
        // A depressed bulk arc and a blocking-electrode spike with 0.2 % noise: compliant with the series C term, not without.
        var s = SyntheticSpectra.Make("R0-p(R1,CPE1)-C2", [20, 1e4, 1e-9, 0.9, 1e-6], F, 0.002, seed: 1);
        var with = KramersKronig.Test(s, new KramersKronigOptions { SeriesCapacitance = true });
        Assert.True(with.Pass, $"mu {with.Mu} M {with.NumRC} rms {with.ResidualRmsPercent}");
        Assert.Equal(1e-6, with.SeriesCapacitanceF!.Value, 2e-8);
        var without = KramersKronig.Test(s);
        Assert.True(without.ResidualRmsPercent > 2 * with.ResidualRmsPercent, $"without C: rms {without.ResidualRmsPercent} %");
    }
}
