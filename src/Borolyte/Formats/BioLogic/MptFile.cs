using System.Globalization;

namespace Borolyte.Formats.BioLogic;

/// <summary>
/// A BioLogic EC-Lab / BT-Lab text export (.mpt): the header lines, its "key : value" metadata and the data as named
/// numeric columns. Column-agnostic: the cycling and impedance modules pick the columns they need by name.
/// Format facts (from EC-Lab's own exports, e.g. tests/data): line 1 "EC-Lab ASCII FILE" (or BT-Lab), line 2
/// "Nb header lines : N" where N counts every line up to and including the tab-separated column-name line; data rows
/// are tab-separated, numbers use '.' or, in some locales, ',' as the decimal mark; the file is Latin-1 (µ, °C, cm²).
/// </summary>
public sealed class MptFile
{
    public required string Path { get; init; }
    /// <summary>Header lines before the column names (decoded UTF-8 or Latin-1).</summary>
    public required IReadOnlyList<string> HeaderLines { get; init; }
    /// <summary>"key : value" pairs of the header, in file order (keys may repeat).</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Metadata { get; init; }
    public required IReadOnlyList<string> ColumnNames { get; init; }
    /// <summary>One array per column, all of <see cref="RowCount"/> values.</summary>
    public required IReadOnlyList<double[]> Columns { get; init; }
    public int RowCount { get; init; }
    /// <summary>True when the data used ',' as the decimal mark.</summary>
    public bool DecimalComma { get; init; }

    public bool HasColumn(string name) => IndexOf(name) >= 0;

    public int IndexOf(string name)
    {
        for (int i = 0; i < ColumnNames.Count; i++)
            if (string.Equals(ColumnNames[i], name, StringComparison.Ordinal)) return i;
        return -1;
    }

    /// <summary>The column called <paramref name="name"/>; throws naming the file and the columns present.</summary>
    public double[] Column(string name)
    {
        int i = IndexOf(name);
        if (i < 0)
            throw new InvalidInputException($"{Path}: column '{name}' not found; columns are: {string.Join(", ", ColumnNames)}");
        return Columns[i];
    }

    /// <summary>First metadata value whose key starts with <paramref name="keyPrefix"/> (case-insensitive), if any.</summary>
    public string? Meta(string keyPrefix) =>
        Metadata.FirstOrDefault(kv => kv.Key.StartsWith(keyPrefix, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>True when the first bytes look like an EC-Lab/BT-Lab text export.</summary>
    public static bool LooksLike(ReadOnlySpan<byte> head) =>
        head.StartsWith("EC-Lab ASCII FILE"u8) || head.StartsWith("BT-Lab ASCII FILE"u8);

    public static MptFile Read(string path) => Read(path, (Func<string, bool>?)null);

    /// <summary>
    /// Reads the file keeping only the columns <paramref name="keepColumn"/> accepts (null: all). Columns not kept are
    /// still checked for their count but not parsed; their arrays are empty. Columns are allocated once at their final
    /// size (the lines are counted first), so a large file is not held twice; above 8 MB the data rows are parsed in
    /// parallel chunks (same result as serial).
    /// </summary>
    public static MptFile Read(string path, Func<string, bool>? keepColumn)
    {
        using var reader = ByteLineReader.Open(path);
        return ReadFrom(path, reader, null, _ => keepColumn, null);
    }

    /// <summary>
    /// As <see cref="Read(string, Func{string, bool}?)"/>, the columns to keep chosen from the whole list of column
    /// names (a reader that uses the first present of several alternatives keeps only that one).
    /// </summary>
    internal static MptFile ReadChoosing(string path, Func<IReadOnlyList<string>, Func<string, bool>> keepColumnsOf)
    {
        using var reader = ByteLineReader.Open(path);
        return ReadFrom(path, reader, null, keepColumnsOf, null);
    }

    /// <summary>
    /// Parses an .mpt held in memory; <paramref name="path"/> only names the input in error messages.
    /// <paramref name="checkColumns"/>, when given, sees the column names and the 1-based number of their line before any
    /// data row is parsed, so a caller can report a missing column ahead of errors in the rows.
    /// </summary>
    public static MptFile Parse(string path, byte[] bytes, Action<IReadOnlyList<string>, int>? checkColumns = null)
    {
        using var reader = new ByteLineReader(new MemoryStream(bytes, writable: false));
        return ReadFrom(path, reader, bytes, _ => null, checkColumns);
    }

    /// <summary>1-based line number of the column-name line (the last header line, "Nb header lines : N").</summary>
    public int ColumnLineNumber => HeaderLines.Count + 1;

    /// <summary>Reads from <paramref name="reader"/>: the file at <paramref name="path"/> when <paramref name="bytes"/> is null, else those bytes.</summary>
    private static MptFile ReadFrom(string path, ByteLineReader reader, byte[]? bytes, Func<IReadOnlyList<string>, Func<string, bool>?> keepColumnsOf,
        Action<IReadOnlyList<string>, int>? checkColumns)
    {
        var (header, names, metadata) = ReadHeaderLines(path, reader, checkColumns);

        // Lines counted per chunk (four chunks per core above 8 MB), columns allocated once, chunks parsed in parallel.
        var chunks = bytes is null
            ? LineChunks.Split(path, reader.BytesConsumed, reader.LineNumber, LineChunks.ParallelParts)
            : [LineChunks.InMemory(bytes, reader.BytesConsumed, reader.LineNumber)];
        long total = chunks.Sum(c => c.Lines);
        if (total > Array.MaxLength) throw new InvalidInputException($"{path}: {total} data lines; at most {Array.MaxLength} are supported");
        int capacity = (int)total;
        var columns = new double[names.Length][];
        var keepColumn = keepColumnsOf(names);
        // Not zeroed: every kept cell of every row is written before the rows are closed up and the tail cut off.
        for (int i = 0; i < names.Length; i++) columns[i] = keepColumn is null || keepColumn(names[i]) ? GC.AllocateUninitializedArray<double>(capacity) : [];
        bool decimalComma;
        using (var peek = bytes is null ? chunks[0].Open(path) : chunks[0].Open(bytes)) decimalComma = UsesDecimalComma(peek);
        var offsets = new int[chunks.Length];
        for (int k = 1; k < chunks.Length; k++) offsets[k] = offsets[k - 1] + (int)chunks[k - 1].Lines;
        var rowsPer = new int[chunks.Length];
        if (chunks.Length == 1) rowsPer[0] = ParseRows(reader, path, names, columns, decimalComma, 0, capacity);
        else
        {
            var errors = new Exception?[chunks.Length];
            Parallel.For(0, chunks.Length, k =>
            {
                try
                {
                    using var chunkReader = chunks[k].Open(path);
                    rowsPer[k] = ParseRows(chunkReader, path, names, columns, decimalComma, offsets[k], offsets[k] + (int)chunks[k].Lines);
                }
                catch (Exception e) { errors[k] = e; }
            });
            if (errors.FirstOrDefault(e => e is not null) is { } failure) throw failure is InvalidInputException ? failure : new AggregateException(failure);
        }
        int rows = rowsPer[0];
        for (int k = 1; k < chunks.Length; k++)   // close the gaps blank lines left at the end of a chunk's range
        {
            if (rows != offsets[k])
                foreach (var column in columns)
                    if (column.Length > 0) Array.Copy(column, offsets[k], column, rows, rowsPer[k]);
            rows += rowsPer[k];
        }
        return new MptFile
        {
            Path = path,
            HeaderLines = header,
            Metadata = metadata,
            ColumnNames = names,
            Columns = columns.Select(c => c.Length == rows || c.Length == 0 ? c : c[..rows]).ToArray(),
            RowCount = rows,
            DecimalComma = decimalComma,
        };
    }

    /// <summary>The header lines (before the column names), the column names and the "key : value" metadata; the reader is left at the first data line.</summary>
    private static (List<string> Header, string[] Names, List<KeyValuePair<string, string>> Metadata) ReadHeaderLines(string path, ByteLineReader reader,
        Action<IReadOnlyList<string>, int>? checkColumns)
    {
        if (!reader.TryReadLine(out var first) || !LooksLike(first))
            throw new InvalidInputException($"{path} line 1: expected 'EC-Lab ASCII FILE' or 'BT-Lab ASCII FILE' (not a BioLogic .mpt export)");
        var header = new List<string> { TextFields.Decode(first).Trim() };
        if (!reader.TryReadLine(out var second))
            throw new InvalidInputException($"{path} line 2: file ends before 'Nb header lines : N'");
        string countLine = TextFields.Decode(second).Trim();
        header.Add(countLine);
        int colon = countLine.IndexOf(':');
        if (!countLine.StartsWith("Nb header lines", StringComparison.OrdinalIgnoreCase) || colon < 0
            || !int.TryParse(countLine[(colon + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int headerCount)
            || headerCount < 3)
            throw new InvalidInputException($"{path} line 2: expected 'Nb header lines : N' with N ≥ 3, found '{countLine}'");

        string[]? names = null;
        while (reader.LineNumber < headerCount)
        {
            if (!reader.TryReadLine(out var line))
                throw new InvalidInputException($"{path} line {reader.LineNumber + 1}: file ends inside the header ('Nb header lines : {headerCount}')");
            if (reader.LineNumber == headerCount)
            {
                names = TextFields.SplitToStrings(line, (byte)'\t');
                int n = names.Length;
                while (n > 0 && names[n - 1].Length == 0) n--;   // EC-Lab ends the name line with a tab
                names = names[..n];
            }
            else header.Add(TextFields.Decode(line).TrimEnd());
        }
        if (names is null || names.Length == 0)
            throw new InvalidInputException($"{path} line {headerCount}: no column names on the last header line");
        checkColumns?.Invoke(names, headerCount);

        var metadata = new List<KeyValuePair<string, string>>();
        foreach (var h in header)
        {
            int c = h.IndexOf(" : ", StringComparison.Ordinal);
            if (c > 0) metadata.Add(new(h[..c].Trim(), h[(c + 3)..].Trim()));
        }

        return (header, names, metadata);
    }

    /// <summary>Whether the first non-blank line the reader gives uses ',' as its decimal mark (EC-Lab in some locales).</summary>
    private static bool UsesDecimalComma(ByteLineReader reader)
    {
        while (reader.TryReadLine(out var line))
            if (!line.Trim((byte)' ').IsEmpty) return line.IndexOf((byte)',') >= 0;
        return false;
    }

    /// <summary>What a block-by-block read needs of the file before its data rows.</summary>
    internal sealed record Opening(string Path, IReadOnlyList<string> HeaderLines, IReadOnlyList<KeyValuePair<string, string>> Metadata, string[] ColumnNames,
        long DataStart, bool DecimalComma)
    {
        /// <summary>First metadata value whose key starts with <paramref name="keyPrefix"/> (case-insensitive), as <see cref="MptFile.Meta"/>.</summary>
        public string? Meta(string keyPrefix) =>
            Metadata.FirstOrDefault(kv => kv.Key.StartsWith(keyPrefix, StringComparison.OrdinalIgnoreCase)).Value;
    }

    /// <summary>The header of the file, and where its data rows start, for <see cref="ReadBlock"/>.</summary>
    internal static Opening Open(string path)
    {
        using var reader = ByteLineReader.Open(path);
        var (header, names, metadata) = ReadHeaderLines(path, reader, null);
        long start = reader.BytesConsumed;
        bool decimalComma;
        using (var peek = new LineChunk(start, new FileInfo(path).Length, reader.LineNumber, 0).Open(path)) decimalComma = UsesDecimalComma(peek);
        return new Opening(path, header, metadata, names, start, decimalComma);
    }

    /// <summary>
    /// The rows of one block (a range of <see cref="LineChunks.Blocks"/> from <see cref="Opening.DataStart"/>) into columns of
    /// its own: the columns <paramref name="keep"/> accepts, the others empty; the same row loop as a whole read.
    /// </summary>
    internal static double[][] ReadBlock(Opening file, LineChunk block, Func<string, bool> keep, out int rows)
    {
        long lines = LineChunks.CountLines(file.Path, block.Start, block.End);
        if (lines > Array.MaxLength) throw new InvalidInputException($"{file.Path}: {lines} data lines in one block");
        var names = file.ColumnNames;
        var columns = new double[names.Length][];
        for (int i = 0; i < names.Length; i++) columns[i] = keep(names[i]) ? GC.AllocateUninitializedArray<double>((int)lines) : [];
        using (var reader = block.Open(file.Path)) rows = ParseRows(reader, file.Path, names, columns, file.DecimalComma, 0, (int)lines);
        if (rows < lines)
            for (int i = 0; i < columns.Length; i++) if (columns[i].Length > 0) columns[i] = columns[i][..rows];
        return columns;
    }

    private static int ParseRows(ByteLineReader reader, string path, string[] names, double[][] columns, bool decimalComma, int firstRow, int rowLimit)
    {
        // The kept columns, in file order; one vectorised pass per line finds every field end (and the first extra field).
        var kept = Enumerable.Range(0, names.Length).Where(i => columns[i].Length > 0).ToArray();
        var ends = new int[names.Length + 1];
        int row = firstRow;
        while (reader.TryReadLine(out var line))
        {
            if (line.Trim((byte)' ').IsEmpty) continue;
            if (row == rowLimit) throw new InvalidOperationException($"{path}: more data lines than counted (file changed while reading?)");
            int fields = FieldBounds.Find(line, (byte)'\t', ends);
            foreach (int i in kept)
            {
                if (i >= fields) break;
                var field = FieldBounds.Field(line, ends, i);
                if (!TextFields.TryParseNumber(field, decimalComma, out double v))
                    throw new InvalidInputException(
                        $"{path} line {reader.LineNumber}, column '{names[i]}': '{TextFields.Show(field)}' is not a number"
                        + (reader.LastLineEndedWithNewline ? "" : " (file cut short?)"));
                columns[i][row] = v;
            }
            if (fields > names.Length)   // fields past the named columns must be empty (EC-Lab's trailing tab)
            {
                var extra = new FieldCursor(line[(ends[names.Length - 1] + 1)..], (byte)'\t');
                while (extra.TryNext(out var field))
                    if (!TextFields.Trim(field).IsEmpty)
                        throw new InvalidInputException($"{path} line {reader.LineNumber}: more fields than the {names.Length} column names");
            }
            else if (fields < names.Length)
                throw new InvalidInputException(
                    $"{path} line {reader.LineNumber}: {fields} fields where the header names {names.Length} columns"
                    + (reader.LastLineEndedWithNewline ? "" : " (file cut short?)"));
            row++;
        }
        return row - firstRow;
    }
}
