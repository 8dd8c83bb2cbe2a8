using System.Collections.Immutable;

namespace Borolyte.Cells.Protocols;

/// <summary>
/// A cycling protocol: an immutable list of steps and repeated groups, parsed from the one-string command-line form
/// "Charge at 0.1C until 3.35 V; Rest for 10 minutes; (Charge at 0.5C until 3.35 V; Discharge at 0.5C until 2.1 V) x 100"
/// (issue 5 §2): steps separated by ';', a group "(…; …) x N" repeated N times (groups nest; 'x', 'X', '×' or '*').
/// <see cref="Steps"/> expands the repeats lazily, so 10⁶ cycles cost no memory.
/// </summary>
public sealed record Protocol(string Text, ImmutableArray<ProtocolItem> Items)
{
    public long StepCount => Items.Sum(i => i.StepCount);

    /// <summary>Every step in execution order, repeats expanded (lazily).</summary>
    public IEnumerable<ProtocolStep> Steps() => Expand(Items);

    private static IEnumerable<ProtocolStep> Expand(ImmutableArray<ProtocolItem> items)
    {
        foreach (var item in items)
        {
            if (item is ProtocolStep step) { yield return step; continue; }
            var group = (RepeatGroup)item;
            for (int k = 0; k < group.Count; k++)
                foreach (var s in Expand(group.Items)) yield return s;
        }
    }

    /// <summary>
    /// The protocol's cycles as PyBaMM counts them for experiment termination: each top-level step is one, and each
    /// repetition of a top-level group "(…) x N" is one (groups nested inside it belong to it).
    /// </summary>
    public IEnumerable<IReadOnlyList<ProtocolStep>> Cycles()
    {
        foreach (var item in Items)
        {
            if (item is ProtocolStep step) { yield return [step]; continue; }
            var group = (RepeatGroup)item;
            var once = Expand(group.Items).ToList();
            for (int k = 0; k < group.Count; k++) yield return once;
        }
    }

    public static Protocol Parse(string text) => ProtocolParser.Parse(text);

    /// <summary>Normalised text that parses back to an equal protocol.</summary>
    public string Canonical => Join(Items);

    private static string Join(ImmutableArray<ProtocolItem> items) => string.Join("; ", items.Select(i => i switch
    {
        ProtocolStep s => s.Canonical,
        RepeatGroup g => $"({Join(g.Items)}) x {g.Count}",
        _ => throw new InvalidOperationException(),
    }));
}
