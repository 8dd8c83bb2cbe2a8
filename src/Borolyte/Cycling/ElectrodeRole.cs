namespace Borolyte.Cycling;

/// <summary>
/// Which potential of a three-electrode run is looked at (BioLogic naming): the working electrode vs the reference
/// (Ewe), the counter electrode vs the reference (Ece), or the cell (Ewe − Ece). Positive current oxidises the working
/// electrode and reduces the counter electrode whatever the role looked at, so charge/discharge keep the cell's meaning.
/// </summary>
public enum ElectrodeRole
{
    Cell,
    Working,
    Counter,
}
