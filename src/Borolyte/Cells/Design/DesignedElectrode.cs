namespace Borolyte.Cells.Design;

/// <summary>Where the electrolyte mass of an infiltrated electrode comes from.</summary>
public enum ElectrolyteMassSource { None, Expected, Measured }

/// <summary>
/// An electrode of a cell design: the cast electrode, its solution infiltration (if any), an optional measured
/// electrolyte content and its state after pressing (residual porosity or pressed thickness, if known).
/// </summary>
public sealed record DesignedElectrode
{
    public required Electrode Electrode { get; init; }
    public SolutionInfiltration? Infiltration { get; init; }
    /// <summary>Measured electrolyte mass / (active + binder + carbon) mass, seed 004's basis.</summary>
    public double? MeasuredElectrolyteToCompositeMassRatio { get; init; }
    /// <summary>Residual porosity after pressing, when stated (seed 004: 30–38 %).</summary>
    public double? PressedPorosity { get; init; }
    /// <summary>Thickness after pressing, when measured (m).</summary>
    public double? PressedThicknessM { get; init; }

    /// <summary>Electrolyte expected in the pores only (zero without infiltration).</summary>
    public InfiltrationEstimate Expected => Infiltration?.Expected(Electrode)
        ?? new InfiltrationEstimate(Electrode.CompositeLoadingKgPerM2, 0, 1, Electrode.Porosity, Electrode.ThicknessM);

    /// <summary>Excess outside the pores, when a measured content is given.</summary>
    public ExcessCoating? Excess => MeasuredElectrolyteToCompositeMassRatio is { } r && Infiltration is not null
        ? ExcessCoating.FromMeasuredRatio(Expected, r) : null;

    public ElectrolyteMassSource ElectrolyteSource =>
        MeasuredElectrolyteToCompositeMassRatio is not null ? ElectrolyteMassSource.Measured
        : Infiltration is not null ? ElectrolyteMassSource.Expected : ElectrolyteMassSource.None;

    /// <summary>Electrolyte in the electrode for mass and volume budgets: measured if given, else expected.</summary>
    public double ElectrolyteMassKgPerM2 => MeasuredElectrolyteToCompositeMassRatio is { } r
        ? r * Electrode.CompositeLoadingKgPerM2
        : Expected.ElectrolyteMassKgPerM2;

    private readonly double? electrolyteDensityKgPerM3;

    /// <summary>
    /// Density of the electrode's solid electrolyte (kg/m³): as set, else the infiltration's, else 1 (no electrolyte, so
    /// no volume). Set it for an electrode whose electrolyte content is given without an infiltration (a simulation spec's
    /// measured or intended ratio).
    /// </summary>
    public double ElectrolyteDensityKgPerM3
    {
        get => electrolyteDensityKgPerM3 ?? Infiltration?.ElectrolyteDensityKgPerM3 ?? 1;
        init => electrolyteDensityKgPerM3 = value;
    }

    /// <summary>A dense metal or alloy foil (no binder, carbon, pores or electrolyte); see <see cref="Electrode.Foil"/>.</summary>
    public bool IsFoil { get; init; }

    /// <summary>Dense volume per area of composite + electrolyte (m).</summary>
    public double DenseThicknessM => PressedElectrode.SolidThicknessM(Electrode.CompositeLoadingKgPerM2, Electrode.SolidDensityKgPerM3,
        ElectrolyteMassKgPerM2, ElectrolyteDensityKgPerM3);

    /// <summary>Residual porosity after pressing: from the measured pressed thickness, else as stated, else null.</summary>
    public double? ResidualPorosity => PressedThicknessM is { } t
        ? PressedElectrode.ResidualPorosity(DenseThicknessM, t)
        : PressedPorosity;

    /// <summary>Thickness in the stack: pressed thickness, else from the residual porosity, else the cast thickness.</summary>
    public double StackThicknessM => PressedThicknessM
        ?? (PressedPorosity is { } e ? PressedElectrode.ThicknessForResidualPorosity(DenseThicknessM, e) : Electrode.ThicknessM);

    /// <summary>Composite + electrolyte, kg/m².</summary>
    public double StackMassKgPerM2 => Electrode.CompositeLoadingKgPerM2 + ElectrolyteMassKgPerM2;

    /// <summary>The same electrode with another electrolyte of the same volume (mass scaled by the density ratio).</summary>
    public DesignedElectrode WithElectrolyteDensity(double densityKgPerM3)
    {
        if (Infiltration is null && MeasuredElectrolyteToCompositeMassRatio is null) return this;
        double scale = densityKgPerM3 / ElectrolyteDensityKgPerM3;
        return this with
        {
            Infiltration = Infiltration is null ? null
                : new SolutionInfiltration(Infiltration.ConcentrationKgPerM3 * scale, densityKgPerM3, Infiltration.Basis, Infiltration.Dips),
            MeasuredElectrolyteToCompositeMassRatio = MeasuredElectrolyteToCompositeMassRatio * scale,
            ElectrolyteDensityKgPerM3 = densityKgPerM3,
        };
    }
}
