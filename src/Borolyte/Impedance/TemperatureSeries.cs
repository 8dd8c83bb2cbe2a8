using System.Globalization;
using System.Text.RegularExpressions;
using Borolyte.Impedance.Circuits;
using Borolyte.Impedance.Readers;
using Borolyte.Transport;
using CsvHelper;

namespace Borolyte.Impedance;

/// <summary>One fitted spectrum of a temperature series.</summary>
public sealed record SeriesPoint(double TemperatureK, Spectrum Spectrum, CircuitFit Fit, PelletConductivity Conductivity);

/// <summary>
/// A temperature series of pellet spectra → σ(T): each spectrum fitted with the same circuit, warm-started from a
/// colder one, and the σ(T) table handed to <see cref="ConductivityFitter"/>. The temperature-ordered series is dealt
/// into k interleaved chains (<see cref="ChainCount"/>: spectra 0, k, 2k, … form chain 0, spectra 1, k+1, … chain 1):
/// the first spectrum of each chain — one of the k coldest, where the arcs sit inside the frequency window — is fitted
/// from the automatic guesses, and every other spectrum is warm-started from the one k places colder, so that each
/// chain follows the arcs from the cold end as they move out of the window. The chains run in parallel (two or more
/// spectra keep two cores busy); k depends only on the number of spectra, so the result does not depend on the number
/// of cores.
/// </summary>
public static partial class TemperatureSeries
{
    /// <summary>
    /// Number of interleaved chains for <paramref name="count"/> spectra: 2 up to 64 spectra, then one per 32 spectra, at
    /// most 16 (a chain then steps over at most 16 temperatures).
    /// </summary>
    public static int ChainCount(int count) => Math.Clamp(count / 32, 2, 16);

    /// <summary>
    /// Spectra with temperatures from a manifest CSV (columns "file" and "temperature_C" or "temperature_K", paths relative
    /// to the manifest; comma, semicolon or tab separated, fields may be quoted) or from a folder whose file names carry the
    /// temperature (<see cref="TemperatureFromFileName"/>).
    /// </summary>
    public static IReadOnlyList<Spectrum> Load(string dirOrManifest)
    {
        if (Directory.Exists(dirOrManifest))
        {
            var list = new List<Spectrum>();
            foreach (var file in Directory.GetFiles(dirOrManifest).Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal))
                list.Add(WithTemperature(SpectrumFile.Read(file), TemperatureFromFileName(file)));
            if (list.Count == 0) throw new InvalidInputException($"{dirOrManifest}: the folder holds no spectra");
            return list;
        }
        if (!File.Exists(dirOrManifest)) throw new InvalidInputException($"{dirOrManifest}: no such folder or manifest file");
        return LoadManifest(dirOrManifest);
    }

    private static readonly CsvReaderOptions ManifestOptions = new()
    {
        TrackLineNumbers = true, TrimWhitespace = true, CommentPrefix = '#',
        FieldCountMismatch = CsvFieldCountHandling.Allow, MalformedData = CsvMalformedDataHandling.Throw,
    };

    private static List<Spectrum> LoadManifest(string path)
    {
        using var csv = CsvReader.FromText(File.ReadAllText(path), ManifestOptions);
        string[] header;
        try { header = csv.Headers.Select(h => h.Trim().ToLowerInvariant()).ToArray(); }
        catch (CsvFormatException ex) { throw new InvalidInputException($"{path} line 1: unreadable CSV header ({OneLine(ex.Message)})", ex); }
        int fi = Array.IndexOf(header, "file"), ci = Array.IndexOf(header, "temperature_c"), ki = Array.IndexOf(header, "temperature_k");
        if (fi < 0 || (ci < 0 && ki < 0))
            throw new InvalidInputException($"{path} line 1: a manifest needs columns 'file' and 'temperature_C' or 'temperature_K'; found: {string.Join(", ", header)}");
        if (ci >= 0 && ki >= 0) throw new InvalidInputException($"{path} line 1: give 'temperature_C' or 'temperature_K', not both");
        string baseDir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        int col = ki >= 0 ? ki : ci;
        var spectra = new List<Spectrum>();
        while (true)
        {
            bool more;
            try { more = csv.Read(); }
            catch (CsvFormatException ex) { throw new InvalidInputException($"{path} line {ex.LineNumber}: unreadable CSV ({OneLine(ex.Message)})", ex); }
            if (!more) break;
            int line = (int)csv.LineNumber;
            if (csv.FieldCount < header.Length) throw new InvalidInputException($"{path} line {line}: {csv.FieldCount} fields where {header.Length} were expected");
            string file = csv.GetString(fi), text = csv.GetString(col);
            if (file.Length == 0) throw new InvalidInputException($"{path} line {line}: the file name is empty");
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
                throw new InvalidInputException($"{path} line {line}: temperature '{text}' is not a number");
            double t = ki >= 0 ? v : v + PhysicalConstants.ZeroCelsiusK;
            if (!(t > 0)) throw new InvalidInputException($"{path} line {line}: temperature {text} {(ki >= 0 ? "K" : "°C")} is at or below absolute zero");
            spectra.Add(WithTemperature(SpectrumFile.Read(Path.Combine(baseDir, file)), t));
        }
        if (spectra.Count == 0) throw new InvalidInputException($"{path}: the manifest lists no spectra");
        return spectra;
    }

    private static string OneLine(string s) => s.ReplaceLineEndings(" ").Trim();

    /// <summary>
    /// The temperature in a file name, in K. The name (without extension) must hold exactly one number followed by
    /// C, degC or K ("pellet_25C", "T298.15K", "run-60degC", "p_60°C", "25p5C" = 25.5 °C). Separators are separators, never signs:
    /// "pellet-20C" is +20 °C. A negative Celsius temperature is written "m20C" or "minus20C" (at the start of the name or
    /// after a separator: "pellet_m20C"); a name that starts with "-" before the number ("-20C.z"), one with several such
    /// numbers ("pellet_2C_25C"), a negative Kelvin value or a temperature below absolute zero is refused with the advice
    /// to rename the file or use a manifest.
    /// </summary>
    public static double TemperatureFromFileName(string path)
    {
        string name = Path.GetFileNameWithoutExtension(path);
        var matches = TemperatureInName().Matches(name);
        if (matches.Count == 0)
            throw new InvalidInputException($"{path}: no temperature in the file name (e.g. 'pellet_25C.mpt', 'pellet_298K.mpt', 'pellet_m20C.mpt' for −20 °C); use a manifest CSV instead");
        if (matches.Count > 1)
            throw new InvalidInputException($"{path}: the file name holds several temperatures ({string.Join(", ", matches.Select(m => $"'{m.Value}'"))}); rename it or use a manifest CSV");
        var match = matches[0];
        if (match.Index == 1 && name[0] == '-' && match.Groups["neg"].Length == 0)
            throw new InvalidInputException($"{path}: '-{match.Value}' at the start of the name is ambiguous (sign or separator?); write 'm{match.Value}' for a negative temperature or use a manifest CSV");
        double v = double.Parse(match.Groups["num"].Value.Replace('p', '.').Replace('P', '.').Replace(',', '.'), CultureInfo.InvariantCulture);
        bool kelvin = match.Groups["unit"].Value.Equals("K", StringComparison.OrdinalIgnoreCase);
        bool negative = match.Groups["neg"].Length > 0;
        if (kelvin && negative) throw new InvalidInputException($"{path}: '{match.Value}' is a negative absolute temperature");
        double t = kelvin ? v : (negative ? -v : v) + PhysicalConstants.ZeroCelsiusK;
        if (!(t > 0)) throw new InvalidInputException($"{path}: '{match.Value}' is at or below absolute zero");
        return t;
    }

    private static Spectrum WithTemperature(Spectrum s, double t) => s.With(s.Metadata with { TemperatureK = t });

    /// <summary>The chains of a series of <paramref name="count"/> temperature-ordered spectra, each in fitting order (coldest first).</summary>
    public static IReadOnlyList<IReadOnlyList<int>> Plan(int count)
    {
        int k = Math.Min(count, ChainCount(count));
        return Enumerable.Range(0, k).Select(j => (IReadOnlyList<int>)Enumerable.Range(0, (count - j + k - 1) / k).Select(m => j + m * k).ToList()).ToList();
    }

    /// <summary>
    /// Fits every spectrum (each must carry <see cref="SpectrumMetadata.TemperatureK"/>) and the σ(T) model, on all cores
    /// unless <paramref name="maxDegreeOfParallelism"/> says otherwise (1 = serial; the results are the same either way).
    /// The geometry's standard uncertainties (<paramref name="areaStdErrCm2"/>, <paramref name="thicknessStdErrMm"/>) are
    /// propagated into each σ with the fit's.
    /// </summary>
    public static (IReadOnlyList<SeriesPoint> Points, ConductivityFit? Fit) Fit(IReadOnlyList<Spectrum> spectra, string circuit, double areaCm2, double thicknessMm,
        CircuitFitOptions? options = null, ConductivityModelKind? model = null, IProgress<int>? progress = null, int? maxDegreeOfParallelism = null,
        double areaStdErrCm2 = 0, double thicknessStdErrMm = 0)
    {
        options ??= new CircuitFitOptions();
        var compiled = Circuit.Parse(circuit);
        // Checked once, before any fitting, so that a bad geometry is one error and not one per spectrum.
        PelletConductivity.CheckGeometry(areaCm2, thicknessMm, areaStdErrCm2, thicknessStdErrMm);
        var ordered = spectra.Select(s => (T: s.Metadata.TemperatureK ?? throw new InvalidInputException($"{s.Metadata.SourcePath ?? "spectrum"}: temperature unknown"), S: s))
            .OrderBy(x => x.T).ToList();
        var results = new SeriesPoint[ordered.Count];
        var chains = Plan(ordered.Count);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount };
        int done = 0;
        Parallel.ForEach(chains, parallel, chain =>
        {
            CircuitFit? previous = null;
            foreach (int i in chain)
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
                results[i] = new SeriesPoint(t, s, fit, PelletConductivity.FromFit(fit, areaCm2, thicknessMm, null, areaStdErrCm2, thicknessStdErrMm));
                previous = fit;
                progress?.Report(Interlocked.Increment(ref done));
            }
        });
        var measurements = results.Select(p => new ConductivityMeasurement(p.TemperatureK, p.Conductivity.ConductivitySPerCm, p.Conductivity.StdErrSPerCm)).ToList();
        ConductivityFit? sigmaFit = measurements.Count >= 3 ? ConductivityFitter.Fit(measurements, model) : null;
        return (results, sigmaFit);
    }

    // A number not glued to a preceding number, an optional "m"/"minus" (itself at the start or after a
    // non-letter), then C, degC or K not followed by a letter.
    [GeneratedRegex(@"(?:(?<![A-Za-z])(?<neg>minus|m))?(?<![0-9])(?<![0-9][.,pP])(?<num>\d+(?:[.,pP]\d+)?)\s*(?<unit>°C|degC|C|K)(?![A-Za-z])", RegexOptions.IgnoreCase)]
    private static partial Regex TemperatureInName();
}
