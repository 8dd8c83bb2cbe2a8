using System.Numerics;

namespace Borolyte.Impedance;

/// <summary>
/// One impedance spectrum: frequencies in Hz and complex impedance Z = Z' + iZ'' in Ω (the physicist's sign: a capacitive
/// arc has Z'' &lt; 0), plus where it came from. Points keep the order of the file. Immutable.
/// </summary>
public sealed class Spectrum
{
    private readonly double[] _frequenciesHz;
    private readonly Complex[] _impedanceOhm;

    public Spectrum(IEnumerable<double> frequenciesHz, IEnumerable<Complex> impedanceOhm, SpectrumMetadata? metadata = null)
    {
        _frequenciesHz = frequenciesHz.ToArray();
        _impedanceOhm = impedanceOhm.ToArray();
        Metadata = metadata ?? new SpectrumMetadata();
        string where = Metadata.SourcePath is { } p ? $"{p}: " : "";
        if (_frequenciesHz.Length != _impedanceOhm.Length)
            throw new InvalidInputException($"{where}{_frequenciesHz.Length} frequencies but {_impedanceOhm.Length} impedance values");
        if (_frequenciesHz.Length == 0)
            throw new InvalidInputException($"{where}the spectrum has no data points");
        for (int i = 0; i < _frequenciesHz.Length; i++)
        {
            if (!(_frequenciesHz[i] > 0) || double.IsInfinity(_frequenciesHz[i]))
                throw new InvalidInputException($"{where}point {i + 1}: frequency must be a positive number, got {_frequenciesHz[i]}");
            if (!double.IsFinite(_impedanceOhm[i].Real) || !double.IsFinite(_impedanceOhm[i].Imaginary))
                throw new InvalidInputException($"{where}point {i + 1}: impedance is not a finite number");
        }
    }

    public int Count => _frequenciesHz.Length;
    public IReadOnlyList<double> FrequenciesHz => _frequenciesHz;
    public IReadOnlyList<Complex> ImpedanceOhm => _impedanceOhm;
    public SpectrumMetadata Metadata { get; }

    /// <summary>Angular frequencies ω = 2πf in rad/s (a fresh array).</summary>
    public double[] AngularFrequencies() => _frequenciesHz.Select(f => 2 * Math.PI * f).ToArray();

    internal ReadOnlySpan<double> FrequencySpan => _frequenciesHz;
    internal ReadOnlySpan<Complex> ImpedanceSpan => _impedanceOhm;

    /// <summary>The points whose frequency lies in [minHz, maxHz].</summary>
    public Spectrum Crop(double minHz, double maxHz)
    {
        var keep = Enumerable.Range(0, Count).Where(i => _frequenciesHz[i] >= minHz && _frequenciesHz[i] <= maxHz).ToList();
        return new Spectrum(keep.Select(i => _frequenciesHz[i]), keep.Select(i => _impedanceOhm[i]), Metadata);
    }

    /// <summary>A copy with other metadata.</summary>
    public Spectrum With(SpectrumMetadata metadata) => new(_frequenciesHz, _impedanceOhm, metadata);
}

/// <summary>Where a spectrum came from and what the file says about it.</summary>
/// <param name="SourcePath">File the spectrum was read from, if any.</param>
/// <param name="Format">Detected file format (e.g. "BioLogic .mpt").</param>
/// <param name="Sweep">1-based index of the sweep/cycle within the file (several sweeps per file are split).</param>
/// <param name="TemperatureK">Sample temperature when known (manifest, file name or header).</param>
public sealed record SpectrumMetadata(string? SourcePath = null, string? Format = null, int Sweep = 1, double? TemperatureK = null)
{
    /// <summary>Header fields the reader kept (instrument, date, …), in file order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Header { get; init; } = [];

    /// <summary>Non-fatal remarks from the reader (e.g. "experiment was aborted after 72 points").</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
