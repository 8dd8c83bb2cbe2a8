using System.Globalization;
using Borolyte.Cycling.Analysis;
using Borolyte.Cycling.Readers;
using Borolyte.Tests.Support;

namespace Borolyte.Tests.Cycling;

/// <summary>
/// Neware "regular export" (cycle, step and record rows) and PEC CSV. neware_regular_ife_head.csv is the start of a
/// real export; neware_regular_uio.csv and pec_uio.csv carry the real records of neware_uio.csv (cycles 1–2) in the
/// documented layouts (tests/data/cycling/README.md), so their summaries must equal the record-level file's.
/// </summary>
public class NewareRegularAndPecTests
{
    private static string Data(string name) => TestData.Path("cycling", name);

    /// <summary>The cycle rows of a regular export, read with plain string splitting: cycle → (Chg. Cap.(Ah), DChg. Cap.(Ah)).</summary>
    private static Dictionary<int, (double Charge, double Discharge)> CycleRows(string file) =>
        File.ReadLines(Data(file)).Skip(3).Where(l => l.Length > 0 && l[0] != ',').Select(l => l.Split(','))
            .ToDictionary(f => int.Parse(f[0], CultureInfo.InvariantCulture),
                f => (double.Parse(f[1], CultureInfo.InvariantCulture), double.Parse(f[2], CultureInfo.InvariantCulture)));

    [Fact]
    public void RealRegularExportHeadMatchesItsCycleRow()
    {
        Assert.Equal("neware-regular-csv", CyclingFileReader.Detect(Data("neware_regular_ife_head.csv")));
        var run = CyclingFileReader.Read(Data("neware_regular_ife_head.csv"));
        Assert.Equal(30, run.Count);
        Assert.Equal(3 * 60 + 25, run.TestTimeSecond[^1]);   // "Total Time" 00:03:25 of record 30
        var summary = CycleSummarizer.Summarize(run);
        // The file's cycle row: Chg. Cap.(Ah) = 0.02256 (the charge step is complete in this head; the discharge is not).
        Assert.Equal(CycleRows("neware_regular_ife_head.csv")[1].Charge, summary.Cycles[0].ChargeCapacityAh, 5);
        Assert.Equal(Borolyte.Cycling.StepKind.Ocv, run.Kind[0]);
        Assert.Equal(Borolyte.Cycling.StepKind.ConstantCurrentCharge, run.Kind[12]);
        Assert.Equal(0.5, run.CurrentAmpere[11], 12);
    }

    [Theory]
    [InlineData("neware_regular_uio.csv", "neware-regular-csv")]
    [InlineData("pec_uio.csv", "pec-csv")]
    public void SameRecordsInAnotherLayoutGiveTheSameCycles(string file, string format)
    {
        var reference = CycleSummarizer.Summarize(CyclingFileReader.Read(Data("neware_uio.csv")));
        var run = CyclingFileReader.Read(Data(file));
        Assert.Equal(format, run.Format);
        var summary = CycleSummarizer.Summarize(run);
        Assert.Equal([1, 2], summary.Cycles.Select(c => c.Cycle));
        for (int k = 0; k < 2; k++)
        {
            Assert.Equal(reference.Cycles[k].ChargeCapacityAh, summary.Cycles[k].ChargeCapacityAh, 8);
            Assert.Equal(reference.Cycles[k].DischargeCapacityAh, summary.Cycles[k].DischargeCapacityAh, 8);
            Assert.Equal(reference.Cycles[k].DischargeEnergyWh, summary.Cycles[k].DischargeEnergyWh, 8);
        }
        if (format == "neware-regular-csv")
            foreach (var c in summary.Cycles)   // and against the instrument's own cycle rows
            {
                Assert.Equal(CycleRows(file)[c.Cycle].Charge, c.ChargeCapacityAh, 8);
                Assert.Equal(CycleRows(file)[c.Cycle].Discharge, c.DischargeCapacityAh, 8);
            }
        else Assert.Contains(run.Notes, n => n.Contains("cycles counted from 0"));
    }

    /// <summary>Older BTS exports quote their fields and prefix them with a tab (Excel text protection): same numbers.</summary>
    [Fact]
    public void QuotedTabPrefixedFieldsReadTheSame()
    {
        using var dir = new TempDirectory();
        var lines = File.ReadAllLines(Data("neware_regular_uio.csv"))
            .Select(l => string.Join(',', l.Split(',').Select(f => f.Length == 0 ? f : $"\"\t{f}\"")));
        File.WriteAllLines(dir.File("quoted.csv"), lines);
        var plain = CycleSummarizer.Summarize(CyclingFileReader.Read(Data("neware_regular_uio.csv")));
        var quoted = CycleSummarizer.Summarize(CyclingFileReader.Read(dir.File("quoted.csv")));
        Assert.Equal(plain.Cycles, quoted.Cycles);
    }

    /// <summary>Without "Total Time" the test time is rebuilt from step times and step durations: monotonic, same capacities.</summary>
    [Fact]
    public void WithoutTotalTimeTheTestTimeIsRebuiltFromTheSteps()
    {
        using var dir = new TempDirectory();
        var lines = File.ReadAllLines(Data("neware_regular_uio.csv"))
            .Select(l => l.StartsWith(",,", StringComparison.Ordinal) ? string.Join(',', l.Split(',').Where((_, i) => i != 4)) : l);
        File.WriteAllLines(dir.File("steptime.csv"), lines);
        var run = CyclingFileReader.Read(dir.File("steptime.csv"));
        Assert.Contains(run.Notes, n => n.Contains("no Total Time column"));
        for (int i = 1; i < run.Count; i++) Assert.True(run.TestTimeSecond[i] >= run.TestTimeSecond[i - 1], $"row {i}: time goes back");
        var original = CyclingFileReader.Read(Data("neware_regular_uio.csv"));
        // Each step starts at the previous step's duration (its last record), not one sampling interval later: within 60 s per step.
        int steps = run.StepCount[^1];
        Assert.InRange(original.TestTimeSecond[^1] - run.TestTimeSecond[^1], 0, 60.0 * steps);
        Assert.Equal(CycleSummarizer.Summarize(original).Cycles.Select(c => c.DischargeCapacityAh), CycleSummarizer.Summarize(run).Cycles.Select(c => c.DischargeCapacityAh));
    }

    [Fact]
    public void DetectionIsByContent()
    {
        using var dir = new TempDirectory();
        File.Copy(Data("pec_uio.csv"), dir.File("export.txt"));
        File.Copy(Data("neware_regular_uio.csv"), dir.File("data.dat"));
        Assert.Equal("pec-csv", CyclingFileReader.Detect(dir.File("export.txt")));
        Assert.Equal("neware-regular-csv", CyclingFileReader.Detect(dir.File("data.dat")));
    }

    [Fact]
    public void BadRegularExportsFailWithTheirLine()
    {
        using var dir = new TempDirectory();
        var lines = File.ReadAllLines(Data("neware_regular_uio.csv"));
        // A record before any cycle row.
        File.WriteAllLines(dir.File("orphan.csv"), lines.Take(3).Concat(lines.Skip(4).Take(5)));
        Assert.Contains("orphan.csv line 4: record row before any cycle row", Assert.Throws<InvalidInputException>(() => CyclingFileReader.Read(dir.File("orphan.csv"))).Message);
        // Garbage voltage on line 50.
        var bad = (string[])lines.Clone();
        var f = bad[49].Split(',');
        f[6] = "3.1x";
        bad[49] = string.Join(',', f);
        File.WriteAllLines(dir.File("garbage.csv"), bad);
        Assert.Contains("line 50, column 'Voltage(V)': '3.1x' is not a number", Assert.Throws<InvalidInputException>(() => CyclingFileReader.Read(dir.File("garbage.csv"))).Message);
        // Cut in the middle of a record.
        string text = File.ReadAllText(Data("neware_regular_uio.csv"));
        File.WriteAllText(dir.File("cut.csv"), text[..(text.LastIndexOf('\n', text.Length / 2) + 20)]);
        var cut = Assert.Throws<InvalidInputException>(() => CyclingFileReader.Read(dir.File("cut.csv")));
        Assert.Contains("file cut short?", cut.Message);
    }

    [Fact]
    public void BadPecFilesFailWithOneLine()
    {
        using var dir = new TempDirectory();
        var lines = File.ReadAllLines(Data("pec_uio.csv"));
        int header = Array.FindIndex(lines, l => l.StartsWith("Test,Cell,", StringComparison.Ordinal));
        var noVoltage = (string[])lines.Clone();
        noVoltage[header] = noVoltage[header].Replace("Voltage (V)", "Potential (V)");
        File.WriteAllLines(dir.File("novolt.csv"), noVoltage);
        var ex = Assert.Throws<InvalidInputException>(() => CyclingFileReader.Read(dir.File("novolt.csv")));
        Assert.Contains($"line {header + 1}: no voltage column", ex.Message);
        var badUnit = (string[])lines.Clone();
        badUnit[header] = badUnit[header].Replace("Total Time (Hours in hh:mm:ss.xxx)", "Total Time (Fortnights)");
        File.WriteAllLines(dir.File("unit.csv"), badUnit);
        Assert.Contains("time unit 'Fortnights' not understood", Assert.Throws<InvalidInputException>(() => CyclingFileReader.Read(dir.File("unit.csv"))).Message);
        var milli = (string[])lines.Clone();   // mV and mA headers: values scaled, not misread
        milli[header] = milli[header].Replace("Voltage (V)", "Voltage (mV)");
        File.WriteAllLines(dir.File("mv.csv"), milli);
        Assert.Equal(2.917e-3, CyclingFileReader.Read(dir.File("mv.csv")).VoltageVolt[0], 12);
    }
}
