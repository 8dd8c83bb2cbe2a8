namespace Borolyte.Cycling.Analysis;

/// <summary>How dQ/dV and dV/dQ are computed: grid step, smoothing and its width.</summary>
public sealed record DifferentialOptions
{
    /// <summary>Voltage grid step for dQ/dV, V.</summary>
    public double VoltageStepV { get; init; } = 0.005;
    /// <summary>Number of capacity grid points for dV/dQ.</summary>
    public int CapacityPoints { get; init; } = 200;
    public SmoothingMethod Smoothing { get; init; } = SmoothingMethod.SavitzkyGolay;
    /// <summary>Savitzky–Golay window (odd, points).</summary>
    public int Window { get; init; } = 9;
    /// <summary>Gaussian σ in grid points.</summary>
    public double SigmaPoints { get; init; } = 2;
    /// <summary>A peak must reach this fraction of the curve's largest |value|.</summary>
    public double PeakThreshold { get; init; } = 0.1;

    public string Describe() => Smoothing switch
    {
        SmoothingMethod.SavitzkyGolay => $"Savitzky–Golay, cubic, {Window} points",
        SmoothingMethod.Gaussian => $"Gaussian, σ = {SigmaPoints} points",
        _ => "none",
    };
}

/// <summary>
/// A differential curve of one direction of one cycle: X is voltage (V) for dQ/dV (Y in Ah/V) or capacity (Ah) for
/// dV/dQ (Y in V/Ah). Peaks are voltages (dQ/dV) or capacities (dV/dQ) of local maxima of |Y|.
/// </summary>
public sealed record DifferentialCurve(int Cycle, string Direction, double[] X, double[] Y, double[] Peaks, string SmoothingDescription);

/// <summary>
/// dQ/dV and dV/dQ. For dQ/dV the capacity passed in one direction of a cycle is counted from the current, the voltage
/// is made monotonic in the branch's own direction (running max when it rises — charge of the cell or working electrode —,
/// running min when it falls; so relaxation wiggles do not fold the curve),
/// Q is interpolated on a uniform voltage grid, differentiated by central differences and smoothed.
/// </summary>
public static class DifferentialCapacity
{
    public static IReadOnlyList<DifferentialCurve> DqDv(CyclingRun run, int cycle, DifferentialOptions? options = null)
    {
        options ??= new DifferentialOptions();
        RequireCycle(run, cycle);
        var curves = new List<DifferentialCurve>();
        foreach (int direction in new[] { 1, -1 })
        {
            var (q, v) = Branch(run, cycle, direction);
            if (q.Count < 5) continue;
            // The potential rises during charge for the cell and the working electrode, but falls for the counter
            // electrode of a three-electrode cell (it is reduced): follow the branch's own trend.
            int trend = v[^1] >= v[0] ? 1 : -1;
            for (int i = 1; i < v.Count; i++) v[i] = trend > 0 ? Math.Max(v[i], v[i - 1]) : Math.Min(v[i], v[i - 1]);
            double step = options.VoltageStepV;
            double v0 = v[0], v1 = v[^1];
            int points = (int)Math.Floor(Math.Abs(v1 - v0) / step) + 1;
            if (points < 5) continue;
            var grid = new double[points];
            var qGrid = new double[points];
            int j = 0;
            for (int g = 0; g < points; g++)
            {
                double target = v0 + trend * g * step;
                while (j < v.Count - 2 && (trend > 0 ? v[j + 1] < target : v[j + 1] > target)) j++;
                double span = v[j + 1] - v[j];
                double f = span == 0 ? 0 : Math.Clamp((target - v[j]) / span, 0, 1);
                grid[g] = target;
                qGrid[g] = q[j] + f * (q[j + 1] - q[j]);
            }
            var dqdv = new double[points];
            for (int g = 0; g < points; g++)
            {
                int a = Math.Max(0, g - 1), b = Math.Min(points - 1, g + 1);
                dqdv[g] = (qGrid[b] - qGrid[a]) / (grid[b] - grid[a]);
            }
            var smooth = Smooth(dqdv, options);
            curves.Add(new DifferentialCurve(cycle, direction > 0 ? "charge" : "discharge", grid, smooth, Peaks(grid, smooth, options.PeakThreshold), options.Describe()));
        }
        return curves;
    }

    /// <summary>
    /// dV/dQ of each direction of <paramref name="cycle"/>: V interpolated on a uniform grid of the capacity passed
    /// (coulomb counting, <see cref="DifferentialOptions.CapacityPoints"/> points from 0 to the branch's total),
    /// differentiated by central differences and smoothed like dQ/dV. X is capacity (Ah), Y is V/Ah; peaks (maxima of |Y|,
    /// looked for in 2–98 % of the capacity, the threshold relative to the largest |Y| there) mark the boundaries between
    /// plateaus, where the voltage moves fastest per charge passed.
    /// </summary>
    public static IReadOnlyList<DifferentialCurve> DvDq(CyclingRun run, int cycle, DifferentialOptions? options = null)
    {
        options ??= new DifferentialOptions();
        RequireCycle(run, cycle);
        var curves = new List<DifferentialCurve>();
        foreach (int direction in new[] { 1, -1 })
        {
            var (q, v) = Branch(run, cycle, direction);
            if (q.Count < 5 || q[^1] <= 0) continue;
            int points = Math.Max(5, options.CapacityPoints);
            var grid = new double[points];
            var vGrid = new double[points];
            int j = 0;
            for (int g = 0; g < points; g++)
            {
                double target = q[^1] * g / (points - 1);
                while (j < q.Count - 2 && q[j + 1] < target) j++;
                double span = q[j + 1] - q[j];
                double f = span == 0 ? 0 : Math.Clamp((target - q[j]) / span, 0, 1);
                grid[g] = target;
                vGrid[g] = v[j] + f * (v[j + 1] - v[j]);
            }
            var dvdq = new double[points];
            for (int g = 0; g < points; g++)
            {
                int a = Math.Max(0, g - 1), b = Math.Min(points - 1, g + 1);
                dvdq[g] = (vGrid[b] - vGrid[a]) / (grid[b] - grid[a]);
            }
            var smooth = Smooth(dvdq, options);
            // Peaks among 2–98 % of the capacity, against the largest |dV/dQ| there: the ends of a half cycle (the IR jump at
            // its start, the cut-off at its end) are steeper than any plateau boundary and would hide them.
            int from = (int)Math.Ceiling(0.02 * (points - 1)), to = (int)Math.Floor(0.98 * (points - 1));
            var interiorPeaks = Peaks(grid[from..(to + 1)], smooth[from..(to + 1)], options.PeakThreshold);
            curves.Add(new DifferentialCurve(cycle, direction > 0 ? "charge" : "discharge", grid, smooth, interiorPeaks, options.Describe()));
        }
        return curves;
    }

    private static void RequireCycle(CyclingRun run, int cycle)
    {
        if (run.Count == 0) throw new InvalidInputException($"{run.SourcePath}: the run has no points");
        if (!run.CycleCount.Contains(cycle))
            throw new InvalidInputException($"{run.SourcePath}: cycle {cycle} is not in the run (cycles {run.Cycles.First()}–{run.Cycles.Last()})");
    }

    /// <summary>Cumulative capacity (Ah, coulomb counting) and voltage of the points of one direction in one cycle.</summary>
    private static (List<double> Q, List<double> V) Branch(CyclingRun run, int cycle, int direction)
    {
        var q = new List<double>();
        var v = new List<double>();
        double total = 0;
        for (int i = 0; i < run.Count; i++)
        {
            if (run.CycleCount[i] != cycle || Math.Sign(run.CurrentAmpere[i]) != direction || run.Kind[i] is StepKind.Rest or StepKind.Ocv) continue;
            if (q.Count > 0 && i > 0) total += Math.Abs(run.CurrentAmpere[i]) * Math.Max(0, run.TestTimeSecond[i] - run.TestTimeSecond[i - 1]) / 3600.0;
            q.Add(total);
            v.Add(run.VoltageVolt[i]);
        }
        return (q, v);
    }

    private static double[] Smooth(double[] y, DifferentialOptions options) => options.Smoothing switch
    {
        SmoothingMethod.SavitzkyGolay => Smoothing.SavitzkyGolay(y, options.Window),
        SmoothingMethod.Gaussian => Smoothing.Gaussian(y, options.SigmaPoints),
        _ => y,
    };

    /// <summary>Positions of local maxima of |y| (strictly above both neighbours within ±2 points) above the threshold.</summary>
    public static double[] Peaks(double[] x, double[] y, double threshold)
    {
        double max = y.Length == 0 ? 0 : y.Max(Math.Abs);
        var peaks = new List<double>();
        for (int i = 2; i < y.Length - 2; i++)
        {
            double a = Math.Abs(y[i]);
            if (a < threshold * max) continue;
            bool top = true;
            for (int k = -2; k <= 2 && top; k++) if (k != 0 && Math.Abs(y[i + k]) >= a) top = false;
            if (top) peaks.Add(x[i]);
        }
        return peaks.ToArray();
    }
}
