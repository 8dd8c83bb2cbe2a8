namespace Borolyte.Cells.Simulation;

/// <summary>
/// An electrode's potential E (vs an alkali-metal reference in the electrolyte at its separator face) split into parts
/// that add up to E exactly: OCP at the bulk-average stoichiometry, solid-diffusion (surface vs bulk OCP, reaction-weighted),
/// charge-transfer kinetics, interfacial resistance, ohmic drop in the composite (electrolyte + electronic; the rest).
/// </summary>
public readonly record struct ElectrodeBreakdown(double PotentialV, double OcpV, double ConcentrationV, double KineticV, double InterfaceV, double OhmicV);
