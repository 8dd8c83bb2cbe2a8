namespace Borolyte.Cells.Design;

/// <summary>
/// Solution infiltration as in seed 004 (§2 and §4.3): a porous cast electrode is dipped into a solution of the
/// electrolyte's precursors (Na2B12H12 + Na2B10H10 in isopropanol, 100 mg/mL), the solution fills the open pores, the
/// solvent evaporates and the solute crystallises as the electrolyte inside the pores.
/// <para>Model ("pores filled only", the assumption behind the paper's expected ~8 wt%, whose Supporting-Information
/// calculation is not part of the seed text): one dip fills the pore volume V_p = ε·t with solution holding c_s kg of
/// solute per m³ of solution; all solvent leaves; all solute stays, so m_SE = c_s·ε·t and the dried electrolyte fills a
/// fraction f = c_s/ρ_SE of the pores. With k dips (drying in between, each refilling the still-open pores) the open
/// pore volume shrinks by (1 − f) per dip: m_SE = ρ_SE·ε·t·(1 − (1 − f)^k), which is c_s·ε·t for k = 1. Seed 004
/// dips once ("dipped for 10 min", §4.3). Nothing outside the pores is counted: a film left on the surface is the
/// "excess" of <see cref="ExcessCoating"/>.</para>
/// </summary>
public sealed record SolutionInfiltration
{
    public double ConcentrationKgPerM3 { get; }
    public ConcentrationBasis Basis { get; }
    /// <summary>Density of the crystallised electrolyte (also the solute volume used to convert a per-solvent concentration).</summary>
    public double ElectrolyteDensityKgPerM3 { get; }
    public int Dips { get; }

    public SolutionInfiltration(double concentrationKgPerM3, double electrolyteDensityKgPerM3,
        ConcentrationBasis basis = ConcentrationBasis.PerSolventVolume, int dips = 1)
    {
        if (!double.IsFinite(concentrationKgPerM3) || !(concentrationKgPerM3 > 0))
            throw new InvalidInputException($"solution concentration must be greater than zero, got {concentrationKgPerM3}");
        if (!double.IsFinite(electrolyteDensityKgPerM3) || !(electrolyteDensityKgPerM3 > 0))
            throw new InvalidInputException($"electrolyte density must be greater than zero, got {electrolyteDensityKgPerM3}");
        if (dips < 1) throw new InvalidInputException($"number of dips must be at least 1, got {dips}");
        ConcentrationKgPerM3 = concentrationKgPerM3;
        ElectrolyteDensityKgPerM3 = electrolyteDensityKgPerM3;
        Basis = basis;
        Dips = dips;
        if (SoluteKgPerM3OfSolution >= electrolyteDensityKgPerM3)
            throw new InvalidInputException(
                $"solution concentration {concentrationKgPerM3} mg/mL would leave more solid than the pore volume holds (electrolyte density {electrolyteDensityKgPerM3 / 1000} g/cm³)");
    }

    /// <summary>c_s, solute per volume of solution: c, or c/(1 + c/ρ_SE) for a per-solvent concentration (additive volumes).</summary>
    public double SoluteKgPerM3OfSolution => Basis == ConcentrationBasis.PerSolutionVolume
        ? ConcentrationKgPerM3
        // 1 m³ solvent + c/ρ m³ solute holds c kg in (1 + c/ρ) m³ of solution (additive volumes)
        : ConcentrationKgPerM3 / (1.0 + ConcentrationKgPerM3 / ElectrolyteDensityKgPerM3);

    /// <summary>f = c_s/ρ_SE, the fraction of the open pore volume one dip fills with dense electrolyte.</summary>
    public double PoreFillFractionPerDip => SoluteKgPerM3OfSolution / ElectrolyteDensityKgPerM3;

    /// <summary>The electrolyte expected in the pores of <paramref name="electrode"/> (cast porosity, unpressed).</summary>
    public InfiltrationEstimate Expected(Electrode electrode)
    {
        double poreVolume = electrode.PoreVolumePerAreaM;
        // m_SE = ρ_SE · V_p · (1 − (1 − f)^k); k = 1 gives c_s · V_p (pores filled with solution, solvent evaporated)
        double filledFraction = 1.0 - Math.Pow(1.0 - PoreFillFractionPerDip, Dips);
        double electrolyteMass = ElectrolyteDensityKgPerM3 * poreVolume * filledFraction;
        return new InfiltrationEstimate(electrode.CompositeLoadingKgPerM2, electrolyteMass, ElectrolyteDensityKgPerM3,
            electrode.Porosity, electrode.ThicknessM);
    }
}
