using System.Globalization;
using System.Text;
using Borolyte.Cycling;
using Borolyte.Cycling.Analysis;
using Borolyte.Cycling.Readers;
using Borolyte.Tests.Cli;
using Borolyte.Tests.Support;

namespace Borolyte.Tests.Cycling;

/// <summary>
/// <see cref="CycleSummarizer.SummarizeFile"/> reads the streamable formats (.mpt, Neware record-level and regular
/// exports) block by block without holding the run. Its summary must be the one of the whole run, field for field and
/// bit for bit — on the real files, whatever the block size (down to one line per block), under every option, when a
/// guess of the first pass fails (second pass), and when it has to give up (the whole run is read); errors must be the
/// whole read's.
/// </summary>
public class StreamedSummaryTests
{
    private static string Data(string name) => TestData.Path("cycling", name);

    private static void AssertSame(CyclingSummary expected, CyclingSummary actual)
    {
        Assert.Equal(expected.Format, actual.Format);
        Assert.Equal(expected.Cycles, actual.Cycles);   // records: every double compared exactly
        Assert.Equal(expected.Notes, actual.Notes);
        Assert.Equal(expected.Mode, actual.Mode);
        Assert.Equal(expected.Pairing, actual.Pairing);
        Assert.Equal(expected.CapacitySource, actual.CapacitySource);
        Assert.Equal(expected.ActiveMassKg, actual.ActiveMassKg);
        Assert.Equal(expected.AreaM2, actual.AreaM2);
        Assert.Equal(expected.ReferenceCycle, actual.ReferenceCycle);
        Assert.Equal(expected.ConstantVoltageShareOfDischarge, actual.ConstantVoltageShareOfDischarge);
    }

    private static FileSummary AssertStreamedEqualsWhole(string path, SummaryOptions? options = null, CycleDefinition? cycles = null, long blockBytes = CycleSummarizer.DefaultBlockBytes,
        int passes = 1)
    {
        var run = CyclingFileReader.Read(path, cycles);
        var whole = CycleSummarizer.Summarize(run, options);
        var streamed = CycleSummarizer.SummarizeFile(path, options, cycles, blockBytes);
        Assert.True(streamed.Streamed, $"{path}: not streamed");
        Assert.Equal(passes, streamed.Passes);
        Assert.Equal(run.Count, streamed.Count);
        Assert.Equal(run.Format, streamed.Format);
        AssertSame(whole, streamed.Summary);
        return streamed;
    }

    public static TheoryData<string, long> RealFiles()
    {
        var data = new TheoryData<string, long>();
        foreach (var file in new[] { "neware_uio.csv", "neware_regular_uio.csv", "neware_regular_ife_head.csv", "biol_gcpl.mpt" })
            foreach (long block in new long[] { 1, 1000, 64 << 10, CycleSummarizer.DefaultBlockBytes })
                data.Add(file, block);
        return data;
    }

    [Theory]
    [MemberData(nameof(RealFiles))]
    public void RealFilesSummariseAsTheWholeRunWhateverTheBlockSize(string file, long blockBytes)
    {
        AssertStreamedEqualsWhole(Data(file), blockBytes: blockBytes);
    }

    public static TheoryData<string, int> OptionSets()
    {
        var data = new TheoryData<string, int>();
        foreach (var file in new[] { "neware_uio.csv", "neware_regular_uio.csv", "biol_gcpl.mpt" })
            for (int k = 0; k < 5; k++) data.Add(file, k);
        return data;
    }

    [Theory]
    [MemberData(nameof(OptionSets))]
    public void EveryOptionGivesTheWholeRunsSummary(string file, int set)
    {
        var (options, cycles) = set switch
        {
            0 => (new SummaryOptions { Pairing = EfficiencyPairing.PrecedingHalfCycle }, (CycleDefinition?)null),
            1 => (new SummaryOptions { IntegrateCurrent = true, ActiveMassKg = 1.5e-6, AreaM2 = 1.2e-4 }, null),
            2 => (new SummaryOptions { Mode = ElectrodeMode.Anode }, CycleDefinition.ChargeFirst),
            3 => (new SummaryOptions { Pairing = EfficiencyPairing.PrecedingHalfCycle, Mode = ElectrodeMode.Cathode }, CycleDefinition.DischargeFirst),
            _ => (new SummaryOptions { ReferenceCycle = 1, ActiveMassKg = 2e-6 }, CycleDefinition.Instrument),
        };
        AssertStreamedEqualsWhole(Data(file), options, cycles, blockBytes: 4096);
    }

    [Fact]
    public void OtherFormatsAreSummarisedFromTheWholeRun()
    {
        foreach (var file in new[] { "biol.mpr", "maccor_001.txt", "pec_uio.csv", "arbin_FastCharge_000025_CH8.csv" })
        {
            var s = CycleSummarizer.SummarizeFile(Data(file));
            Assert.False(s.Streamed);
            AssertSame(CycleSummarizer.Summarize(CyclingFileReader.Read(Data(file))), s.Summary);
        }
    }

    /// <summary>neware_uio.csv's rows repeated (DataPoint, Cycle Index, Cumulative Time shifted per copy), with <paramref name="edit"/> applied to copy k's fields.</summary>
    private static List<string> NewareCopies(int copies, Action<int, string[]>? edit = null, int? cyclesPerCopy = 4)
    {
        var lines = File.ReadAllLines(Data("neware_uio.csv"));
        var rows = lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToArray();
        static double Seconds(string t) { var p = t.Split(':'); return int.Parse(p[0], CultureInfo.InvariantCulture) * 3600 + int.Parse(p[1], CultureInfo.InvariantCulture) * 60 + double.Parse(p[2], CultureInfo.InvariantCulture); }
        double span = Seconds(rows[^1][5]) + 60;
        var result = new List<string> { lines[0] };
        for (int copy = 0; copy < copies; copy++)
            foreach (var r in rows)
            {
                var f = (string[])r.Clone();
                f[0] = (long.Parse(f[0], CultureInfo.InvariantCulture) + copy * rows.Length).ToString(CultureInfo.InvariantCulture);
                f[1] = (int.Parse(f[1], CultureInfo.InvariantCulture) + copy * (cyclesPerCopy ?? 0)).ToString(CultureInfo.InvariantCulture);
                long s = (long)Math.Round(Seconds(f[5]) + copy * span);
                f[5] = $"{s / 3600:00}:{s / 60 % 60:00}:{s % 60:00}";
                edit?.Invoke(copy, f);
                result.Add(string.Join(',', f));
            }
        return result;
    }

    [Fact]
    public void ALargeFileOfCopiesSummarisesAsTheWholeRun()
    {
        using var dir = new TempDirectory();
        var lines = NewareCopies(6);
        lines.Insert(5000, ""); lines.Insert(5001, ",,,,");   // blank lines inside a block
        File.WriteAllLines(dir.File("big.csv"), lines);
        Assert.True(new FileInfo(dir.File("big.csv")).Length > (8 << 20));
        AssertStreamedEqualsWhole(dir.File("big.csv"));
        AssertStreamedEqualsWhole(dir.File("big.csv"), blockBytes: 100_000);
    }

    /// <summary>
    /// The rest threshold is 10⁻⁴ of the largest |I| of the whole run. Here the last copy's currents are 10⁵ times the
    /// others': the earlier copies' currents are rest for the whole-file build, but the first pass, which has not seen
    /// that current yet, counted them. The guess did not hold: a second pass with the largest current known.
    /// </summary>
    [Fact]
    public void ALargerCurrentLaterInTheFileTakesASecondPass()
    {
        using var dir = new TempDirectory();
        var lines = NewareCopies(3, (copy, f) =>
        {
            if (copy == 2) f[6] = (double.Parse(f[6], CultureInfo.InvariantCulture) * 1e5).ToString("R", CultureInfo.InvariantCulture);
        });
        File.WriteAllLines(dir.File("later.csv"), lines);
        var s = AssertStreamedEqualsWhole(dir.File("later.csv"), blockBytes: 50_000, passes: 2);
        Assert.True(s.Summary.Cycles.Take(8).All(c => c.ChargeCapacityAh > 0 || c.DischargeCapacityAh > 0));   // the capacity columns still count
        AssertStreamedEqualsWhole(dir.File("later.csv"), new SummaryOptions { IntegrateCurrent = true }, blockBytes: 50_000, passes: 2);
    }

    /// <summary>
    /// A cycle counter constant in the first blocks: the run is built both ways (cycles inferred, cycles by the counter)
    /// until the counter changes; a counter that never changes leaves the inferred cycles, as in the whole-file build.
    /// </summary>
    [Fact]
    public void ACycleCounterThatChangesOnlyLaterIsFollowedInOnePass()
    {
        using var dir = new TempDirectory();
        // neware_uio.csv in 20 kB blocks: its first block (with the three read ahead) is all cycle 1.
        var counting = AssertStreamedEqualsWhole(Data("neware_uio.csv"), blockBytes: 20_000);
        Assert.Contains(counting.Summary.Notes, n => n == "cycles: the instrument's cycle counter");
        // Counter constant in the whole file: cycles inferred from the first current.
        var lines = File.ReadAllLines(Data("neware_uio.csv")).Select((l, i) => i == 0 ? l : string.Join(',', l.Split(',').Select((f, k) => k == 1 ? "1" : f))).ToArray();
        File.WriteAllLines(dir.File("constant.csv"), lines);
        var inferred = AssertStreamedEqualsWhole(dir.File("constant.csv"), blockBytes: 20_000);
        Assert.Contains(inferred.Summary.Notes, n => n.StartsWith("cycles: discharge-first", StringComparison.Ordinal));
    }

    /// <summary>
    /// An .mpt without an Ewe−Ece column: the cell voltage is Ewe − Ece when Ece is ever non-zero in the file. Here Ece is
    /// zero in the first half only: the first pass takes the first block's word for it, the second uses Ewe − Ece.
    /// </summary>
    [Fact]
    public void AnEceThatStartsOnlyLaterTakesASecondPass()
    {
        using var dir = new TempDirectory();
        var lines = File.ReadAllLines(Data("biol_gcpl.mpt"), Encoding.Latin1).ToList();
        int header = lines.FindIndex(l => l.StartsWith("mode\t", StringComparison.Ordinal));
        var names = lines[header].Split('\t');
        int cell = Array.IndexOf(names, "Ewe-Ece/V"), ece = Array.IndexOf(names, "Ece/V");
        int rows = lines.Count - header - 1;
        for (int i = header; i < lines.Count; i++)
        {
            var f = lines[i].Split('\t').ToList();
            if (i > header && i - header < rows / 2) f[ece] = "0";
            f.RemoveAt(cell);
            lines[i] = string.Join('\t', f);
        }
        File.WriteAllLines(dir.File("late-ece.mpt"), lines, Encoding.Latin1);
        var s = AssertStreamedEqualsWhole(dir.File("late-ece.mpt"), blockBytes: 100_000, passes: 2);
        Assert.Contains(s.Summary.Notes, n => n.StartsWith("three-electrode data: cell voltage = Ewe/V − Ece/V", StringComparison.Ordinal));
    }

    /// <summary>Cycle numbers that come back (a second test appended with its counter restarted): summarised from the whole run, the same summary.</summary>
    [Fact]
    public void CyclesThatComeBackAreSummarisedFromTheWholeRun()
    {
        using var dir = new TempDirectory();
        File.WriteAllLines(dir.File("again.csv"), NewareCopies(2, cyclesPerCopy: 0));
        var whole = CycleSummarizer.Summarize(CyclingFileReader.Read(dir.File("again.csv")));
        var s = CycleSummarizer.SummarizeFile(dir.File("again.csv"), blockBytes: 20_000);
        Assert.False(s.Streamed);
        AssertSame(whole, s.Summary);
    }

    /// <summary>A file cut short, or with a bad value in a late block, fails with the whole read's one-line message.</summary>
    [Fact]
    public void ErrorsAreTheWholeReadsOneLineMessages()
    {
        using var dir = new TempDirectory();
        foreach (var (name, source) in new[] { ("cut.csv", "neware_uio.csv"), ("cut-regular.csv", "neware_regular_uio.csv"), ("cut.mpt", "biol_gcpl.mpt") })
        {
            var bytes = File.ReadAllBytes(Data(source));
            int cut = Array.LastIndexOf(bytes, (byte)'\n', bytes.Length - 3) + 12;   // the last line cut after a few characters
            File.WriteAllBytes(dir.File(name), bytes[..cut]);
            var expected = Assert.Throws<InvalidInputException>(() => CyclingFileReader.Read(dir.File(name)));
            var got = Assert.Throws<InvalidInputException>(() => CycleSummarizer.SummarizeFile(dir.File(name), blockBytes: 30_000));
            Assert.Equal(expected.Message, got.Message);
            Assert.DoesNotContain('\n', got.Message);
            var cli = CliProcess.Run("cycling", "summarize", dir.File(name), "--json");
            Assert.Equal(1, cli.ExitCode);
            Assert.Equal("", cli.Stdout);
            Assert.Equal("error: " + expected.Message, cli.Stderr.TrimEnd('\n', '\r'));
        }
        var lines = NewareCopies(3);
        string Corrupt(string line) { var f = line.Split(','); f[7] = "x" + f[7]; return string.Join(',', f); }
        lines[20_000] = Corrupt(lines[20_000]);
        lines[12_000] = Corrupt(lines[12_000]);
        File.WriteAllLines(dir.File("bad.csv"), lines);
        var ex = Assert.Throws<InvalidInputException>(() => CycleSummarizer.SummarizeFile(dir.File("bad.csv"), blockBytes: 50_000));
        Assert.Contains("line 12001, column 'Voltage(V)'", ex.Message);
    }

    /// <summary>The CLI's summarize and rate-table take this path: their JSON is that of the whole run (checked on every test file by bench/cycling/compare_outputs.py).</summary>
    [Fact]
    public void CliSummaryOfALargeRegularExportEqualsTheWholeRun()
    {
        using var dir = new TempDirectory();
        var lines = File.ReadAllLines(Data("neware_regular_uio.csv")).ToList();
        var body = lines.Skip(3).Where(l => l.Length > 0).ToList();
        var big = new List<string>(lines.Take(3));
        for (int k = 0; k < 20; k++)
            big.AddRange(body.Select(l => l[0] == ',' ? l : (int.Parse(l[..l.IndexOf(',')], CultureInfo.InvariantCulture) + 2 * k).ToString(CultureInfo.InvariantCulture) + l[l.IndexOf(',')..]));
        File.WriteAllLines(dir.File("big.csv"), big);
        var streamed = AssertStreamedEqualsWhole(dir.File("big.csv"));
        var r = CliProcess.Run("cycling", "summarize", dir.File("big.csv"), "--json");
        Assert.Equal(0, r.ExitCode);
        using var doc = System.Text.Json.JsonDocument.Parse(r.Stdout);
        Assert.Equal(streamed.Summary.Cycles.Count, doc.RootElement.GetProperty("cycles").GetArrayLength());
        Assert.Equal(streamed.Summary.Cycles[^1].DischargeCapacityAh * 1000, doc.RootElement.GetProperty("cycles")[streamed.Summary.Cycles.Count - 1].GetProperty("dischargeCapacityMAh").GetDouble());
    }
}
