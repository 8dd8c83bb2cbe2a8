using Borolyte.Chemistry;

namespace Borolyte.Recipes;

/// <summary>One precursor (or by-product) of a recipe.</summary>
/// <param name="Formula">The compound.</param>
/// <param name="MolesPerMoleTarget">Stoichiometric coefficient per formula unit of target.</param>
/// <param name="AmountMol">Amount for the requested batch (mol).</param>
/// <param name="MassKg">Mass for the requested batch (kg).</param>
public sealed record RecipeLine(Formula Formula, double MolesPerMoleTarget, double AmountMol, double MassKg)
{
    public double MolarMassGPerMol => Formula.MolarMassGPerMol;
}
