using System.Globalization;

namespace Borolyte.Mechanics;

/// <summary>
/// The Monroe–Newman criterion: a solid electrolyte suppresses dendrites when its shear modulus is at least twice that of
/// the metal anode (Monroe &amp; Newman, J. Electrochem. Soc. 152 (2005) A396; seed 000 §3.3, ref. 194).
/// </summary>
public static class DendriteCriterion
{
    /// <summary>
    /// Shear modulus of polycrystalline Li metal at room temperature, 4.2 GPa (CRC Handbook of Chemistry and Physics,
    /// "Elastic constants of the elements"; consistent with seed 000 §3.3: "around 8 GPa" required for Li).
    /// </summary>
    public const double LithiumShearModulusGpa = 4.2;

    /// <summary>
    /// Shear modulus of polycrystalline Na metal at room temperature, 3.3 GPa (CRC Handbook of Chemistry and Physics,
    /// "Elastic constants of the elements"; consistent with seed 000 §3.3: "around 7 GPa" required for Na).
    /// </summary>
    public const double SodiumShearModulusGpa = 3.3;

    /// <summary>The ratio G_electrolyte / G_metal required (Monroe &amp; Newman 2005).</summary>
    public const double RequiredRatio = 2.0;

    /// <summary>Default shear modulus (GPa) of "Li" or "Na"; other metals need an explicit value.</summary>
    public static double DefaultMetalShearModulusGpa(string metal) => metal switch
    {
        "Li" => LithiumShearModulusGpa,
        "Na" => SodiumShearModulusGpa,
        _ => throw new InvalidInputException($"no default shear modulus for metal \"{metal}\"; expected Li or Na, or give the metal's shear modulus in GPa"),
    };

    /// <summary>Evaluate the criterion for an electrolyte shear modulus against a metal shear modulus (GPa; the metal's must be &gt; 0).</summary>
    public static DendriteVerdict Evaluate(double electrolyteShearModulusGpa, double metalShearModulusGpa)
    {
        if (!double.IsFinite(electrolyteShearModulusGpa)) // G ≤ 0 (a Born-unstable tensor) simply fails the criterion
            throw new InvalidInputException($"electrolyte shear modulus must be a finite number in GPa, got {electrolyteShearModulusGpa.ToString(CultureInfo.InvariantCulture)}");
        if (!(metalShearModulusGpa > 0) || !double.IsFinite(metalShearModulusGpa))
            throw new InvalidInputException($"metal shear modulus must be a finite number > 0 GPa, got {metalShearModulusGpa.ToString(CultureInfo.InvariantCulture)}");
        double required = RequiredRatio * metalShearModulusGpa; // Monroe & Newman 2005: G_SE ≥ 2 G_metal
        return new DendriteVerdict(electrolyteShearModulusGpa, metalShearModulusGpa, required, electrolyteShearModulusGpa >= required);
    }
}

/// <summary>Result of the Monroe–Newman check: the moduli compared, the required modulus and whether it is met.</summary>
public sealed record DendriteVerdict(double ElectrolyteShearModulusGpa, double MetalShearModulusGpa, double RequiredShearModulusGpa, bool Suppresses);
