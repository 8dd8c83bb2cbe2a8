namespace Borolyte.Cells.Simulation;

/// <summary>Mesh and step control of <see cref="CellSimulation"/>.</summary>
public sealed record SimulationOptions
{
    /// <summary>Finite volumes through each composite electrode's thickness.</summary>
    public int ThroughThicknessVolumes { get; init; } = 30;
    /// <summary>Radial shells per particle.</summary>
    public int RadialShells { get; init; } = 10;
    /// <summary>Local error allowed per step in the cell voltage (backward-Euler estimate), V.</summary>
    public double VoltageToleranceV { get; init; } = 1e-3;
    /// <summary>Largest change of any stoichiometry in one step.</summary>
    public double MaxStoichiometryChange { get; init; } = 0.02;
    /// <summary>Largest step as a fraction of the time a constant-current step at this current needs for the nominal capacity.</summary>
    public double MaxStepFractionOfNominal { get; init; } = 0.01;
    /// <summary>Event location: |V − V_cut-off| at the located end of a step, V.</summary>
    public double EventToleranceV { get; init; } = 1e-6;

    public void Validate()
    {
        if (ThroughThicknessVolumes < 2 || ThroughThicknessVolumes > 10000) throw new InvalidInputException($"through-thickness volumes must be 2–10000, got {ThroughThicknessVolumes}");
        if (RadialShells < 2 || RadialShells > 1000) throw new InvalidInputException($"radial shells must be 2–1000, got {RadialShells}");
        if (!(VoltageToleranceV > 0)) throw new InvalidInputException($"voltage tolerance must be greater than zero, got {VoltageToleranceV}");
        if (!(MaxStoichiometryChange > 0 && MaxStoichiometryChange <= 1)) throw new InvalidInputException($"max stoichiometry change must be in (0, 1], got {MaxStoichiometryChange}");
        if (!(MaxStepFractionOfNominal > 0)) throw new InvalidInputException($"max step fraction must be greater than zero, got {MaxStepFractionOfNominal}");
    }
}
