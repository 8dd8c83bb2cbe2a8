using System.Globalization;
using System.Text.Json;
using Borolyte.Tests.Cli;
using Borolyte.Tests.Support;

namespace Borolyte.Tests.Cycling;

/// <summary>
/// `cycling summarize|rate-table|dqdv|plot --run NAME` on a run stored by `cycling import` prints and writes exactly what
/// the same command prints and writes on the original file; `--electrode` on rate-table and compare.
/// </summary>
public class StoredRunAnalysisTests
{
    private static string Data(string name) => TestData.Path("cycling", name);

    private static CliProcess.Result Ok(CliProcess.Result r)
    {
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal("", r.Stderr);
        return r;
    }

    /// <summary>Runs the command once on the file and once on the stored run; output files go to a/ and b/ under the same name.</summary>
    private static void Same(TempDirectory dir, string db, string file, string name, string[] command, string[] extra, string? outName = null)
    {
        string a = Directory.CreateDirectory(Path.Combine(dir.Path, "a")).FullName, b = Directory.CreateDirectory(Path.Combine(dir.Path, "b")).FullName;
        string[] Out(string folder) => outName is null ? [] : ["--out", Path.Combine(folder, outName)];
        var fromFile = Ok(CliProcess.Run([.. command, Data(file), .. extra, .. Out(a)]));
        var fromRun = Ok(CliProcess.Run([.. command, "--run", name, "--db", db, .. extra, .. Out(b)]));
        Assert.Equal(fromFile.Stdout.Replace(a, "DIR"), fromRun.Stdout.Replace(b, "DIR"));
        if (outName is not null)
            Assert.Equal(File.ReadAllBytes(Path.Combine(a, outName)), File.ReadAllBytes(Path.Combine(b, outName)));
    }

    [Theory]
    [InlineData("neware_uio.csv", "cell")]
    [InlineData("biol.mpr", "working")]
    public void AStoredRunGivesExactlyTheOutputOfItsFile(string file, string electrode)
    {
        using var dir = new TempDirectory();
        string db = dir.File("kb.db");
        Ok(CliProcess.Run("cycling", "import", Data(file), "--name", "stored", "--db", db));
        Same(dir, db, file, "stored", ["cycling", "summarize"], []);
        Same(dir, db, file, "stored", ["cycling", "summarize"], ["--json", "--active-mass-mg", "3", "--mode", "cathode"]);
        Same(dir, db, file, "stored", ["cycling", "summarize"], ["--electrode", electrode, "--json"]);
        Same(dir, db, file, "stored", ["cycling", "rate-table"], ["--nominal-capacity-mah", "4", "--mode", "anode", "--json"]);
        Same(dir, db, file, "stored", ["cycling", "rate-table"], ["--nominal-capacity-mah", "4", "--mode", "anode", "--electrode", electrode]);
        Same(dir, db, file, "stored", ["cycling", "dqdv"], ["--cycle", "1", "--electrode", electrode], "d.csv");
        Same(dir, db, file, "stored", ["cycling", "plot"], [], "r.html");
        // The text really carries the data (not two equal error-free empties).
        var text = Ok(CliProcess.Run("cycling", "summarize", "--run", "stored", "--db", db)).Stdout;
        Assert.Contains(Data(file) + ":", text);
    }

    [Fact]
    public void RunSourceIsAFileOrAStoredRunNeverBoth()
    {
        using var dir = new TempDirectory();
        string db = dir.File("kb.db");
        Ok(CliProcess.Run("cycling", "import", Data("neware_uio.csv"), "--db", db));
        var none = CliProcess.Run("cycling", "summarize", "--db", db);
        Assert.Equal(2, none.ExitCode);
        Assert.Contains("give a cycler file or --run", none.Stderr);
        var both = CliProcess.Run("cycling", "dqdv", Data("neware_uio.csv"), "--run", "neware_uio.csv", "--db", db, "--cycle", "1", "--out", dir.File("d.csv"));
        Assert.Equal(2, both.ExitCode);
        var cycles = CliProcess.Run("cycling", "summarize", "--run", "neware_uio.csv", "--db", db, "--cycles", "charge-first");
        Assert.Equal(2, cycles.ExitCode);
        Assert.Contains("stored run keeps the cycles", cycles.Stderr);
        var unknown = CliProcess.Run("cycling", "plot", "--run", "nope", "--db", db, "--out", dir.File("r.html"));
        Assert.Equal(1, unknown.ExitCode);
        Assert.Single(unknown.Stderr.TrimEnd().Split('\n'));
        Assert.Contains("no cycling run 'nope' (stored: neware_uio.csv)", unknown.Stderr);
        Assert.False(File.Exists(dir.File("r.html")));
        // Id works as well as the name.
        Assert.Equal(Ok(CliProcess.Run("cycling", "summarize", "--run", "1", "--db", db, "--json")).Stdout,
            Ok(CliProcess.Run("cycling", "summarize", "--run", "neware_uio.csv", "--db", db, "--json")).Stdout);
    }

    [Fact]
    public void RateTableTakesTheElectrodeOption()
    {
        // A three-electrode run with complete cycles: the simulated seed cell written as the simulator's BDF CSV
        // (ewe_volt = NaCrO2, ece_volt = Na–Sn, both vs the reference).
        using var dir = new TempDirectory();
        var (preset, protocol, _) = Borolyte.Studies.CyclingSection.SimulateSeedCell();
        Borolyte.Cells.Simulation.SimulatedRunCsv.Write(
            Borolyte.Cells.Simulation.CellSimulation.Run(preset.Cell, Borolyte.Cells.Protocols.Protocol.Parse(protocol)), dir.File("sim.csv"));
        double nominalMAh = preset.Cell.NominalArealCapacityCPerM2 * preset.Cell.AreaM2 / 3.6;
        string q = nominalMAh.ToString("R", CultureInfo.InvariantCulture);
        // One current through both electrodes: the groups do not depend on the electrode; the choice is stated.
        var cell = Ok(CliProcess.Run("cycling", "rate-table", dir.File("sim.csv"), "--nominal-capacity-mah", q, "--json"));
        var working = Ok(CliProcess.Run("cycling", "rate-table", dir.File("sim.csv"), "--nominal-capacity-mah", q, "--electrode", "working", "--json"));
        using var c = JsonDocument.Parse(cell.Stdout);
        using var w = JsonDocument.Parse(working.Stdout);
        Assert.Equal("cell", c.RootElement.GetProperty("electrode").GetString());
        Assert.Equal("working", w.RootElement.GetProperty("electrode").GetString());
        Assert.Equal(["format", "nominalCapacityMAh", "capacityDirection", "groups", "electrode", "incompleteCycles"], w.RootElement.EnumerateObject().Select(p => p.Name));
        var group = Assert.Single(w.RootElement.GetProperty("groups").EnumerateArray());
        Assert.Equal(0.1, group.GetProperty("cRate").GetDouble(), 9);   // the protocol's 0.1C
        Assert.Equal(c.RootElement.GetProperty("groups").GetRawText(), w.RootElement.GetProperty("groups").GetRawText());
        var text = Ok(CliProcess.Run("cycling", "rate-table", dir.File("sim.csv"), "--nominal-capacity-mah", q, "--electrode", "counter")).Stdout;
        Assert.Contains("sim.csv: counter electrode vs reference", text);
        var two = CliProcess.Run("cycling", "rate-table", Data("neware_uio.csv"), "--nominal-capacity-mah", "4", "--electrode", "counter");
        Assert.Equal(1, two.ExitCode);
        Assert.Contains("not a three-electrode file", two.Stderr);
    }

    [Fact]
    public void CompareLooksAtTheChosenElectrodeOfBothRuns()
    {
        using var dir = new TempDirectory();
        Ok(CliProcess.Run("cycling", "convert", Data("biol.mpr"), "--to", "bdf", "--out", dir.File("e.bdf.csv")));
        // The export against itself with only the working-electrode potential raised by 10 mV (both sides read as BDF: the
        // .mpr's own step labels, which the BDF columns do not carry, would otherwise make the runs differ).
        var lines = File.ReadAllLines(dir.File("e.bdf.csv"));
        int ewe = Array.IndexOf(lines[0].Split(','), "ewe_volt");
        Assert.True(ewe >= 0);
        for (int i = 1; i < lines.Length; i++)
        {
            var f = lines[i].Split(',');
            f[ewe] = (double.Parse(f[ewe], CultureInfo.InvariantCulture) + 0.010).ToString("R", CultureInfo.InvariantCulture);
            lines[i] = string.Join(',', f);
        }
        File.WriteAllLines(dir.File("shifted.bdf.csv"), lines);
        double ChargeRms(string electrode)
        {
            var r = Ok(CliProcess.Run("cycling", "compare", dir.File("e.bdf.csv"), dir.File("shifted.bdf.csv"), "--electrode", electrode, "--out", dir.File("c.html"), "--json"));
            using var doc = JsonDocument.Parse(r.Stdout);
            Assert.Equal(["measured", "simulated", "cycles", "report", "electrode"], doc.RootElement.EnumerateObject().Select(p => p.Name));
            Assert.Equal(electrode, doc.RootElement.GetProperty("electrode").GetString());
            return doc.RootElement.GetProperty("cycles")[0].GetProperty("chargeVoltageRmsV").GetDouble();
        }
        Assert.Equal(0, ChargeRms("cell"), 12);
        Assert.Equal(0.010, ChargeRms("working"), 9);
        Assert.Equal(0, ChargeRms("counter"), 12);
        var two = CliProcess.Run("cycling", "compare", Data("neware_uio.csv"), dir.File("e.bdf.csv"), "--electrode", "working", "--out", dir.File("x.html"));
        Assert.Equal(1, two.ExitCode);
        Assert.Contains("neware_uio.csv: no working-electrode (Ewe) potential", two.Stderr);
        Assert.False(File.Exists(dir.File("x.html")));
    }
}
