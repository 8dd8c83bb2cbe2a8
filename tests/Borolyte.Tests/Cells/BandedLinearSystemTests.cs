using Borolyte.Cells.Simulation;
using MathNet.Numerics.LinearAlgebra;

namespace Borolyte.Tests.Cells;

/// <summary>The banded LU with partial pivoting against MathNet's dense LU (independent reference).</summary>
public class BandedLinearSystemTests
{
    [Theory]
    [InlineData(7, 1, 1)]
    [InlineData(30, 3, 3)]
    [InlineData(45, 2, 4)]
    public void Banded_solution_equals_dense_solution(int n, int kl, int ku)
    {
        var rng = new Random(12345 + n);
        var dense = Matrix<double>.Build.Dense(n, n);
        var banded = new BandedLinearSystem(n, kl, ku);
        for (int i = 0; i < n; i++)
            for (int j = Math.Max(0, i - kl); j <= Math.Min(n - 1, i + ku); j++)
            {
                // Small diagonal so that pivoting is needed.
                double v = i == j ? 0.01 * rng.NextDouble() : rng.NextDouble() - 0.5;
                dense[i, j] = v;
                banded.Add(i, j, v);
            }
        var b = Vector<double>.Build.Dense(n, i => Math.Sin(i + 1.0));
        var expected = dense.Solve(b);
        Assert.True(banded.Factor());
        var x = b.ToArray();
        banded.Solve(x);
        for (int i = 0; i < n; i++) Assert.Equal(expected[i], x[i], 9);
    }
}
