namespace Borolyte.Cycling;

/// <summary>
/// What the cell was doing at a data point. Sign convention of the whole module: positive current charges the cell
/// (it raises the cell voltage, i.e. oxidises the working electrode of a half cell: BioLogic's I &gt; 0, Arbin's and
/// Neware's charge current); negative current discharges it.
/// </summary>
public enum StepKind : byte
{
    /// <summary>Zero current before any current has flowed in the file (open-circuit period).</summary>
    Ocv,
    /// <summary>Zero current after current has flowed.</summary>
    Rest,
    ConstantCurrentCharge,
    ConstantCurrentDischarge,
    /// <summary>Voltage held, current decaying (either direction; the sign of the current tells which).</summary>
    ConstantVoltage,
}
