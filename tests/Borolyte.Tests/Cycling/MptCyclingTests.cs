using System.Globalization;
using Borolyte.Cycling;
using Borolyte.Cycling.Analysis;
using Borolyte.Cycling.Readers;
using Borolyte.Formats.BioLogic;
using Borolyte.Tests.Support;

namespace Borolyte.Tests.Cycling;

/// <summary>
/// tests/data/cycling/biol_gcpl.mpt: biol.mpr's records as an EC-Lab GCPL text export (make_biol_mpt.py) with
/// Ewe-Ece/V, &lt;I&gt;/mA, (Q-Qo)/mA.h, Q charge/discharge/mA.h, cycle number, half cycle, ox/red and mode.
/// </summary>
public class MptCyclingTests
{
    private static string Mpt => TestData.Path("cycling", "biol_gcpl.mpt");

    /// <summary>The file's own column, parsed here independently of the readers (tab-separated after the 22 header lines).</summary>
    private static double[] OwnColumn(string path, string name)
    {
        var lines = File.ReadAllLines(path, System.Text.Encoding.Latin1);
        int k = Array.IndexOf(lines[21].Split('\t'), name);
        Assert.True(k >= 0, name);
        return lines.Skip(22).Select(l => double.Parse(l.Split('\t')[k], CultureInfo.InvariantCulture)).ToArray();
    }

    [Fact]
    public void RealLayoutMptReadsItsCyclingColumns()
    {
        var run = CyclingFileReader.Read(Mpt);
        Assert.Equal("biologic-mpt", run.Format);
        Assert.Equal(23561, run.Count);
        Assert.Contains("step kinds from the file's mode column (1 constant current, 2 constant voltage, 3 rest)", run.Notes);
        Assert.Contains(run.Notes, n => n.StartsWith("ox/red agrees with the sign of '<I>/mA' at all", StringComparison.Ordinal));
        Assert.Contains("cycle number counted from 0 (EC-Lab): renumbered from 1", run.Notes);
        Assert.Equal([1], run.Cycles);
        Assert.All(run.HalfCycle, h => Assert.Equal(1, h));   // EC-Lab's half cycle 0, 1-based
        // mode 1 with current is constant current, never inferred CV; mode 3 is rest whatever its offset current.
        var mode = OwnColumn(Mpt, "mode");
        var current = OwnColumn(Mpt, "<I>/mA");
        var freq = OwnColumn(Mpt, "freq/Hz");
        double big = 1e-3 * current.Max(Math.Abs);
        int cc = 0;
        for (int i = 0; i < run.Count; i++)
        {
            if (mode[i] == 3) Assert.True(run.Kind[i] is StepKind.Rest or StepKind.Ocv, $"row {i + 1}");
            if (mode[i] == 1) Assert.NotEqual(StepKind.ConstantVoltage, run.Kind[i]);
            if (mode[i] == 1 && freq[i] == 0 && current[i] > big) { Assert.Equal(StepKind.ConstantCurrentCharge, run.Kind[i]); cc++; }
        }
        Assert.True(cc > 10000);
        // The cell voltage is the file's Ewe-Ece/V column; the .mpr's Ewe − Ece agrees to float32 rounding.
        Assert.Equal(OwnColumn(Mpt, "Ewe-Ece/V"), run.VoltageVolt);
        var mpr = CyclingFileReader.Read(TestData.Path("cycling", "biol.mpr"));
        for (int i = 0; i < run.Count; i++) Assert.True(Math.Abs(mpr.VoltageVolt[i] - run.VoltageVolt[i]) < 1e-6);
    }

    [Fact]
    public void PerCycleCapacitiesMatchTheFilesOwnCounters()
    {
        // Q charge/discharge restarts per half cycle and is positive while charging: its largest value is the charge.
        var q = OwnColumn(Mpt, "Q charge/discharge/mA.h");
        var summary = CycleSummarizer.Summarize(CyclingFileReader.Read(Mpt));
        var cycle = Assert.Single(summary.Cycles);
        Assert.Equal(q.Max(), cycle.ChargeCapacityAh * 1000, 12);
        Assert.Equal(0, cycle.DischargeCapacityAh, 12);
        Assert.Equal(OwnColumn(Mpt, "Energy charge/W.h").Max(), cycle.ChargeEnergyWh, 12);
        // The same file without Q charge/discharge: the capacities come from (Q-Qo), the net charge since the start.
        using var dir = new TempDirectory();
        var lines = File.ReadAllLines(Mpt, System.Text.Encoding.Latin1);
        int drop = Array.IndexOf(lines[21].Split('\t'), "Q charge/discharge/mA.h");
        string Without(string line) { var f = line.Split('\t').ToList(); f.RemoveAt(drop); return string.Join('\t', f); }
        File.WriteAllText(dir.File("net.mpt"), string.Join("\r\n", lines.Take(21).Concat(lines.Skip(21).Select(Without))) + "\r\n", System.Text.Encoding.Latin1);
        var net = CyclingFileReader.Read(dir.File("net.mpt"));
        Assert.Contains(net.Notes, n => n.StartsWith("capacities from '(Q-Qo)/mA.h'", StringComparison.Ordinal));
        var qq = OwnColumn(Mpt, "(Q-Qo)/mA.h");
        double rises = 0;
        for (int i = 1; i < qq.Length; i++) rises += Math.Max(qq[i] - qq[i - 1], 0);
        var fromNet = Assert.Single(CycleSummarizer.Summarize(net).Cycles);
        Assert.Equal(rises, fromNet.ChargeCapacityAh * 1000, 9);
        Assert.Equal(q.Max(), fromNet.ChargeCapacityAh * 1000, 3);   // two counters of the instrument, 4.977 mAh both
        // and the .mpr read directly gives the same cycle
        var fromMpr = Assert.Single(CycleSummarizer.Summarize(CyclingFileReader.Read(TestData.Path("cycling", "biol.mpr"))).Cycles);
        Assert.Equal(fromMpr.ChargeCapacityAh, cycle.ChargeCapacityAh, 12);
    }

    [Fact]
    public void HeaderPlaceholdersAreNotTakenForAMass()
    {
        var run = CyclingFileReader.Read(Mpt);
        Assert.Null(run.ActiveMassKg);
        Assert.Null(run.AreaM2);
        Assert.Contains("header active mass '0.001 mg' is EC-Lab's unset default; not used", run.Notes);
        Assert.Equal("Si/C", MptFile.Read(Mpt).Meta("Electrode material"));
    }
}
