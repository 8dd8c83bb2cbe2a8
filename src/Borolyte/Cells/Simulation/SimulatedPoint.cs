using Borolyte.Cycling;

namespace Borolyte.Cells.Simulation;

/// <summary>
/// One recorded point of a simulation (one accepted time step): time, cell current (A, + = charge), cell voltage, protocol
/// step number and kind, both electrode potentials against the reference at the positive electrode's separator face, the
/// electrodes' average stoichiometries, the separator's ohmic drop, both overpotential breakdowns, the positive electrode's
/// contact fraction and the cumulative parasitic charges (C).
/// </summary>
public readonly record struct SimulatedPoint(
    double TimeS, double CurrentA, double VoltageV, int Step, StepKind Kind, double PositivePotentialV, double NegativePotentialV,
    double PositiveStoichiometry, double NegativeStoichiometry, double SeparatorOhmicV, ElectrodeBreakdown PositiveBreakdown,
    ElectrodeBreakdown NegativeBreakdown, double ContactFraction, double PositiveParasiticChargeC, double NegativeParasiticChargeC);

/// <summary>Where <see cref="CellSimulation"/> sends its points: kept in memory (<see cref="SimulatedTimeSeries"/>) or streamed.</summary>
public interface ISimulationRecorder
{
    void Add(in SimulatedPoint point);
}
