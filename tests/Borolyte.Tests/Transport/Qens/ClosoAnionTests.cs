using Borolyte.Transport.Qens;

namespace Borolyte.Tests.Transport.Qens;

public class ClosoAnionTests
{
    private const double A = 1e-10;

    private static List<double> Distances(IReadOnlyList<Vector3D> a, IReadOnlyList<Vector3D> b, double below) =>
        a.SelectMany(x => b.Select(y => Vector3D.Distance(x, y))).Where(d => d > 1e-15 && d < below).ToList();

    private static void AssertBondsToNearestCageAtom(ClosoAnion anion, double[] expectedAngstrom)
    {
        for (int i = 0; i < anion.Hydrogens.Count; i++)
        {
            double nearest = anion.Cage.Min(c => Vector3D.Distance(c, anion.Hydrogens[i]));
            Assert.Equal(expectedAngstrom[i], nearest / A, 9);
            Assert.Equal(nearest, Vector3D.Distance(anion.Cage[i], anion.Hydrogens[i]), 15); // bonded to its own vertex
        }
    }

    private static void AssertGroupMapsHydrogensOntoThemselves(ClosoAnion anion, IReadOnlyList<Rotation> group)
    {
        foreach (var g in group)
            foreach (var h in anion.Hydrogens)
                Assert.Contains(anion.Hydrogens, x => Vector3D.Distance(x, g.Apply(h)) < 1e-15);
    }

    [Fact]
    public void B12H12_is_an_icosahedron_with_the_published_bond_lengths()
    {
        var a = ClosoAnion.B12H12();
        Assert.Equal(12, a.Hydrogens.Count);
        Assert.Equal(12, a.Cage.Count);
        var bb = Distances(a.Cage, a.Cage, 1.9 * A);
        Assert.Equal(60, bb.Count); // 30 edges, counted both ways: 5 neighbours per vertex
        Assert.All(bb, d => Assert.Equal(1.78, d / A, 9));
        AssertBondsToNearestCageAtom(a, Enumerable.Repeat(1.12, 12).ToArray());
        Assert.Equal(60, a.MultiaxialGroup.Count);
        AssertGroupMapsHydrogensOntoThemselves(a, a.MultiaxialGroup);
    }

    [Fact]
    public void B10H10_is_a_bicapped_square_antiprism_with_three_bond_lengths()
    {
        var a = ClosoAnion.B10H10();
        Assert.Equal(10, a.Hydrogens.Count);
        var apex = a.Cage[0];
        Assert.Equal(4, a.Cage.Count(c => Math.Abs(Vector3D.Distance(c, apex) / A - 1.73) < 1e-9));
        var top = a.Cage.Skip(1).Take(4).ToList();
        var bottom = a.Cage.Skip(5).Take(4).ToList();
        Assert.Equal(8, Distances(top, top, 2.0 * A).Count(d => Math.Abs(d / A - 1.86) < 1e-9));      // 4 square edges, both ways
        Assert.Equal(8, Distances(top, bottom, 1.85 * A).Count(d => Math.Abs(d / A - 1.81) < 1e-9));  // each top B has 2 bottom neighbours
        AssertBondsToNearestCageAtom(a, Enumerable.Repeat(1.12, 10).ToArray());
        Assert.Equal(8, a.MultiaxialGroup.Count);
        AssertGroupMapsHydrogensOntoThemselves(a, a.MultiaxialGroup);
    }

    [Fact]
    public void CB11H12_has_one_carbon_at_the_carbon_boron_distance()
    {
        var a = ClosoAnion.CB11H12();
        Assert.Equal(12, a.Hydrogens.Count);
        Assert.Equal(1, a.CageElements.Count(e => e == "C"));
        var c = a.Cage[0];
        Assert.Equal(5, a.Cage.Count(b => Math.Abs(Vector3D.Distance(b, c) / A - 1.71) < 1e-9));
        AssertBondsToNearestCageAtom(a, [1.08, .. Enumerable.Repeat(1.12, 11)]);
        var (axis, order) = a.Axes["c5"];
        AssertGroupMapsHydrogensOntoThemselves(a, Rotation.Cyclic(axis, order));
    }
}
