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

/// <summary>How an extracted column is kept: 8-byte doubles, 4-byte integers (counters), 1-byte codes, or not at all (only seen by the row observer).</summary>
internal enum FieldStorage { Double, Int32, Int8, None }

/// <summary>One column to extract: where it is in the row, what it is called (for errors), how to parse and keep it.</summary>
internal sealed record FieldSpec(int Index, string Name, FieldKind Kind = FieldKind.Number, LabelCode? Code = null)
{
    public FieldStorage Storage { get; init; } = FieldStorage.Double;
}

/// <summary>Sees the parsed values of every row (in spec order) after the row has been read.</summary>
internal delegate void RowObserver(ReadOnlySpan<double> values);

/// <summary>
/// The data-row loop shared by the text readers: streams lines as bytes, picks the requested fields, parses them
/// without allocating, and reports the first bad value with file, line and column. Lines whose fields are all empty
/// (";;;;" padding some exporters append) are skipped and counted. Memory: the file's lines are counted first (one
/// vectorised pass) so every column is allocated once at its final size, counters are kept as 4-byte integers and
/// labels as 1-byte codes — no doubling growth, no final copy (issue 6 §4: a 1 GB file in under 500 MB).
/// </summary>
internal static class DelimitedTable
{
    public sealed class Result(Array?[] columns, int rows, int blankLinesSkipped)
    {
        public int Rows { get; } = rows;
        public int BlankLinesSkipped { get; } = blankLinesSkipped;
        public double[] Doubles(int slot) => (double[])columns[slot]!;
        public int[] Ints(int slot) => (int[])columns[slot]!;
        public sbyte[] Codes(int slot) => (sbyte[])columns[slot]!;
    }

    public static Result Read(ByteLineReader reader, string path, byte delimiter, int headerFieldCount, IReadOnlyList<FieldSpec> specs,
        bool decimalComma = false, RowObserver? observer = null)
    {
        long remaining = LineCount.Of(path) - reader.LineNumber;
        if (remaining > Array.MaxLength) throw new InvalidInputException($"{path}: {remaining} data lines; at most {Array.MaxLength} are supported");
        int capacity = (int)Math.Max(0, remaining);
        var columns = new Array?[specs.Count];
        var doubles = new double[]?[specs.Count];
        var ints = new int[]?[specs.Count];
        var codes = new sbyte[]?[specs.Count];
        for (int i = 0; i < specs.Count; i++)
            columns[i] = specs[i].Storage switch
            {
                FieldStorage.Double => doubles[i] = new double[capacity],
                FieldStorage.Int32 => ints[i] = new int[capacity],
                FieldStorage.Int8 => codes[i] = new sbyte[capacity],
                _ => null,
            };
        // Map field index → spec slot (-1 = not wanted).
        int maxIndex = specs.Max(s => s.Index);
        var slot = new int[maxIndex + 1];
        Array.Fill(slot, -1);
        for (int i = 0; i < specs.Count; i++) slot[specs[i].Index] = i;
        var rowValues = new double[specs.Count];
        int rows = 0, blank = 0;
        while (reader.TryReadLine(out var line))
        {
            if (IsBlank(line, delimiter)) { blank++; continue; }
            if (rows == capacity) throw new InvalidOperationException($"{path}: more data lines than counted (file changed while reading?)");
            var cursor = new FieldCursor(line, delimiter);
            int index = 0, found = 0;
            while (cursor.TryNext(out var field))
            {
                if (index <= maxIndex && slot[index] >= 0)
                {
                    int k = slot[index];
                    var spec = specs[k];
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
                    switch (spec.Storage)
                    {
                        case FieldStorage.Double: doubles[k]![rows] = value; break;
                        case FieldStorage.Int32:
                            if (value != Math.Floor(value) || Math.Abs(value) > int.MaxValue)
                                throw new InvalidInputException($"{path} line {reader.LineNumber}, column '{spec.Name}': '{TextFields.Show(field)}' is not an integer");
                            ints[k]![rows] = (int)value;
                            break;
                        case FieldStorage.Int8: codes[k]![rows] = (sbyte)value; break;
                    }
                    rowValues[k] = value;
                    found++;
                }
                index++;
            }
            if (found < specs.Count || index < headerFieldCount)
                throw new InvalidInputException(
                    $"{path} line {reader.LineNumber}: {index} fields where the header has {headerFieldCount}" +
                    (reader.LastLineEndedWithNewline ? "" : " (file cut short?)"));
            observer?.Invoke(rowValues);
            rows++;
        }
        if (rows < capacity)   // blank lines: trim (a copy, only then)
            for (int i = 0; i < columns.Length; i++)
                columns[i] = columns[i] switch
                {
                    double[] d => d[..rows],
                    int[] n => n[..rows],
                    sbyte[] b => b[..rows],
                    var other => other,
                };
        return new Result(columns, rows, blank);
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
