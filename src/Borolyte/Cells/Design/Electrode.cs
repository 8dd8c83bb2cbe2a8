namespace Borolyte.Cells.Design;

/// <summary>
/// A slurry-cast composite electrode as cast and dried (before infiltration): composition by mass, component
/// densities, active-material loading, nominal specific capacity and thickness. Porosity follows from the solid
/// volume per area and the thickness; create it from either (<see cref="FromThickness"/>, <see cref="FromPorosity"/>).
/// </summary>
public sealed record Electrode
{
    public required string ActiveMaterial { get; init; }
    public required ElectrodeComposition Composition { get; init; }
    public required ComponentDensities Densities { get; init; }
    /// <summary>Active-material mass per electrode area, kg/m².</summary>
    public required double ActiveLoadingKgPerM2 { get; init; }
    /// <summary>Nominal (practical, as given) specific capacity of the active material, C/kg: defines 1C.</summary>
    public required double SpecificCapacityCPerKg { get; init; }
    /// <summary>Theoretical capacity (Faraday's law) of the active material, C/kg, when known.</summary>
    public double? TheoreticalCapacityCPerKg { get; init; }
    /// <summary>Cast (as-dried, unpressed) thickness, m.</summary>
    public required double ThicknessM { get; init; }

    /// <summary>Active loading from a stated loading: composite loading × active mass fraction when the basis is Composite.</summary>
    public static double ActiveLoadingKgPerM2From(double loadingKgPerM2, LoadingBasis basis, ElectrodeComposition composition) =>
        basis == LoadingBasis.ActiveMaterial ? loadingKgPerM2 : loadingKgPerM2 * composition.ActiveMassFraction;

    /// <summary>Electrode of the given cast thickness; porosity follows.</summary>
    public static Electrode FromThickness(string activeMaterial, ElectrodeComposition composition, ComponentDensities densities,
        double loadingKgPerM2, LoadingBasis basis, double specificCapacityCPerKg, double thicknessM, double? theoreticalCapacityCPerKg = null)
    {
        var e = Create(activeMaterial, composition, densities, loadingKgPerM2, basis, specificCapacityCPerKg, thicknessM, theoreticalCapacityCPerKg);
        if (!(thicknessM > e.SolidThicknessM))
            throw new InvalidInputException(
                $"thickness {thicknessM * 1e6:0.###} µm is not larger than the solid volume per area {e.SolidThicknessM * 1e6:0.###} µm of the {activeMaterial} electrode: porosity would be ≤ 0");
        return e;
    }

    /// <summary>Electrode of the given cast porosity (0 ≤ ε &lt; 1); thickness follows.</summary>
    public static Electrode FromPorosity(string activeMaterial, ElectrodeComposition composition, ComponentDensities densities,
        double loadingKgPerM2, LoadingBasis basis, double specificCapacityCPerKg, double porosity, double? theoreticalCapacityCPerKg = null)
    {
        if (!double.IsFinite(porosity) || porosity < 0 || porosity >= 1)
            throw new InvalidInputException($"porosity must be in [0, 1), got {porosity}");
        var solid = Create(activeMaterial, composition, densities, loadingKgPerM2, basis, specificCapacityCPerKg, 1.0, theoreticalCapacityCPerKg);
        return solid with { ThicknessM = ThicknessForPorosity(solid.SolidThicknessM, porosity) };
    }

    /// <summary>
    /// A dense metal or alloy foil (Na, Li, a Na–Sn alloy): all active material, no binder or carbon, porosity 0, so the
    /// loading is ρ·t and the thickness m/ρ.
    /// </summary>
    public static Electrode Foil(string material, double densityKgPerM3, double loadingKgPerM2, double specificCapacityCPerKg, double? theoreticalCapacityCPerKg = null)
    {
        if (!double.IsFinite(densityKgPerM3) || !(densityKgPerM3 > 0)) throw new InvalidInputException($"density must be greater than zero, got {densityKgPerM3}");
        // Pure active material: w = 1:0:0, ρ_solid = ρ; t = m/ρ (porosity 0).
        return FromPorosity(material, ElectrodeComposition.FromParts(1, 0, 0), new ComponentDensities(densityKgPerM3, densityKgPerM3, densityKgPerM3),
            loadingKgPerM2, LoadingBasis.ActiveMaterial, specificCapacityCPerKg, 0, theoreticalCapacityCPerKg);
    }

    private static Electrode Create(string activeMaterial, ElectrodeComposition composition, ComponentDensities densities,
        double loadingKgPerM2, LoadingBasis basis, double specificCapacityCPerKg, double thicknessM, double? theoretical)
    {
        densities.Validated();
        if (!double.IsFinite(loadingKgPerM2) || !(loadingKgPerM2 > 0)) throw new InvalidInputException($"loading must be greater than zero, got {loadingKgPerM2}");
        if (!double.IsFinite(specificCapacityCPerKg) || !(specificCapacityCPerKg > 0)) throw new InvalidInputException($"specific capacity must be greater than zero, got {specificCapacityCPerKg}");
        if (!double.IsFinite(thicknessM) || !(thicknessM > 0)) throw new InvalidInputException($"thickness must be greater than zero, got {thicknessM}");
        return new Electrode
        {
            ActiveMaterial = activeMaterial,
            Composition = composition,
            Densities = densities,
            ActiveLoadingKgPerM2 = ActiveLoadingKgPerM2From(loadingKgPerM2, basis, composition),
            SpecificCapacityCPerKg = specificCapacityCPerKg,
            TheoreticalCapacityCPerKg = theoretical,
            ThicknessM = thicknessM,
        };
    }

    /// <summary>Dry composite (active + binder + carbon) mass per area: m_A / w_active.</summary>
    public double CompositeLoadingKgPerM2 => ActiveLoadingKgPerM2 / Composition.ActiveMassFraction;

    /// <summary>Binder volume per active-material volume, (w_b/ρ_b)/(w_am/ρ_am).</summary>
    public double BinderToActiveVolumeRatio => Composition.BinderMassFraction / Densities.BinderKgPerM3 / (Composition.ActiveMassFraction / Densities.ActiveKgPerM3);

    /// <summary>Pore-free density of the composite, 1/ρ = Σ wᵢ/ρᵢ.</summary>
    public double SolidDensityKgPerM3 => Densities.SolidDensityKgPerM3(Composition);

    /// <summary>Solid volume per area (the thickness at zero porosity): m_composite / ρ_solid.</summary>
    public double SolidThicknessM => CompositeLoadingKgPerM2 / SolidDensityKgPerM3;

    /// <summary>Cast porosity ε = 1 − V_solid / V_electrode = 1 − (m/ρ_solid) / t.</summary>
    public double Porosity => PorosityForThickness(SolidThicknessM, ThicknessM);

    /// <summary>Pore volume per area, ε·t (m³/m²).</summary>
    public double PoreVolumePerAreaM => ThicknessM - SolidThicknessM;

    /// <summary>Nominal areal capacity Q_A = m_A·q (C/m²).</summary>
    public double ArealCapacityCPerM2 => CRate.ArealCapacityCPerM2(ActiveLoadingKgPerM2, SpecificCapacityCPerKg);

    /// <summary>Theoretical areal capacity m_A·q_theo (C/m²), when the theoretical capacity is known.</summary>
    public double? TheoreticalArealCapacityCPerM2 => TheoreticalCapacityCPerKg * ActiveLoadingKgPerM2;

    public double ActiveLoadingMgPerCm2 => ActiveLoadingKgPerM2 / CellUnits.KgPerM2PerMgPerCm2;
    public double CompositeLoadingMgPerCm2 => CompositeLoadingKgPerM2 / CellUnits.KgPerM2PerMgPerCm2;
    public double ArealCapacityMAhPerCm2 => ArealCapacityCPerM2 / CellUnits.CPerM2PerMAhPerCm2;
    public double ThicknessUm => ThicknessM / CellUnits.MPerUm;

    /// <summary>Current density (A/m²) at a C-rate, on this electrode's nominal areal capacity (see <see cref="CRate"/>).</summary>
    public double CurrentDensityAPerM2(double cRate) => CRate.CurrentDensityAPerM2(ArealCapacityCPerM2, cRate);

    /// <summary>C-rate of a current density (A/m²) on this electrode's nominal areal capacity.</summary>
    public double CRateOf(double currentDensityAPerM2) => CRate.OfCurrentDensity(currentDensityAPerM2, ArealCapacityCPerM2);

    /// <summary>ε = 1 − t_solid / t (porosity of a layer of thickness t holding a solid volume t_solid per area).</summary>
    public static double PorosityForThickness(double solidThicknessM, double thicknessM) => 1.0 - solidThicknessM / thicknessM;

    /// <summary>t = t_solid / (1 − ε) (the inverse of <see cref="PorosityForThickness"/>).</summary>
    public static double ThicknessForPorosity(double solidThicknessM, double porosity) => solidThicknessM / (1.0 - porosity);
}
