namespace Borolyte.Impedance.Readers;

/// <summary>
/// Scribner ZPlot/ZView ".z" text: a "ZPLOT2 ASCII" header of "key: value" lines, a tab-separated column line
/// ("Freq(Hz) Ampl Bias Time(Sec) Z'(a) Z''(b) GD Err Range"), then "End Comments" and the data rows. Z'' is the
/// imaginary part with its sign (negative for a capacitive arc).
/// </summary>
internal static class ZPlotSpectrumReader
{
    public static Spectrum Read(EisText text)
    {
        var lines = text.Lines;
        int end = Array.FindIndex(lines, l => l.Trim() == "End Comments");
        if (end < 0) throw text.Error("'End Comments' line not found: not a complete ZPlot file");
        int f = 0, re = 4, im = 5, fieldCount = 6;
        var headerLine = Array.FindLastIndex(lines, end, l => l.TrimStart().StartsWith("Freq(Hz)", StringComparison.OrdinalIgnoreCase));
        if (headerLine >= 0)
        {
            var header = lines[headerLine].Split('\t').Select(h => h.Trim()).ToArray();
            f = EisText.FindColumn(header, "Freq(Hz)");
            re = EisText.FindColumn(header, "Z'(a)");
            im = EisText.FindColumn(header, "Z''(b)");
            if (re < 0 || im < 0) throw text.Error(headerLine, $"columns Z'(a) and Z''(b) expected; columns are: {string.Join(", ", header)}");
            fieldCount = header.Length;
        }
        var header0 = lines.Take(end).Where(l => l.Contains(':'))
            .Select(l => new KeyValuePair<string, string>(l[..l.IndexOf(':')].Trim(), l[(l.IndexOf(':') + 1)..].Trim())).ToList();
        var rows = new SpectrumRows(text, f, re, im, 1);
        for (int i = end + 1; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0) continue;
            rows.Add(i, EisText.SplitFields(lines[i]), fieldCount);
        }
        return rows.ToSpectrum(new SpectrumMetadata(text.SourceName, "ZPlot .z") { Header = header0 });
    }
}
