namespace Borolyte.Cells.Design;

/// <summary>
/// C-rate arithmetic. Definition used throughout Borolyte: a rate of n C is the current that would charge or
/// discharge the electrode's nominal areal capacity Q_A in 1/n hours, j = n·Q_A / (1 h), where
/// Q_A = (active-material loading) × (nominal specific capacity of the active material). This is the convention
/// of seed 004 (0.1C = 0.084 mA/cm² for 7.0 mg/cm² NaCrO2, i.e. a nominal 120 mAh/g), in which the C-rate of
/// a full cell is based on the cathode (seed 004 §2: "0.1C (based on the cathode capacity)").
/// </summary>
public static class CRate
{
    /// <summary>Q_A = loading × specific capacity (C/m² from kg/m² and C/kg).</summary>
    public static double ArealCapacityCPerM2(double activeLoadingKgPerM2, double specificCapacityCPerKg)
    {
        Require(activeLoadingKgPerM2, "loading");
        Require(specificCapacityCPerKg, "specific capacity");
        // Q_A = m_A · q (areal capacity = areal mass × specific capacity)
        return activeLoadingKgPerM2 * specificCapacityCPerKg;
    }

    /// <summary>j = n·Q_A / 3600 s (A/m²) — the C-rate definition above.</summary>
    public static double CurrentDensityAPerM2(double arealCapacityCPerM2, double cRate)
    {
        Require(arealCapacityCPerM2, "areal capacity");
        if (!double.IsFinite(cRate) || !(cRate > 0)) throw new InvalidInputException($"C-rate must be greater than zero, got {cRate}");
        // j = n Q_A / (1 h)
        return cRate * arealCapacityCPerM2 / CellUnits.SecondsPerHour;
    }

    /// <summary>n = j·3600 s / Q_A — the inverse of <see cref="CurrentDensityAPerM2"/>.</summary>
    public static double OfCurrentDensity(double currentDensityAPerM2, double arealCapacityCPerM2)
    {
        Require(arealCapacityCPerM2, "areal capacity");
        if (!double.IsFinite(currentDensityAPerM2) || !(currentDensityAPerM2 > 0))
            throw new InvalidInputException($"current density must be greater than zero, got {currentDensityAPerM2}");
        // n = j (1 h) / Q_A
        return currentDensityAPerM2 * CellUnits.SecondsPerHour / arealCapacityCPerM2;
    }

    private static void Require(double value, string name)
    {
        if (!double.IsFinite(value) || !(value > 0)) throw new InvalidInputException($"{name} must be greater than zero, got {value}");
    }
}
