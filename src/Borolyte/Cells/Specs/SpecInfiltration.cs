using Borolyte.Cells.Design;

namespace Borolyte.Cells.Specs;

/// <summary>
/// The <c>infiltration</c> block of a design or simulation spec (docs/cells.md): <c>concentrationMgPerMl</c> (&gt; 0),
/// <c>basis</c> (<c>solvent</c>, the default, or <c>solution</c>) and <c>dips</c> (default 1), the dipping solution of
/// seed 004 §4.3, read into a <see cref="SolutionInfiltration"/>.
/// </summary>
internal static class SpecInfiltration
{
    public static IReadOnlyList<string> Fields { get; } = ["concentrationMgPerMl", "basis", "dips"];

    /// <param name="inf">the block</param>
    /// <param name="electrolyteDensityKgPerM3">the infiltrated electrolyte's density; unknown (null) is an error naming the block</param>
    /// <remarks>
    /// Field errors are the spec's (file, line, field). What the model itself rejects (a solution that would leave more solid
    /// than the pores hold) is <see cref="SolutionInfiltration"/>'s own InvalidInputException, for the caller to place.
    /// </remarks>
    public static SolutionInfiltration Read(SpecSection inf, double? electrolyteDensityKgPerM3)
    {
        inf.AllowOnly(Fields);
        double c = inf.RequiredPositive("concentrationMgPerMl") * CellUnits.KgPerM3PerMgPerMl;
        var basis = inf.String("basis") switch
        {
            null or "solvent" => ConcentrationBasis.PerSolventVolume,
            "solution" => ConcentrationBasis.PerSolutionVolume,
            var other => throw inf.Error("basis", $"must be 'solvent' or 'solution', got '{other}'"),
        };
        int dips = inf.PositiveWholeNumber("dips") ?? 1;
        double rho = electrolyteDensityKgPerM3
            ?? throw inf.Error("", "needs the electrolyte's density: electrolyte.densityGPerCm3, or electrolyte.name from the material catalogue");
        return new SolutionInfiltration(c, rho, basis, dips);
    }
}
