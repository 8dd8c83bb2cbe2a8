using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Borolyte.Formats.BioLogic;

/// <summary>Allocation-free helpers for delimited text: splitting a line into fields, parsing numbers, decoding headers.</summary>
public static class TextFields
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

    /// <summary>
    /// Splits a line into field strings (headers only; data rows use <see cref="FieldCursor"/>); surrounding spaces, tabs
    /// and double quotes are removed (exports that quote and tab-prefix their fields, e.g. older Neware BTS).
    /// </summary>
    public static string[] SplitToStrings(ReadOnlySpan<byte> line, byte delimiter)
    {
        var fields = new string[CountFields(line, delimiter)];
        var cursor = new FieldCursor(line, delimiter);
        for (int i = 0; cursor.TryNext(out var field); i++) fields[i] = Decode(Trim(field)).Trim();
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
        // Trim only when an end byte may be a space, tab or quote (all at or below '"'; digits, signs and '.' are above).
        if (field.IsEmpty || field[0] <= (byte)'"' || field[^1] <= (byte)'"') field = Trim(field);
        if (field.IsEmpty) { value = 0; return false; }
        if (TryParseShort(field, decimalComma ? (byte)',' : (byte)'.', out value)) return true;
        if (decimalComma && field.IndexOf((byte)',') >= 0 && field.Length <= 64)
        {
            Span<byte> copy = stackalloc byte[field.Length];
            field.CopyTo(copy);
            copy.Replace((byte)',', (byte)'.');
            return double.TryParse(copy, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
        return double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    private static readonly double[] PowersOfTen =
        [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

    /// <summary>
    /// Fast path for the numbers instruments write ("-0.00123", "3.4521", "1.234E-05"): at most 19 significant digits
    /// with a decimal exponent of magnitude ≤ 22 and a mantissa ≤ 2^53. Both the mantissa and 10^k are then exact
    /// doubles, so one IEEE multiplication or division gives the correctly rounded value — the same double as
    /// double.Parse (Clinger, "How to read floating point numbers accurately", PLDI 1990, the fast path). Anything
    /// else (more digits, "inf", garbage) returns false and goes to double.TryParse. Runs of 8 and 4 digits are
    /// checked and converted at once from one 64- or 32-bit load (the SWAR digit tricks of Lemire, "Number parsing at
    /// a gigabyte per second", Software: Practice and Experience 51, 2021).
    /// </summary>
    public static bool TryParseShort(ReadOnlySpan<byte> s, byte point, out double value)
    {
        value = 0;
        int i = 0;
        bool negative = Sign(s, ref i);
        ulong mantissa = 0;
        int start = i;
        i = Digits(s, i, ref mantissa);
        int digits = i - start, fraction = 0;
        if (i < s.Length && s[i] == point)
        {
            start = ++i;
            i = Digits(s, i, ref mantissa);
            fraction = i - start;
            digits += fraction;
        }
        if (digits == 0) return false;
        // Leading zeros were accumulated too (they do not change the mantissa); with more than 19 digits in all only
        // the significant ones may count: the digit-by-digit path decides.
        if (digits > 19) return TryParseShortCounting(s, point, out value);
        return Assemble(s, i, mantissa, fraction, negative, out value);
    }

    /// <summary>Appends the decimal digits from <paramref name="i"/> to <paramref name="mantissa"/> (wrapping past 19 digits); returns the index after them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Digits(ReadOnlySpan<byte> s, int i, ref ulong mantissa)
    {
        ulong m = mantissa;
        ref byte first = ref MemoryMarshal.GetReference(s);
        if (BitConverter.IsLittleEndian)
        {
            while (i + 8 <= s.Length)
            {
                ulong eight = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref first, i));
                // Every byte in '0'..'9': its high nibble is 3 and adding 6 does not carry out of the low nibble.
                if ((((eight & 0xF0F0F0F0F0F0F0F0) | (((eight + 0x0606060606060606) & 0xF0F0F0F0F0F0F0F0) >> 4))) != 0x3333333333333333) break;
                eight = ((eight & 0x0F0F0F0F0F0F0F0F) * 2561) >> 8;                 // byte pairs: 10·d0 + d1
                eight = ((eight & 0x00FF00FF00FF00FF) * 6553601) >> 16;             // 16-bit quads: 100·p0 + p1
                eight = ((eight & 0x0000FFFF0000FFFF) * 42949672960001) >> 32;      // 10⁴·q0 + q1
                m = unchecked(m * 100_000_000 + eight);
                i += 8;
            }
            if (i + 4 <= s.Length)
            {
                uint four = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref first, i));
                if ((((four & 0xF0F0F0F0) | (((four + 0x06060606) & 0xF0F0F0F0) >> 4))) == 0x33333333)
                {
                    four = ((four & 0x0F0F0F0F) * 2561) >> 8;
                    four = ((four & 0x00FF00FF) * 6553601) >> 16;
                    m = unchecked(m * 10_000 + four);
                    i += 4;
                }
            }
        }
        for (; i < s.Length; i++)
        {
            uint digit = (uint)(s[i] - (byte)'0');
            if (digit > 9) break;
            m = unchecked(m * 10 + digit);
        }
        mantissa = m;
        return i;
    }

    /// <summary>The digit-by-digit form of <see cref="TryParseShort"/>, counting only significant digits (long inputs such as "0.000000000000000000001234").</summary>
    private static bool TryParseShortCounting(ReadOnlySpan<byte> s, byte point, out double value)
    {
        value = 0;
        int i = 0;
        bool negative = Sign(s, ref i);
        ulong mantissa = 0;
        int significant = 0, fraction = 0;
        bool seenPoint = false, anyDigit = false;
        for (; i < s.Length; i++)
        {
            uint digit = (uint)(s[i] - (byte)'0');
            if (digit <= 9)
            {
                anyDigit = true;
                if (mantissa != 0 || digit != 0)
                {
                    if (++significant > 19) return false;
                    mantissa = mantissa * 10 + digit;
                }
                if (seenPoint) fraction++;
            }
            else if (s[i] == point && !seenPoint) seenPoint = true;
            else break;
        }
        if (!anyDigit) return false;
        return Assemble(s, i, mantissa, fraction, negative, out value);
    }

    /// <summary>An optional sign at <paramref name="i"/> (which must be inside <paramref name="s"/>): steps over it, true for '-'.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Sign(ReadOnlySpan<byte> s, ref int i)
    {
        if (s[i] == (byte)'-') { i++; return true; }
        if (s[i] == (byte)'+') i++;
        return false;
    }

    /// <summary>
    /// The end both fast paths share: an optional exponent (at most 4 digits) from <paramref name="i"/>, then the value
    /// mantissa·10^(exponent − fraction) when that is exact (mantissa ≤ 2^53, |power| ≤ 22), else false for double.TryParse.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Assemble(ReadOnlySpan<byte> s, int i, ulong mantissa, int fraction, bool negative, out double value)
    {
        value = 0;
        int exponent = 0;
        if (i < s.Length)
        {
            if ((s[i] | 0x20) != (byte)'e' || ++i == s.Length) return false;
            bool negativeExponent = Sign(s, ref i);
            int start = i;
            for (; i < s.Length; i++)
            {
                uint digit = (uint)(s[i] - (byte)'0');
                if (digit > 9 || i - start >= 4) return false;
                exponent = exponent * 10 + (int)digit;
            }
            if (i == start) return false;
            if (negativeExponent) exponent = -exponent;
        }
        exponent -= fraction;
        if (mantissa > (1UL << 53)) return false;
        if (mantissa == 0) { value = negative ? -0.0 : 0.0; return true; }
        if (exponent < -22 || exponent > 22) return false;
        double m = mantissa;
        value = exponent < 0 ? m / PowersOfTen[-exponent] : m * PowersOfTen[exponent];
        if (negative) value = -value;
        return true;
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

    /// <summary>Number of fields not yet returned (one vectorised count, no walking).</summary>
    public readonly int CountRemaining() => _done ? 0 : _rest.Count(delimiter) + 1;

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
