using Borolyte.Chemistry;

namespace Borolyte.Thermo;

/// <summary>One phase of a decomposition and its fraction by atoms.</summary>
public sealed record DecompositionPhase(ThermoEntry Entry, double Fraction)
{
    /// <summary>"NaH + B" (<see cref="ThermoEntry.DisplayFormula"/>: as pymatgen writes reduced formulas, molecules as molecules), "–" for none: how reports name a phase assemblage.</summary>
    public static string Describe(IReadOnlyList<DecompositionPhase> phases) =>
        phases.Count == 0 ? "–" : string.Join(" + ", phases.Select(p => p.Entry.DisplayFormula));
}

/// <summary>
/// The equilibrium phase assemblage at a composition: the phases on the lower convex hull and their atomic fractions
/// (summing to 1), and the hull's formation energy per atom there.
/// </summary>
public sealed record Decomposition(Composition Composition, double FormationEnergyEvPerAtom, IReadOnlyList<DecompositionPhase> Phases);

/// <summary>Stability of one entry: formation energy, energy above the hull and decomposition (the entry itself if stable).</summary>
public sealed record EntryStability(
    ThermoEntry Entry,
    double FormationEnergyEvPerAtom,
    double EAboveHullEvPerAtom,
    bool IsStable,
    IReadOnlyList<DecompositionPhase> Decomposition);
