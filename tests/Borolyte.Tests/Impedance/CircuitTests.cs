using System.Numerics;
using Borolyte.Impedance.Circuits;

namespace Borolyte.Tests.Impedance;

public class CircuitTests
{
    private static Complex Z(string circuit, double fHz, params double[] p) => Circuit.Parse(circuit).Predict([fHz], p)[0];
    private static readonly Complex J = Complex.ImaginaryOne;

    private static void Close(Complex expected, Complex actual, double rel = 1e-12)
    {
        double scale = Math.Max(expected.Magnitude, 1e-300);
        Assert.True((expected - actual).Magnitude <= rel * scale, $"expected {expected}, got {actual}");
    }

    [Fact]
    public void Parameter_order_and_names_follow_impedance_py()
    {
        var c = Circuit.Parse("R0-p(R1,CPE1)-Wo1");
        Assert.Equal(["R0", "R1", "CPE1_0", "CPE1_1", "Wo1_0", "Wo1_1"], c.ParameterNames);
        Assert.Equal(["Ohm", "Ohm", "Ohm^-1 sec^a", "", "Ohm", "sec"], c.ParameterUnits);
    }

    [Fact]
    public void Boukamp_cdc_is_translated_to_impedance_py_notation()
    {
        Assert.Equal("R0-p(R1,CPE0)-p(R2,CPE1)-CPE2", Circuit.Parse("R(RQ)(RQ)Q").ImpedancePyText);
        Assert.Equal("R0-p(C0,R1-W0)", Circuit.Parse("R(C(RW))").ImpedancePyText);
        Assert.Equal("R0-p(C0,R1-W0)", Circuit.Parse("R(C[RW])").ImpedancePyText);
        // Same impedance whichever notation.
        double[] p = [10, 1e3, 1e-6, 0.9, 5e3, 1e-4, 0.8, 1e-3, 0.7];
        Close(Z("R0-p(R1,CPE1)-p(R2,CPE2)-CPE3", 37, p), Z("R(RQ)(RQ)Q", 37, p));
    }

    [Theory]
    [InlineData("R0-p(R1,CPE1", "position 13")]
    [InlineData("R0-X1", "unknown element 'X'")]
    [InlineData("R0-R0", "used twice")]
    [InlineData("R(RX)", "unknown CDC element 'X'")]
    [InlineData("p(R1)", "at least two branches")]
    public void Malformed_circuits_fail_with_the_position(string text, string expected)
    {
        var ex = Assert.Throws<InvalidInputException>(() => Circuit.Parse(text));
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void Elements_match_their_closed_forms()
    {
        double f = 123.4, w = 2 * Math.PI * f;
        Close(1 / (J * w * 2e-6), Z("C1", f, 2e-6));
        Close(J * w * 3e-7, Z("L1", f, 3e-7));
        Close(1 / (J * w * 2e-6), Z("CPE1", f, 2e-6, 1.0)); // n = 1 is a capacitor
        Close(1 / (5e-6 * Complex.Pow(J * w, 0.5)), Z("CPE1", f, 5e-6, 0.5));
        Close(100 / (1 + J * w * 1e-3), Z("K1", f, 100, 1e-3));
        Close(Z("p(R1,C1)", f, 100, 1e-5), Z("K1", f, 100, 1e-3)); // RC = τ
        Close(Z("K1", f, 100, 1e-3), Z("Zarc1", f, 100, 1e-3, 1.0));
        Close(Z("Zarc1", f, 100, 1e-3, 0.8), Z("H1", f, 100, 1e-3, 0.8, 1.0));
        Close(Z("p(R1,CPE1)", f, 100, Math.Pow(1e-3, 0.8) / 100, 0.8), Z("Zarc1", f, 100, 1e-3, 0.8), 1e-10); // τ^n = RQ
        Close(J * w * 2e-6, Z("La1", f, 2e-6, 1.0));
        Close(40 * (1 - J) / Math.Sqrt(w), Z("W1", f, 40));
        Close(50 / Complex.Sqrt(1 + J * w * 2e-3), Z("G1", f, 50, 2e-3));
        var s = Complex.Sqrt(J * w * 0.5);
        Close(20 / (s * Complex.Tanh(s)), Z("Wo1", f, 20, 0.5), 1e-10);
        Close(20 * Complex.Tanh(s) / s, Z("Ws1", f, 20, 0.5), 1e-10);
    }

    [Fact]
    public void Finite_warburgs_have_the_right_limits()
    {
        // Ws → R at low frequency (transmissive); Wo → capacitive R/(jωτ) + R/3; both → Warburg R/√(jωτ) at high frequency.
        Close(20, Z("Ws1", 1e-9, 20, 0.5), 1e-6);
        double w = 2 * Math.PI * 1e-6;
        Close(20 / (J * w * 0.5) + 20.0 / 3, Z("Wo1", 1e-6, 20, 0.5), 1e-6);
        double fh = 1e8;
        Close(20 / Complex.Sqrt(J * 2 * Math.PI * fh * 0.5), Z("Wo1", fh, 20, 0.5), 1e-9);
        Close(20 / Complex.Sqrt(J * 2 * Math.PI * fh * 0.5), Z("Ws1", fh, 20, 0.5), 1e-9);
    }

    [Theory]
    [InlineData("R0-p(R1,CPE1)-Wo1", new[] { 10.0, 1e3, 1e-6, 0.85, 300, 2.0 })]
    [InlineData("L0-R0-p(R1,C1)-Ws1-G1", new[] { 1e-6, 10.0, 1e3, 1e-6, 300, 2.0, 50, 1e-2 })]
    [InlineData("p(Zarc1,H1-La1)-W1-K1", new[] { 1e4, 1e-4, 0.8, 5e3, 1e-2, 0.7, 0.6, 1e-5, 0.9, 30, 20, 1e-3 })]
    [InlineData("p(R1,p(C1,R2-CPE2))", new[] { 1e6, 1e-11, 1e5, 1e-9, 0.7 })]
    public void Analytic_jacobian_matches_finite_differences(string text, double[] p)
    {
        var c = Circuit.Parse(text);
        foreach (double f in new[] { 1e-2, 3.3, 870, 2e5 })
        {
            double w = 2 * Math.PI * f;
            var row = new Complex[p.Length];
            c.Evaluate(w, p, row);
            for (int k = 0; k < p.Length; k++)
            {
                double h = 1e-6 * p[k];
                var up = (double[])p.Clone(); up[k] += h;
                var dn = (double[])p.Clone(); dn[k] -= h;
                var scratch = new Complex[p.Length];
                var fd = (c.Evaluate(w, up, scratch) - c.Evaluate(w, dn, scratch)) / (2 * h);
                // Compare the change of Z over the step: finite-difference round-off is ~1e-16·|Z|, a wrong derivative is O(|∂Z/∂p|·h).
                double z = c.Evaluate(w, p, scratch).Magnitude;
                Assert.True((fd - row[k]).Magnitude * h <= 1e-6 * row[k].Magnitude * h + 1e-12 * z, $"{text} {c.ParameterNames[k]} at {f} Hz: analytic {row[k]}, numeric {fd}");
            }
        }
    }
}
