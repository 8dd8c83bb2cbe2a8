namespace Borolyte.Numerics;

/// <summary>Outcome of <see cref="LinearProgram.Minimize"/>.</summary>
public enum LinearProgramStatus { Optimal, Infeasible, Unbounded }

/// <summary>
/// Solution of min cᵀx subject to A x = b, x ≥ 0: the status, the optimal value, a basic optimal x, and the simplex
/// multipliers y = c_Bᵀ B⁻¹ (the dual solution: for a convex-hull programme, the chemical potentials of the facet).
/// </summary>
public sealed record LinearProgramSolution(LinearProgramStatus Status, double Objective, double[] X, double[] Duals);

/// <summary>
/// A small dense two-phase simplex method with Bland's anti-cycling rule (V. Chvátal, Linear Programming, Freeman 1983,
/// ch. 2–3 and 8; Bland, Math. Oper. Res. 2 (1977) 103). Meant for the few-row, many-column programmes of phase
/// diagrams (one row per element, one column per phase), where it is exact up to rounding and needs no starting point.
/// </summary>
public static class LinearProgram
{
    /// <summary>
    /// Minimise cᵀx subject to A x = b and x ≥ 0. <paramref name="a"/> is m×n, <paramref name="b"/> has m entries,
    /// <paramref name="c"/> n entries. <paramref name="tolerance"/> is the zero threshold for pivots and reduced costs.
    /// </summary>
    public static LinearProgramSolution Minimize(double[,] a, double[] b, double[] c, double tolerance = 1e-11)
    {
        int m = a.GetLength(0), n = a.GetLength(1);
        if (b.Length != m || c.Length != n)
            throw new ArgumentException($"dimension mismatch: A is {m}×{n}, b has {b.Length} entries, c has {c.Length}");
        int width = n + m + 1, rhs = n + m;
        var t = new double[m + 1, width]; // rows 0..m-1: constraints; row m: reduced costs (objective row)
        var flipped = new bool[m];
        var basis = new int[m];
        for (int i = 0; i < m; i++)
        {
            flipped[i] = b[i] < 0; // make b ≥ 0 so the artificial basis is feasible
            double sign = flipped[i] ? -1 : 1;
            for (int j = 0; j < n; j++) t[i, j] = sign * a[i, j];
            t[i, n + i] = 1;
            t[i, rhs] = sign * b[i];
            basis[i] = n + i;
        }

        // Phase I: minimise the sum of the artificial variables (Chvátal 1983, ch. 8).
        for (int j = 0; j <= rhs; j++)
        {
            if (j >= n && j < n + m) continue;
            double s = 0;
            for (int i = 0; i < m; i++) s -= t[i, j];
            t[m, j] = s;
        }
        if (!Iterate(t, basis, m, n + m, tolerance)) throw new InvalidOperationException("phase I cannot be unbounded");
        double scale = 1;
        for (int i = 0; i < m; i++) scale = Math.Max(scale, Math.Abs(t[i, rhs]));
        if (-t[m, rhs] > 1e-9 * scale)
            return new LinearProgramSolution(LinearProgramStatus.Infeasible, double.NaN, new double[n], new double[m]);

        // Drive remaining (zero-valued) artificials out of the basis; rows where that is impossible are redundant.
        for (int i = 0; i < m; i++)
        {
            if (basis[i] < n) continue;
            for (int j = 0; j < n; j++)
                if (Math.Abs(t[i, j]) > tolerance) { Pivot(t, basis, m, i, j); break; }
        }

        // Phase II: reduced costs d_j = c_j − c_Bᵀ B⁻¹ A_j; artificial columns keep their reduced costs for the duals.
        for (int j = 0; j <= rhs; j++)
        {
            double s = j < n ? c[j] : 0;
            for (int i = 0; i < m; i++)
            {
                double cb = basis[i] < n ? c[basis[i]] : 0;
                s -= cb * t[i, j];
            }
            t[m, j] = s;
        }
        if (!Iterate(t, basis, m, n, tolerance))
            return new LinearProgramSolution(LinearProgramStatus.Unbounded, double.NegativeInfinity, new double[n], new double[m]);

        var x = new double[n];
        for (int i = 0; i < m; i++) if (basis[i] < n) x[basis[i]] = t[i, rhs];
        var y = new double[m];
        for (int i = 0; i < m; i++) y[i] = (flipped[i] ? 1 : -1) * t[m, n + i]; // y = c_Bᵀ B⁻¹ = −(reduced cost of artificial i)
        double objective = 0;
        for (int j = 0; j < n; j++) objective += c[j] * x[j];
        return new LinearProgramSolution(LinearProgramStatus.Optimal, objective, x, y);
    }

    // Simplex iterations with Bland's rule over columns [0, columns): lowest-index entering column with a negative
    // reduced cost, ratio-test ties broken by the lowest basic variable index. Returns false when unbounded.
    private static bool Iterate(double[,] t, int[] basis, int m, int columns, double tolerance)
    {
        int rhs = t.GetLength(1) - 1;
        for (int iteration = 0; ; iteration++)
        {
            if (iteration > 100_000) throw new InvalidOperationException("simplex did not terminate (should not happen with Bland's rule)");
            int entering = -1;
            for (int j = 0; j < columns; j++)
                if (t[m, j] < -tolerance) { entering = j; break; }
            if (entering < 0) return true;
            int leaving = -1;
            double best = double.PositiveInfinity;
            for (int i = 0; i < m; i++)
            {
                double p = t[i, entering];
                if (p <= tolerance) continue;
                double ratio = t[i, rhs] / p;
                if (ratio < best - 1e-14 || (Math.Abs(ratio - best) <= 1e-14 && basis[i] < basis[leaving]))
                {
                    best = ratio;
                    leaving = i;
                }
            }
            if (leaving < 0) return false;
            Pivot(t, basis, m, leaving, entering);
        }
    }

    private static void Pivot(double[,] t, int[] basis, int m, int row, int column)
    {
        int width = t.GetLength(1);
        double p = t[row, column];
        for (int j = 0; j < width; j++) t[row, j] /= p;
        t[row, column] = 1;
        for (int i = 0; i <= m; i++)
        {
            if (i == row) continue;
            double f = t[i, column];
            if (f == 0) continue;
            for (int j = 0; j < width; j++) t[i, j] -= f * t[row, j];
            t[i, column] = 0;
        }
        basis[row] = column;
    }
}
