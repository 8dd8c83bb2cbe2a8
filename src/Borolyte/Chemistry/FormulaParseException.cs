namespace Borolyte.Chemistry;

/// <summary>A formula that cannot be parsed. The message is one line naming the 1-based position and what was found there.</summary>
public sealed class FormulaParseException : InvalidInputException
{
    public FormulaParseException(string formula, int position, string problem)
        : base($"formula \"{formula}\": {problem} at position {position}")
    {
        FormulaText = formula;
        Position = position;
        Problem = problem;
    }

    /// <summary>The text that was being parsed.</summary>
    public string FormulaText { get; }

    /// <summary>1-based character position of the problem.</summary>
    public int Position { get; }

    /// <summary>The problem without the formula and position, e.g. <c>unknown element "X"</c>.</summary>
    public string Problem { get; }
}
