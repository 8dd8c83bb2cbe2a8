namespace Borolyte.Impedance;

/// <summary>
/// Weights of the complex nonlinear least-squares residuals (Boukamp, Solid State Ionics 20 (1986) 31; Orazem &amp;
/// Tribollet, Electrochemical Impedance Spectroscopy, 2nd ed., ch. 19): unity σ = 1 (the large-|Z| points dominate),
/// modulus σ = |Z| for both parts (every decade counts alike: the default), proportional σ' = |Z'|, σ'' = |Z''|.
/// </summary>
public enum ImpedanceWeighting { Unity, Modulus, Proportional }
