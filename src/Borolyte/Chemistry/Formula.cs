namespace Borolyte.Chemistry;

/// <summary>
/// A parsed chemical formula: the text as written (isomer/locant prefixes such as "1-" or "closo-" are kept in it but do
/// not change the composition), the total composition (hydrate parts included), and the net ionic charge.
/// </summary>
/// <param name="Text">The formula as given (trimmed).</param>
/// <param name="Composition">All atoms, hydrate/adduct parts included.</param>
/// <param name="Charge">Net charge in elementary charges (0 when none is written).</param>
/// <param name="HasExplicitCharge">True when the text carries a charge ("[B12H12]2-", "Na+", "B12H12^2-").</param>
/// <param name="MainComposition">Atoms of the part before any hydrate separator.</param>
/// <param name="Units">Top-level groups of the main part (see <see cref="FormulaUnit"/>).</param>
/// <param name="Hydrates">Parts after '·', '•' or '*', e.g. 2H2O.</param>
public sealed record Formula(
    string Text,
    Composition Composition,
    int Charge,
    bool HasExplicitCharge,
    Composition MainComposition,
    IReadOnlyList<FormulaUnit> Units,
    IReadOnlyList<HydratePart> Hydrates)
{
    /// <summary>
    /// Parse a formula such as "Na2B12H12", "[B12H12]2-", "Li(CB9H10)0.7(CB11H12)0.3", "(B12H12)1/2", "[1-CB9H10]-",
    /// "Na2B12H12·2H2O". Throws <see cref="FormulaParseException"/> (an <see cref="InvalidInputException"/>) with the
    /// 1-based position of the problem.
    /// </summary>
    public static Formula Parse(string text) => FormulaParser.Parse(text);

    /// <summary>Like <see cref="Parse"/> but returns false (and the error) instead of throwing.</summary>
    public static bool TryParse(string text, out Formula? formula, out FormulaParseException? error)
    {
        try
        {
            formula = FormulaParser.Parse(text);
            error = null;
            return true;
        }
        catch (FormulaParseException ex)
        {
            formula = null;
            error = ex;
            return false;
        }
    }

    public double MolarMassGPerMol => Composition.MolarMassGPerMol;

    /// <summary>Molar mass in SI units (kg/mol).</summary>
    public double MolarMassKgPerMol => Composition.MolarMassKgPerMol;

    public override string ToString() => Text;
}
