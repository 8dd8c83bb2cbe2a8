using Borolyte.Cells.Simulation;
using Borolyte.Tests.Support;

namespace Borolyte.Tests.Cells;

/// <summary>Tabulated open-circuit potentials: interpolation, monotonicity, hysteresis, CSV errors.</summary>
public class OcpCurveTests
{
    [Theory]
    [InlineData("nacro2")]
    [InlineData("sn")]
    public void Interpolation_passes_through_every_table_point(string name)
    {
        var curve = OcpLibrary.Get(name);
        for (int i = 0; i < curve.Stoichiometry.Count; i++)
        {
            Assert.Equal(curve.InsertionV[i], curve.Potential(curve.Stoichiometry[i], OcpBranch.Insertion), 12);
            if (curve.ExtractionV is { } e) Assert.Equal(e[i], curve.Potential(curve.Stoichiometry[i], OcpBranch.Extraction), 12);
        }
    }

    [Theory]
    [InlineData("nacro2", OcpBranch.Insertion)]
    [InlineData("sn", OcpBranch.Insertion)]
    [InlineData("sn", OcpBranch.Extraction)]
    public void Monotone_data_give_a_monotone_curve_and_a_consistent_slope(string name, OcpBranch branch)
    {
        // Fritsch–Carlson: monotone data ⇒ monotone interpolant (no overshoot between points); slope = finite difference.
        var curve = OcpLibrary.Get(name);
        double previous = double.PositiveInfinity;
        for (int k = 0; k <= 4000; k++)
        {
            double x = k / 4000.0;
            var (u, slope) = curve.Evaluate(x, branch);
            Assert.True(u <= previous + 1e-12, $"{name} not monotone at θ = {x}");
            previous = u;
            double h = 1e-7;
            if (x > h && x < 1 - h && !curve.Stoichiometry.Any(t => Math.Abs(t - x) < 2 * h))
            {
                double fd = (curve.Potential(x + h, branch) - curve.Potential(x - h, branch)) / (2 * h);
                Assert.Equal(fd, slope, 1e-5 * Math.Max(1, Math.Abs(slope)));
            }
        }
    }

    [Fact]
    public void Sn_staircase_has_hysteresis_and_NaCrO2_has_none()
    {
        var sn = OcpLibrary.Get("sn");
        Assert.True(sn.HasHysteresis);
        // Mid-plateau of Na(x)Sn at x = 2 (θ = 0.53): desodiation above sodiation.
        Assert.True(sn.Potential(0.53, OcpBranch.Extraction) - sn.Potential(0.53, OcpBranch.Insertion) > 0.1);
        var nacro2 = OcpLibrary.Get("nacro2");
        Assert.False(nacro2.HasHysteresis);
        Assert.Equal(nacro2.Potential(0.7, OcpBranch.Insertion), nacro2.Potential(0.7, OcpBranch.Extraction));
        Assert.Equal(0.0, OcpLibrary.Get("na-metal").Potential(0.3));
        Assert.Equal(0.0, OcpLibrary.Get("li-metal").Potential(0.9));
    }

    [Fact]
    public void User_csv_is_read_and_its_errors_name_file_and_line()
    {
        using var dir = new TempDirectory();
        string good = dir.File("my.csv");
        File.WriteAllText(good, "# my source\nstoichiometry,insertion_v\n0,3.5\n0.5,3.0\n1,2.5\n");
        var curve = OcpLibrary.Load(good);
        Assert.Equal(3.0, curve.Potential(0.5), 12);
        Assert.Equal("my source", curve.Source);

        var bad = Assert.Throws<InvalidInputException>(() => OcpCurve.Parse("stoichiometry,insertion_v\n0,3.5\n0.5,abc\n", "u.csv"));
        Assert.Contains("u.csv:3", bad.Message);
        var order = Assert.Throws<InvalidInputException>(() => OcpCurve.Parse("stoichiometry,insertion_v\n0,3.5\n0,3.0\n", "u.csv"));
        Assert.Contains("increase", order.Message);
        var header = Assert.Throws<InvalidInputException>(() => OcpCurve.Parse("x,y\n0,1\n", "u.csv"));
        Assert.Contains("u.csv:1", header.Message);
        var partial = Assert.Throws<InvalidInputException>(() => OcpCurve.Parse("stoichiometry,insertion_v,extraction_v\n0,1,1.1\n1,0,\n", "u.csv"));
        Assert.Contains("extraction_v", partial.Message);
        Assert.Throws<InvalidInputException>(() => OcpLibrary.Load(dir.File("missing.csv")));
    }
}
