namespace Borolyte.Thermo;

/// <summary>
/// Exact breakpoints of a concave piecewise-linear function known only through an oracle that returns its value and a
/// supergradient (here: a linear programme's optimum and its parametric derivative). Tangent lines at the ends of an
/// interval meet at t*; if the function reaches the tangents there, t* is the only breakpoint, otherwise both halves are
/// searched (Eisner &amp; Severance, Oper. Res. 24 (1976) 881, the "tangent intersection" search for parametric LPs).
/// Finite: every probe either finds a breakpoint or splits at a new linear piece.
/// </summary>
internal static class PiecewiseLinearBreakpoints
{
    public static List<double> OfConcave(Func<double, (double Value, double Slope)> oracle, double lo, double hi, double tolerance = 1e-9)
    {
        var found = new List<double>();
        var a = oracle(lo);
        var b = oracle(hi);
        Search(oracle, lo, a, hi, b, tolerance, found, 0);
        found.Sort();
        var distinct = new List<double>();
        foreach (var t in found)
            if (distinct.Count == 0 || t - distinct[^1] > 1e-9) distinct.Add(t);
        return distinct;
    }

    public static List<double> OfConvex(Func<double, (double Value, double Slope)> oracle, double lo, double hi, double tolerance = 1e-9) =>
        OfConcave(t => { var (v, s) = oracle(t); return (-v, -s); }, lo, hi, tolerance);

    private static void Search(Func<double, (double Value, double Slope)> oracle, double ta, (double Value, double Slope) a,
        double tb, (double Value, double Slope) b, double tolerance, List<double> found, int depth)
    {
        if (depth > 200 || tb - ta <= 1e-12) return;
        double ds = a.Slope - b.Slope;
        if (Math.Abs(ds) <= tolerance * (1 + Math.Abs(a.Slope) + Math.Abs(b.Slope))) return; // one linear piece
        double t = (b.Value - a.Value + a.Slope * ta - b.Slope * tb) / ds;
        if (t <= ta || t >= tb)
        {
            // The tangents meet at an end: that end is the breakpoint (up to rounding).
            found.Add(Math.Clamp(t, ta, tb));
            return;
        }
        var m = oracle(t);
        double line = a.Value + a.Slope * (t - ta);
        if (m.Value >= line - tolerance * (1 + Math.Abs(line)))
        {
            found.Add(t);
            return;
        }
        Search(oracle, ta, a, t, m, tolerance, found, depth + 1);
        Search(oracle, t, m, tb, b, tolerance, found, depth + 1);
    }
}
