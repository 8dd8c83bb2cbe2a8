using System.Collections.Immutable;

namespace Borolyte.Cells.Protocols;

/// <summary>A parenthesised group of items repeated <see cref="Count"/> times: "(step; step) x 100".</summary>
public sealed record RepeatGroup(ImmutableArray<ProtocolItem> Items, int Count) : ProtocolItem
{
    public override long StepCount => checked(Count * Items.Sum(i => i.StepCount));
}
