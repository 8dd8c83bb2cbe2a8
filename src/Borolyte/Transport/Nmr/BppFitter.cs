using Borolyte.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace Borolyte.Transport.Nmr;

/// <summary>
/// Fits R₁(T) measured at one or several Larmor frequencies jointly with a sum of BPP terms (<see cref="BppRelaxation"/>):
/// weighted least squares on ln R₁ (weights (R₁/δR₁)² when uncertainties are given, else equal) over the vector
/// (ln Cₖ, ln τ₀ₖ, Eₐₖ) per process with <see cref="LevenbergMarquardt"/> and an analytic Jacobian. Starts place each
/// process's R₁ maximum (ωτ = 0.6158) at a local maximum of the data for several Eₐ; each start is screened and the best
/// polished. Covariance s²(JᵀJ)⁻¹ with s² = SSE/(m − p) (relative weights, as scipy's curve_fit). With a transition the
/// phases either side are fitted independently (review §2.1: R₁ "drops discontinuously" at the order–disorder transition).
/// </summary>
public static class BppFitter
{
    private static readonly double[] EaGridEv = [0.1, 0.2, 0.3, 0.45, 0.65, 0.9, 1.3];
    private const double SlowLimit = 10, FastLimit = 0.1;

    public static BppFit Fit(IReadOnlyList<RelaxationMeasurement> points, BppFitOptions? options = null)
    {
        options ??= new BppFitOptions();
        if (options.Processes is < 1 or > 3) throw new InvalidInputException($"--processes must be 1, 2 or 3, got {options.Processes}");
        if (options.TransitionK is not null && options.DetectTransition) throw new InvalidInputException("give either a transition temperature or ask to detect one, not both");
        var pts = points.OrderBy(p => p.TemperatureK).ThenBy(p => p.LarmorHz).ToList();
        var larmor = new List<double>();
        foreach (var p in points) if (!larmor.Any(l => Math.Abs(l - p.LarmorHz) <= 1e-9 * l)) larmor.Add(p.LarmorHz);
        int k = options.Processes;
        var warnings = new List<string>();

        if (options.TransitionK is { } tt)
        {
            var low = pts.Where(p => p.TemperatureK < tt).ToList();
            var high = pts.Where(p => p.TemperatureK >= tt).ToList();
            Require(low, k, $"below the transition at {tt:0.##} K");
            Require(high, k, $"above the transition at {tt:0.##} K");
            var segs = ShareCoupling([FitSegment(low, k, larmor), FitSegment(high, k, larmor)], [low, high], k, larmor, warnings);
            return Assemble(segs, [new RelaxationTransition(tt, 0, false)], larmor, pts, k, warnings);
        }

        Require(pts, k, "in the data");
        var single = FitSegment(pts, k, larmor);
        if (!options.DetectTransition) return Assemble([single], [], larmor, pts, k, warnings);

        var temps = pts.Select(p => p.TemperatureK).Distinct().Order().ToList();
        (BppSegment Low, BppSegment High, double Lo, double Hi, double Sse)? best = null;
        for (int i = 1; i < temps.Count; i++)
        {
            var low = pts.Where(p => p.TemperatureK < temps[i]).ToList();
            var high = pts.Where(p => p.TemperatureK >= temps[i]).ToList();
            if (!Enough(low, k) || !Enough(high, k)) continue;
            var a = FitSegment(low, k, larmor);
            var b = FitSegment(high, k, larmor);
            if (best is null || a.WeightedSse + b.WeightedSse < best.Value.Sse) best = (a, b, temps[i - 1], temps[i], a.WeightedSse + b.WeightedSse);
        }
        int n = pts.Count;
        double aiccSingle = Aicc(single.WeightedSse, n, 3 * k);
        if (best is { } s && Aicc(s.Sse, n, 6 * k + 1) < aiccSingle - 2)
        {
            var transition = new RelaxationTransition((s.Lo + s.Hi) / 2, (s.Hi - s.Lo) / Math.Sqrt(12), true);
            var segs = ShareCoupling([s.Low, s.High], [pts.Where(p => p.TemperatureK < s.Hi).ToList(), pts.Where(p => p.TemperatureK >= s.Hi).ToList()], k, larmor, warnings);
            return Assemble(segs, [transition], larmor, pts, k, warnings);
        }
        warnings.Add(best is null ? "no transition searched: too few points for two phases" : "no transition detected: one phase describes the data (AICc)");
        return Assemble([single], [], larmor, pts, k, warnings);
    }

    /// <summary>True when every process of the segment stays on one side of ωτ = 1 over the segment at every frequency.</summary>
    private static bool OneFlank(BppSegment seg, IReadOnlyList<double> larmor) =>
        seg.Processes.Any(p =>
        {
            var x = larmor.SelectMany(l => new[] { seg.TMinK, seg.TMaxK }.Select(t => BppRelaxation.AngularFrequency(l) * p.CorrelationTimeS(t))).ToList();
            return x.All(v => v > 1) || x.All(v => v < 1);
        });

    /// <summary>
    /// A phase whose data cover one flank only determines Eₐ but not τ₀ and C separately. When the other phase shows the R₁
    /// maximum, its couplings C are carried over (the same intramolecular H–H dipolar interaction is modulated, review §2.1),
    /// which fixes τ₀ and the jump rates; a warning states the assumption.
    /// </summary>
    private static BppSegment[] ShareCoupling(BppSegment[] segs, List<RelaxationMeasurement>[] data, int k, List<double> larmor, List<string> warnings)
    {
        bool lowOne = OneFlank(segs[0], larmor), highOne = OneFlank(segs[1], larmor);
        if (lowOne == highOne) return segs;
        int from = lowOne ? 1 : 0, to = 1 - from;
        var couplings = segs[from].Processes.Select(p => p.CouplingPerS2).ToList();
        segs[to] = FitSegment(data[to], k, larmor, couplings);
        warnings.Add($"the {(to == 0 ? "low" : "high")}-temperature phase ({segs[to].TMinK:0.#}–{segs[to].TMaxK:0.#} K) covers one flank only: " +
                     $"C is taken from the other phase (same dipolar coupling assumed) so that τ₀ and the jump rates are determined");
        return segs;
    }

    private static bool Enough(IReadOnlyList<RelaxationMeasurement> pts, int k) =>
        pts.Count >= 3 * k + 1 && pts.Select(p => p.TemperatureK).Distinct().Count() >= 3;

    private static void Require(IReadOnlyList<RelaxationMeasurement> pts, int k, string where)
    {
        if (!Enough(pts, k))
            throw new InvalidInputException($"{pts.Count} R1 point(s) at {pts.Select(p => p.TemperatureK).Distinct().Count()} temperature(s) {where}: " +
                                            $"{k} BPP process(es) need at least {3 * k + 1} points at 3 or more temperatures");
    }

    private static double Aicc(double sse, int n, int p) =>
        n - p - 1 <= 0 ? double.PositiveInfinity : n * Math.Log(Math.Max(sse, 1e-300) / n) + 2 * p + 2.0 * p * (p + 1) / (n - p - 1);

    private static BppFit Assemble(BppSegment[] segments, RelaxationTransition[] transitions, List<double> larmor, List<RelaxationMeasurement> pts,
        int k, List<string> warnings)
    {
        double sse = segments.Sum(s => s.WeightedSse);
        int parameters = segments.Length * 3 * k + transitions.Count(t => t.Detected);
        double reduced = pts.Count > parameters ? sse / (pts.Count - parameters) : double.NaN;
        // Primary: a process whose maximum at the first frequency lies inside its own segment (largest C), else the first.
        int ps = 0, pp = 0;
        double bestC = double.NegativeInfinity;
        for (int s = 0; s < segments.Length; s++)
            for (int j = 0; j < segments[s].Processes.Count; j++)
            {
                var proc = segments[s].Processes[j];
                double t = proc.PeakTemperatureK(larmor[0]);
                if (t >= segments[s].TMinK && t <= segments[s].TMaxK && proc.CouplingPerS2 > bestC) { ps = s; pp = j; bestC = proc.CouplingPerS2; }
            }
        for (int s = 0; s < segments.Length; s++)
            for (int j = 0; j < segments[s].Processes.Count; j++)
            {
                var proc = segments[s].Processes[j];
                var taus = larmor.SelectMany(l => new[] { segments[s].TMinK, segments[s].TMaxK }
                    .Select(t => BppRelaxation.AngularFrequency(l) * proc.CorrelationTimeS(t))).ToList();
                string where = segments.Length > 1 ? $"segment {s + 1} ({segments[s].TMinK:0.#}–{segments[s].TMaxK:0.#} K), " : "";
                if ((taus.All(x => x > 1) || taus.All(x => x < 1)) && proc.LnCouplingStdErr != 0) // C held fixed: see ShareCoupling
                    warnings.Add($"{where}process {j + 1}: the data cover only the {(taus.All(x => x > 1) ? "slow" : "fast")}-motion flank (no R1 maximum): " +
                                 "Eₐ is determined, τ₀ and C separately only through the curvature near the maximum (see their standard errors)");
                if (double.IsNaN(proc.LnTau0StdErr)) warnings.Add($"{where}process {j + 1}: parameters are not identifiable (singular normal matrix)");
            }
        if (double.IsNaN(segments[ps].Processes[pp].PeakTemperatureK(larmor[0])))
            warnings.Add("the primary process never reaches ωτ = 0.616 at the first Larmor frequency: no peak temperature");
        return new BppFit(segments, transitions, larmor, pts, sse, reduced, Aicc(sse, pts.Count, parameters), ps, pp, warnings);
    }

    /// <summary>Fits one temperature range with k BPP processes.</summary>
    /// <param name="fixedCouplingsPerS2">Hold C of each process at these values (a phase whose data cover one flank only).</param>
    public static BppSegment FitSegment(IReadOnlyList<RelaxationMeasurement> pts, int k, IReadOnlyList<double>? larmorOrder = null,
        IReadOnlyList<double>? fixedCouplingsPerS2 = null)
    {
        int m = pts.Count, n = 3 * k;
        var omega = pts.Select(p => BppRelaxation.AngularFrequency(p.LarmorHz)).ToArray();
        var invKt = pts.Select(p => 1 / (PhysicalConstants.BoltzmannEvPerK * p.TemperatureK)).ToArray();
        var y = pts.Select(p => Math.Log(p.R1PerS)).ToArray();
        var w = pts.Select(p => p.StdErrPerS is { } e ? p.R1PerS / e : 1.0).ToArray(); // 1/σ of ln R₁
        var lower = new double[n];
        var upper = new double[n];
        for (int j = 0; j < k; j++)
        {
            lower[3 * j] = -20; upper[3 * j] = 70;                              // ln C, C in s⁻²
            lower[3 * j + 1] = Math.Log(1e-24); upper[3 * j + 1] = Math.Log(1e-4); // ln τ₀, τ₀ in s
            lower[3 * j + 2] = 0.005; upper[3 * j + 2] = 4;                      // Eₐ in eV
            if (fixedCouplingsPerS2 is not null) lower[3 * j] = upper[3 * j] = Math.Log(fixedCouplingsPerS2[j]);
        }
        var free = Enumerable.Range(0, n).Where(a => lower[a] < upper[a]).ToArray();

        void Residuals(ReadOnlySpan<double> x, Span<double> r, Span<double> jac)
        {
            Span<double> parts = stackalloc double[3];
            for (int i = 0; i < m; i++)
            {
                double total = 0;
                for (int j = 0; j < k; j++)
                {
                    double tau = Math.Exp(x[3 * j + 1] + x[3 * j + 2] * invKt[i]);
                    total += Math.Exp(x[3 * j]) * BppRelaxation.SpectralSum(omega[i], tau);
                }
                r[i] = w[i] * (y[i] - Math.Log(total));
                if (jac.Length == 0) continue;
                for (int j = 0; j < k; j++)
                {
                    double c = Math.Exp(x[3 * j]);
                    double tau = Math.Exp(x[3 * j + 1] + x[3 * j + 2] * invKt[i]);
                    double dLnC = c * BppRelaxation.SpectralSum(omega[i], tau) / total;
                    double dLnTau = c * BppRelaxation.SpectralSumLogDerivative(omega[i], tau) / total;
                    jac[i * n + 3 * j] = -w[i] * dLnC;
                    jac[i * n + 3 * j + 1] = -w[i] * dLnTau;
                    jac[i * n + 3 * j + 2] = -w[i] * dLnTau * invKt[i];
                }
            }
        }

        LevenbergMarquardtResult? best = null;
        foreach (var start in Starts(pts, k, larmorOrder))
        {
            for (int j = 0; j < n; j++) start[j] = Math.Clamp(start[j], lower[j], upper[j]);
            var screened = LevenbergMarquardt.Minimize(Residuals, m, start, lower, upper, new LevenbergMarquardtOptions { MaxIterations = 25 });
            if (best is null || screened.Cost < best.Cost) best = screened;
        }
        var result = LevenbergMarquardt.Minimize(Residuals, m, best!.X, lower, upper, new LevenbergMarquardtOptions { MaxIterations = 500 });
        var x = result.X;

        // Order processes by Eₐ·(1/T) position: by the temperature of their maximum at the first frequency (low T first).
        double refOmega = BppRelaxation.AngularFrequency((larmorOrder ?? [pts[0].LarmorHz])[0]);
        var order = Enumerable.Range(0, k).OrderBy(j => x[3 * j + 2] / Math.Max(Math.Log(BppRelaxation.PeakOmegaTau / (refOmega * Math.Exp(x[3 * j + 1]))), 1e-9)).ToArray();

        int nf = free.Length;
        double s2 = m > nf ? result.Cost / (m - nf) : double.NaN;
        var cov = new double[n, n]; // fixed parameters keep zero variance
        bool singular = false;
        try
        {
            var inv = Matrix<double>.Build.Dense(nf, nf, (a, b) => result.NormalMatrix[free[a], free[b]]).Inverse();
            var full = new double[n, n];
            for (int a = 0; a < nf; a++) for (int b = 0; b < nf; b++) full[free[a], free[b]] = s2 * inv[a, b];
            for (int a = 0; a < n; a++) for (int b = 0; b < n; b++) cov[a, b] = full[order[a / 3] * 3 + a % 3, order[b / 3] * 3 + b % 3];
            foreach (int a in free) if (!(full[a, a] >= 0) || !double.IsFinite(full[a, a])) singular = true;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException) { singular = true; }
        if (singular) for (int a = 0; a < n; a++) for (int b = 0; b < n; b++) cov[a, b] = double.NaN;

        var processes = order.Select((j, idx) => new BppProcess(x[3 * j + 2], Math.Sqrt(cov[3 * idx + 2, 3 * idx + 2]), Math.Exp(x[3 * j + 1]),
            Math.Sqrt(cov[3 * idx + 1, 3 * idx + 1]), Math.Exp(x[3 * j]), Math.Sqrt(cov[3 * idx, 3 * idx]))).ToList();
        var flanks = k == 1 ? Flanks(pts, processes[0]) : [];
        return new BppSegment(pts.Min(p => p.TemperatureK), pts.Max(p => p.TemperatureK), processes, cov, flanks, result.Cost, m);
    }

    private static IEnumerable<double[]> Starts(IReadOnlyList<RelaxationMeasurement> pts, int k, IReadOnlyList<double>? larmorOrder)
    {
        // The series at the first frequency (or the richest one) locates the maxima.
        double nu = (larmorOrder ?? []).FirstOrDefault(l => pts.Count(p => p.LarmorHz == l) >= 3, 0);
        if (nu == 0) nu = pts.GroupBy(p => p.LarmorHz).OrderByDescending(g => g.Count()).First().Key;
        var series = pts.Where(p => p.LarmorHz == nu).OrderBy(p => p.TemperatureK).ToList();
        double omega = BppRelaxation.AngularFrequency(nu);
        double jPeak = BppRelaxation.SpectralSum(omega, BppRelaxation.PeakOmegaTau / omega);
        // k blocks of equal count, the maximum of each; plus the overall maximum for every process (one start).
        var peaks = new List<RelaxationMeasurement[]>();
        var blocks = Enumerable.Range(0, k).Select(b => series.Skip(b * series.Count / k).Take(Math.Max(1, (b + 1) * series.Count / k - b * series.Count / k)).ToList()).ToList();
        peaks.Add(blocks.Select(bl => bl.Count > 0 ? bl.MaxBy(p => p.R1PerS)! : series[^1]).ToArray());
        // Maxima placed beyond either end of the range (monotonic data).
        peaks.Add(Enumerable.Range(0, k).Select(_ => series[0] with { TemperatureK = series[0].TemperatureK * 0.8 }).ToArray());
        peaks.Add(Enumerable.Range(0, k).Select(_ => series[^1] with { TemperatureK = series[^1].TemperatureK * 1.2 }).ToArray());
        foreach (var placement in peaks)
            foreach (var ea in EaGridEv)
            {
                var x = new double[3 * k];
                for (int j = 0; j < k; j++)
                {
                    var p = placement[j];
                    double scale = ea; // the same Eₐ for every process of a start
                    x[3 * j] = Math.Log(Math.Max(p.R1PerS, 1e-12) / k / jPeak);
                    x[3 * j + 1] = Math.Log(BppRelaxation.PeakOmegaTau / omega) - scale / (PhysicalConstants.BoltzmannEvPerK * p.TemperatureK);
                    x[3 * j + 2] = scale;
                }
                yield return x;
            }
    }

    /// <summary>Apparent Eₐ on each flank: common slope of ln R₁ vs 1/T with one intercept per frequency.</summary>
    private static List<FlankActivation> Flanks(IReadOnlyList<RelaxationMeasurement> pts, BppProcess process)
    {
        var list = new List<FlankActivation>();
        foreach (var (limit, select, sign) in new (string, Func<double, bool>, double)[] { ("slow", x => x >= SlowLimit, -1), ("fast", x => x <= FastLimit, 1) })
        {
            var chosen = pts.Where(p => select(BppRelaxation.AngularFrequency(p.LarmorHz) * process.CorrelationTimeS(p.TemperatureK))).ToList();
            var groups = chosen.GroupBy(p => p.LarmorHz).Where(g => g.Select(p => p.TemperatureK).Distinct().Count() >= 2).ToList();
            int count = groups.Sum(g => g.Count());
            if (count < groups.Count + 2) continue;
            double sxy = 0, sxx = 0;
            foreach (var g in groups)
            {
                double mx = g.Average(p => 1 / p.TemperatureK), my = g.Average(p => Math.Log(p.R1PerS));
                foreach (var p in g) { sxy += (1 / p.TemperatureK - mx) * (Math.Log(p.R1PerS) - my); sxx += Math.Pow(1 / p.TemperatureK - mx, 2); }
            }
            double slope = sxy / sxx, sse = 0;
            foreach (var g in groups)
            {
                double mx = g.Average(p => 1 / p.TemperatureK), my = g.Average(p => Math.Log(p.R1PerS));
                foreach (var p in g) sse += Math.Pow(Math.Log(p.R1PerS) - my - slope * (1 / p.TemperatureK - mx), 2);
            }
            int dof = count - groups.Count - 1;
            double se = dof > 0 ? Math.Sqrt(sse / dof / sxx) : double.NaN;
            // Slow limit: ln R₁ = const − Eₐ/k_BT; fast limit: ln R₁ = const + Eₐ/k_BT (review §2.1).
            list.Add(new FlankActivation(limit, sign * slope * PhysicalConstants.BoltzmannEvPerK, se * PhysicalConstants.BoltzmannEvPerK, count));
        }
        return list;
    }
}
