namespace Borolyte.Cycling.Analysis;

public enum SmoothingMethod { None, SavitzkyGolay, Gaussian }

/// <summary>Smoothing filters for derivative curves. Edges use the largest symmetric window that fits.</summary>
public static class Smoothing
{
    /// <summary>
    /// Savitzky–Golay quadratic/cubic smoothing over 2m+1 points. Coefficients c_j = 3(3m²+3m−1−5j²) /
    /// ((2m−1)(2m+1)(2m+3)) (Savitzky &amp; Golay, Anal. Chem. 36, 1627 (1964); Numerical Recipes 3rd ed. §14.9):
    /// polynomials up to degree 3 pass unchanged.
    /// </summary>
    public static double[] SavitzkyGolay(IReadOnlyList<double> y, int window)
    {
        if (window < 5 || window % 2 == 0) throw new InvalidInputException($"Savitzky–Golay window must be odd and at least 5, got {window}");
        int n = y.Count, half = window / 2;
        var result = new double[n];
        for (int i = 0; i < n; i++)
        {
            int m = Math.Min(half, Math.Min(i, n - 1 - i));
            if (m < 2) { result[i] = y[i]; continue; }
            double norm = (2.0 * m - 1) * (2 * m + 1) * (2 * m + 3);
            double sum = 0;
            for (int j = -m; j <= m; j++) sum += 3.0 * (3.0 * m * m + 3 * m - 1 - 5.0 * j * j) / norm * y[i + j];
            result[i] = sum;
        }
        return result;
    }

    /// <summary>Gaussian kernel exp(−j²/2σ²), σ in points, truncated at 3σ and renormalised at the edges.</summary>
    public static double[] Gaussian(IReadOnlyList<double> y, double sigmaPoints)
    {
        if (!(sigmaPoints > 0)) throw new InvalidInputException($"Gaussian width must be positive, got {sigmaPoints} points");
        int n = y.Count, reach = (int)Math.Ceiling(3 * sigmaPoints);
        var result = new double[n];
        for (int i = 0; i < n; i++)
        {
            double sum = 0, weight = 0;
            for (int j = Math.Max(0, i - reach); j <= Math.Min(n - 1, i + reach); j++)
            {
                double w = Math.Exp(-(j - i) * (j - i) / (2 * sigmaPoints * sigmaPoints));
                sum += w * y[j];
                weight += w;
            }
            result[i] = sum / weight;
        }
        return result;
    }
}
