namespace Borolyte.Impedance.Circuits;

/// <summary>A node of a parsed equivalent circuit: an element, a series chain or a parallel group.</summary>
public abstract record CircuitNode;

/// <summary>A named element (e.g. "CPE1" of kind CPE).</summary>
public sealed record ElementNode(string Name, CircuitElementKind Kind) : CircuitNode;

/// <summary>Elements in series: Z = Σ Zᵢ.</summary>
public sealed record SeriesNode(IReadOnlyList<CircuitNode> Children) : CircuitNode;

/// <summary>Elements in parallel: 1/Z = Σ 1/Zᵢ.</summary>
public sealed record ParallelNode(IReadOnlyList<CircuitNode> Children) : CircuitNode;
