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

/// <summary>The χ² goodness-of-fit test on top of the AIC ranking, on the multiaxial fixture (generate.py: p = 0.15, σ = 0.01).</summary>
public class EisfGoodnessOfFitTests
{
    private static IReadOnlyList<EisfMeasurement> Multiaxial() => EisfCsv.Read(Borolyte.Tests.Support.TestData.Path("qens", "eisf_b12h12_multiaxial.csv"));

    [Fact]
    public void With_the_immobile_fraction_fitted_by_default_the_multiaxial_model_passes()
    {
        var fit = EisfFitter.Fit(ClosoAnion.B12H12(), Multiaxial());
        Assert.Equal(EisfModelKind.Multiaxial, fit.Best.Model);
        Assert.Equal(1, fit.Best.ParameterCount);                     // p fitted without being asked
        Assert.Equal(fit.Points.Count - 1, fit.Best.DegreesOfFreedom);
        Assert.Equal(fit.Best.ChiSquare / fit.Best.DegreesOfFreedom, fit.Best.ReducedChiSquare, 12);
        // p-value against an independent χ² survival function (regularised upper incomplete gamma Q(ν/2, χ²/2)).
        double expected = MathNet.Numerics.SpecialFunctions.GammaUpperRegularized(fit.Best.DegreesOfFreedom / 2.0, fit.Best.ChiSquare / 2);
        Assert.Equal(expected, fit.Best.PValue!.Value, 1e-9);
        Assert.True(fit.Best.Fits);
        Assert.Equal("multiaxial", fit.Verdict);
        Assert.DoesNotContain(fit.Warnings, w => w.StartsWith("no model fits"));
        Assert.All(fit.Models.Skip(1), m => Assert.False(m.Fits));  // uniaxial and isotropic are rejected outright
    }

    [Fact]
    public void Without_the_immobile_fraction_no_model_fits_and_the_verdict_says_so()
    {
        var fit = EisfFitter.Fit(ClosoAnion.B12H12(), Multiaxial(), ImmobileFraction.None);
        Assert.Equal(0, fit.Best.ParameterCount);
        Assert.All(fit.Models, m => Assert.False(m.Fits));
        Assert.True(fit.Best.ReducedChiSquare > 10);
        Assert.Equal(EisfFit.NoModelFits, fit.Verdict);
        Assert.Contains(fit.Warnings, w => w.StartsWith("no model fits: the best, ") && w.Contains("try fitting the immobile fraction"));
    }

    [Fact]
    public void A_held_immobile_fraction_at_the_generating_value_passes_and_a_wrong_one_fails()
    {
        var right = EisfFitter.Fit(ClosoAnion.B12H12(), Multiaxial(), ImmobileFraction.Fixed(0.15));
        Assert.Equal(EisfModelKind.Multiaxial, right.Best.Model);
        Assert.Equal(right.Points.Count, right.Best.DegreesOfFreedom);
        Assert.True(right.Best.Fits);
        var wrong = EisfFitter.Fit(ClosoAnion.B12H12(), Multiaxial(), ImmobileFraction.Fixed(0.40));
        Assert.Equal(EisfFit.NoModelFits, wrong.Verdict);
        Assert.Throws<InvalidInputException>(() => ImmobileFraction.Fixed(1.0));
    }

    [Fact]
    public void Uncertainties_underestimated_tenfold_fail_and_missing_ones_are_not_judged()
    {
        var pts = Multiaxial();
        var tiny = pts.Select(p => p with { StdErr = p.StdErr / 10 }).ToList();   // χ² grows 100×
        Assert.Equal(EisfFit.NoModelFits, EisfFitter.Fit(ClosoAnion.B12H12(), tiny).Verdict);
        var unweighted = pts.Select(p => p with { StdErr = null }).ToList();
        var u = EisfFitter.Fit(ClosoAnion.B12H12(), unweighted);
        Assert.Null(u.Best.PValue);
        Assert.Null(u.Best.Fits);
        Assert.Equal("multiaxial", u.Verdict);
        Assert.Contains(u.Warnings, w => w.Contains("goodness of fit cannot be judged"));
    }

    [Fact]
    public void Uniaxial_data_that_a_multiaxial_model_with_a_large_immobile_fraction_also_passes_carry_a_warning()
    {
        var fit = EisfFitter.Fit(ClosoAnion.B12H12(), EisfCsv.Read(Borolyte.Tests.Support.TestData.Path("qens", "eisf_b12h12_c5.csv")));
        Assert.Equal("uniaxial", fit.Verdict);
        Assert.Contains(fit.Warnings, w => w.StartsWith("also consistent with the uncertainties (χ² test): multiaxial"));
    }
}
