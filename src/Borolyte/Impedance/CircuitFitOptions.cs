namespace Borolyte.Impedance;

/// <summary>Options of <see cref="CircuitFitter.Fit"/>. Parameter names are those of <see cref="Circuits.Circuit.ParameterNames"/>.</summary>
public sealed record CircuitFitOptions
{
    public ImpedanceWeighting Weighting { get; init; } = ImpedanceWeighting.Modulus;
    /// <summary>Parameters held at a value (SI).</summary>
    public IReadOnlyDictionary<string, double> Fixed { get; init; } = new Dictionary<string, double>();
    /// <summary>Bounds replacing the element defaults (SI).</summary>
    public IReadOnlyDictionary<string, (double Lower, double Upper)> Bounds { get; init; } = new Dictionary<string, (double, double)>();
    /// <summary>A full starting vector (e.g. the neighbour's result in a temperature series); the automatic guesses are tried too.</summary>
    public IReadOnlyList<double>? Start { get; init; }
    /// <summary>Try only the given start (warm start) unless it fails to converge.</summary>
    public bool WarmStartOnly { get; init; }
    /// <summary>Iterations each candidate start gets before the best is polished to convergence.</summary>
    public int ScreeningIterations { get; init; } = 12;
}
