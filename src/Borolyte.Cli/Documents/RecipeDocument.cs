using Borolyte.Recipes;

namespace Borolyte.Cli.Documents;

/// <summary>The JSON contract of `borolyte recipe --json` (also embedded in the demo's summary.json).</summary>
public static class RecipeDocument
{
    private static object Line(RecipeLine p) => new
    {
        formula = p.Formula.Text,
        massMg = p.MassKg * 1e6,
        amountMmol = p.AmountMol * 1e3,
        molarMassGPerMol = p.MolarMassGPerMol,
        molesPerMoleTarget = p.MolesPerMoleTarget,
    };

    public static object From(Recipe recipe, SolutionPlan? solution) => new
    {
        target = recipe.Target.Text,
        targetMassMg = recipe.TargetMassKg * 1e6,
        precursors = recipe.Precursors.Select(Line).ToArray(),
        targetAmountMmol = recipe.TargetAmountMol * 1e3,
        targetMolarMassGPerMol = recipe.Target.MolarMassGPerMol,
        byproducts = recipe.Byproducts.Select(Line).ToArray(),
        equation = recipe.Equation,
        solution = solution is null ? null : new
        {
            solventVolumeMl = solution.SolventVolumeMl,
            concentrationMgPerMl = solution.ConcentrationMgPerMl,
            soluteMassMg = solution.SoluteMassKg * 1e6,
            computed = solution.VolumeWasComputed ? "solventVolumeMl" : "concentrationMgPerMl",
            approximation = SolutionPlan.Approximation,
        },
    
    };
}
