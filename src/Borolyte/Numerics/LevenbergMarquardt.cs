using MathNet.Numerics.LinearAlgebra;

namespace Borolyte.Numerics;

/// <summary>
/// Residuals r(x) (length m) and, when <paramref name="jacobian"/> is not empty, the Jacobian ∂rᵢ/∂xⱼ row-major (m×n).
/// </summary>
public delegate void ResidualFunction(ReadOnlySpan<double> x, Span<double> residuals, Span<double> jacobian);

/// <summary>Stopping rules of <see cref="LevenbergMarquardt"/>.</summary>
public sealed record LevenbergMarquardtOptions
{
    public int MaxIterations { get; init; } = 200;
    /// <summary>Stop when the cost decreases by less than this fraction in an accepted step.</summary>
    public double RelativeCostTolerance { get; init; } = 1e-12;
    /// <summary>Stop when every |Δxⱼ| &lt; StepTolerance·(|xⱼ| + StepTolerance).</summary>
    public double StepTolerance { get; init; } = 1e-10;
    /// <summary>Stop when the projected gradient's largest component is below this.</summary>
    public double GradientTolerance { get; init; } = 1e-14;
    public double InitialDamping { get; init; } = 1e-3;
}

/// <summary>Outcome of a minimisation: the point, the cost Σrᵢ², JᵀJ there (for covariances) and why it stopped.</summary>
public sealed record LevenbergMarquardtResult(double[] X, double Cost, Matrix<double> NormalMatrix, int Iterations, int Evaluations, bool Converged, string StopReason);

/// <summary>
/// Levenberg–Marquardt least squares min Σrᵢ(x)² with box bounds, for small dense problems (n ≲ 50). Marquardt's scaling
/// (damping λ·diag(JᵀJ); D.W. Marquardt, J. SIAM 11 (1963) 431) with Nielsen's update of λ (H.B. Nielsen, IMM-REP-1999-05,
/// DTU); bounds are kept by projecting each trial point onto the box, so a parameter can come to rest on a bound.
/// Callers that need positivity or decades of range fit ln p instead of p (see Impedance.CircuitFitter). Linear algebra
/// (Cholesky solve of the damped normal equations) is Math.NET's.
/// </summary>
public static class LevenbergMarquardt
{
    public static LevenbergMarquardtResult Minimize(ResidualFunction function, int residualCount, double[] start, double[] lower, double[] upper,
        LevenbergMarquardtOptions? options = null)
    {
        options ??= new LevenbergMarquardtOptions();
        int n = start.Length, m = residualCount;
        if (lower.Length != n || upper.Length != n) throw new ArgumentException("bounds must have the length of the start vector");
        if (m < 1) throw new ArgumentException("at least one residual is needed");
        var x = new double[n];
        for (int j = 0; j < n; j++) x[j] = Math.Clamp(start[j], lower[j], upper[j]);
        var r = new double[m];
        var jac = new double[m * n];
        var trial = new double[n];
        var rTrial = new double[m];
        var a = Matrix<double>.Build.Dense(n, n);
        var g = Vector<double>.Build.Dense(n);
        int evaluations = 0;

        double cost = Evaluate(function, x, r, jac, ref evaluations);
        if (!double.IsFinite(cost)) throw new ArgumentException("the residuals are not finite at the start point");
        BuildNormal(jac, r, m, n, a, g);
        double lambda = options.InitialDamping;
        double nu = 2;
        string reason = "maximum iterations reached";
        bool converged = false;
        int iteration = 0;
        for (; iteration < options.MaxIterations; iteration++)
        {
            if (ProjectedGradientNorm(x, g, lower, upper) < options.GradientTolerance * Math.Max(1, cost))
            {
                reason = "gradient below tolerance"; converged = true; break;
            }
            var damped = a.Clone();
            for (int j = 0; j < n; j++) damped[j, j] += lambda * Math.Max(a[j, j], 1e-12);
            Vector<double> step;
            try { step = damped.Cholesky().Solve(-g); }
            catch (ArgumentException) { lambda *= 10; continue; }
            bool stepSmall = true;
            for (int j = 0; j < n; j++)
            {
                trial[j] = Math.Clamp(x[j] + step[j], lower[j], upper[j]);
                if (Math.Abs(trial[j] - x[j]) >= options.StepTolerance * (Math.Abs(x[j]) + options.StepTolerance)) stepSmall = false;
            }
            if (stepSmall) { reason = "step below tolerance"; converged = true; break; }
            double trialCost = Evaluate(function, trial, rTrial, [], ref evaluations);
            // Gain ratio ρ = actual / predicted decrease (predicted from the damped quadratic model).
            double predicted = 0;
            for (int j = 0; j < n; j++) predicted += step[j] * (lambda * Math.Max(a[j, j], 1e-12) * step[j] - g[j]);
            if (double.IsFinite(trialCost) && trialCost < cost)
            {
                double rho = predicted > 0 ? (cost - trialCost) / predicted : 1;
                double relative = (cost - trialCost) / Math.Max(cost, double.Epsilon);
                Array.Copy(trial, x, n);
                cost = Evaluate(function, x, r, jac, ref evaluations);
                BuildNormal(jac, r, m, n, a, g);
                lambda *= Math.Max(1.0 / 3, 1 - Math.Pow(2 * rho - 1, 3));
                nu = 2;
                if (relative < options.RelativeCostTolerance) { reason = "cost change below tolerance"; converged = true; iteration++; break; }
                if (cost == 0) { reason = "zero residual"; converged = true; iteration++; break; }
            }
            else
            {
                lambda *= nu;
                nu *= 2;
                if (lambda > 1e20) { reason = "damping diverged (no downhill step)"; converged = true; break; }
            }
        }
        return new LevenbergMarquardtResult(x, cost, a, iteration, evaluations, converged, reason);
    }

    private static double Evaluate(ResidualFunction f, double[] x, double[] r, double[] jac, ref int evaluations)
    {
        evaluations++;
        f(x, r, jac);
        double s = 0;
        foreach (var v in r) s += v * v;
        return s;
    }

    private static void BuildNormal(double[] jac, double[] r, int m, int n, Matrix<double> a, Vector<double> g)
    {
        for (int j = 0; j < n; j++)
        {
            double gj = 0;
            for (int i = 0; i < m; i++) gj += jac[i * n + j] * r[i];
            g[j] = gj;
            for (int k = 0; k <= j; k++)
            {
                double s = 0;
                for (int i = 0; i < m; i++) s += jac[i * n + j] * jac[i * n + k];
                a[j, k] = s;
                a[k, j] = s;
            }
        }
    }

    private static double ProjectedGradientNorm(double[] x, Vector<double> g, double[] lower, double[] upper)
    {
        double max = 0;
        for (int j = 0; j < x.Length; j++)
        {
            // A component pushing against an active bound does not count.
            if ((x[j] <= lower[j] && g[j] > 0) || (x[j] >= upper[j] && g[j] < 0)) continue;
            max = Math.Max(max, Math.Abs(g[j]));
        }
        return max;
    }
}
