using System.Text.Json;
using Borolyte.Cells.Protocols;
using Borolyte.Cells.Simulation;
using Borolyte.Tests.Cli;

namespace Borolyte.Tests.Cells.Simulation;

/// <summary>Parameter sweeps (issue 5 §3): cartesian order, parallel = serial, parameter semantics, errors.</summary>
public class CellSweepTests
{
    private static readonly Protocol TwoCycles = Protocol.Parse("(Charge at 1C until 3.35 V; Discharge at 1C until 2.1 V) x 2");

    [Fact]
    public void Parallel_results_are_identical_to_serial_in_the_same_order()
    {
        var cell = CellPresets.Get("nacro2-half").Cell;
        var parameters = new[]
        {
            CellSweep.ParseParameter("separatorThicknessUm=100,500"),
            CellSweep.ParseParameter("stackPressureMPa=3,70"),
            CellSweep.ParseParameter("temperatureC=30,60"),
        };
        var serial = CellSweep.Run(cell, parameters, TwoCycles, maxDegreeOfParallelism: 1);
        var parallel = CellSweep.Run(cell, parameters, TwoCycles, maxDegreeOfParallelism: -1);
        Assert.Equal(8, serial.Count);
        for (int i = 0; i < serial.Count; i++)
        {
            Assert.Equal(i, parallel[i].Index);
            Assert.Equal(serial[i].Values, parallel[i].Values);
            Assert.Equal(serial[i] with { WallTimeMs = 0, Values = [] }, parallel[i] with { WallTimeMs = 0, Values = [] });
            Assert.Null(serial[i].Error);
        }
        // Cartesian order, last parameter fastest.
        Assert.Equal([100.0, 3, 30], serial[0].Values);
        Assert.Equal([100.0, 3, 60], serial[1].Values);
        Assert.Equal([500.0, 70, 60], serial[7].Values);
        // Each run equals a direct run of the changed cell.
        var direct = CellSimulation.RunStreaming(cell with { SeparatorThicknessM = 500e-6, TemperatureK = 333.15,
            Degradation = cell.Degradation with { StackPressureMPa = 70 } }, TwoCycles);
        Assert.Equal(direct.Summary.Cycles[^1].DischargeSpecificCapacityMAhPerG, serial[7].LastDischargeCapacityMAhPerG);
        Assert.Equal(direct.Summary.Cycles[^1].Retention, serial[7].Retention);
        // Physics directions: warmer (κ up) gives more at 1C; lower pressure loses more contact per cycle.
        Assert.True(serial[1].FirstDischargeCapacityMAhPerG > serial[0].FirstDischargeCapacityMAhPerG);
        Assert.True(serial[0].Retention < serial[2].Retention);
    }

    [Fact]
    public void Loading_scales_thickness_active_mass_and_the_c_rate_basis()
    {
        var cell = CellPresets.Get("nacro2-half").Cell;
        var p = (CompositeElectrodeParameters)cell.Positive;
        var doubled = CellSweep.Apply(cell, "positive.loadingMgPerCm2", 14.0);
        var q = (CompositeElectrodeParameters)doubled.Positive;
        double s = 14.0 / (p.ActiveLoadingKgPerM2 * 100);
        Assert.Equal(2.0, s, 12);   // the preset is 7.0 mg/cm² (seed 004)
        Assert.Equal(p.ThicknessM * 2, q.ThicknessM, 15);
        Assert.Equal(cell.NominalArealCapacityCPerM2 * 2, doubled.NominalArealCapacityCPerM2, 9);
        Assert.Equal(0.14, doubled.ActiveLoadingKgPerM2, 12);
        Assert.Equal(p.ActiveVolumeFraction, q.ActiveVolumeFraction);
        // At C/20 the specific capacity hardly depends on the loading; at 5C the thicker electrode delivers less per gram.
        double Capacity(CellParameters c, string rate) => CellSimulation.RunStreaming(c with { Degradation = DegradationParameters.None },
            Protocol.Parse($"Charge at 0.05C until 3.35 V; Discharge at {rate} until 2.1 V")).Summary.Cycles[0].DischargeSpecificCapacityMAhPerG!.Value;
        Assert.Equal(Capacity(cell, "0.05C"), Capacity(doubled, "0.05C"), 0.02 * Capacity(cell, "0.05C"));
        Assert.True(Capacity(doubled, "5C") < Capacity(cell, "5C"));
    }

    [Fact]
    public void Stoichiometry_exponent_speeds_or_slows_NaCrO2_where_it_cycles()
    {
        // NaCrO2 cycles at θ ≈ 0.5–1, where D(θ) = D_s·exp(k·(θ − ½)) ≥ D_s for k > 0 and ≤ D_s for k < 0: the diffusion-limited
        // 5C capacity must rise with k, and k = 0 is the preset itself.
        var cell = CellPresets.Get("nacro2-half").Cell with { Degradation = DegradationParameters.None };
        double Capacity(CellParameters c) => CellSimulation.RunStreaming(c, Protocol.Parse("Charge at 0.1C until 3.35 V; Discharge at 5C until 2.1 V"))
            .Summary.Cycles[0].DischargeSpecificCapacityMAhPerG!.Value;
        double slow = Capacity(CellSweep.Apply(cell, "positive.solidDiffusivityStoichiometryExponent", -2));
        double same = Capacity(CellSweep.Apply(cell, "positive.solidDiffusivityStoichiometryExponent", 0));
        double fast = Capacity(CellSweep.Apply(cell, "positive.solidDiffusivityStoichiometryExponent", 2));
        Assert.Equal(Capacity(cell), same, 12);
        Assert.True(slow < same - 1 && same < fast - 1, $"5C capacities {slow:F1} / {same:F1} / {fast:F1} mAh/g for k = −2 / 0 / 2");
    }

    [Theory]
    [InlineData("thickness=1,2", "unknown parameter 'thickness'")]
    [InlineData("separatorThicknessUm", "expected NAME=v1,v2")]
    [InlineData("separatorThicknessUm=100,abc", "'abc' is not a number")]
    public void Malformed_parameters_name_the_problem(string text, string message)
    {
        var e = Assert.Throws<InvalidInputException>(() => CellSweep.ParseParameter(text));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void Bad_values_fail_before_any_run()
    {
        var cell = CellPresets.Get("nacro2-half").Cell;
        var e = Assert.Throws<InvalidInputException>(() => CellSweep.Run(cell, [CellSweep.ParseParameter("separatorThicknessUm=100,-5")], TwoCycles));
        Assert.Contains("--param separatorThicknessUm=-5: must be greater than zero", e.Message);
        e = Assert.Throws<InvalidInputException>(() => CellSweep.Apply(CellPresets.Get("na-symmetric").Cell, "positive.loadingMgPerCm2", 5));
        Assert.Contains("planar", e.Message);
    }

    [Fact]
    public void Failing_runs_are_reported_per_run_and_do_not_stop_the_sweep()
    {
        // 5 V lies above the NaCrO2 curve: every run fails in step 2 with the simulator's message, and the sweep returns them all.
        var cell = CellPresets.Get("nacro2-half").Cell;
        var runs = CellSweep.Run(cell, [CellSweep.ParseParameter("separatorThicknessUm=100,500")], Protocol.Parse("Charge at 1C until 3.35 V; Charge at 1C until 5 V"));
        Assert.Equal(2, runs.Count);
        Assert.All(runs, r => Assert.Contains("protocol step 2", r.Error));
        Assert.All(runs, r => Assert.Null(r.FirstDischargeCapacityMAhPerG));
    }

    [Fact]
    public void Cli_sweep_json()
    {
        var r = CliProcess.Run("cell", "sweep", "nacro2-half", "--param", "separatorThicknessUm=100,500", "--param", "temperatureC=30,60",
            "--protocol", "Charge at 1C until 3.35 V; Discharge at 1C until 2.1 V", "--json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        var runs = doc.RootElement.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal(4, runs.Count);
        Assert.Equal(["parameters", "dischargeCapacityMAhPerG", "finalDischargeCapacityMAhPerG", "retention", "avgDischargeVoltageV"],
            runs[0].EnumerateObject().Select(p => p.Name).Take(5));
        Assert.Equal(500, runs[3].GetProperty("parameters").GetProperty("separatorThicknessUm").GetDouble());
        Assert.Equal(60, runs[3].GetProperty("parameters").GetProperty("temperatureC").GetDouble());
        // Thinner separator → smaller ohmic drop → more capacity at 1C.
        Assert.True(runs[0].GetProperty("dischargeCapacityMAhPerG").GetDouble() > runs[2].GetProperty("dischargeCapacityMAhPerG").GetDouble());
        var bad = CliProcess.Run("cell", "sweep", "nacro2-half", "--param", "bogus=1", "--protocol", "Rest for 1 minute", "--json");
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("unknown parameter 'bogus'", bad.Stderr);
    }
}
