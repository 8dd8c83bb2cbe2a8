namespace Borolyte.Cycling.Readers;

/// <summary>
/// Which columns of an arbitrary delimited file hold what, and the factors to SI. Used for files no reader detects.
/// Example: <c>new ColumnMapping("t/h", "E/V", "I/mA") { TimeToSecond = 3600, CurrentToAmpere = 1e-3 }</c>.
/// </summary>
public sealed record ColumnMapping(string Time, string Voltage, string Current)
{
    public string? Cycle { get; init; }
    public string? Step { get; init; }
    public double TimeToSecond { get; init; } = 1;
    public double VoltageToVolt { get; init; } = 1;
    public double CurrentToAmpere { get; init; } = 1;
    /// <summary>False when the file's discharge current is positive (the sign is flipped on reading).</summary>
    public bool ChargeCurrentPositive { get; init; } = true;
    public char Delimiter { get; init; } = ',';
    public bool DecimalComma { get; init; }
    /// <summary>Lines before the header line.</summary>
    public int SkipLines { get; init; }
    /// <summary>Charge and discharge capacity counters, if the file has them (factor <see cref="CapacityToAmpereHour"/>).</summary>
    public string? ChargeCapacity { get; init; }
    public string? DischargeCapacity { get; init; }
    public double CapacityToAmpereHour { get; init; } = 1;

    /// <summary>
    /// Parses "time=COL,voltage=COL,current=COL[,cycle=COL][,step=COL][,charge-capacity=COL][,discharge-capacity=COL]
    /// [,time-scale=X][,voltage-scale=X][,current-scale=X][,capacity-scale=X][,delimiter=;|tab][,decimal=comma]
    /// [,skip-lines=N][,discharge-positive=true]". A column name cannot contain ',' or '='.
    /// </summary>
    public static ColumnMapping Parse(string text)
    {
        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2)).ToList();
        foreach (var p in parts)
            if (p.Length != 2) throw new InvalidInputException($"column mapping: '{string.Join("=", p)}' is not key=value");
        string[] keys = ["time", "voltage", "current", "cycle", "step", "charge-capacity", "discharge-capacity", "time-scale", "voltage-scale",
            "current-scale", "capacity-scale", "delimiter", "decimal", "skip-lines", "discharge-positive"];
        foreach (var p in parts)
            if (!keys.Contains(p[0].ToLowerInvariant()))
                throw new InvalidInputException($"column mapping: unknown key '{p[0]}' (keys: {string.Join(", ", keys)})");
        var map = parts.ToDictionary(p => p[0].ToLowerInvariant(), p => p[1]);
        string Need(string key) => map.TryGetValue(key, out var v) ? v : throw new InvalidInputException($"column mapping: '{key}=COLUMN' is required");
        double Number(string key, double fallback) =>
            !map.TryGetValue(key, out var v) ? fallback
            : double.TryParse(v, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double d) ? d
            : throw new InvalidInputException($"column mapping: {key}='{v}' is not a number");
        return new ColumnMapping(Need("time"), Need("voltage"), Need("current"))
        {
            Cycle = map.GetValueOrDefault("cycle"), Step = map.GetValueOrDefault("step"),
            TimeToSecond = Number("time-scale", 1), CurrentToAmpere = Number("current-scale", 1), VoltageToVolt = Number("voltage-scale", 1),
            Delimiter = map.GetValueOrDefault("delimiter") switch { null => ',', "tab" => '\t', "semicolon" or ";" => ';', var d when d.Length == 1 => d[0], var d => throw new InvalidInputException($"column mapping: delimiter '{d}' must be one character, 'tab' or 'semicolon'") },
            ChargeCurrentPositive = !map.TryGetValue("discharge-positive", out var dp) || dp is not ("true" or "1" or "yes"),
            DecimalComma = map.GetValueOrDefault("decimal") switch { null or "point" or "." => false, "comma" => true, var d => throw new InvalidInputException($"column mapping: decimal='{d}' must be 'point' or 'comma'") },
            SkipLines = map.TryGetValue("skip-lines", out var skip)
                ? int.TryParse(skip, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) ? n
                    : throw new InvalidInputException($"column mapping: skip-lines='{skip}' is not a whole number ≥ 0")
                : 0,
            ChargeCapacity = map.GetValueOrDefault("charge-capacity"), DischargeCapacity = map.GetValueOrDefault("discharge-capacity"),
            CapacityToAmpereHour = Number("capacity-scale", 1),
        };
    }
}
