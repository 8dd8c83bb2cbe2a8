using System.Globalization;
using System.Text.RegularExpressions;
using Borolyte.Impedance.Circuits;
using Borolyte.Impedance.Readers;
using Borolyte.Transport;

namespace Borolyte.Impedance;

/// <summary>One fitted spectrum of a temperature series.</summary>
public sealed record SeriesPoint(double TemperatureK, Spectrum Spectrum, CircuitFit Fit, PelletConductivity Conductivity);

/// <summary>
/// A temperature series of pellet spectra → σ(T): each spectrum fitted with the same circuit, warm-started from its
/// colder neighbour, and the σ(T) table handed to <see cref="ConductivityFitter"/>. Spectra are processed in fixed
/// chunks of consecutive temperatures (each chunk starts from the automatic guess), chunks in parallel: the result does
/// not depend on the number of cores.
/// </summary>
public static partial class TemperatureSeries
{
    public const int ChunkSize = 8;

    /// <summary>
    /// Spectra with temperatures from a manifest CSV (columns "file" and "temperature_C" or "temperature_K", paths relative
    /// to the manifest) or from a folder whose file names carry the temperature ("pellet_25C.mpt", "T298.15K.z").
    /// </summary>
    public static IReadOnlyList<Spectrum> Load(string dirOrManifest)
    {
        if (Directory.Exists(dirOrManifest))
        {
            var list = new List<Spectrum>();
            foreach (var file in Directory.GetFiles(dirOrManifest).Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal))
            {
                var m = TemperatureInName().Match(Path.GetFileNameWithoutExtension(file));
                if (!m.Success) throw new InvalidInputException($"{file}: no temperature in the file name (e.g. 'pellet_25C.mpt' or 'pellet_298K.mpt'); use a manifest CSV instead");
                double v = double.Parse(m.Groups[1].Value.Replace('p', '.').Replace(',', '.'), CultureInfo.InvariantCulture);
                double t = m.Groups[2].Value.Equals("K", StringComparison.OrdinalIgnoreCase) ? v : v + PhysicalConstants.ZeroCelsiusK;
                list.Add(WithTemperature(SpectrumFile.Read(file), t));
            }
            if (list.Count == 0) throw new InvalidInputException($"{dirOrManifest}: the folder holds no spectra");
            return list;
        }
        if (!File.Exists(dirOrManifest)) throw new InvalidInputException($"{dirOrManifest}: no such folder or manifest file");
        var lines = File.ReadAllLines(dirOrManifest);
        var header = lines.Length > 0 ? lines[0].Split(',').Select(h => h.Trim().ToLowerInvariant()).ToArray() : [];
        int fi = Array.IndexOf(header, "file"), ci = Array.IndexOf(header, "temperature_c"), ki = Array.IndexOf(header, "temperature_k");
        if (fi < 0 || (ci < 0 && ki < 0))
            throw new InvalidInputException($"{dirOrManifest} line 1: a manifest needs columns 'file' and 'temperature_C' or 'temperature_K'; found: {string.Join(", ", header)}");
        string baseDir = Path.GetDirectoryName(Path.GetFullPath(dirOrManifest))!;
        var spectra = new List<Spectrum>();
        for (int i = 1; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0) continue;
            var f = lines[i].Split(',').Select(x => x.Trim()).ToArray();
            if (f.Length < header.Length) throw new InvalidInputException($"{dirOrManifest} line {i + 1}: {f.Length} fields where {header.Length} were expected");
            int col = ki >= 0 ? ki : ci;
            if (!double.TryParse(f[col], NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
                throw new InvalidInputException($"{dirOrManifest} line {i + 1}: temperature '{f[col]}' is not a number");
            double t = ki >= 0 ? v : v + PhysicalConstants.ZeroCelsiusK;
            spectra.Add(WithTemperature(SpectrumFile.Read(Path.Combine(baseDir, f[fi])), t));
        }
        if (spectra.Count == 0) throw new InvalidInputException($"{dirOrManifest}: the manifest lists no spectra");
        return spectra;
    }

    private static Spectrum WithTemperature(Spectrum s, double t) => s.With(s.Metadata with { TemperatureK = t });

    /// <summary>
    /// Fits every spectrum (each must carry <see cref="SpectrumMetadata.TemperatureK"/>) and the σ(T) model, on all cores
    /// unless <paramref name="maxDegreeOfParallelism"/> says otherwise (1 = serial; the results are the same either way).
    /// </summary>
    public static (IReadOnlyList<SeriesPoint> Points, ConductivityFit? Fit) Fit(IReadOnlyList<Spectrum> spectra, string circuit, double areaCm2, double thicknessMm,
        CircuitFitOptions? options = null, ConductivityModelKind? model = null, IProgress<int>? progress = null, int? maxDegreeOfParallelism = null)
    {
        options ??= new CircuitFitOptions();
        var compiled = Circuit.Parse(circuit);
        var ordered = spectra.Select(s => (T: s.Metadata.TemperatureK ?? throw new InvalidInputException($"{s.Metadata.SourcePath ?? "spectrum"}: temperature unknown"), S: s))
            .OrderBy(x => x.T).ToList();
        var results = new SeriesPoint[ordered.Count];
        var chunks = Enumerable.Range(0, (ordered.Count + ChunkSize - 1) / ChunkSize).ToList();
        int done = 0;
        Parallel.ForEach(chunks, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount }, chunk =>
        {
            CircuitFit? previous = null;
            for (int i = chunk * ChunkSize; i < Math.Min(ordered.Count, (chunk + 1) * ChunkSize); i++)
            {
                var (t, s) = ordered[i];
                CircuitFit fit;
                if (previous is null) fit = CircuitFitter.Fit(s, compiled, options);
                else
                {
                    fit = CircuitFitter.Fit(s, compiled, options with { Start = previous.Values, WarmStartOnly = true });
                    // A warm start that lands far worse than its neighbour is retried from the automatic guesses.
                    if (fit.ReducedChiSquare > 4 * previous.ReducedChiSquare || fit.Warnings.Any(w => w.Contains("bound")))
                    {
                        var cold = CircuitFitter.Fit(s, compiled, options with { Start = previous.Values, WarmStartOnly = false });
                        if (cold.ChiSquare < fit.ChiSquare) fit = cold;
                    }
                }
                results[i] = new SeriesPoint(t, s, fit, PelletConductivity.FromFit(fit, areaCm2, thicknessMm));
                previous = fit;
                progress?.Report(Interlocked.Increment(ref done));
            }
        });
        var measurements = results.Select(p => new ConductivityMeasurement(p.TemperatureK, p.Conductivity.ConductivitySPerCm, p.Conductivity.StdErrSPerCm)).ToList();
        ConductivityFit? sigmaFit = measurements.Count >= 3 ? ConductivityFitter.Fit(measurements, model) : null;
        return (results, sigmaFit);
    }

    [GeneratedRegex(@"(-?\d+(?:[.,p]\d+)?)\s*(C|K|degC)(?![A-Za-z])", RegexOptions.IgnoreCase)]
    private static partial Regex TemperatureInName();
}
