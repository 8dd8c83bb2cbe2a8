using Borolyte.Cells.Protocols;
using Borolyte.Cells.Simulation;
using System.Globalization;
using System.Text.Json;
using Borolyte.Tests.Cli;
using Borolyte.Tests.Support;

namespace Borolyte.Tests.Cells.Simulation;

/// <summary>`cell calibrate --cycles`: recovery of known degradation parameters from synthetic cycling summaries, uncertainties, input errors.</summary>
public class CycleCalibrationTests
{
    private static readonly Protocol Cycling = Protocol.Parse("(Charge at 1C until 3.35 V; Discharge at 1C until 2.1 V) x 30");
    private static readonly SimulationOptions Options = new();

    private static List<MeasuredCycle> Synthetic(CellParameters truth, Func<int, double> noise) =>
        CellSimulation.RunStreaming(truth, Cycling, Options).Summary.Cycles
            .Where(c => c.Cycle % 3 == 0 || c.Cycle == 1)
            .Select(c => new MeasuredCycle(c.Cycle, c.DischargeSpecificCapacityMAhPerG!.Value + noise(c.Cycle))).ToList();

    [Fact]
    public void Recovers_a_known_contact_loss_rate_from_a_retention_series()
    {
        // Truth: 0.004 per cycle at 3 MPa (the preset has 70 MPa; the fitted λ is at the cell's own pressure).
        var start = CellPresets.Get("nacro2-half").Cell with { Degradation = DegradationParameters.None };
        var truth = CycleCalibrationKnob(start, 0.004);
        var measured = Synthetic(truth, _ => 0);
        var fit = CycleCalibration.Fit(start, Cycling, measured, ["degradation.contactLossPerCycle"], Options);
        Assert.True(fit.Converged, fit.StopReason);
        Assert.Equal(0.004, fit.Parameters[0].Value, 0.02 * 0.004);
        Assert.True(fit.RmsMAhPerG < 0.05, $"rms {fit.RmsMAhPerG}");
        Assert.Contains(fit.Notes, n => n.StartsWith("degradation.contactLossPerCycle: off in the cell", StringComparison.Ordinal));
    }

    [Fact]
    public void With_noise_the_true_value_lies_within_the_stated_uncertainty()
    {
        // Deterministic ±0.4 mAh/g noise (a fixed alternating pattern): the fit is off the truth, and the 1σ band in ln λ says by how much.
        var start = CellPresets.Get("nacro2-half").Cell with { Degradation = DegradationParameters.None };
        var truth = CycleCalibrationKnob(start, 0.004);
        var measured = Synthetic(truth, c => (c % 2 == 0 ? 0.4 : -0.4) * ((c / 3) % 3 == 0 ? 1 : -0.5));
        var fit = CycleCalibration.Fit(start, Cycling, measured, ["degradation.contactLossPerCycle"], Options);
        var p = fit.Parameters[0];
        Assert.True(p.StandardErrorLn > 0.005 && p.StandardErrorLn < 0.5, $"σ_ln = {p.StandardErrorLn}");
        Assert.InRange(Math.Log(0.004), Math.Log(p.Value) - 3 * p.StandardErrorLn, Math.Log(p.Value) + 3 * p.StandardErrorLn);
        Assert.InRange(fit.RmsMAhPerG, 0.1, 0.5);
    }

    [Fact]
    public void Recovers_sodium_loss_and_contact_loss_together_in_the_full_cell()
    {
        // Continued interphase growth at the Sn anode (lost charge ∝ √q: fast at first, then slower) and isolation of Sn particles
        // (exponential, constant rate per cycle; at 0.5C the slow Sn limits the capacity) have different shapes: both identifiable.
        var full = CellPresets.Get("nacro2-sn-full").Cell;
        var protocol = Protocol.Parse("(Charge at 0.5C until 3.3 V; Discharge at 0.5C until 1.5 V) x 15");
        CellParameters With(double growth, double lambda) => full with { Degradation = full.Degradation with { SideReactionGrowth = growth, SideReactionInitialFraction = 0,
            NegativeContactLossPerCycleAtReference = lambda, OxidationInitialFraction = 0 } };
        var measured = CellSimulation.RunStreaming(With(0.10, 0.02), protocol, Options).Summary.Cycles
            .Select(c => new MeasuredCycle(c.Cycle, c.DischargeSpecificCapacityMAhPerG!.Value)).ToList();
        var fit = CycleCalibration.Fit(With(0.05, 0.006), protocol, measured, ["degradation.sideReactionGrowth", "degradation.negativeContactLossPerCycle"], Options);
        Assert.True(fit.Converged, $"{fit.StopReason}: {fit.Parameters[0].Value}, {fit.Parameters[1].Value}, rms {fit.RmsMAhPerG}");
        Assert.Equal(0.10, fit.Parameters[0].Value, 0.05 * 0.10);
        Assert.Equal(0.02, fit.Parameters[1].Value, 0.05 * 0.02);
    }

    private static CellParameters CycleCalibrationKnob(CellParameters cell, double lambda) =>
        cell with { Degradation = DegradationParameters.None with { ContactLossPerCycleAtReference = lambda, StackPressureMPa = 3, ContactLossReferencePressureMPa = 3 } };

    [Fact]
    public void Cycle_tables_and_requests_are_checked()
    {
        Assert.Equal(2, CycleCalibration.ReadCycles("# x\ncycle,discharge_capacity_mah_per_g\n1,118\n10,110\n", "c.csv").Count);
        Assert.Contains("c.csv:1", Assert.Throws<InvalidInputException>(() => CycleCalibration.ReadCycles("n,q\n1,1\n", "c.csv")).Message);
        Assert.Contains("c.csv:3: cycle 1 does not follow cycle 2",
            Assert.Throws<InvalidInputException>(() => CycleCalibration.ReadCycles("cycle,discharge_capacity_mah_per_g\n2,118\n1,110\n", "c.csv")).Message);
        Assert.Contains("c.csv:2: cycle '1.5'",
            Assert.Throws<InvalidInputException>(() => CycleCalibration.ReadCycles("cycle,discharge_capacity_mah_per_g\n1.5,118\n", "c.csv")).Message);
        var cell = CellPresets.Get("nacro2-half").Cell;
        MeasuredCycle[] two = [new(1, 110), new(40, 100)];
        Assert.Contains("the protocol gives 30 cycles",
            Assert.Throws<InvalidInputException>(() => CycleCalibration.Fit(cell, Cycling, two, ["degradation.contactLossPerCycle"])).Message);
        Assert.Contains("unknown parameter", Assert.Throws<InvalidInputException>(() => CycleCalibration.Fit(cell, Cycling, two, ["bogus"])).Message);
        Assert.Throws<InvalidInputException>(() => CycleCalibration.Fit(cell, Cycling, [new(1, 110)], ["degradation.contactLossPerCycle"]));
    }

    [Fact]
    public void Cli_calibrate_cycles_json_and_usage_errors()
    {
        using var dir = new TempDirectory();
        const string protocol = "(Charge at 1C until 3.35 V; Discharge at 1C until 2.1 V) x 12";
        var truth = CellPresets.Get("nacro2-half").Cell with { Degradation = DegradationParameters.None with { ContactLossPerCycleAtReference = 0.01, StackPressureMPa = 70, ContactLossReferencePressureMPa = 70 } };
        var rows = CellSimulation.RunStreaming(truth, Protocol.Parse(protocol), CellCalibration.DefaultOptions).Summary.Cycles
            .Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Cycle},{c.DischargeSpecificCapacityMAhPerG:R}"));
        File.WriteAllText(dir.File("cycles.csv"), "# synthetic, λ = 0.01/cycle\ncycle,discharge_capacity_mah_per_g\n" + string.Join("\n", rows) + "\n");
        var r = CliProcess.Run("cell", "calibrate", "nacro2-half", "--no-degradation", "--cycles", dir.File("cycles.csv"), "--protocol", protocol,
            "--fit", "degradation.contactLossPerCycle", "--json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        var p = doc.RootElement.GetProperty("parameters")[0];
        Assert.Equal("degradation.contactLossPerCycle", p.GetProperty("name").GetString());
        Assert.Equal(0.01, p.GetProperty("value").GetDouble(), 0.02 * 0.01);
        Assert.Equal(12, doc.RootElement.GetProperty("cycles").GetArrayLength());

        var both = CliProcess.Run("cell", "calibrate", "nacro2-half", "--cycles", dir.File("cycles.csv"), "--rates", dir.File("cycles.csv"), "--fit", "degradation.contactLossPerCycle");
        Assert.Equal(2, both.ExitCode);
        var noProtocol = CliProcess.Run("cell", "calibrate", "nacro2-half", "--cycles", dir.File("cycles.csv"), "--fit", "degradation.contactLossPerCycle");
        Assert.Equal(2, noProtocol.ExitCode);
        Assert.Contains("--protocol", noProtocol.Stderr);
    }

    [Fact]
    public void A_cycler_file_gives_the_measured_cycles_through_the_cycling_modules_summary()
    {
        // The simulator's own time series, written as BDF CSV (a format the cycling module reads), is a cycler file whose
        // per-cycle mAh/g are known: the simulation's summary. The cycling module integrates the file's current itself.
        using var dir = new TempDirectory();
        var truth = CellPresets.Get("nacro2-half").Cell with { Degradation = DegradationParameters.None with { ContactLossPerCycleAtReference = 0.01 } };
        var run = CellSimulation.Run(truth, Protocol.Parse("(Charge at 1C until 3.35 V; Discharge at 1C until 2.1 V) x 4"));
        string path = dir.File("run.csv");
        SimulatedRunCsv.Write(run, path);
        double massKg = truth.ActiveLoadingKgPerM2 * truth.AreaM2;
        var (cycles, notes) = CycleCalibration.ReadMeasuredCycles(path, massKg);
        Assert.Equal(4, cycles.Count);
        for (int i = 0; i < 4; i++)
        {
            double expected = run.Summary.Cycles[i].DischargeSpecificCapacityMAhPerG!.Value;
            Assert.Equal(i + 1, cycles[i].Cycle);
            Assert.Equal(expected, cycles[i].DischargeCapacityMAhPerG, 1e-3 * expected);
        }
        Assert.Contains(notes, n => n.Contains("bdf-csv, 4 complete cycles"));

        // Without a mass there are no mAh/g: the error names the file and the option.
        var noMass = Assert.Throws<InvalidInputException>(() => CycleCalibration.ReadMeasuredCycles(path, null));
        Assert.Contains("run.csv: the cycler file states no active mass", noMass.Message);
        Assert.Contains("--active-mass-mg", noMass.Message);

        // Truncated inside the last discharge: that cycle is left out, and said so.
        var lines = File.ReadAllLines(path);
        int lastCharge = Array.FindLastIndex(lines, l => l.Split(',')[2] is var current && double.TryParse(current, CultureInfo.InvariantCulture, out double a) && a > 0);
        File.WriteAllLines(dir.File("cut.csv"), lines.Take(lastCharge + (lines.Length - lastCharge) / 2));
        var (cut, cutNotes) = CycleCalibration.ReadMeasuredCycles(dir.File("cut.csv"), massKg);
        Assert.Equal([1, 2, 3], cut.Select(c => c.Cycle));
        Assert.Contains(cutNotes, n => n.Contains("cycle(s) 4 left out"));

        // A file that is neither the table nor a cycler format: the cycling module's error, naming the file and line.
        File.WriteAllText(dir.File("other.csv"), "hello,world\n1,2\n");
        Assert.Contains("other.csv line 1: format not recognised", Assert.ThrowsAny<InvalidInputException>(() => CycleCalibration.ReadMeasuredCycles(dir.File("other.csv"), massKg)).Message);
        Assert.Contains("other.csv line 1: format not recognised", Assert.ThrowsAny<InvalidInputException>(() => CellCalibration.ReadMeasuredRates(dir.File("other.csv"), massKg, truth, anode: false)).Message);

        // A mass with a table that already gives mAh/g is a contradiction.
        File.WriteAllText(dir.File("t.csv"), "cycle,discharge_capacity_mah_per_g\n1,110\n");
        Assert.Contains("an active mass belongs to a cycler file", Assert.Throws<InvalidInputException>(() => CycleCalibration.ReadMeasuredCycles(dir.File("t.csv"), massKg)).Message);
    }

    [Fact]
    public void Cli_calibrate_recovers_the_contact_loss_from_a_cycler_file()
    {
        using var dir = new TempDirectory();
        const string protocol = "(Charge at 1C until 3.35 V; Discharge at 1C until 2.1 V) x 12";
        var truth = CellPresets.Get("nacro2-half").Cell with { Degradation = DegradationParameters.None with { ContactLossPerCycleAtReference = 0.01 } };
        SimulatedRunCsv.Write(CellSimulation.Run(truth, Protocol.Parse(protocol), CellCalibration.DefaultOptions), dir.File("cell.csv"));
        string mg = (truth.ActiveLoadingKgPerM2 * truth.AreaM2 * 1e6).ToString("R", CultureInfo.InvariantCulture);
        var r = CliProcess.Run("cell", "calibrate", "nacro2-half", "--no-degradation", "--cycles", dir.File("cell.csv"), "--active-mass-mg", mg,
            "--protocol", protocol, "--fit", "degradation.contactLossPerCycle", "--json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal(0.01, doc.RootElement.GetProperty("parameters")[0].GetProperty("value").GetDouble(), 0.02 * 0.01);
        Assert.Equal(12, doc.RootElement.GetProperty("cycles").GetArrayLength());
        Assert.Contains("bdf-csv", doc.RootElement.GetProperty("notes")[0].GetString());

        var noMass = CliProcess.Run("cell", "calibrate", "nacro2-half", "--cycles", dir.File("cell.csv"), "--protocol", protocol, "--fit", "degradation.contactLossPerCycle");
        Assert.NotEqual(0, noMass.ExitCode);
        Assert.Contains("states no active mass", noMass.Stderr);
        var badMass = CliProcess.Run("cell", "calibrate", "nacro2-half", "--cycles", dir.File("cell.csv"), "--active-mass-mg", "0", "--protocol", protocol, "--fit", "degradation.contactLossPerCycle");
        Assert.Equal(2, badMass.ExitCode);
    }

    [Fact]
    public void Cli_calibrate_recovers_the_diffusivity_from_a_cycler_files_rate_test()
    {
        // A rate test (0.1C charges, discharges at 0.1/1/2/5C) of a NaCrO2 half cell whose D_s is half the preset's, written
        // as BDF CSV: the cycling module groups its cycles by C-rate (1C = the active mass × the cell's nominal
        // mAh/g) and the rate calibration, started from the preset, must find the half.
        using var dir = new TempDirectory();
        var preset = CellPresets.Get("nacro2-half");
        var positive = (CompositeElectrodeParameters)preset.Cell.Positive;
        var truth = preset.Cell with { Positive = positive with { SolidDiffusivityM2PerS = 0.5 * positive.SolidDiffusivityM2PerS }, Degradation = DegradationParameters.None };
        string protocol = RateCapabilityTest.ProtocolText([0.1, 1, 2, 5], preset.MinVoltageV, preset.MaxVoltageV, 0.1, anode: false);
        SimulatedRunCsv.Write(CellSimulation.Run(truth, Protocol.Parse(protocol), CellCalibration.DefaultOptions), dir.File("rates.csv"));
        string mg = (truth.ActiveLoadingKgPerM2 * truth.AreaM2 * 1e6).ToString("R", CultureInfo.InvariantCulture);
        var r = CliProcess.Run("cell", "calibrate", "nacro2-half", "--no-degradation", "--rates", dir.File("rates.csv"), "--active-mass-mg", mg,
            "--fit", "positive.solidDiffusivity", "--json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal(0.5 * positive.SolidDiffusivityM2PerS, doc.RootElement.GetProperty("parameters")[0].GetProperty("value").GetDouble(), 0.01 * 0.5 * positive.SolidDiffusivityM2PerS);
        Assert.Equal([0.1, 1, 2, 5], doc.RootElement.GetProperty("rates").EnumerateArray().Select(e => e.GetProperty("cRate").GetDouble()));
        Assert.Contains("4 rate groups (0.1C × 1, 1C × 1, 2C × 1, 5C × 1)", doc.RootElement.GetProperty("notes")[0].GetString());
    }
}
