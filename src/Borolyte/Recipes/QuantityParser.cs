using System.Globalization;

namespace Borolyte.Recipes;

/// <summary>
/// Parses quantities written with units at the edges (CLI flags) into SI values: masses ("1g", "500mg", "0.5 g",
/// "2kg", "20µg"), volumes ("20mL", "20 ml", "0.02L", "20uL"/"20µL") and mass concentrations ("100mg/mL",
/// "0.1g/mL", "100 g/L"). Errors name the option: <c>--mass: "1 gg" is not a mass; ...</c>.
/// </summary>
public static class QuantityParser
{
    private static readonly Dictionary<string, double> MassUnitsKg = new(StringComparer.Ordinal)
    {
        ["kg"] = 1, ["g"] = 1e-3, ["mg"] = 1e-6, ["ug"] = 1e-9, ["µg"] = 1e-9, ["μg"] = 1e-9,
    };

    private static readonly Dictionary<string, double> VolumeUnitsM3 = new(StringComparer.OrdinalIgnoreCase)
    {
        ["L"] = 1e-3, ["mL"] = 1e-6, ["uL"] = 1e-9, ["µL"] = 1e-9, ["μL"] = 1e-9, ["m3"] = 1, ["cm3"] = 1e-6,
    };

    /// <summary>A mass in kg.</summary>
    public static double ParseMassKg(string text, string optionName = "mass") =>
        Parse(text, optionName, "a mass", "use a number with kg, g, mg or µg, e.g. 1g or 500 mg",
            unit => MassUnitsKg.TryGetValue(unit, out var f) ? f : null);

    /// <summary>A volume in m³.</summary>
    public static double ParseVolumeM3(string text, string optionName = "volume") =>
        Parse(text, optionName, "a volume", "use a number with L, mL or µL, e.g. 20mL or 0.02 L",
            unit => VolumeUnitsM3.TryGetValue(unit, out var f) ? f : null);

    /// <summary>A mass concentration in kg/m³ (numerically equal to mg/mL and g/L).</summary>
    public static double ParseConcentrationKgPerM3(string text, string optionName = "concentration") =>
        Parse(text, optionName, "a mass concentration", "use mass/volume units, e.g. 100mg/mL, 0.1 g/mL or 100 g/L",
            unit =>
            {
                int slash = unit.IndexOf('/');
                if (slash <= 0 || slash == unit.Length - 1) return null;
                var mass = unit[..slash].Trim();
                var volume = unit[(slash + 1)..].Trim();
                return MassUnitsKg.TryGetValue(mass, out var m) && VolumeUnitsM3.TryGetValue(volume, out var v) ? m / v : null;
            });

    private static double Parse(string? text, string optionName, string what, string hint, Func<string, double?> unitFactor)
    {
        string option = optionName.StartsWith('-') ? optionName : $"--{optionName}";
        string shown = text ?? "";
        var s = shown.Trim();
        int i = 0;
        while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.' || ((s[i] == 'e' || s[i] == 'E') && i > 0 && i + 1 < s.Length && (char.IsAsciiDigit(s[i + 1]) || s[i + 1] == '-'))
                                || ((s[i] == '-' || s[i] == '+') && (i == 0 || s[i - 1] is 'e' or 'E'))))
            i++;
        if (i == 0 || !double.TryParse(s.AsSpan(0, i), NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            throw new InvalidInputException($"{option}: \"{shown}\" is not {what}; {hint}");
        var unit = s[i..].Trim();
        if (unit.Length == 0)
            throw new InvalidInputException($"{option}: \"{shown}\" has no unit; {hint}");
        var factor = unitFactor(unit);
        if (factor is null)
            throw new InvalidInputException($"{option}: unknown unit \"{unit}\" in \"{shown}\"; {hint}");
        if (!(value > 0) || double.IsInfinity(value))
            throw new InvalidInputException($"{option}: \"{shown}\" must be greater than zero");
        return value * factor.Value;
    }
}
