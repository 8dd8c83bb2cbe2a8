using Borolyte.Cells.Protocols;
using Borolyte.Cells.Simulation;

namespace Borolyte.Tests.Cells.Simulation;

/// <summary>
/// Robustness (issue 5 §3, "robust CC→CV switching; a failure says in plain words which step and why"): hard protocols that
/// must run to the end, checked against what must hold at their end, and impossible steps that must fail with a message
/// naming the step and the reason.
/// </summary>
public class HardProtocolTests
{
    private static CellParameters Half => CellPresets.Get("nacro2-half").Cell;

    [Fact]
    public void Cc_cv_at_5C_with_a_C50_cut_off_then_rest_ends_where_it_must()
    {
        var cell = Half;
        var r = CellSimulation.Run(cell, Protocol.Parse("Charge at 5C until 3.35 V; Hold at 3.35 V until C/50; Rest for 2 hours; Discharge at 5C until 2.1 V"));
        var s = r.Series;
        int lastHold = s.StepCount.FindLastIndex(k => k == 2);
        double c50 = cell.NominalArealCapacityCPerM2 * cell.AreaM2 / 3600 / 50;
        Assert.Equal(c50, s.CurrentA[lastHold], 1e-5 * c50);                         // the hold ended at C/50 (located)
        for (int i = s.StepCount.FindIndex(k => k == 2); i <= lastHold; i++)
            Assert.Equal(3.35, s.VoltageV[i], 1e-6);                                 // and held the voltage throughout
        int restEnd = s.StepCount.FindLastIndex(k => k == 3);
        Assert.Equal(s.TimeS[lastHold] + 7200, s.TimeS[restEnd], 1e-6);              // the rest after the hold lasted 2 h
        Assert.True(s.VoltageV[restEnd] < 3.35 && s.VoltageV[restEnd] > 3.2);        // relaxed below the hold voltage
        Assert.Equal(2.1, s.VoltageV[^1], 1e-5);
        Assert.True(r.Summary.Cycles[0].ConstantVoltageShareOfCharge > 0.1);          // at 5C much of the charge comes in CV
    }

    [Fact]
    public void Very_long_rests_take_few_steps_and_relax_to_the_open_circuit_voltage()
    {
        // 10 000 h (≈ 14 months): the rest step is bounded to ~1000 error-controlled steps, far from the 200 000-step limit.
        var cell = Half with { Degradation = DegradationParameters.None };
        var r = CellSimulation.Run(cell, Protocol.Parse("Charge at 2C until 3.35 V; Rest for 10000 hours"));
        var s = r.Series;
        int restStart = s.StepCount.FindIndex(k => k == 2);
        Assert.InRange(s.Count - restStart, 10, 5000);
        Assert.Equal(10000 * 3600.0, s.TimeS[^1] - s.TimeS[restStart - 1], 1e-3);
        // Fully relaxed: the voltage is the OCP at the average stoichiometry (+ the half-cell offset) to 0.1 mV, no current flows.
        double ocp = cell.Positive.Ocp.Evaluate(s.PositiveStoichiometry[^1], OcpBranch.Extraction).U - s.NegativeBreakdown[^1].OcpV + cell.VoltageOffsetV;
        Assert.Equal(ocp, s.VoltageV[^1], 1e-4);
    }

    [Fact]
    public void A_thousand_cycles_with_cc_cv_and_rests_run_to_the_end_streaming()
    {
        var r = CellSimulation.RunStreaming(Half, Protocol.Parse("(Charge at 2C until 3.35 V; Hold at 3.35 V until C/20; Rest for 1 minute; Discharge at 2C until 2.1 V) x 1000"));
        Assert.Equal(1000, r.Summary.Cycles.Count);
        var last = r.Summary.Cycles[^1];
        Assert.True(last.Retention is > 0.5 and < 1.0, $"retention {last.Retention}");
        Assert.True(last.CoulombicEfficiency is > 0.99 and <= 1.0001, $"CE {last.CoulombicEfficiency}");
        // Contact loss makes the fade monotone (within the adaptive stepping's noise).
        for (int k = 1; k < 900; k += 100) Assert.True(r.Summary.Cycles[k + 99].DischargeCapacityAh < r.Summary.Cycles[k].DischargeCapacityAh);
    }

    [Theory]
    // The NaCrO2 curve ends at θ = 0.4 (≈ 3.6 V): 4.5 V cannot be reached, by current or by holding the voltage.
    [InlineData("nacro2-half", "Charge at 1C until 3.35 V; Charge at 0.5C until 4.5 V", "protocol step 2 \"Charge at 0.5C until 4.5 V\"", "outside the range of its OCP curve")]
    [InlineData("nacro2-half", "Charge at 1C until 3.35 V; Hold at 4.5 V until C/50", "protocol step 2 \"Hold at 4.5 V until C/50\"", "the electrode is exhausted before the step's end condition was met")]
    // Two sodium metal electrodes never run out: the cut-off is unreachable and the step limit says so.
    [InlineData("na-symmetric", "Charge at 0.1 mA/cm2 until 1 V", "protocol step 1", "the cut-off may be unreachable for this cell (a metal electrode never runs out)")]
    public void Impossible_steps_fail_naming_the_step_and_the_reason(string preset, string protocol, string step, string reason)
    {
        var e = Assert.Throws<SimulationFailedException>(() => CellSimulation.RunStreaming(CellPresets.Get(preset).Cell, Protocol.Parse(protocol)));
        Assert.StartsWith("simulation failed at " + step, e.Message);
        Assert.Contains(reason, e.Message);
    }
}
