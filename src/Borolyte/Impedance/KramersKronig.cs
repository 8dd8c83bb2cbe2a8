using System.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace Borolyte.Impedance;

/// <summary>Outcome of the linear Kramers–Kronig test of one spectrum.</summary>
/// <param name="Mu">μ = 1 − Σ|R_k&lt;0| / Σ|R_k≥0| at the chosen number of RC elements (Schönleber 2014, eq. 21).</param>
/// <param name="NumRC">Number of Voigt elements M where μ first fell to or below the threshold c.</param>
/// <param name="ResidualRmsPercent">100·√(Σ(Δ'² + Δ''²)/(2N)) with Δ = (Z − Ẑ)/|Z|.</param>
/// <param name="Pass">Residual rms ≤ the pass threshold.</param>
public sealed record KramersKronigResult(double Mu, int NumRC, double ResidualRmsPercent, bool Pass,
    IReadOnlyList<double> RealResiduals, IReadOnlyList<double> ImaginaryResiduals, IReadOnlyList<double> TimeConstantsS,
    IReadOnlyList<double> ResistancesOhm, double SeriesResistanceOhm, double? SeriesCapacitanceF, Complex[] Model);

/// <summary>Options of <see cref="KramersKronig.Test"/>.</summary>
public sealed record KramersKronigOptions
{
    /// <summary>μ threshold c (Schönleber et al. recommend 0.85).</summary>
    public double MuThreshold { get; init; } = 0.85;
    /// <summary>Add a series capacitance (blocking electrodes: the spectrum does not return to the real axis at low frequency).</summary>
    public bool SeriesCapacitance { get; init; }
    /// <summary>Add a series inductance (cables at high frequency).</summary>
    public bool SeriesInductance { get; init; }
    /// <summary>Pass when the residual rms is at or below this many percent of |Z|.</summary>
    public double PassRmsPercent { get; init; } = 1.0;
    public int? MaxRC { get; init; }
}

/// <summary>
/// Linear Kramers–Kronig test (M. Schönleber, D. Klotz, E. Ivers-Tiffée, Electrochim. Acta 131 (2014) 20): the spectrum
/// is fitted by R₀ + Σ R_k/(1 + jωτ_k) with τ_k log-spaced from 1/ω_max to 1/ω_min, a linear least-squares problem in
/// the R_k (weighted by 1/|Z|, eq. 15). M grows from one per decade until μ ≤ c (over-fitting starts to produce negative R_k, eq. 21).
/// A KK-compliant (linear, causal, stable, time-invariant) spectrum leaves residuals at the noise level; drift shows
/// as systematic residuals. Optional series C (Z = 1/(jωC)) and L terms as in impedance.py's linKK.
/// </summary>
public static class KramersKronig
{
    public static KramersKronigResult Test(Spectrum spectrum, KramersKronigOptions? options = null)
    {
        options ??= new KramersKronigOptions();
        int n = spectrum.Count;
        var w = spectrum.AngularFrequencies();
        var z = spectrum.ImpedanceOhm.ToArray();
        double wMin = w.Min(), wMax = w.Max();
        int extra = 1 + (options.SeriesCapacitance ? 1 : 0) + (options.SeriesInductance ? 1 : 0);
        int maxM = Math.Min(options.MaxRC ?? 100, 2 * n - extra - 1);
        if (maxM < 1) throw new InvalidInputException($"{spectrum.Metadata.SourcePath ?? "spectrum"}: {n} points are too few for a Kramers–Kronig test");
        Fit? last = null;
        // μ is erratic while M is far too small to describe the spectrum (a few RC elements over many decades can need
        // negative R_k); the search therefore starts at one element per decade of the measured range.
        int mStart = Math.Clamp((int)Math.Ceiling(Math.Log10(wMax / wMin)), 1, maxM);
        for (int m = mStart; m <= maxM; m++)
        {
            var fit = Solve(w, z, m, wMin, wMax, options);
            last = fit;
            if (fit.Mu <= options.MuThreshold) break;
        }
        var f = last!;
        var model = new Complex[n];
        var dRe = new double[n];
        var dIm = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            model[i] = f.Evaluate(w[i]);
            double mod = z[i].Magnitude;
            dRe[i] = (z[i].Real - model[i].Real) / mod;
            dIm[i] = (z[i].Imaginary - model[i].Imaginary) / mod;
            sum += dRe[i] * dRe[i] + dIm[i] * dIm[i];
        }
        double rms = 100 * Math.Sqrt(sum / (2 * n));
        return new KramersKronigResult(f.Mu, f.Tau.Length, rms, rms <= options.PassRmsPercent, dRe, dIm, f.Tau, f.R, f.R0,
            f.InverseC is { } ic && ic != 0 ? 1 / ic : null, model);
    }

    private sealed record Fit(double[] Tau, double[] R, double R0, double? InverseC, double? L, double Mu)
    {
        public Complex Evaluate(double w)
        {
            Complex s = R0;
            for (int k = 0; k < Tau.Length; k++) s += R[k] / new Complex(1, w * Tau[k]);
            if (InverseC is { } ic) s += new Complex(0, -ic / w);
            if (L is { } l) s += new Complex(0, w * l);
            return s;
        }
    }

    private static Fit Solve(double[] w, Complex[] z, int m, double wMin, double wMax, KramersKronigOptions o)
    {
        int n = w.Length;
        var tau = new double[m];
        for (int k = 0; k < m; k++)
            tau[k] = m == 1 ? 1 / Math.Sqrt(wMin * wMax) : Math.Exp(Math.Log(1 / wMax) + k * (Math.Log(1 / wMin) - Math.Log(1 / wMax)) / (m - 1));
        int cols = m + 1 + (o.SeriesCapacitance ? 1 : 0) + (o.SeriesInductance ? 1 : 0);
        var a = Matrix<double>.Build.Dense(2 * n, cols);
        var b = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(2 * n);
        for (int i = 0; i < n; i++)
        {
            double s = 1 / z[i].Magnitude;
            for (int k = 0; k < m; k++)
            {
                var basis = 1 / new Complex(1, w[i] * tau[k]);
                a[2 * i, k] = basis.Real * s;
                a[2 * i + 1, k] = basis.Imaginary * s;
            }
            a[2 * i, m] = s; // R0
            int c = m + 1;
            if (o.SeriesCapacitance) { a[2 * i + 1, c] = -s / w[i]; c++; } // 1/(jωC) = −j·(1/C)/ω, unknown 1/C
            if (o.SeriesInductance) a[2 * i + 1, c] = w[i] * s;
            b[2 * i] = z[i].Real * s;
            b[2 * i + 1] = z[i].Imaginary * s;
        }
        var x = a.Svd().Solve(b);
        var r = x.SubVector(0, m).ToArray();
        double pos = r.Where(v => v >= 0).Sum(), neg = r.Where(v => v < 0).Sum(v => -v);
        double mu = pos > 0 ? 1 - neg / pos : 0;
        int ci = m + 1;
        double? invC = o.SeriesCapacitance ? x[ci++] : null;
        double? l = o.SeriesInductance ? x[ci] : null;
        return new Fit(tau, r, x[m], invC, l, mu);
    }
}
