using System.Globalization;
using System.Text;

namespace Borolyte.Transport;

/// <summary>
/// The small delimited tables the Transport readers take (σ(T), R₁(T), EISF(Q)). Blank lines and lines starting with
/// '#' are skipped anywhere; the first other line is the header. Its separator (tab, else ';', else ',', outside
/// quotes) holds for the whole file. Fields are trimmed and may be enclosed in double quotes ("" inside is one quote,
/// the separator inside is text). Numbers are invariant-culture ("1.5e-3"); a decimal comma is refused, not guessed.
/// Line endings (LF, CRLF) and a byte-order mark are handled by <see cref="File.ReadAllLines(string)"/>. Every error
/// names the file and the 1-based line.
/// </summary>
internal sealed class MeasurementTable(string path, string[] lines, int headerIndex, char separator, string[] columns)
{
    public string Path { get; } = path;

    /// <summary>The header's names, in file order.</summary>
    public IReadOnlyList<string> Columns { get; } = columns;

    /// <summary>"FILE line N" of the header, the prefix of every error about the columns.</summary>
    public string AtHeader => $"{Path} line {headerIndex + 1}";

    /// <summary>The header's names joined by ", " (for "columns are: …" in errors).</summary>
    public string ColumnList => string.Join(", ", Columns);

    public static MeasurementTable Read(string path)
    {
        if (!File.Exists(path)) throw new InvalidInputException($"{path}: file not found");
        var lines = File.ReadAllLines(path);
        int h = Array.FindIndex(lines, l => !IsSkipped(l));
        if (h < 0) throw new InvalidInputException($"{path}: no header line");
        char separator = DetectSeparator(lines[h]);
        // Stray quotes around a name are dropped as well (a header that was only partly quoted).
        var columns = Split(lines[h], separator, path, h + 1).Select(c => c.Trim('"')).ToArray();
        return new MeasurementTable(path, lines, h, separator, columns);
    }

    /// <summary>Index of the first column whose name matches, or -1.</summary>
    public int Find(Predicate<string> match)
    {
        for (int i = 0; i < Columns.Count; i++)
            if (match(Columns[i])) return i;
        return -1;
    }

    /// <summary>
    /// The data rows after the header, in file order. A row with too few fields to reach every column in
    /// <paramref name="used"/> (-1 = an absent optional column) is an error.
    /// </summary>
    public IEnumerable<Row> Rows(params int[] used)
    {
        int needed = used.Length == 0 ? 0 : used.Max();
        for (int i = headerIndex + 1; i < lines.Length; i++)
        {
            if (IsSkipped(lines[i])) continue;
            var fields = Split(lines[i], separator, Path, i + 1);
            if (fields.Length <= needed)
                throw new InvalidInputException($"{Path} line {i + 1}: {fields.Length} fields where {Columns.Count} were expected");
            yield return new Row(this, i + 1, fields);
        }
    }

    /// <summary>One data row: its 1-based line number and its trimmed, unquoted fields.</summary>
    public readonly struct Row
    {
        private readonly MeasurementTable _table;
        private readonly string[] _fields;

        internal Row(MeasurementTable table, int line, string[] fields)
        {
            _table = table;
            Line = line;
            _fields = fields;
        }

        public int Line { get; }

        /// <summary>An error on this row: "FILE line N: message".</summary>
        public InvalidInputException Error(string message) => new($"{_table.Path} line {Line}: {message}");

        /// <summary>The number in <paramref name="column"/>; an error naming file, line and column otherwise.</summary>
        public double Number(int column)
        {
            string s = _fields[column];
            if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)) return v;
            bool decimalComma = s.Contains(',') && double.TryParse(s.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out _);
            throw Error($"{_table.Columns[column]} '{s}' is not a number" + (decimalComma ? " (write a decimal point, not a comma)" : ""));
        }

        /// <summary>The number in an optional column; null when the column is absent (-1) or the field is empty.</summary>
        public double? OptionalNumber(int column) => column >= 0 && _fields[column].Length > 0 ? Number(column) : null;

        /// <summary>A temperature column in K (°C converted when <paramref name="celsius"/>); it must be positive.</summary>
        public double TemperatureK(int column, bool celsius)
        {
            double t = Number(column) + (celsius ? PhysicalConstants.ZeroCelsiusK : 0);
            return t > 0 ? t : throw Error($"temperature {t} K is not positive");
        }
    }

    /// <summary>True for °C, false for K, null when a temperature column's name does not state the unit.</summary>
    public static bool? TemperatureUnit(string name)
    {
        var n = name.ToLowerInvariant().Replace(" ", "");
        if (n.Contains("°c") || n.Contains("degc") || n.Contains("celsius") || n.EndsWith("_c") || n.EndsWith("(c)") || n.EndsWith("/c") || n.EndsWith("[c]") || n.EndsWith("tc")) return true;
        if (n.Contains("kelvin") || n.EndsWith("_k") || n.EndsWith("(k)") || n.EndsWith("/k") || n.EndsWith("[k]") || n.EndsWith("temperaturek") || n == "tk") return false;
        return null;
    }

    private static bool IsSkipped(string line) => line.Trim().Length == 0 || line.TrimStart().StartsWith('#');

    /// <summary>Tab if the header has one outside quotes, else ';', else ','.</summary>
    private static char DetectSeparator(string header)
    {
        bool tab = false, semicolon = false, quoted = false;
        foreach (char c in header)
        {
            if (c == '"') quoted = !quoted;
            else if (!quoted && c == '\t') tab = true;
            else if (!quoted && c == ';') semicolon = true;
        }
        return tab ? '\t' : semicolon ? ';' : ',';
    }

    /// <summary>Splits at <paramref name="separator"/> outside double quotes; fields trimmed, quotes removed.</summary>
    private static string[] Split(string line, char separator, string path, int lineNumber)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        int i = 0;
        while (true)
        {
            while (i < line.Length && line[i] is ' ' or '\t' && line[i] != separator) i++;
            if (i < line.Length && line[i] == '"')
            {
                // Quoted: up to the closing quote ("" is a quote), then whatever stands before the separator.
                int start = i++;
                while (true)
                {
                    if (i >= line.Length)
                        throw new InvalidInputException($"{path} line {lineNumber}: the quote opened at character {start + 1} is not closed (file cut short?)");
                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    field.Append(line[i++]);
                }
                while (i < line.Length && line[i] != separator) field.Append(line[i++]);   // text after the quote is kept
                fields.Add(field.ToString().Trim());
            }
            else
            {
                int start = i;
                while (i < line.Length && line[i] != separator) i++;
                fields.Add(line[start..i].Trim());
            }
            field.Clear();
            if (i >= line.Length) return fields.ToArray();
            i++; // the separator
        }
    }
}
