namespace Borolyte.Cells.Simulation;

/// <summary>
/// A block-tridiagonal system of n blocks of 2 unknowns whose off-diagonal blocks are diagonal:
/// L_k·x_{k−1} + D_k·x_k + U_k·x_{k+1} = r_k with D_k a full 2×2 matrix and L_k = diag(l), U_k = diag(u).
/// This is the shape of a composite electrode's (φ_e, φ_s) pairs after the local Faradaic unknowns are eliminated: two chains of
/// resistors (ionic, electronic) joined in every volume by a kinetic conductance. Solved by block Gaussian elimination without
/// pivoting (the block Thomas algorithm, e.g. Golub &amp; Van Loan, Matrix Computations, 4th ed., 2013, §4.5.1), which is stable
/// for the block-diagonally dominant M-matrices of such networks. Unknowns are interleaved: x = (x_0,0, x_0,1, x_1,0, …).
/// Allocation-free after construction.
/// </summary>
public sealed class BlockTridiagonalSystem
{
    private readonly int n;
    // Per block k: D_k (row-major, 4 values), l_k and u_k (2 values each); after Factor, the inverse of each Schur complement.
    private readonly double[] d, lower, upper, inverse;

    public BlockTridiagonalSystem(int blocks)
    {
        if (blocks < 1) throw new ArgumentOutOfRangeException(nameof(blocks), "at least one block is needed");
        n = blocks;
        d = new double[4 * n]; lower = new double[2 * n]; upper = new double[2 * n]; inverse = new double[4 * n];
    }

    public int Blocks => n;

    /// <summary>Sets block row k: D_k = [[d00, d01], [d10, d11]], L_k = diag(l0, l1) (ignored for k = 0), U_k = diag(u0, u1) (ignored for the last).</summary>
    public void SetRow(int k, double d00, double d01, double d10, double d11, double l0, double l1, double u0, double u1)
    {
        int o = 4 * k;
        d[o] = d00; d[o + 1] = d01; d[o + 2] = d10; d[o + 3] = d11;
        lower[2 * k] = k > 0 ? l0 : 0; lower[2 * k + 1] = k > 0 ? l1 : 0;
        upper[2 * k] = k < n - 1 ? u0 : 0; upper[2 * k + 1] = k < n - 1 ? u1 : 0;
    }

    /// <summary>
    /// Forward elimination: S_0 = D_0, S_k = D_k − L_k·S_{k−1}⁻¹·U_{k−1}; keeps S_k⁻¹. Returns false if a Schur complement is
    /// singular (determinant zero or not finite).
    /// </summary>
    public bool Factor()
    {
        for (int k = 0; k < n; k++)
        {
            int o = 4 * k;
            double a = d[o], b = d[o + 1], c = d[o + 2], e = d[o + 3];
            if (k > 0)
            {
                // L_k·S⁻¹·U_{k−1}: (L S⁻¹ U)_ij = l_i·(S⁻¹)_ij·u_j.
                int p = o - 4;
                double l0 = lower[2 * k], l1 = lower[2 * k + 1], u0 = upper[2 * k - 2], u1 = upper[2 * k - 1];
                a -= l0 * inverse[p] * u0; b -= l0 * inverse[p + 1] * u1;
                c -= l1 * inverse[p + 2] * u0; e -= l1 * inverse[p + 3] * u1;
            }
            double det = a * e - b * c;
            if (det == 0 || !double.IsFinite(det)) return false;
            double inv = 1 / det;
            inverse[o] = e * inv; inverse[o + 1] = -b * inv; inverse[o + 2] = -c * inv; inverse[o + 3] = a * inv;
        }
        return true;
    }

    /// <summary>Solves the system in place (x holds r on entry) with the factors of <see cref="Factor"/>.</summary>
    public void Solve(Span<double> x)
    {
        // Forward: y_k = r_k − L_k·S_{k−1}⁻¹·y_{k−1}; z_k = S_k⁻¹·y_k is kept in x.
        for (int k = 0; k < n; k++)
        {
            int o = 4 * k, i = 2 * k;
            double y0 = x[i], y1 = x[i + 1];
            if (k > 0) { y0 -= lower[i] * x[i - 2]; y1 -= lower[i + 1] * x[i - 1]; }
            x[i] = inverse[o] * y0 + inverse[o + 1] * y1;
            x[i + 1] = inverse[o + 2] * y0 + inverse[o + 3] * y1;
        }
        // Back: x_k = z_k − S_k⁻¹·U_k·x_{k+1}.
        for (int k = n - 2; k >= 0; k--)
        {
            int o = 4 * k, i = 2 * k;
            double v0 = upper[i] * x[i + 2], v1 = upper[i + 1] * x[i + 3];
            x[i] -= inverse[o] * v0 + inverse[o + 1] * v1;
            x[i + 1] -= inverse[o + 2] * v0 + inverse[o + 3] * v1;
        }
    }
}
