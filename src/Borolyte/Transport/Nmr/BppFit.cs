namespace Borolyte.Transport.Nmr;

/// <summary>One thermally activated jump process of a BPP fit: Eₐ (eV), τ₀ (s), coupling C (s⁻²), with standard errors (ln τ₀ and ln C are fitted, so their errors are relative).</summary>
public sealed record BppProcess(double ActivationEnergyEv, double ActivationEnergyStdErrEv, double Tau0S, double LnTau0StdErr, double CouplingPerS2, double LnCouplingStdErr)
{
    /// <summary>Correlation time τ(T) = τ₀·exp(Eₐ/k_BT) in s.</summary>
    public double CorrelationTimeS(double temperatureK) => BppRelaxation.CorrelationTime(Tau0S, ActivationEnergyEv, temperatureK);

    /// <summary>Jump rate τ⁻¹(T) in s⁻¹ (review §2.1).</summary>
    public double JumpRateHz(double temperatureK) => 1 / CorrelationTimeS(temperatureK);

    /// <summary>Temperature where ωτ = 0.6158 at this Larmor frequency (NaN when never reached).</summary>
    public double PeakTemperatureK(double larmorHz) => BppRelaxation.PeakTemperatureK(Tau0S, ActivationEnergyEv, larmorHz);
}

/// <summary>
/// An apparent activation energy from the slope of ln R₁ against 1/T on one flank (common slope, one intercept per Larmor
/// frequency): "slow" uses points with fitted ωτ ≥ 10 (R₁ ∝ ω⁻²τ⁻¹), "fast" points with ωτ ≤ 0.1 (R₁ ∝ τ) (review §2.1).
/// </summary>
public sealed record FlankActivation(string Limit, double ActivationEnergyEv, double ActivationEnergyStdErrEv, int PointCount);

/// <summary>
/// The BPP model of one temperature range (one phase): a sum of jump processes. <see cref="Covariance"/> is over the
/// fitted vector (ln C, ln τ₀, Eₐ) per process, in that order.
/// </summary>
public sealed record BppSegment(double TMinK, double TMaxK, IReadOnlyList<BppProcess> Processes, double[,] Covariance,
    IReadOnlyList<FlankActivation> Flanks, double WeightedSse, int PointCount)
{
    /// <summary>R₁(T, ν) = Σₖ Cₖ·J(ω, τₖ(T)) in s⁻¹.</summary>
    public double Rate(double temperatureK, double larmorHz)
    {
        double omega = BppRelaxation.AngularFrequency(larmorHz), r = 0;
        foreach (var p in Processes) r += BppRelaxation.Rate(p.CouplingPerS2, omega, p.CorrelationTimeS(temperatureK));
        return r;
    }
}

/// <summary>An R₁ discontinuity between two measured temperatures (review §2.1: R₁ "drops discontinuously … upon the phase transition").</summary>
public sealed record RelaxationTransition(double TemperatureK, double TemperatureStdErrK, bool Detected);

/// <summary>
/// A fitted R₁(T, ω) data set. The primary process (<see cref="Primary"/>) is the one whose R₁ maximum at the first Larmor
/// frequency falls inside its segment's temperature range (largest C if several), else the first process of the first
/// segment; the CLI's headline numbers are its Eₐ, τ₀ and peak temperature.
/// </summary>
public sealed record BppFit(
    IReadOnlyList<BppSegment> Segments,
    IReadOnlyList<RelaxationTransition> Transitions,
    IReadOnlyList<double> LarmorHz,
    IReadOnlyList<RelaxationMeasurement> Points,
    double WeightedSse,
    double ReducedChiSquare,
    double Aicc,
    int PrimarySegment,
    int PrimaryProcess,
    IReadOnlyList<string> Warnings)
{
    public BppProcess Primary => Segments[PrimarySegment].Processes[PrimaryProcess];

    /// <summary>The segment that describes temperature T.</summary>
    public int SegmentIndex(double temperatureK)
    {
        int s = 0;
        foreach (var t in Transitions) if (temperatureK >= t.TemperatureK) s++;
        return s;
    }

    public double Rate(double temperatureK, double larmorHz) => Segments[SegmentIndex(temperatureK)].Rate(temperatureK, larmorHz);

    /// <summary>Peak temperature of the primary process at the first Larmor frequency, with its standard error from (Eₐ, ln τ₀) covariance.</summary>
    public (double TemperatureK, double StdErrK) PrimaryPeak()
    {
        var p = Primary;
        double t = p.PeakTemperatureK(LarmorHz[0]);
        if (double.IsNaN(t)) return (double.NaN, double.NaN);
        // T = Eₐ/(k_B·L), L = ln(x*/(ωτ₀)): ∂T/∂Eₐ = 1/(k_B L), ∂T/∂ln τ₀ = Eₐ/(k_B L²).
        double l = p.ActivationEnergyEv / (PhysicalConstants.BoltzmannEvPerK * t);
        double dEa = 1 / (PhysicalConstants.BoltzmannEvPerK * l), dLnTau = p.ActivationEnergyEv / (PhysicalConstants.BoltzmannEvPerK * l * l);
        var cov = Segments[PrimarySegment].Covariance;
        int b = 3 * PrimaryProcess;
        double v = dEa * dEa * cov[b + 2, b + 2] + dLnTau * dLnTau * cov[b + 1, b + 1] + 2 * dEa * dLnTau * cov[b + 1, b + 2];
        return (t, Math.Sqrt(Math.Max(v, 0)));
    }

    /// <summary>τ⁻¹ of the primary process index at each distinct measured temperature, each from the segment (phase) that holds it.</summary>
    public IReadOnlyList<(double TemperatureK, double RateHz)> JumpRates() =>
        Points.Select(p => p.TemperatureK).Distinct().Order()
            .Select(t =>
            {
                var seg = Segments[SegmentIndex(t)];
                var proc = seg.Processes[Math.Min(PrimaryProcess, seg.Processes.Count - 1)];
                return (t, proc.JumpRateHz(t));
            }).ToList();
}

/// <summary>Options of <see cref="BppFitter.Fit"/>.</summary>
/// <param name="Processes">Number of jump processes (BPP terms) per segment, 1–3.</param>
/// <param name="TransitionK">A known transition temperature: the two phases are fitted separately.</param>
/// <param name="DetectTransition">Look for one discontinuity between consecutive temperatures and keep it when AICc improves.</param>
public sealed record BppFitOptions(int Processes = 1, double? TransitionK = null, bool DetectTransition = false);
