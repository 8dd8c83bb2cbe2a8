using System.Globalization;
using Borolyte.Cells.Design;

namespace Borolyte.Cells.Protocols;

/// <summary>How a protocol step states its current.</summary>
public enum CurrentKind
{
    /// <summary>A C-rate (1C passes the nominal areal capacity in one hour; see <see cref="CRate"/>).</summary>
    CRate,
    /// <summary>An absolute current, A.</summary>
    Ampere,
    /// <summary>A current density, A/m² (written mA/cm² in protocols).</summary>
    AmperePerSquareMetre,
}

/// <summary>A current magnitude of a protocol step (always &gt; 0; the step's verb gives the direction).</summary>
public readonly record struct StepCurrent(CurrentKind Kind, double Value)
{
    public static StepCurrent FromCRate(double c) => new(CurrentKind.CRate, c);
    public static StepCurrent FromAmpere(double a) => new(CurrentKind.Ampere, a);
    public static StepCurrent FromAPerM2(double j) => new(CurrentKind.AmperePerSquareMetre, j);

    /// <summary>Current density (A/m²) for an electrode of nominal areal capacity Q_A (C/m²) and area A (m²).</summary>
    public double CurrentDensityAPerM2(double nominalArealCapacityCPerM2, double electrodeAreaM2) => Kind switch
    {
        CurrentKind.CRate => CRate.CurrentDensityAPerM2(nominalArealCapacityCPerM2, Value),
        // j = I / A
        CurrentKind.Ampere => electrodeAreaM2 > 0 ? Value / electrodeAreaM2 : throw new InvalidInputException("electrode area must be greater than zero"),
        _ => Value,
    };

    /// <summary>Canonical text: "0.1C", "2 mA", "0.2 mA/cm2".</summary>
    public override string ToString() => Kind switch
    {
        CurrentKind.CRate => Num(Value) + "C",
        CurrentKind.Ampere => Value >= 1 ? Num(Value) + " A" : Num(Value * 1e3) + " mA",
        _ => Num(Value / CellUnits.APerM2PerMAPerCm2) + " mA/cm2",
    };

    private static string Num(double v) => v.ToString("0.##########", CultureInfo.InvariantCulture);
}
