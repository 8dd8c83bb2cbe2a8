namespace Borolyte.Cells.Design;

/// <summary>What the volume in a solution concentration (mg/mL) refers to.</summary>
public enum ConcentrationBasis
{
    /// <summary>Solute mass per volume of solvent, as Borolyte's recipes (<see cref="Recipes.SolutionPlan"/>) and seed 004's
    /// "dissolved in isopropanol at a concentration of 100 mg mL-1" (§4.3). The solution is then slightly more dilute per
    /// volume: c_solution = c / (1 + c/ρ_solute), assuming the solute's volume adds to the solvent's.</summary>
    PerSolventVolume,
    /// <summary>Solute mass per volume of solution.</summary>
    PerSolutionVolume,
}
