using System.Numerics;

namespace Borolyte.Impedance.Circuits;

/// <summary>How a parameter is handled by the fitter: positive quantities spanning decades are fitted as ln p.</summary>
public enum ParameterScale { Log, Linear }

/// <summary>One parameter of an element kind: its suffix, unit and default bounds (SI).</summary>
public sealed record ElementParameter(string Unit, ParameterScale Scale, double LowerBound, double UpperBound);

/// <summary>
/// The circuit elements, each a closed-form Z(ω, p) with its analytic derivatives dZ/dp. Names, parameter order and
/// formulas follow impedance.py (ECSHackWeek, MIT; impedance/models/circuits/elements.py) so that a parameter list can
/// be evaluated by either program; H (Havriliak–Negami) is not in impedance.py and is added here.
/// </summary>
public sealed class CircuitElementKind
{
    private delegate Complex Evaluator(double omega, ReadOnlySpan<double> p, Span<Complex> dZdp);

    private readonly Evaluator _evaluate;

    private CircuitElementKind(string name, char cdcLetter, string description, ElementParameter[] parameters, Evaluator evaluate)
    {
        Name = name;
        CdcLetter = cdcLetter;
        Description = description;
        Parameters = parameters;
        _evaluate = evaluate;
    }

    public string Name { get; }
    /// <summary>Letter of the element in Boukamp's circuit description code.</summary>
    public char CdcLetter { get; }
    public string Description { get; }
    public IReadOnlyList<ElementParameter> Parameters { get; }
    public int ParameterCount => Parameters.Count;

    /// <summary>Z(ω) in Ω for parameters <paramref name="p"/>; writes dZ/dp_k into <paramref name="dZdp"/> (same length as p).</summary>
    public Complex Evaluate(double omega, ReadOnlySpan<double> p, Span<Complex> dZdp) => _evaluate(omega, p, dZdp);

    /// <summary>Z(ω) without derivatives.</summary>
    public Complex Evaluate(double omega, ReadOnlySpan<double> p)
    {
        Span<Complex> scratch = stackalloc Complex[ParameterCount];
        return _evaluate(omega, p, scratch);
    }

    private static readonly Complex J = Complex.ImaginaryOne;
    private const double HalfPi = Math.PI / 2;

    private static ElementParameter Ohm => new("Ohm", ParameterScale.Log, 1e-9, 1e15);
    private static ElementParameter Seconds => new("sec", ParameterScale.Log, 1e-12, 1e9);
    private static ElementParameter Exponent => new("", ParameterScale.Linear, 0.0, 1.0);

    /// <summary>ln(jωτ) = ln(ωτ) + jπ/2 for real ωτ &gt; 0.</summary>
    private static Complex LogJ(double x) => new(Math.Log(x), HalfPi);

    /// <summary>(jx)^a = x^a·e^{jπa/2} for x &gt; 0.</summary>
    private static Complex PowJ(double x, double a)
    {
        double m = Math.Pow(x, a);
        return new Complex(m * Math.Cos(HalfPi * a), m * Math.Sin(HalfPi * a));
    }

    /// <summary>tanh of a complex argument without overflow: (sinh 2x + i sin 2y)/(cosh 2x + cos 2y), → ±1 for |x| &gt; 20.</summary>
    internal static Complex Tanh(Complex z)
    {
        double x = z.Real, y = z.Imaginary;
        if (Math.Abs(x) > 20) return new Complex(Math.Sign(x), 0);
        double d = Math.Cosh(2 * x) + Math.Cos(2 * y);
        return new Complex(Math.Sinh(2 * x) / d, Math.Sin(2 * y) / d);
    }

    // R: Z = R (ideal resistor).
    public static readonly CircuitElementKind R = new("R", 'R', "resistor Z = R", [Ohm], (w, p, d) =>
    {
        d[0] = 1;
        return p[0];
    });

    // C: Z = 1/(jωC) (ideal capacitor).
    public static readonly CircuitElementKind C = new("C", 'C', "capacitor Z = 1/(jωC)", [new("F", ParameterScale.Log, 1e-18, 1e3)], (w, p, d) =>
    {
        var z = new Complex(0, -1 / (w * p[0]));
        d[0] = -z / p[0];
        return z;
    });

    // L: Z = jωL (ideal inductor).
    public static readonly CircuitElementKind L = new("L", 'L', "inductor Z = jωL", [new("H", ParameterScale.Log, 1e-15, 1e3)], (w, p, d) =>
    {
        d[0] = new Complex(0, w);
        return new Complex(0, w * p[0]);
    });

    // CPE: Z = 1/(Q(jω)^n), parameters Q then n (impedance.py CPE; Brug et al., J. Electroanal. Chem. 176 (1984) 275).
    public static readonly CircuitElementKind Cpe = new("CPE", 'Q', "constant phase element Z = 1/(Q(jω)^n)",
        [new("Ohm^-1 sec^a", ParameterScale.Log, 1e-18, 1e3), Exponent], (w, p, d) =>
    {
        var z = 1 / (p[0] * PowJ(w, p[1]));
        d[0] = -z / p[0];
        d[1] = -z * LogJ(w);
        return z;
    });

    // W: semi-infinite Warburg Z = A_W(1 − j)/√ω (impedance.py W; Warburg, Ann. Phys. 67 (1899) 493).
    public static readonly CircuitElementKind W = new("W", 'W', "semi-infinite Warburg Z = A_W(1−j)/√ω",
        [new("Ohm sec^-1/2", ParameterScale.Log, 1e-9, 1e15)], (w, p, d) =>
    {
        d[0] = new Complex(1, -1) / Math.Sqrt(w);
        return p[0] * d[0];
    });

    // Wo: finite-space ("open") Warburg Z = Z0·coth(√(jωτ))/√(jωτ), parameters R (Z0) then τ (impedance.py Wo).
    public static readonly CircuitElementKind Wo = new("Wo", 'O', "open (finite-space) Warburg Z = R·coth√(jωτ)/√(jωτ)", [Ohm, Seconds], (w, p, d) =>
    {
        var s = Complex.Sqrt(new Complex(0, w * p[1]));
        var coth = 1 / Tanh(s);
        var z = p[0] * coth / s;
        d[0] = coth / s;
        // d/dτ: s' = s/(2τ); d(coth s/s)/ds = −csch²s/s − coth s/s², csch² = coth² − 1.
        d[1] = -p[0] / (2 * p[1]) * (coth * coth - 1 + coth / s);
        return z;
    });

    // Ws: finite-length ("short") Warburg Z = Z0·tanh(√(jωτ))/√(jωτ), parameters R then τ (impedance.py Ws).
    public static readonly CircuitElementKind Ws = new("Ws", 'T', "short (finite-length) Warburg Z = R·tanh√(jωτ)/√(jωτ)", [Ohm, Seconds], (w, p, d) =>
    {
        var s = Complex.Sqrt(new Complex(0, w * p[1]));
        var tanh = Tanh(s);
        var z = p[0] * tanh / s;
        d[0] = tanh / s;
        d[1] = p[0] / (2 * p[1]) * (1 - tanh * tanh - tanh / s);
        return z;
    });

    // G: Gerischer Z = R_G/√(1 + jωt_G) (impedance.py G; Lu, Kreller & Adler, J. Electrochem. Soc. 156 (2009) B513).
    public static readonly CircuitElementKind G = new("G", 'G', "Gerischer Z = R/√(1+jωτ)", [Ohm, Seconds], (w, p, d) =>
    {
        var u = new Complex(1, w * p[1]);
        var z = p[0] / Complex.Sqrt(u);
        d[0] = z / p[0];
        d[1] = -z * new Complex(0, w) / (2 * u);
        return z;
    });

    // La: modified inductance Z = (jωL)^α as written in impedance.py La (BioLogic EC-Lab Application Note 42, 2019).
    public static readonly CircuitElementKind La = new("La", 'A', "modified inductance Z = (jωL)^α",
        [new("H sec", ParameterScale.Log, 1e-15, 1e3), Exponent], (w, p, d) =>
    {
        var z = PowJ(w * p[0], p[1]);
        d[0] = p[1] * z / p[0];
        d[1] = z * LogJ(w * p[0]);
        return z;
    });

    // K: Voigt RC element Z = R/(1 + jωτ) of the linear Kramers–Kronig test (impedance.py K; Schönleber et al., Electrochim. Acta 131 (2014) 20).
    public static readonly CircuitElementKind K = new("K", 'K', "RC (Voigt) element Z = R/(1+jωτ)", [Ohm, Seconds], (w, p, d) =>
    {
        var u = new Complex(1, w * p[1]);
        d[0] = 1 / u;
        d[1] = -p[0] * new Complex(0, w) / (u * u);
        return p[0] / u;
    });

    // Zarc: Z = R/(1 + (jωτ)^γ), parameters R, τ, γ (impedance.py Zarc; Cole & Cole, J. Chem. Phys. 9 (1941) 341).
    public static readonly CircuitElementKind Zarc = new("Zarc", 'Z', "ZARC (Cole–Cole) Z = R/(1+(jωτ)^γ)", [Ohm, Seconds, Exponent], (w, p, d) =>
    {
        var x = PowJ(w * p[1], p[2]);
        var u = 1 + x;
        var z = p[0] / u;
        d[0] = 1 / u;
        d[1] = -z / u * p[2] * x / p[1];
        d[2] = -z / u * x * LogJ(w * p[1]);
        return z;
    });

    // H: Havriliak–Negami Z = R/(1 + (jωτ)^α)^β, parameters R, τ, α, β (Havriliak & Negami, Polymer 8 (1967) 161, in impedance form).
    public static readonly CircuitElementKind H = new("H", 'H', "Havriliak–Negami Z = R/(1+(jωτ)^α)^β", [Ohm, Seconds, Exponent, Exponent], (w, p, d) =>
    {
        var x = PowJ(w * p[1], p[2]);
        var u = 1 + x;
        var z = p[0] / Complex.Pow(u, p[3]);
        d[0] = z / p[0];
        d[1] = -p[3] * z / u * p[2] * x / p[1];
        d[2] = -p[3] * z / u * x * LogJ(w * p[1]);
        d[3] = -z * Complex.Log(u);
        return z;
    });

    public static IReadOnlyList<CircuitElementKind> All { get; } = [R, C, L, Cpe, W, Wo, Ws, G, La, K, Zarc, H];

    /// <summary>Kind by impedance.py name (case-sensitive as in impedance.py: "CPE", "Wo", "Zarc"), or null.</summary>
    public static CircuitElementKind? FromName(string name) => All.FirstOrDefault(k => k.Name == name);

    /// <summary>Kind by CDC letter, or null.</summary>
    public static CircuitElementKind? FromCdcLetter(char letter) => All.FirstOrDefault(k => k.CdcLetter == letter);

    public override string ToString() => Name;
}
