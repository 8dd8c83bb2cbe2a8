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
        var table = MeasurementTable.Read(path);
        var header = table.Columns;
        bool IsError(string c) { var n = c.ToLowerInvariant(); return n.Contains("err") || n.Contains("std") || n.Contains("uncert"); }
        int q = table.Find(c => c.StartsWith("q", StringComparison.OrdinalIgnoreCase) && !IsError(c));
        if (q < 0) throw new InvalidInputException($"{table.AtHeader}: no Q column; columns are: {table.ColumnList}");
        var qn = header[q].ToLowerInvariant().Replace(" ", "");
        double factor = qn.Contains("nm") ? 1e9
            : qn.Contains("angstrom") || qn.Contains("å") || qn.Contains("a^-1") || qn.Contains("a-1") || qn.Contains("1/a") || qn.Contains("a⁻¹") ? 1e10
            : throw new InvalidInputException($"{table.AtHeader}: Q column '{header[q]}' does not state its unit (Å⁻¹ or nm⁻¹), e.g. 'Q_inv_angstrom'");
        int a = table.Find(c => c.Contains("eisf", StringComparison.OrdinalIgnoreCase) && !IsError(c));
        if (a < 0) throw new InvalidInputException($"{table.AtHeader}: no EISF column; columns are: {table.ColumnList}");
        int e = table.Find(IsError);
        var points = new List<EisfMeasurement>();
        foreach (var row in table.Rows(q, a, e))
        {
            double qv = row.Number(q), av = row.Number(a);
            if (!(qv > 0)) throw row.Error($"Q {qv} must be positive");
            if (av < -0.2 || av > 1.2) throw row.Error($"EISF {av} is outside 0–1 (beyond noise)");
            double? ev = row.OptionalNumber(e);
            if (ev is not null && !(ev > 0)) throw row.Error($"uncertainty {ev} must be positive");
            points.Add(new EisfMeasurement(qv * factor, av, ev));
        }
        if (points.Count == 0) throw new InvalidInputException($"{path}: no data rows");
        return points;
    }
}
