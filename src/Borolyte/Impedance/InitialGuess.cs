using System.Numerics;
using Borolyte.Impedance.Circuits;

namespace Borolyte.Impedance;

/// <summary>
/// Automatic starting values so that nobody has to guess: arcs found by <see cref="ArcDetection"/> are matched, from high
/// to low frequency, to the circuit's "arc slots" in order of appearance (a parallel group, or a Zarc/H/K/G element);
/// a slot gets R = the arc's chord and τ = 1/(2πf_apex), hence C = τ/R and, for a CPE of exponent n, Q = τ^n/R (the
/// ZARC relation τ^n = RQ). A series resistor gets the high-frequency intercept, a series C or CPE the low-frequency
/// capacitance −1/(ωZ''), a series inductor the high-frequency +Z''/ω, Warburg elements the low-frequency tail.
/// <see cref="Starts"/> adds deterministic variants (other n, τ·10^±1, arcs in reverse order) for a multi-start fit.
/// </summary>
public static class InitialGuess
{
    public static double[] For(Circuit circuit, Spectrum spectrum) => Starts(circuit, spectrum)[0];

    public static IReadOnlyList<double[]> Starts(Circuit circuit, Spectrum spectrum)
    {
        var slots = new List<List<ElementNode>>();
        var seriesElements = new List<ElementNode>();
        CollectSlots(circuit.Tree, topLevel: true, slots, seriesElements);
        var arcs = ArcDetection.Find(spectrum).ToList();
        var context = Context.Of(spectrum);
        var assigned = AssignArcs(arcs, slots.Count, context);
        var starts = new List<double[]>
        {
            Build(circuit, slots, seriesElements, assigned, context, 0.9, 1.0, 1.0),
            Build(circuit, slots, seriesElements, assigned, context, 0.75, 1.5, 1.0),
        };
        if (slots.Count >= 2) starts.Add(Build(circuit, slots, seriesElements, assigned.AsEnumerable().Reverse().ToList(), context, 0.9, 1.0, 1.0));
        starts.Add(Build(circuit, slots, seriesElements, assigned, context, 0.9, 1.0, 10.0));
        starts.Add(Build(circuit, slots, seriesElements, assigned, context, 0.9, 1.0, 0.1));
        if (arcs.Count < slots.Count)
        {
            // An undetected arc may be a shoulder on the high-frequency side rather than in the widest gap.
            var high = AssignArcs(arcs, slots.Count, context, highFrequencyGap: true);
            starts.Add(Build(circuit, slots, seriesElements, high, context, 0.9, 1.0, 1.0));
            starts.Add(Build(circuit, slots, seriesElements, high.AsEnumerable().Reverse().ToList(), context, 0.9, 1.0, 1.0));
        }
        return starts;
    }

    private sealed record Context(double FMaxHz, double FMinHz, Complex ZAtFMax, Complex ZAtFMin, double MaxModulus, double RealSpan)
    {
        public static Context Of(Spectrum s)
        {
            int hi = 0, lo = 0;
            for (int i = 1; i < s.Count; i++)
            {
                if (s.FrequenciesHz[i] > s.FrequenciesHz[hi]) hi = i;
                if (s.FrequenciesHz[i] < s.FrequenciesHz[lo]) lo = i;
            }
            double maxMod = s.ImpedanceOhm.Max(z => z.Magnitude);
            double span = s.ImpedanceOhm.Max(z => z.Real) - s.ImpedanceOhm.Min(z => z.Real);
            return new Context(s.FrequenciesHz[hi], s.FrequenciesHz[lo], s.ImpedanceOhm[hi], s.ImpedanceOhm[lo], maxMod, Math.Max(span, 1e-6 * maxMod));
        }
    }

    /// <summary>Exactly <paramref name="count"/> arcs from high to low frequency: the most prominent detected ones, padded with placeholders.</summary>
    private static List<DetectedArc> AssignArcs(List<DetectedArc> arcs, int count, Context c, bool highFrequencyGap = false)
    {
        var chosen = arcs.OrderByDescending(a => a.Prominence).Take(count).OrderByDescending(a => a.ApexFrequencyHz).ToList();
        while (chosen.Count < count)
        {
            // A missing arc goes in the middle of the widest gap (in decades) between the measured ends and the detected apexes.
            var marks = new List<double> { Math.Log10(c.FMaxHz) };
            marks.AddRange(chosen.Select(a => Math.Log10(a.ApexFrequencyHz)));
            marks.Add(Math.Log10(c.FMinHz));
            int widest = 0;
            if (!highFrequencyGap)
                for (int g = 1; g < marks.Count - 1; g++) if (marks[g] - marks[g + 1] > marks[widest] - marks[widest + 1]) widest = g;
            double f = Math.Pow(10, (marks[widest] + marks[widest + 1]) / 2);
            chosen.Add(new DetectedArc(f, c.RealSpan / count, 0));
            chosen = chosen.OrderByDescending(a => a.ApexFrequencyHz).ToList();
        }
        return chosen;
    }

    private static void CollectSlots(CircuitNode node, bool topLevel, List<List<ElementNode>> slots, List<ElementNode> series)
    {
        switch (node)
        {
            case ElementNode e when topLevel:
                if (e.Kind == CircuitElementKind.Zarc || e.Kind == CircuitElementKind.H || e.Kind == CircuitElementKind.K || e.Kind == CircuitElementKind.G)
                    slots.Add([e]);
                else series.Add(e);
                break;
            case SeriesNode s when topLevel:
                foreach (var c in s.Children) CollectSlots(c, true, slots, series);
                break;
            default:
                slots.Add(CircuitParser.Elements(node).ToList());
                break;
        }
    }

    private static double[] Build(Circuit circuit, List<List<ElementNode>> slots, List<ElementNode> series, List<DetectedArc> arcs, Context c,
        double n, double rScale, double tauScale)
    {
        var p = new double[circuit.ParameterCount];
        double rFirstArc = arcs.Count > 0 ? arcs[0].ResistanceOhm : c.RealSpan;
        for (int s = 0; s < slots.Count; s++)
        {
            double r = Math.Max(arcs[s].ResistanceOhm * rScale, 1e-6 * c.MaxModulus);
            double tau = arcs[s].TimeConstantS * tauScale;
            int resistors = slots[s].Count(e => e.Kind == CircuitElementKind.R);
            foreach (var e in slots[s])
            {
                int o = circuit.OffsetOf(e);
                if (e.Kind == CircuitElementKind.R) p[o] = r / Math.Max(1, resistors);
                else if (e.Kind == CircuitElementKind.C) p[o] = tau / r;
                else if (e.Kind == CircuitElementKind.Cpe) { p[o] = Math.Pow(tau, n) / r; p[o + 1] = n; }
                else if (e.Kind == CircuitElementKind.L) p[o] = 1e-3 * tau * r;
                else if (e.Kind == CircuitElementKind.La) { p[o] = 1e-3 * tau * r; p[o + 1] = 0.9; }
                else if (e.Kind == CircuitElementKind.W) p[o] = r * Math.Sqrt(2 * Math.PI * c.FMinHz);
                // Finite Warburgs are the slowest process: at least the longest measured period.
                else if (e.Kind == CircuitElementKind.Wo || e.Kind == CircuitElementKind.Ws) { p[o] = r; p[o + 1] = Math.Max(tau, tauScale / (2 * Math.PI * c.FMinHz)); }
                else SetDistributed(e.Kind, p, o, r, tau, n);
            }
        }
        bool firstResistor = true;
        foreach (var e in series)
        {
            int o = circuit.OffsetOf(e);
            double wMin = 2 * Math.PI * c.FMinHz, wMax = 2 * Math.PI * c.FMaxHz;
            if (e.Kind == CircuitElementKind.R)
            {
                double y0 = -c.ZAtFMax.Imaginary;
                double rs = c.ZAtFMax.Real - (slots.Count > 0 && y0 > 0 ? y0 * y0 / rFirstArc : 0);
                p[o] = firstResistor ? Math.Max(rs, 1e-4 * c.MaxModulus) : 1e-2 * c.RealSpan;
                firstResistor = false;
            }
            else if (e.Kind == CircuitElementKind.C)
                p[o] = c.ZAtFMin.Imaginary < 0 ? -1 / (wMin * c.ZAtFMin.Imaginary) : 1 / (wMin * c.MaxModulus);
            else if (e.Kind == CircuitElementKind.Cpe)
            {
                double nn = Math.Min(n, 0.85);
                double im = Math.Max(-c.ZAtFMin.Imaginary, 1e-3 * c.MaxModulus);
                p[o] = Math.Sin(nn * Math.PI / 2) / (Math.Pow(wMin, nn) * im);
                p[o + 1] = nn;
            }
            else if (e.Kind == CircuitElementKind.L) p[o] = Math.Max(c.ZAtFMax.Imaginary, 1e-6 * c.MaxModulus) / wMax;
            else if (e.Kind == CircuitElementKind.La) { p[o] = Math.Max(c.ZAtFMax.Imaginary, 1e-6 * c.MaxModulus) / wMax; p[o + 1] = 1.0; }
            else if (e.Kind == CircuitElementKind.W) p[o] = Math.Max(-c.ZAtFMin.Imaginary, 1e-3 * c.MaxModulus) * Math.Sqrt(wMin);
            else SetDistributed(e.Kind, p, o, 0.5 * c.RealSpan, 1 / wMin, n);
        }
        return p;
    }

    private static void SetDistributed(CircuitElementKind kind, double[] p, int o, double r, double tau, double n)
    {
        p[o] = r;
        if (kind.ParameterCount > 1) p[o + 1] = tau;
        if (kind == CircuitElementKind.Zarc) p[o + 2] = n;
        if (kind == CircuitElementKind.H) { p[o + 2] = n; p[o + 3] = 0.95; }
    }
}
