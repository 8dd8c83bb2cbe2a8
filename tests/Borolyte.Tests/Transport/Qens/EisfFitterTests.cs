using Borolyte.Transport.Qens;

namespace Borolyte.Tests.Transport.Qens;

public class EisfFitterTests
{
    private static double Gaussian(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    private static List<EisfMeasurement> Synthetic(ClosoAnion anion, EisfModelKind kind, double immobile, double noise, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, 14).Select(i => 0.25e10 + 0.18e10 * i)
            .Select(q => new EisfMeasurement(q, immobile + (1 - immobile) * Eisf.Evaluate(anion, kind, q) + noise * Gaussian(rng), noise)).ToList();
    }

    [Theory]
    [InlineData("B12H12", EisfModelKind.C2, 0.0)]
    [InlineData("B12H12", EisfModelKind.Multiaxial, 0.2)]
    [InlineData("B10H10", EisfModelKind.C4, 0.0)]
    [InlineData("B10H10", EisfModelKind.Multiaxial, 0.1)]
    [InlineData("CB11H12", EisfModelKind.Multiaxial, 0.0)]
    public void Chooses_the_generating_model(string anionName, EisfModelKind truth, double immobile)
    {
        var anion = ClosoAnion.Parse(anionName);
        var fit = EisfFitter.Fit(anion, Synthetic(anion, truth, immobile, 0.01, seed: 42), fitImmobileFraction: true);
        Assert.Equal(truth, fit.Best.Model);
        Assert.InRange(Math.Abs(fit.Best.ImmobileFraction - immobile), 0, Math.Max(4 * fit.Best.ImmobileFractionStdErr, 0.02));
        Assert.True(fit.Weighted);
        Assert.InRange(fit.Best.ChiSquare, 3, 30); // ≈ n − 1 = 13
        Assert.Equal(1, fit.Models.Sum(m => m.AkaikeWeight), 9);
    }

    [Fact]
    public void Uniaxial_data_reject_isotropic_and_multiaxial_and_c3_c5_are_twins()
    {
        var anion = ClosoAnion.B12H12();
        var fit = EisfFitter.Fit(anion, Synthetic(anion, EisfModelKind.C5, 0, 0.01, seed: 9));
        Assert.Equal("uniaxial", fit.Best.Mechanism);
        Assert.Contains(fit.Best.Model, new[] { EisfModelKind.C3, EisfModelKind.C5 });
        Assert.Equal(fit.Models[0].ChiSquare, fit.Models[1].ChiSquare, 9);
        Assert.Contains(fit.Warnings, w => w.Contains("identical EISFs"));
        var multi = fit.Models.Single(m => m.Model == EisfModelKind.Multiaxial);
        Assert.True(multi.Aic - fit.Best.Aic > 10);
    }

    [Fact]
    public void Too_few_points_is_an_input_error() =>
        Assert.Throws<InvalidInputException>(() => EisfFitter.Fit(ClosoAnion.B12H12(), [new(1e10, 0.5), new(2e10, 0.4)]));
}
