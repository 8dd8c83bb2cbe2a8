using System.Collections.Immutable;
using System.Globalization;

namespace Borolyte.Cells.Protocols;

/// <summary>Recursive-descent parser of the one-string protocol form (see <see cref="Protocol"/>).</summary>
internal sealed class ProtocolParser
{
    private readonly string _text;
    private int _pos;
    private int _stepNumber;

    private ProtocolParser(string text) => _text = text;

    public static Protocol Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw new ProtocolParseException("protocol is empty: give steps separated by ';', e.g. \"Charge at 0.1C until 3.35 V; Rest for 10 minutes\"", 0, "", 1);
        var parser = new ProtocolParser(text);
        var items = parser.Sequence(depth: 0);
        return new Protocol(text, items);
    }

    private ProtocolParseException Error(string message) =>
        new($"protocol (character {_pos + 1}): {message}", _stepNumber, "", _pos + 1);

    /// <summary>item (';' item)* up to the end (depth 0) or a ')' (inside a group).</summary>
    private ImmutableArray<ProtocolItem> Sequence(int depth)
    {
        var items = ImmutableArray.CreateBuilder<ProtocolItem>();
        while (true)
        {
            SkipSpaces();
            items.Add(Item(depth));
            SkipSpaces();
            if (_pos >= _text.Length)
            {
                if (depth > 0) throw Error("a group opened with '(' is not closed with ')'");
                return items.ToImmutable();
            }
            char c = _text[_pos];
            if (c == ';') { _pos++; continue; }
            if (c == ')')
            {
                if (depth == 0) throw Error("')' without a matching '('");
                return items.ToImmutable();
            }
            throw Error($"expected ';' between steps, found '{c}'");
        }
    }

    private ProtocolItem Item(int depth)
    {
        if (_pos < _text.Length && _text[_pos] == '(')
        {
            int open = _pos;
            _pos++;
            SkipSpaces();
            if (_pos < _text.Length && _text[_pos] == ')') throw Error("empty group '()'");
            var inner = Sequence(depth + 1);
            _pos++; // ')'
            SkipSpaces();
            if (_pos >= _text.Length || _text[_pos] is not ('x' or 'X' or '×' or '*'))
                throw Error($"the group opened at character {open + 1} needs a repeat count after ')', e.g. ') x 100'");
            _pos++;
            SkipSpaces();
            int start = _pos;
            while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos])) _pos++;
            string digits = _text[start.._pos];
            if (digits.Length == 0)
                throw Error($"expected a whole number of repeats after 'x' (e.g. x 100), found '{Rest()}'");
            if (_pos < _text.Length && (_text[_pos] == '.' || char.IsLetter(_text[_pos])))
                throw Error($"the repeat count must be a whole number, found '{digits}{Rest()}'");
            if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int count) || count < 1)
                throw Error($"the repeat count must be a whole number from 1 to {int.MaxValue}, found '{digits}'");
            return new RepeatGroup(inner, count);
        }
        int stepStart = _pos;
        while (_pos < _text.Length && _text[_pos] is not (';' or '(' or ')')) _pos++;
        string stepText = _text[stepStart.._pos];
        _stepNumber++;
        if (_pos < _text.Length && _text[_pos] == '(')
            throw new ProtocolParseException(
                $"protocol step {_stepNumber} \"{stepText.Trim()}\" (character {_pos + 1}): '(' inside a step; separate a group from the step before with ';'",
                _stepNumber, stepText.Trim(), _pos + 1);
        if (stepText.Trim().Length == 0)
            throw new ProtocolParseException(
                $"protocol step {_stepNumber} (character {stepStart + 1}) is empty: two ';' in a row, or a ';' at the start or end of a group",
                _stepNumber, "", stepStart + 1);
        int leading = stepText.Length - stepText.TrimStart().Length;
        return StepParser.Parse(stepText, _stepNumber, stepStart + leading + 1);
    }

    private string Rest() => _text[_pos..Math.Min(_text.Length, _pos + 12)];

    private void SkipSpaces()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos])) _pos++;
    }
}
