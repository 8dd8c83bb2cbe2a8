using System.Numerics;
using Borolyte.Impedance.Circuits;

namespace Borolyte.Impedance;

/// <summary>One fitted parameter: value and standard error in SI, unit as impedance.py states it.</summary>
public sealed record FittedParameter(string Name, double Value, double StdErr, string Unit, bool Fixed);

/// <summary>
/// Result of a complex nonlinear least-squares fit. χ² = Σ[(Z'ₘ−Z')²/σ'² + (Z''ₘ−Z'')²/σ''²] with the chosen weighting;
/// reduced χ² = χ²/(2N − p); AIC = 2N·ln(χ²/2N) + 2p and BIC = 2N·ln(χ²/2N) + p·ln(2N) (Gaussian likelihood with
/// unknown common scale; Burnham &amp; Anderson, Model Selection, 2002, eq. 2.13). Covariances are
/// s²·(JᵀJ)⁻¹ with s² the reduced χ² (relative weights, as scipy's curve_fit with absolute_sigma=False, which
/// impedance.py uses), transformed from the fitted ln p back to p.
/// </summary>
public sealed record CircuitFit(
    Circuit Circuit,
    IReadOnlyList<FittedParameter> Parameters,
    double ChiSquare,
    double ReducedChiSquare,
    double Aic,
    double Bic,
    double[,] Covariance,
    double[,] Correlation,
    IReadOnlyList<string> Warnings,
    ImpedanceWeighting Weighting,
    int PointCount,
    int Iterations,
    int StartsTried)
{
    public double[] Values => Parameters.Select(p => p.Value).ToArray();

    public FittedParameter Parameter(string name) =>
        Parameters.FirstOrDefault(p => p.Name == name) ?? throw new InvalidInputException($"circuit {Circuit.Text} has no parameter '{name}' (parameters: {string.Join(", ", Parameters.Select(p => p.Name))})");

    public Complex[] Predict(IReadOnlyList<double> frequenciesHz) => Circuit.Predict(frequenciesHz, Values);
}
