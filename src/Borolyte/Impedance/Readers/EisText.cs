using System.Globalization;
using System.Text;

namespace Borolyte.Impedance.Readers;

/// <summary>
/// The decoded lines of an impedance file and the helpers every reader shares: UTF-8 when the bytes are valid UTF-8
/// (BOM stripped), UTF-16 when it starts with a UTF-16 byte-order mark, Latin-1 otherwise (EC-Lab and Gamry write Windows-1252/Latin-1 "µF", "°"); numbers with a decimal
/// point or a decimal comma; errors that name the file and the 1-based line.
/// </summary>
internal sealed class EisText
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public EisText(string sourceName, string[] lines)
    {
        SourceName = sourceName;
        Lines = lines;
    }

    public string SourceName { get; }
    public string[] Lines { get; }

    public static EisText Decode(string sourceName, byte[] bytes)
    {
        if (bytes.Length == 0) throw new InvalidInputException($"{sourceName}: the file is empty");
        // Windows exports (NOVA's "Unicode" text among them) may be UTF-16 with a byte-order mark.
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
            return FromText(sourceName, (bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode).GetString(bytes, 2, bytes.Length - 2));
        if (Array.IndexOf(bytes, (byte)0) >= 0)
            throw new InvalidInputException($"{sourceName}: binary content (NUL bytes) where an impedance text file was expected");
        string text;
        int skip = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        try { text = StrictUtf8.GetString(bytes, skip, bytes.Length - skip); }
        catch (DecoderFallbackException) { text = Encoding.Latin1.GetString(bytes); }
        return FromText(sourceName, text);
    }

    private static EisText FromText(string sourceName, string text)
    {
        // CR LF, LF, and the CR CR LF that PowerSuite writes all end one line.
        var lines = text.Replace("\r\r\n", "\n").Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        int n = lines.Length;
        while (n > 0 && lines[n - 1].Trim().Length == 0) n--;
        return new EisText(sourceName, lines[..n]);
    }

    public InvalidInputException Error(int lineIndex, string message) =>
        new($"{SourceName} line {lineIndex + 1}: {message}");

    public InvalidInputException Error(string message) => new($"{SourceName}: {message}");

    /// <summary>Parses one number field; a decimal comma is accepted when the field has no decimal point.</summary>
    public double Number(string field, int lineIndex, string what)
    {
        var s = field.Trim().Trim('"');
        if (s.Contains(',') && !s.Contains('.')) s = s.Replace(',', '.');
        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v)) return v;
        throw Error(lineIndex, $"{what} '{field.Trim()}' is not a number");
    }

    public static bool TryNumber(string field, out double value)
    {
        var s = field.Trim().Trim('"');
        if (s.Contains(',') && !s.Contains('.')) s = s.Replace(',', '.');
        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    /// <summary>Splits a data line on tabs when it has any, else on ';', else on ',', else on runs of spaces.</summary>
    public static string[] SplitFields(string line)
    {
        if (line.Contains('\t')) return line.Split('\t').Select(f => f.Trim()).ToArray() is var t && t.Length > 0 && t[^1].Length == 0 ? t[..^1] : t;
        if (line.Contains(';')) return line.Split(';').Select(f => f.Trim()).ToArray();
        if (line.Contains(',')) return line.Split(',').Select(f => f.Trim()).ToArray();
        return line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Column index by case-insensitive exact name among the candidates (first candidate wins), or −1.</summary>
    public static int FindColumn(IReadOnlyList<string> header, params string[] candidates)
    {
        foreach (var c in candidates)
            for (int i = 0; i < header.Count; i++)
                if (string.Equals(Normalise(header[i]), Normalise(c), StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }

    private static string Normalise(string name) => name.Trim().Trim('"').Replace(" ", "");
}
