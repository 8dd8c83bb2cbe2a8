using System.Numerics;

namespace Borolyte.Impedance.Readers;

/// <summary>
/// Collects (f, Z) rows of a data block and checks each against the header's column count; <paramref name="ohmScale"/>
/// converts the file's impedance unit (kΩ, mΩ) to Ω.
/// </summary>
internal sealed class SpectrumRows(EisText text, int frequencyColumn, int realColumn, int imaginaryColumn, double imaginarySign, double ohmScale = 1)
{
    public List<double> Frequencies { get; } = [];
    public List<Complex> Impedances { get; } = [];
    public List<int> LineIndices { get; } = [];

    /// <summary>Adds one data line; <paramref name="minimumFields"/> catches truncated rows.</summary>
    public void Add(int lineIndex, string[] fields, int minimumFields)
    {
        int needed = Math.Max(minimumFields, Math.Max(frequencyColumn, Math.Max(realColumn, imaginaryColumn)) + 1);
        if (fields.Length < needed)
            throw text.Error(lineIndex, $"{fields.Length} fields where {needed} were expected (truncated or corrupted row)");
        double f = text.Number(fields[frequencyColumn], lineIndex, "frequency");
        if (!(f > 0)) throw text.Error(lineIndex, $"frequency {fields[frequencyColumn].Trim()} Hz is not positive");
        double re = text.Number(fields[realColumn], lineIndex, "real part");
        double im = text.Number(fields[imaginaryColumn], lineIndex, "imaginary part");
        Frequencies.Add(f);
        Impedances.Add(new Complex(ohmScale * re, ohmScale * imaginarySign * im));
        LineIndices.Add(lineIndex);
    }

    public Spectrum ToSpectrum(SpectrumMetadata metadata, string what = "data rows")
    {
        if (Frequencies.Count == 0) throw text.Error($"no {what} found (empty or truncated file)");
        return new Spectrum(Frequencies, Impedances, metadata);
    }
}
