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
    /// <summary>How the energy was computed, as far as energy corrections need it (null: unknown, e.g. CSV entries).</summary>
    public CalculationInfo? Calculation { get; init; }

    /// <summary>
    /// The formula reports show for this phase when it is not pymatgen's reduced formula: the molecule of a molecular solid
    /// (decaborane B10H14, whose reduced formula is B5H7). Null for every other phase.
    /// </summary>
    public string? MolecularFormula { get; init; }

    /// <summary>How reports name the phase: <see cref="MolecularFormula"/> if set, else the reduced formula as pymatgen writes it (docs/chemistry.md).</summary>
    public string DisplayFormula => MolecularFormula ?? Composition.ReducedFormulaByElectronegativity;

    /// <summary>One-sigma uncertainty (eV) of <see cref="CorrectionEv"/> (independent adjustments added in quadrature).</summary>
    public double CorrectionUncertaintyEv { get; init; }

    /// <summary>Energy without any correction (eV).</summary>
    public double UncorrectedEnergyEv => EnergyEv - CorrectionEv;

    public double AtomCount => Composition.AtomCount;

    public double EnergyPerAtomEv => EnergyEv / Composition.AtomCount;

    /// <summary>Reduced formula in Hill order (Na2B12H12 → B6H6Na).</summary>
    public string ReducedFormula => Composition.ReducedFormula;

    /// <summary>A copy with another energy per atom (used to "stabilise" a metastable phase onto the hull).</summary>
    public ThermoEntry WithEnergyPerAtom(double energyPerAtomEv) => this with { EnergyEv = energyPerAtomEv * Composition.AtomCount };
}

/// <summary>
/// Calculation metadata of a computed entry used by energy-correction schemes (pymatgen <c>ComputedEntry.parameters</c> and
/// <c>.data</c>): the run type ("GGA", "GGA+U", …), the Hubbard U values by element (eV), the oxide/sulfide type, and
/// oxidation states by element when known. Every member may be null (unknown).
/// </summary>
public sealed record CalculationInfo(
    string? RunType = null,
    IReadOnlyDictionary<string, double>? HubbardUEv = null,
    string? OxideType = null,
    string? SulfideType = null,
    IReadOnlyDictionary<string, double>? OxidationStates = null);
