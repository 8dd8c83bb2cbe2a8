using System.Numerics;

namespace Borolyte.Impedance.Readers;

/// <summary>
/// BioLogic EC-Lab / BT-Lab ASCII export (.mpt) of a PEIS/GEIS technique. Format facts (from the files themselves):
/// line 1 "EC-Lab ASCII FILE", line 2 "Nb header lines : N" where line N is the tab-separated column header and data
/// start at N+1; Latin-1 or UTF-8; decimal point or comma depending on the Windows locale. Impedance columns are
/// "freq/Hz", "Re(Z)/Ohm" and "-Im(Z)/Ohm" (or the "Zwe-ce"/"Zce" variants of a 3-electrode set-up, of which the plain
/// Z is preferred). Several sweeps in one file are split on the "z cycle" column, else on "cycle number".
/// </summary>
internal static class MptSpectrumReader
{
    public static IReadOnlyList<Spectrum> Read(EisText text)
    {
        var lines = text.Lines;
        int headerLines = -1;
        for (int i = 0; i < Math.Min(lines.Length, 5); i++)
        {
            var l = lines[i];
            if (l.StartsWith("Nb header lines", StringComparison.OrdinalIgnoreCase))
            {
                var part = l[(l.IndexOf(':') + 1)..].Trim();
                if (!int.TryParse(part, out headerLines) || headerLines < 1)
                    throw text.Error(i, $"'Nb header lines' must be a positive integer, got '{part}'");
                break;
            }
        }
        if (headerLines < 0)
        {
            // An export without the header block ("no header" option) starts with the column line.
            headerLines = lines.Length > 1 && lines[1].Contains('\t') ? 2 : 1;
            if (!lines[headerLines - 1].Contains("freq", StringComparison.OrdinalIgnoreCase) && !lines[headerLines - 1].Contains("Re(Z", StringComparison.OrdinalIgnoreCase))
                throw text.Error(1, "'Nb header lines : N' not found in the first lines of an EC-Lab file");
        }
        int headerIndex = headerLines - 1;
        if (headerIndex >= lines.Length)
            throw text.Error($"the header says {headerLines} header lines but the file has only {lines.Length} lines (truncated?)");
        var header = lines[headerIndex].Split('\t').Select(h => h.Trim()).Where(h => h.Length > 0).ToArray();
        string columns = string.Join(", ", header);
        int f = EisText.FindColumn(header, "freq/Hz");
        if (f < 0)
            throw text.Error(headerIndex, $"frequency column 'freq/Hz' is missing; columns are: {columns}");
        int re = EisText.FindColumn(header, "Re(Z)/Ohm", "Re(Zwe-ce)/Ohm", "Re(Zce)/Ohm");
        if (re < 0) throw text.Error(headerIndex, $"real-part column 'Re(Z)/Ohm' is missing; columns are: {columns}");
        int im = EisText.FindColumn(header, "-Im(Z)/Ohm", "-Im(Zwe-ce)/Ohm", "-Im(Zce)/Ohm");
        double sign = -1; // EC-Lab stores −Im(Z)
        if (im < 0)
        {
            im = EisText.FindColumn(header, "Im(Z)/Ohm", "Im(Zwe-ce)/Ohm", "Im(Zce)/Ohm");
            sign = 1;
        }
        if (im < 0) throw text.Error(headerIndex, $"imaginary-part column '-Im(Z)/Ohm' is missing; columns are: {columns}");
        int cycle = EisText.FindColumn(header, "z cycle", "cycle number");

        var metadata = new SpectrumMetadata(text.SourceName, "BioLogic .mpt")
        {
            Header = lines.Take(headerIndex).Where(l => l.Contains(" : "))
                .Select(l => new KeyValuePair<string, string>(l[..l.IndexOf(" : ", StringComparison.Ordinal)].Trim(), l[(l.IndexOf(" : ", StringComparison.Ordinal) + 3)..].Trim()))
                .ToList(),
        };
        var sweeps = new List<Spectrum>();
        SpectrumRows? rows = null;
        double? currentCycle = null;
        for (int i = headerIndex + 1; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0) continue;
            var fields = lines[i].Split('\t');
            if (fields.Length > 0 && fields[^1].Trim().Length == 0) fields = fields[..^1];
            double c = cycle >= 0 && cycle < fields.Length ? text.Number(fields[cycle], i, "cycle number") : 0;
            if (rows is null || (cycle >= 0 && c != currentCycle))
            {
                if (rows is not null) sweeps.Add(rows.ToSpectrum(metadata with { Sweep = sweeps.Count + 1 }));
                rows = new SpectrumRows(text, f, re, im, sign);
                currentCycle = c;
            }
            rows.Add(i, fields, header.Length);
        }
        if (rows is null) throw text.Error(headerIndex, "no data rows after the column header (truncated file?)");
        sweeps.Add(rows.ToSpectrum(metadata with { Sweep = sweeps.Count + 1 }));
        return sweeps;
    }
}
