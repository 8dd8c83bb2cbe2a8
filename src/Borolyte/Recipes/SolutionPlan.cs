namespace Borolyte.Recipes;

/// <summary>
/// Dissolving a recipe's precursors: either the solvent volume is given and the concentration follows, or the
/// concentration is given and the solvent volume follows. Concentration here is solute mass per solvent volume
/// (c = m / V_solvent, as "533.6 mg + 466.4 mg in 20 mL isopropanol" in seed 004, Experimental); the volume the solute
/// itself adds is neglected, so the solution volume is slightly larger than V_solvent.
/// </summary>
public sealed record SolutionPlan(double SoluteMassKg, double SolventVolumeM3, double ConcentrationKgPerM3, bool VolumeWasComputed)
{
    public const string Approximation = "concentration = solute mass / solvent volume; the volume of the dissolved solute is neglected";

    public double SolventVolumeMl => SolventVolumeM3 * 1e6;

    /// <summary>kg/m³ equals mg/mL.</summary>
    public double ConcentrationMgPerMl => ConcentrationKgPerM3;

    public static SolutionPlan ForSolventVolume(double soluteMassKg, double solventVolumeM3)
    {
        if (!(solventVolumeM3 > 0)) throw new InvalidInputException("solvent volume must be greater than zero");
        return new(soluteMassKg, solventVolumeM3, soluteMassKg / solventVolumeM3, VolumeWasComputed: false);
    }

    public static SolutionPlan ForConcentration(double soluteMassKg, double concentrationKgPerM3)
    {
        if (!(concentrationKgPerM3 > 0)) throw new InvalidInputException("concentration must be greater than zero");
        return new(soluteMassKg, soluteMassKg / concentrationKgPerM3, concentrationKgPerM3, VolumeWasComputed: true);
    }
}
