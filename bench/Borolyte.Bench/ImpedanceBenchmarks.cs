using BenchmarkDotNet.Attributes;
using Borolyte.Impedance;

namespace Borolyte.Bench;

/// <summary>
/// Circuit fitting on the spectra of <see cref="ImpedanceBenchmarkData"/> (also fitted by bench/impedance_scipy.py):
/// one 2-arc spectrum including the automatic initial guess and multi-start screening, on one core; and a batch of 1000
/// such spectra over 7 decades of resistance, serially and with Parallel.For over all cores (the ratio shows whether
/// both cores are used).
/// </summary>
[MemoryDiagnoser]
public class ImpedanceBenchmarks
{
    private Spectrum _one = null!;
    private Spectrum[] _batch = null!;

    [GlobalSetup]
    public void Setup() => (_one, _batch) = ImpedanceBenchmarkData.Make(1000);

    [Benchmark(Description = "fit 2-arc circuit, 60 points, auto guess (1 core)")]
    public double FitOne() => CircuitFitter.Fit(_one, ImpedanceBenchmarkData.TwoArcs).ChiSquare;

    [Benchmark(Description = "fit 1000 spectra (1 core, serial)")]
    public double FitBatchSerial()
    {
        double sum = 0;
        foreach (var s in _batch) sum += CircuitFitter.Fit(s, ImpedanceBenchmarkData.TwoArcs).ChiSquare;
        return sum;
    }

    [Benchmark(Description = "fit 1000 spectra (all cores)")]
    public double FitBatch()
    {
        var chi = new double[_batch.Length];
        Parallel.For(0, _batch.Length, i => chi[i] = CircuitFitter.Fit(_batch[i], ImpedanceBenchmarkData.TwoArcs).ChiSquare);
        return chi.Sum();
    }
}
