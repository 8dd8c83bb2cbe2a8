namespace Borolyte.Knowledge.Units;

/// <summary>
/// The units and quantities allowed in knowledge records (docs/knowledge-seed-format.md), each quantity's
/// canonical unit, and the conversion of every unit to SI.
/// </summary>
public static class UnitCatalogue
{
    /// <summary>1 mAh = 1e-3 A × 3600 s = 3.6 C.</summary>
    private const double MilliampHourC = 3.6;

    private static readonly UnitConversion[] AllConversions =
    [
        new("S/cm", "S/m", 100.0),
        new("eV", "J", PhysicalConstants.ElementaryChargeC),
        new("°C", "K", 1.0, PhysicalConstants.ZeroCelsiusK),
        new("K", "K", 1.0),
        new("g/cm3", "kg/m3", 1e3),
        new("V", "V", 1.0),
        new("GPa", "Pa", 1e9),
        new("MPa", "Pa", 1e6),
        new("1", "1", 1.0),
        new("%", "1", 1e-2),
        new("1/s", "1/s", 1.0),
        new("mA/cm2", "A/m2", 10.0),
        new("Ohm cm2", "Ohm m2", 1e-4),
        new("Ohm", "Ohm", 1.0),
        new("mAh/g", "C/kg", MilliampHourC * 1e3),
        new("mAh/cm2", "C/m2", MilliampHourC * 1e4),
        new("mg/cm2", "kg/m2", 1e-2),
        new("um", "m", 1e-6),
        new("nm", "m", 1e-9),
        new("mg/mL", "kg/m3", 1.0),
        new("h", "s", 3600.0),
        new("min", "s", 60.0),
        new("s", "s", 1.0),
        new("Wh/kg", "J/kg", 3600.0),
        new("Wh/L", "J/m3", 3.6e6),
        new("cm2/s", "m2/s", 1e-4),
        new("C", "C", 1.0),
        new("mA", "A", 1e-3),
        new("mAh", "C", MilliampHourC),
        new("mg", "kg", 1e-6),
        new("g", "kg", 1e-3),
        new("mL", "m3", 1e-6),
    ];

    private static readonly Dictionary<string, UnitConversion> ByUnit =
        AllConversions.ToDictionary(c => c.Unit, StringComparer.Ordinal);

    /// <summary>Each tabulated quantity and the unit records must use for it.</summary>
    public static readonly IReadOnlyDictionary<string, string> CanonicalUnits = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ionicConductivity"] = "S/cm",
        ["electronicConductivity"] = "S/cm",
        ["activationEnergy"] = "eV",
        ["phaseTransitionTemperature"] = "°C",
        ["meltingTemperature"] = "°C",
        ["decompositionTemperature"] = "°C",
        ["density"] = "g/cm3",
        ["oxidationLimit"] = "V",
        ["reductionLimit"] = "V",
        ["stabilityWindowWidth"] = "V",
        ["bulkModulus"] = "GPa",
        ["shearModulus"] = "GPa",
        ["youngsModulus"] = "GPa",
        ["pughRatio"] = "1",
        ["poissonRatio"] = "1",
        ["jumpRate"] = "1/s",
        ["criticalCurrentDensity"] = "mA/cm2",
        ["areaSpecificResistance"] = "Ohm cm2",
        ["specificCapacity"] = "mAh/g",
        ["arealCapacity"] = "mAh/cm2",
        ["averageVoltage"] = "V",
        ["porosity"] = "1",
        ["massFraction"] = "1",
        ["volumeFraction"] = "1",
        ["particleSize"] = "um",
        ["thickness"] = "um",
        ["solubility"] = "mg/mL",
        ["concentration"] = "mg/mL",
        ["processTemperature"] = "°C",
        ["processTime"] = "h",
        ["pressure"] = "MPa",
        ["energyDensity"] = "Wh/L",
        ["specificEnergy"] = "Wh/kg",
    };

    /// <summary>Quantities that are fractions of 1 and must lie in [0, 1].</summary>
    public static readonly IReadOnlySet<string> FractionQuantities =
        new HashSet<string>(StringComparer.Ordinal) { "porosity", "massFraction", "volumeFraction" };

    public static IReadOnlyList<string> Units { get; } = AllConversions.Select(c => c.Unit).ToList();
    public static IReadOnlyList<UnitConversion> Conversions => AllConversions;

    public static readonly IReadOnlyList<string> Qualifiers = ["=", ">", "<", ">=", "<=", "~"];
    public static readonly IReadOnlyList<string> Methods =
        ["EIS", "NMR", "QENS", "DFT", "AIMD", "MD", "LSV", "CV", "XRD", "DSC", "TGA", "cycling", "nanoindentation", "calculation", "other"];

    public static bool IsKnownUnit(string unit) => ByUnit.ContainsKey(unit);

    public static string? CanonicalUnitOf(string quantity) => CanonicalUnits.GetValueOrDefault(quantity);

    public static UnitConversion ConversionOf(string unit) =>
        ByUnit.TryGetValue(unit, out var c)
            ? c
            : throw new InvalidInputException($"unknown unit '{unit}'; allowed units are: {string.Join(", ", Units)}");

    /// <summary>The value in SI (e.g. 1e-3 S/cm → 0.1 S/m; 25 °C → 298.15 K).</summary>
    public static double ToSi(double value, string unit) => ConversionOf(unit).ToSi(value);

    public static string SiUnitOf(string unit) => ConversionOf(unit).SiUnit;
}
