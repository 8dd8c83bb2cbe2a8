using System.Globalization;
using System.Text;
using Borolyte.Cycling.Analysis;
using Borolyte.Cycling.Readers;
using Borolyte.Formats.BioLogic;
using Borolyte.Tests.Support;

namespace Borolyte.Tests.Cycling;

/// <summary>
/// Files above 8 MB (LineChunks.ParallelThresholdBytes) are cut into chunks parsed in parallel into pre-sized columns. A run made of copies of a real file
/// must summarise to copies of the real file's cycles, whatever the chunk boundaries; errors and blank lines in any
/// chunk behave as in a serial read.
/// </summary>
public class LargeFileTests
{
    private const int Copies = 6;

    /// <summary>neware_uio.csv repeated (DataPoint, Cycle Index, Cumulative Time shifted per copy; the rest verbatim): ~11.5 MB.</summary>
    private static List<string> RepeatedNeware(out int rowsPerCopy)
    {
        var lines = File.ReadAllLines(TestData.Path("cycling", "neware_uio.csv"));
        var rows = lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToArray();
        rowsPerCopy = rows.Length;
        static double Seconds(string t) { var p = t.Split(':'); return int.Parse(p[0], CultureInfo.InvariantCulture) * 3600 + int.Parse(p[1], CultureInfo.InvariantCulture) * 60 + double.Parse(p[2], CultureInfo.InvariantCulture); }
        double span = Seconds(rows[^1][5]) + 60;
        var result = new List<string> { lines[0] };
        for (int copy = 0; copy < Copies; copy++)
            foreach (var r in rows)
            {
                var f = (string[])r.Clone();
                f[0] = (long.Parse(f[0], CultureInfo.InvariantCulture) + copy * rows.Length).ToString(CultureInfo.InvariantCulture);
                f[1] = (int.Parse(f[1], CultureInfo.InvariantCulture) + copy * 4).ToString(CultureInfo.InvariantCulture);
                long s = (long)Math.Round(Seconds(f[5]) + copy * span);
                f[5] = $"{s / 3600:00}:{s / 60 % 60:00}:{s % 60:00}";
                result.Add(string.Join(',', f));
            }
        return result;
    }

    [Fact]
    public void ChunkedNewareReadSummarisesToCopiesOfTheRealFile()
    {
        using var dir = new TempDirectory();
        var lines = RepeatedNeware(out int perCopy);
        // Blank lines inside the first chunk must not leave gaps.
        lines.Insert(5000, ""); lines.Insert(5001, ",,,,");
        File.WriteAllLines(dir.File("big.csv"), lines);
        Assert.True(new FileInfo(dir.File("big.csv")).Length > (8 << 20));
        var original = CycleSummarizer.Summarize(CyclingFileReader.Read(TestData.Path("cycling", "neware_uio.csv")));
        var run = CyclingFileReader.Read(dir.File("big.csv"));
        Assert.Equal(Copies * perCopy, run.Count);
        Assert.Contains(run.Notes, n => n.Contains("2 empty lines skipped"));
        for (int i = 1; i < run.Count; i++) Assert.True(run.TestTimeSecond[i] >= run.TestTimeSecond[i - 1], $"row {i}: time goes back (rows out of order)");
        var summary = CycleSummarizer.Summarize(run);
        Assert.Equal(original.ActiveMassKg, summary.ActiveMassKg);
        Assert.Equal(4 * Copies, summary.Cycles.Count);
        for (int k = 0; k < summary.Cycles.Count; k++)
        {
            var expected = original.Cycles[k % 4];
            var got = summary.Cycles[k];
            Assert.Equal(k + 1, got.Cycle);
            Assert.Equal(expected.ChargeCapacityAh, got.ChargeCapacityAh, 12);
            Assert.Equal(expected.DischargeCapacityAh, got.DischargeCapacityAh, 12);
            Assert.Equal(expected.DischargeEnergyWh, got.DischargeEnergyWh, 12);
        }
    }

    [Fact]
    public void TheFirstErrorInFileOrderIsReportedWhicheverChunkFindsIt()
    {
        using var dir = new TempDirectory();
        var lines = RepeatedNeware(out _);
        string Corrupt(string line) { var f = line.Split(','); f[7] = "x" + f[7]; return string.Join(',', f); }
        lines[49_999] = Corrupt(lines[49_999]);   // file line 50000, second half
        File.WriteAllLines(dir.File("late.csv"), lines);
        var ex = Assert.Throws<InvalidInputException>(() => CyclingFileReader.Read(dir.File("late.csv")));
        Assert.Contains("line 50000, column 'Voltage(V)'", ex.Message);
        lines[9_999] = Corrupt(lines[9_999]);     // file line 10000, first half: reported first
        File.WriteAllLines(dir.File("both.csv"), lines);
        ex = Assert.Throws<InvalidInputException>(() => CyclingFileReader.Read(dir.File("both.csv")));
        Assert.Contains("line 10000, column 'Voltage(V)'", ex.Message);
        // A cycle number that is not an integer, named with its line.
        var f = lines[30_000].Split(',');
        f[1] = "3.5";
        lines[9_999] = lines[10_000];
        lines[49_999] = lines[50_000];
        lines[30_000] = string.Join(',', f);
        File.WriteAllLines(dir.File("cycle.csv"), lines);
        ex = Assert.Throws<InvalidInputException>(() => CyclingFileReader.Read(dir.File("cycle.csv")));
        Assert.Contains("line 30001, column 'Cycle Index': '3.5' is not an integer", ex.Message);
    }

    [Fact]
    public void ChunkedMptReadKeepsRowOrderAndValues()
    {
        var mpr = MprFile.Read(TestData.Path("cycling", "biol.mpr"));
        string[] columns = ["mode", "time/s", "Ewe/V", "Ece/V", "I/mA", "Q charge/discharge/mA.h", "freq/Hz", "Ns"];
        using var dir = new TempDirectory();
        var text = new StringBuilder("EC-Lab ASCII FILE\r\nNb header lines : 4\r\n\r\n" + string.Join('\t', columns) + "\t\r\n");
        double span = mpr.Column("time/s")[^1] + 1;
        for (int copy = 0; copy < 4; copy++)
            for (int i = 0; i < mpr.RowCount; i++)
            {
                foreach (var c in columns)
                    text.Append((mpr.Column(c)[i] + (c == "time/s" ? copy * span : 0)).ToString("R", CultureInfo.InvariantCulture)).Append('\t');
                text.Append("\r\n");
            }
        File.WriteAllText(dir.File("big.mpt"), text.ToString(), Encoding.Latin1);
        Assert.True(new FileInfo(dir.File("big.mpt")).Length > (8 << 20));
        var mpt = MptFile.Read(dir.File("big.mpt"));
        Assert.Equal(4 * mpr.RowCount, mpt.RowCount);
        for (int copy = 0; copy < 4; copy++)
            Assert.Equal(mpr.Column("Ewe/V"), mpt.Column("Ewe/V").AsSpan(copy * mpr.RowCount, mpr.RowCount).ToArray());
        var time = mpt.Column("time/s");
        for (int i = 1; i < time.Length; i++) Assert.True(time[i] >= time[i - 1], $"row {i}: time goes back");
        var partial = MptFile.Read(dir.File("big.mpt"), name => name == "Ewe/V");
        Assert.Empty(partial.Column("I/mA"));   // not kept
        Assert.Equal(mpt.Column("Ewe/V"), partial.Column("Ewe/V"));
    }

    /// <summary>The run of a file read once, and of its copies read as one large file: copy k must be the original with the cycles shifted by k·cycles.</summary>
    private static void AssertCopies(Borolyte.Cycling.CyclingRun small, Borolyte.Cycling.CyclingRun big, int copies, int cyclesPerCopy, Func<int, double> timeShift)
    {
        int n = small.Count;
        Assert.Equal(copies * n, big.Count);
        for (int k = 0; k < copies; k++)
        {
            var range = new Range(k * n, (k + 1) * n);
            Assert.Equal(small.VoltageVolt, big.VoltageVolt[range]);
            Assert.Equal(small.CurrentAmpere, big.CurrentAmpere[range]);
            Assert.Equal(small.StepIndex, big.StepIndex![range]);
            // The opening open-circuit period is OCV only in the first copy; later copies rest after current.
            Assert.Equal(small.Kind.Select(s => k > 0 && s == Borolyte.Cycling.StepKind.Ocv ? Borolyte.Cycling.StepKind.Rest : s), big.Kind[range]);
            Assert.Equal(small.ChargingCapacityAmpereHour, big.ChargingCapacityAmpereHour![range]);
            Assert.Equal(small.DischargingEnergyWattHour, big.DischargingEnergyWattHour![range]);
            Assert.Equal(small.CycleCount.Select(c => c + k * cyclesPerCopy), big.CycleCount[range]);
            Assert.Equal(small.TestTimeSecond.Select(t => t + timeShift(k)), big.TestTimeSecond[range]);
        }
    }

    /// <summary>
    /// The regular export (cycle, step and record rows) above 8 MB is read in chunks that start at step rows; the cycle of
    /// a chunk's first records and, without a Total Time column, the time offset of its steps come from the rows above.
    /// The file is neware_regular_uio.csv's rows repeated (cycle numbers shifted per copy); without Total Time the test
    /// times are step times plus the durations of the earlier steps, here integers of seconds, so the sums are exact in
    /// any order and copy k is the original shifted by k times the duration of one copy (its step rows' Step Time).
    /// </summary>
    /// <remarks>
    /// With <paramref name="quotedRecords"/> every 7th record row starts with quoted empty fields ("","",…), which the
    /// pre-count of record rows (lines starting ",,") does not see: the reader must notice and read again into per-chunk
    /// arrays (the fallback), with the same result.
    /// </remarks>
    [Theory]
    [InlineData(true, false)]
    [InlineData(false, false)]
    [InlineData(true, true)]
    [InlineData(false, true)]
    public void ChunkedRegularExportReadEqualsCopiesOfTheRealRecords(bool totalTime, bool quotedRecords)
    {
        const int copies = 20, cyclesPerCopy = 2;
        using var dir = new TempDirectory();
        var lines = File.ReadAllLines(TestData.Path("cycling", "neware_regular_uio.csv")).ToList();
        string Drop(string line, int field) => string.Join(',', line.Split(',').Where((_, i) => i != field));
        if (!totalTime)
        {
            Assert.Equal("Total Time", lines[2].Split(',')[4]);
            lines = lines.Select((l, i) => i == 2 || (i > 2 && l.StartsWith(",,", StringComparison.Ordinal)) ? Drop(l, 4) : l).ToList();
        }
        var body = lines.Skip(3).Where(l => l.Length > 0).ToList();
        var big = new List<string>(lines.Take(3));
        for (int k = 0; k < copies; k++)
            foreach (var l in body)
            {
                if (l[0] == ',') { big.Add(l); continue; }
                var f = l.Split(',');
                f[0] = (int.Parse(f[0], CultureInfo.InvariantCulture) + k * cyclesPerCopy).ToString(CultureInfo.InvariantCulture);
                big.Add(string.Join(',', f));
            }
        if (quotedRecords)
        {
            int seen = 0;
            big = big.Select((l, i) => i > 2 && l.StartsWith(",,", StringComparison.Ordinal) && seen++ % 7 == 0 ? "\"\",\"\"," + l[2..] : l).ToList();
        }
        File.WriteAllLines(dir.File("small.csv"), lines);
        File.WriteAllLines(dir.File("big.csv"), big);
        Assert.True(new FileInfo(dir.File("big.csv")).Length > (8 << 20));
        // One copy's duration from its step rows' "Step Time" (h:mm:ss), by plain string splitting.
        int stepTime = lines[1].Split(',').ToList().IndexOf("Step Time");
        double copySeconds = body.Select(l => l.Split(','))
            .Select(f => f[0].Length > 0 ? f.Skip(lines[0].Split(',').Length).Prepend("").ToArray() : f)   // a cycle row carries its first step after its own fields
            .Where(f => f.Length > stepTime && f[0].Length == 0 && f[1].Length > 0)
            .Sum(f => f[stepTime].Split(':').Select(double.Parse).Aggregate((a, b) => a * 60 + b));
        var small = CyclingFileReader.Read(dir.File("small.csv"));
        var run = CyclingFileReader.Read(dir.File("big.csv"));
        Assert.Equal("neware-regular-csv", run.Format);
        AssertCopies(small, run, copies, cyclesPerCopy, k => totalTime ? 0 : k * copySeconds);
        if (!totalTime) Assert.Contains(run.Notes, n => n.StartsWith("no Total Time column", StringComparison.Ordinal));
        Assert.Equal(copies * cyclesPerCopy, CycleSummarizer.Summarize(run).Cycles.Count);
    }

    [Fact]
    public void ChunkedRegularExportReportsTheFirstErrorInFileOrder()
    {
        using var dir = new TempDirectory();
        var lines = File.ReadAllLines(TestData.Path("cycling", "neware_regular_uio.csv")).ToList();
        var body = lines.Skip(3).Where(l => l.Length > 0).ToList();
        for (int k = 1; k < 18; k++) lines.AddRange(body);
        string Corrupt(string line) { var f = line.Split(','); f[6] = "x" + f[6]; return string.Join(',', f); }   // Voltage(V) of a record row
        int late = lines.FindIndex(90_000, l => l.StartsWith(",,", StringComparison.Ordinal)), early = lines.FindIndex(1_000, l => l.StartsWith(",,", StringComparison.Ordinal));
        lines[late] = Corrupt(lines[late]);
        lines[early] = Corrupt(lines[early]);
        File.WriteAllLines(dir.File("bad.csv"), lines);
        Assert.True(new FileInfo(dir.File("bad.csv")).Length > (8 << 20));
        var ex = Assert.Throws<InvalidInputException>(() => CyclingFileReader.Read(dir.File("bad.csv")));
        Assert.Contains($"line {early + 1}, column 'Voltage(V)'", ex.Message);
    }

    /// <summary>PEC CSV goes through the shared chunked data loop: pec_uio.csv's rows repeated (cycles shifted) read as copies.</summary>
    [Fact]
    public void ChunkedPecReadEqualsCopiesOfTheRealRecords()
    {
        const int copies = 8, cyclesPerCopy = 2;
        using var dir = new TempDirectory();
        var lines = File.ReadAllLines(TestData.Path("cycling", "pec_uio.csv")).ToList();
        int header = lines.FindIndex(l => l.StartsWith("Test,Cell,", StringComparison.Ordinal));
        int cycle = Array.IndexOf(lines[header].Split(','), "Cycle");
        var big = new List<string>(lines.Take(header + 1));
        for (int k = 0; k < copies; k++)
            foreach (var l in lines.Skip(header + 1).Where(l => l.Length > 0))
            {
                var f = l.Split(',');
                f[cycle] = (int.Parse(f[cycle], CultureInfo.InvariantCulture) + k * cyclesPerCopy).ToString(CultureInfo.InvariantCulture);
                big.Add(string.Join(',', f));
            }
        File.WriteAllLines(dir.File("big.csv"), big);
        Assert.True(new FileInfo(dir.File("big.csv")).Length > (8 << 20));
        var small = CyclingFileReader.Read(TestData.Path("cycling", "pec_uio.csv"));
        var run = CyclingFileReader.Read(dir.File("big.csv"));
        Assert.Equal("pec-csv", run.Format);
        AssertCopies(small, run, copies, cyclesPerCopy, _ => 0);
    }
}
