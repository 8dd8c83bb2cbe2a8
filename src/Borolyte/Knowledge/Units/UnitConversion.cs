namespace Borolyte.Knowledge.Units;

/// <summary>How a file unit maps to SI: si = value × <see cref="Factor"/> + <see cref="Offset"/>.</summary>
public sealed record UnitConversion(string Unit, string SiUnit, double Factor, double Offset = 0.0)
{
    public double ToSi(double value) => value * Factor + Offset;
    public double FromSi(double si) => (si - Offset) / Factor;
}
