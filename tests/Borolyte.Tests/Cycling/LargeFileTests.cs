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
}
