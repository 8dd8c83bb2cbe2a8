namespace Borolyte.Transport;

/// <summary>
/// Fits σ(T) in log space (weights (σ/δσ)² when uncertainties are given):
/// Arrhenius σ = σ₀·exp(−Eₐ/k_BT) and the hopping form σ = (A/T)·exp(−Eₐ/k_BT) (review §3.1, eq. 1);
/// VTF σ = A·exp(−B/(k_B(T − T₀))) (Vogel 1921; Fulcher, J. Am. Ceram. Soc. 8 (1925) 339; Tammann &amp; Hesse 1926), T₀
/// profiled on a grid; piecewise Arrhenius with one or two breaks, each between two consecutive temperatures, at least
/// <see cref="MinimumPointsPerSegment"/> points per segment, the number of breaks chosen by AICc (review §2.1: "a leap in
/// ionic conductivity upon order-disorder phase transition"; two for salts with an intermediate phase). A break whose
/// jump is significant (|jump| ≥ 2 standard errors) is an order–disorder transition; one without is a kink: a slope
/// change, reported as non-Arrhenius curvature. Automatic choice among the models by AICc (Hurvich &amp; Tsai,
/// Biometrika 76 (1989) 297), k = 2, 2, 3, and 3b − 1 for b segments (two per line and one per break: 5 or 8).
/// </summary>
public static class ConductivityFitter
{
    private const double RoomTemperatureK = 298.15;

    /// <summary>Fewest points a piecewise segment may hold (two for its line, one degree of freedom).</summary>
    public const int MinimumPointsPerSegment = 3;

    /// <summary>Most breaks the piecewise model considers.</summary>
    public const int MaximumBreaks = 2;

    public static ConductivityFit Fit(IReadOnlyList<ConductivityMeasurement> points, ConductivityModelKind? model = null)
    {
        var pts = points.OrderBy(p => p.TemperatureK).ToList();
        if (pts.Count < 3)
            throw new InvalidInputException($"{pts.Count} σ(T) point(s) are too few to fit: at least 3 are needed (2 parameters and one degree of freedom)");
        int distinct = pts.Select(p => Math.Round(p.TemperatureK, 6)).Distinct().Count();
        if (distinct < 3)
            throw new InvalidInputException($"the {pts.Count} σ(T) points lie at only {distinct} distinct temperature(s): too few to fit (at least 3 temperatures are needed)");
        var fits = new Dictionary<ConductivityModelKind, ConductivityFit>();
        foreach (var kind in new[] { ConductivityModelKind.Arrhenius, ConductivityModelKind.ArrheniusT, ConductivityModelKind.Vtf, ConductivityModelKind.Piecewise })
        {
            if (model is { } m && m != kind) continue;
            var fit = kind switch
            {
                ConductivityModelKind.Vtf => FitVtf(pts),
                ConductivityModelKind.Piecewise => FitPiecewise(pts),
                _ => FitArrhenius(pts, kind == ConductivityModelKind.ArrheniusT),
            };
            if (fit is not null) fits[kind] = fit;
        }
        if (model is { } requested && !fits.ContainsKey(requested))
            throw new InvalidInputException(requested switch
            {
                ConductivityModelKind.Piecewise => $"piecewise Arrhenius needs at least 6 points (3 per phase), got {pts.Count}",
                _ => $"{ConductivityFit.ModelName(requested)} needs at least 4 points, got {pts.Count}",
            });
        var aicc = fits.ToDictionary(kv => kv.Key, kv => kv.Value.Aicc);
        var best = fits.Values.OrderBy(f => f.Aicc).ThenBy(f => (int)f.Model).First();
        var warnings = best.Warnings.ToList();
        if (model is null && fits.TryGetValue(ConductivityModelKind.Arrhenius, out var arr) && fits.TryGetValue(ConductivityModelKind.Vtf, out var vtf)
            && vtf.Aicc < arr.Aicc - 2 && best.Model != ConductivityModelKind.Piecewise)
            warnings.Add("non-Arrhenius curvature: VTF describes the data better than a single Arrhenius line (ΔAICc > 2)");
        return best with { AiccByModel = aicc, Warnings = warnings };
    }

    private static double[] Weights(IReadOnlyList<ConductivityMeasurement> pts) =>
        pts.Select(p => p.StdErrSPerCm is { } e && e > 0 ? Math.Pow(p.ConductivitySPerCm / e, 2) : 1.0).ToArray();

    private static double Aicc(double sse, int n, int k) =>
        n - k - 1 <= 0 ? double.PositiveInfinity : n * Math.Log(Math.Max(sse, 1e-300) / n) + 2 * k + 2.0 * k * (k + 1) / (n - k - 1);

    private static ArrheniusSegment Segment(IReadOnlyList<ConductivityMeasurement> pts, bool timesT)
    {
        var x = pts.Select(p => 1 / p.TemperatureK).ToArray();
        var y = pts.Select(p => Math.Log(p.ConductivitySPerCm * (timesT ? p.TemperatureK : 1))).ToArray();
        var line = WeightedLine.Fit(x, y, Weights(pts));
        // Slope of ln σ against 1/T is −Eₐ/k_B (review §2.1, Arrhenius law).
        double ea = -line.Slope * PhysicalConstants.BoltzmannEvPerK;
        return new ArrheniusSegment(pts[0].TemperatureK, pts[^1].TemperatureK, ea, Math.Sqrt(line.VarSlope) * PhysicalConstants.BoltzmannEvPerK,
            Math.Exp(line.Intercept), timesT, line);
    }

    private static (double Value, double Lower, double Upper) AtRoomTemperature(ArrheniusSegment s)
    {
        double x = 1 / RoomTemperatureK;
        double y = s.Line.Predict(x), se = s.Line.PredictionStdErr(x), t = s.Line.T95;
        double shift = s.TimesT ? Math.Log(RoomTemperatureK) : 0;
        return (Math.Exp(y - shift), Math.Exp(y - t * se - shift), Math.Exp(y + t * se - shift));
    }

    private static List<string> RangeWarning(IReadOnlyList<ConductivityMeasurement> pts)
    {
        var w = new List<string>();
        if (RoomTemperatureK < pts[0].TemperatureK - 1e-9 || RoomTemperatureK > pts[^1].TemperatureK + 1e-9)
            w.Add($"σ(25 °C) is extrapolated: the data span {pts[0].TemperatureK - PhysicalConstants.ZeroCelsiusK:0.#}–{pts[^1].TemperatureK - PhysicalConstants.ZeroCelsiusK:0.#} °C");
        return w;
    }

    private static ConductivityFit FitArrhenius(List<ConductivityMeasurement> pts, bool timesT)
    {
        var s = Segment(pts, timesT);
        var (v, lo, hi) = AtRoomTemperature(s);
        var kind = timesT ? ConductivityModelKind.ArrheniusT : ConductivityModelKind.Arrhenius;
        return new ConductivityFit(kind, [s], [], v, lo, hi, Aicc(s.Line.WeightedSse, pts.Count, 2), new Dictionary<ConductivityModelKind, double>(), pts, RangeWarning(pts));
    }

    private static ConductivityFit? FitVtf(List<ConductivityMeasurement> pts)
    {
        if (pts.Count < 4) return null;
        var w = Weights(pts);
        var y = pts.Select(p => Math.Log(p.ConductivitySPerCm)).ToArray();
        double tMin = pts[0].TemperatureK;
        WeightedLine LineAt(double t0) => WeightedLine.Fit(pts.Select(p => 1 / (p.TemperatureK - t0)).ToArray(), y, w);
        // Profile T₀ on [0, T_min − 1 K]: grid, then golden-section refinement around the best node.
        int grid = 200;
        double hiT0 = tMin - 1, best = 0, bestSse = double.PositiveInfinity;
        for (int g = 0; g <= grid; g++)
        {
            double t0 = hiT0 * g / grid;
            double sse = LineAt(t0).WeightedSse;
            if (sse < bestSse) { bestSse = sse; best = t0; }
        }
        double a = Math.Max(0, best - hiT0 / grid), b = Math.Min(hiT0, best + hiT0 / grid);
        const double gr = 0.6180339887498949;
        for (int it = 0; it < 60; it++)
        {
            double c = b - gr * (b - a), d = a + gr * (b - a);
            if (LineAt(c).WeightedSse < LineAt(d).WeightedSse) b = d; else a = c;
        }
        double t0Best = (a + b) / 2;
        var line = LineAt(t0Best);
        if (line.Slope > 0) return null;
        var seg = new ArrheniusSegment(pts[0].TemperatureK, pts[^1].TemperatureK, -line.Slope * PhysicalConstants.BoltzmannEvPerK,
            Math.Sqrt(line.VarSlope) * PhysicalConstants.BoltzmannEvPerK, Math.Exp(line.Intercept), false, line);
        double x = 1 / (RoomTemperatureK - t0Best);
        double yv = line.Predict(x), se = line.PredictionStdErr(x), t = pts.Count > 3 ? MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, pts.Count - 3, 0.975) : 1.96;
        var warnings = RangeWarning(pts);
        warnings.Add("VTF interval is conditional on the fitted T₀");
        return new ConductivityFit(ConductivityModelKind.Vtf, [seg], [], Math.Exp(yv), Math.Exp(yv - t * se), Math.Exp(yv + t * se),
            Aicc(line.WeightedSse, pts.Count, 3), new Dictionary<ConductivityModelKind, double>(), pts, warnings) { VtfT0K = t0Best };
    }

    private static ConductivityFit? FitPiecewise(List<ConductivityMeasurement> pts)
    {
        int n = pts.Count, m = MinimumPointsPerSegment;
        if (n < 2 * m) return null;
        ConductivityFit? best = null;
        for (int breaks = 1; breaks <= MaximumBreaks && n >= (breaks + 1) * m; breaks++)
        {
            (List<ArrheniusSegment> Segments, int[] Splits, double Sse)? bestOfCount = null;
            foreach (var splits in Splits(n, breaks, m))
            {
                if (splits.Any(k => pts[k].TemperatureK == pts[k - 1].TemperatureK)) continue;
                var bounds = splits.Prepend(0).Append(n).ToArray();
                var segments = Enumerable.Range(0, breaks + 1).Select(i => Segment(pts.Skip(bounds[i]).Take(bounds[i + 1] - bounds[i]).ToList(), false)).ToList();
                double sse = segments.Sum(sg => sg.Line.WeightedSse);
                if (bestOfCount is null || sse < bestOfCount.Value.Sse) bestOfCount = (segments, splits, sse);
            }
            if (bestOfCount is null) continue;
            var fit = Piecewise(pts, bestOfCount.Value.Segments, bestOfCount.Value.Splits, bestOfCount.Value.Sse);
            if (best is null || fit.Aicc < best.Aicc) best = fit;
        }
        return best;
    }

    /// <summary>Every ascending choice of <paramref name="breaks"/> split indices (a segment starts at each) leaving ≥ <paramref name="m"/> points per segment.</summary>
    private static IEnumerable<int[]> Splits(int n, int breaks, int m)
    {
        if (breaks == 1)
        {
            for (int a = m; a <= n - m; a++) yield return [a];
            yield break;
        }
        for (int a = m; a <= n - 2 * m; a++)
            for (int b = a + m; b <= n - m; b++) yield return [a, b];
    }

    private static ConductivityFit Piecewise(List<ConductivityMeasurement> pts, List<ArrheniusSegment> segments, int[] splits, double sse)
    {
        var transitions = new List<PhaseTransition>();
        var kinks = new List<ArrheniusKink>();
        var breakTemperatures = new List<double>();
        for (int b = 0; b < splits.Length; b++)
        {
            int k = splits[b];
            var (lo, hi) = (segments[b], segments[b + 1]);
            double tt = (pts[k - 1].TemperatureK + pts[k].TemperatureK) / 2;
            double gap = pts[k].TemperatureK - pts[k - 1].TemperatureK;
            double xt = 1 / tt;
            double jump = (hi.Line.Predict(xt) - lo.Line.Predict(xt)) / Math.Log(10);
            double jumpSe = Math.Sqrt(Math.Pow(hi.Line.PredictionStdErr(xt), 2) + Math.Pow(lo.Line.PredictionStdErr(xt), 2)) / Math.Log(10);
            // The break lies somewhere in the gap between the two bracketing points: uniform, σ = gap/√12.
            double tSe = gap / Math.Sqrt(12);
            breakTemperatures.Add(tt);
            if (Math.Abs(jump) >= 2 * jumpSe) transitions.Add(new PhaseTransition(tt, tSe, jump, jumpSe));
            else kinks.Add(new ArrheniusKink(tt, tSe, jump, jumpSe, lo.ActivationEnergyEv, hi.ActivationEnergyEv));
        }
        int room = breakTemperatures.Count(t => RoomTemperatureK >= t);
        var (v, l, u) = AtRoomTemperature(segments[room]);
        var warnings = RangeWarning(pts);
        foreach (var kink in kinks)
            warnings.Add($"non-Arrhenius curvature: Eₐ changes from {kink.ActivationEnergyBelowEv:0.00} to {kink.ActivationEnergyAboveEv:0.00} eV near {kink.TemperatureK:0} K " +
                         $"without a significant jump ({kink.JumpDecades:0.00} ± {kink.JumpStdErrDecades:0.00} decades): a kink, not a transition (cf. review §2.1, ≥0.6 → <0.35 eV in mixed-anion salts)");
        int parameters = 3 * segments.Count - 1;
        return new ConductivityFit(ConductivityModelKind.Piecewise, segments, transitions, v, l, u, Aicc(sse, pts.Count, parameters),
            new Dictionary<ConductivityModelKind, double>(), pts, warnings) { Kinks = kinks, BreakTemperaturesK = breakTemperatures };
    }
}
