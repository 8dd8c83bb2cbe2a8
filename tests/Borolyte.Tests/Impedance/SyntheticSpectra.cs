using System.Numerics;
using Borolyte.Impedance;
using Borolyte.Impedance.Circuits;

namespace Borolyte.Tests.Impedance;

/// <summary>Synthetic spectra: a circuit evaluated on log-spaced frequencies with seeded multiplicative Gaussian noise.</summary>
public static class SyntheticSpectra
{
    public static double[] LogFrequencies(double fMaxHz, double fMinHz, int count) =>
        Enumerable.Range(0, count).Select(i => fMaxHz * Math.Pow(fMinHz / fMaxHz, i / (count - 1.0))).ToArray();

    public static Spectrum Make(string circuit, double[] parameters, double[] frequencies, double relativeNoise, int seed)
    {
        var z = Circuit.Parse(circuit).Predict(frequencies, parameters);
        var rng = new Random(seed);
        for (int i = 0; i < z.Length; i++)
        {
            double m = z[i].Magnitude;
            z[i] += new Complex(relativeNoise * m * Gaussian(rng), relativeNoise * m * Gaussian(rng));
        }
        return new Spectrum(frequencies, z, new SpectrumMetadata(Format: "synthetic"));
    }

    public static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
