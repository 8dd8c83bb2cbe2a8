using System.Globalization;
using System.Text;
using Borolyte.Cycling.Readers;
using Borolyte.Formats.BioLogic;
using Borolyte.Tests.Support;

namespace Borolyte.Tests.Formats;

/// <summary>
/// The vectorised field splitting (one pass per line, 32/16-byte blocks and a scalar tail) against string.Split: lines
/// of every length around the block sizes, fields of 1 to 30 bytes, with and without EC-Lab's trailing tab.
/// </summary>
public class FieldSplittingTests
{
    [Fact]
    public void MptFieldsOfEveryWidthParseAsSplitByString()
    {
        var rng = new Random(11);
        for (int columns = 1; columns <= 40; columns += 3)
        {
            var names = Enumerable.Range(0, columns).Select(c => $"c{c}").ToArray();
            var text = new StringBuilder($"EC-Lab ASCII FILE\nNb header lines : 3\n{string.Join('\t', names)}\t\n");
            var lines = new List<string[]>();
            for (int row = 0; row < 200; row++)
            {
                // Widths from 1 to 30 bytes: "7", "-0.25", "000000000000012.5", "1.234567890123E-005", ...
                var fields = names.Select(_ => rng.Next(5) switch
                {
                    0 => rng.Next(10).ToString(CultureInfo.InvariantCulture),
                    1 => new string('0', rng.Next(0, 20)) + (rng.NextDouble() * 100).ToString("F" + rng.Next(0, 9), CultureInfo.InvariantCulture),
                    2 => ((rng.NextDouble() - 0.5) * 1e-3).ToString("E" + rng.Next(1, 16), CultureInfo.InvariantCulture),
                    3 => (rng.NextDouble() * 1e6).ToString("R", CultureInfo.InvariantCulture),
                    _ => "-" + rng.Next(1000).ToString(CultureInfo.InvariantCulture) + "." + rng.Next(100000).ToString("00000", CultureInfo.InvariantCulture),
                }).ToArray();
                lines.Add(fields);
                text.Append(string.Join('\t', fields)).Append(rng.Next(2) == 0 ? "\t\n" : "\n");
            }
            var mpt = MptFile.Parse("split.mpt", Encoding.ASCII.GetBytes(text.ToString()));
            Assert.Equal(lines.Count, mpt.RowCount);
            for (int c = 0; c < columns; c++)
                Assert.Equal(lines.Select(f => double.Parse(f[c], NumberStyles.Float, CultureInfo.InvariantCulture)), mpt.Column(names[c]));
        }
    }

    [Theory]
    [InlineData(5, "line 4: 4 fields where the header names 5 columns")]
    [InlineData(40, "line 4: 39 fields where the header names 40 columns")]
    public void AMissingFieldIsReportedWithItsLine(int columns, string expected)
    {
        string header = string.Join('\t', Enumerable.Range(0, columns).Select(c => $"c{c}"));
        string full = string.Join('\t', Enumerable.Range(0, columns).Select(c => (c * 1.5).ToString(CultureInfo.InvariantCulture)));
        string shortLine = string.Join('\t', Enumerable.Range(0, columns - 1).Select(c => "1.25"));
        var bytes = Encoding.ASCII.GetBytes($"EC-Lab ASCII FILE\nNb header lines : 3\n{header}\n{shortLine}\n{full}\n");
        Assert.Contains(expected, Assert.Throws<InvalidInputException>(() => MptFile.Parse("short.mpt", bytes)).Message);
        var extra = Encoding.ASCII.GetBytes($"EC-Lab ASCII FILE\nNb header lines : 3\n{header}\n{full}\t\t9\n");
        Assert.Contains($"line 4: more fields than the {columns} column names", Assert.Throws<InvalidInputException>(() => MptFile.Parse("extra.mpt", extra)).Message);
    }

    /// <summary>Neware's cumulative time past 99 hours ("1144:01:18") reads as the same seconds as the general duration path.</summary>
    [Fact]
    public void NewareTimesPastNinetyNineHoursAreExactSeconds()
    {
        string source = TestData.Path("cycling", "neware_uio.csv");
        var lines = File.ReadAllLines(source);
        var shifted = new List<string> { lines[0] };
        foreach (var line in lines.Skip(1))
        {
            var fields = line.Split(',');
            if (fields.Length < 6) { shifted.Add(line); continue; }
            var parts = fields[5].Split(':');
            fields[5] = $"{int.Parse(parts[0], CultureInfo.InvariantCulture) + 1000}:{parts[1]}:{parts[2]}";
            shifted.Add(string.Join(',', fields));
        }
        using var dir = new TempDirectory();
        File.WriteAllLines(dir.File("late.csv"), shifted);
        var original = CyclingFileReader.ReadRaw(source).TestTimeSecond;
        var late = CyclingFileReader.ReadRaw(dir.File("late.csv")).TestTimeSecond;
        Assert.Equal(original.Length, late.Length);
        Assert.Equal(original.Select(t => t + 1000 * 3600.0), late);
        Assert.Contains(shifted, l => l.Split(',').Length > 5 && l.Split(',')[5].Length > 8);   // the long form is really read
    }
}
