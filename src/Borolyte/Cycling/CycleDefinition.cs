namespace Borolyte.Cycling;

/// <summary>How data points are grouped into cycles.</summary>
public enum CycleDefinition
{
    /// <summary>The instrument's own cycle counter (Arbin Cycle_Index, Neware Cycle Index, BDF cycle_count, ...).</summary>
    Instrument,
    /// <summary>A cycle is a charge half cycle and the discharge that follows; a new cycle starts at each discharge→charge switch.</summary>
    ChargeFirst,
    /// <summary>A cycle is a discharge half cycle and the charge that follows (anode half cells, lithiation first).</summary>
    DischargeFirst,
}
