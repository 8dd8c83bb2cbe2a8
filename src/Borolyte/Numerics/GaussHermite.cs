using MathNet.Numerics.LinearAlgebra;

namespace Borolyte.Numerics;

/// <summary>
/// Gauss–Hermite quadrature for the standard normal density: ∫ f(z)·φ(z) dz ≈ Σ w_i·f(z_i), exact for polynomials of degree
/// ≤ 2N − 1. Nodes and weights by Golub &amp; Welsch (Math. Comp. 23 (1969) 221): the eigenvalues of the Jacobi matrix of the
/// probabilists' Hermite polynomials (zero diagonal, off-diagonal √k) and the squared first components of its unit eigenvectors.
/// </summary>
public static class GaussHermite
{
    public readonly record struct Point(double Node, double Weight);

    public static IReadOnlyList<Point> Probabilists(int n)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), n, "at least one node");
        var jacobi = Matrix<double>.Build.Dense(n, n);
        for (int k = 1; k < n; k++) jacobi[k, k - 1] = jacobi[k - 1, k] = Math.Sqrt(k);
        var evd = jacobi.Evd(Symmetricity.Symmetric);
        var points = new Point[n];
        for (int i = 0; i < n; i++)
        {
            double v0 = evd.EigenVectors[0, i];
            points[i] = new Point(evd.EigenValues[i].Real, v0 * v0);
        }
        Array.Sort(points, (a, b) => a.Node.CompareTo(b.Node));
        // Symmetric nodes: enforce exact symmetry and unit total weight (rounding of the eigen-solver only).
        double total = points.Sum(p => p.Weight);
        return points.Select((p, i) => new Point(0.5 * (p.Node - points[n - 1 - i].Node), 0.5 * (p.Weight + points[n - 1 - i].Weight) / total)).ToArray();
    }
}
