using System.Globalization;
using System.Text;

namespace Borolyte.Formats.BioLogic;

/// <summary>Allocation-free helpers for delimited text: splitting a line into fields, parsing numbers, decoding headers.</summary>
internal static class TextFields
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

    /// <summary>UTF-8 when the bytes are valid UTF-8, otherwise Latin-1 (EC-Lab writes Windows-1252/Latin-1: "µ", "°C", "cm²").</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        try { return StrictUtf8.GetString(bytes); }
        catch (DecoderFallbackException) { return Encoding.Latin1.GetString(bytes); }
    }

    /// <summary>Number of fields in <paramref name="line"/> separated by <paramref name="delimiter"/>.</summary>
    public static int CountFields(ReadOnlySpan<byte> line, byte delimiter) => line.Count(delimiter) + 1;

    /// <summary>Splits a line into field strings (headers only; data rows use <see cref="FieldCursor"/>).</summary>
    public static string[] SplitToStrings(ReadOnlySpan<byte> line, byte delimiter)
    {
        var fields = new string[CountFields(line, delimiter)];
        var cursor = new FieldCursor(line, delimiter);
        for (int i = 0; cursor.TryNext(out var field); i++) fields[i] = Decode(field).Trim();
        return fields;
    }

    public static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> field)
    {
        int a = 0, b = field.Length;
        while (a < b && (field[a] == (byte)' ' || field[a] == (byte)'\t' || field[a] == (byte)'"')) a++;
        while (b > a && (field[b - 1] == (byte)' ' || field[b - 1] == (byte)'\t' || field[b - 1] == (byte)'"')) b--;
        return field[a..b];
    }

    /// <summary>
    /// Parses an invariant-culture number (exponent allowed). With <paramref name="decimalComma"/> a ',' is read as
    /// the decimal separator (EC-Lab in a French or German locale writes "3,4521"). Returns false for empty or
    /// malformed text; non-finite values (inf, nan) parse but are reported by the caller.
    /// </summary>
    public static bool TryParseNumber(ReadOnlySpan<byte> field, bool decimalComma, out double value)
    {
        field = Trim(field);
        if (field.IsEmpty) { value = 0; return false; }
        if (decimalComma && field.IndexOf((byte)',') >= 0 && field.Length <= 64)
        {
            Span<byte> copy = stackalloc byte[field.Length];
            field.CopyTo(copy);
            copy.Replace((byte)',', (byte)'.');
            return double.TryParse(copy, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
        return double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Text of a field for an error message, shortened.</summary>
    public static string Show(ReadOnlySpan<byte> field)
    {
        string text = Decode(Trim(field));
        return text.Length > 24 ? text[..24] + "…" : text;
    }
}

/// <summary>Walks the fields of one line without allocating.</summary>
internal ref struct FieldCursor(ReadOnlySpan<byte> line, byte delimiter)
{
    private ReadOnlySpan<byte> _rest = line;
    private bool _done;

    public bool TryNext(out ReadOnlySpan<byte> field)
    {
        if (_done) { field = default; return false; }
        int cut = _rest.IndexOf(delimiter);
        if (cut < 0)
        {
            field = _rest;
            _done = true;
            return true;
        }
        field = _rest[..cut];
        _rest = _rest[(cut + 1)..];
        return true;
    }
}
