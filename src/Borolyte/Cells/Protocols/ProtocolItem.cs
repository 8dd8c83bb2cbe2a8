namespace Borolyte.Cells.Protocols;

/// <summary>An element of a protocol: a <see cref="ProtocolStep"/> or a <see cref="RepeatGroup"/>.</summary>
public abstract record ProtocolItem
{
    /// <summary>Number of steps this item expands to.</summary>
    public abstract long StepCount { get; }
}
