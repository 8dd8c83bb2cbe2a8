namespace Borolyte.Cells.Protocols;

/// <summary>A malformed protocol: the one-line message names the step (its number and text) and the character position.</summary>
public sealed class ProtocolParseException(string message, int stepNumber, string stepText, int position)
    : InvalidInputException(message)
{
    /// <summary>1-based number of the step in the protocol text (steps counted in the order written; 0 if not inside a step).</summary>
    public int StepNumber { get; } = stepNumber;
    public string StepText { get; } = stepText;
    /// <summary>1-based character position in the protocol string.</summary>
    public int Position { get; } = position;
}
