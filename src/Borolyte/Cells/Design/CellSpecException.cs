namespace Borolyte.Cells.Design;

/// <summary>A cell-design spec that cannot be used: the message names the file, line and field.</summary>
public sealed class CellSpecException(string message, Exception? inner = null) : InvalidInputException(message, inner!);
