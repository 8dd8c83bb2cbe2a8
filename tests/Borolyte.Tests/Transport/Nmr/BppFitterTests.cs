using Borolyte.Transport.Nmr;

namespace Borolyte.Tests.Transport.Nmr;

public class BppFitterTests
{
    private const double K = 8.617333262e-5; // eV/K, CODATA 2018 (independent of PhysicalConstants)

    private static double Gaussian(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    /// <summary>R₁ of one BPP process written out independently of the library.</summary>
    private static double R1(double c, double tau0, double ea, double t, double nuHz)
    {
        double w = 2 * Math.PI * nuHz, tau = tau0 * Math.Exp(ea / (K * t));
        return c * (tau / (1 + w * w * tau * tau) + 4 * tau / (1 + 4 * w * w * tau * tau));
    }

    internal static List<RelaxationMeasurement> Synthetic(Func<double, double, double> r1, IEnumerable<double> temps, double[] nus, double noise, int seed)
    {
        var rng = new Random(seed);
        return nus.SelectMany(nu => temps.Select(t => new RelaxationMeasurement(t, nu, r1(t, nu) * Math.Exp(noise * Gaussian(rng))))).ToList();
    }

    [Fact]
    public void Recovers_known_parameters_from_noisy_data_at_two_frequencies()
    {
        const double c = 4e10, tau0 = 1e-14, ea = 0.40;
        var pts = Synthetic((t, nu) => R1(c, tau0, ea, t, nu), Enumerable.Range(0, 21).Select(i => 280.0 + 15 * i), [400e6, 100e6], 0.03, seed: 7);
        var fit = BppFitter.Fit(pts);
        var p = fit.Primary;
        Assert.Single(fit.Segments);
        Assert.InRange(Math.Abs(p.ActivationEnergyEv - ea), 0, 4 * p.ActivationEnergyStdErrEv);
        Assert.Equal(ea, p.ActivationEnergyEv, 0.01);
        Assert.InRange(Math.Abs(Math.Log(p.Tau0S / tau0)), 0, 4 * p.LnTau0StdErr);
        Assert.InRange(Math.Abs(Math.Log(p.CouplingPerS2 / c)), 0, 4 * p.LnCouplingStdErr);
        // Peak temperature at 400 MHz from the truth: T = Eₐ/(k ln(0.6158/(ωτ₀))).
        double tp = ea / (K * Math.Log(0.6158 / (2 * Math.PI * 400e6 * tau0)));
        var (peak, peakErr) = fit.PrimaryPeak();
        Assert.InRange(Math.Abs(peak - tp), 0, Math.Max(4 * peakErr, 0.5));
        Assert.InRange(fit.ReducedChiSquare, 0.03 * 0.03 * 0.5, 0.03 * 0.03 * 1.6);
        // Jump rates τ⁻¹(T) at the measured temperatures.
        var rates = fit.JumpRates();
        Assert.Equal(21, rates.Count);
        Assert.Equal(1 / (tau0 * Math.Exp(ea / (K * 400))), rates.Single(r => r.TemperatureK == 400).RateHz, 0.15 * rates.Single(r => r.TemperatureK == 400).RateHz);
        // Both flanks give Eₐ in the BPP model.
        Assert.Contains(fit.Segments[0].Flanks, f => f.Limit == "slow" && Math.Abs(f.ActivationEnergyEv - ea) < 0.03);
    }

    [Fact]
    public void A_wrong_model_Ea_would_be_rejected_by_the_data()
    {
        // Same data, fit must not be fooled by a start far away: truth 0.25 eV, τ₀ 1e-12 s.
        var pts = Synthetic((t, nu) => R1(2e10, 1e-12, 0.25, t, nu), Enumerable.Range(0, 25).Select(i => 150.0 + 10 * i), [200e6, 28e6], 0.02, seed: 3);
        var fit = BppFitter.Fit(pts);
        Assert.Equal(0.25, fit.Primary.ActivationEnergyEv, 0.01);
        Assert.NotEqual(0.40, fit.Primary.ActivationEnergyEv, 0.05);
    }

    [Fact]
    public void Two_processes_are_separated()
    {
        // A fast [BH4]−-like process and a slower cage reorientation (cf. Na3(BH4)(B12H12): 0.16 and 0.32 eV).
        double F(double t, double nu) => R1(3e9, 1e-13, 0.16, t, nu) + R1(2e10, 1e-15, 0.32, t, nu);
        var pts = Synthetic(F, Enumerable.Range(0, 40).Select(i => 90.0 + 10 * i), [400e6, 60e6], 0.02, seed: 11);
        var fit = BppFitter.Fit(pts, new BppFitOptions(Processes: 2));
        var procs = fit.Segments[0].Processes;
        Assert.Equal(2, procs.Count);
        Assert.Equal(0.16, procs[0].ActivationEnergyEv, 0.015);
        Assert.Equal(0.32, procs[1].ActivationEnergyEv, 0.02);
    }

    [Fact]
    public void Detects_the_discontinuity_of_an_order_disorder_transition()
    {
        // Low-T phase: slow reorientation, 0.75 eV; above 523 K a phase with faster jumps, 0.27 eV (cf. Na2B12H12, review Fig. 5).
        const double tt = 523;
        double F(double t, double nu) => t < tt ? R1(3e10, 1e-17, 0.75, t, nu) : R1(3e10, 4e-14, 0.27, t, nu);
        var temps = Enumerable.Range(0, 24).Select(i => 380.0 + 10 * i).ToList();
        var pts = Synthetic(F, temps, [90e6, 23.8e6], 0.03, seed: 5);
        var fit = BppFitter.Fit(pts, new BppFitOptions(DetectTransition: true));
        var transition = Assert.Single(fit.Transitions);
        Assert.InRange(transition.TemperatureK, 520, 530);
        Assert.Equal(0.75, fit.Segments[0].Processes[0].ActivationEnergyEv, 0.05);
        Assert.Equal(0.27, fit.Segments[1].Processes[0].ActivationEnergyEv, 0.05);
        // The jump rate leaps at the transition: τ⁻¹(530 K, high phase)/τ⁻¹(520 K, low phase) = 12.6 for the true parameters.
        var rates = fit.JumpRates();
        double below = rates.Last(r => r.TemperatureK < tt).RateHz, above = rates.First(r => r.TemperatureK > tt).RateHz;
        double truthRatio = 1e-17 * Math.Exp(0.75 / (K * 520)) / (4e-14 * Math.Exp(0.27 / (K * 530)));
        Assert.InRange(above / below / truthRatio, 0.7, 1.4);
        // The high-T phase covers the fast-motion flank only; with C carried over from the low-T phase its jump rates are determined.
        double truthAbove = 1 / (4e-14 * Math.Exp(0.27 / (K * 530)));
        Assert.InRange(rates.Single(r => r.TemperatureK == 530).RateHz / truthAbove, 0.7, 1.4);
        Assert.Contains(fit.Warnings, w => w.Contains("same dipolar coupling"));

        var none = BppFitter.Fit(Synthetic((t, nu) => R1(3e10, 1e-14, 0.4, t, nu), temps, [90e6, 23.8e6], 0.03, seed: 5), new BppFitOptions(DetectTransition: true));
        Assert.Empty(none.Transitions);
    }

    [Fact]
    public void Given_transition_splits_the_data()
    {
        double F(double t, double nu) => t < 500 ? R1(3e10, 1e-17, 0.75, t, nu) : R1(3e10, 4e-14, 0.27, t, nu);
        var pts = Synthetic(F, Enumerable.Range(0, 24).Select(i => 380.0 + 10 * i), [90e6], 0.01, seed: 2);
        var fit = BppFitter.Fit(pts, new BppFitOptions(TransitionK: 500));
        Assert.Equal(2, fit.Segments.Count);
        Assert.Equal(490, fit.Segments[0].TMaxK);
        Assert.Equal(500, fit.Segments[1].TMinK);
    }

    [Fact]
    public void One_flank_data_give_Ea_and_a_warning()
    {
        // 250–330 K at 400 MHz: ωτ from 3e3 down to ~50, deep in the slow-motion limit.
        var pts = Synthetic((t, nu) => R1(4e10, 1e-14, 0.4, t, nu), Enumerable.Range(0, 9).Select(i => 250.0 + 10 * i), [400e6], 0.02, seed: 4);
        var fit = BppFitter.Fit(pts);
        Assert.Equal(0.4, fit.Primary.ActivationEnergyEv, 0.02);
        Assert.Contains(fit.Warnings, w => w.Contains("only the slow-motion flank"));
        var slow = Assert.Single(fit.Segments[0].Flanks);
        Assert.Equal("slow", slow.Limit);
        Assert.Equal(0.4, slow.ActivationEnergyEv, 0.02);
    }

    [Fact]
    public void Sparse_frequencies_do_not_break_the_starts()
    {
        // Three processes, 10 points spread over five frequencies (two each): no frequency has three points.
        double F(double t, double nu) => R1(3e10, 1e-14, 0.4, t, nu);
        var pts = new[] { 400e6, 300e6, 200e6, 100e6, 50e6 }.SelectMany((nu, i) => new[] { 300.0 + 20 * i, 500.0 - 20 * i }
            .Select(t => new RelaxationMeasurement(t, nu, F(t, nu)))).ToList();
        var fit = BppFitter.Fit(pts, new BppFitOptions(Processes: 3));
        Assert.Equal(3, fit.Segments[0].Processes.Count);
        Assert.True(fit.WeightedSse < 1e-3, $"SSE {fit.WeightedSse}");
    }

    [Fact]
    public void Too_few_points_is_an_input_error()
    {
        var pts = Synthetic((t, nu) => R1(3e10, 1e-14, 0.4, t, nu), [300, 350, 400], [400e6], 0.01, seed: 1);
        var ex = Assert.Throws<InvalidInputException>(() => BppFitter.Fit(pts));
        Assert.Contains("at least 4 points", ex.Message);
    }
}
