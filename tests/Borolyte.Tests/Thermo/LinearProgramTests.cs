using Borolyte.Numerics;

namespace Borolyte.Tests.Thermo;

public class LinearProgramTests
{
    [Fact]
    public void SolvesTextbookProgrammeWithDuals()
    {
        // min −x1 − 2x2 s.t. x1 + x2 + s1 = 4, x1 + 3x2 + s2 = 6 → x = (3, 1), objective −5, duals (−0.5, −0.5)
        var a = new double[,] { { 1, 1, 1, 0 }, { 1, 3, 0, 1 } };
        var s = LinearProgram.Minimize(a, [4, 6], [-1, -2, 0, 0]);
        Assert.Equal(LinearProgramStatus.Optimal, s.Status);
        Assert.Equal(-5, s.Objective, 12);
        Assert.Equal(3, s.X[0], 12);
        Assert.Equal(1, s.X[1], 12);
        Assert.Equal(-0.5, s.Duals[0], 12);
        Assert.Equal(-0.5, s.Duals[1], 12);
    }

    [Fact]
    public void DetectsInfeasibleAndUnbounded()
    {
        Assert.Equal(LinearProgramStatus.Infeasible, LinearProgram.Minimize(new double[,] { { 1, 1 } }, [-1], [1, 1]).Status);
        Assert.Equal(LinearProgramStatus.Unbounded, LinearProgram.Minimize(new double[,] { { 1, -1 } }, [1], [-1, 0]).Status);
    }

    [Fact]
    public void HandlesNegativeRightHandSideAndRedundantRows()
    {
        // −x1 − x2 = −2 (flipped), 2x1 + 2x2 = 4 (redundant): min x1 + 2 x2 → x = (2, 0), dual of row 1 is −1
        var s = LinearProgram.Minimize(new double[,] { { -1, -1 }, { 2, 2 } }, [-2, 4], [1, 2]);
        Assert.Equal(LinearProgramStatus.Optimal, s.Status);
        Assert.Equal(2, s.Objective, 12);
        Assert.Equal(2, s.X[0], 12);
    }
}
