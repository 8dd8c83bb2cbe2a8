namespace Borolyte.Cycling;

/// <summary>
/// What a reader hands to <see cref="CyclingRun.Build"/>: columns already in SI (s, V, A with positive = charge) or in
/// the BDF unit their name carries (Ah, Wh), as the instrument counted them (capacity counters may restart per step).
/// Optional columns are null when the file has none. <see cref="CyclingRun.Build"/> takes ownership of the arrays: the
/// capacity and energy counters are made cumulative in place (no second copy of a large run).
/// </summary>
public sealed class CyclingRawData
{
    public required string SourcePath { get; init; }
    /// <summary>Short format id: "biologic-mpr", "biologic-mpt", "neware-csv", "arbin-csv", "maccor-txt", "prime-csv", "bdf-csv", "generic-csv".</summary>
    public required string Format { get; init; }
    public required double[] TestTimeSecond { get; init; }
    public required double[] VoltageVolt { get; init; }
    public required double[] CurrentAmpere { get; init; }
    /// <summary>The instrument's cycle counter (integers; readers reject non-integer values naming the line).</summary>
    public int[]? InstrumentCycle { get; init; }
    /// <summary>
    /// True when <see cref="InstrumentCycle"/> is a cycle definition already applied (BDF's cycle_count, e.g. a run this
    /// program exported): it is kept even when it never changes (a one-cycle run), instead of inferring cycles.
    /// </summary>
    public bool CycleCountIsDefinitive { get; init; }
    /// <summary>The instrument's step index.</summary>
    public int[]? InstrumentStep { get; init; }
    /// <summary>Per point, a <see cref="StepKind"/> as a code when the instrument labels it (Neware step type, BioLogic mode), else -1.</summary>
    public sbyte[]? InstrumentKind { get; init; }
    /// <summary>Half cycles as written by a previous export (BDF extension column half_cycle); recomputed when null.</summary>
    public int[]? InstrumentHalfCycle { get; init; }
    public double[]? ChargingCapacityAmpereHour { get; init; }
    public double[]? DischargingCapacityAmpereHour { get; init; }
    public double[]? ChargingEnergyWattHour { get; init; }
    public double[]? DischargingEnergyWattHour { get; init; }
    /// <summary>Working-electrode potential vs the reference (three-electrode cells).</summary>
    public double[]? EweVolt { get; init; }
    /// <summary>Counter-electrode potential vs the reference (three-electrode cells).</summary>
    public double[]? EceVolt { get; init; }
    /// <summary>Active mass stated in the file (never a default), kg.</summary>
    public double? ActiveMassKg { get; init; }
    /// <summary>Electrode area stated in the file, m².</summary>
    public double? AreaM2 { get; init; }
    /// <summary>Corrections and interpretations made while reading, one line each.</summary>
    public List<string> Notes { get; init; } = [];
}
