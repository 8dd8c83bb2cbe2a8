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
        var table = MeasurementTable.Read(path);
        var header = table.Columns;

        if (header.Any(c => Normal(c).StartsWith("t1")))
            throw new InvalidInputException($"{table.AtHeader}: give the relaxation rate R1 = 1/T1 in s^-1 (column 'R1_per_s'), not T1; columns are: {table.ColumnList}");
        int r = table.Find(c => Normal(c).StartsWith("r1") && !IsError(c));
        if (r < 0) throw new InvalidInputException($"{table.AtHeader}: no relaxation-rate column 'R1' (s^-1); columns are: {table.ColumnList}");
        string rn = Normal(header[r]);
        if (rn.Contains("ms") || rn.Contains("khz") || rn.Contains("μs") || rn.Contains("us^"))
            throw new InvalidInputException($"{table.AtHeader}: R1 column '{header[r]}' must be in s^-1");
        int t = table.Find(c => { var n = Normal(c); return n.StartsWith("temp") || n == "t" || (n.StartsWith("t") && n.Length > 1 && "(_/[ ".Contains(n[1])); });
        if (t < 0) throw new InvalidInputException($"{table.AtHeader}: no temperature column; columns are: {table.ColumnList}");
        bool? celsius = MeasurementTable.TemperatureUnit(header[t]);
        if (celsius is null)
            throw new InvalidInputException($"{table.AtHeader}: temperature column '{header[t]}' does not state its unit (°C or K), e.g. 'temperature_K' or 'T (°C)'");
        int f = table.Find(c => { var n = Normal(c); return n.StartsWith("larmor") || n.StartsWith("freq") || n.StartsWith("nu"); });
        if (f >= 0 && !Normal(header[f]).Contains("mhz"))
            throw new InvalidInputException($"{table.AtHeader}: frequency column '{header[f]}' must be in MHz (e.g. 'larmor_MHz')");
        int e = table.Find(IsError);

        double? single = null;
        if (f < 0)
        {
            if (larmorMHz.Count != 1)
                throw new InvalidInputException($"{table.AtHeader}: the file has no Larmor-frequency column, so exactly one --larmor-mhz is needed (got {larmorMHz.Count})");
            single = larmorMHz[0];
        }
        foreach (var v in larmorMHz)
            if (!(v > 0) || !double.IsFinite(v)) throw new InvalidInputException($"--larmor-mhz must be positive, got {v}");

        var points = new List<RelaxationMeasurement>();
        foreach (var row in table.Rows(t, r, f, e))
        {
            double temp = row.TemperatureK(t, celsius.Value);
            double rate = row.Number(r);
            if (!(rate > 0)) throw row.Error($"{header[r]} {rate} must be positive (R1 in s^-1)");
            double mhz = single ?? row.Number(f);
            if (!(mhz > 0)) throw row.Error($"Larmor frequency {mhz} MHz must be positive");
            double? err = row.OptionalNumber(e);
            if (err is not null && !(err > 0)) throw row.Error($"uncertainty {err} must be positive");
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
}
