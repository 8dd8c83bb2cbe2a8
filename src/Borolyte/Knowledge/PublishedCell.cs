namespace Borolyte.Knowledge;

/// <summary>A published all-solid-state cell and its headline performance.</summary>
public sealed record PublishedCell
{
    public string Id { get; init; } = "";
    public string? Cathode { get; init; }
    public string? Electrolyte { get; init; }
    public string? Anode { get; init; }
    public string? CathodeComposition { get; init; }
    public double? CathodeLoadingMgPerCm2 { get; init; }
    public double? TemperatureC { get; init; }
    public double? StackPressureMPa { get; init; }
    public double? CRate { get; init; }
    public double? CurrentDensityMAPerCm2 { get; init; }
    public double? VoltageLowV { get; init; }
    public double? VoltageHighV { get; init; }
    /// <summary>Per gram of cathode active material unless the note says otherwise.</summary>
    public double? CapacityMAhPerG { get; init; }
    /// <summary>Fraction of 1.</summary>
    public double? CoulombicEfficiency { get; init; }
    /// <summary>Capacity retention, fraction of 1, after <see cref="RetentionCycles"/> cycles.</summary>
    public double? Retention { get; init; }
    public int? RetentionCycles { get; init; }
    public string? Note { get; init; }
    public SourceCitation? Source { get; init; }
}
