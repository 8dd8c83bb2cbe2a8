using Borolyte.Transport.Qens;

namespace Borolyte.Tests.Transport.Qens;

public class EisfTests
{
    private const double A = 1e-10; // Å in m

    private static double J0(double x) => x == 0 ? 1 : Math.Sin(x) / x;

    [Fact]
    public void Two_site_jump_is_one_plus_j0_of_Qd_over_two()
    {
        var h = new Vector3D(1.4 * A, 0.3 * A, 0.7 * A);
        var axis = new Vector3D(0, 0, 1);
        double d = 2 * Math.Sqrt(1.4 * 1.4 + 0.3 * 0.3) * A; // jump distance across the axis
        foreach (double q in new[] { 0.3e10, 1.1e10, 2.7e10 })
            Assert.Equal((1 + J0(q * d)) / 2, Eisf.GroupJumps([h], Rotation.Cyclic(axis, 2), q), 12);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void N_site_circle_jump_matches_Dianoux_Volino_Hervet(int n)
    {
        double rho = 2.5 * A;
        var h = new Vector3D(rho, 0, 0.9 * A); // height along the axis does not matter
        foreach (double q in new[] { 0.5e10, 1.5e10, 3e10 })
        {
            double expected = Enumerable.Range(1, n).Average(k => J0(2 * q * rho * Math.Sin(Math.PI * k / n)));
            Assert.Equal(expected, Eisf.GroupJumps([h], Rotation.Cyclic(new Vector3D(0, 0, 1), n), q), 12);
        }
    }

    [Fact]
    public void Isotropic_rotational_diffusion_is_j0_squared()
    {
        var h = new Vector3D(1 * A, 2 * A, 2 * A); // r = 3 Å
        Assert.Equal(Math.Pow(J0(1.3e10 * 3 * A), 2), Eisf.IsotropicDiffusion([h], 1.3e10), 12);
    }

    public static TheoryData<string, string, double> Limits() => new()
    {
        // Large-Q limit = mean over H of 1/(number of sites it visits).
        { "B12H12", "c5", 4.0 / 12 },      // 2 H on the axis + 10 H in 5-site rings
        { "B12H12", "c3", 1.0 / 3 },       // 12 H in 3-site rings
        { "B12H12", "c2", 1.0 / 2 },       // 6 pairs
        { "B12H12", "multiaxial", 1.0 / 12 },
        { "B10H10", "c4", 4.0 / 10 },      // 2 apical fixed + 8 equatorial in 4-site rings
        { "B10H10", "c2", 1.0 / 2 },
        { "B10H10", "multiaxial", 2.0 / 10 }, // apical pair exchange (1/2) + 8 equatorial sites (1/8)
        { "CB11H12", "c5", 4.0 / 12 },
        { "CB11H12", "multiaxial", 1.0 / 12 },
    };

    [Theory]
    [MemberData(nameof(Limits))]
    public void Q_to_zero_gives_one_and_large_Q_gives_inverse_site_count(string anionName, string model, double limit)
    {
        var anion = ClosoAnion.Parse(anionName);
        var kind = Eisf.Parse(model)!.Value;
        Assert.Equal(1, Eisf.Evaluate(anion, kind, 1e5), 9);
        Assert.Equal(limit, Eisf.LargeQLimit(anion, kind), 12);
        Assert.Equal(limit, Eisf.Evaluate(anion, kind, 5e13), 3); // j₀ ~ 1/(Qr) → 0
    }

    [Fact]
    public void B12H12_c5_matches_the_ring_formula()
    {
        // H radius R_B + d_BH with R_B = d_BB·sin(2π/5); the 10 off-axis H lie at ρ = r·sin(arccos(1/√5)) = r·2/√5 from the C5 axis.
        double r = (1.78 * Math.Sin(2 * Math.PI / 5) + 1.12) * A, rho = r * 2 / Math.Sqrt(5);
        var anion = ClosoAnion.B12H12();
        foreach (double q in new[] { 0.4e10, 1.2e10, 2.4e10 })
        {
            double expected = 2.0 / 12 + 10.0 / 12 * Enumerable.Range(1, 5).Average(k => J0(2 * q * rho * Math.Sin(Math.PI * k / 5)));
            Assert.Equal(expected, Eisf.Evaluate(anion, EisfModelKind.C5, q), 12);
        }
    }

    [Fact]
    public void B12H12_c3_and_c5_jumps_have_the_same_closed_form()
    {
        // Icosahedron of H with edge a and diagonal φa: C5 → 2 poles + two pentagons (sides a, diagonals φa); C3 → two
        // triangles of side a and two of side φa. Both give A₀ = 1/3 + (j₀(Qa) + j₀(Qφa))/3.
        double phi = (1 + Math.Sqrt(5)) / 2;
        double r = (1.78 * Math.Sin(2 * Math.PI / 5) + 1.12) * A, a = r / Math.Sin(2 * Math.PI / 5);
        var anion = ClosoAnion.B12H12();
        foreach (double q in new[] { 0.7e10, 1.9e10 })
        {
            double expected = 1.0 / 3 + (J0(q * a) + J0(q * phi * a)) / 3;
            Assert.Equal(expected, Eisf.Evaluate(anion, EisfModelKind.C5, q), 12);
            Assert.Equal(expected, Eisf.Evaluate(anion, EisfModelKind.C3, q), 12);
        }
    }

    [Fact]
    public void Models_that_are_not_symmetry_operations_are_refused()
    {
        var ex = Assert.Throws<InvalidInputException>(() => Eisf.Evaluate(ClosoAnion.B10H10(), EisfModelKind.C3, 1e10));
        Assert.Contains("c2, c4, multiaxial, isotropic", ex.Message);
        Assert.Throws<InvalidInputException>(() => ClosoAnion.Parse("B6H6"));
        Assert.Equal(ClosoAnionKind.B12H12, ClosoAnion.Parse("[B12H12]2-").Kind);
        Assert.Equal(ClosoAnionKind.CB11H12, ClosoAnion.Parse("[CB11H12]-").Kind);
    }
}
