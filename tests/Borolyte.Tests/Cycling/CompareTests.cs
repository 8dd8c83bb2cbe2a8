using System.Globalization;
using System.Text.Json;
using Borolyte.Cycling.Analysis;
using Borolyte.Cycling.Readers;
using Borolyte.Tests.Cli;
using Borolyte.Tests.Support;

namespace Borolyte.Tests.Cycling;

/// <summary>A measured run against a second run in the BDF schema (what the cell simulator writes).</summary>
public class CompareTests
{
    private static string Data(string name) => TestData.Path("cycling", name);

    /// <summary>The BDF export of neware_uio.csv with every voltage raised by <paramref name="shiftV"/>.</summary>
    private static string ShiftedExport(TempDirectory dir, double shiftV)
    {
        var run = CyclingFileReader.Read(Data("neware_uio.csv"));
        using (var writer = new StreamWriter(dir.File("export.bdf.csv"))) BdfCsv.Write(run, writer);
        var lines = File.ReadAllLines(dir.File("export.bdf.csv"));
        int v = Array.IndexOf(lines[0].Split(','), "voltage_volt");
        for (int i = 1; i < lines.Length; i++)
        {
            var f = lines[i].Split(',');
            f[v] = (double.Parse(f[v], CultureInfo.InvariantCulture) + shiftV).ToString("R", CultureInfo.InvariantCulture);
            lines[i] = string.Join(',', f);
        }
        File.WriteAllLines(dir.File("shifted.bdf.csv"), lines);
        return dir.File("shifted.bdf.csv");
    }

    [Fact]
    public void ARunAgainstItsOwnExportDiffersByNothingAndAShiftIsMeasured()
    {
        using var dir = new TempDirectory();
        var measured = CyclingFileReader.Read(Data("neware_uio.csv"));
        var same = RunComparison.Compare(measured, CyclingFileReader.Read(ShiftedExport(dir, 0)));
        Assert.Equal(4, same.Cycles.Count);
        foreach (var c in same.Cycles)
        {
            Assert.Equal(c.MeasuredChargeAh, c.SimulatedChargeAh);
            Assert.Equal(c.MeasuredDischargeAh, c.SimulatedDischargeAh);
            Assert.Equal(0, c.ChargeVoltageRmsV!.Value);
            Assert.Equal(0, c.DischargeVoltageRmsV!.Value);
        }
        var shifted = RunComparison.Compare(measured, CyclingFileReader.Read(ShiftedExport(dir, 0.010)));
        foreach (var c in shifted.Cycles)
        {
            Assert.Equal(0.010, c.ChargeVoltageRmsV!.Value, 9);   // a uniform 10 mV offset is a 10 mV RMS difference
            Assert.Equal(0.010, c.DischargeVoltageRmsV!.Value, 9);
            Assert.Equal(c.MeasuredDischargeAh, c.SimulatedDischargeAh);
        }
    }

    [Fact]
    public void CliWritesTheReportAndTheJson()
    {
        using var dir = new TempDirectory();
        string simulated = ShiftedExport(dir, 0.010);
        var r = CliProcess.Run("cycling", "compare", Data("neware_uio.csv"), simulated, "--out", dir.File("cmp.html"), "--json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal("bdf-csv", doc.RootElement.GetProperty("simulated").GetProperty("format").GetString());
        Assert.Equal(0.010, doc.RootElement.GetProperty("cycles")[0].GetProperty("dischargeVoltageRmsV").GetDouble(), 9);
        string html = File.ReadAllText(dir.File("cmp.html"));
        Assert.Contains("measured (solid) and simulated (dashed)", html);
        Assert.Contains("simulated, cycle 1 discharge", html);
        var text = CliProcess.Run("cycling", "compare", Data("neware_uio.csv"), simulated, "--out", dir.File("cmp2.html"));
        Assert.Contains("(4 figures, 4 shared cycles)", text.Stdout);
        // Nothing in common: cycles 7 and 8 only.
        File.WriteAllText(dir.File("other.bdf.csv"), "test_time_second,voltage_volt,current_ampere,cycle_count\n0,3,0.001,7\n60,3.1,0.001,7\n120,3.2,-0.001,8\n180,3.1,-0.001,8\n");
        var none = CliProcess.Run("cycling", "compare", Data("neware_uio.csv"), dir.File("other.bdf.csv"), "--out", dir.File("none.html"));
        Assert.Equal(1, none.ExitCode);
        Assert.Contains("no cycle in common", none.Stderr);
        Assert.False(File.Exists(dir.File("none.html")));
    }

    /// <summary>
    /// The issue's use: a real measured file against a run written by `cell simulate --out`, by file and as stored runs.
    /// The per-cycle numbers of both sides are those `cycling summarize` gives on each run alone.
    /// </summary>
    [Fact]
    public void CliComparesARealFileWithASimulatedRunByFileAndByStoredRun()
    {
        using var dir = new TempDirectory();
        var sim = CliProcess.Run("cell", "simulate", "nacro2-half", "--protocol", "(Charge at 0.5C until 3.35 V; Discharge at 0.5C until 2.1 V) x 2",
            "--out", dir.File("run.csv"));
        Assert.True(sim.ExitCode == 0, sim.Stderr);
        string db = dir.File("kb.db");
        Assert.Equal(0, CliProcess.Run("cycling", "import", Data("neware_uio.csv"), "--name", "uio", "--db", db).ExitCode);
        Assert.Equal(0, CliProcess.Run("cycling", "import", dir.File("run.csv"), "--name", "sim", "--db", db).ExitCode);
        var byFile = CliProcess.Run("cycling", "compare", Data("neware_uio.csv"), dir.File("run.csv"), "--out", dir.File("a.html"), "--json");
        var byRun = CliProcess.Run("cycling", "compare", "--run", "uio", dir.File("run.csv"), "--db", db, "--out", dir.File("b.html"), "--json");
        var both = CliProcess.Run("cycling", "compare", "--run", "uio", "--simulated-run", "sim", "--db", db, "--out", dir.File("c.html"), "--json");
        foreach (var r in new[] { byFile, byRun, both }) Assert.True(r.ExitCode == 0, r.Stderr);
        using var a = JsonDocument.Parse(byFile.Stdout);
        using var b = JsonDocument.Parse(byRun.Stdout);
        using var c = JsonDocument.Parse(both.Stdout);
        Assert.Equal("bdf-csv", a.RootElement.GetProperty("simulated").GetProperty("format").GetString());
        var cycles = a.RootElement.GetProperty("cycles");
        Assert.Equal(2, cycles.GetArrayLength());   // the simulation's two cycles, shared with the measured four
        foreach (var other in new[] { b, c })
            Assert.Equal(cycles.GetRawText(), other.RootElement.GetProperty("cycles").GetRawText());
        using var measured = JsonDocument.Parse(CliProcess.Run("cycling", "summarize", Data("neware_uio.csv"), "--json").Stdout);
        using var simulated = JsonDocument.Parse(CliProcess.Run("cycling", "summarize", dir.File("run.csv"), "--json").Stdout);
        for (int k = 0; k < 2; k++)
        {
            var row = cycles[k];
            Assert.Equal(measured.RootElement.GetProperty("cycles")[k].GetProperty("chargeCapacityMAh").GetDouble(), row.GetProperty("measuredChargeCapacityMAh").GetDouble(), 9);
            Assert.Equal(simulated.RootElement.GetProperty("cycles")[k].GetProperty("dischargeCapacityMAh").GetDouble(), row.GetProperty("simulatedDischargeCapacityMAh").GetDouble(), 9);
            Assert.True(row.GetProperty("chargeVoltageRmsV").GetDouble() > 0.5);   // a Si anode against a NaCrO2 cathode: volts apart
        }
        Assert.Contains("Voltage profiles", File.ReadAllText(dir.File("c.html")));
        var usage = CliProcess.Run("cycling", "compare", "--run", "uio", "--db", db, "--out", dir.File("d.html"));
        Assert.Equal(2, usage.ExitCode);
        Assert.Contains("give one file beside --run", usage.Stderr);
        var unknown = CliProcess.Run("cycling", "compare", "--run", "nope", dir.File("run.csv"), "--db", db, "--out", dir.File("d.html"));
        Assert.Equal(1, unknown.ExitCode);
        Assert.False(File.Exists(dir.File("d.html")));
    }
}
