using System.Globalization;

namespace Borolyte.Transport.Nmr;

/// <summary>
/// Reads R₁(T) tables (docs/transport.md, "NMR relaxation"): a header row, then one measurement per line. Columns,
/// matched case-insensitively by name: a temperature column whose header states °C or K ("temperature_K", "T (°C)");
/// the relaxation rate in s⁻¹ ("R1", "R1_per_s", "R1 (1/s)"); optionally the Larmor frequency in MHz ("larmor_MHz",
/// "frequency_MHz", "nu_MHz") for files that hold several frequencies, and an uncertainty of R₁ in s⁻¹ ("R1_err",
/// "stderr"). Comma, semicolon or tab separated; blank lines and lines starting with '#' are skipped.
/// </summary>
public static class RelaxationCsv
{
    /// <param name="path">The file.</param>
    /// <param name="larmorMHz">
    /// Larmor frequencies from the command line. A file without a frequency column needs exactly one; a file with the
    /// column is filtered to these (all its frequencies when empty).
    /// </param>
    public static IReadOnlyList<RelaxationMeasurement> Read(string path, IReadOnlyList<double> larmorMHz)
    {
        if (!File.Exists(path)) throw new InvalidInputException($"{path}: file not found");
        var lines = File.ReadAllLines(path);
        int h = Array.FindIndex(lines, l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#'));
        if (h < 0) throw new InvalidInputException($"{path}: no header line");
        char sep = lines[h].Contains('\t') ? '\t' : lines[h].Contains(';') ? ';' : ',';
        var header = lines[h].Split(sep).Select(x => x.Trim().Trim('"')).ToArray();
        string Where() => $"{path} line {h + 1}";
        string Columns() => string.Join(", ", header);

        if (header.Any(c => Normal(c).StartsWith("t1")))
            throw new InvalidInputException($"{Where()}: give the relaxation rate R1 = 1/T1 in s^-1 (column 'R1_per_s'), not T1; columns are: {Columns()}");
        int r = Array.FindIndex(header, c => Normal(c).StartsWith("r1") && !IsError(c));
        if (r < 0) throw new InvalidInputException($"{Where()}: no relaxation-rate column 'R1' (s^-1); columns are: {Columns()}");
        string rn = Normal(header[r]);
        if (rn.Contains("ms") || rn.Contains("khz") || rn.Contains("μs") || rn.Contains("us^"))
            throw new InvalidInputException($"{Where()}: R1 column '{header[r]}' must be in s^-1");
        int t = Array.FindIndex(header, c => { var n = Normal(c); return n.StartsWith("temp") || n == "t" || (n.StartsWith("t") && n.Length > 1 && "(_/[ ".Contains(n[1])); });
        if (t < 0) throw new InvalidInputException($"{Where()}: no temperature column; columns are: {Columns()}");
        bool? celsius = ConductivityCsv.TemperatureUnit(header[t]);
        if (celsius is null)
            throw new InvalidInputException($"{Where()}: temperature column '{header[t]}' does not state its unit (°C or K), e.g. 'temperature_K' or 'T (°C)'");
        int f = Array.FindIndex(header, c => { var n = Normal(c); return n.StartsWith("larmor") || n.StartsWith("freq") || n.StartsWith("nu"); });
        if (f >= 0 && !Normal(header[f]).Contains("mhz"))
            throw new InvalidInputException($"{Where()}: frequency column '{header[f]}' must be in MHz (e.g. 'larmor_MHz')");
        int e = Array.FindIndex(header, IsError);

        double? single = null;
        if (f < 0)
        {
            if (larmorMHz.Count != 1)
                throw new InvalidInputException($"{Where()}: the file has no Larmor-frequency column, so exactly one --larmor-mhz is needed (got {larmorMHz.Count})");
            single = larmorMHz[0];
        }
        foreach (var v in larmorMHz)
            if (!(v > 0) || !double.IsFinite(v)) throw new InvalidInputException($"--larmor-mhz must be positive, got {v}");

        var points = new List<RelaxationMeasurement>();
        int needed = new[] { t, r, f, e }.Max();
        for (int i = h + 1; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0 || lines[i].TrimStart().StartsWith('#')) continue;
            var fields = lines[i].Split(sep);
            if (fields.Length <= needed)
                throw new InvalidInputException($"{path} line {i + 1}: {fields.Length} fields where {header.Length} were expected");
            double temp = Number(fields[t], path, i, header[t]) + (celsius.Value ? PhysicalConstants.ZeroCelsiusK : 0);
            if (!(temp > 0)) throw new InvalidInputException($"{path} line {i + 1}: temperature {temp} K is not positive");
            double rate = Number(fields[r], path, i, header[r]);
            if (!(rate > 0)) throw new InvalidInputException($"{path} line {i + 1}: {header[r]} {rate} must be positive (R1 in s^-1)");
            double mhz = single ?? Number(fields[f], path, i, header[f]);
            if (!(mhz > 0)) throw new InvalidInputException($"{path} line {i + 1}: Larmor frequency {mhz} MHz must be positive");
            double? err = null;
            if (e >= 0 && fields[e].Trim().Length > 0)
            {
                err = Number(fields[e], path, i, header[e]);
                if (!(err > 0)) throw new InvalidInputException($"{path} line {i + 1}: uncertainty {err} must be positive");
            }
            if (f >= 0 && larmorMHz.Count > 0 && !larmorMHz.Any(x => Math.Abs(x - mhz) <= 1e-6 * x)) continue;
            points.Add(new RelaxationMeasurement(temp, mhz * 1e6, rate, err));
        }
        if (f >= 0)
            foreach (var v in larmorMHz)
                if (!points.Any(p => Math.Abs(p.LarmorHz - v * 1e6) <= 1e-6 * v * 1e6))
                    throw new InvalidInputException($"{path}: no rows at --larmor-mhz {v.ToString(CultureInfo.InvariantCulture)}");
        if (points.Count == 0) throw new InvalidInputException($"{path}: no data rows");
        return points;
    }

    private static string Normal(string c) => c.Trim().ToLowerInvariant().Replace(" ", "");

    private static bool IsError(string c)
    {
        var n = c.ToLowerInvariant();
        return n.Contains("err") || n.Contains("uncert") || n.Contains("std") || n.Contains("sigma");
    }

    private static double Number(string s, string path, int line, string column) =>
        double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? v : throw new InvalidInputException($"{path} line {line + 1}: {column} '{s.Trim()}' is not a number");
}
