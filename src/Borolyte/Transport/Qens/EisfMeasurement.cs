using System.Globalization;

namespace Borolyte.Transport.Qens;

/// <summary>One measured EISF point: Q in m⁻¹, A₀ (dimensionless), optional standard uncertainty.</summary>
public sealed record EisfMeasurement(double QPerM, double Eisf, double? StdErr = null);

/// <summary>
/// Reads EISF(Q) tables: a header row with a Q column whose header states Å⁻¹ or nm⁻¹ ("Q_inv_angstrom", "Q (1/Å)",
/// "Q (A^-1)", "Q_per_nm"), an "EISF" column and optionally an uncertainty ("EISF_err", "stderr"). Comma, semicolon or tab
/// separated; '#' lines skipped.
/// </summary>
public static class EisfCsv
{
    public static IReadOnlyList<EisfMeasurement> Read(string path)
    {
        if (!File.Exists(path)) throw new InvalidInputException($"{path}: file not found");
        var lines = File.ReadAllLines(path);
        int h = Array.FindIndex(lines, l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#'));
        if (h < 0) throw new InvalidInputException($"{path}: no header line");
        char sep = lines[h].Contains('\t') ? '\t' : lines[h].Contains(';') ? ';' : ',';
        var header = lines[h].Split(sep).Select(x => x.Trim().Trim('"')).ToArray();
        string cols = string.Join(", ", header);
        bool IsError(string c) { var n = c.ToLowerInvariant(); return n.Contains("err") || n.Contains("std") || n.Contains("uncert"); }
        int q = Array.FindIndex(header, c => c.StartsWith("q", StringComparison.OrdinalIgnoreCase) && !IsError(c));
        if (q < 0) throw new InvalidInputException($"{path} line {h + 1}: no Q column; columns are: {cols}");
        var qn = header[q].ToLowerInvariant().Replace(" ", "");
        double factor = qn.Contains("nm") ? 1e9
            : qn.Contains("angstrom") || qn.Contains("å") || qn.Contains("a^-1") || qn.Contains("a-1") || qn.Contains("1/a") || qn.Contains("a⁻¹") ? 1e10
            : throw new InvalidInputException($"{path} line {h + 1}: Q column '{header[q]}' does not state its unit (Å⁻¹ or nm⁻¹), e.g. 'Q_inv_angstrom'");
        int a = Array.FindIndex(header, c => c.Contains("eisf", StringComparison.OrdinalIgnoreCase) && !IsError(c));
        if (a < 0) throw new InvalidInputException($"{path} line {h + 1}: no EISF column; columns are: {cols}");
        int e = Array.FindIndex(header, IsError);
        var points = new List<EisfMeasurement>();
        for (int i = h + 1; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0 || lines[i].TrimStart().StartsWith('#')) continue;
            var f = lines[i].Split(sep);
            if (f.Length <= Math.Max(q, Math.Max(a, e))) throw new InvalidInputException($"{path} line {i + 1}: {f.Length} fields where {header.Length} were expected");
            double qv = Number(f[q], path, i, header[q]), av = Number(f[a], path, i, header[a]);
            if (!(qv > 0)) throw new InvalidInputException($"{path} line {i + 1}: Q {qv} must be positive");
            if (av < -0.2 || av > 1.2) throw new InvalidInputException($"{path} line {i + 1}: EISF {av} is outside 0–1 (beyond noise)");
            double? ev = null;
            if (e >= 0 && f[e].Trim().Length > 0)
            {
                ev = Number(f[e], path, i, header[e]);
                if (!(ev > 0)) throw new InvalidInputException($"{path} line {i + 1}: uncertainty {ev} must be positive");
            }
            points.Add(new EisfMeasurement(qv * factor, av, ev));
        }
        if (points.Count == 0) throw new InvalidInputException($"{path}: no data rows");
        return points;
    }

    private static double Number(string s, string path, int line, string column) =>
        double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? v : throw new InvalidInputException($"{path} line {line + 1}: {column} '{s.Trim()}' is not a number");
}
