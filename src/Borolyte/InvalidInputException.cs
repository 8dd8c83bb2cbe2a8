namespace Borolyte;

/// <summary>
/// Bad input that a person can fix: a malformed formula, a file with a missing column, an
/// impossible recipe. The message is one line that names the file, line, field or position.
/// Front ends print the message alone and exit with code 1.
/// </summary>
public class InvalidInputException : Exception
{
    public InvalidInputException(string message) : base(message) { }
    public InvalidInputException(string message, Exception inner) : base(message, inner) { }
}
