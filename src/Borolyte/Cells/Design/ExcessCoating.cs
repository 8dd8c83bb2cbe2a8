namespace Borolyte.Cells.Design;

/// <summary>
/// From a measured electrolyte content, how much lies outside the pores. Seed 004 §2 measured 15–17 wt% (relative to
/// active + binder + carbon) against ~8 wt% expected, and attributes the difference to electrolyte coated on the
/// electrode surface (boron EDXS map, Fig. S2). Excess = measured − expected (pores filled only); it is negative when
/// less electrolyte was found than the pores alone would hold.
/// </summary>
public sealed record ExcessCoating(InfiltrationEstimate Expected, double MeasuredElectrolyteToCompositeMassRatio)
{
    public static ExcessCoating FromMeasuredRatio(InfiltrationEstimate expected, double measuredRatio)
    {
        if (!double.IsFinite(measuredRatio) || measuredRatio < 0)
            throw new InvalidInputException($"measured electrolyte mass ratio must be ≥ 0, got {measuredRatio}");
        return new ExcessCoating(expected, measuredRatio);
    }

    /// <summary>Measured electrolyte mass per area, r_measured·m_composite.</summary>
    public double MeasuredElectrolyteMassKgPerM2 => MeasuredElectrolyteToCompositeMassRatio * Expected.CompositeMassKgPerM2;

    /// <summary>(r_measured − r_expected)·m_composite, kg/m².</summary>
    public double ExcessMassKgPerM2 => MeasuredElectrolyteMassKgPerM2 - Expected.ElectrolyteMassKgPerM2;

    /// <summary>Share of the measured electrolyte that is outside the pores.</summary>
    public double ExcessShareOfMeasured => MeasuredElectrolyteMassKgPerM2 > 0 ? ExcessMassKgPerM2 / MeasuredElectrolyteMassKgPerM2 : 0;

    /// <summary>Thickness of a dense surface film holding the excess, m_excess/ρ_SE (m).</summary>
    public double EquivalentDenseLayerThicknessM => ExcessMassKgPerM2 / Expected.ElectrolyteDensityKgPerM3;

    public double MeasuredElectrolyteMassFraction => InfiltrationEstimate.MassFractionFromRatio(MeasuredElectrolyteToCompositeMassRatio);
}
