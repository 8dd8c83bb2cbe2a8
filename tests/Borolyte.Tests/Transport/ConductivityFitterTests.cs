using Borolyte.Transport;

namespace Borolyte.Tests.Transport;

public class ConductivityFitterTests
{
    private const double K = 8.617333262e-5; // eV/K, CODATA 2018 (independent of PhysicalConstants)

    private static List<ConductivityMeasurement> Arrhenius(double sigma0, double ea, IEnumerable<double> temps, double noiseDecades, int seed, bool timesT = false)
    {
        var rng = new Random(seed);
        return temps.Select(t => new ConductivityMeasurement(t,
            sigma0 / (timesT ? t : 1) * Math.Exp(-ea / (K * t)) * Math.Pow(10, noiseDecades * Borolyte.Tests.Impedance.SyntheticSpectra.Gaussian(rng)))).ToList();
    }

    [Fact]
    public void Recovers_activation_energy_and_room_temperature_conductivity()
    {
        var pts = Arrhenius(1e3, 0.35, Enumerable.Range(0, 10).Select(i => 260.0 + 10 * i), 0.01, seed: 1);
        var fit = ConductivityFitter.Fit(pts, ConductivityModelKind.Arrhenius);
        Assert.Equal(0.35, fit.Segments[0].ActivationEnergyEv, 0.01);
        Assert.InRange(Math.Abs(fit.Segments[0].ActivationEnergyEv - 0.35), 0, 4 * fit.Segments[0].ActivationEnergyStdErrEv);
        double truth = 1e3 * Math.Exp(-0.35 / (K * 298.15));
        Assert.InRange(truth, fit.Sigma25CLowerSPerCm, fit.Sigma25CUpperSPerCm);
        Assert.True(fit.Sigma25CUpperSPerCm / fit.Sigma25CLowerSPerCm < 1.1);
    }

    [Fact]
    public void Sigma_T_form_recovers_its_own_parameters()
    {
        var pts = Arrhenius(5e5, 0.5, Enumerable.Range(0, 8).Select(i => 300.0 + 20 * i), 0.0, seed: 2, timesT: true);
        var fit = ConductivityFitter.Fit(pts, ConductivityModelKind.ArrheniusT);
        Assert.Equal(0.5, fit.Segments[0].ActivationEnergyEv, 1e-9);
        Assert.Equal(5e5, fit.Segments[0].PrefactorSPerCm, 5e5 * 1e-8);
    }

    [Fact]
    public void Detects_an_order_disorder_transition_and_its_jump()
    {
        // Low-T phase Eₐ = 0.9 eV, high-T phase 0.25 eV, σ jumps by 2 decades at 530 K (Na2B12H12-like, review §2.1).
        double tt = 530;
        double sLowAtT = 1e-6, sHighAtT = 1e-4;
        var rng = new Random(4);
        var pts = new List<ConductivityMeasurement>();
        foreach (double t in Enumerable.Range(0, 16).Select(i => 450.0 + 10 * i))
        {
            double s = t < tt ? sLowAtT * Math.Exp(-0.9 / K * (1 / t - 1 / tt)) : sHighAtT * Math.Exp(-0.25 / K * (1 / t - 1 / tt));
            pts.Add(new ConductivityMeasurement(t, s * Math.Pow(10, 0.02 * Borolyte.Tests.Impedance.SyntheticSpectra.Gaussian(rng))));
        }
        var fit = ConductivityFitter.Fit(pts);
        Assert.Equal(ConductivityModelKind.Piecewise, fit.Model);
        var tr = Assert.Single(fit.Transitions);
        Assert.Equal(525, tr.TemperatureK, 1e-9); // midway between the bracketing 520 K (low phase) and 530 K (high phase)
        Assert.Equal(2.0, tr.JumpDecades, 0.1);
        Assert.InRange(tr.JumpStdErrDecades, 1e-4, 0.1);
        Assert.Equal(0.9, fit.Segments[0].ActivationEnergyEv, 0.1);
        Assert.Equal(0.25, fit.Segments[1].ActivationEnergyEv, 0.05);
    }

    [Fact]
    public void Aicc_prefers_a_single_line_for_arrhenius_data_and_vtf_for_vtf_data()
    {
        var arr = Arrhenius(1e2, 0.3, Enumerable.Range(0, 12).Select(i => 250.0 + 10 * i), 0.01, seed: 5);
        Assert.Contains(ConductivityFitter.Fit(arr).Model, new[] { ConductivityModelKind.Arrhenius, ConductivityModelKind.ArrheniusT });
        var rng = new Random(6);
        var vtf = Enumerable.Range(0, 12).Select(i => 250.0 + 10 * i)
            .Select(t => new ConductivityMeasurement(t, 10 * Math.Exp(-0.05 / (K * (t - 180))) * Math.Pow(10, 0.003 * Borolyte.Tests.Impedance.SyntheticSpectra.Gaussian(rng)))).ToList();
        var fit = ConductivityFitter.Fit(vtf);
        Assert.Equal(ConductivityModelKind.Vtf, fit.Model);
        Assert.Equal(180, fit.VtfT0K!.Value, 10.0);
        Assert.Equal(0.05, fit.Segments[0].ActivationEnergyEv, 0.005);
    }

    [Fact]
    public void Too_few_points_say_so()
    {
        var ex = Assert.Throws<InvalidInputException>(() => ConductivityFitter.Fit([new(300, 1e-3), new(320, 2e-3)]));
        Assert.Contains("too few", ex.Message);
        Assert.Contains("distinct temperature", Assert.Throws<InvalidInputException>(() => ConductivityFitter.Fit([new(298.15, 1e-3), new(298.15, 2e-3), new(320, 2e-3)])).Message);
        var five = Arrhenius(1, 0.3, [300, 310, 320, 330, 340], 0, 1);
        Assert.Contains("at least 6", Assert.Throws<InvalidInputException>(() => ConductivityFitter.Fit(five, ConductivityModelKind.Piecewise)).Message);
    }

    [Fact]
    public void Hopping_model_matches_a_hand_calculation_and_inverts()
    {
        // z = 1/6, n = 1e28 m⁻³, Z = 1, a₀ = 3 Å, ν₀ = 1e13 Hz: σ₀ = z n e² a₀² ν₀ / k_B.
        double e = 1.602176634e-19, kb = 1.380649e-23;
        double expected = 1.0 / 6 * 1e28 * e * e * 9e-20 * 1e13 / kb;
        var h = new HoppingConductivity(1.0 / 6, 1e28, 1, 3e-10, 1e13, 0.3);
        Assert.Equal(expected, h.PrefactorSKPerM, expected * 1e-12);
        Assert.Equal(expected / 300 * Math.Exp(-0.3 / (K * 300)), h.ConductivitySPerM(300), expected / 300 * 1e-6);
        Assert.Equal(1e13, HoppingConductivity.JumpFrequencyFromPrefactor(expected, 1.0 / 6, 1e28, 1, 3e-10), 1e13 * 1e-12);
        Assert.Equal(Math.E * expected, new HoppingConductivity(1.0 / 6, 1e28, 1, 3e-10, 1e13, 0.3, 1.0).PrefactorSKPerM, expected * 1e-9);
    }

    [Fact]
    public void Csv_reader_needs_the_temperature_unit()
    {
        using var dir = new Borolyte.Tests.Support.TempDirectory();
        File.WriteAllText(dir.File("c.csv"), "temperature_C,conductivity_S_per_cm\n25,1e-3\n50,2e-3\n");
        var pts = ConductivityCsv.Read(dir.File("c.csv"));
        Assert.Equal(298.15, pts[0].TemperatureK, 9);
        File.WriteAllText(dir.File("k.csv"), "T (K);sigma (S/cm);stderr\n300;1e-3;1e-5\n");
        Assert.Equal(1e-5, ConductivityCsv.Read(dir.File("k.csv"))[0].StdErrSPerCm);
        File.WriteAllText(dir.File("x.csv"), "temperature,conductivity\n25,1e-3\n");
        Assert.Contains("does not state its unit", Assert.Throws<InvalidInputException>(() => ConductivityCsv.Read(dir.File("x.csv"))).Message);
    }
}

/// <summary>Piecewise σ(T) with up to two breaks; slope changes without a jump are kinks (curvature), not transitions.</summary>
public class PiecewiseBreaksTests
{
    private const double K = 8.617333262e-5; // eV/K, CODATA 2018

    /// <summary>ln σ made of Arrhenius pieces joined at <paramref name="breaksK"/> with the given jumps (decades) there.</summary>
    private static List<ConductivityMeasurement> Pieces(double[] eas, double[] breaksK, double[] jumpsDecades, IEnumerable<double> temps, double sigmaAtFirstBreak,
        double noiseDecades, int seed)
    {
        var rng = new Random(seed);
        var list = new List<ConductivityMeasurement>();
        foreach (double t in temps)
        {
            // Walk from the first break: each piece continues the previous one, plus the jump at its lower break.
            double lnAtBreak = Math.Log(sigmaAtFirstBreak);
            int piece = 0;
            while (piece < breaksK.Length && t >= breaksK[piece])
            {
                if (piece > 0) lnAtBreak += -eas[piece] / K * (1 / breaksK[piece] - 1 / breaksK[piece - 1]);
                lnAtBreak += jumpsDecades[piece] * Math.Log(10);
                piece++;
            }
            double tRef = breaksK[Math.Max(piece - 1, 0)];
            double ln = lnAtBreak - eas[piece] / K * (1 / t - 1 / tRef);
            list.Add(new ConductivityMeasurement(t, Math.Exp(ln) * Math.Pow(10, noiseDecades * Borolyte.Tests.Impedance.SyntheticSpectra.Gaussian(rng))));
        }
        return list;
    }

    [Fact]
    public void Two_transitions_are_found_with_their_jumps_and_three_activation_energies()
    {
        // 0.9 eV up to 485 K, +1 decade; 0.5 eV to 545 K, +1.5 decades; 0.2 eV above (an intermediate phase between two transitions).
        var pts = Pieces([0.9, 0.5, 0.2], [485, 545], [1.0, 1.5], Enumerable.Range(0, 21).Select(i => 400.0 + 10 * i), 1e-6, 0.01, seed: 11);
        var fit = ConductivityFitter.Fit(pts);
        Assert.Equal(ConductivityModelKind.Piecewise, fit.Model);
        Assert.Equal(3, fit.Segments.Count);
        Assert.Equal(2, fit.Transitions.Count);
        Assert.Empty(fit.Kinks);
        Assert.Equal(485, fit.Transitions[0].TemperatureK, 1e-9);   // midway between 480 and 490 K
        Assert.Equal(545, fit.Transitions[1].TemperatureK, 1e-9);
        Assert.Equal(1.0, fit.Transitions[0].JumpDecades, 0.1);
        Assert.Equal(1.5, fit.Transitions[1].JumpDecades, 0.1);
        Assert.Equal(0.9, fit.Segments[0].ActivationEnergyEv, 0.05);
        Assert.Equal(0.5, fit.Segments[1].ActivationEnergyEv, 0.1);
        Assert.Equal(0.2, fit.Segments[2].ActivationEnergyEv, 0.05);
        // The model's σ(T) follows the middle segment between the breaks.
        Assert.Equal(Math.Exp(fit.Segments[1].LnConductivity(515)), fit.ConductivitySPerCm(515), 1e-15);
    }

    [Fact]
    public void One_transition_data_keep_one_break_two_breaks_do_not_pay_for_themselves()
    {
        var pts = Pieces([0.9, 0.25], [525], [2.0], Enumerable.Range(0, 16).Select(i => 450.0 + 10 * i), 1e-6, 0.02, seed: 4);
        var fit = ConductivityFitter.Fit(pts);
        Assert.Equal(2, fit.Segments.Count);
        Assert.Single(fit.Transitions);
    }

    [Fact]
    public void A_slope_change_without_a_jump_is_a_kink_flagged_as_non_arrhenius_curvature_not_a_transition()
    {
        // Mixed-anion behaviour of review §2.1: Eₐ ≥ 0.6 eV below ~300 K, < 0.35 eV above, σ continuous.
        var pts = Pieces([0.62, 0.30], [305], [0.0], Enumerable.Range(0, 14).Select(i => 240.0 + 10 * i), 1e-4, 0.01, seed: 21);
        var fit = ConductivityFitter.Fit(pts, ConductivityModelKind.Piecewise);
        Assert.Empty(fit.Transitions);
        var kink = Assert.Single(fit.Kinks);
        Assert.Equal(305, kink.TemperatureK, 1e-9);
        Assert.InRange(Math.Abs(kink.JumpDecades), 0, 2 * kink.JumpStdErrDecades);
        Assert.True(kink.ActivationEnergyBelowEv >= 0.55, $"{kink.ActivationEnergyBelowEv}");
        Assert.True(kink.ActivationEnergyAboveEv < 0.35, $"{kink.ActivationEnergyAboveEv}");
        Assert.Contains(fit.Warnings, w => w.StartsWith("non-Arrhenius curvature: Eₐ changes from 0.6") && w.Contains("a kink, not a transition"));
        // Chosen automatically too (a straight line cannot describe it), with the same warning.
        var auto = ConductivityFitter.Fit(pts);
        Assert.NotEqual(ConductivityModelKind.Arrhenius, auto.Model);
        Assert.Empty(auto.Transitions);
        Assert.Contains(auto.Warnings, w => w.StartsWith("non-Arrhenius curvature"));
    }
}
