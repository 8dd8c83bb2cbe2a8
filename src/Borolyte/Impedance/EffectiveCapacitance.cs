namespace Borolyte.Impedance;

/// <summary>What a capacitance says about where an arc comes from (brick-layer model).</summary>
public enum CapacitanceOrigin { Bulk, GrainBoundary, SurfaceLayer, ElectrodeInterface, ElectrochemicalReaction }

/// <summary>
/// The effective capacitance of one capacitive element of a fitted circuit: <see cref="Element"/> (a CPE or a C), the
/// resistance it was paired with (the resistor in its parallel group, or for a CPE in series — a blocking electrode —
/// the sum of the circuit's resistors), C and its standard error from the fit covariance, C·L/A when the geometry is
/// known, and the brick-layer assignment.
/// </summary>
public sealed record ElementCapacitance(string Element, string Pairing, IReadOnlyList<string> Resistors, double CapacitanceF, double StdErrF,
    double? CapacitancePerCellConstantFPerCm, CapacitanceOrigin Origin);

/// <summary>Effective capacitance of an R‖CPE arc and its brick-layer assignment.</summary>
public static class EffectiveCapacitance
{
    /// <summary>camelCase name of an assignment for JSON ("bulk", "grainBoundary", …).</summary>
    public static string JsonName(CapacitanceOrigin origin) => origin switch
    {
        CapacitanceOrigin.Bulk => "bulk",
        CapacitanceOrigin.GrainBoundary => "grainBoundary",
        CapacitanceOrigin.SurfaceLayer => "surfaceLayer",
        CapacitanceOrigin.ElectrodeInterface => "electrodeInterface",
        _ => "electrochemicalReaction",
    };

    /// <summary>Words for tables ("bulk", "grain boundary", …).</summary>
    public static string Describe(CapacitanceOrigin origin) => origin switch
    {
        CapacitanceOrigin.Bulk => "bulk",
        CapacitanceOrigin.GrainBoundary => "grain boundary",
        CapacitanceOrigin.SurfaceLayer => "surface layer",
        CapacitanceOrigin.ElectrodeInterface => "electrode interface",
        _ => "electrochemical reaction",
    };

    /// <summary>
    /// Every CPE and C of a fitted circuit with its effective capacitance, in circuit order. A CPE in a parallel group
    /// with one resistor (R‖CPE) uses Brug's formula with that R; a CPE in series with the rest of the circuit (a
    /// blocking electrode) uses it with R = the sum of all resistors of the circuit (Brug 1984's blocking-electrode case,
    /// R_e the electrolyte resistance); a C is its own effective capacitance. CPEs elsewhere (in a group with several or
    /// no resistors, nested deeper) and CPEs with n outside (0, 1] are left out. The standard error propagates the fit
    /// covariance of (Q, n, R…) through ln C = ln Q/n + (1−n)/n·ln R to first order (GUM eq. 13).
    /// </summary>
    public static IReadOnlyList<ElementCapacitance> ForFit(CircuitFit fit, double? areaCm2 = null, double? thicknessMm = null)
    {
        var circuit = fit.Circuit;
        var names = circuit.ParameterNames.ToList();
        var allResistors = circuit.Elements.Where(e => e.Kind == Circuits.CircuitElementKind.R).Select(e => e.Name).ToList();
        var list = new List<ElementCapacitance>();
        void Walk(Circuits.CircuitNode node, Circuits.ParallelNode? group, bool topLevelSeries)
        {
            switch (node)
            {
                case Circuits.SeriesNode s:
                    foreach (var c in s.Children) Walk(c, group, topLevelSeries && group is null);
                    break;
                case Circuits.ParallelNode p:
                    foreach (var c in p.Children) Walk(c, p, false);
                    break;
                case Circuits.ElementNode e when e.Kind == Circuits.CircuitElementKind.C:
                {
                    int k = names.IndexOf(e.Name);
                    double c = fit.Parameters[k].Value;
                    list.Add(Make(e.Name, "capacitor", [], c, Math.Sqrt(Math.Max(fit.Covariance[k, k], 0))));
                    break;
                }
                case Circuits.ElementNode e when e.Kind == Circuits.CircuitElementKind.Cpe:
                {
                    List<string> resistors;
                    string pairing;
                    if (group is not null)
                    {
                        resistors = group.Children.OfType<Circuits.ElementNode>().Where(x => x.Kind == Circuits.CircuitElementKind.R).Select(x => x.Name).ToList();
                        if (resistors.Count != 1 || !group.Children.Contains(e)) return;
                        pairing = "parallel";
                    }
                    else if (topLevelSeries && allResistors.Count > 0)
                    {
                        resistors = allResistors;
                        pairing = "series";
                    }
                    else return;
                    int q = names.IndexOf(e.Name + "_0"), n = q + 1;
                    double qv = fit.Parameters[q].Value, nv = fit.Parameters[n].Value;
                    if (!(nv > 0 && nv <= 1)) return;
                    var rIdx = resistors.Select(r => names.IndexOf(r)).ToList();
                    double r = rIdx.Sum(i => fit.Parameters[i].Value);
                    if (!(r > 0) || !(qv > 0)) return;
                    double c = Brug(qv, nv, r);
                    // Gradient of ln C with respect to (Q, n, each R).
                    var idx = new List<int> { q, n };
                    var g = new List<double> { 1 / (nv * qv), -(Math.Log(qv) + Math.Log(r)) / (nv * nv) };
                    foreach (int i in rIdx) { idx.Add(i); g.Add((1 - nv) / (nv * r)); }
                    double variance = 0;
                    for (int a = 0; a < idx.Count; a++)
                        for (int b = 0; b < idx.Count; b++) variance += g[a] * g[b] * fit.Covariance[idx[a], idx[b]];
                    list.Add(Make(e.Name, pairing, resistors, c, c * Math.Sqrt(Math.Max(variance, 0))));
                    break;
                }
            }
        }
        ElementCapacitance Make(string element, string pairing, IReadOnlyList<string> resistors, double c, double err) =>
            new(element, pairing, resistors, c, err, areaCm2 is { } a && thicknessMm is { } t ? c * (t / 10) / a : null, Classify(c, areaCm2, thicknessMm));
        Walk(circuit.Tree, null, true);
        return list;
    }

    /// <summary>
    /// Brug's effective capacitance of a CPE (Q, n) in parallel with R: C = Q^(1/n)·R^((1−n)/n)
    /// (G.J. Brug et al., J. Electroanal. Chem. 176 (1984) 275, eq. 20; the same as C = (R·Q)^(1/n)/R). n = 1 gives C = Q.
    /// </summary>
    public static double Brug(double qSiemensSecN, double n, double resistanceOhm)
    {
        if (!(qSiemensSecN > 0) || !(resistanceOhm > 0) || !(n > 0 && n <= 1))
            throw new InvalidInputException($"Brug capacitance needs Q > 0, R > 0 and 0 < n ≤ 1 (got Q={qSiemensSecN}, n={n}, R={resistanceOhm})");
        return Math.Pow(qSiemensSecN, 1 / n) * Math.Pow(resistanceOhm, (1 - n) / n);
    }

    /// <summary>
    /// Assignment by capacitance normalised to a unit cell constant (C·L/A in F/cm; Irvine, Sinclair &amp; West,
    /// Adv. Mater. 2 (1990) 132, Table 1: bulk ~1e-12, grain boundary 1e-11–1e-8, surface layer 1e-9–1e-7,
    /// sample–electrode interface 1e-7–1e-5, electrochemical reaction ~1e-4 F/cm). Band edges used here:
    /// 1e-10, 1e-8, 1e-7, 1e-5 F/cm. Without geometry the raw capacitance is compared (a cell constant of 1 cm⁻¹).
    /// </summary>
    public static CapacitanceOrigin Classify(double capacitanceF, double? areaCm2 = null, double? thicknessMm = null)
    {
        double c = areaCm2 is { } a && thicknessMm is { } t ? capacitanceF * (t / 10) / a : capacitanceF;
        return c switch
        {
            < 1e-10 => CapacitanceOrigin.Bulk,
            < 1e-8 => CapacitanceOrigin.GrainBoundary,
            < 1e-7 => CapacitanceOrigin.SurfaceLayer,
            < 1e-5 => CapacitanceOrigin.ElectrodeInterface,
            _ => CapacitanceOrigin.ElectrochemicalReaction,
        };
    }
}
