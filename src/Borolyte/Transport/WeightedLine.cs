using MathNet.Numerics.Distributions;

namespace Borolyte.Transport;

/// <summary>
/// Weighted straight line y = a + b·x by least squares, with the parameter covariance scaled by the residual variance
/// s² = Σwᵢrᵢ²/(n−2) (relative weights; Press et al., Numerical Recipes 3rd ed., §15.2) and prediction intervals.
/// </summary>
public sealed record WeightedLine(double Intercept, double Slope, double VarIntercept, double VarSlope, double CovInterceptSlope, double WeightedSse, int Count)
{
    public static WeightedLine Fit(IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<double>? w = null)
    {
        int n = x.Count;
        if (n < 2) throw new InvalidInputException($"a straight line needs at least 2 points, got {n}");
        double sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int i = 0; i < n; i++)
        {
            double wi = w?[i] ?? 1;
            sw += wi; sx += wi * x[i]; sy += wi * y[i]; sxx += wi * x[i] * x[i]; sxy += wi * x[i] * y[i];
        }
        double d = sw * sxx - sx * sx;
        if (!(Math.Abs(d) > 1e-300)) throw new InvalidInputException("all points have the same temperature: no slope can be fitted");
        double b = (sw * sxy - sx * sy) / d, a = (sy - b * sx) / sw;
        double sse = 0;
        for (int i = 0; i < n; i++) { double r = y[i] - a - b * x[i]; sse += (w?[i] ?? 1) * r * r; }
        double s2 = n > 2 ? sse / (n - 2) : 0;
        return new WeightedLine(a, b, s2 * sxx / d, s2 * sw / d, -s2 * sx / d, sse, n);
    }

    public double Predict(double x) => Intercept + Slope * x;

    /// <summary>Standard error of the fitted line at x.</summary>
    public double PredictionStdErr(double x) => Math.Sqrt(Math.Max(VarIntercept + 2 * x * CovInterceptSlope + x * x * VarSlope, 0));

    /// <summary>Two-sided 95 % Student-t quantile for n − 2 degrees of freedom (1.96 when n − 2 is 0).</summary>
    public double T95 => Count > 2 ? StudentT.InvCDF(0, 1, Count - 2, 0.975) : 1.959963984540054;
}
