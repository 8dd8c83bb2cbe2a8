namespace Borolyte.Impedance;

/// <summary>Ionic conductivity of a pellet with its standard uncertainty, in S/cm.</summary>
public sealed record PelletConductivity(double ConductivitySPerCm, double StdErrSPerCm, double ResistanceOhm, double ResistanceStdErrOhm, IReadOnlyList<string> Resistors)
{
    /// <summary>
    /// σ = L/(R·A) (cell constant L/A over the ionic resistance; review §2.1 reports σ in S/cm) with first-order error
    /// propagation (σ_σ/σ)² = (σ_R/R)² + (σ_L/L)² + (σ_A/A)² (JCGM 100:2008 (GUM) eq. 10 for a product of powers).
    /// </summary>
    public static PelletConductivity From(double resistanceOhm, double resistanceStdErrOhm, double areaCm2, double thicknessMm,
        double areaStdErrCm2 = 0, double thicknessStdErrMm = 0, IReadOnlyList<string>? resistors = null)
    {
        CheckGeometry(areaCm2, thicknessMm, areaStdErrCm2, thicknessStdErrMm);
        if (!(resistanceOhm > 0)) throw new InvalidInputException($"ionic resistance must be positive, got {resistanceOhm} Ω");
        double lengthCm = thicknessMm / 10;
        double sigma = lengthCm / (resistanceOhm * areaCm2);
        double rel = Math.Sqrt(Sq(resistanceStdErrOhm / resistanceOhm) + Sq(thicknessStdErrMm / thicknessMm) + Sq(areaStdErrCm2 / areaCm2));
        return new PelletConductivity(sigma, sigma * rel, resistanceOhm, resistanceStdErrOhm, resistors ?? []);
    }

    /// <summary>Positive area and thickness, finite non-negative standard errors (the messages name the CLI options).</summary>
    public static void CheckGeometry(double areaCm2, double thicknessMm, double areaStdErrCm2 = 0, double thicknessStdErrMm = 0)
    {
        if (!(areaCm2 > 0) || !double.IsFinite(areaCm2)) throw new InvalidInputException($"--area-cm2 must be positive, got {areaCm2}");
        if (!(thicknessMm > 0) || !double.IsFinite(thicknessMm)) throw new InvalidInputException($"--thickness-mm must be positive, got {thicknessMm}");
        if (!(areaStdErrCm2 >= 0) || !double.IsFinite(areaStdErrCm2)) throw new InvalidInputException($"--area-err-cm2 must be zero or positive, got {areaStdErrCm2}");
        if (!(thicknessStdErrMm >= 0) || !double.IsFinite(thicknessStdErrMm)) throw new InvalidInputException($"--thickness-err-mm must be zero or positive, got {thicknessStdErrMm}");
    }

    /// <summary>
    /// From a circuit fit: R is the sum of the resistors named in <paramref name="resistorNames"/>, by default every
    /// resistor inside a parallel group (the bulk and grain-boundary arcs of the brick-layer model) or, in a circuit
    /// without arcs, the series resistors (the high-frequency intercept of a blocking-electrode spike). The variance of
    /// the sum uses the fit's full covariance.
    /// </summary>
    public static PelletConductivity FromFit(CircuitFit fit, double areaCm2, double thicknessMm, IReadOnlyList<string>? resistorNames = null,
        double areaStdErrCm2 = 0, double thicknessStdErrMm = 0)
    {
        var names = resistorNames is { Count: > 0 } ? resistorNames.ToList() : DefaultResistors(fit.Circuit);
        if (names.Count == 0) throw new InvalidInputException($"circuit {fit.Circuit.Text} has no resistor to take the ionic resistance from");
        var index = names.Select(n =>
        {
            int k = fit.Circuit.ParameterNames.ToList().IndexOf(n);
            if (k < 0 || !fit.Circuit.ParameterUnits[k].Equals("Ohm"))
                throw new InvalidInputException($"'{n}' is not a resistance of circuit {fit.Circuit.Text}");
            return k;
        }).ToList();
        double r = index.Sum(k => fit.Parameters[k].Value);
        double variance = index.Sum(a => index.Sum(b => fit.Covariance[a, b]));
        return From(r, Math.Sqrt(Math.Max(variance, 0)), areaCm2, thicknessMm, areaStdErrCm2, thicknessStdErrMm, names);
    }

    public static List<string> DefaultResistors(Circuits.Circuit circuit)
    {
        var inArcs = new List<string>();
        var series = new List<string>();
        void Walk(Circuits.CircuitNode node, bool inParallel)
        {
            switch (node)
            {
                case Circuits.ElementNode e when e.Kind == Circuits.CircuitElementKind.R: (inParallel ? inArcs : series).Add(e.Name); break;
                case Circuits.ElementNode e when e.Kind == Circuits.CircuitElementKind.Zarc || e.Kind == Circuits.CircuitElementKind.H:
                    inArcs.Add(e.Name + "_0"); break;
                case Circuits.SeriesNode s: foreach (var c in s.Children) Walk(c, inParallel); break;
                case Circuits.ParallelNode p: foreach (var c in p.Children) Walk(c, true); break;
            }
        }
        Walk(circuit.Tree, false);
        return inArcs.Count > 0 ? inArcs : series;
    }

    private static double Sq(double x) => x * x;
}
