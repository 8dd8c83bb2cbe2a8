using System.Numerics;
using BenchmarkDotNet.Attributes;
using Borolyte.Impedance;
using Borolyte.Impedance.Circuits;

namespace Borolyte.Bench;

/// <summary>
/// Circuit fitting: one 2-arc spectrum (R0-p(R1,CPE1)-p(R2,CPE2), 60 frequencies, 0.3 % noise) including the automatic
/// initial guess and multi-start screening, on one core; and a batch of 1000 such spectra over both cores.
/// </summary>
[MemoryDiagnoser]
public class ImpedanceBenchmarks
{
    private const string TwoArcs = "R0-p(R1,CPE1)-p(R2,CPE2)";
    private Spectrum _one = null!;
    private Spectrum[] _batch = null!;

    [GlobalSetup]
    public void Setup()
    {
        var f = Enumerable.Range(0, 60).Select(i => 1e7 * Math.Pow(1e-2 / 1e7, i / 59.0)).ToArray();
        var circuit = Circuit.Parse(TwoArcs);
        var rng = new Random(1);
        Spectrum Make(double scale)
        {
            var z = circuit.Predict(f, [50 * scale, 1e5 * scale, 2e-11 / scale, 0.95, 8e5 * scale, 5e-9 / scale, 0.85]);
            for (int i = 0; i < z.Length; i++)
                z[i] += new Complex(0.003 * z[i].Magnitude * (rng.NextDouble() - 0.5) * 3.46, 0.003 * z[i].Magnitude * (rng.NextDouble() - 0.5) * 3.46);
            return new Spectrum(f, z);
        }
        _one = Make(1);
        _batch = Enumerable.Range(0, 1000).Select(i => Make(Math.Pow(10, (i % 7) - 3))).ToArray();
    }

    [Benchmark(Description = "fit 2-arc circuit, 60 points, auto guess (1 core)")]
    public double FitOne() => CircuitFitter.Fit(_one, TwoArcs).ChiSquare;

    [Benchmark(Description = "fit 1000 spectra (all cores)")]
    public double FitBatch()
    {
        var chi = new double[_batch.Length];
        Parallel.For(0, _batch.Length, i => chi[i] = CircuitFitter.Fit(_batch[i], TwoArcs).ChiSquare);
        return chi.Sum();
    }
}
