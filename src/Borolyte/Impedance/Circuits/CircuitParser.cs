using System.Text;

namespace Borolyte.Impedance.Circuits;

/// <summary>
/// Parses circuit strings in two notations. impedance.py's: elements named kind+index ("R0", "CPE1", "Wo1"), '-' for
/// series, "p(a,b,…)" for parallel, nested freely ("R0-p(R1,CPE1)-CPE2"). Boukamp's circuit description code (CDC;
/// B.A. Boukamp, Solid State Ionics 20 (1986) 31): one capital letter per element (R C L Q W O T G A K Z H), "(…)"
/// parallel and "[…]" series, and a "(" inside a parallel group meaning series again (the alternating convention), so
/// "R(RQ)(RQ)Q" is R0-p(R1,CPE0)-p(R2,CPE1)-CPE2. CDC elements are numbered per kind from 0 in order of appearance.
/// </summary>
public static class CircuitParser
{
    public static CircuitNode Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new InvalidInputException("circuit: empty circuit string");
        string s = text.Replace(" ", "");
        bool cdc = s.All(ch => char.IsUpper(ch) || ch is '(' or ')' or '[' or ']') && !s.Contains("CPE") && !s.Contains("p(");
        var root = cdc ? new CdcParser(text, s).ParseAll() : new DashParser(text, s).ParseAll();
        var names = new HashSet<string>();
        foreach (var e in Elements(root))
            if (!names.Add(e.Name)) throw new InvalidInputException($"circuit '{text}': element name '{e.Name}' is used twice");
        return root;
    }

    /// <summary>Elements in order of appearance.</summary>
    public static IEnumerable<ElementNode> Elements(CircuitNode node) => node switch
    {
        ElementNode e => [e],
        SeriesNode s => s.Children.SelectMany(Elements),
        ParallelNode p => p.Children.SelectMany(Elements),
        _ => [],
    };

    /// <summary>The circuit in impedance.py notation.</summary>
    public static string Format(CircuitNode node) => node switch
    {
        ElementNode e => e.Name,
        SeriesNode s => string.Join("-", s.Children.Select(Format)),
        ParallelNode p => "p(" + string.Join(",", p.Children.Select(Format)) + ")",
        _ => "",
    };

    private sealed class DashParser(string original, string s)
    {
        private int _i;

        public CircuitNode ParseAll()
        {
            var node = Series();
            if (_i < s.Length) throw Error($"unexpected '{s[_i]}'");
            return node;
        }

        private InvalidInputException Error(string what) =>
            new($"circuit '{original}' position {_i + 1}: {what}");

        private CircuitNode Series()
        {
            var items = new List<CircuitNode> { Term() };
            while (_i < s.Length && s[_i] == '-') { _i++; items.Add(Term()); }
            return items.Count == 1 ? items[0] : new SeriesNode(items);
        }

        private CircuitNode Term()
        {
            if (_i >= s.Length) throw Error("element or p(...) expected at the end");
            if (s[_i] == 'p' && _i + 1 < s.Length && s[_i + 1] == '(')
            {
                _i += 2;
                var items = new List<CircuitNode> { Series() };
                while (_i < s.Length && s[_i] == ',') { _i++; items.Add(Series()); }
                if (_i >= s.Length || s[_i] != ')') throw Error("')' expected to close p(");
                _i++;
                if (items.Count < 2) throw Error("p(...) needs at least two branches");
                return new ParallelNode(items);
            }
            int start = _i;
            if (!char.IsLetter(s[_i])) throw Error($"element name expected, found '{s[_i]}'");
            while (_i < s.Length && (char.IsLetterOrDigit(s[_i]) || s[_i] == '_')) _i++;
            string name = s[start.._i];
            // impedance.py: the element kind is the name without digits and underscores.
            var kindName = new string(name.Where(c => !char.IsDigit(c) && c != '_').ToArray());
            var kind = CircuitElementKind.FromName(kindName);
            if (kind is null)
            {
                _i = start;
                throw Error($"unknown element '{kindName}' in '{name}' (known: {string.Join(", ", CircuitElementKind.All.Select(k => k.Name))})");
            }
            return new ElementNode(name, kind);
        }
    }

    private sealed class CdcParser(string original, string s)
    {
        private int _i;
        private readonly Dictionary<CircuitElementKind, int> _counts = [];

        public CircuitNode ParseAll()
        {
            var node = Group(parallel: false, close: '\0');
            if (_i < s.Length) throw new InvalidInputException($"circuit '{original}' position {_i + 1}: unexpected '{s[_i]}'");
            return node;
        }

        private CircuitNode Group(bool parallel, char close)
        {
            var items = new List<CircuitNode>();
            while (_i < s.Length && s[_i] != close)
            {
                char ch = s[_i];
                if (ch == '(') { _i++; items.Add(Group(!parallel, ')')); }
                else if (ch == '[') { _i++; items.Add(Group(false, ']')); }
                else if (ch is ')' or ']') throw new InvalidInputException($"circuit '{original}' position {_i + 1}: unbalanced '{ch}'");
                else
                {
                    var kind = CircuitElementKind.FromCdcLetter(ch)
                        ?? throw new InvalidInputException($"circuit '{original}' position {_i + 1}: unknown CDC element '{ch}' (known: R C L Q W O T G A K Z H)");
                    int n = _counts.GetValueOrDefault(kind);
                    _counts[kind] = n + 1;
                    items.Add(new ElementNode(kind.Name + n.ToString(System.Globalization.CultureInfo.InvariantCulture), kind));
                    _i++;
                }
            }
            if (close != '\0')
            {
                if (_i >= s.Length) throw new InvalidInputException($"circuit '{original}': '{close}' expected before the end");
                _i++;
            }
            if (items.Count == 0) throw new InvalidInputException($"circuit '{original}' position {_i}: empty group");
            if (items.Count == 1) return items[0];
            return parallel ? new ParallelNode(items) : new SeriesNode(items);
        }
    }
}
