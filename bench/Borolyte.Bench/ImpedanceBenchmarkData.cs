using System.Numerics;
using Borolyte.Impedance;
using Borolyte.Impedance.Circuits;

namespace Borolyte.Bench;

/// <summary>
/// The benchmark spectra, generated identically here and in bench/impedance_scipy.py (the scipy comparison): circuit
/// R0-p(R1,CPE1)-p(R2,CPE2) with R0 = 50s Ω, R1 = 1e5s Ω, Q1 = 2e-11/s, n1 = 0.95, R2 = 8e5s Ω, Q2 = 5e-9/s, n2 = 0.85,
/// 60 frequencies log-spaced from 10 MHz to 10 mHz, and uniform noise of standard deviation 0.3 % of |Z| on each part.
/// Spectrum k has scale s = 10^((k mod 7) − 3) (1 mΩ·… to 1 kΩ·… pellets: 7 decades); spectrum "one" is s = 1.
/// The noise comes from SplitMix64 (Steele, Lea &amp; Flood, OOPSLA 2014), seeded 1, so Python reproduces it bit for bit.
/// </summary>
public static class ImpedanceBenchmarkData
{
    public const string TwoArcs = "R0-p(R1,CPE1)-p(R2,CPE2)";
    public const int Points = 60;

    public static double[] Frequencies() => Enumerable.Range(0, Points).Select(i => 1e7 * Math.Pow(1e-2 / 1e7, i / (Points - 1.0))).ToArray();

    public static double[] TrueParameters(double scale) => [50 * scale, 1e5 * scale, 2e-11 / scale, 0.95, 8e5 * scale, 5e-9 / scale, 0.85];

    public static double Scale(int k) => Math.Pow(10, (k % 7) - 3);

    /// <summary>The "one" spectrum (scale 1, first draws of the generator) followed by <paramref name="batch"/> batch spectra.</summary>
    public static (Spectrum One, Spectrum[] Batch) Make(int batch)
    {
        var f = Frequencies();
        var circuit = Circuit.Parse(TwoArcs);
        var rng = new SplitMix64(1);
        Spectrum Make(double scale)
        {
            var z = circuit.Predict(f, TrueParameters(scale));
            for (int i = 0; i < z.Length; i++)
            {
                double m = z[i].Magnitude;
                double re = 0.003 * m * (rng.NextDouble() - 0.5) * Math.Sqrt(12);
                double im = 0.003 * m * (rng.NextDouble() - 0.5) * Math.Sqrt(12);
                z[i] += new Complex(re, im);
            }
            return new Spectrum(f, z);
        }
        var one = Make(1);
        return (one, Enumerable.Range(0, batch).Select(k => Make(Scale(k))).ToArray());
    }

    /// <summary>SplitMix64: 64-bit state, doubles from the top 53 bits.</summary>
    private sealed class SplitMix64(ulong seed)
    {
        private ulong _state = seed;

        public double NextDouble()
        {
            ulong z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (z >> 11) * (1.0 / (1UL << 53));
        }
    }
}
