namespace Borolyte.Cells.Design;

/// <summary>
/// A single-layer all-solid-state cell as built in the lab (seed 004 §4.4): cathode | separator pellet | anode with one
/// current collector per electrode, plus the discharge it delivers (capacity per gram of cathode active material and
/// average discharge voltage) from which its specific energy follows. Immutable; evaluate with <see cref="Energy"/>.
/// </summary>
public sealed record CellDesign
{
    public string Name { get; init; } = "";
    public required DesignedElectrode Cathode { get; init; }
    public required DesignedElectrode Anode { get; init; }
    public required CellLayer Separator { get; init; }
    public IReadOnlyList<CellLayer> CurrentCollectors { get; init; } = [];
    /// <summary>Discharge capacity per mass of cathode active material, C/kg.</summary>
    public required double DischargeCapacityCPerKgCathodeActive { get; init; }
    public required double AverageDischargeVoltageV { get; init; }
    /// <summary>The simulation the discharge capacity and voltage were taken from; null when the spec gives them.</summary>
    public SimulatedDischarge? SimulatedDischarge { get; init; }

    /// <summary>The anode's target n/p when the spec sets its loading from one (anode.targetNpRatio); null otherwise.</summary>
    public double? TargetNpRatio { get; init; }

    /// <summary>"spec" (capacity and voltage written in the spec) or "simulation" (<see cref="SimulatedDischarge"/>).</summary>
    public string DischargeSource => SimulatedDischarge is null ? "spec" : "simulation";

    /// <summary>n/p on the electrodes' practical (nominal) capacities.</summary>
    public double NpRatio => ElectrodeBalance.NpRatio(Anode.Electrode, Cathode.Electrode, CapacityBasis.Practical);

    /// <summary>n/p on theoretical capacities, when both active materials have one.</summary>
    public double? TheoreticalNpRatio =>
        Anode.Electrode.TheoreticalArealCapacityCPerM2 is { } n && Cathode.Electrode.TheoreticalArealCapacityCPerM2 is { } p ? n / p : null;

    public CellEnergy Energy() => CellEnergy.Of(this);

    /// <summary>
    /// The same cell with every solid electrolyte (infiltrated and separator) replaced by one of another density at the
    /// same volume — the comparison of seed 004 §1 and seed 000 §2.2 (hydroborates &lt; 1.2 g/cm³ vs sulfides, oxides).
    /// </summary>
    public CellDesign WithElectrolyteDensity(double densityKgPerM3)
    {
        if (!double.IsFinite(densityKgPerM3) || !(densityKgPerM3 > 0)) throw new InvalidInputException($"electrolyte density must be greater than zero, got {densityKgPerM3}");
        return this with
        {
            Cathode = Cathode.WithElectrolyteDensity(densityKgPerM3),
            Anode = Anode.WithElectrolyteDensity(densityKgPerM3),
            Separator = Separator with { DensityKgPerM3 = densityKgPerM3 },
        };
    }

    /// <summary>The same cell with a separator of another thickness.</summary>
    public CellDesign WithSeparatorThickness(double thicknessM) =>
        this with { Separator = (Separator with { ThicknessM = thicknessM }).Validated() };
}
