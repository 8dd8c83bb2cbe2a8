using Borolyte.Chemistry;

namespace Borolyte.Cells.Design;

/// <summary>Theoretical specific capacity of an active material from Faraday's law.</summary>
public static class TheoreticalCapacity
{
    /// <summary>
    /// Q = n·F / M in C/kg for n electrons (alkali ions) exchanged per formula unit of molar mass M
    /// (Faraday's law of electrolysis; e.g. Bard &amp; Faulkner, Electrochemical Methods, 2nd ed., §1.3).
    /// </summary>
    public static double CPerKg(Formula formula, double electronsPerFormulaUnit)
    {
        if (!(electronsPerFormulaUnit > 0) || double.IsInfinity(electronsPerFormulaUnit))
            throw new InvalidInputException($"electrons per formula unit of {formula.Text} must be a positive number, got {electronsPerFormulaUnit}");
        // Q = n F / M, M in kg/mol (Faraday's law).
        return electronsPerFormulaUnit * PhysicalConstants.FaradayCPerMol / formula.MolarMassKgPerMol;
    }

    /// <summary>Q = n·F / (3.6·M) in mAh/g with M in g/mol (the same law; 1 mAh/g = 3.6 C/g).</summary>
    public static double MAhPerG(Formula formula, double electronsPerFormulaUnit) =>
        CPerKg(formula, electronsPerFormulaUnit) / CellUnits.CPerKgPerMAhPerG;
}
