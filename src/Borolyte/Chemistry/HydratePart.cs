namespace Borolyte.Chemistry;

/// <summary>A part after a hydrate/adduct separator, e.g. "2H2O" in Na2B12H12·2H2O: Coefficient 2, Composition H2O (one unit).</summary>
public sealed record HydratePart(string Text, double Coefficient, Composition Composition);
