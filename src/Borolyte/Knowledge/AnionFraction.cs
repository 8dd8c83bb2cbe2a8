namespace Borolyte.Knowledge;

/// <summary>An anion of a compound and its mole fraction among the compound's anions.</summary>
public sealed record AnionFraction
{
    public string Formula { get; init; } = "";
    public double? Fraction { get; init; }
}
