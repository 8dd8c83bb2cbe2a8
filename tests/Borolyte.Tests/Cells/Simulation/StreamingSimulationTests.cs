using Borolyte.Cells.Protocols;
using Borolyte.Cells.Simulation;
using Borolyte.Cycling.Analysis;
using Borolyte.Tests.Cli;
using Borolyte.Tests.Support;
using System.Text.Json;

namespace Borolyte.Tests.Cells.Simulation;

/// <summary>
/// Streaming runs (issue 5 §3, memory flat in the number of cycles): the per-cycle summary from accumulators equals the
/// cycling module's summary of the kept series, the streamed CSV equals the CSV written from the kept series, and a failed
/// run leaves no file.
/// </summary>
public class StreamingSimulationTests
{
    private static void AssertSameSummary(CyclingSummary expected, CyclingSummary actual)
    {
        Assert.Equal(expected.Cycles.Count, actual.Cycles.Count);
        for (int k = 0; k < expected.Cycles.Count; k++) Assert.Equal(expected.Cycles[k], actual.Cycles[k]);   // records: every field, exactly
        Assert.Equal(expected.Mode, actual.Mode);
        Assert.Equal(expected.ReferenceCycle, actual.ReferenceCycle);
        Assert.Equal(expected.CapacitySource, actual.CapacitySource);
        Assert.Equal(expected.ActiveMassKg, actual.ActiveMassKg);
        Assert.Equal(expected.AreaM2, actual.AreaM2);
        Assert.Equal(expected.Notes, actual.Notes);
    }

    [Theory]
    // Cathode half cell with degradation, CC-CV, rests and a rate change (charge-first cycles, CV points, several CC currents per cycle).
    [InlineData("nacro2-half", "Charge at 0.1C until 3.35 V; Rest for 10 minutes; (Charge at 0.5C until 3.35 V; Hold at 3.35 V until C/20; Rest for 5 minutes; Discharge at 1C until 2.1 V; Discharge at 0.2C until 2.1 V) x 3")]
    // Anode half cell: discharge-first cycles, anode mode, sodium-loss side reaction.
    [InlineData("sn-half", "(Discharge at 0.2C until 0.01 V; Charge at 0.2C until 2 V) x 3")]
    // Full cell with both degradation laws.
    [InlineData("nacro2-sn-full", "(Charge at 0.2C until 3.3 V; Discharge at 0.2C until 1.5 V) x 3")]
    public void Streaming_summary_is_identical_to_the_summary_of_the_kept_series(string preset, string protocolText)
    {
        var cell = CellPresets.Get(preset).Cell;
        var protocol = Protocol.Parse(protocolText);
        var kept = CellSimulation.Run(cell, protocol);
        var streamed = CellSimulation.RunStreaming(cell, protocol);
        Assert.True(kept.Summary.Cycles.Count >= 3);
        AssertSameSummary(kept.Summary, streamed.Summary);
        Assert.Equal(kept.Series.Count, streamed.Points);
        Assert.Equal(kept.Series.TimeS[^1], streamed.SimulatedTimeS);
        Assert.Equal(kept.Notes, streamed.Notes);
    }

    [Fact]
    public void Streamed_csv_is_byte_identical_to_the_csv_of_the_kept_series()
    {
        using var dir = new TempDirectory();
        var cell = CellPresets.Get("nacro2-half").Cell;
        var protocol = Protocol.Parse("(Charge at 1C until 3.35 V; Hold at 3.35 V until C/10; Discharge at 1C until 2.1 V) x 2");
        var kept = CellSimulation.Run(cell, protocol);
        SimulatedRunCsv.Write(kept, dir.File("kept.csv"));
        var streamed = CellSimulation.RunToCsv(cell, protocol, dir.File("streamed.csv"));
        Assert.Equal(File.ReadAllBytes(dir.File("kept.csv")), File.ReadAllBytes(dir.File("streamed.csv")));
        Assert.Equal(kept.Series.Count + 1, File.ReadLines(dir.File("streamed.csv")).Count());
        AssertSameSummary(kept.Summary, streamed.Summary);
    }

    [Fact]
    public void A_failed_streamed_run_leaves_no_file_and_keeps_an_existing_one()
    {
        using var dir = new TempDirectory();
        string path = dir.File("run.csv");
        // 5 V is above the NaCrO2 curve's top: the cathode runs out of sodium before the cut-off (the failure names the step).
        var bad = Protocol.Parse("Charge at 1C until 3.35 V; Charge at 1C until 5 V");
        var cell = CellPresets.Get("nacro2-half").Cell;
        var e = Assert.Throws<SimulationFailedException>(() => CellSimulation.RunToCsv(cell, bad, path));
        Assert.Contains("protocol step 2", e.Message);
        Assert.Empty(Directory.GetFiles(dir.Path));
        File.WriteAllText(path, "previous");
        Assert.Throws<SimulationFailedException>(() => CellSimulation.RunToCsv(cell, bad, path));
        Assert.Equal("previous", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void A_streaming_simulation_keeps_no_series()
    {
        var sim = new CellSimulation(CellPresets.Get("nacro2-half").Cell, null, new StreamingCycleSummary());
        sim.Execute(Protocol.Parse("Charge at 1C for 1 minute"));
        Assert.True(sim.PointCount > 2);
        Assert.Throws<InvalidOperationException>(() => sim.Series);
    }

    [Fact]
    public void The_one_undecidable_case_is_stated_in_a_note()
    {
        // A current below 10⁻⁴ of a later, larger one: the cycling module's rest threshold (10⁻⁴·max|I| over the whole run)
        // treats the first step as rest; the stream cannot know the later maximum, counts it and says so.
        var cell = CellPresets.Get("nacro2-half").Cell with { Degradation = DegradationParameters.None };
        var protocol = Protocol.Parse("Charge at 0.00002C for 10 minutes; Charge at 1C until 3.35 V; Discharge at 1C until 2.1 V");
        var kept = CellSimulation.Run(cell, protocol);
        var streamed = CellSimulation.RunStreaming(cell, protocol);
        Assert.Contains(streamed.Summary.Notes, n => n.StartsWith("streaming summary:", StringComparison.Ordinal));
        Assert.DoesNotContain(kept.Summary.Notes, n => n.StartsWith("streaming summary:", StringComparison.Ordinal));
        Assert.True(streamed.Summary.Cycles[0].ChargeCapacityAh > kept.Summary.Cycles[0].ChargeCapacityAh);
        // The difference is the tiny step's charge: 2·10⁻⁵ of the nominal capacity over 1/6 h.
        double tiny = 0.00002 * cell.NominalArealCapacityCPerM2 * cell.AreaM2 / 3600 * (10.0 / 60);
        Assert.Equal(tiny, streamed.Summary.Cycles[0].ChargeCapacityAh - kept.Summary.Cycles[0].ChargeCapacityAh, 1e-6 * tiny + 1e-15);
    }

    [Fact]
    public void Cli_summary_only_equals_the_kept_run_and_a_failed_out_leaves_no_file()
    {
        const string protocol = "(Charge at 1C until 3.35 V; Discharge at 1C until 2.1 V) x 2";
        var kept = CliProcess.Run("cell", "simulate", "nacro2-half", "--protocol", protocol, "--json");
        var streamed = CliProcess.Run("cell", "simulate", "nacro2-half", "--protocol", protocol, "--summary-only", "--json");
        Assert.Equal(0, kept.ExitCode);
        Assert.Equal(0, streamed.ExitCode);
        using var a = JsonDocument.Parse(kept.Stdout);
        using var b = JsonDocument.Parse(streamed.Stdout);
        Assert.Equal(a.RootElement.GetProperty("cycles").GetRawText(), b.RootElement.GetProperty("cycles").GetRawText());
        Assert.Equal(a.RootElement.GetProperty("points").GetInt64(), b.RootElement.GetProperty("points").GetInt64());

        using var dir = new TempDirectory();
        var failed = CliProcess.Run("cell", "simulate", "nacro2-half", "--protocol", "Charge at 1C until 3.35 V; Charge at 1C until 5 V", "--out", dir.File("run.csv"));
        Assert.Equal(1, failed.ExitCode);
        Assert.Contains("protocol step 2", failed.Stderr);
        Assert.Empty(Directory.GetFiles(dir.Path));
    }
}
