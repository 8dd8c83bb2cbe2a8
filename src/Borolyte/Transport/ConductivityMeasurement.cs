namespace Borolyte.Transport;

/// <summary>One σ(T) point: temperature in K, conductivity in S/cm, optional standard uncertainty in S/cm.</summary>
public sealed record ConductivityMeasurement(double TemperatureK, double ConductivitySPerCm, double? StdErrSPerCm = null);
