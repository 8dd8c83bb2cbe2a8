namespace Borolyte.Knowledge;

/// <summary>An electrolyte, electrode material, alloy or precursor whose properties are recorded.</summary>
public sealed record Compound
{
    /// <summary>Stable id, by convention `cmp-&lt;formula&gt;`.</summary>
    public string Id { get; init; } = "";
    public string Formula { get; init; } = "";
    public string? Name { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
    /// <summary>Mobile ion (`Li`, `Na`, ...), or null.</summary>
    public string? CarrierIon { get; init; }
    public IReadOnlyList<AnionFraction> Anions { get; init; } = [];
    public string? ConductingPhaseStructure { get; init; }
    public double? DensityGPerCm3 { get; init; }
    /// <summary>`hydroborate | sulfide | oxide | halide | electrode | alloy | metal | other`.</summary>
    public string? Category { get; init; }

    public static string IdFor(string formula) => "cmp-" + formula;

    public bool Equals(Compound? other) =>
        other is not null && Id == other.Id && Formula == other.Formula && Name == other.Name
        && CarrierIon == other.CarrierIon && ConductingPhaseStructure == other.ConductingPhaseStructure
        && DensityGPerCm3.Equals(other.DensityGPerCm3) && Category == other.Category
        && Aliases.SequenceEqual(other.Aliases) && Anions.SequenceEqual(other.Anions);

    public override int GetHashCode() => HashCode.Combine(Id, Formula);
}
