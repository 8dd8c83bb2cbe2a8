using System.Globalization;

namespace Borolyte.Cells.Simulation;

/// <summary>Which branch of a hysteretic open-circuit potential applies: alkali ions entering or leaving the host.</summary>
public enum OcpBranch { Insertion, Extraction }

/// <summary>
/// A tabulated open-circuit potential U(θ) vs the alkali metal (V), θ = stoichiometry as a fraction of the host's
/// maximum alkali content. Interpolated with the monotone piecewise-cubic Hermite scheme of Fritsch &amp; Carlson (SIAM
/// J. Numer. Anal. 17 (1980) 238), so plateaus stay flat and no spurious extrema appear; outside the table the slope rises
/// smoothly to ten times the end slope (a steep but finite, C¹ wall for Newton iterations beyond a cut-off). An optional second
/// column is the extraction branch (hysteresis, e.g. the Na–Sn staircase); without it both branches are equal.
/// </summary>
public sealed class OcpCurve
{
    public string Name { get; }
    public string Source { get; }
    public IReadOnlyList<double> Stoichiometry => x;
    public IReadOnlyList<double> InsertionV => insertion.Values;
    public IReadOnlyList<double>? ExtractionV => extraction?.Values;
    public bool HasHysteresis => extraction is not null;

    private readonly double[] x;
    private readonly Branch insertion;
    private readonly Branch? extraction;

    public OcpCurve(string name, string source, double[] stoichiometry, double[] insertionV, double[]? extractionV = null)
    {
        Name = name; Source = source;
        if (stoichiometry.Length < 2) throw new InvalidInputException($"OCP curve '{name}': at least two points are needed, got {stoichiometry.Length}");
        if (insertionV.Length != stoichiometry.Length || (extractionV is not null && extractionV.Length != stoichiometry.Length))
            throw new InvalidInputException($"OCP curve '{name}': columns have different lengths");
        for (int i = 0; i < stoichiometry.Length; i++)
        {
            if (!double.IsFinite(stoichiometry[i]) || !double.IsFinite(insertionV[i]) || (extractionV is not null && !double.IsFinite(extractionV[i])))
                throw new InvalidInputException($"OCP curve '{name}': point {i + 1} is not a finite number");
            if (i > 0 && !(stoichiometry[i] > stoichiometry[i - 1]))
                throw new InvalidInputException($"OCP curve '{name}': stoichiometry must increase strictly, point {i + 1} ({stoichiometry[i]}) follows {stoichiometry[i - 1]}");
        }
        x = stoichiometry;
        insertion = new Branch(x, insertionV);
        extraction = extractionV is null ? null : new Branch(x, extractionV);
    }

    /// <summary>A constant potential (metal reference electrodes, large-excess alloys).</summary>
    public static OcpCurve Constant(string name, double potentialV, string source) => new(name, source, [0, 1], [potentialV, potentialV]);

    public double Potential(double theta, OcpBranch branch = OcpBranch.Insertion) => Evaluate(theta, branch).U;

    /// <summary>U(θ) and dU/dθ on the requested branch.</summary>
    public (double U, double Slope) Evaluate(double theta, OcpBranch branch = OcpBranch.Insertion) => Of(branch).Evaluate(theta);

    /// <summary>The table of a branch: the extraction column where the curve has one, the insertion column otherwise.</summary>
    private Branch Of(OcpBranch branch) => branch == OcpBranch.Extraction && extraction is not null ? extraction : insertion;

    /// <summary>
    /// The plateaus of a branch: maximal runs of table segments whose slope |ΔU/Δθ| is at most <paramref name="maxSlopeVPerUnit"/>
    /// (V per unit stoichiometry), as (from, to) stoichiometries — the two-phase regions of a staircase curve such as Na–Sn's.
    /// </summary>
    public IReadOnlyList<(double From, double To)> Plateaus(OcpBranch branch = OcpBranch.Insertion, double maxSlopeVPerUnit = 1.0)
    {
        var values = Of(branch).Values;
        var plateaus = new List<(double, double)>();
        int start = -1;
        for (int i = 0; i < x.Length - 1; i++)
        {
            bool flat = Math.Abs(values[i + 1] - values[i]) <= maxSlopeVPerUnit * (x[i + 1] - x[i]);
            if (flat && start < 0) start = i;
            if (!flat && start >= 0) { plateaus.Add((x[start], x[i])); start = -1; }
        }
        if (start >= 0) plateaus.Add((x[start], x[^1]));
        return plateaus;
    }

    /// <summary>Mean of the two branches (the equilibrium estimate of a hysteretic material); the insertion branch otherwise.</summary>
    public double MeanPotential(double theta) =>
        extraction is null ? insertion.Evaluate(theta).U : 0.5 * (insertion.Evaluate(theta).U + extraction.Evaluate(theta).U);

    /// <summary>
    /// Reads a curve from CSV text: '#' comment lines (the source), a header "stoichiometry,insertion_v[,extraction_v]",
    /// then one point per line (an empty extraction cell means no hysteresis; it must then be empty on every line).
    /// </summary>
    public static OcpCurve Parse(string text, string sourceName, string? name = null)
    {
        var comments = new List<string>();
        var xs = new List<double>(); var ins = new List<double>(); var ext = new List<double?>();
        bool header = false;
        int lineNo = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNo++;
            string line = raw.Trim().TrimEnd('\r');
            if (line.Length == 0) continue;
            if (line.StartsWith('#')) { comments.Add(line.TrimStart('#').Trim()); continue; }
            var cells = line.Split(',').Select(c => c.Trim()).ToArray();
            if (!header)
            {
                if (cells.Length < 2 || !cells[0].Equals("stoichiometry", StringComparison.OrdinalIgnoreCase) || !cells[1].Equals("insertion_v", StringComparison.OrdinalIgnoreCase))
                    throw new InvalidInputException($"{sourceName}:{lineNo}: header must be 'stoichiometry,insertion_v[,extraction_v]', got '{line}'");
                header = true;
                continue;
            }
            if (cells.Length < 2 || cells.Length > 3) throw new InvalidInputException($"{sourceName}:{lineNo}: expected 2 or 3 columns, got {cells.Length}");
            xs.Add(Number(cells[0], sourceName, lineNo, "stoichiometry"));
            ins.Add(Number(cells[1], sourceName, lineNo, "insertion_v"));
            ext.Add(cells.Length == 3 && cells[2].Length > 0 ? Number(cells[2], sourceName, lineNo, "extraction_v") : null);
        }
        if (!header) throw new InvalidInputException($"{sourceName}: no header line 'stoichiometry,insertion_v[,extraction_v]'");
        int given = ext.Count(e => e is not null);
        if (given != 0 && given != ext.Count) throw new InvalidInputException($"{sourceName}: extraction_v must be given on every line or on none ({given} of {ext.Count} lines have it)");
        try
        {
            return new OcpCurve(name ?? Path.GetFileNameWithoutExtension(sourceName), string.Join(" ", comments), xs.ToArray(), ins.ToArray(),
                given == 0 ? null : ext.Select(e => e!.Value).ToArray());
        }
        catch (InvalidInputException e) { throw new InvalidInputException($"{sourceName}: {e.Message}"); }
    }

    private static double Number(string cell, string source, int line, string field) =>
        double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v)
            ? v : throw new InvalidInputException($"{source}:{line}: {field} '{cell}' is not a number");

    /// <summary>One branch: values and Fritsch–Carlson slopes.</summary>
    private sealed class Branch
    {
        private const double WallFactor = 10, WallWidth = 0.01;

        /// <summary>∫₀^δ (1 + (W−1)·min(s/w, 1)) ds and the integrand at δ ≥ 0.</summary>
        private static (double Integral, double SlopeFactor) Wall(double delta) => delta < WallWidth
            ? (delta + (WallFactor - 1) * delta * delta / (2 * WallWidth), 1 + (WallFactor - 1) * delta / WallWidth)
            : (delta + (WallFactor - 1) * (delta - WallWidth / 2), WallFactor);
        public readonly double[] Values;
        private readonly double[] x, d;

        public Branch(double[] x, double[] y)
        {
            this.x = x; Values = y;
            int n = x.Length;
            var delta = new double[n - 1];
            for (int k = 0; k < n - 1; k++) delta[k] = (y[k + 1] - y[k]) / (x[k + 1] - x[k]);
            d = new double[n];
            d[0] = delta[0]; d[n - 1] = delta[n - 2];
            // Fritsch & Carlson (1980): interior slopes 0 where the secants change sign, else a weighted harmonic mean
            // (Fritsch & Butland 1984 form), which satisfies the monotonicity region of F&C's Lemma 2.
            for (int k = 1; k < n - 1; k++)
            {
                if (delta[k - 1] * delta[k] <= 0) { d[k] = 0; continue; }
                double h0 = x[k] - x[k - 1], h1 = x[k + 1] - x[k];
                double w1 = 2 * h1 + h0, w2 = h1 + 2 * h0;
                d[k] = (w1 + w2) / (w1 / delta[k - 1] + w2 / delta[k]);
            }
        }

        public (double U, double Slope) Evaluate(double t)
        {
            int n = x.Length;
            // Beyond the table: the slope rises linearly from the end slope to ten times it over a stoichiometry of 0.01 and
            // stays there — a steep wall that ends a step before a host is over-filled or emptied, continuous in value and
            // slope so that Newton iterations across the table's end converge.
            if (t <= x[0]) { var (du0, s0) = Wall(x[0] - t); return (Values[0] - d[0] * du0, d[0] * s0); }
            if (t >= x[n - 1]) { var (du1, s1) = Wall(t - x[n - 1]); return (Values[n - 1] + d[n - 1] * du1, d[n - 1] * s1); }
            int lo = 0, hi = n - 1;
            while (hi - lo > 1) { int mid = (lo + hi) >> 1; if (x[mid] <= t) lo = mid; else hi = mid; }
            double h = x[hi] - x[lo], s = (t - x[lo]) / h;
            double s2 = s * s, s3 = s2 * s;
            // Cubic Hermite basis on [x_lo, x_hi].
            double h00 = 2 * s3 - 3 * s2 + 1, h10 = s3 - 2 * s2 + s, h01 = -2 * s3 + 3 * s2, h11 = s3 - s2;
            double u = h00 * Values[lo] + h10 * h * d[lo] + h01 * Values[hi] + h11 * h * d[hi];
            double du = ((6 * s2 - 6 * s) * Values[lo] + (3 * s2 - 4 * s + 1) * h * d[lo] + (-6 * s2 + 6 * s) * Values[hi] + (3 * s2 - 2 * s) * h * d[hi]) / h;
            return (u, du);
        }
    }
}
