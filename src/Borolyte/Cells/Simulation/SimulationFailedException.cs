namespace Borolyte.Cells.Simulation;

/// <summary>The simulation could not continue; the message names the protocol step and the reason in plain words.</summary>
public sealed class SimulationFailedException(string message) : InvalidInputException(message);
