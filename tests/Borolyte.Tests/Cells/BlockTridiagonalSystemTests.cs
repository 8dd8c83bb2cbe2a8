using Borolyte.Cells.Simulation;
using MathNet.Numerics.LinearAlgebra;

namespace Borolyte.Tests.Cells;

/// <summary>The 2×2 block Thomas solver against MathNet's dense LU (independent reference).</summary>
public class BlockTridiagonalSystemTests
{
    /// <summary>Fills both the block system and a dense copy; returns the dense matrix.</summary>
    private static Matrix<double> Fill(BlockTridiagonalSystem system, Func<int, double[]> row)
    {
        int n = system.Blocks;
        var dense = Matrix<double>.Build.Dense(2 * n, 2 * n);
        for (int k = 0; k < n; k++)
        {
            var r = row(k);   // d00, d01, d10, d11, l0, l1, u0, u1
            system.SetRow(k, r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7]);
            dense[2 * k, 2 * k] = r[0]; dense[2 * k, 2 * k + 1] = r[1];
            dense[2 * k + 1, 2 * k] = r[2]; dense[2 * k + 1, 2 * k + 1] = r[3];
            if (k > 0) { dense[2 * k, 2 * k - 2] = r[4]; dense[2 * k + 1, 2 * k - 1] = r[5]; }
            if (k < n - 1) { dense[2 * k, 2 * k + 2] = r[6]; dense[2 * k + 1, 2 * k + 3] = r[7]; }
        }
        return dense;
    }

    private static void AssertSolvesLikeDense(BlockTridiagonalSystem system, Matrix<double> dense, int digits)
    {
        int size = dense.RowCount;
        var b = Vector<double>.Build.Dense(size, i => Math.Sin(i + 1.0) + 0.1 * i);
        var expected = dense.Solve(b);
        Assert.True(system.Factor());
        var x = b.ToArray();
        system.Solve(x);
        double scale = expected.AbsoluteMaximum();
        for (int i = 0; i < size; i++) Assert.Equal(expected[i] / scale, x[i] / scale, digits);
        // Backward error: the residual of the block solution is at round-off of the matrix times the solution.
        var residual = dense * Vector<double>.Build.DenseOfArray(x) - b;
        Assert.True(residual.AbsoluteMaximum() < 1e-12 * dense.InfinityNorm() * scale, $"residual {residual.AbsoluteMaximum():G3}");
    }

    [Theory]
    [InlineData(2)]
    [InlineData(30)]
    [InlineData(200)]
    public void A_resistor_network_with_the_gauge_in_the_last_block_is_solved_like_the_dense_matrix(int n)
    {
        // The condensed electrode: ionic chain (conductance kh), electronic chain (sh), kinetic conductance c_k between them,
        // the last ionic row replaced by the gauge x = r. Conductances spread over six decades, as in a real electrode.
        var rng = new Random(7 + n);
        double kh = 3.0, sh = 4e3;
        var c = Enumerable.Range(0, n).Select(_ => Math.Pow(10, -3 + 6 * rng.NextDouble())).ToArray();
        var system = new BlockTridiagonalSystem(n);
        var dense = Fill(system, k =>
        {
            bool first = k == 0, last = k == n - 1;
            return
            [
                last ? 1 : kh * (first ? 1 : 2) + c[k], last ? 0 : -c[k], -c[k], sh * ((first ? 0 : 1) + (last ? 0 : 1)) + c[k],
                last ? 0 : -kh, -sh, -kh, -sh,
            ];
        });
        AssertSolvesLikeDense(system, dense, 9);
    }

    [Fact]
    public void A_general_block_diagonally_dominant_system_is_solved_like_the_dense_matrix()
    {
        var rng = new Random(99);
        double R() => rng.NextDouble() - 0.5;
        var system = new BlockTridiagonalSystem(40);
        var dense = Fill(system, _ => [4 + R(), R(), R(), -4 + R(), R(), R(), R(), R()]);
        AssertSolvesLikeDense(system, dense, 11);
    }

    [Fact]
    public void A_singular_block_is_reported_and_not_divided_by()
    {
        var system = new BlockTridiagonalSystem(3);
        system.SetRow(0, 1, 0, 0, 1, 0, 0, 0.5, 0.5);
        system.SetRow(1, 2, 4, 1, 2, 0, 0, 0, 0);   // det = 0 and no coupling to soften it
        system.SetRow(2, 1, 0, 0, 1, 0, 0, 0, 0);
        Assert.False(system.Factor());
    }
}
