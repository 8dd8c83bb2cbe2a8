namespace Borolyte.Impedance;

/// <summary>One arc of a Nyquist plot: the frequency of its apex (−Z'' maximum), its estimated chord (R) and τ = 1/(2πf_apex).</summary>
public sealed record DetectedArc(double ApexFrequencyHz, double ResistanceOhm, double Prominence)
{
    public double TimeConstantS => 1 / (2 * Math.PI * ApexFrequencyHz);
}

/// <summary>
/// Finds the arcs of a spectrum for automatic initial guesses: local maxima of −Z'' (lightly smoothed, ordered by
/// descending frequency) with a prominence above 2 % of the largest −Z''. The resistance of an arc is the larger of its
/// chord on the real axis between the neighbouring minima and twice its apex height (an ideal RC arc is a semicircle
/// of diameter R whose apex height is R/2; Orazem &amp; Tribollet, 2nd ed., §4.1).
/// </summary>
public static class ArcDetection
{
    public static IReadOnlyList<DetectedArc> Find(Spectrum spectrum)
    {
        var order = Enumerable.Range(0, spectrum.Count).OrderByDescending(i => spectrum.FrequenciesHz[i]).ToArray();
        int n = order.Length;
        var f = order.Select(i => spectrum.FrequenciesHz[i]).ToArray();
        var x = order.Select(i => spectrum.ImpedanceOhm[i].Real).ToArray();
        var y = order.Select(i => -spectrum.ImpedanceOhm[i].Imaginary).ToArray();
        if (n < 3) return [];
        var ys = new double[n];
        for (int i = 0; i < n; i++)
            ys[i] = i == 0 || i == n - 1 ? y[i] : (y[i - 1] + 2 * y[i] + y[i + 1]) / 4;
        double ymax = ys.Max();
        if (!(ymax > 0)) return [];
        var peaks = new List<int>();
        for (int i = 1; i < n - 1; i++)
            if (ys[i] > 0 && ys[i] > ys[i - 1] && ys[i] >= ys[i + 1]) peaks.Add(i);
        var arcs = new List<(int Index, DetectedArc Arc)>();
        for (int k = 0; k < peaks.Count; k++)
        {
            int p = peaks[k];
            int from = k == 0 ? 0 : peaks[k - 1], to = k == peaks.Count - 1 ? n - 1 : peaks[k + 1];
            int left = from, right = p + 1;
            for (int i = from; i <= p; i++) if (ys[i] < ys[left]) left = i;
            for (int i = p + 1; i <= to; i++) if (ys[i] < ys[right]) right = i;
            double prominence = ys[p] - Math.Max(ys[left], ys[right]);
            if (prominence < 0.02 * ymax) continue;
            double chord = Math.Abs(x[right] - x[left]);
            arcs.Add((p, new DetectedArc(f[p], Math.Max(chord, 2 * y[p]), prominence)));
        }
        return arcs.OrderBy(a => a.Index).Select(a => a.Arc).ToList();
    }
}
