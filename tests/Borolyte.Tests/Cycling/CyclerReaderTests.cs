using System.Globalization;
using Borolyte.Cycling;
using Borolyte.Cycling.Analysis;
using Borolyte.Cycling.Readers;
using Borolyte.Tests.Support;

namespace Borolyte.Tests.Cycling;

public class CyclerReaderTests
{
    private static string Data(string name) => TestData.Path("cycling", name);

    [Theory]
    [InlineData("biol.mpr", "biologic-mpr", 23561)]
    [InlineData("biol_gcpl.mpt", "biologic-mpt", 23561)]
    [InlineData("neware_uio.csv", "neware-csv", 9065)]
    [InlineData("arbin_FastCharge_000025_CH8.csv", "arbin-csv", 248)]
    [InlineData("maccor_001.txt", "maccor-txt", 6704)]
    [InlineData("custom_data_001.csv", "prime-csv", 2442)]
    [InlineData("bad/custom_good_small.csv", "prime-csv", 60)]
    public void EveryRealFileReads(string file, string format, int rows)
    {
        var run = CyclingFileReader.Read(Data(file));
        Assert.Equal(format, run.Format);
        Assert.Equal(rows, run.Count);
        Assert.All(run.VoltageVolt, v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void DetectionIsByContentNotName()
    {
        using var dir = new TempDirectory();
        string renamed = dir.File("data.txt");
        File.Copy(Data("neware_uio.csv"), renamed);
        Assert.Equal("neware-csv", CyclingFileReader.Detect(renamed));
        string mpr = dir.File("export.csv");
        File.Copy(Data("biol.mpr"), mpr);
        Assert.Equal("biologic-mpr", CyclingFileReader.Detect(mpr));
    }

    [Theory]
    [InlineData("custom_missing_column.csv", "line 20: no voltage column")]
    [InlineData("custom_missing_cycle.csv", "cycle 2 missing")]
    [InlineData("custom_nan_inf.csv", "line 24, column 'voltage': empty")]
    [InlineData("custom_truncated.csv", "line 80: 5 fields where the header has 10 (file cut short?)")]
    public void BadFilesFailWithOneLineNamingTheProblem(string file, string expected)
    {
        var ex = Assert.Throws<InvalidInputException>(() => CyclingFileReader.Read(Data("bad/" + file)));
        Assert.Contains(file, ex.Message);
        Assert.Contains(expected, ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }

    /// <summary>
    /// bad/custom_good_small.csv is the intact 60-row reference the bad files were derived from (cellpy's test data): it
    /// reads, and each bad file is that file with one defect — checked here against the reference line by line.
    /// </summary>
    [Fact]
    public void TheIntactReferenceOfTheBadFilesReads()
    {
        var run = CyclingFileReader.Read(Data("bad/custom_good_small.csv"));
        Assert.Equal(60, run.Count);
        Assert.NotEmpty(CycleSummarizer.Summarize(run).Cycles);
        var good = File.ReadAllLines(Data("bad/custom_good_small.csv"));
        var truncated = File.ReadAllLines(Data("bad/custom_truncated.csv"));
        Assert.True(truncated.Length <= good.Length);
        for (int k = 0; k < truncated.Length - 1; k++) Assert.Equal(good[k], truncated[k]);   // the same file, its last line cut
        Assert.StartsWith(truncated[^1], good[truncated.Length - 1]);
        Assert.Equal(good.Length, File.ReadAllLines(Data("bad/custom_nan_inf.csv")).Length);
    }

    [Fact]
    public void InfinityIsRejectedWithItsLine()
    {
        using var dir = new TempDirectory();
        var lines = File.ReadAllLines(Data("bad/custom_nan_inf.csv"));
        lines[23] = lines[22];   // repair the empty value so the 'inf' on line 28 is the first problem
        File.WriteAllLines(dir.File("inf.csv"), lines);
        var ex = Assert.Throws<InvalidInputException>(() => CyclingFileReader.Read(dir.File("inf.csv")));
        Assert.Contains("line 28, column 'voltage': 'inf' is not a", ex.Message);
    }

    [Fact]
    public void TruncatedAndCorruptedCopiesOfRealFilesFail()
    {
        using var dir = new TempDirectory();
        byte[] neware = File.ReadAllBytes(Data("neware_uio.csv"));
        // Cut in the middle of a data line.
        int cut = Array.LastIndexOf(neware, (byte)'\n', neware.Length / 2) + 40;
        File.WriteAllBytes(dir.File("cut.csv"), neware[..cut]);
        var ex = Assert.Throws<InvalidInputException>(() => CyclingFileReader.Read(dir.File("cut.csv")));
        Assert.Contains("file cut short?", ex.Message);
        // Garbage in a number: the voltage field of line 101.
        var lines = File.ReadAllLines(Data("neware_uio.csv"));
        var fields = lines[100].Split(',');
        fields[7] = "2.9#x1";
        lines[100] = string.Join(',', fields);
        File.WriteAllLines(dir.File("garbage.csv"), lines);
        ex = Assert.Throws<InvalidInputException>(() => CyclingFileReader.Read(dir.File("garbage.csv")));
        Assert.Contains("line 101, column 'Voltage(V)': '2.9#x1' is not a number", ex.Message);
        // Maccor cut short.
        byte[] maccor = File.ReadAllBytes(Data("maccor_001.txt"));
        File.WriteAllBytes(dir.File("maccor.txt"), maccor[..(maccor.Length / 3)]);
        Assert.Throws<InvalidInputException>(() => CyclingFileReader.Read(dir.File("maccor.txt")));
        // Empty and unknown files.
        File.WriteAllBytes(dir.File("empty.csv"), []);
        Assert.Contains("empty", Assert.Throws<InvalidInputException>(() => CyclingFileReader.Read(dir.File("empty.csv"))).Message);
        File.WriteAllText(dir.File("other.csv"), "a,b,c\n1,2,3\n");
        Assert.Contains("format not recognised", Assert.Throws<InvalidInputException>(() => CyclingFileReader.Read(dir.File("other.csv"))).Message);
    }

    /// <summary>Neware: per-cycle capacity against the file's own counters, read here with plain string splitting.</summary>
    [Fact]
    public void NewareCyclesMatchTheFilesCapacityColumns()
    {
        var expected = new Dictionary<int, (double Charge, double Discharge)>();
        var stepMax = new Dictionary<(int, int), (double, double)>();
        foreach (var line in File.ReadLines(Data("neware_uio.csv")).Skip(1))
        {
            var f = line.Split(',');
            var key = (int.Parse(f[1], CultureInfo.InvariantCulture), int.Parse(f[2], CultureInfo.InvariantCulture));
            double c = double.Parse(f[10], CultureInfo.InvariantCulture), d = double.Parse(f[12], CultureInfo.InvariantCulture);
            var old = stepMax.GetValueOrDefault(key);
            stepMax[key] = (Math.Max(old.Item1, c), Math.Max(old.Item2, d));
        }
        foreach (var ((cycle, _), (c, d)) in stepMax)
        {
            var old = expected.GetValueOrDefault(cycle);
            expected[cycle] = (old.Charge + c, old.Discharge + d);
        }
        var run = CyclingFileReader.Read(Data("neware_uio.csv"));
        var summary = CycleSummarizer.Summarize(run);
        Assert.Equal(expected.Keys.Order(), summary.Cycles.Select(c => c.Cycle));
        foreach (var c in summary.Cycles)
        {
            Assert.Equal(expected[c.Cycle].Charge, c.ChargeCapacityAh, 9);
            Assert.Equal(expected[c.Cycle].Discharge, c.DischargeCapacityAh, 9);
        }
        // Coulomb counting of the current agrees with the instrument's counters (1-minute records, constant current).
        var integrated = CycleSummarizer.Summarize(run, new SummaryOptions { IntegrateCurrent = true });
        for (int k = 0; k < summary.Cycles.Count; k++)
        {
            Assert.Equal(1, integrated.Cycles[k].ChargeCapacityAh / summary.Cycles[k].ChargeCapacityAh, 0.01);
            Assert.Equal(1, integrated.Cycles[k].DischargeCapacityAh / summary.Cycles[k].DischargeCapacityAh, 0.01);
        }
        // Anode half cell: discharge first, CE = charge / discharge of the same cycle.
        Assert.Equal(ElectrodeMode.Anode, summary.Mode);
        Assert.Equal(expected[2].Charge / expected[2].Discharge, summary.Cycles[1].CoulombicEfficiency!.Value, 9);
        // The mass is recovered from the file's own specific-capacity column: 1.42144 mAh / 683.38 mAh/g (last line).
        Assert.Equal(1.42144 / 683.38, run.ActiveMassKg!.Value * 1e3, 4);
        Assert.All(run.CurrentAmpere.Where((_, i) => run.Kind[i] == StepKind.ConstantCurrentDischarge), i => Assert.True(i < 0));
    }

    /// <summary>Maccor: unsigned Amps made negative on discharge; totals against the Amp-hr column read independently.</summary>
    [Fact]
    public void MaccorCapacityAndSignFromTheStateColumn()
    {
        double chargeTotal = 0, dischargeTotal = 0;
        var stepMax = new Dictionary<(string Step, string State), double>();
        foreach (var line in File.ReadLines(Data("maccor_001.txt")).Skip(4))
        {
            var f = line.Split('\t');
            var key = (f[2], f[9]);
            stepMax[key] = Math.Max(stepMax.GetValueOrDefault(key), double.Parse(f[5], CultureInfo.InvariantCulture));
        }
        foreach (var ((_, state), q) in stepMax)
        {
            if (state == "C") chargeTotal += q;
            if (state == "D") dischargeTotal += q;
        }
        var run = CyclingFileReader.Read(Data("maccor_001.txt"), CycleDefinition.ChargeFirst);
        var summary = CycleSummarizer.Summarize(run, new SummaryOptions { Mode = ElectrodeMode.Cathode });
        Assert.Equal(chargeTotal, summary.Cycles.Sum(c => c.ChargeCapacityAh), 6);
        Assert.Equal(dischargeTotal, summary.Cycles.Sum(c => c.DischargeCapacityAh), 6);
        Assert.True(run.CurrentAmpere.Min() < -1);
        Assert.Contains(run.Kind, k => k == StepKind.ConstantVoltage);   // step 5 holds 4.2 V
        // Cycle 2 (charge of step 9-10 then discharge of step 12): CE of a commercial cell is close to 1.
        Assert.InRange(summary.Cycles[1].CoulombicEfficiency!.Value, 0.98, 1.02);
    }

    [Fact]
    public void MprReadsWithoutAssumingAMass()
    {
        var run = CyclingFileReader.Read(Data("biol.mpr"));
        Assert.Null(run.ActiveMassKg);   // the settings module holds EC-Lab's 0.001 placeholder
        Assert.Contains(run.Notes, n => n.Contains("unset default"));
        Assert.NotNull(run.EweVolt);
        Assert.NotNull(run.EceVolt);
        // Values decoded independently with Python's struct module from the record layout (row 0: Ewe 0.1235 V, Ece -0.0006 V).
        Assert.Equal(0.1235, run.EweVolt![0], 4);
        Assert.Equal(-0.0006, run.EceVolt![0], 4);
        Assert.Equal(0.32463e-3, run.CurrentAmpere[2000], 8);
        Assert.Equal(13814.6, run.TestTimeSecond[2000], 1);
        var summary = CycleSummarizer.Summarize(run);
        // The file's own "Q charge/discharge" counter reaches 4.97689 mAh at record 22000 and its last record is the total.
        Assert.InRange(summary.Cycles.Sum(c => c.ChargeCapacityAh) * 1000, 4.97689, 4.98);
        Assert.Null(summary.Cycles[0].ChargeSpecificCapacityMAhPerG);
    }

    [Fact]
    public void GenericCsvWithMapping()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("g.csv"), "t/h;E/V;I/mA\n0;3.0;1\n0.5;3.5;1\n1;4.0;1\n1.5;3.6;-1\n2;3.0;-1\n");
        var map = ColumnMapping.Parse("time=t/h,voltage=E/V,current=I/mA,time-scale=3600,current-scale=0.001,delimiter=;");
        var run = CyclingFileReader.Read(dir.File("g.csv"), mapping: map);
        Assert.Equal("generic-csv", run.Format);
        Assert.Equal(7200, run.TestTimeSecond[^1]);
        var s = CycleSummarizer.Summarize(run);
        Assert.Equal(1.0e-3, s.Cycles[0].ChargeCapacityAh, 12);   // 1 mA for 1 h (points at 0.5 h and 1 h)
        Assert.Equal(1.0e-3, s.Cycles[0].DischargeCapacityAh, 12);
    }
}
