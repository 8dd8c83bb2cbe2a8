namespace Borolyte.Cells.Design;

/// <summary>Which specific capacities an n/p ratio uses.</summary>
public enum CapacityBasis
{
    /// <summary>The practical (nominal, as given) capacities, e.g. measured in half cells as seed 004 did for its full cell.</summary>
    Practical,
    /// <summary>Theoretical capacities from Faraday's law.</summary>
    Theoretical,
}
