using Borolyte.Numerics;

namespace Borolyte.Tests.Numerics;

public class GaussHermiteTests
{
    [Fact]
    public void Three_points_are_the_textbook_rule()
    {
        // Probabilists' 3-point rule: nodes 0, ±√3, weights 2/3, 1/6, 1/6 (Abramowitz & Stegun 25.4.46 rescaled to φ(z)).
        var p = GaussHermite.Probabilists(3);
        Assert.Equal(-Math.Sqrt(3), p[0].Node, 12); Assert.Equal(0, p[1].Node, 12); Assert.Equal(Math.Sqrt(3), p[2].Node, 12);
        Assert.Equal(1.0 / 6, p[0].Weight, 12); Assert.Equal(2.0 / 3, p[1].Weight, 12); Assert.Equal(1.0 / 6, p[2].Weight, 12);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(9)]
    public void Moments_of_the_normal_are_exact_up_to_degree_2n_minus_1(int n)
    {
        var p = GaussHermite.Probabilists(n);
        Assert.Equal(1.0, p.Sum(x => x.Weight), 12);
        double doubleFactorial = 1;   // E[z^(2m)] = (2m − 1)!!
        for (int degree = 0; degree <= 2 * n - 1; degree++)
        {
            double moment = p.Sum(x => x.Weight * Math.Pow(x.Node, degree));
            double exact = degree % 2 == 1 ? 0 : doubleFactorial;
            if (degree % 2 == 0 && degree > 0) { doubleFactorial *= degree + 1; }
            Assert.Equal(exact, moment, 1e-9 * Math.Max(1, exact));
        }
    }

    [Fact]
    public void Log_normal_moment_converges_to_the_closed_form()
    {
        // E[exp(σz)] = exp(σ²/2): the log-normal moments a size distribution needs.
        double sigma = 0.5, exact = Math.Exp(sigma * sigma / 2);
        double Moment(int n) => GaussHermite.Probabilists(n).Sum(x => x.Weight * Math.Exp(sigma * x.Node));
        Assert.Equal(exact, Moment(5), 1e-6);
        Assert.True(Math.Abs(Moment(5) - exact) < Math.Abs(Moment(2) - exact));
    }
}
