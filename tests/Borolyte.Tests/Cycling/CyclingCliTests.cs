using System.Globalization;
using System.Text.Json;
using Borolyte.Tests.Cli;
using Borolyte.Tests.Support;

namespace Borolyte.Tests.Cycling;

public class CyclingCliTests
{
    private static string Data(string name) => TestData.Path("cycling", name);
    private static string[] Keys(JsonElement e) => e.EnumerateObject().Select(p => p.Name).ToArray();

    [Fact]
    public void SummarizeJsonContract()
    {
        var r = CliProcess.Run("cycling", "summarize", Data("neware_uio.csv"), "--json");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        var root = doc.RootElement;
        Assert.Equal(["format", "cycles"], Keys(root).Take(2));
        Assert.Equal("neware-csv", root.GetProperty("format").GetString());
        var first = root.GetProperty("cycles")[0];
        Assert.Equal(["cycle", "chargeCapacityMAh", "dischargeCapacityMAh", "coulombicEfficiency", "energyEfficiency", "avgChargeVoltageV", "avgDischargeVoltageV"], Keys(first).Take(7));
        // Values from the file's own Chg./DChg. Cap.(Ah) columns (sum of the step maxima of cycle 1, see CyclerReaderTests).
        Assert.Equal(4.2493, first.GetProperty("chargeCapacityMAh").GetDouble(), 4);
        Assert.Equal(5.0863, first.GetProperty("dischargeCapacityMAh").GetDouble(), 4);
        Assert.Contains("chargeCapacityMAhPerG", Keys(first));   // the file states the mass through its Spec. Cap. column
    }

    [Fact]
    public void SummarizeFlagsTheCycleTheFileEndsIn()
    {
        // JSON: "complete" after the contract keys; the cut cycle 4 has no retention.
        var r = CliProcess.Run("cycling", "summarize", Data("neware_uio.csv"), "--json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        var cycles = doc.RootElement.GetProperty("cycles").EnumerateArray().ToList();
        Assert.Equal([true, true, true, false], cycles.Select(c => c.GetProperty("complete").GetBoolean()));
        Assert.All(cycles, c => Assert.True(Array.IndexOf(Keys(c), "complete") > Array.IndexOf(Keys(c), "avgDischargeVoltageV")));
        Assert.Equal(JsonValueKind.Null, cycles[3].GetProperty("retention").ValueKind);
        // Table: a "Complete" column, "no" on cycle 4's row, and the note saying why.
        var table = CliProcess.Run("cycling", "summarize", Data("neware_uio.csv"));
        Assert.Equal(0, table.ExitCode);
        var lines = table.Stdout.Split('\n');
        Assert.Contains(lines, l => l.Contains("Complete"));
        string LastCell(string cycle) => lines.Single(l => l.StartsWith($"│ {cycle} ", StringComparison.Ordinal)).Split('│').Select(c => c.Trim()).ToArray()[^2];
        Assert.Equal("no", LastCell("4"));
        Assert.Equal("yes", LastCell("3"));
        Assert.Contains("note: incomplete cycle: 4 (the file ends inside its charge", table.Stdout);
        // Rate table: cycle 4 in no group, listed as incomplete.
        var rate = CliProcess.Run("cycling", "rate-table", Data("neware_uio.csv"), "--nominal-capacity-mah", "2.5", "--json");
        Assert.Equal(0, rate.ExitCode);
        using var rd = JsonDocument.Parse(rate.Stdout);
        Assert.DoesNotContain(4, rd.RootElement.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("cycles").EnumerateArray().Select(c => c.GetInt32())));
        Assert.Equal([4], rd.RootElement.GetProperty("incompleteCycles").EnumerateArray().Select(c => c.GetInt32()));
    }

    [Fact]
    public void MassAddsSpecificKeysAndNoMassMeansNone()
    {
        var none = CliProcess.Run("cycling", "summarize", Data("biol.mpr"), "--json");
        Assert.Equal(0, none.ExitCode);
        using (var doc = JsonDocument.Parse(none.Stdout))
            Assert.DoesNotContain("chargeCapacityMAhPerG", Keys(doc.RootElement.GetProperty("cycles")[0]));
        var with = CliProcess.Run("cycling", "summarize", Data("biol.mpr"), "--active-mass-mg", "2.5", "--area-cm2", "1.13", "--json");
        using var d = JsonDocument.Parse(with.Stdout);
        var c = d.RootElement.GetProperty("cycles")[0];
        Assert.Equal(c.GetProperty("chargeCapacityMAh").GetDouble() / 2.5e-3, c.GetProperty("chargeCapacityMAhPerG").GetDouble(), 6);
        Assert.Equal(c.GetProperty("chargeCapacityMAh").GetDouble() / 1.13, c.GetProperty("chargeCapacityMAhPerCm2").GetDouble(), 6);
    }

    [Fact]
    public void RateTableJson()
    {
        var r = CliProcess.Run("cycling", "rate-table", Data("maccor_001.txt"), "--nominal-capacity-mah", "5000", "--mode", "cathode", "--cycles", "charge-first", "--json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        var groups = doc.RootElement.GetProperty("groups").EnumerateArray().ToList();
        Assert.NotEmpty(groups);
        foreach (var g in groups)
            Assert.Equal(g.GetProperty("cRate").GetDouble(), Math.Round(g.GetProperty("medianCurrentMA").GetDouble() / 5000, 2), 1);
    }

    [Fact]
    public void DqDvPlotAndConvertWriteFiles()
    {
        using var dir = new TempDirectory();
        var dq = CliProcess.Run("cycling", "dqdv", Data("neware_uio.csv"), "--cycle", "2", "--out", dir.File("d.csv"));
        Assert.Equal(0, dq.ExitCode);
        var lines = File.ReadAllLines(dir.File("d.csv"));
        Assert.StartsWith("# dQ/dV", lines[0]);
        Assert.Equal("direction,voltage_volt,dqdv_mah_per_volt", lines.First(l => !l.StartsWith('#')));
        Assert.True(lines.Length > 50);
        var plot = CliProcess.Run("cycling", "plot", Data("neware_uio.csv"), "--out", dir.File("r.html"));
        Assert.Equal(0, plot.ExitCode);
        string html = File.ReadAllText(dir.File("r.html"));
        Assert.Contains("Voltage profiles", html);
        Assert.Contains("dQ/dV", html);
        var convert = CliProcess.Run("cycling", "convert", Data("maccor_001.txt"), "--to", "bdf", "--out", dir.File("m.bdf.csv"));
        Assert.Equal(0, convert.ExitCode);
        Assert.Equal(6705, File.ReadLines(dir.File("m.bdf.csv")).Count());
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp"));
    }

    [Fact]
    public void ExitCodes()
    {
        var bad = CliProcess.Run("cycling", "summarize", Data("bad/custom_truncated.csv"), "--json");
        Assert.Equal(1, bad.ExitCode);
        Assert.Equal("", bad.Stdout);
        Assert.Single(bad.Stderr.TrimEnd().Split('\n'));
        Assert.Contains("custom_truncated.csv line 80", bad.Stderr);
        var usage = CliProcess.Run("cycling", "summarize", Data("neware_uio.csv"), "--mode", "sideways");
        Assert.Equal(2, usage.ExitCode);
        Assert.Single(usage.Stderr.TrimEnd().Split('\n'));
        var to = CliProcess.Run("cycling", "convert", Data("neware_uio.csv"), "--to", "parquet", "--out", "x");
        Assert.Equal(2, to.ExitCode);
        var missing = CliProcess.Run("cycling", "summarize", "/nonexistent/file.mpr");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("file not found", missing.Stderr);
    }
}
