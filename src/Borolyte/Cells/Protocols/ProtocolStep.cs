using System.Globalization;

namespace Borolyte.Cells.Protocols;

/// <summary>
/// One step of a cycling protocol, as PyBaMM's experiment strings write it ("Charge at 0.1C until 3.35 V",
/// "Rest for 10 minutes", "Hold at 3.35 V until C/50"). Immutable; <see cref="Text"/> is the step as written,
/// <see cref="Canonical"/> a normalised form that parses back to an equal step.
/// </summary>
public abstract record ProtocolStep(string Text) : ProtocolItem
{
    public sealed override long StepCount => 1;

    public abstract string Canonical { get; }

    protected static string Duration(double seconds) =>
        seconds % 3600 == 0 ? $"{Num(seconds / 3600)} hours"
        : seconds % 60 == 0 ? $"{Num(seconds / 60)} minutes"
        : $"{Num(seconds)} seconds";

    protected static string Num(double v) => v.ToString("0.##########", CultureInfo.InvariantCulture);
}

/// <summary>Constant current: "Charge|Discharge at CURRENT [for DURATION] [or] [until VOLTAGE]" (at least one end).</summary>
public sealed record CurrentStep(string Text, CurrentDirection Direction, StepCurrent Current, double? DurationS, double? CutoffVoltageV)
    : ProtocolStep(Text)
{
    public override string Canonical =>
        $"{Direction} at {Current}" +
        (DurationS is { } d ? $" for {Duration(d)}" : "") +
        (DurationS is not null && CutoffVoltageV is not null ? " or" : "") +
        (CutoffVoltageV is { } v ? $" until {Num(v)} V" : "");
}

/// <summary>Open circuit: "Rest for DURATION".</summary>
public sealed record RestStep(string Text, double DurationS) : ProtocolStep(Text)
{
    public override string Canonical => $"Rest for {Duration(DurationS)}";
}

/// <summary>Constant voltage: "Hold at VOLTAGE [for DURATION] [or] [until CURRENT]" (at least one end).</summary>
public sealed record HoldStep(string Text, double VoltageV, double? DurationS, StepCurrent? CutoffCurrent) : ProtocolStep(Text)
{
    public override string Canonical =>
        $"Hold at {Num(VoltageV)} V" +
        (DurationS is { } d ? $" for {Duration(d)}" : "") +
        (DurationS is not null && CutoffCurrent is not null ? " or" : "") +
        (CutoffCurrent is { } c ? $" until {c}" : "");
}
