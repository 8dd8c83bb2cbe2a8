namespace Borolyte.Chemistry;

/// <summary>
/// A chemical element. <paramref name="AtomicWeight"/> is the IUPAC conventional standard atomic
/// weight (dimensionless, numerically g/mol); when <paramref name="HasStandardAtomicWeight"/> is false
/// the element has no stable isotope and the value is the mass number of its longest-lived isotope,
/// which IUPAC tables print in brackets (e.g. Tc [97]).
/// </summary>
/// <param name="Group">IUPAC group 1–18; null for the f-block (Ce–Lu, Th–Lr).</param>
/// <param name="ValenceElectrons">Electrons available for bonding: group number for groups 1–12, group − 10 for
/// groups 13–18 (He: 2), 3 for the f-block (the usual convention for lanthanides/actinides).</param>
public sealed record Element(
    int AtomicNumber,
    string Symbol,
    string Name,
    double AtomicWeight,
    bool HasStandardAtomicWeight,
    int? Group,
    int ValenceElectrons)
{
    /// <summary>Atomic weight as printed in IUPAC tables: "10.81" or "[97]".</summary>
    public string AtomicWeightText => HasStandardAtomicWeight
        ? AtomicWeight.ToString("R", System.Globalization.CultureInfo.InvariantCulture)
        : $"[{AtomicWeight:0}]";

    /// <summary>
    /// Pauling electronegativity (dimensionless), NaN where none is tabulated (He, Ne, Ar, Rf–Og). The values are the
    /// ones pymatgen 2022.11.7 uses (<c>Element.X</c>), from data/chemistry/pauling-electronegativity.json (origin and
    /// extraction script: data/chemistry/README.md).
    /// </summary>
    public double PaulingElectronegativity { get; init; } = double.NaN;

    /// <summary>Molar mass in SI units (kg/mol).</summary>
    public double MolarMassKgPerMol => AtomicWeight * 1e-3;

    public override string ToString() => Symbol;
}
