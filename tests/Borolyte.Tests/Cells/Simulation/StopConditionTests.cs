using System.Text.Json;
using Borolyte.Cells.Protocols;
using Borolyte.Cells.Simulation;
using Borolyte.Tests.Cli;

namespace Borolyte.Tests.Cells.Simulation;

/// <summary>Whole-protocol stop conditions (PyBaMM's experiment termination strings) and the runs they stop.</summary>
public class StopConditionTests
{
    [Theory]
    [InlineData("80% capacity", StopKind.CapacityFraction, 0.8)]
    [InlineData("80 % capacity", StopKind.CapacityFraction, 0.8)]
    [InlineData("4 Ah capacity", StopKind.CapacityAh, 4)]
    [InlineData("4 A.h capacity", StopKind.CapacityAh, 4)]
    [InlineData("4Ah capacity", StopKind.CapacityAh, 4)]
    [InlineData("0.5 mAh capacity", StopKind.CapacityAh, 0.0005)]
    [InlineData("100 mAh/g capacity", StopKind.SpecificCapacityMAhPerG, 100)]
    [InlineData("2.5 V", StopKind.Voltage, 2.5)]
    [InlineData("2.5V", StopKind.Voltage, 2.5)]
    [InlineData("10 hours", StopKind.Time, 36000)]
    [InlineData("30 minutes", StopKind.Time, 1800)]
    [InlineData("90 s", StopKind.Time, 90)]
    [InlineData("2 days", StopKind.Time, 172800)]
    public void PyBaMM_termination_strings_parse(string text, StopKind kind, double value)
    {
        var s = StopCondition.Parse(text);
        Assert.Equal(kind, s.Kind);
        Assert.Equal(value, s.Value, 12);
        Assert.Equal(text, s.Text);
    }

    [Theory]
    [InlineData("", "stop condition is empty")]
    [InlineData("80 furlongs", "stop condition '80 furlongs' is not understood")]
    [InlineData("80% capacitance", "is not understood")]
    [InlineData("capacity", "is not understood")]
    [InlineData("120% capacity", "a capacity percentage must be below 100 %")]
    [InlineData("0 Ah capacity", "the capacity must be greater than zero")]
    [InlineData("0 hours", "the time must be greater than zero")]
    public void Bad_stop_conditions_say_what_is_expected(string text, string expected)
    {
        var ex = Assert.Throws<InvalidInputException>(() => StopCondition.Parse(text));
        Assert.Contains(expected, ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void Cycles_are_PyBaMMs_top_level_steps_and_group_repetitions()
    {
        var p = Protocol.Parse("Rest for 1 minute; (Charge at 1C until 3.35 V; (Rest for 1 minute) x 2; Discharge at 1C until 2.1 V) x 3; Rest for 2 minutes");
        var cycles = p.Cycles().ToList();
        Assert.Equal(5, cycles.Count);
        Assert.Single(cycles[0]);
        Assert.Equal(4, cycles[1].Count);
        Assert.Equal(p.StepCount, cycles.Sum(c => c.Count));
        Assert.Equal(p.Steps().Select(s => s.Text), cycles.SelectMany(c => c).Select(s => s.Text));
    }

    private static CellParameters FastFading()
    {
        var cell = CellPresets.Get("nacro2-half").Cell;
        return cell with { Degradation = DegradationParameters.None with { ContactLossPerCycleAtReference = 0.05 } };
    }

    private static readonly Protocol TenCycles = Protocol.Parse("(Charge at 1C until 3.35 V; Discharge at 1C until 2.1 V) x 10");

    [Fact]
    public void A_condition_never_met_changes_nothing()
    {
        var cell = FastFading();
        var plain = CellSimulation.RunStreaming(cell, TenCycles);
        var stopped = TerminatedRun.Run(cell, TenCycles, [StopCondition.Parse("1% capacity"), StopCondition.Parse("1 V")]);
        Assert.Null(stopped.Met);
        Assert.Equal(10, stopped.ProtocolCycles);
        Assert.Equal(plain.Summary.Cycles, stopped.Result.Summary.Cycles);
        Assert.Equal(plain.Points, stopped.Result.Points);
    }

    [Fact]
    public void Capacity_fraction_stops_after_the_first_cycle_below_it()
    {
        var cell = FastFading();
        var all = CellSimulation.RunStreaming(cell, TenCycles).Summary.Cycles;
        double first = all[0].DischargeSpecificCapacityMAhPerG!.Value;
        // Expected from the unstopped run's per-cycle summary: the first cycle whose discharge is below 80 % of cycle 1's.
        int expected = all.First(c => c.DischargeSpecificCapacityMAhPerG < 0.8 * first).Cycle;
        Assert.InRange(expected, 3, 9);   // the test means something only if the fade crosses 80 % inside the run
        var stopped = TerminatedRun.Run(cell, TenCycles, [StopCondition.Parse("80% capacity")]);
        Assert.Equal("80% capacity", stopped.Met!.Text);
        Assert.Equal(expected, stopped.ProtocolCycles);
        Assert.Equal(all.Take(expected), stopped.Result.Summary.Cycles);
        Assert.Contains(stopped.Result.Notes, n => n.StartsWith($"stopped after protocol cycle {expected}:", StringComparison.Ordinal));

        // The same in mAh/g and absolute charge.
        double threshold = 0.8 * first;
        var specific = TerminatedRun.Run(cell, TenCycles, [StopCondition.Parse($"{threshold.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} mAh/g capacity")]);
        Assert.Equal(expected, specific.ProtocolCycles);
        double ah = threshold * cell.ActiveLoadingKgPerM2 * cell.AreaM2;   // mAh/g × kg = A·h
        var absolute = TerminatedRun.Run(cell, TenCycles, [StopCondition.Parse($"{ah.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} Ah capacity")]);
        Assert.Equal(expected, absolute.ProtocolCycles);
    }

    [Fact]
    public void Voltage_and_time_stops()
    {
        var cell = CellPresets.Get("nacro2-half").Cell with { Degradation = DegradationParameters.None };
        // Each cycle discharges to 2.1 V: "2.15 V" is met by the first cycle.
        var v = TerminatedRun.Run(cell, TenCycles, [StopCondition.Parse("2.15 V")], keepSeries: true);
        Assert.Equal(1, v.ProtocolCycles);
        Assert.Equal(StopKind.Voltage, v.Met!.Kind);
        Assert.True(v.Series!.VoltageV.Min() <= 2.15);
        // "3 hours" ends the run at the end of the step that crosses 3 h: the cycle of that step in the unstopped run.
        var t = TerminatedRun.Run(cell, TenCycles, [StopCondition.Parse("3 hours")], keepSeries: true);
        var whole = CellSimulation.Run(cell, TenCycles).Series;
        int crossing = whole.TimeS.FindIndex(time => time >= 3 * 3600);
        Assert.Equal((whole.StepCount[crossing] + 1) / 2, t.ProtocolCycles);   // two steps per cycle
        Assert.True(t.ProtocolCycles >= 2, $"{t.ProtocolCycles}: 1C cycles last less than 3 h, so the stop is not in the first");
        double end = t.Series!.TimeS[^1];
        Assert.True(end >= 3 * 3600, $"{end}");
        Assert.True(end < 5 * 3600, $"{end}");
        Assert.Contains("simulated time", t.Reason);
    }

    [Fact]
    public void Cli_stop_reports_the_condition_after_the_contract()
    {
        var r = CliProcess.Run("cell", "simulate", "nacro2-half", "--no-degradation", "--protocol", "(Charge at 1C until 3.35 V; Discharge at 1C until 2.1 V) x 5",
            "--stop", "2.15 V", "--stop", "80% capacity", "--json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal(["cycles", "wallTimeMs"], doc.RootElement.EnumerateObject().Select(p => p.Name).Take(2));
        Assert.Equal("2.15 V", doc.RootElement.GetProperty("stoppedBy").GetString());
        Assert.Equal(1, doc.RootElement.GetProperty("protocolCyclesRun").GetInt32());
        Assert.Equal(1, doc.RootElement.GetProperty("cycles").GetArrayLength());

        var bad = CliProcess.Run("cell", "simulate", "nacro2-half", "--protocol", "Rest for 1 minute", "--stop", "80 furlongs", "--json");
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("stop condition '80 furlongs' is not understood", bad.Stderr);
        Assert.Equal("", bad.Stdout.Trim());
    }
}
