using Borolyte.Impedance;
using Borolyte.Impedance.Readers;
using Borolyte.Tests.Support;

namespace Borolyte.Tests.Impedance;

public class CircuitFitterTests
{
    [Theory]
    // R1 from 1e1 to 1e10 Ω; Q chosen so that the arc apex (τ = 1e-4 s) lies inside 1e-1…1e7 Hz.
    [InlineData(1e1)]
    [InlineData(1e4)]
    [InlineData(1e7)]
    [InlineData(1e10)]
    public void Recovers_an_arc_and_blocking_spike_across_ten_decades_of_resistance(double r1)
    {
        double n1 = 0.9, tau = 1e-4;
        double q1 = Math.Pow(tau, n1) / r1;
        double[] truth = [0.02 * r1, r1, q1, n1, 1e-6 / Math.Sqrt(r1 / 1e4), 0.8];
        var s = SyntheticSpectra.Make("R0-p(R1,CPE1)-CPE2", truth, SyntheticSpectra.LogFrequencies(1e7, 1e-1, 60), 0.005, seed: 42);
        var fit = CircuitFitter.Fit(s, "R0-p(R1,CPE1)-CPE2");
        Assert.Equal(r1, fit.Parameter("R1").Value, r1 * 0.02);
        Assert.Equal(q1, fit.Parameter("CPE1_0").Value, q1 * 0.15);
        Assert.Equal(n1, fit.Parameter("CPE1_1").Value, 0.01);
        Assert.Equal(0.8, fit.Parameter("CPE2_1").Value, 0.01);
        // The standard error is honest: the truth is within 4 σ.
        Assert.InRange(Math.Abs(fit.Parameter("R1").Value - r1), 0, 4 * fit.Parameter("R1").StdErr);
    }

    [Fact]
    public void Recovers_a_cold_pellet_with_a_tenth_picofarad_capacitor()
    {
        // R = 1e10 Ω, C = 1e-13 F (τ = 1 ms), the regime where impedance.py struggles.
        double[] truth = [1e10, 1e-13];
        var s = SyntheticSpectra.Make("p(R1,C1)", truth, SyntheticSpectra.LogFrequencies(1e6, 1e-2, 60), 0.01, seed: 7);
        var fit = CircuitFitter.Fit(s, "p(R1,C1)");
        Assert.Equal(1e10, fit.Parameter("R1").Value, 1e10 * 0.01);
        Assert.Equal(1e-13, fit.Parameter("C1").Value, 1e-13 * 0.01);
        Assert.Empty(fit.Warnings);
    }

    [Fact]
    public void Recovers_bulk_and_grain_boundary_arcs_without_a_user_guess()
    {
        double[] truth = [50, 1e5, 2e-11, 0.95, 8e5, 5e-9, 0.85, 2e-6, 0.85];
        var s = SyntheticSpectra.Make("R0-p(R1,CPE1)-p(R2,CPE2)-CPE3", truth, SyntheticSpectra.LogFrequencies(1e7, 1e-2, 60), 0.003, seed: 3);
        var fit = CircuitFitter.Fit(s, "R(RQ)(RQ)Q");
        Assert.Equal(1e5, fit.Parameter("R1").Value, 1e5 * 0.03);
        Assert.Equal(8e5, fit.Parameter("R2").Value, 8e5 * 0.03);
        Assert.Equal(0.85, fit.Parameter("CPE1_1").Value, 0.02);
        double cBulk = EffectiveCapacitance.Brug(fit.Parameter("CPE0_0").Value, fit.Parameter("CPE0_1").Value, fit.Parameter("R1").Value);
        double cGb = EffectiveCapacitance.Brug(fit.Parameter("CPE1_0").Value, fit.Parameter("CPE1_1").Value, fit.Parameter("R2").Value);
        Assert.Equal(CapacitanceOrigin.Bulk, EffectiveCapacitance.Classify(cBulk));
        Assert.Equal(CapacitanceOrigin.GrainBoundary, EffectiveCapacitance.Classify(cGb));
    }

    [Fact]
    public void Weightings_and_fixed_parameters_are_honoured()
    {
        double[] truth = [10, 1e3, 1e-6, 0.9];
        var s = SyntheticSpectra.Make("R0-p(R1,CPE1)", truth, SyntheticSpectra.LogFrequencies(1e6, 1, 40), 0.002, seed: 1);
        foreach (var w in Enum.GetValues<ImpedanceWeighting>())
        {
            var fit = CircuitFitter.Fit(s, "R0-p(R1,CPE1)", new CircuitFitOptions { Weighting = w });
            Assert.Equal(1e3, fit.Parameter("R1").Value, 20.0);
            Assert.Equal(w, fit.Weighting);
        }
        var fixedFit = CircuitFitter.Fit(s, "R0-p(R1,CPE1)", new CircuitFitOptions { Fixed = new Dictionary<string, double> { ["CPE1_1"] = 0.9 } });
        Assert.Equal(0.9, fixedFit.Parameter("CPE1_1").Value);
        Assert.True(fixedFit.Parameter("CPE1_1").Fixed);
        Assert.Equal(0, fixedFit.Parameter("CPE1_1").StdErr);
        Assert.Equal(40 * 2 - 3, (int)Math.Round(fixedFit.ChiSquare / fixedFit.ReducedChiSquare));
    }

    [Fact]
    public void Statistics_are_consistent()
    {
        double[] truth = [10, 1e3, 1e-6, 0.9];
        var s = SyntheticSpectra.Make("R0-p(R1,CPE1)", truth, SyntheticSpectra.LogFrequencies(1e6, 1, 40), 0.01, seed: 5);
        var fit = CircuitFitter.Fit(s, "R0-p(R1,CPE1)");
        // With modulus weighting and 1 % noise per part, reduced χ² ≈ 1e-4.
        Assert.InRange(fit.ReducedChiSquare, 0.5e-4, 2e-4);
        Assert.Equal(fit.ChiSquare / (80 - 4), fit.ReducedChiSquare, 12);
        Assert.Equal(fit.Aic - 2 * 4 + 4 * Math.Log(80), fit.Bic, 9);
        for (int k = 0; k < 4; k++)
        {
            Assert.Equal(1, fit.Correlation[k, k], 12);
            Assert.Equal(fit.Parameters[k].StdErr * fit.Parameters[k].StdErr, fit.Covariance[k, k], fit.Covariance[k, k] * 1e-9);
        }
    }

    [Fact]
    public void Every_warning_is_given_once()
    {
        // On the real BioLogic example a Warburg in series collapses (both its parameters run to their bounds): the
        // singular Jacobian then has several null directions through the same two parameters, which must be said once.
        var s = SpectrumFile.Read(TestData.Path("eis", "exampleDataBioLogic.mpt"));
        var fit = CircuitFitter.Fit(s, "R0-p(R1,CPE1)-Wo1");
        Assert.Contains(fit.Warnings, w => w.Contains("not identifiable") && w.Contains("Wo1_0") && w.Contains("Wo1_1"));
        Assert.Equal(fit.Warnings.Count, fit.Warnings.Distinct().Count());
    }

    [Fact]
    public void A_redundant_parameter_is_reported_as_not_identifiable()
    {
        var s = SyntheticSpectra.Make("R0-p(R1,C1)", [10, 1e3, 1e-6], SyntheticSpectra.LogFrequencies(1e6, 1, 40), 0.001, seed: 9);
        var fit = CircuitFitter.Fit(s, "R0-R2-p(R1,C1)");
        Assert.Contains(fit.Warnings, w => w.Contains("not identifiable") && w.Contains("R0") && w.Contains("R2"));
    }

    [Fact]
    public void A_parameter_on_its_bound_is_reported()
    {
        var s = SyntheticSpectra.Make("R0-p(R1,C1)", [10, 1e3, 1e-6], SyntheticSpectra.LogFrequencies(1e6, 1, 40), 0.001, seed: 9);
        var fit = CircuitFitter.Fit(s, "R0-p(R1,C1)", new CircuitFitOptions { Bounds = new Dictionary<string, (double, double)> { ["R1"] = (1, 500) } });
        Assert.Contains(fit.Warnings, w => w.Contains("R1 is at its upper bound 500"));
    }

    [Fact]
    public void Automatic_guess_on_the_real_impedance_py_example_is_as_good_as_the_hand_guess_of_its_tutorial()
    {
        // impedance.py's getting-started tutorial fits exampleData.csv with R0-p(R1,C1)-p(R2-Wo1,C2) from the hand-made
        // guess [.01, .01, 100, .01, .05, 100, 1]; the automatic multi-start must reach at least that χ².
        var s = SpectrumFile.Read(TestData.Path("eis", "exampleData.csv"));
        const string circuit = "R0-p(R1,C1)-p(R2-Wo1,C2)";
        var options = new CircuitFitOptions { Weighting = ImpedanceWeighting.Unity };
        var auto = CircuitFitter.Fit(s, circuit, options);
        var hand = CircuitFitter.Fit(s, circuit, options with { Start = [.01, .01, 100, .01, .05, 100, 1], WarmStartOnly = true });
        Assert.True(auto.ChiSquare <= hand.ChiSquare * 1.01, $"auto χ² {auto.ChiSquare}, hand-guess χ² {hand.ChiSquare}");
        Assert.True(Math.Sqrt(auto.ChiSquare / (2 * s.Count)) < 2e-3, $"rms residual {Math.Sqrt(auto.ChiSquare / (2 * s.Count))} Ω");
    }

    [Fact]
    public void Pellet_conductivity_propagates_fit_and_geometry_uncertainty()
    {
        var p = PelletConductivity.From(1000, 10, 0.5, 1.0, 0, 0.02);
        Assert.Equal(0.1 / (1000 * 0.5), p.ConductivitySPerCm, 15);
        Assert.Equal(p.ConductivitySPerCm * Math.Sqrt(0.01 * 0.01 + 0.02 * 0.02), p.StdErrSPerCm, 15);
        Assert.Throws<InvalidInputException>(() => PelletConductivity.From(1000, 10, 0, 1));
    }

    [Fact]
    public void Brug_capacitance_reduces_to_Q_for_an_ideal_capacitor_and_matches_the_zarc_relation()
    {
        Assert.Equal(3e-9, EffectiveCapacitance.Brug(3e-9, 1, 1e5), 1e-20);
        // Brug: C = (RQ)^(1/n)/R.
        double q = 2e-9, n = 0.8, r = 1e5;
        Assert.Equal(Math.Pow(r * q, 1 / n) / r, EffectiveCapacitance.Brug(q, n, r), 1e-20);
        Assert.Equal(CapacitanceOrigin.ElectrodeInterface, EffectiveCapacitance.Classify(1e-6));
    }
}
