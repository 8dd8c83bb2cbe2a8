namespace Borolyte.Cells.Design;

/// <summary>Electrolyte in an infiltrated electrode, per electrode area, with the two ways of quoting it.</summary>
public sealed record InfiltrationEstimate(
    double CompositeMassKgPerM2,
    double ElectrolyteMassKgPerM2,
    double ElectrolyteDensityKgPerM3,
    double CastPorosity,
    double CastThicknessM)
{
    /// <summary>m_SE / m_composite: seed 004's basis for its measured 15–17 wt% ("relative to the combined mass of active material, binder, and carbon").</summary>
    public double ElectrolyteToCompositeMassRatio => ElectrolyteMassKgPerM2 / CompositeMassKgPerM2;

    /// <summary>m_SE / (m_SE + m_composite): the electrolyte's mass fraction of the infiltrated electrode.</summary>
    public double ElectrolyteMassFraction => ElectrolyteMassKgPerM2 / (ElectrolyteMassKgPerM2 + CompositeMassKgPerM2);

    /// <summary>Dense electrolyte volume per area, m_SE/ρ_SE.</summary>
    public double ElectrolyteVolumePerAreaM => ElectrolyteMassKgPerM2 / ElectrolyteDensityKgPerM3;

    /// <summary>Fraction of the cast pore volume the dried electrolyte occupies.</summary>
    public double PoreFilling => ElectrolyteVolumePerAreaM / (CastPorosity * CastThicknessM);

    /// <summary>Open porosity left in the unpressed electrode after drying: ε − V_SE/t.</summary>
    public double OpenPorosityAfterDrying => CastPorosity - ElectrolyteVolumePerAreaM / CastThicknessM;

    /// <summary>Ratio from a mass fraction: r = w/(1 − w).</summary>
    public static double RatioFromMassFraction(double w) => w / (1.0 - w);

    /// <summary>Mass fraction from a ratio: w = r/(1 + r).</summary>
    public static double MassFractionFromRatio(double r) => r / (1.0 + r);
}
