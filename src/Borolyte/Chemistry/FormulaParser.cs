using System.Globalization;

namespace Borolyte.Chemistry;

/// <summary>
/// Hand-written recursive-descent parser behind <see cref="Formula.Parse"/>.
/// Grammar (whitespace allowed only around the whole formula):
/// <code>
/// formula   := part (SEP part)*                     SEP = '·' | '•' | '∙' | '*'
/// part      := [coefficient] prefix* sequence [charge]   (a coefficient only after SEP, e.g. ·2H2O)
/// sequence  := (element [number] | '(' prefix* sequence ')' [number] | '[' prefix* sequence ']' [number])+
/// prefix    := locants '-' | word '-'               locants = digits (',' digits)*, word = closo|nido|arachno|...
/// number    := digits ['.' digits] ['/' digits]     must be &gt; 0
/// charge    := [digits] sign                        after ')' or ']', or after an element count: "[B12H12]2-", "BH4-"
///            | '^' ['{'] [digits] sign ['}']        "B12H12^2-", "B12H12^{2-}"
/// </code>
/// Amounts are accumulated into one array per nesting depth indexed by atomic number, so parsing allocates little
/// beyond the result.
/// </summary>
internal sealed class FormulaParser
{
    private static readonly HashSet<string> PrefixWords = new(StringComparer.Ordinal)
    {
        "closo", "nido", "arachno", "hypho", "klado", "conjuncto", "commo", "n", "i", "iso", "o", "m", "p",
        "ortho", "meta", "para", "anti", "syn", "exo", "endo",
    };

    private const int Slots = 119;

    private readonly string _text;      // original text (positions are reported against it)
    private readonly string _shown;     // trimmed text, used in messages
    private int _pos;
    private readonly int _end;
    private readonly int _offset;       // index of the first non-blank character; positions count from it
    private readonly List<double[]> _levels = [];
    private readonly List<FormulaUnit> _units = [];
    private readonly List<HydratePart> _hydrates = [];
    private double[]? _ungrouped;       // top-level atoms outside brackets of the main part

    private FormulaParser(string text)
    {
        _text = text;
        _shown = text.Trim();
        int start = 0, end = text.Length;
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        _pos = start;
        _end = end;
        _offset = start;
    }

    public static Formula Parse(string? text)
    {
        text ??= "";
        var parser = new FormulaParser(text);
        return parser.ParseFormula();
    }

    private Formula ParseFormula()
    {
        if (_pos >= _end)
            throw Error(_text.Length == 0 ? "formula is empty" : "formula is blank (only whitespace)", Math.Max(_pos, 0));

        var total = new double[Slots];
        var main = new double[Slots];
        _ungrouped = new double[Slots];
        int charge = ParsePart(isMain: true, main, out bool explicitCharge, out _);
        Add(total, main, 1);
        var mainComposition = Composition.FromAtomicNumberArray(main);
        var ungroupedComposition = Composition.FromAtomicNumberArray(_ungrouped);
        if (!ungroupedComposition.IsEmpty)
            _units.Insert(0, new FormulaUnit(ungroupedComposition.HillFormula, ungroupedComposition, 1, IsBracketed: false));
        _ungrouped = null;

        while (_pos < _end && IsSeparator(_text[_pos]))
        {
            int sepPos = _pos;
            _pos++;
            if (_pos >= _end) throw Error($"nothing after the separator \"{_text[sepPos]}\"", sepPos);
            int partStart = _pos;
            var part = new double[Slots];
            charge += ParsePart(isMain: false, part, out bool partCharge, out double coefficient);
            explicitCharge |= partCharge;
            Add(total, part, 1);
            var perUnit = new double[Slots];
            Add(perUnit, part, 1 / coefficient);
            _hydrates.Add(new HydratePart(_text[partStart.._pos], coefficient, Composition.FromAtomicNumberArray(perUnit)));
        }

        if (_pos < _end) throw Error($"unexpected \"{_text[_pos]}\"", _pos);

        return new Formula(_shown, Composition.FromAtomicNumberArray(total), charge, explicitCharge,
            mainComposition, _units.ToArray(), _hydrates.ToArray());
    }

    // Parses one part into `into` (coefficient applied); returns its charge.
    private int ParsePart(bool isMain, double[] into, out bool explicitCharge, out double coefficient)
    {
        coefficient = 1;
        if (!isMain && IsDigit(Peek()) && !LooksLikeLocant())
            coefficient = ParseNumber("coefficient");
        SkipPrefixes(allowLeadingNumberError: isMain);

        var level = Level(0);
        Array.Clear(level);
        _pendingCharge = null;
        int sequenceStart = _pos;
        ParseSequence(0, isMain);
        if (_pos == sequenceStart)
            throw Error(_pos < _end ? $"expected an element symbol, found \"{_text[_pos]}\"" : "expected an element symbol after the prefix", _pos);

        int charge = 0;
        explicitCharge = false;
        if (_pendingCharge is { } pending)
        {
            charge = pending;
            explicitCharge = true;
        }
        else if (_pos < _end && IsChargeStart(_text[_pos]))
        {
            charge = ParseCharge(magnitudeFromGroup: null);
            explicitCharge = true;
        }
        _pendingCharge = null;
        if (explicitCharge && _pos < _end && !IsSeparator(_text[_pos]))
            throw Error($"charge must come at the end of the formula, found \"{_text[_pos]}\" after it", _pos);

        Add(into, level, coefficient);
        return charge;
    }

    private int? _pendingCharge;

    private void ParseSequence(int depth, bool isMain)
    {
        var level = Level(depth);
        while (_pos < _end)
        {
            char c = _text[_pos];
            if (char.IsAsciiLetterUpper(c))
            {
                var element = ReadElement();
                double count = 1;
                if (IsDigit(Peek())) count = ParseNumber("count");
                level[element.AtomicNumber] += count;
                if (depth == 0 && isMain) _ungrouped![element.AtomicNumber] += count;
            }
            else if (c is '(' or '[')
            {
                ParseGroup(depth, isMain);
                if (_pendingCharge is not null) return;
            }
            else if (c is ')' or ']')
            {
                if (depth == 0) throw Error($"\"{c}\" without a matching \"{(c == ')' ? '(' : '[')}\"", _pos);
                return;
            }
            else if (IsChargeStart(c))
            {
                if (depth > 0) throw Error($"charge \"{c}\" inside brackets; write it after the closing bracket", _pos);
                return;
            }
            else if (IsSeparator(c))
            {
                if (depth > 0) throw Error($"separator \"{c}\" inside brackets", _pos);
                return;
            }
            else if (IsDigit(c))
                throw Error($"unexpected number \"{ReadDigitsText()}\"; counts follow the element or group they multiply", _pos);
            else if (char.IsAsciiLetterLower(c))
                throw Error($"unexpected \"{c}\"; element symbols start with a capital letter", _pos);
            else if (char.IsWhiteSpace(c))
                throw Error("unexpected space inside the formula", _pos);
            else
                throw Error($"unexpected \"{c}\"", _pos);
        }
    }

    private void ParseGroup(int depth, bool isMain)
    {
        int open = _pos;
        char openChar = _text[_pos];
        char closeChar = openChar == '(' ? ')' : ']';
        _pos++;
        SkipPrefixes(allowLeadingNumberError: true);
        var inner = Level(depth + 1);
        Array.Clear(inner);
        int contentStart = _pos;
        ParseSequence(depth + 1, isMain);
        if (_pos >= _end)
            throw Error($"unbalanced \"{openChar}\": never closed", open);
        if (_text[_pos] != closeChar)
            throw Error($"\"{_text[_pos]}\" does not match \"{openChar}\" opened at position {open + 1}", _pos);
        if (_pos == contentStart) throw Error($"empty group \"{openChar}{closeChar}\"", open);
        _pos++;
        int close = _pos;

        double multiplier = 1;
        if (IsDigit(Peek()))
        {
            int numberStart = _pos;
            int p = _pos;
            while (p < _end && IsDigit(_text[p])) p++;
            if (depth == 0 && p < _end && IsSign(_text[p]))
            {
                // "[B12H12]2-": digits then a sign after a top-level group are the charge.
                _pendingCharge = ParseCharge(magnitudeFromGroup: numberStart);
                RecordUnit(open, close, inner, 1, depth, isMain);
                Add(Level(depth), inner, 1);
                return;
            }
            multiplier = ParseNumber("multiplier");
        }
        RecordUnit(open, close, inner, multiplier, depth, isMain);
        Add(Level(depth), inner, multiplier);
    }

    private void RecordUnit(int open, int close, double[] inner, double multiplier, int depth, bool isMain)
    {
        if (depth == 0 && isMain)
            _units.Add(new FormulaUnit(_text[open..close], Composition.FromAtomicNumberArray(inner), multiplier, IsBracketed: true));
    }

    private int ParseCharge(int? magnitudeFromGroup)
    {
        int start = magnitudeFromGroup ?? _pos;
        bool braced = false;
        if (magnitudeFromGroup is null && _text[_pos] == '^')
        {
            _pos++;
            if (Peek() == '{') { braced = true; _pos++; }
        }
        int magnitude = 1;
        if (IsDigit(Peek()))
        {
            int digitsStart = _pos;
            while (_pos < _end && IsDigit(_text[_pos])) _pos++;
            magnitude = int.Parse(_text.AsSpan(digitsStart, _pos - digitsStart), CultureInfo.InvariantCulture);
            if (magnitude == 0) throw Error("charge of zero", digitsStart);
        }
        if (!IsSign(Peek()))
            throw Error(_pos < _end ? $"expected \"+\" or \"-\" in the charge, found \"{_text[_pos]}\"" : "charge without a sign (+ or -)", _pos < _end ? _pos : start);
        int sign = _text[_pos] == '+' ? 1 : -1;
        _pos++;
        if (braced)
        {
            if (Peek() != '}') throw Error("\"{\" in the charge is never closed", _pos < _end ? _pos : start);
            _pos++;
        }
        if (IsSign(Peek())) throw Error($"repeated sign \"{_text[_pos]}\" in the charge; write 2- instead of --", _pos);
        return sign * magnitude;
    }

    // number := digits ['.' digits] ['/' digits]; strictly positive.
    private double ParseNumber(string what)
    {
        int start = _pos;
        while (_pos < _end && IsDigit(_text[_pos])) _pos++;
        if (_pos + 1 < _end && _text[_pos] == '.' && IsDigit(_text[_pos + 1]))
        {
            _pos++;
            while (_pos < _end && IsDigit(_text[_pos])) _pos++;
        }
        double value = double.Parse(_text.AsSpan(start, _pos - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        if (Peek() == '/')
        {
            int slash = _pos;
            _pos++;
            int denStart = _pos;
            while (_pos < _end && IsDigit(_text[_pos])) _pos++;
            if (_pos == denStart) throw Error("fraction without a denominator", slash);
            double den = double.Parse(_text.AsSpan(denStart, _pos - denStart), CultureInfo.InvariantCulture);
            if (den == 0) throw Error("fraction with zero denominator", denStart);
            value /= den;
        }
        if (value <= 0) throw Error($"{what} \"{_text[start.._pos]}\" must be greater than zero", start);
        return value;
    }

    private Element ReadElement()
    {
        int start = _pos;
        int length = _pos + 1 < _end && char.IsAsciiLetterLower(_text[_pos + 1]) ? 2 : 1;
        var symbol = _text.AsSpan(start, length);
        if (!PeriodicTable.TryGetBySymbol(symbol, out var element))
            throw Error($"unknown element \"{symbol}\"", start);
        _pos += length;
        return element;
    }

    // Isomer/locant prefixes ("1-", "1,2-", "closo-") are kept in the text and ignored for the composition.
    private void SkipPrefixes(bool allowLeadingNumberError)
    {
        while (_pos < _end)
        {
            char c = _text[_pos];
            if (IsDigit(c))
            {
                if (!LooksLikeLocant())
                {
                    if (allowLeadingNumberError)
                        throw Error($"unexpected number \"{ReadDigitsText()}\" before the formula; counts follow the element or group they multiply", _pos);
                    return;
                }
                while (_text[_pos] != '-') _pos++;
                _pos++;
            }
            else if (char.IsAsciiLetterLower(c))
            {
                int p = _pos;
                while (p < _end && char.IsAsciiLetterLower(_text[p])) p++;
                if (p < _end && _text[p] == '-')
                {
                    var word = _text[_pos..p];
                    if (!PrefixWords.Contains(word)) throw Error($"unknown prefix \"{word}-\"", _pos);
                    _pos = p + 1;
                }
                else
                    return; // reported by the sequence parser
            }
            else
                return;
        }
    }

    // digits (',' digits)* '-' followed by a letter or another prefix
    private bool LooksLikeLocant()
    {
        int p = _pos;
        while (true)
        {
            int digits = p;
            while (p < _end && IsDigit(_text[p])) p++;
            if (p == digits) return false;
            if (p < _end && _text[p] == ',') { p++; continue; }
            return p + 1 < _end && _text[p] == '-' && (char.IsAsciiLetter(_text[p + 1]) || IsDigit(_text[p + 1]));
        }
    }

    private string ReadDigitsText()
    {
        int p = _pos;
        while (p < _end && (IsDigit(_text[p]) || _text[p] == '.')) p++;
        return _text[_pos..p];
    }

    private double[] Level(int depth)
    {
        while (_levels.Count <= depth) _levels.Add(new double[Slots]);
        return _levels[depth];
    }

    private static void Add(double[] into, double[] from, double factor)
    {
        for (int i = 1; i < Slots; i++) into[i] += from[i] * factor;
    }

    private char Peek() => _pos < _end ? _text[_pos] : '\0';
    private static bool IsDigit(char c) => c is >= '0' and <= '9';
    private static bool IsSign(char c) => c is '+' or '-' or '\u2212';
    private static bool IsChargeStart(char c) => IsSign(c) || c == '^';
    private static bool IsSeparator(char c) => c is '\u00B7' or '\u2022' or '\u2219' or '*';

    private FormulaParseException Error(string problem, int index) =>
        new(_shown, Math.Max(index - _offset, 0) + 1, problem);
}
