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

/// <summary>Sees the parsed values of every row (in spec order) after the row has been read; one per chunk of the file.</summary>
internal abstract class RowWatcher
{
    public abstract void Row(ReadOnlySpan<double> values);
}

/// <summary>
/// The data-row loop shared by the text readers: streams lines as bytes, picks the requested fields, parses them
/// without allocating, and reports the first bad value with file, line and column. Lines whose fields are all empty
/// (";;;;" padding some exporters append) are skipped and counted. Speed and memory (issue 6 §4): the file's lines are
/// counted first (vectorised) so every column is allocated once at its final size — no doubling growth, no final
/// copy —, counters are kept as 4-byte integers and labels as 1-byte codes, and a file above 8 MB is cut at line
/// starts into four chunks per core, parsed in parallel into their known row ranges (same result as serial; the error
/// reported is the first in file order).
/// </summary>
internal static class DelimitedTable
{
    public sealed class Result(Array?[] columns, int rows, int blankLinesSkipped, IReadOnlyList<RowWatcher> watchers)
    {
        public int Rows { get; } = rows;
        public int BlankLinesSkipped { get; } = blankLinesSkipped;
        /// <summary>The watchers of the chunks, in file order (empty without a watcher factory).</summary>
        public IReadOnlyList<RowWatcher> Watchers { get; } = watchers;
        public double[] Doubles(int slot) => (double[])columns[slot]!;
        public int[] Ints(int slot) => (int[])columns[slot]!;
        public sbyte[] Codes(int slot) => (sbyte[])columns[slot]!;
    }

    private sealed class Columns(IReadOnlyList<FieldSpec> specs, int capacity)
    {
        // Not zeroed: every row writes every stored column before the rows are closed up and the tail cut off.
        public readonly Array?[] All = specs.Select(s => s.Storage switch
        {
            FieldStorage.Double => (Array)GC.AllocateUninitializedArray<double>(capacity),
            FieldStorage.Int32 => GC.AllocateUninitializedArray<int>(capacity),
            FieldStorage.Int8 => GC.AllocateUninitializedArray<sbyte>(capacity),
            _ => null,
        }).ToArray();
    }

    public static Result Read(ByteLineReader reader, string path, byte delimiter, int headerFieldCount, IReadOnlyList<FieldSpec> specs,
        bool decimalComma = false, Func<RowWatcher>? newWatcher = null)
    {
        var chunks = LineChunks.Split(path, reader.BytesConsumed, reader.LineNumber, LineChunks.ParallelParts);
        long total = chunks.Sum(c => c.Lines);
        if (total > Array.MaxLength) throw new InvalidInputException($"{path}: {total} data lines; at most {Array.MaxLength} are supported");
        var columns = new Columns(specs, (int)total).All;
        var offsets = new int[chunks.Length];
        for (int k = 1; k < chunks.Length; k++) offsets[k] = offsets[k - 1] + (int)chunks[k - 1].Lines;
        var rows = new int[chunks.Length];
        var blank = new int[chunks.Length];
        var watchers = newWatcher is null ? [] : chunks.Select(_ => newWatcher()).ToArray();
        if (chunks.Length == 1)
            (rows[0], blank[0]) = ParseChunk(reader, path, delimiter, headerFieldCount, specs, decimalComma, columns, 0, (int)total, watchers.FirstOrDefault());
        else
        {
            var errors = new Exception?[chunks.Length];
            Parallel.For(0, chunks.Length, k =>
            {
                try
                {
                    using var chunkReader = chunks[k].Open(path);
                    (rows[k], blank[k]) = ParseChunk(chunkReader, path, delimiter, headerFieldCount, specs, decimalComma, columns,
                        offsets[k], offsets[k] + (int)chunks[k].Lines, watchers.Length == 0 ? null : watchers[k]);
                }
                catch (Exception e) { errors[k] = e; }
            });
            if (errors.FirstOrDefault(e => e is not null) is { } first) throw first is InvalidInputException ? first : new AggregateException(first);
        }
        // Blank lines leave gaps at the end of their chunk's range: close them (a copy, only then).
        int filled = rows[0];
        for (int k = 1; k < chunks.Length; k++)
        {
            if (filled != offsets[k])
                foreach (var column in columns)
                    if (column is not null) Array.Copy(column, offsets[k], column, filled, rows[k]);
            filled += rows[k];
        }
        if (filled < total) Cut(columns, filled);
        return new Result(columns, filled, blank.Sum(), watchers);
    }

    /// <summary>
    /// One block of the data rows (a range of <see cref="LineChunks.Blocks"/>) into columns of its own, for a file read
    /// block by block (<see cref="CyclingBlockReader"/>); the same row loop as <see cref="Read"/>.
    /// </summary>
    public static Result ReadBlock(string path, LineChunk block, byte delimiter, int headerFieldCount, IReadOnlyList<FieldSpec> specs,
        bool decimalComma = false, RowWatcher? watcher = null)
    {
        long lines = LineChunks.CountLines(path, block.Start, block.End);
        if (lines > Array.MaxLength) throw new InvalidInputException($"{path}: {lines} data lines in one block");
        var columns = new Columns(specs, (int)lines).All;
        using var reader = block.Open(path);
        var (rows, blank) = ParseChunk(reader, path, delimiter, headerFieldCount, specs, decimalComma, columns, 0, (int)lines, watcher);
        if (rows < lines) Cut(columns, rows);
        return new Result(columns, rows, blank, watcher is null ? [] : [watcher]);
    }

    private static void Cut(Array?[] columns, int rows)
    {
        for (int i = 0; i < columns.Length; i++)
            columns[i] = columns[i] switch
            {
                double[] d => d[..rows],
                int[] n => n[..rows],
                sbyte[] b => b[..rows],
                var other => other,
            };
    }

    private static (int Rows, int Blank) ParseChunk(ByteLineReader reader, string path, byte delimiter, int headerFieldCount, IReadOnlyList<FieldSpec> specs,
        bool decimalComma, Array?[] columns, int firstRow, int rowLimit, RowWatcher? watcher)
    {
        // The wanted fields in file order (errors are reported in that order), each with its parser and store decided
        // here, outside the row loop: the loop reads small arrays, no spec records.
        int count = specs.Count;
        var order = Enumerable.Range(0, count).OrderBy(k => specs[k].Index).ToArray();
        var fieldOf = order.Select(k => specs[k].Index).ToArray();
        var kindOf = order.Select(k => specs[k].Kind).ToArray();
        var storeOf = order.Select(k => specs[k].Storage).ToArray();
        var codeOf = order.Select(k => specs[k].Code).ToArray();
        var doubles = order.Select(k => columns[k] as double[]).ToArray();
        var ints = order.Select(k => columns[k] as int[]).ToArray();
        var codes = order.Select(k => columns[k] as sbyte[]).ToArray();
        int maxIndex = specs.Max(s => s.Index);
        var ends = new int[maxIndex + 1];   // one vectorised pass per line finds the ends of fields 0..maxIndex and counts the rest
        var rowValues = new double[count];
        int row = firstRow, blank = 0;
        while (reader.TryReadLine(out var line))
        {
            if (IsBlank(line, delimiter)) { blank++; continue; }
            if (row == rowLimit) throw new InvalidOperationException($"{path}: more data lines than counted (file changed while reading?)");
            int fields = FieldBounds.Find(line, delimiter, ends);
            for (int j = 0; j < fieldOf.Length; j++)
            {
                int index = fieldOf[j];
                if (index >= fields) break;
                var field = FieldBounds.Field(line, ends, index);
                double value;
                bool ok = kindOf[j] switch
                {
                    FieldKind.Number => TextFields.TryParseNumber(field, decimalComma, out value),
                    FieldKind.Duration => TryParseDuration(field, out value),
                    _ => (value = codeOf[j]!(TextFields.Trim(field))) >= 0 || true,
                };
                if (!ok || !double.IsFinite(value)) throw BadValue(path, reader, specs[order[j]], field, ok);
                switch (storeOf[j])
                {
                    case FieldStorage.Double: doubles[j]![row] = value; break;
                    case FieldStorage.Int32:
                        if (value != Math.Floor(value) || Math.Abs(value) > int.MaxValue)
                            throw new InvalidInputException($"{path} line {reader.LineNumber}, column '{specs[order[j]].Name}': '{TextFields.Show(field)}' is not an integer");
                        ints[j]![row] = (int)value;
                        break;
                    case FieldStorage.Int8: codes[j]![row] = (sbyte)value; break;
                }
                rowValues[order[j]] = value;
            }
            if (fields <= maxIndex || fields < headerFieldCount)
                throw new InvalidInputException(
                    $"{path} line {reader.LineNumber}: {fields} fields where the header has {headerFieldCount}" +
                    (reader.LastLineEndedWithNewline ? "" : " (file cut short?)"));
            watcher?.Row(rowValues);
            row++;
        }
        return (row - firstRow, blank);
    }

    private static InvalidInputException BadValue(string path, ByteLineReader reader, FieldSpec spec, ReadOnlySpan<byte> field, bool parsed)
    {
        if (parsed) return new InvalidInputException($"{path} line {reader.LineNumber}, column '{spec.Name}': '{TextFields.Show(field)}' is not a finite number");
        string shown = TextFields.Show(field);
        return new InvalidInputException(
            $"{path} line {reader.LineNumber}, column '{spec.Name}': " +
            (shown.Length == 0 ? "empty, expected a number" : $"'{shown}' is not a {(spec.Kind == FieldKind.Duration ? "duration" : "number")}") +
            (reader.LastLineEndedWithNewline ? "" : " (file cut short?)"));
    }

    /// <summary>Unsigned decimal integer (hours, minutes), no sign, no point.</summary>
    private static bool TryParseDigits(ReadOnlySpan<byte> text, out double value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > 15) return false;
        long n = 0;
        foreach (byte b in text)
        {
            uint digit = (uint)(b - (byte)'0');
            if (digit > 9) return false;
            n = n * 10 + digit;
        }
        value = n;
        return true;
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
        // Fast path for the common fixed form "hh:mm:ss" (Neware, PEC without fraction).
        if (field.Length == 8 && field[2] == (byte)':' && field[5] == (byte)':')
        {
            int h0 = field[0] - '0', h1 = field[1] - '0', m0 = field[3] - '0', m1 = field[4] - '0', s0 = field[6] - '0', s1 = field[7] - '0';
            if ((uint)h0 <= 9 && (uint)h1 <= 9 && (uint)m0 <= 9 && (uint)m1 <= 9 && (uint)s0 <= 9 && (uint)s1 <= 9)
            {
                seconds = (h0 * 10 + h1) * 3600 + (m0 * 10 + m1) * 60 + s0 * 10 + s1;
                return true;
            }
        }
        // Fast path for "h…h:mm:ss" with more hours digits (Neware's cumulative time past 99 h): exact integer seconds,
        // the same value as the general path below.
        if (field.Length is > 8 and <= 15 && field[^3] == (byte)':' && field[^6] == (byte)':')
        {
            long hours = 0;
            int digits = field.Length - 6;
            for (int i = 0; i < digits; i++)
            {
                uint digit = (uint)(field[i] - '0');
                if (digit > 9) { hours = -1; break; }
                hours = hours * 10 + digit;
            }
            int m0 = field[^5] - '0', m1 = field[^4] - '0', s0 = field[^2] - '0', s1 = field[^1] - '0';
            if (hours >= 0 && (uint)m0 <= 9 && (uint)m1 <= 9 && (uint)s0 <= 9 && (uint)s1 <= 9)
            {
                seconds = hours * 3600 + (m0 * 10 + m1) * 60 + s0 * 10 + s1;
                return true;
            }
        }
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
        var secondsText = field[(c2 + 1)..];
        if (!TryParseDigits(field[..c1], out double h) || !TryParseDigits(field[(c1 + 1)..c2], out double m)
            || secondsText.IsEmpty || secondsText[0] is (byte)'-' or (byte)'+' || secondsText.IndexOfAny((byte)'e', (byte)'E') >= 0
            || !TextFields.TryParseNumber(secondsText, false, out double s))
            return false;
        seconds = days * 86400 + h * 3600 + m * 60 + s;
        return true;
    }
}
