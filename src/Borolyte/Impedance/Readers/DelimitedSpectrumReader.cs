using System.Text.RegularExpressions;

namespace Borolyte.Impedance.Readers;

/// <summary>
/// Generic delimited table (CSV, TSV, semicolon or space separated; PowerSuite's "Frequency Zre Zimg" export is one):
/// with a header, columns are found by alias (frequency: freq, frequency, f; real: z', zre, zreal, re(z), real;
/// imaginary: z'', zimg, zimag, im(z), imag — a leading '-' or "neg" marks −Z''); without a header the first three
/// columns are f, Z', Z''. When the sign of the imaginary column is not stated and it is mostly positive, including
/// at the lowest frequency (a capacitive arc would be negative there), it is taken as −Z'' and a warning says so.
/// </summary>
internal static partial class DelimitedSpectrumReader
{
    private static readonly string[] FrequencyAliases = ["freq", "frequency", "f", "fre", "frequencies"];
    private static readonly string[] RealAliases = ["z'", "zre", "zreal", "re(z)", "real", "z_real", "zr", "re", "realz", "z_re", "rez"];
    private static readonly string[] ImaginaryAliases = ["z''", "z\"", "zimg", "zimag", "im(z)", "imag", "imaginary", "z_imag", "zi", "im", "imagz", "z_im", "imz"];

    public static Spectrum Read(EisText text)
    {
        var lines = text.Lines;
        int first = Array.FindIndex(lines, l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#'));
        if (first < 0) throw text.Error("no data lines");
        var firstFields = EisText.SplitFields(lines[first]);
        bool hasHeader = !firstFields.Take(3).All(s => EisText.TryNumber(s, out _));
        int f = 0, re = 1, im = 2;
        double sign = 1, scale = 1;
        bool signStated = false;
        string format = "delimited text";
        if (hasHeader)
        {
            var names = firstFields.Select(Normalise).ToArray();
            f = Array.FindIndex(names, n => FrequencyAliases.Contains(n));
            re = Array.FindIndex(names, n => RealAliases.Contains(n.TrimStart('-')) && !n.StartsWith('-'));
            im = Array.FindIndex(names, n => ImaginaryAliases.Contains(StripNegation(n)));
            string columns = string.Join(", ", firstFields);
            if (f < 0) throw text.Error(first, $"frequency column is missing (expected one of: {string.Join(", ", FrequencyAliases)}); columns are: {columns}");
            if (re < 0) throw text.Error(first, $"real-part column is missing (expected one of: {string.Join(", ", RealAliases)}); columns are: {columns}");
            if (im < 0) throw text.Error(first, $"imaginary-part column is missing (expected one of: {string.Join(", ", ImaginaryAliases)}); columns are: {columns}");
            if (names[im] != StripNegation(names[im])) { sign = -1; signStated = true; }
            scale = OhmScale(firstFields[re], text, first);
            if (OhmScale(firstFields[im], text, first) != scale)
                throw text.Error(first, $"the real and imaginary columns have different units ('{firstFields[re].Trim()}', '{firstFields[im].Trim()}')");
            if (names[f] == "frequency" && names[re] == "zre" && names[im] == "zimg") format = "PowerSuite text";
            else if (IsNovaHeader(firstFields)) format = "Autolab NOVA text";
            first++;
        }
        var rows = new SpectrumRows(text, f, re, im, sign, scale);
        int width = -1;
        for (int i = first; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0 || lines[i].TrimStart().StartsWith('#')) continue;
            var fields = EisText.SplitFields(lines[i]);
            if (width < 0) width = fields.Length;
            rows.Add(i, fields, hasHeader ? Math.Max(3, width) : width);
        }
        var warnings = new List<string>();
        var spectrum = rows.ToSpectrum(new SpectrumMetadata(text.SourceName, format));
        if (!signStated)
        {
            var z = spectrum.ImpedanceOhm;
            int lowest = Enumerable.Range(0, spectrum.Count).MinBy(k => spectrum.FrequenciesHz[k]);
            int positive = z.Count(v => v.Imaginary > 0);
            if (positive * 2 > z.Count && z[lowest].Imaginary > 0)
            {
                warnings.Add("the imaginary column is mostly positive, also at the lowest frequency: read as −Z'' and its sign flipped");
                return new Spectrum(spectrum.FrequenciesHz, z.Select(v => System.Numerics.Complex.Conjugate(v)),
                    spectrum.Metadata with { Warnings = warnings });
            }
        }
        return spectrum;
    }

    /// <summary>
    /// Lower case, no spaces or quotes, no unit suffix ("Freq/Hz", "Z' (Ohm)", "Zreal [Ω]", "-Z'' (Ω)" → "freq", "z'",
    /// "zreal", "-z''"). The suffix is removed before lower-casing, and the pattern ignores case, so "Ω" (U+03A9), the
    /// ohm sign (U+2126) and their lower-case "ω" all count; "(?)" is what a Windows-1252 export makes of Ω.
    /// </summary>
    private static string Normalise(string name)
    {
        var s = name.Trim().Trim('"').Replace(" ", "");
        s = UnitSuffix().Replace(s, "").ToLowerInvariant();
        int slash = s.IndexOf('/');
        if (slash > 0) s = s[..slash];
        return s;
    }

    private static string StripNegation(string n) =>
        n.StartsWith('-') ? n[1..] : n.StartsWith("neg") ? n[3..].TrimStart('_') : n.StartsWith("minus") ? n[5..].TrimStart('_') : n;

    /// <summary>
    /// NOVA's ASCII export (Autolab NOVA 1.x/2.x "Export data"): "Frequency (Hz)", "Z' (Ω)", "-Z'' (Ω)" among columns
    /// such as Index, Z (Ω), -Phase (°), Time (s); tab or semicolon separated, decimal point or comma.
    /// </summary>
    private static bool IsNovaHeader(string[] header)
    {
        var trimmed = header.Select(h => h.Trim().Trim('"')).ToArray();
        return trimmed.Contains("Frequency (Hz)") && trimmed.Any(h => UnitSuffix().IsMatch(h.Replace(" ", "")) && h.StartsWith("Z' ("))
            && trimmed.Any(h => h.StartsWith("-Z'' ("));
    }

    /// <summary>Factor from the impedance unit in a column name to Ω: none, Ohm, Ω, ω, ? → 1; kΩ/kOhm → 1e3; MΩ/MOhm → 1e6; mΩ/mOhm → 1e-3.</summary>
    private static double OhmScale(string name, EisText text, int line)
    {
        var m = UnitSuffix().Match(name.Trim().Trim('"').Replace(" ", ""));
        if (!m.Success) return 1;
        string unit = m.Groups["unit"].Value;
        if (unit.Equals("hz", StringComparison.OrdinalIgnoreCase)) throw text.Error(line, $"column '{name.Trim()}' is in Hz where an impedance was expected");
        return unit.Length > 1 && !unit.StartsWith("ohm", StringComparison.OrdinalIgnoreCase) ? unit[0] switch
        {
            'k' or 'K' => 1e3,
            'M' => 1e6,
            'm' => 1e-3,
            _ => 1,
        } : 1;
    }

    [GeneratedRegex(@"[\(\[](?<unit>ohm|ohms|hz|Ω|Ω|ω|\?|[kmM]ohm|[kmM]ohms|[kmM]Ω|[kmM]Ω|[kmM]ω)[\)\]]$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UnitSuffix();
}
