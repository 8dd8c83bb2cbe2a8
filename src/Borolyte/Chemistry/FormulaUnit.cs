namespace Borolyte.Chemistry;

/// <summary>
/// A top-level piece of a formula's main part: a bracketed group such as "(B12H12)" in Na4(B12H12)(B10H10) with its
/// multiplier, or (IsBracketed = false) all atoms written outside brackets, pooled. Composition is for ONE unit
/// (multiplier not applied). Cluster analysis uses these to find the anion(s) of a salt.
/// </summary>
public sealed record FormulaUnit(string Text, Composition Composition, double Multiplier, bool IsBracketed);
