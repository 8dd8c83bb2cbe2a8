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
        var table = MeasurementTable.Read(path);
        var header = table.Columns;
        int t = table.Find(c => c.StartsWith("T", StringComparison.OrdinalIgnoreCase) && !c.Contains("err", StringComparison.OrdinalIgnoreCase));
        if (t < 0) throw new InvalidInputException($"{table.AtHeader}: no temperature column; columns are: {table.ColumnList}");
        bool? celsius = MeasurementTable.TemperatureUnit(header[t]);
        if (celsius is null)
            throw new InvalidInputException($"{table.AtHeader}: temperature column '{header[t]}' does not state its unit (°C or K), e.g. 'temperature_C' or 'T (K)'");
        int s = table.Find(c => (c.Contains("cond", StringComparison.OrdinalIgnoreCase) || c.StartsWith("sigma", StringComparison.OrdinalIgnoreCase) || c.StartsWith("σ"))
                                && !IsError(c));
        if (s < 0) throw new InvalidInputException($"{table.AtHeader}: no conductivity column (S/cm); columns are: {table.ColumnList}");
        if (header[s].Contains("mS", StringComparison.Ordinal))
            throw new InvalidInputException($"{table.AtHeader}: conductivity column '{header[s]}' must be in S/cm");
        int e = table.Find(IsError);
        var points = new List<ConductivityMeasurement>();
        foreach (var row in table.Rows(t, s, e))
        {
            double temp = row.TemperatureK(t, celsius.Value);
            double sigma = row.Number(s);
            if (!(sigma > 0)) throw row.Error($"conductivity {sigma} S/cm must be positive");
            points.Add(new ConductivityMeasurement(temp, sigma, row.OptionalNumber(e)));
        }
        return points;
    }

    private static bool IsError(string c) =>
        c.Contains("err", StringComparison.OrdinalIgnoreCase) || c.Contains("uncert", StringComparison.OrdinalIgnoreCase) || c.Contains("std", StringComparison.OrdinalIgnoreCase);
}
