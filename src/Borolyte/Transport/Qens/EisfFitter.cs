namespace Borolyte.Transport.Qens;

/// <summary>
/// One model's fit to a measured EISF: optional immobile fraction p (A = p + (1 − p)·A₀,model), χ², AIC, Akaike weight,
/// and — with uncertainties — the goodness of fit: ν = n − k degrees of freedom, reduced χ² = χ²/ν and the p-value
/// P(χ²_ν ≥ χ²); <see cref="Fits"/> is p ≥ <see cref="EisfFitter.AcceptablePValue"/> (null without uncertainties).
/// </summary>
public sealed record EisfModelFit(EisfModelKind Model, string Mechanism, double ImmobileFraction, double ImmobileFractionStdErr, double ChiSquare, double Aic, double AkaikeWeight, int ParameterCount)
{
    public int DegreesOfFreedom { get; init; }
    public double ReducedChiSquare { get; init; }
    public double? PValue { get; init; }
    public bool? Fits => PValue is { } p ? p >= EisfFitter.AcceptablePValue : null;
}

/// <summary>How the immobile fraction p is handled: fitted (the default), held at zero, or held at a given value.</summary>
public sealed record ImmobileFraction(bool Fitted, double Value)
{
    public static readonly ImmobileFraction Fit = new(true, 0);
    public static readonly ImmobileFraction None = new(false, 0);
    public static ImmobileFraction Fixed(double value) =>
        value is >= 0 and < 1 ? new(false, value) : throw new InvalidInputException($"the immobile fraction must be in [0, 1), got {value}");
}

/// <summary>
/// The models ranked by AIC for one anion; <see cref="Best"/> is the AIC winner. <see cref="Verdict"/> is its mechanism
/// when it also passes the goodness-of-fit test (or when there are no uncertainties to test against), else
/// "no model fits".
/// </summary>
public sealed record EisfFit(ClosoAnion Anion, IReadOnlyList<EisfModelFit> Models, IReadOnlyList<EisfMeasurement> Points, bool Weighted, IReadOnlyList<string> Warnings)
{
    public EisfModelFit Best => Models[0];
    public const string NoModelFits = "no model fits";
    public string Verdict => Best.Fits == false ? NoModelFits : Best.Mechanism;
}

/// <summary>
/// Compares the EISF models of an anion against measured A₀(Q) (review §2.1: uniaxial below, multiaxial above the
/// transition). The geometry is fixed by the anion, so a model has no free parameter, or one with the immobile fraction
/// p (anions that do not reorient on the instrument's time scale; e.g. N. Verdal et al., J. Phys. Chem. C 118 (2014)
/// 17483, review ref. 73), which enters linearly and is solved in closed form (weighted least squares, clipped to [0, 1]).
/// With uncertainties χ² = Σ((A − Â)/σ)² and AIC = χ² + 2k; without, AIC = n·ln(RSS/n) + 2k (Burnham &amp; Anderson,
/// Model Selection, 2002, eq. 2.13). Akaike weights exp(−ΔAIC/2)/Σ. AIC only ranks the models against each other; with
/// uncertainties each is also tested against them: χ² of a correct model with correct Gaussian uncertainties follows a
/// χ² distribution with ν = n − k degrees of freedom (Bevington &amp; Robinson, Data Reduction and Error Analysis, 3rd ed.,
/// §11.1), so p = 1 − F_χ²(χ²; ν) below <see cref="AcceptablePValue"/> rejects the model, and when the AIC winner is
/// rejected the verdict is "no model fits" with a warning instead of a mechanism.
/// </summary>
public static class EisfFitter
{
    /// <summary>p-value below which a model is rejected by the χ² test (1 %).</summary>
    public const double AcceptablePValue = 0.01;

    public static EisfFit Fit(ClosoAnion anion, IReadOnlyList<EisfMeasurement> points, bool fitImmobileFraction, IReadOnlyList<EisfModelKind>? models = null) =>
        Fit(anion, points, fitImmobileFraction ? ImmobileFraction.Fit : ImmobileFraction.None, models);

    /// <summary>The models of <paramref name="anion"/> against <paramref name="points"/>; the immobile fraction is fitted unless <paramref name="immobile"/> says otherwise.</summary>
    public static EisfFit Fit(ClosoAnion anion, IReadOnlyList<EisfMeasurement> points, ImmobileFraction? immobile = null, IReadOnlyList<EisfModelKind>? models = null)
    {
        immobile ??= ImmobileFraction.Fit;
        bool fitImmobileFraction = immobile.Fitted;
        if (points.Count < 3) throw new InvalidInputException($"{points.Count} EISF point(s) are too few: at least 3 are needed");
        bool weighted = points.All(p => p.StdErr is > 0);
        var warnings = new List<string>();
        if (!weighted && points.Any(p => p.StdErr is not null)) warnings.Add("some points lack an uncertainty: all points weighted equally");
        var w = points.Select(p => weighted ? 1 / (p.StdErr!.Value * p.StdErr.Value) : 1.0).ToArray();
        int n = points.Count, k = fitImmobileFraction ? 1 : 0;
        var fits = new List<(EisfModelKind Kind, double P, double PErr, double Chi, double Aic)>();
        var curves = new Dictionary<EisfModelKind, double[]>();
        foreach (var kind in models ?? Eisf.Available(anion))
        {
            var m = points.Select(p => Eisf.Evaluate(anion, kind, p.QPerM)).ToArray();
            curves[kind] = m;
            double p = immobile.Value, pErr = 0;
            if (fitImmobileFraction)
            {
                // A − M = p(1 − M): p = Σw(A−M)(1−M)/Σw(1−M)².
                double num = 0, den = 0;
                for (int i = 0; i < n; i++) { double d = 1 - m[i]; num += w[i] * (points[i].Eisf - m[i]) * d; den += w[i] * d * d; }
                p = den > 0 ? Math.Clamp(num / den, 0, 1) : 0;
                double chiP = Chi(points, m, w, p);
                double s2 = weighted ? 1 : (n > 1 ? chiP / (n - 1) : double.NaN);
                pErr = den > 0 ? Math.Sqrt(s2 / den) : double.NaN;
            }
            double chi = Chi(points, m, w, p);
            double aic = weighted ? chi + 2 * k : n * Math.Log(Math.Max(chi, 1e-300) / n) + 2 * k;
            fits.Add((kind, p, pErr, chi, aic));
        }
        double minAic = fits.Min(f => f.Aic);
        double norm = fits.Sum(f => Math.Exp(-(f.Aic - minAic) / 2));
        int nu = n - k;
        var ranked = fits.OrderBy(f => f.Aic)
            .Select(f => new EisfModelFit(f.Kind, Eisf.Mechanism(f.Kind), f.P, f.PErr, f.Chi, f.Aic, Math.Exp(-(f.Aic - minAic) / 2) / norm, k)
            {
                DegreesOfFreedom = nu,
                ReducedChiSquare = f.Chi / nu,
                PValue = weighted ? 1 - MathNet.Numerics.Distributions.ChiSquared.CDF(nu, f.Chi) : null,
            }).ToList();
        var twins = ranked.Skip(1).Where(r => curves[r.Model].Zip(curves[ranked[0].Model]).All(x => Math.Abs(x.First - x.Second) < 1e-9)).ToList();
        if (twins.Count > 0)
            warnings.Add($"{string.Join(", ", twins.Select(t => Eisf.Name(t.Model)).Prepend(Eisf.Name(ranked[0].Model)))} give identical EISFs for {anion.Name}: " +
                         "the EISF cannot tell them apart (the quasielastic widths can)");
        else if (ranked.Count > 1 && ranked[1].Aic - ranked[0].Aic < 2)
            warnings.Add($"{Eisf.Name(ranked[0].Model)} and {Eisf.Name(ranked[1].Model)} are not distinguished (ΔAIC < 2): extend the Q range");
        double qMaxR = points.Max(p => p.QPerM) * anion.Hydrogens.Max(h => h.Length);
        if (qMaxR < 3) warnings.Add($"Q·r reaches only {qMaxR:0.0}: the models separate mainly above Q·r ≈ 3");
        var best = ranked[0];
        if (!weighted)
            warnings.Add("without uncertainties the goodness of fit cannot be judged: the ranking says which model is least bad, not that it fits");
        else if (best.Fits == false)
            warnings.Add($"no model fits: the best, {Eisf.Name(best.Model)}, has reduced χ² = {best.ReducedChiSquare:0.00} (ν = {nu}, p = {best.PValue:G2} < {AcceptablePValue}); " +
                         (fitImmobileFraction ? "the uncertainties may be underestimated, or the motion is none of these models (mixed or translational motion, other geometry)"
                                              : "try fitting the immobile fraction, check the uncertainties, or the motion is none of these models"));
        else
        {
            // Another mechanism that also passes the χ² test is not excluded by it; only the AIC difference separates them.
            var alsoFit = ranked.Skip(1).Where(r => r.Fits == true && r.Mechanism != best.Mechanism).ToList();
            if (alsoFit.Count > 0)
                warnings.Add($"also consistent with the uncertainties (χ² test): {string.Join(", ", alsoFit.Select(r => $"{Eisf.Name(r.Model)} (p = {r.PValue:G2}" + (r.ParameterCount > 0 ? $", immobile fraction {r.ImmobileFraction:0.00})" : ")")))}; " +
                             $"{Eisf.Name(best.Model)} is preferred by ΔAIC = {alsoFit[0].Aic - best.Aic:0.0}");
        }
        return new EisfFit(anion, ranked, points, weighted, warnings);
    }

    private static double Chi(IReadOnlyList<EisfMeasurement> pts, double[] m, double[] w, double p)
    {
        double s = 0;
        for (int i = 0; i < pts.Count; i++) { double r = pts[i].Eisf - (p + (1 - p) * m[i]); s += w[i] * r * r; }
        return s;
    }
}
