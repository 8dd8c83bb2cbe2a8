using System.Numerics;

namespace Borolyte.Impedance.Readers;

/// <summary>
/// Parstat (PowerSuite/VersaStudio-era) tab-separated text export, as impedance.py's exampleDataParstat.txt: one header
/// line "Potential (V) Current (A) Elapsed Time (s) Frequency (Hz) Zre (ohms) Zim (ohms) |Vac| (V) |Iac| (A)" (tab
/// separated, trailing tab), then one row per point of the whole experiment. DC points carry frequency 0 and are left
/// out; each run of impedance rows (frequency &gt; 0) is one sweep. Zim is the imaginary part with its sign.
/// </summary>
internal static class ParstatTextSpectrumReader
{
    public static bool LooksLike(string firstLine) =>
        firstLine.Contains("Frequency (Hz)", StringComparison.OrdinalIgnoreCase) && firstLine.Contains("Zre (ohms)", StringComparison.OrdinalIgnoreCase)
        && firstLine.Contains("Zim (ohms)", StringComparison.OrdinalIgnoreCase);

    public static IReadOnlyList<Spectrum> Read(EisText text)
    {
        var lines = text.Lines;
        var header = EisText.SplitFields(lines[0]);
        int f = EisText.FindColumn(header, "Frequency (Hz)"), re = EisText.FindColumn(header, "Zre (ohms)"), im = EisText.FindColumn(header, "Zim (ohms)");
        if (f < 0 || re < 0 || im < 0)
            throw text.Error(0, $"columns 'Frequency (Hz)', 'Zre (ohms)', 'Zim (ohms)' expected; columns are: {string.Join(", ", header)}");
        var sweeps = new List<Spectrum>();
        var freq = new List<double>();
        var z = new List<Complex>();
        void Flush()
        {
            if (freq.Count == 0) return;
            sweeps.Add(new Spectrum(freq, z, new SpectrumMetadata(text.SourceName, "Parstat text", sweeps.Count + 1)));
            freq = [];
            z = [];
        }
        for (int i = 1; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0) continue;
            var fields = EisText.SplitFields(lines[i]);
            if (fields.Length < header.Length)
                throw text.Error(i, $"{fields.Length} fields where the header names {header.Length} columns (truncated or corrupted row)");
            double fr = text.Number(fields[f], i, "frequency");
            if (fr == 0) { Flush(); continue; }   // a DC point between or before the sweeps
            if (fr < 0) throw text.Error(i, $"frequency {fields[f]} Hz is negative");
            freq.Add(fr);
            z.Add(new Complex(text.Number(fields[re], i, "Zre"), text.Number(fields[im], i, "Zim")));
        }
        Flush();
        if (sweeps.Count == 0) throw text.Error("no impedance rows (every row has frequency 0: a DC experiment only)");
        return sweeps;
    }
}
