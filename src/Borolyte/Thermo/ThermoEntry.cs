using Borolyte.Chemistry;

namespace Borolyte.Thermo;

/// <summary>
/// A computed (or measured) total energy of a phase, like pymatgen's <c>ComputedEntry</c>: an id, the composition of the
/// cell or formula the energy belongs to, and the energy in eV including <paramref name="CorrectionEv"/>.
/// </summary>
/// <param name="Id">Identifier (entry_id, e.g. "mp-1234"), unique within a set of entries.</param>
/// <param name="Composition">Atoms the energy refers to (e.g. Na2B12H12 or a whole cell, Na8B48H48).</param>
/// <param name="EnergyEv">Total energy in eV, corrections included.</param>
/// <param name="CorrectionEv">The part of <paramref name="EnergyEv"/> that is an empirical correction (0 if none).</param>
/// <param name="Source">Where the number comes from (file and line, or a citation).</param>
public sealed record ThermoEntry(string Id, Composition Composition, double EnergyEv, double CorrectionEv = 0, string? Source = null)
{
    public double AtomCount => Composition.AtomCount;

    public double EnergyPerAtomEv => EnergyEv / Composition.AtomCount;

    /// <summary>Reduced formula in Hill order (Na2B12H12 → B6H6Na).</summary>
    public string ReducedFormula => Composition.ReducedFormula;

    /// <summary>A copy with another energy per atom (used to "stabilise" a metastable phase onto the hull).</summary>
    public ThermoEntry WithEnergyPerAtom(double energyPerAtomEv) => this with { EnergyEv = energyPerAtomEv * Composition.AtomCount };
}
