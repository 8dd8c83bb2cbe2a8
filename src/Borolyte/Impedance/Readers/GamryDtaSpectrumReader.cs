namespace Borolyte.Impedance.Readers;

/// <summary>
/// Gamry Framework ".DTA" of an EIS experiment: "KEY\tTYPE\tvalue…" header lines, then "ZCURVE\tTABLE", a column line
/// (Pt Time Freq Zreal Zimag …), a unit line, and tab-indented data rows. An aborted run is marked by
/// "EXPERIMENTABORTED\tTOGGLE\tT" after the rows it did measure; those rows are kept and a warning is attached.
/// </summary>
internal static class GamryDtaSpectrumReader
{
    public static Spectrum Read(EisText text)
    {
        var lines = text.Lines;
        int table = Array.FindIndex(lines, l => l.StartsWith("ZCURVE\t", StringComparison.Ordinal) || l.Trim() == "ZCURVE");
        if (table < 0) throw text.Error("no ZCURVE table: this Gamry file holds no impedance data");
        if (table + 2 >= lines.Length) throw text.Error(table, "ZCURVE table has no column and unit lines (truncated file?)");
        var header = lines[table + 1].Split('\t').Select(h => h.Trim()).ToArray();
        int f = EisText.FindColumn(header, "Freq"), re = EisText.FindColumn(header, "Zreal"), im = EisText.FindColumn(header, "Zimag");
        if (f < 0) throw text.Error(table + 1, $"frequency column 'Freq' is missing; columns are: {string.Join(", ", header.Where(h => h.Length > 0))}");
        if (re < 0 || im < 0) throw text.Error(table + 1, $"columns 'Zreal' and 'Zimag' expected; columns are: {string.Join(", ", header.Where(h => h.Length > 0))}");
        var rows = new SpectrumRows(text, f, re, im, 1);
        int i = table + 3;
        for (; i < lines.Length && (lines[i].StartsWith('\t') || lines[i].StartsWith(' ')); i++)
        {
            if (lines[i].Trim().Length == 0) continue;
            rows.Add(i, lines[i].Split('\t'), header.Length);
        }
        var warnings = new List<string>();
        bool aborted = lines.Any(l => l.StartsWith("EXPERIMENTABORTED\t", StringComparison.Ordinal) && l.Split('\t') is { Length: > 2 } p && p[2].Trim() == "T");
        if (aborted) warnings.Add($"the experiment was aborted; {rows.Frequencies.Count} points were measured");
        var header0 = lines.Take(table).Select(l => l.Split('\t')).Where(p => p.Length >= 3 && p[0].Length > 0 && p[1] is "LABEL" or "QUANT" or "POTEN" or "PSTAT")
            .Select(p => new KeyValuePair<string, string>(p[0], p[2])).ToList();
        return rows.ToSpectrum(new SpectrumMetadata(text.SourceName, "Gamry .DTA") { Header = header0, Warnings = warnings }, "ZCURVE rows");
    }
}
