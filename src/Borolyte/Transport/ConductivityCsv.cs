using System.Globalization;

namespace Borolyte.Transport;

/// <summary>
/// Reads σ(T) tables: a header row naming a temperature column whose unit is stated (°C or K: "temperature_C",
/// "T (°C)", "T/K", "temperatureK") and a conductivity column in S/cm ("conductivity_S_per_cm", "sigma (S/cm)");
/// an optional uncertainty column ("stderr", "uncertainty", "sigma_err"). Comma, semicolon or tab separated.
/// </summary>
public static class ConductivityCsv
{
    public static IReadOnlyList<ConductivityMeasurement> Read(string path)
    {
        if (!File.Exists(path)) throw new InvalidInputException($"{path}: file not found");
        var lines = File.ReadAllLines(path);
        int h = Array.FindIndex(lines, l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#'));
        if (h < 0) throw new InvalidInputException($"{path}: no header line");
        char sep = lines[h].Contains('\t') ? '\t' : lines[h].Contains(';') ? ';' : ',';
        var header = lines[h].Split(sep).Select(x => x.Trim().Trim('"')).ToArray();
        int t = Array.FindIndex(header, c => c.StartsWith("T", StringComparison.OrdinalIgnoreCase) && !c.Contains("err", StringComparison.OrdinalIgnoreCase));
        if (t < 0) throw new InvalidInputException($"{path} line {h + 1}: no temperature column; columns are: {string.Join(", ", header)}");
        bool? celsius = TemperatureUnit(header[t]);
        if (celsius is null)
            throw new InvalidInputException($"{path} line {h + 1}: temperature column '{header[t]}' does not state its unit (°C or K), e.g. 'temperature_C' or 'T (K)'");
        int s = Array.FindIndex(header, c => (c.Contains("cond", StringComparison.OrdinalIgnoreCase) || c.StartsWith("sigma", StringComparison.OrdinalIgnoreCase) || c.StartsWith("σ"))
                                               && !IsError(c));
        if (s < 0) throw new InvalidInputException($"{path} line {h + 1}: no conductivity column (S/cm); columns are: {string.Join(", ", header)}");
        if (header[s].Contains("mS", StringComparison.Ordinal))
            throw new InvalidInputException($"{path} line {h + 1}: conductivity column '{header[s]}' must be in S/cm");
        int e = Array.FindIndex(header, IsError);
        var points = new List<ConductivityMeasurement>();
        for (int i = h + 1; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0 || lines[i].TrimStart().StartsWith('#')) continue;
            var f = lines[i].Split(sep);
            if (f.Length <= Math.Max(t, Math.Max(s, e)))
                throw new InvalidInputException($"{path} line {i + 1}: {f.Length} fields where {header.Length} were expected");
            double temp = Number(f[t], path, i, header[t]) + (celsius.Value ? PhysicalConstants.ZeroCelsiusK : 0);
            double sigma = Number(f[s], path, i, header[s]);
            if (!(temp > 0)) throw new InvalidInputException($"{path} line {i + 1}: temperature {temp} K is not positive");
            if (!(sigma > 0)) throw new InvalidInputException($"{path} line {i + 1}: conductivity {sigma} S/cm must be positive");
            double? err = e >= 0 && f[e].Trim().Length > 0 ? Number(f[e], path, i, header[e]) : null;
            points.Add(new ConductivityMeasurement(temp, sigma, err));
        }
        return points;
    }

    private static bool IsError(string c) =>
        c.Contains("err", StringComparison.OrdinalIgnoreCase) || c.Contains("uncert", StringComparison.OrdinalIgnoreCase) || c.Contains("std", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for °C, false for K, null when the header does not state the unit (shared with the NMR and QENS readers).</summary>
    internal static bool? TemperatureUnit(string name)
    {
        var n = name.ToLowerInvariant().Replace(" ", "");
        if (n.Contains("°c") || n.Contains("degc") || n.Contains("celsius") || n.EndsWith("_c") || n.EndsWith("(c)") || n.EndsWith("/c") || n.EndsWith("[c]") || n.EndsWith("tc")) return true;
        if (n.Contains("kelvin") || n.EndsWith("_k") || n.EndsWith("(k)") || n.EndsWith("/k") || n.EndsWith("[k]") || n.EndsWith("temperaturek") || n == "tk") return false;
        return null;
    }

    private static double Number(string s, string path, int line, string column) =>
        double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? v : throw new InvalidInputException($"{path} line {line + 1}: {column} '{s.Trim()}' is not a number");
}
