namespace Borolyte.Impedance.Readers;

/// <summary>
/// CH Instruments "A.C. Impedance" text export: a date line, "key = value" parameters, the column line
/// "Freq/Hz, Z'/ohm, Z"/ohm, Z/ohm, Phase/deg", a blank line and comma-separated rows. Z" is the imaginary part with
/// its sign.
/// </summary>
internal static class ChiSpectrumReader
{
    public static Spectrum Read(EisText text)
    {
        var lines = text.Lines;
        int headerLine = Array.FindIndex(lines, l => l.StartsWith("Freq/Hz", StringComparison.OrdinalIgnoreCase));
        var header = lines[headerLine].Split(',').Select(h => h.Trim()).ToArray();
        int f = EisText.FindColumn(header, "Freq/Hz"), re = EisText.FindColumn(header, "Z'/ohm"), im = EisText.FindColumn(header, "Z\"/ohm", "Z''/ohm");
        if (re < 0 || im < 0) throw text.Error(headerLine, $"columns Z'/ohm and Z\"/ohm expected; columns are: {string.Join(", ", header)}");
        var rows = new SpectrumRows(text, f, re, im, 1);
        for (int i = headerLine + 1; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0) continue;
            rows.Add(i, lines[i].Split(','), header.Length);
        }
        var meta = lines.Take(headerLine).Where(l => l.Contains(" = ") || l.Contains(": "))
            .Select(l => l.Contains(" = ") ? l.Split(" = ", 2) : l.Split(": ", 2))
            .Select(p => new KeyValuePair<string, string>(p[0].Trim(), p[1].Trim())).ToList();
        return rows.ToSpectrum(new SpectrumMetadata(text.SourceName, "CH Instruments text") { Header = meta });
    }
}
