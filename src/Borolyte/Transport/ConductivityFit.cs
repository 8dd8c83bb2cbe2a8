namespace Borolyte.Transport;

/// <summary>σ(T) models (see <see cref="ConductivityFitter"/>).</summary>
public enum ConductivityModelKind { Arrhenius, ArrheniusT, Vtf, Piecewise }

/// <summary>One Arrhenius segment. For the σT form the prefactor is A in S·K/cm (σ = A/T·exp(−Eₐ/k_BT)); otherwise σ₀ in S/cm.</summary>
public sealed record ArrheniusSegment(double TMinK, double TMaxK, double ActivationEnergyEv, double ActivationEnergyStdErrEv, double PrefactorSPerCm, bool TimesT, WeightedLine Line)
{
    public double LnConductivity(double temperatureK) => Line.Predict(1 / temperatureK) - (TimesT ? Math.Log(temperatureK) : 0);
}

/// <summary>An order–disorder transition: where σ jumps, and by how many decades (high-T line minus low-T line at T_t).</summary>
public sealed record PhaseTransition(double TemperatureK, double TemperatureStdErrK, double JumpDecades, double JumpStdErrDecades);

/// <summary>
/// A break of the piecewise model without a significant jump (|jump| &lt; 2 standard errors): only the slope changes, from
/// <see cref="ActivationEnergyBelowEv"/> to <see cref="ActivationEnergyAboveEv"/> — curvature, not a phase transition.
/// </summary>
public sealed record ArrheniusKink(double TemperatureK, double TemperatureStdErrK, double JumpDecades, double JumpStdErrDecades,
    double ActivationEnergyBelowEv, double ActivationEnergyAboveEv);

/// <summary>A fitted σ(T) model with σ(25 °C) and its 95 % confidence interval.</summary>
public sealed record ConductivityFit(
    ConductivityModelKind Model,
    IReadOnlyList<ArrheniusSegment> Segments,
    IReadOnlyList<PhaseTransition> Transitions,
    double Sigma25CSPerCm,
    double Sigma25CLowerSPerCm,
    double Sigma25CUpperSPerCm,
    double Aicc,
    IReadOnlyDictionary<ConductivityModelKind, double> AiccByModel,
    IReadOnlyList<ConductivityMeasurement> Points,
    IReadOnlyList<string> Warnings) : IConductivityModel
{
    /// <summary>VTF only: T₀ in K, pseudo-activation energy B in eV (first segment holds B and A).</summary>
    public double? VtfT0K { get; init; }

    /// <summary>Piecewise only: the breaks that are slope changes without a significant jump (not listed in <see cref="Transitions"/>).</summary>
    public IReadOnlyList<ArrheniusKink> Kinks { get; init; } = [];

    /// <summary>Piecewise only: every break between segments (transitions and kinks), ascending; segment k lies below break k.</summary>
    public IReadOnlyList<double> BreakTemperaturesK { get; init; } = [];

    public static string ModelName(ConductivityModelKind kind) => kind switch
    {
        ConductivityModelKind.Arrhenius => "arrhenius",
        ConductivityModelKind.ArrheniusT => "arrhenius-t",
        ConductivityModelKind.Vtf => "vtf",
        _ => "piecewise",
    };

    public static ConductivityModelKind? ParseModel(string name) => name switch
    {
        "arrhenius" => ConductivityModelKind.Arrhenius,
        "arrhenius-t" => ConductivityModelKind.ArrheniusT,
        "vtf" => ConductivityModelKind.Vtf,
        "piecewise" => ConductivityModelKind.Piecewise,
        _ => null,
    };

    /// <summary>The model's σ(T) in S/m (below a VTF fit's T₀: NaN, no conduction).</summary>
    public double ConductivitySPerM(double temperatureK) => ConductivitySPerCm(temperatureK) * 100;

    /// <summary>The model's σ(T) in S/cm.</summary>
    public double ConductivitySPerCm(double temperatureK)
    {
        if (Model == ConductivityModelKind.Vtf)
        {
            var s = Segments[0];
            return Math.Exp(s.Line.Predict(1 / (temperatureK - VtfT0K!.Value)));
        }
        var breaks = BreakTemperaturesK.Count > 0 ? BreakTemperaturesK : Transitions.Select(t => t.TemperatureK).ToList();
        int k = 0;
        while (k < breaks.Count && k + 1 < Segments.Count && temperatureK >= breaks[k]) k++;
        return Math.Exp(Segments[k].LnConductivity(temperatureK));
    }
}
