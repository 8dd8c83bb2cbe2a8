using System.Numerics;

namespace Borolyte.Impedance.Circuits;

/// <summary>
/// An equivalent circuit compiled once from its string: a flat parameter vector (elements in order of appearance,
/// each element's parameters in impedance.py's order) and an evaluator for Z(ω) and the analytic Jacobian ∂Z/∂p.
/// Parameter names follow impedance.py: "R0" for a one-parameter element, "CPE1_0", "CPE1_1" for several.
/// </summary>
public sealed class Circuit
{
    private readonly Node _root;

    private Circuit(string text, CircuitNode tree)
    {
        Text = text;
        Tree = tree;
        Elements = CircuitParser.Elements(tree).ToList();
        var names = new List<string>();
        var units = new List<string>();
        var parameters = new List<ElementParameter>();
        var offsets = new Dictionary<ElementNode, int>(ReferenceEqualityComparer.Instance);
        foreach (var e in Elements)
        {
            offsets[e] = names.Count;
            for (int k = 0; k < e.Kind.ParameterCount; k++)
            {
                names.Add(e.Kind.ParameterCount == 1 ? e.Name : $"{e.Name}_{k}");
                units.Add(e.Kind.Parameters[k].Unit);
                parameters.Add(e.Kind.Parameters[k]);
            }
        }
        ParameterNames = names;
        ParameterUnits = units;
        ParameterDefinitions = parameters;
        _root = Compile(tree, offsets);
    }

    public static Circuit Parse(string text) => new(text, CircuitParser.Parse(text));

    /// <summary>The string the circuit was parsed from.</summary>
    public string Text { get; }
    /// <summary>The same circuit in impedance.py notation.</summary>
    public string ImpedancePyText => CircuitParser.Format(Tree);
    public CircuitNode Tree { get; }
    public IReadOnlyList<ElementNode> Elements { get; }
    public IReadOnlyList<string> ParameterNames { get; }
    public IReadOnlyList<string> ParameterUnits { get; }
    public IReadOnlyList<ElementParameter> ParameterDefinitions { get; }
    public int ParameterCount => ParameterNames.Count;

    /// <summary>Index of the first parameter of element <paramref name="element"/> (by reference).</summary>
    public int OffsetOf(ElementNode element)
    {
        int offset = 0;
        foreach (var e in Elements)
        {
            if (ReferenceEquals(e, element)) return offset;
            offset += e.Kind.ParameterCount;
        }
        throw new ArgumentException($"element {element.Name} is not part of {Text}");
    }

    /// <summary>Z at angular frequency ω; fills ∂Z/∂p into <paramref name="jacobianRow"/> (length = parameter count).</summary>
    public Complex Evaluate(double omega, ReadOnlySpan<double> parameters, Span<Complex> jacobianRow)
    {
        if (parameters.Length != ParameterCount) throw new ArgumentException($"{Text} has {ParameterCount} parameters, {parameters.Length} given");
        return _root.Evaluate(omega, parameters, jacobianRow);
    }

    /// <summary>Z at each frequency (Hz).</summary>
    public Complex[] Predict(IReadOnlyList<double> frequenciesHz, IReadOnlyList<double> parameters)
    {
        var p = parameters.ToArray();
        if (p.Length != ParameterCount) throw new ArgumentException($"{Text} has {ParameterCount} parameters, {p.Length} given");
        var row = new Complex[ParameterCount];
        var z = new Complex[frequenciesHz.Count];
        for (int i = 0; i < z.Length; i++) z[i] = _root.Evaluate(2 * Math.PI * frequenciesHz[i], p, row);
        return z;
    }

    public override string ToString() => Text;

    private static Node Compile(CircuitNode node, Dictionary<ElementNode, int> offsets) => node switch
    {
        ElementNode e => new Leaf(e.Kind, offsets[e]),
        SeriesNode s => new Series(s.Children.Select(c => Compile(c, offsets)).ToArray()),
        ParallelNode p => new Parallel(p.Children.Select(c => Compile(c, offsets)).ToArray()),
        _ => throw new ArgumentException("unknown node"),
    };

    private abstract class Node
    {
        public int Start, End; // parameter range [Start, End)
        public abstract Complex Evaluate(double omega, ReadOnlySpan<double> p, Span<Complex> d);
    }

    private sealed class Leaf : Node
    {
        private readonly CircuitElementKind _kind;
        public Leaf(CircuitElementKind kind, int offset) { _kind = kind; Start = offset; End = offset + kind.ParameterCount; }
        public override Complex Evaluate(double omega, ReadOnlySpan<double> p, Span<Complex> d) =>
            _kind.Evaluate(omega, p[Start..End], d[Start..End]);
    }

    private sealed class Series : Node
    {
        private readonly Node[] _children;
        public Series(Node[] children) { _children = children; Start = children[0].Start; End = children[^1].End; }
        public override Complex Evaluate(double omega, ReadOnlySpan<double> p, Span<Complex> d)
        {
            Complex z = 0;
            foreach (var c in _children) z += c.Evaluate(omega, p, d);
            return z;
        }
    }

    private sealed class Parallel : Node
    {
        private readonly Node[] _children;
        public Parallel(Node[] children) { _children = children; Start = children[0].Start; End = children[^1].End; }

        public override Complex Evaluate(double omega, ReadOnlySpan<double> p, Span<Complex> d)
        {
            Span<Complex> zs = _children.Length <= 8 ? stackalloc Complex[_children.Length] : new Complex[_children.Length];
            Complex y = 0;
            for (int i = 0; i < _children.Length; i++) { zs[i] = _children[i].Evaluate(omega, p, d); y += 1 / zs[i]; }
            var z = 1 / y;
            // ∂Z/∂p = (Z/Zᵢ)²·∂Zᵢ/∂p for a parameter of branch i.
            for (int i = 0; i < _children.Length; i++)
            {
                var f = z / zs[i];
                f *= f;
                for (int k = _children[i].Start; k < _children[i].End; k++) d[k] *= f;
            }
            return z;
        }
    }
}
