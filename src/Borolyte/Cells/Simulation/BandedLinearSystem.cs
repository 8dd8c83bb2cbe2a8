namespace Borolyte.Cells.Simulation;

/// <summary>
/// A square banded matrix (kl sub-, ku super-diagonals) with an in-place LU factorisation with partial row pivoting
/// (the scheme of LAPACK's dgbtf2: row swaps stay within kl rows, so fill-in is limited to kl extra super-diagonals).
/// Storage is row-wise: row i keeps columns i−kl … i+ku+kl. Allocation-free after construction.
/// </summary>
public sealed class BandedLinearSystem
{
    private readonly int n, kl, ku, width;
    private readonly double[] a;
    private readonly int[] pivot;

    public BandedLinearSystem(int n, int kl, int ku)
    {
        this.n = n; this.kl = kl; this.ku = ku;
        width = 2 * kl + ku + 1;
        a = new double[n * width];
        pivot = new int[n];
    }

    public int Size => n;

    public void Clear() => Array.Clear(a);

    private int Index(int i, int j) => i * width + (j - i + kl);

    /// <summary>Adds v to A[i, j] (|j − i| within the band).</summary>
    public void Add(int i, int j, double v) => a[Index(i, j)] += v;

    /// <summary>LU with partial pivoting. Returns false if a pivot is exactly zero (singular).</summary>
    public bool Factor()
    {
        for (int k = 0; k < n; k++)
        {
            int last = Math.Min(n - 1, k + kl);
            int p = k; double best = Math.Abs(a[Index(k, k)]);
            for (int i = k + 1; i <= last; i++)
            {
                double v = Math.Abs(a[Index(i, k)]);
                if (v > best) { best = v; p = i; }
            }
            pivot[k] = p;
            if (best == 0) return false;
            int jEnd = Math.Min(n - 1, k + ku + kl);
            if (p != k)
                for (int j = k; j <= jEnd; j++)
                {
                    int ik = Index(k, j), ip = Index(p, j);
                    (a[ik], a[ip]) = (a[ip], a[ik]);
                }
            double inv = 1.0 / a[Index(k, k)];
            for (int i = k + 1; i <= last; i++)
            {
                int ik = Index(i, k);
                double l = a[ik] * inv;
                a[ik] = l;
                if (l == 0) continue;
                for (int j = k + 1; j <= jEnd; j++) a[Index(i, j)] -= l * a[Index(k, j)];
            }
        }
        return true;
    }

    /// <summary>Solves A·x = b in place with the factors of <see cref="Factor"/>.</summary>
    public void Solve(Span<double> b)
    {
        for (int k = 0; k < n; k++)
        {
            int p = pivot[k];
            if (p != k) (b[k], b[p]) = (b[p], b[k]);
            int last = Math.Min(n - 1, k + kl);
            for (int i = k + 1; i <= last; i++) b[i] -= a[Index(i, k)] * b[k];
        }
        for (int k = n - 1; k >= 0; k--)
        {
            int jEnd = Math.Min(n - 1, k + ku + kl);
            double s = b[k];
            for (int j = k + 1; j <= jEnd; j++) s -= a[Index(k, j)] * b[j];
            b[k] = s / a[Index(k, k)];
        }
    }
}
