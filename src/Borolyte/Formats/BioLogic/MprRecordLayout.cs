namespace Borolyte.Formats.BioLogic;

/// <summary>
/// Where each field of an .mpr data record sits, given the stored column ids and the record size (the data module's
/// length after its header divided by the declared point count). A field's width is fixed for a known id and any of 1,
/// 2, 4 or 8 bytes for an unknown one; every layout whose widths add up to the record size is admissible. The offsets
/// are found for all admissible layouts at once (forward: offsets reachable from the record start; backward: offsets
/// from which the record end is reachable), so a field is located exactly when every admissible layout puts it at the
/// same offset with the same width — the fields before the first unknown id, after the last, and between unknown ids
/// whose widths are forced. Linear in fields × record size; no enumeration of width combinations.
/// </summary>
internal sealed class MprRecordLayout
{
    private static readonly int[] AnyWidth = [1, 2, 4, 8];

    /// <summary>One stored field: the flag byte, a known id (readings preferred first) or an unknown id (no readings).</summary>
    public sealed record Field(int Id, IReadOnlyList<MprColumnType> Readings, bool ByLowByte)
    {
        public bool Unknown => Readings.Count == 0;
    }

    /// <summary>The field's offset and reading when located (Type null for an unknown id), its width when forced.</summary>
    public sealed record Placement(Field Field, int? Offset, int? Width, MprColumnType? Type);

    public required IReadOnlyList<Placement> Placements { get; init; }
    /// <summary>True when a reading other than the preferred one was needed to fit the record size.</summary>
    public required bool UsedAlternatives { get; init; }

    /// <summary>Smallest record the fields can make (every unknown 1 byte, every known id its narrowest reading).</summary>
    public static int MinimumSize(IReadOnlyList<Field> fields) =>
        fields.Sum(f => f.Unknown || f.ByLowByte ? 1 : f.Readings.Min(r => r.Size));

    /// <summary>Sum of the preferred widths, or null when an unknown id leaves it open.</summary>
    public static int? PreferredSize(IReadOnlyList<Field> fields) =>
        fields.Any(f => f.Unknown || f.ByLowByte) ? null : fields.Sum(f => f.Readings[0].Size);

    /// <summary>
    /// The layout of a <paramref name="recordSize"/>-byte record: first with every known id at its preferred width (an id
    /// read by its low byte included); only if that fits no layout, with every reading of each known id and the low-byte
    /// ids as unknowns. Null when neither fits.
    /// </summary>
    public static MprRecordLayout? Resolve(IReadOnlyList<Field> fields, int recordSize)
    {
        var strict = Solve(fields, recordSize, f => f.Unknown ? AnyWidth : [f.Readings[0].Size]);
        if (strict is not null) return new MprRecordLayout { Placements = strict, UsedAlternatives = false };
        var loose = Solve(fields, recordSize, f => f.Unknown || f.ByLowByte ? AnyWidth : f.Readings.Select(r => r.Size).Distinct().ToArray());
        return loose is null ? null : new MprRecordLayout { Placements = loose, UsedAlternatives = true };
    }

    private static List<Placement>? Solve(IReadOnlyList<Field> fields, int size, Func<Field, int[]> widthsOf)
    {
        int n = fields.Count;
        var widths = fields.Select(widthsOf).ToArray();
        // forward[i][o]: some choice of widths for fields 0..i-1 ends at offset o.
        var forward = new bool[n + 1][];
        forward[0] = new bool[size + 1];
        forward[0][0] = true;
        for (int i = 0; i < n; i++)
        {
            forward[i + 1] = new bool[size + 1];
            for (int o = 0; o <= size; o++)
            {
                if (!forward[i][o]) continue;
                foreach (int w in widths[i]) if (o + w <= size) forward[i + 1][o + w] = true;
            }
        }
        if (!forward[n][size]) return null;
        // backward[i][o]: from offset o, fields i..n-1 can end exactly at the record end.
        var backward = new bool[n + 1][];
        backward[n] = new bool[size + 1];
        backward[n][size] = true;
        for (int i = n - 1; i >= 0; i--)
        {
            backward[i] = new bool[size + 1];
            for (int o = 0; o <= size; o++)
                foreach (int w in widths[i])
                    if (o + w <= size && backward[i + 1][o + w]) { backward[i][o] = true; break; }
        }
        var placements = new List<Placement>(n);
        for (int i = 0; i < n; i++)
        {
            int? offset = null;
            bool unique = true;
            var usedWidths = new HashSet<int>();
            for (int o = 0; o <= size; o++)
            {
                if (!forward[i][o] || !backward[i][o]) continue;
                if (offset is null) offset = o; else unique = false;
                foreach (int w in widths[i])
                    if (o + w <= size && forward[i + 1][o + w] && backward[i + 1][o + w]) usedWidths.Add(w);
            }
            int? width = usedWidths.Count == 1 ? usedWidths.Single() : null;
            var field = fields[i];
            MprColumnType? type = field.Unknown || width is null ? null : field.Readings.FirstOrDefault(r => r.Size == width);
            placements.Add(new Placement(field, unique ? offset : null, width, unique ? type : null));
        }
        return placements;
    }
}
