using System.Numerics;

namespace Borolyte.Impedance.Readers;

/// <summary>
/// Princeton Applied Research VersaStudio (and Parstat with VersaStudio) ".par" saved in ASCII. Format facts (from
/// impedance.py's exampleDataVersaStudio.par and the VersaStudio manual's "Save New Data" description): sections in
/// angle brackets (&lt;Application&gt;, &lt;Instrument&gt;, &lt;Experiment&gt;, &lt;ActionN&gt;, &lt;SegmentN&gt; …
/// &lt;/SegmentN&gt;) of "key=value" lines; a segment holds "Type=", "Version=", a "Definition=" line of comma-separated
/// column names, whose last entry is a numeric sentinel ("0") and not a column, then comma-separated data rows.
/// Impedance columns are "Frequency(Hz)", "Z Real" and "Z Imag" (the imaginary part with its sign). Each segment with
/// impedance points is one sweep; rows with frequency 0 (DC points of a mixed experiment) are left out. A .par saved
/// with "DataFormat=Binary" has no text rows and is reported as such.
/// </summary>
internal static class VersaStudioSpectrumReader
{
    public static IReadOnlyList<Spectrum> Read(EisText text)
    {
        var lines = text.Lines;
        var header = new List<KeyValuePair<string, string>>();
        var sweeps = new List<Spectrum>();
        var skipped = new List<string>();
        bool binary = false;
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.StartsWith("DataFormat=", StringComparison.OrdinalIgnoreCase) && line.EndsWith("Binary", StringComparison.OrdinalIgnoreCase)) binary = true;
            if (!line.StartsWith("<Segment", StringComparison.OrdinalIgnoreCase) || !line.EndsWith('>'))
            {
                int eq = line.IndexOf('=');
                if (eq > 0 && sweeps.Count == 0 && header.Count < 200) header.Add(new(line[..eq].Trim(), line[(eq + 1)..].Trim()));
                continue;
            }
            string name = line.Trim('<', '>');
            string end = $"</{name}>";
            int close = Array.FindIndex(lines, i + 1, l => l.Trim().Equals(end, StringComparison.OrdinalIgnoreCase));
            if (close < 0) throw text.Error(i, $"segment '{name}' has no closing '{end}' (truncated file?)");
            int def = Array.FindIndex(lines, i + 1, close - i - 1, l => l.TrimStart().StartsWith("Definition=", StringComparison.OrdinalIgnoreCase));
            if (def < 0) throw text.Error(i, $"segment '{name}' has no 'Definition=' line naming its columns");
            var names = lines[def].Trim()["Definition=".Length..].Split(',').Select(s => s.Trim()).ToList();
            while (names.Count > 0 && EisText.TryNumber(names[^1], out _)) names.RemoveAt(names.Count - 1);   // the trailing "0" sentinel
            int f = EisText.FindColumn(names, "Frequency(Hz)"), re = EisText.FindColumn(names, "Z Real"), im = EisText.FindColumn(names, "Z Imag");
            if (f < 0 || re < 0 || im < 0)
            {
                skipped.Add(name);
                i = close;
                continue;
            }
            var freq = new List<double>();
            var z = new List<Complex>();
            for (int r = def + 1; r < close; r++)
            {
                string row = lines[r].Trim();
                if (row.Length == 0) continue;
                var fields = row.Split(',');
                if (fields.Length != names.Count)
                    throw text.Error(r, $"{fields.Length} fields where the segment's Definition names {names.Count} columns (truncated or corrupted row)");
                double fr = text.Number(fields[f], r, "Frequency(Hz)");
                if (fr == 0) continue;   // a DC point
                if (fr < 0) throw text.Error(r, $"frequency {fields[f].Trim()} Hz is negative");
                freq.Add(fr);
                z.Add(new Complex(text.Number(fields[re], r, "Z Real"), text.Number(fields[im], r, "Z Imag")));
            }
            if (freq.Count > 0)
                sweeps.Add(new Spectrum(freq, z, new SpectrumMetadata(text.SourceName, "VersaStudio .par", sweeps.Count + 1) { Header = header }));
            i = close;
        }
        if (sweeps.Count > 0) return sweeps;
        if (binary) throw text.Error("the .par was saved with DataFormat=Binary; export it from VersaStudio as ASCII to read it");
        throw text.Error(skipped.Count > 0
            ? $"no segment has impedance columns 'Frequency(Hz)', 'Z Real', 'Z Imag' (segments without them: {string.Join(", ", skipped)})"
            : "no <SegmentN> with impedance data rows found");
    }
}
