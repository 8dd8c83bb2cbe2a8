namespace Borolyte.Impedance;

/// <summary>What a capacitance says about where an arc comes from (brick-layer model).</summary>
public enum CapacitanceOrigin { Bulk, GrainBoundary, SurfaceLayer, ElectrodeInterface, ElectrochemicalReaction }

/// <summary>Effective capacitance of an R‖CPE arc and its brick-layer assignment.</summary>
public static class EffectiveCapacitance
{
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
