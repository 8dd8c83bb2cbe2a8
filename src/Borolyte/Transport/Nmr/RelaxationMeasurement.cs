namespace Borolyte.Transport.Nmr;

/// <summary>One spin–lattice relaxation rate: temperature (K), Larmor frequency (Hz), R₁ = 1/T₁ (s⁻¹), optional standard uncertainty (s⁻¹).</summary>
public sealed record RelaxationMeasurement(double TemperatureK, double LarmorHz, double R1PerS, double? StdErrPerS = null);
