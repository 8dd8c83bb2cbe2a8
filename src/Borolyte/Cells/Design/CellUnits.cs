namespace Borolyte.Cells.Design;

/// <summary>
/// Factors from the units cell engineers quote (mg/cm², mAh/g, mA/cm², Wh/kg) to SI, the library's internal units.
/// Multiply a conventional value by the factor to get SI; divide an SI value by it to get the conventional value.
/// Each is exact arithmetic from the unit definitions (1 mAh = 3.6 C, 1 cm² = 1e-4 m², 1 mL = 1e-6 m³).
/// </summary>
public static class CellUnits
{
    /// <summary>1 mg/cm² = 1e-6 kg / 1e-4 m² = 0.01 kg/m².</summary>
    public const double KgPerM2PerMgPerCm2 = 0.01;

    /// <summary>1 g/cm³ = 1000 kg/m³.</summary>
    public const double KgPerM3PerGPerCm3 = 1000.0;

    /// <summary>1 mg/mL = 1 kg/m³.</summary>
    public const double KgPerM3PerMgPerMl = 1.0;

    /// <summary>1 mAh/g = 3.6 C / 1e-3 kg = 3600 C/kg.</summary>
    public const double CPerKgPerMAhPerG = 3600.0;

    /// <summary>1 mAh/cm² = 3.6 C / 1e-4 m² = 36000 C/m².</summary>
    public const double CPerM2PerMAhPerCm2 = 36000.0;

    /// <summary>1 mA/cm² = 1e-3 A / 1e-4 m² = 10 A/m².</summary>
    public const double APerM2PerMAPerCm2 = 10.0;

    /// <summary>1 µm = 1e-6 m.</summary>
    public const double MPerUm = 1e-6;

    /// <summary>1 Wh/kg = 3600 J/kg.</summary>
    public const double JPerKgPerWhPerKg = 3600.0;

    /// <summary>1 Wh/L = 3600 J / 1e-3 m³ = 3.6e6 J/m³.</summary>
    public const double JPerM3PerWhPerL = 3.6e6;

    /// <summary>1 mWh/cm² = 3.6 J / 1e-4 m² = 36000 J/m².</summary>
    public const double JPerM2PerMWhPerCm2 = 36000.0;

    /// <summary>1 h = 3600 s.</summary>
    public const double SecondsPerHour = 3600.0;
}
