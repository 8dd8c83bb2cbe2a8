namespace Borolyte.Impedance.Readers;

/// <summary>
/// Autolab/ZView "Z60W Data File" text export: a quoted title, blank quoted lines, an instrument line, the point count,
/// a quoted column line ("Freq (Hz) Ampl Bias Time(Sec) Z'(a) Z''(b) GD Err Range") and comma-separated rows. Z'' is
/// the imaginary part with its sign. The declared point count is checked, so a truncated file is reported.
/// </summary>
internal static class AutolabSpectrumReader
{
    public static Spectrum Read(EisText text)
    {
        var lines = text.Lines;
        int headerLine = Array.FindIndex(lines, l => l.Contains("Freq", StringComparison.OrdinalIgnoreCase) && l.Contains("Z'", StringComparison.Ordinal));
        if (headerLine < 0) throw text.Error("column line with 'Freq (Hz)' and Z'(a)/Z''(b) not found");
        var header = System.Text.RegularExpressions.Regex.Split(lines[headerLine].Trim().Trim('"').Trim(), @"\s{2,}|\t");
        int f = 0, re = 4, im = 5;
        int reIdx = Array.FindIndex(header, h => h.Trim() == "Z'(a)"), imIdx = Array.FindIndex(header, h => h.Trim() == "Z''(b)");
        if (reIdx >= 0 && imIdx >= 0) { re = reIdx; im = imIdx; }
        int? declared = headerLine > 0 && int.TryParse(lines[headerLine - 1].Trim(), out int n) ? n : null;
        var rows = new SpectrumRows(text, f, re, im, 1);
        for (int i = headerLine + 1; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0) continue;
            rows.Add(i, lines[i].Split(','), 6);
        }
        if (declared is { } d && d != rows.Frequencies.Count)
            throw text.Error(headerLine - 1, $"the header declares {d} points but {rows.Frequencies.Count} data rows follow (truncated or corrupted file)");
        return rows.ToSpectrum(new SpectrumMetadata(text.SourceName, "Autolab/Z60W text"));
    }
}
