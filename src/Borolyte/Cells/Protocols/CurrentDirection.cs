namespace Borolyte.Cells.Protocols;

/// <summary>Charge (alkali ions leave the positive electrode) or discharge.</summary>
public enum CurrentDirection { Charge, Discharge }
