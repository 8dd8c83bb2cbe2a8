using System.Globalization;
using Borolyte.Formats.BioLogic;

namespace Borolyte.Cycling.Readers;

/// <summary>How a field of a data row is turned into a number.</summary>
internal enum FieldKind
{
    Number,
    /// <summary>"h:mm:ss[.f]" with hours possibly above 24 (Neware) or "Nd hh:mm:s.f" (Maccor), to seconds.</summary>
    Duration,
    /// <summary>A label turned into a number by the column's <see cref="FieldSpec.Code"/>.</summary>
    Code,
}

internal delegate int LabelCode(ReadOnlySpan<byte> label);

/// <summary>One column to extract: where it is in the row, what it is called (for errors), how to parse it.</summary>
internal sealed record FieldSpec(int Index, string Name, FieldKind Kind = FieldKind.Number, LabelCode? Code = null);

/// <summary>
/// The data-row loop shared by the text readers: streams lines as bytes, picks the requested fields, parses them
/// without allocating, and reports the first bad value with file, line and column. Lines whose fields are all empty
/// (";;;;" padding some exporters append) are skipped and counted.
/// </summary>
internal static class DelimitedTable
{
    public sealed record Result(double[][] Columns, int Rows, int BlankLinesSkipped);

    public static Result Read(ByteLineReader reader, string path, byte delimiter, int headerFieldCount, IReadOnlyList<FieldSpec> specs, bool decimalComma = false)
    {
        var builders = new ColumnBuilder[specs.Count];
        for (int i = 0; i < specs.Count; i++) builders[i] = new ColumnBuilder();
        // Map field index → spec slot (-1 = not wanted).
        int maxIndex = specs.Max(s => s.Index);
        var slot = new int[maxIndex + 1];
        Array.Fill(slot, -1);
        for (int i = 0; i < specs.Count; i++) slot[specs[i].Index] = i;
        int rows = 0, blank = 0;
        while (reader.TryReadLine(out var line))
        {
            if (IsBlank(line, delimiter)) { blank++; continue; }
            var cursor = new FieldCursor(line, delimiter);
            int index = 0, found = 0;
            while (cursor.TryNext(out var field))
            {
                if (index <= maxIndex && slot[index] >= 0)
                {
                    var spec = specs[slot[index]];
                    double value;
                    bool ok = spec.Kind switch
                    {
                        FieldKind.Number => TextFields.TryParseNumber(field, decimalComma, out value),
                        FieldKind.Duration => TryParseDuration(field, out value),
                        _ => (value = spec.Code!(TextFields.Trim(field))) >= 0 || true,
                    };
                    if (!ok)
                    {
                        string shown = TextFields.Show(field);
                        throw new InvalidInputException(
                            $"{path} line {reader.LineNumber}, column '{spec.Name}': " +
                            (shown.Length == 0 ? "empty, expected a number" : $"'{shown}' is not a {(spec.Kind == FieldKind.Duration ? "duration" : "number")}") +
                            (reader.LastLineEndedWithNewline ? "" : " (file cut short?)"));
                    }
                    if (!double.IsFinite(value))
                        throw new InvalidInputException($"{path} line {reader.LineNumber}, column '{spec.Name}': '{TextFields.Show(field)}' is not a finite number");
                    builders[slot[index]].Add(value);
                    found++;
                }
                index++;
            }
            if (found < specs.Count || index < headerFieldCount)
                throw new InvalidInputException(
                    $"{path} line {reader.LineNumber}: {index} fields where the header has {headerFieldCount}" +
                    (reader.LastLineEndedWithNewline ? "" : " (file cut short?)"));
            rows++;
        }
        return new Result(builders.Select(b => b.ToArray()).ToArray(), rows, blank);
    }

    private static bool IsBlank(ReadOnlySpan<byte> line, byte delimiter)
    {
        foreach (byte b in line)
            if (b != delimiter && b != (byte)' ' && b != (byte)'\t') return false;
        return true;
    }

    /// <summary>"144:01:18", "00:00:00.5", "0d 07:20:52.43", "1d 00:00:0.03" → seconds.</summary>
    public static bool TryParseDuration(ReadOnlySpan<byte> field, out double seconds)
    {
        field = TextFields.Trim(field);
        seconds = 0;
        if (field.IsEmpty) return false;
        double days = 0;
        int d = field.IndexOf((byte)'d');
        if (d >= 0)
        {
            if (!double.TryParse(TextFields.Trim(field[..d]), NumberStyles.None, CultureInfo.InvariantCulture, out days)) return false;
            field = TextFields.Trim(field[(d + 1)..]);
        }
        int c1 = field.IndexOf((byte)':');
        if (c1 < 0) return double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out seconds) && (seconds += days * 86400) >= 0;
        int c2 = field[(c1 + 1)..].IndexOf((byte)':');
        if (c2 < 0) return false;
        c2 += c1 + 1;
        if (!double.TryParse(field[..c1], NumberStyles.None, CultureInfo.InvariantCulture, out double h)
            || !double.TryParse(field[(c1 + 1)..c2], NumberStyles.None, CultureInfo.InvariantCulture, out double m)
            || !double.TryParse(field[(c2 + 1)..], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double s))
            return false;
        seconds = days * 86400 + h * 3600 + m * 60 + s;
        return true;
    }
}

/// <summary>Finds columns in a header by name, with one-line errors listing what the header has.</summary>
internal sealed class HeaderIndex(string path, long line, string[] names)
{
    public string[] Names { get; } = names;

    public int? Find(Func<string, bool> match)
    {
        for (int i = 0; i < Names.Length; i++) if (match(Names[i])) return i;
        return null;
    }

    public int? Find(params string[] candidates)
    {
        foreach (var c in candidates)
            for (int i = 0; i < Names.Length; i++)
                if (string.Equals(Names[i], c, StringComparison.OrdinalIgnoreCase)) return i;
        return null;
    }

    public int Require(string what, params string[] candidates) =>
        Find(candidates) ?? throw new InvalidInputException(
            $"{path} line {line}: no {what} column (looked for {string.Join(" or ", candidates.Select(c => $"'{c}'"))}); columns are: {string.Join(", ", Names)}");
}
