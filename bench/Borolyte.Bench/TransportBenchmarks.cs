using BenchmarkDotNet.Attributes;
using Borolyte.Transport;
using Borolyte.Transport.Nmr;
using Borolyte.Transport.Qens;

namespace Borolyte.Bench;

/// <summary>Transport fits: BPP R₁(T) at two frequencies, EISF model comparison, σ(T) model choice.</summary>
[MemoryDiagnoser]
public class TransportBenchmarks
{
    private List<RelaxationMeasurement> _r1 = [];
    private List<EisfMeasurement> _eisf = [];
    private List<ConductivityMeasurement> _sigma = [];
    private readonly ClosoAnion _b12 = ClosoAnion.B12H12();

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(1);
        double G() => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        // 42 points: one process (Eₐ 0.40 eV, τ₀ 1e-14 s) at 400 and 100 MHz, 3 % noise.
        foreach (double nu in new[] { 400e6, 100e6 })
            for (double t = 280; t <= 580; t += 15)
                _r1.Add(new RelaxationMeasurement(t, nu, BppRelaxation.Rate(4e10, BppRelaxation.AngularFrequency(nu), BppRelaxation.CorrelationTime(1e-14, 0.40, t)) * Math.Exp(0.03 * G())));
        _eisf = Enumerable.Range(0, 16).Select(i => 0.3e10 + 0.15e10 * i)
            .Select(q => new EisfMeasurement(q, 0.15 + 0.85 * Eisf.Evaluate(_b12, EisfModelKind.Multiaxial, q) + 0.01 * G(), 0.01)).ToList();
        _sigma = Enumerable.Range(0, 12).Select(i => 250.0 + 15 * i)
            .Select(t => new ConductivityMeasurement(t, 1e3 * Math.Exp(-(t < 340 ? 0.6 : 0.35) / (8.617333262e-5 * t)) * (t < 340 ? 1 : Math.Exp(-0.25 / (8.617333262e-5 * 340))) * Math.Exp(0.02 * G()))).ToList();
    }

    [Benchmark(Description = "BPP fit, 42 R1 points at 2 frequencies (21 starts + polish)")]
    public double BppFit() => BppFitter.Fit(_r1).Primary.ActivationEnergyEv;

    [Benchmark(Description = "BPP fit with transition detection")]
    public int BppDetect() => BppFitter.Fit(_r1, new BppFitOptions(DetectTransition: true)).Segments.Count;

    [Benchmark(Description = "EISF model comparison, [B12H12]2-, 16 Q, immobile fraction")]
    public EisfModelKind EisfFit() => EisfFitter.Fit(_b12, _eisf, fitImmobileFraction: true).Best.Model;

    [Benchmark(Description = "σ(T) auto model choice, 12 points")]
    public double ConductivityAuto() => ConductivityFitter.Fit(_sigma).Sigma25CSPerCm;
}
