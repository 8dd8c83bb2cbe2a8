using Borolyte.Transport;

namespace Borolyte.Cells.Simulation;

/// <summary>
/// A single-layer all-solid-state cell: positive electrode | dense solid-electrolyte separator | negative electrode.
/// The positive electrode is the electrode under test (in a half cell the working electrode, e.g. Sn vs Na–Sn); C-rates
/// and specific capacities refer to it.
/// </summary>
public sealed record CellParameters
{
    public required string Name { get; init; }
    public required ElectrodeParameters Positive { get; init; }
    public required ElectrodeParameters Negative { get; init; }
    public required double SeparatorThicknessM { get; init; }
    /// <summary>The solid electrolyte's bulk conductivity σ(T) (separator and composites): an Arrhenius law or any fitted transport model.</summary>
    public required IConductivityModel Electrolyte { get; init; }
    public required double TemperatureK { get; init; }
    /// <summary>Electrode area, m² (absolute currents in protocols and in the time series).</summary>
    public required double AreaM2 { get; init; }
    /// <summary>Nominal areal capacity defining 1C, C/m² (the paper's convention: active loading × nominal mAh/g).</summary>
    public required double NominalArealCapacityCPerM2 { get; init; }
    /// <summary>Active mass of the positive electrode per area, kg/m² (specific capacities; 0 for a metal electrode: none).</summary>
    public required double ActiveLoadingKgPerM2 { get; init; }

    /// <summary>
    /// Added to the cell voltage wherever a voltage is controlled or reported (protocol cut-offs and holds, voltage_volt).
    /// Seed 004 quotes its half-cell windows "vs. Na/Na+" although the counter electrode is Na–Sn at ~0.1 V vs Na/Na+
    /// (§2, §4.4); its half-cell presets therefore report V_cell + 0.1 V. Zero for full cells and metal counter electrodes.
    /// </summary>
    public double VoltageOffsetV { get; init; }

    /// <summary>Contact loss, sodium-inventory loss and electrolyte oxidation (off by default).</summary>
    public DegradationParameters Degradation { get; init; } = DegradationParameters.None;

    public double BulkConductivitySPerM => Electrolyte.ConductivitySPerM(TemperatureK);

    /// <summary>Separator area-specific resistance L/κ, Ω·m².</summary>
    public double SeparatorResistanceOhmM2 => SeparatorThicknessM / BulkConductivitySPerM;

    public void Validate()
    {
        if (!(SeparatorThicknessM > 0)) throw new InvalidInputException($"{Name}: separatorThicknessM must be greater than zero, got {SeparatorThicknessM}");
        if (!(TemperatureK > 0)) throw new InvalidInputException($"{Name}: temperature must be above 0 K, got {TemperatureK} K");
        double kappa = BulkConductivitySPerM;
        if (!(kappa > 0) || !double.IsFinite(kappa))
            throw new InvalidInputException($"{Name}: the electrolyte's conductivity at {TemperatureK - PhysicalConstants.ZeroCelsiusK:0.##} °C is {kappa} S/m (its σ(T) model gives no positive value there)");
        if (!(AreaM2 > 0)) throw new InvalidInputException($"{Name}: areaM2 must be greater than zero, got {AreaM2}");
        if (!(NominalArealCapacityCPerM2 > 0)) throw new InvalidInputException($"{Name}: nominal areal capacity must be greater than zero");
        if (!(ActiveLoadingKgPerM2 >= 0) || !double.IsFinite(ActiveLoadingKgPerM2)) throw new InvalidInputException($"{Name}: active loading must be ≥ 0 (0: no specific capacities, e.g. a symmetric metal cell)");
        Positive.Validate(); Negative.Validate();
        Degradation.Validate(Name);
    }
}
