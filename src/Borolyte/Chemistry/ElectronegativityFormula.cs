using System.Globalization;
using System.Numerics;
using System.Text;

namespace Borolyte.Chemistry;

/// <summary>
/// pymatgen's reduced formula (pymatgen 2022.11.7, <c>Composition.get_reduced_formula_and_factor</c> and
/// <c>reduce_formula</c> in pymatgen/core/composition.py, read for its rules; clean-room code), for a composition whose
/// elements are listed in order of atomic number:
/// <list type="bullet">
/// <item>all amounts within 1e-8 of integers: rounded, divided by their gcd, elements sorted by (Pauling
/// electronegativity, symbol); with three or more elements whose two most electronegative differ by less than 1.65, those
/// two are written as a group "(BH)6" when their own gcd is not 1 (Na2B12H12 → Na(BH)6); then the special formulas
/// (H → H2, O → O2, N → N2, F → F2, Cl → Cl2, LiO → Li2O2, NaO → Na2O2, KO → K2O2, HO → H2O2, CsO → Cs2O2,
/// RbO → Rb2O2) with the factor halved;</item>
/// <item>otherwise: the amounts as they are (factor 1), elements sorted by electronegativity only (equal values keep
/// atomic-number order), every amount written, 1 included, as Python's <c>str(round(x, 8))</c> ("Li1B9.6H10.6C1").</item>
/// </list>
/// Elements without an electronegativity (NaN) are sorted as CPython 3.11's list.sort sorts NaN keys (every comparison
/// with NaN is false): that order depends on the sort algorithm, so it is reproduced step by step (count_run, then
/// binary insertion — the whole algorithm for lists under 64 items, i.e. any composition of fewer than 64 elements).
/// Integer amounts are handled as exact integers (gcd and digits); quotients are doubles, as pymatgen's, and equal to
/// pymatgen's bit for bit for amounts below 2^53.
/// </summary>
public static class ElectronegativityFormula
{
    /// <summary>Tolerance of pymatgen's Composition.amount_tolerance.</summary>
    private const double AmountTolerance = 1e-8;

    /// <summary>pymatgen's difference of electronegativity below which the last two elements form a polyanion group.</summary>
    private const double PolyanionElectronegativityDifference = 1.65;

    // pymatgen Composition.special_formulas (peroxides and elemental gases), pymatgen/core/composition.py.
    private static readonly Dictionary<string, string> SpecialFormulas = new(StringComparer.Ordinal)
    {
        ["LiO"] = "Li2O2", ["NaO"] = "Na2O2", ["KO"] = "K2O2", ["HO"] = "H2O2", ["CsO"] = "Cs2O2", ["RbO"] = "Rb2O2",
        ["O"] = "O2", ["N"] = "N2", ["F"] = "F2", ["Cl"] = "Cl2", ["H"] = "H2",
    };

    /// <summary>The special formulas (reduced formula → written formula) pymatgen applies.</summary>
    public static IReadOnlyDictionary<string, string> Special => SpecialFormulas;

    /// <summary>Reduced formula and the factor the amounts were divided by (pymatgen's get_reduced_formula_and_factor).</summary>
    public static (string Formula, double Factor) ReducedFormulaAndFactor(IReadOnlyList<(Element Element, double Amount)> itemsByAtomicNumber)
    {
        bool allIntegers = itemsByAtomicNumber.All(p => Math.Abs(p.Amount - Math.Round(p.Amount, MidpointRounding.ToEven)) < AmountTolerance);
        if (!allIntegers)
        {
            var sorted = PythonSort(itemsByAtomicNumber.ToList(), (a, b) => a.Element.PaulingElectronegativity < b.Element.PaulingElectronegativity);
            var sb = new StringBuilder();
            foreach (var (e, a) in sorted) sb.Append(e.Symbol).Append(FormatAmount(a, ignoreOnes: false));
            return (sb.ToString(), 1);
        }
        var integers = itemsByAtomicNumber.Select(p => (p.Element, Math.Round(p.Amount, MidpointRounding.ToEven))).ToList();
        var (formula, gcd) = Reduce(integers);
        double factor = (double)gcd;
        if (SpecialFormulas.TryGetValue(formula, out var special))
        {
            formula = special;
            factor /= 2;
        }
        return (formula, factor);
    }

    // pymatgen reduce_formula: sort by [X, symbol], divide by the gcd, group a polyanion of the last two elements.
    private static (string Formula, BigInteger Factor) Reduce(List<(Element Element, double Amount)> amounts)
    {
        var syms = PythonSort(amounts, ElectronegativityThenSymbolLess).Where(p => Math.Abs(p.Amount) > AmountTolerance).ToList();
        BigInteger factor = 1;
        if (amounts.All(p => p.Amount == Math.Truncate(p.Amount)))
        {
            BigInteger g = 0;
            foreach (var (_, a) in amounts) g = BigInteger.GreatestCommonDivisor(g, new BigInteger(a));
            factor = g;
        }
        string polyanion = "";
        if (syms.Count >= 3 &&
            syms[^1].Element.PaulingElectronegativity - syms[^2].Element.PaulingElectronegativity < PolyanionElectronegativityDifference)
        {
            var poly = new List<(Element, double)> { (syms[^2].Element, syms[^2].Amount / (double)factor), (syms[^1].Element, syms[^1].Amount / (double)factor) };
            var (polyFormula, polyFactor) = Reduce(poly);
            if (polyFactor != 1) polyanion = $"({polyFormula}){polyFactor.ToString(CultureInfo.InvariantCulture)}";
        }
        if (polyanion.Length > 0) syms = syms.Take(syms.Count - 2).ToList();
        var sb = new StringBuilder();
        foreach (var (e, a) in syms) sb.Append(e.Symbol).Append(FormatAmount(a / (double)factor, ignoreOnes: true));
        return (sb.Append(polyanion).ToString(), factor);
    }

    // Python's list comparison of the keys [X, symbol]: equal X (never true for NaN) → compare symbols, else X < X'.
    private static bool ElectronegativityThenSymbolLess((Element Element, double Amount) a, (Element Element, double Amount) b)
    {
        double xa = a.Element.PaulingElectronegativity, xb = b.Element.PaulingElectronegativity;
        return xa == xb ? string.CompareOrdinal(a.Element.Symbol, b.Element.Symbol) < 0 : xa < xb;
    }

    /// <summary>
    /// pymatgen's formula_double_format: "" for exactly 1 when ones are ignored, the integer when within 1e-8 of
    /// int(x) (truncated), else Python's str(round(x, 8)).
    /// </summary>
    public static string FormatAmount(double x, bool ignoreOnes)
    {
        if (ignoreOnes && x == 1) return "";
        double truncated = Math.Truncate(x);
        if (Math.Abs(x - truncated) < AmountTolerance) return new BigInteger(truncated).ToString(CultureInfo.InvariantCulture);
        return PythonRepr(PythonRound(x, 8));
    }

    /// <summary>Python's round(x, digits): the decimal with that many places nearest to the exact binary value (ties to even), read back as a double.</summary>
    public static double PythonRound(double x, int digits)
    {
        if (double.IsNaN(x) || double.IsInfinity(x) || x == 0) return x;
        long bits = BitConverter.DoubleToInt64Bits(x);
        bool negative = bits < 0;
        int exponent = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0) exponent = 1; else mantissa |= 1L << 52;
        exponent -= 1075; // |x| = mantissa · 2^exponent
        if (exponent >= 0) return x; // an integer already
        var numerator = new BigInteger(mantissa) * BigInteger.Pow(10, digits);
        var denominator = BigInteger.One << -exponent;
        var quotient = BigInteger.DivRem(numerator, denominator, out var remainder);
        int half = (remainder * 2).CompareTo(denominator);
        if (half > 0 || (half == 0 && !quotient.IsEven)) quotient += 1;
        double rounded = double.Parse($"{quotient}E-{digits}", NumberStyles.Float, CultureInfo.InvariantCulture);
        return negative ? -rounded : rounded;
    }

    /// <summary>Python's repr of a finite double: shortest round-trip digits, fixed notation for 1e-4 ≤ |x| &lt; 1e16 (with ".0" when integral), else "1.5e-05".</summary>
    public static string PythonRepr(double x)
    {
        if (x == 0) return BitConverter.DoubleToInt64Bits(x) < 0 ? "-0.0" : "0.0";
        string sign = x < 0 ? "-" : "";
        // .NET's "E16" is not shortest; "R" is the shortest round-trip string: parse its digits and exponent.
        string r = Math.Abs(x).ToString("R", CultureInfo.InvariantCulture);
        int e = 0;
        int ePos = r.IndexOfAny(['E', 'e']);
        if (ePos >= 0) { e = int.Parse(r[(ePos + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture); r = r[..ePos]; }
        int dot = r.IndexOf('.');
        string intPart = dot >= 0 ? r[..dot] : r, fracPart = dot >= 0 ? r[(dot + 1)..] : "";
        string digits = (intPart + fracPart).TrimStart('0');
        int leadingZeros = (intPart + fracPart).Length - digits.Length;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0) digits = "0";
        // value = 0.d1d2…dn × 10^decpt
        int decpt = intPart.Length - leadingZeros + e;
        if (decpt <= -4 || decpt > 16)
        {
            string mantissa = digits.Length == 1 ? digits : digits[0] + "." + digits[1..];
            int exp10 = decpt - 1;
            return $"{sign}{mantissa}e{(exp10 < 0 ? "-" : "+")}{Math.Abs(exp10).ToString("00", CultureInfo.InvariantCulture)}";
        }
        if (decpt <= 0) return $"{sign}0.{new string('0', -decpt)}{digits}";
        if (decpt >= digits.Length) return $"{sign}{digits}{new string('0', decpt - digits.Length)}.0";
        return $"{sign}{digits[..decpt]}.{digits[decpt..]}";
    }

    /// <summary>
    /// CPython 3.11 list.sort for fewer than 64 items (minrun = n: count_run, then binarysort), with <paramref name="less"/>
    /// as the only comparison. Stable for a consistent order; with NaN keys it reproduces CPython's result step by step.
    /// </summary>
    public static List<T> PythonSort<T>(List<T> a, Func<T, T, bool> less)
    {
        int n = a.Count;
        if (n < 2) return a;
        int run = 2;
        if (less(a[1], a[0]))
        {
            for (int i = 2; i < n && less(a[i], a[i - 1]); i++) run++;
            a.Reverse(0, run);
        }
        else
        {
            for (int i = 2; i < n && !less(a[i], a[i - 1]); i++) run++;
        }
        for (int start = run; start < n; start++)
        {
            var pivot = a[start];
            int l = 0, r = start;
            do
            {
                int p = l + ((r - l) >> 1);
                if (less(pivot, a[p])) r = p; else l = p + 1;
            } while (l < r);
            for (int k = start; k > l; k--) a[k] = a[k - 1];
            a[l] = pivot;
        }
        return a;
    }
}
