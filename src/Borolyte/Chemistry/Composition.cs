using System.Globalization;
using System.Text;

namespace Borolyte.Chemistry;

/// <summary>
/// An immutable amount of each element (amounts may be fractional, e.g. Li(CB9H10)0.7(CB11H12)0.3).
/// Modelled on pymatgen's <c>Composition</c>: arithmetic, molar mass, formulas, and a plain-dictionary round trip.
/// Equality compares amounts with an absolute tolerance of <see cref="AmountTolerance"/>.
/// </summary>
public sealed class Composition : IEquatable<Composition>
{
    /// <summary>Amounts closer than this are equal; amounts below it are dropped.</summary>
    public const double AmountTolerance = 1e-8;

    private readonly (Element Element, double Amount)[] _items; // sorted by atomic number, no zero amounts

    public static Composition Empty { get; } = new(Array.Empty<(Element, double)>());

    private Composition((Element, double)[] sortedItems) => _items = sortedItems;

    /// <summary>Build from element/amount pairs (repeated elements are summed; amounts must be ≥ 0).</summary>
    public Composition(IEnumerable<KeyValuePair<Element, double>> amounts)
    {
        var acc = new SortedDictionary<int, (Element, double)>();
        foreach (var (element, amount) in amounts)
        {
            if (double.IsNaN(amount) || double.IsInfinity(amount) || amount < -AmountTolerance)
                throw new InvalidInputException($"amount of {element.Symbol} must be a finite number ≥ 0, got {amount.ToString(CultureInfo.InvariantCulture)}");
            acc[element.AtomicNumber] = acc.TryGetValue(element.AtomicNumber, out var prev)
                ? (element, prev.Item2 + amount)
                : (element, amount);
        }
        _items = acc.Values.Where(p => p.Item2 > AmountTolerance).ToArray();
    }

    /// <summary>From amounts indexed by atomic number (index 0 unused); used by the formula parser.</summary>
    internal static Composition FromAtomicNumberArray(ReadOnlySpan<double> amountsByZ)
    {
        int count = 0;
        for (int z = 1; z < amountsByZ.Length; z++) if (amountsByZ[z] > AmountTolerance) count++;
        var items = new (Element, double)[count];
        int i = 0;
        for (int z = 1; z < amountsByZ.Length; z++)
            if (amountsByZ[z] > AmountTolerance) items[i++] = (PeriodicTable.ByAtomicNumber(z), amountsByZ[z]);
        return new Composition(items);
    }

    /// <summary>Elements present, in order of atomic number.</summary>
    public IEnumerable<Element> Elements => _items.Select(p => p.Element);

    /// <summary>Element/amount pairs in order of atomic number.</summary>
    public IEnumerable<KeyValuePair<Element, double>> Amounts => _items.Select(p => KeyValuePair.Create(p.Element, p.Amount));

    public int ElementCount => _items.Length;

    public bool IsEmpty => _items.Length == 0;

    /// <summary>Amount of an element (0 if absent).</summary>
    public double this[Element element] => AmountOf(element.Symbol);

    /// <summary>Amount of the element with this symbol (0 if absent).</summary>
    public double AmountOf(string symbol)
    {
        foreach (var (e, a) in _items) if (e.Symbol == symbol) return a;
        return 0;
    }

    public bool Contains(string symbol) => AmountOf(symbol) > 0;

    /// <summary>Total number of atoms (may be fractional).</summary>
    public double AtomCount => _items.Sum(p => p.Amount);

    /// <summary>Molar mass in g/mol from the IUPAC conventional atomic weights.</summary>
    public double MolarMassGPerMol
    {
        get
        {
            double m = 0;
            foreach (var (e, a) in _items) m += a * e.AtomicWeight;
            return m;
        }
    }

    /// <summary>Molar mass in SI units (kg/mol).</summary>
    public double MolarMassKgPerMol => MolarMassGPerMol * 1e-3;

    /// <summary>Mass fraction of each element (sums to 1), in order of atomic number.</summary>
    public IReadOnlyDictionary<string, double> MassFractions
    {
        get
        {
            double total = MolarMassGPerMol;
            var result = new Dictionary<string, double>();
            foreach (var (e, a) in _items) result[e.Symbol] = a * e.AtomicWeight / total;
            return result;
        }
    }

    /// <summary>Atomic fraction of each element (sums to 1).</summary>
    public IReadOnlyDictionary<string, double> AtomicFractions
    {
        get
        {
            double total = AtomCount;
            return _items.ToDictionary(p => p.Element.Symbol, p => p.Amount / total);
        }
    }

    public static Composition operator +(Composition a, Composition b) =>
        new(a.Amounts.Concat(b.Amounts));

    public static Composition operator *(Composition a, double factor)
    {
        if (!(factor >= 0) || double.IsInfinity(factor))
            throw new InvalidInputException($"a composition can only be scaled by a finite factor ≥ 0, got {factor.ToString(CultureInfo.InvariantCulture)}");
        return new Composition(a._items.Select(p => (p.Element, p.Amount * factor)).Where(p => p.Item2 > AmountTolerance).ToArray());
    }

    public static Composition operator *(double factor, Composition a) => a * factor;

    /// <summary>Equal amounts of the same elements within <paramref name="tolerance"/> (absolute, per element).</summary>
    public bool AlmostEquals(Composition? other, double tolerance = AmountTolerance)
    {
        if (other is null) return false;
        var symbols = Elements.Concat(other.Elements).Select(e => e.Symbol).Distinct();
        return symbols.All(s => Math.Abs(AmountOf(s) - other.AmountOf(s)) <= tolerance);
    }

    public bool Equals(Composition? other) => AlmostEquals(other);
    public override bool Equals(object? obj) => obj is Composition c && Equals(c);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var (e, _) in _items) hash.Add(e.AtomicNumber); // amounts are compared with tolerance, so not hashed
        return hash.ToHashCode();
    }

    public static bool operator ==(Composition? a, Composition? b) => a is null ? b is null : a.Equals(b);
    public static bool operator !=(Composition? a, Composition? b) => !(a == b);

    /// <summary>
    /// Hill formula (Hill, J. Am. Chem. Soc. 22 (1900) 478): with carbon, C first, H second, then the others
    /// alphabetically; without carbon, all elements alphabetically. Amounts of 1 are omitted.
    /// </summary>
    public string HillFormula => Write(HillOrder(_items), 1.0);

    /// <summary>
    /// The amounts divided by their greatest common divisor, in Hill order (Na2B12H12 → B6H6Na). Fractional amounts are
    /// first scaled to the smallest integers (up to a factor of 1000) that represent them, like pymatgen's reduced formula.
    /// </summary>
    public string ReducedFormula
    {
        get
        {
            var (_, factor) = IntegerScale();
            return Write(HillOrder(_items), factor);
        }
    }

    /// <summary>
    /// The reduced formula as pymatgen writes it (<c>Composition.reduced_formula</c>, pymatgen 2022.11.7): elements by
    /// Pauling electronegativity (ties by symbol), amounts divided by their gcd, a polyanion pair as a group and the
    /// special formulas of elemental gases and peroxides — NaBH4, NaH, H2, Na(BH)6 (Na2B12H12), Li2O2. Amounts that are
    /// not integers are written as they are (Li1B9.6H10.6C1). For display; <see cref="ReducedFormula"/> stays the
    /// Hill-order key. Rules and the one difference from a pymatgen composition parsed from text: docs/chemistry.md.
    /// </summary>
    public string ReducedFormulaByElectronegativity => ReducedFormulaAndFactorByElectronegativity().Formula;

    /// <summary>
    /// <see cref="ReducedFormulaByElectronegativity"/> and the factor the amounts were divided by to get it (pymatgen's
    /// <c>get_reduced_formula_and_factor</c>): Na2B12H12 → ("Na(BH)6", 2), H4 → ("H2", 2), Li0.5O0.25 → ("Li0.5O0.25", 1).
    /// </summary>
    public (string Formula, double Factor) ReducedFormulaAndFactorByElectronegativity() =>
        ElectronegativityFormula.ReducedFormulaAndFactor(_items);

    /// <summary>The reduced composition and the factor by which this composition was divided to get it.</summary>
    public (Composition Reduced, double Factor) Reduce()
    {
        var (_, factor) = IntegerScale();
        return (this * factor, 1 / factor);
    }

    /// <summary>Symbol → amount, in order of atomic number (the "as dict" of pymatgen).</summary>
    public Dictionary<string, double> ToDictionary() => _items.ToDictionary(p => p.Element.Symbol, p => p.Amount);

    /// <summary>Inverse of <see cref="ToDictionary"/>; unknown symbols or negative amounts raise <see cref="InvalidInputException"/>.</summary>
    public static Composition FromDictionary(IReadOnlyDictionary<string, double> amounts) =>
        new(amounts.Select(kv => KeyValuePair.Create(PeriodicTable.BySymbol(kv.Key), kv.Value)));

    public override string ToString() => HillFormula;

    // Returns (multiplier that makes all amounts integers, then divided by their gcd) → total scale factor.
    private (bool Integral, double Factor) IntegerScale()
    {
        if (_items.Length == 0) return (true, 1);
        for (int k = 1; k <= 1000; k++)
        {
            bool ok = true;
            foreach (var (_, a) in _items)
            {
                double scaled = a * k;
                if (Math.Abs(scaled - Math.Round(scaled)) > 1e-6 * Math.Max(1, scaled)) { ok = false; break; }
            }
            if (!ok) continue;
            long gcd = 0;
            foreach (var (_, a) in _items) gcd = Gcd(gcd, (long)Math.Round(a * k));
            return (true, gcd == 0 ? 1 : k / (double)gcd);
        }
        return (false, 1);
    }

    private static long Gcd(long a, long b)
    {
        while (b != 0) (a, b) = (b, a % b);
        return Math.Abs(a);
    }

    private static IEnumerable<(Element Element, double Amount)> HillOrder((Element Element, double Amount)[] items)
    {
        bool hasCarbon = items.Any(p => p.Element.Symbol == "C");
        return items.OrderBy(p => hasCarbon ? p.Element.Symbol switch { "C" => 0, "H" => 1, _ => 2 } : 2)
                    .ThenBy(p => p.Element.Symbol, StringComparer.Ordinal);
    }

    private static string Write(IEnumerable<(Element Element, double Amount)> items, double factor)
    {
        var sb = new StringBuilder();
        foreach (var (e, a) in items)
        {
            sb.Append(e.Symbol);
            double v = a * factor;
            if (Math.Abs(v - 1) > 1e-9) sb.Append(FormatAmount(v));
        }
        return sb.ToString();
    }

    /// <summary>An amount as written in a formula: integers without decimals, others with up to 6 decimals.</summary>
    public static string FormatAmount(double amount) =>
        Math.Abs(amount - Math.Round(amount)) < 1e-9
            ? Math.Round(amount).ToString("0", CultureInfo.InvariantCulture)
            : amount.ToString("0.######", CultureInfo.InvariantCulture);
}
