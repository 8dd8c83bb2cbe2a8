namespace Borolyte.Thermo;

/// <summary>
/// The hull linear programme min Σ λ_j c_j subject to Σ λ_j a_j = b, λ ≥ 0, solved by a revised primal simplex method
/// (Dantzig pricing with the explicit m×m basis inverse updated by product form; Chvátal, Linear Programming, Freeman
/// 1983, ch. 7) started from the elemental references. For convex-hull programmes the references of the row elements
/// are unit columns of cost 0 (formation energy of the reference is exactly 0), so they form a feasible starting basis
/// for any target b ≥ 0 and no phase I is needed. Rows are few (one per element), so each iteration costs one pricing
/// pass over the columns plus O(m²). After many degenerate pivots the rule switches to Bland's (Bland, Math. Oper. Res.
/// 2 (1977) 103), which cannot cycle.
/// </summary>
internal sealed class HullProgramme
{
    private readonly int _m;
    private readonly double[] _binv; // m×m basis inverse, row-major
    private readonly double[] _xb;   // basic values
    private readonly int[] _basis;   // column index (into the caller's arrays) of each basic variable
    private readonly double[] _mu;   // simplex multipliers c_Bᵀ B⁻¹
    private readonly double[] _u;    // B⁻¹ a_entering

    public HullProgramme(int rows)
    {
        _m = rows;
        _binv = new double[rows * rows];
        _xb = new double[rows];
        _basis = new int[rows];
        _mu = new double[rows];
        _u = new double[rows];
    }

    /// <summary>Basic variables after <see cref="Solve"/>: column and value.</summary>
    public ReadOnlySpan<int> Basis => _basis;
    public ReadOnlySpan<double> BasicValues => _xb;

    /// <summary>Simplex multipliers (the dual solution; for hull programmes the facet chemical potentials of the rows).</summary>
    public ReadOnlySpan<double> Duals => _mu;

    /// <summary>
    /// Solve. Column j (0 ≤ j &lt; <paramref name="columns"/>) has coefficients <paramref name="a"/>[j·m … j·m+m−1] and cost
    /// <paramref name="c"/>[j]; <paramref name="start"/>[r] is a column equal to the r-th unit vector with cost 0 (the elemental
    /// reference of row r). Returns the optimal objective.
    /// </summary>
    public double Solve(ReadOnlySpan<double> a, ReadOnlySpan<double> c, int columns, ReadOnlySpan<double> b, ReadOnlySpan<int> start, double tolerance = 1e-11)
    {
        int m = _m;
        Array.Clear(_binv);
        for (int r = 0; r < m; r++)
        {
            _binv[r * m + r] = 1;
            _xb[r] = b[r];
            _basis[r] = start[r];
            if (b[r] < 0) throw new InvalidOperationException("hull programme needs a non-negative target");
        }
        int degenerate = 0;
        for (int iteration = 0; ; iteration++)
        {
            if (iteration > 100_000) throw new InvalidOperationException("simplex did not terminate (should not happen with Bland's rule)");
            // μ = c_Bᵀ B⁻¹
            for (int k = 0; k < m; k++)
            {
                double s = 0;
                for (int r = 0; r < m; r++) s += c[_basis[r]] * _binv[r * m + k];
                _mu[k] = s;
            }
            bool bland = degenerate > 50;
            int entering = -1;
            double best = -tolerance;
            for (int j = 0; j < columns; j++)
            {
                double d = c[j];
                var col = a.Slice(j * m, m);
                for (int k = 0; k < m; k++) d -= _mu[k] * col[k];
                if (d < best)
                {
                    entering = j;
                    if (bland) break;
                    best = d;
                }
            }
            if (entering < 0) break;
            // u = B⁻¹ a_entering; ratio test (ties: lowest column index, Bland)
            var ae = a.Slice(entering * m, m);
            for (int r = 0; r < m; r++)
            {
                double s = 0;
                for (int k = 0; k < m; k++) s += _binv[r * m + k] * ae[k];
                _u[r] = s;
            }
            int leaving = -1;
            double ratio = double.PositiveInfinity;
            for (int r = 0; r < m; r++)
            {
                if (_u[r] <= tolerance) continue;
                double t = _xb[r] / _u[r];
                if (t < ratio - 1e-14 || (Math.Abs(t - ratio) <= 1e-14 && _basis[r] < _basis[leaving]))
                {
                    ratio = t;
                    leaving = r;
                }
            }
            if (leaving < 0) throw new InvalidOperationException("hull programme is unbounded (should not happen: columns are non-negative)");
            degenerate = ratio <= 1e-14 ? degenerate + 1 : 0;
            // Pivot: x_B ← x_B − θ u, x_leaving ← θ; B⁻¹ row operations (product-form update).
            double p = _u[leaving];
            int lrow = leaving * m;
            for (int k = 0; k < m; k++) _binv[lrow + k] /= p;
            for (int r = 0; r < m; r++)
            {
                if (r == leaving) continue;
                double f = _u[r];
                if (f == 0) continue;
                int row = r * m;
                for (int k = 0; k < m; k++) _binv[row + k] -= f * _binv[lrow + k];
                _xb[r] -= f * ratio;
                if (_xb[r] < 0 && _xb[r] > -1e-13) _xb[r] = 0;
            }
            _xb[leaving] = ratio;
            _basis[leaving] = entering;
        }
        // x_B = B⁻¹ b afresh (no accumulated update error), clamped at 0 against rounding
        for (int r = 0; r < m; r++)
        {
            double s = 0;
            for (int k = 0; k < m; k++) s += _binv[r * m + k] * b[k];
            _xb[r] = Math.Max(0, s);
        }
        double objective = 0;
        for (int r = 0; r < m; r++) objective += c[_basis[r]] * _xb[r];
        return objective;
    }
}
