namespace Borolyte.Transport.Qens;

/// <summary>One model's fit to a measured EISF: optional immobile fraction p (A = p + (1 − p)·A₀,model), χ², AIC, Akaike weight.</summary>
public sealed record EisfModelFit(EisfModelKind Model, string Mechanism, double ImmobileFraction, double ImmobileFractionStdErr, double ChiSquare, double Aic, double AkaikeWeight, int ParameterCount);

/// <summary>The models ranked by AIC for one anion; <see cref="Best"/> decides uniaxial vs multiaxial.</summary>
public sealed record EisfFit(ClosoAnion Anion, IReadOnlyList<EisfModelFit> Models, IReadOnlyList<EisfMeasurement> Points, bool Weighted, IReadOnlyList<string> Warnings)
{
    public EisfModelFit Best => Models[0];
}

/// <summary>
/// Compares the EISF models of an anion against measured A₀(Q) (review §2.1: uniaxial below, multiaxial above the
/// transition). The geometry is fixed by the anion, so a model has no free parameter, or one with the immobile fraction
/// p (anions that do not reorient on the instrument's time scale; e.g. N. Verdal et al., J. Phys. Chem. C 118 (2014)
/// 17483, review ref. 73), which enters linearly and is solved in closed form (weighted least squares, clipped to [0, 1]).
/// With uncertainties χ² = Σ((A − Â)/σ)² and AIC = χ² + 2k; without, AIC = n·ln(RSS/n) + 2k (Burnham &amp; Anderson,
/// Model Selection, 2002, eq. 2.13). Akaike weights exp(−ΔAIC/2)/Σ.
/// </summary>
public static class EisfFitter
{
    public static EisfFit Fit(ClosoAnion anion, IReadOnlyList<EisfMeasurement> points, bool fitImmobileFraction = false, IReadOnlyList<EisfModelKind>? models = null)
    {
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
            double p = 0, pErr = 0;
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
        var ranked = fits.OrderBy(f => f.Aic)
            .Select(f => new EisfModelFit(f.Kind, Eisf.Mechanism(f.Kind), f.P, f.PErr, f.Chi, f.Aic, Math.Exp(-(f.Aic - minAic) / 2) / norm, k)).ToList();
        var twins = ranked.Skip(1).Where(r => curves[r.Model].Zip(curves[ranked[0].Model]).All(x => Math.Abs(x.First - x.Second) < 1e-9)).ToList();
        if (twins.Count > 0)
            warnings.Add($"{string.Join(", ", twins.Select(t => Eisf.Name(t.Model)).Prepend(Eisf.Name(ranked[0].Model)))} give identical EISFs for {anion.Name}: " +
                         "the EISF cannot tell them apart (the quasielastic widths can)");
        else if (ranked.Count > 1 && ranked[1].Aic - ranked[0].Aic < 2)
            warnings.Add($"{Eisf.Name(ranked[0].Model)} and {Eisf.Name(ranked[1].Model)} are not distinguished (ΔAIC < 2): extend the Q range");
        double qMaxR = points.Max(p => p.QPerM) * anion.Hydrogens.Max(h => h.Length);
        if (qMaxR < 3) warnings.Add($"Q·r reaches only {qMaxR:0.0}: the models separate mainly above Q·r ≈ 3");
        return new EisfFit(anion, ranked, points, weighted, warnings);
    }

    private static double Chi(IReadOnlyList<EisfMeasurement> pts, double[] m, double[] w, double p)
    {
        double s = 0;
        for (int i = 0; i < pts.Count; i++) { double r = pts[i].Eisf - (p + (1 - p) * m[i]); s += w[i] * r * r; }
        return s;
    }
}
