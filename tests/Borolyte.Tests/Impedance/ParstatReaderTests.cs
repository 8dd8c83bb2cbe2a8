using System.Text;
using Borolyte.Impedance.Readers;
using Borolyte.Tests.Support;

namespace Borolyte.Tests.Impedance;

/// <summary>
/// VersaStudio .par and Parstat text readers on excerpts of impedance.py's real example files (tests/data/eis/README.md
/// says what was cut); expected numbers are copied from the file text.
/// </summary>
public class ParstatReaderTests
{
    private static string Eis(string name) => TestData.Path("eis", name);
    private static string Text(string name) => File.ReadAllText(Eis(name)).ReplaceLineEndings("\n");

    [Theory]
    [InlineData("exampleDataVersaStudio_excerpt.par", SpectrumFormat.VersaStudioPar, "VersaStudio .par", 61, 100000, 55.31571, 4.575431, 0.02154435, 1516.313, -122.8279)]
    [InlineData("exampleDataParstat_excerpt.txt", SpectrumFormat.ParstatText, "Parstat text", 31, 10000, -0.00049816280376104, 0.0175143479976367, 10, 0.0270946491457229, -0.00399791080333837)]
    public void Reads_the_real_examples(string file, SpectrumFormat format, string name, int count, double f0, double re0, double im0, double fN, double reN, double imN)
    {
        Assert.Equal(format, SpectrumFile.DetectFormat(Eis(file)));
        var s = SpectrumFile.Read(Eis(file));
        Assert.Equal(name, s.Metadata.Format);
        Assert.Equal(count, s.Count);
        Assert.Equal(f0, s.FrequenciesHz[0]);
        Assert.Equal(re0, s.ImpedanceOhm[0].Real);
        Assert.Equal(im0, s.ImpedanceOhm[0].Imaginary);
        Assert.Equal(fN, s.FrequenciesHz[^1]);
        Assert.Equal(reN, s.ImpedanceOhm[^1].Real);
        Assert.Equal(imN, s.ImpedanceOhm[^1].Imaginary);
    }

    [Fact]
    public void VersaStudio_header_is_kept_and_the_sentinel_is_not_a_column()
    {
        var s = SpectrumFile.Read(Eis("exampleDataVersaStudio_excerpt.par"));
        Assert.Contains(s.Metadata.Header, kv => kv.Key == "Type" && kv.Value == "VersaSTAT4");
        // 24 data fields per row against 25 names in Definition (the last, "0", is the sentinel): read without complaint.
        Assert.Equal(61, s.Count);
    }

    [Fact]
    public void VersaStudio_damaged_copies_fail_cleanly()
    {
        var lines = Text("exampleDataVersaStudio_excerpt.par").Split('\n');
        var cut = string.Join("\n", lines.Take(150));
        var ex = Assert.Throws<InvalidInputException>(() => SpectrumFile.ReadAll("cut.par", Encoding.UTF8.GetBytes(cut)));
        Assert.Contains("cut.par line", ex.Message);
        Assert.Contains("no closing '</Segment1>'", ex.Message);

        var shortRow = Text("exampleDataVersaStudio_excerpt.par").Replace(",55.31571,4.575431,0,0,0,0,0,0,21,0.02", ",55.31571,4.575431");
        ex = Assert.Throws<InvalidInputException>(() => SpectrumFile.ReadAll("short.par", Encoding.UTF8.GetBytes(shortRow)));
        Assert.Matches(@"short\.par line \d+: 16 fields where the segment's Definition names 24 columns", ex.Message);

        var binary = string.Join("\n", lines.TakeWhile(l => !l.StartsWith("<Segment1>"))).Replace("Show=True\n</Experiment>", "DataFormat=Binary\n</Experiment>")
            + "\n<Segment1>\nType=2\nDefinition=Segment #, Point #, Frequency(Hz), Z Real, Z Imag, 0\n</Segment1>\n";
        ex = Assert.Throws<InvalidInputException>(() => SpectrumFile.ReadAll("bin.par", Encoding.UTF8.GetBytes(binary)));
        Assert.Contains("DataFormat=Binary", ex.Message);
    }

    [Fact]
    public void Parstat_runs_of_impedance_rows_between_dc_rows_are_separate_sweeps()
    {
        var lines = Text("exampleDataParstat_excerpt.txt").TrimEnd('\n').Split('\n');
        // Append a DC row and the impedance rows again: two sweeps.
        var twice = lines.Concat([lines[1]]).Concat(lines.Skip(7));
        var all = SpectrumFile.ReadAll("two.txt", Encoding.UTF8.GetBytes(string.Join("\n", twice)));
        Assert.Equal(2, all.Count);
        Assert.Equal(31, all[1].Count);
        Assert.Equal(2, all[1].Metadata.Sweep);

        var cut = string.Join("\n", lines)[..^60];
        var ex = Assert.Throws<InvalidInputException>(() => SpectrumFile.ReadAll("cut.txt", Encoding.UTF8.GetBytes(cut)));
        Assert.Matches(@"cut\.txt line 38: \d fields where the header names 8 columns", ex.Message);

        var dcOnly = string.Join("\n", lines.Take(7));
        ex = Assert.Throws<InvalidInputException>(() => SpectrumFile.ReadAll("dc.txt", Encoding.UTF8.GetBytes(dcOnly)));
        Assert.Contains("no impedance rows", ex.Message);
    }
}
