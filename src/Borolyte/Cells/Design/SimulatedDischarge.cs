using System.Globalization;
using Borolyte.Cells.Protocols;
using Borolyte.Cells.Simulation;

namespace Borolyte.Cells.Design;

/// <summary>
/// A cell design's discharge taken from the simulator (issue 5 §1: "the spec names an average discharge voltage and
/// capacity, or takes them from a simulation"): the discharge capacity per gram of the simulated cell's active material
/// and its average discharge voltage (discharge energy / discharge capacity) in one cycle of the cycling module's
/// per-cycle summary of the run. Specific energy at cathode-active level is then q·V̄ = the cycle's discharge energy per
/// gram of active material.
/// </summary>
public sealed record SimulatedDischarge
{
    /// <summary>The simulated cell's name (a preset name, or the preset an inline spec started from).</summary>
    public required string Cell { get; init; }
    /// <summary>The protocol as run (canonical text).</summary>
    public required string Protocol { get; init; }
    public required double TemperatureK { get; init; }
    /// <summary>The cycle whose discharge is used (1-based, as in the per-cycle summary).</summary>
    public required int Cycle { get; init; }
    /// <summary>Discharge capacity per mass of the simulated cell's (cathode) active material, C/kg.</summary>
    public required double DischargeCapacityCPerKg { get; init; }
    public required double AverageDischargeVoltageV { get; init; }
    /// <summary>Active-material loading of the simulated cell (kg/m²), to compare with the design's.</summary>
    public required double SimulatedActiveLoadingKgPerM2 { get; init; }
    public required double WallTimeMs { get; init; }
    public IReadOnlyList<string> Notes { get; init; } = [];
    /// <summary>The cell as simulated (for a design: the designed geometry, see <see cref="DesignedCellSimulation"/>).</summary>
    public CellParameters? SimulatedCell { get; init; }

    public double DischargeCapacityMAhPerG => DischargeCapacityCPerKg / CellUnits.CPerKgPerMAhPerG;

    /// <summary>
    /// The default protocol: one cycle at <paramref name="cRate"/> within the preset's voltage window, charge first (a cell
    /// starts as assembled, the cathode fully sodiated; seed 004 §2 reports the full cell's first cycles at 0.1C).
    /// </summary>
    public static string DefaultProtocol(double cRate, double minVoltageV, double maxVoltageV) =>
        string.Create(CultureInfo.InvariantCulture,
            $"Charge at {cRate:R}C until {maxVoltageV:R} V; Discharge at {cRate:R}C until {minVoltageV:R} V");

    /// <summary>
    /// Runs <paramref name="protocol"/> on <paramref name="cell"/> and takes cycle <paramref name="cycle"/>'s discharge.
    /// Throws <see cref="SimulationFailedException"/> when the simulator fails and <see cref="InvalidInputException"/> when
    /// the run has no such cycle or no discharge in it, or the cell has no active mass (no capacity per gram).
    /// </summary>
    public static SimulatedDischarge Run(CellParameters cell, Protocol protocol, int cycle = 1, SimulationOptions? options = null)
    {
        if (cycle < 1) throw new InvalidInputException($"cycle must be ≥ 1, got {cycle}");
        if (!(cell.ActiveLoadingKgPerM2 > 0))
            throw new InvalidInputException($"the simulated cell '{cell.Name}' has no active-material mass, so no capacity per gram");
        var result = CellSimulation.Run(cell, protocol, options);
        var rows = result.Summary.Cycles;
        var row = rows.FirstOrDefault(r => r.Cycle == cycle)
            ?? throw new InvalidInputException($"the simulation of '{cell.Name}' has cycles {string.Join(", ", rows.Select(r => r.Cycle))}, not cycle {cycle}");
        if (row.DischargeSpecificCapacityMAhPerG is not { } q || !(q > 0) || row.AverageDischargeVoltageV is not { } v)
            throw new InvalidInputException($"cycle {cycle} of the simulation of '{cell.Name}' has no discharge (protocol \"{protocol.Canonical}\")");
        return new SimulatedDischarge
        {
            Cell = cell.Name,
            Protocol = protocol.Canonical,
            TemperatureK = cell.TemperatureK,
            Cycle = cycle,
            DischargeCapacityCPerKg = q * CellUnits.CPerKgPerMAhPerG,
            AverageDischargeVoltageV = v,
            SimulatedActiveLoadingKgPerM2 = cell.ActiveLoadingKgPerM2,
            WallTimeMs = result.WallTimeMs,
            Notes = result.Notes,
            SimulatedCell = cell,
        };
    }
}
