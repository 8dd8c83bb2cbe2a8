using System.Text;
using Borolyte.Impedance;
using Borolyte.Impedance.Readers;
using Borolyte.Tests.Support;

namespace Borolyte.Tests.Impedance;

/// <summary>Every shared EIS file (tests/data/eis, from impedance.py's test suite): counts and first/last values as in the file text.</summary>
public class SpectrumReaderTests
{
    private static string Eis(string name) => TestData.Path("eis", name);

    [Theory]
    // file, format, count, first f, first Z', first Z'', last f, last Z', last Z''  (values copied from the file text; −Im columns negated)
    [InlineData("exampleDataBioLogic.mpt", SpectrumFormat.BioLogicMpt, 43, 1.0003201E+003, 6.5470886E+001, -3.8998979E-001, 1.6895540E-002, 1.1097003E+002, -2.3458567E+000)]
    [InlineData("exampleDataZPlot.z", SpectrumFormat.ZPlot, 21, 3.000000E+05, 1.4777E+02, -1.1335E+01, 3.000000E+03, 6.1368E+02, -1.3713E+02)]
    [InlineData("exampleDataGamry.DTA", SpectrumFormat.GamryDta, 72, 200015.6, 825.8584, -1367.239, 0.0158898, 17007.49, -6635.557)]
    [InlineData("exampleDataGamryABORT.DTA", SpectrumFormat.GamryDta, 72, 200015.6, 825.8584, -1367.239, 0.0158898, 17007.49, -6635.557)]
    [InlineData("exampleDataAutolab.txt", SpectrumFormat.AutolabText, 41, 10000, 0.013785863964281, 0.007191946305823, 0.1, 0.0345697771923854, -0.00390292888845954)]
    [InlineData("exampleDataCHInstruments.txt", SpectrumFormat.ChInstrumentsText, 73, 9.961e+4, 9.891e+1, -2.748e+0, 1.000e-1, 5.685e+3, -1.586e+4)]
    [InlineData("exampleDataPowersuite.txt", SpectrumFormat.Delimited, 30, 0.1, 423929.46, -49014.063, 2000000, -470.54113, -1397.7358)]
    [InlineData("exampleData.csv", SpectrumFormat.Delimited, 66, 3.162299999999999833e-03, 4.949989776405060160e-02, -2.043869854441892481e-02, 1e4, 1.577148266048593317e-02, 1.015747456493823649e-02)]
    public void Reads_every_shared_file(string file, SpectrumFormat format, int count, double f0, double re0, double im0, double fN, double reN, double imN)
    {
        Assert.Equal(format, SpectrumFile.DetectFormat(Eis(file)));
        var s = SpectrumFile.Read(Eis(file));
        Assert.Equal(count, s.Count);
        Assert.Equal(f0, s.FrequenciesHz[0], 1e-12 * f0);
        Assert.Equal(re0, s.ImpedanceOhm[0].Real, Math.Abs(re0) * 1e-12);
        Assert.Equal(im0, s.ImpedanceOhm[0].Imaginary, Math.Abs(im0) * 1e-12);
        Assert.Equal(fN, s.FrequenciesHz[^1], 1e-12 * fN);
        Assert.Equal(reN, s.ImpedanceOhm[^1].Real, Math.Abs(reN) * 1e-12);
        Assert.Equal(imN, s.ImpedanceOhm[^1].Imaginary, Math.Abs(imN) * 1e-12);
        Assert.Equal(Eis(file), s.Metadata.SourcePath);
    }

    [Fact]
    public void Aborted_gamry_run_keeps_its_points_and_says_it_was_aborted()
    {
        var s = SpectrumFile.Read(Eis("exampleDataGamryABORT.DTA"));
        Assert.Contains(s.Metadata.Warnings, w => w.Contains("aborted"));
        Assert.Empty(SpectrumFile.Read(Eis("exampleDataGamry.DTA")).Metadata.Warnings);
    }

    [Fact]
    public void Powersuite_is_recognised_by_its_header()
    {
        Assert.Equal("PowerSuite text", SpectrumFile.Read(Eis("exampleDataPowersuite.txt")).Metadata.Format);
    }

    [Fact]
    public void Missing_frequency_column_fails_with_a_message_that_says_so()
    {
        var ex = Assert.Throws<InvalidInputException>(() => SpectrumFile.Read(Eis("exampleDataBioLogic_MissingFreq.mpt")));
        Assert.Contains("frequency column", ex.Message);
        Assert.Contains("missing", ex.Message);
        Assert.Contains("line 61", ex.Message);
        Assert.Contains("exampleDataBioLogic_MissingFreq.mpt", ex.Message);
        Assert.DoesNotContain("\n", ex.Message);
    }

    private static byte[] Bytes(string file) => File.ReadAllBytes(Eis(file));
    private static string Latin1(string file) => Encoding.Latin1.GetString(Bytes(file));

    [Fact]
    public void Mpt_with_decimal_commas_in_utf8_reads_the_same_numbers()
    {
        var lines = Latin1("exampleDataBioLogic.mpt").Split("\r\n") is { Length: > 10 } crlf ? crlf : Latin1("exampleDataBioLogic.mpt").Split('\n');
        for (int i = 61; i < lines.Length; i++) lines[i] = lines[i].Replace('.', ',');
        var utf8 = Encoding.UTF8.GetBytes(string.Join("\n", lines));
        var reference = SpectrumFile.Read(Eis("exampleDataBioLogic.mpt"));
        var s = Assert.Single(SpectrumFile.ReadAll("comma.mpt", utf8));
        Assert.Equal(reference.Count, s.Count);
        for (int i = 0; i < s.Count; i++)
        {
            Assert.Equal(reference.FrequenciesHz[i], s.FrequenciesHz[i]);
            Assert.Equal(reference.ImpedanceOhm[i], s.ImpedanceOhm[i]);
        }
    }

    [Fact]
    public void Mpt_with_several_cycles_gives_one_spectrum_per_cycle()
    {
        var lines = Latin1("exampleDataBioLogic.mpt").ReplaceLineEndings("\n").TrimEnd('\n').Split('\n').ToList();
        var data = lines.Skip(61).ToList();
        // Second sweep: the same rows with cycle number 2 (column 11) and Re(Z) doubled.
        var second = data.Select(l =>
        {
            var f = l.Split('\t');
            f[10] = "2.000000000000000E+000";
            f[1] = (2 * double.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture)).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            return string.Join('\t', f);
        });
        var bytes = Encoding.Latin1.GetBytes(string.Join("\n", lines.Concat(second)));
        var all = SpectrumFile.ReadAll("two.mpt", bytes);
        Assert.Equal(2, all.Count);
        Assert.Equal(43, all[1].Count);
        Assert.Equal(2, all[1].Metadata.Sweep);
        Assert.Equal(2 * all[0].ImpedanceOhm[0].Real, all[1].ImpedanceOhm[0].Real, 9);
        string temp = WriteTemp(bytes);
        try
        {
            var ex = Assert.Throws<InvalidInputException>(() => SpectrumFile.Read(temp));
            Assert.Contains("--sweep", ex.Message);
        }
        finally { File.Delete(temp); }
    }

    [Fact]
    public void Mpt_with_three_electrode_zwe_ce_columns_is_read()
    {
        var text = Latin1("exampleDataBioLogic.mpt").Replace("\tRe(Z)/Ohm\t-Im(Z)/Ohm", "\tRe(Zwe-ce)/Ohm\t-Im(Zwe-ce)/Ohm");
        Assert.Contains("Re(Zwe-ce)", text);
        var s = Assert.Single(SpectrumFile.ReadAll("zwece.mpt", Encoding.Latin1.GetBytes(text)));
        Assert.Equal(-3.8998979E-001, s.ImpedanceOhm[0].Imaginary, 12);
    }

    [Theory]
    [InlineData("exampleDataBioLogic.mpt", 30, "ends inside the header ('Nb header lines : 61')")]
    [InlineData("exampleDataBioLogic.mpt", 61, "no data rows")]
    [InlineData("exampleDataGamry.DTA", 100, "no ZCURVE table")]
    [InlineData("exampleDataAutolab.txt", 30, "declares 41 points")]
    [InlineData("exampleDataZPlot.z", 60, "End Comments")]
    public void Truncated_copies_fail_cleanly(string file, int keepLines, string expected)
    {
        var lines = Latin1(file).ReplaceLineEndings("\n").Split('\n').Take(keepLines);
        var ex = Assert.Throws<InvalidInputException>(() => SpectrumFile.ReadAll("cut-" + file, Encoding.Latin1.GetBytes(string.Join("\n", lines))));
        Assert.Contains(expected, ex.Message);
        Assert.Contains("cut-" + file, ex.Message);
    }

    [Fact]
    public void A_row_cut_in_the_middle_is_reported_with_its_line()
    {
        var text = Latin1("exampleDataGamry.DTA").ReplaceLineEndings("\n").TrimEnd('\n');
        text = text[..(text.Length - 40)];
        var ex = Assert.Throws<InvalidInputException>(() => SpectrumFile.ReadAll("cut.DTA", Encoding.Latin1.GetBytes(text)));
        Assert.Matches(@"cut\.DTA line \d+: \d+ fields where 12 were expected", ex.Message);
    }

    [Fact]
    public void Corrupted_number_names_file_and_line()
    {
        var lines = File.ReadAllLines(Eis("exampleDataCHInstruments.txt"));
        lines[25] = lines[25].Replace("e+", "x+");
        var ex = Assert.Throws<InvalidInputException>(() => SpectrumFile.ReadAll("bad.txt", Encoding.UTF8.GetBytes(string.Join("\n", lines))));
        Assert.StartsWith("bad.txt line 26: ", ex.Message);
    }

    [Fact]
    public void Binary_and_empty_input_fail_cleanly()
    {
        Assert.Contains("binary", Assert.Throws<InvalidInputException>(() => SpectrumFile.ReadAll("x.mpr", [0x42, 0x00, 0x17, 0xFF])).Message);
        Assert.Contains("empty", Assert.Throws<InvalidInputException>(() => SpectrumFile.ReadAll("e.csv", [])).Message);
        Assert.Contains("file not found", Assert.Throws<InvalidInputException>(() => SpectrumFile.Read("/nonexistent/a.mpt")).Message);
    }

    [Fact]
    public void Generic_csv_finds_columns_by_alias_and_honours_a_minus_sign()
    {
        var csv = "Frequency (Hz);Z' (Ohm);-Z'' (Ohm)\n1000;10,5;2,5\n10;20;7\n";
        var s = Assert.Single(SpectrumFile.ReadAll("a.csv", Encoding.UTF8.GetBytes(csv)));
        Assert.Equal(2, s.Count);
        Assert.Equal(new System.Numerics.Complex(10.5, -2.5), s.ImpedanceOhm[0]);
        var ex = Assert.Throws<InvalidInputException>(() => SpectrumFile.ReadAll("b.csv", Encoding.UTF8.GetBytes("time,Zre,Zim\n1,2,3\n")));
        Assert.Contains("frequency column is missing", ex.Message);
    }

    [Fact]
    public void Headerless_minus_im_column_is_detected_and_flipped()
    {
        var csv = "1000,10,1\n100,12,3\n10,15,4\n1,16,2\n";
        var s = Assert.Single(SpectrumFile.ReadAll("neg.csv", Encoding.UTF8.GetBytes(csv)));
        Assert.Equal(-3, s.ImpedanceOhm[1].Imaginary);
        Assert.NotEmpty(s.Metadata.Warnings);
    }

    [Theory]
    [InlineData("exampleDataAutolab_NOVA.txt")]
    [InlineData("exampleDataAutolab_NOVA_comma.txt")]
    public void Nova_export_with_ohm_signs_reads_the_autolab_numbers(string file)
    {
        var reference = SpectrumFile.Read(Eis("exampleDataAutolab.txt"));
        Assert.Equal(SpectrumFormat.Delimited, SpectrumFile.DetectFormat(Eis(file)));
        var s = SpectrumFile.Read(Eis(file));
        Assert.Equal("Autolab NOVA text", s.Metadata.Format);
        Assert.Empty(s.Metadata.Warnings);
        Assert.Equal(reference.Count, s.Count);
        for (int i = 0; i < s.Count; i++)
        {
            Assert.Equal(reference.FrequenciesHz[i], s.FrequenciesHz[i]);
            Assert.Equal(reference.ImpedanceOhm[i], s.ImpedanceOhm[i]);
        }
    }

    private static string NovaText() => File.ReadAllText(Eis("exampleDataAutolab_NOVA.txt"), Encoding.UTF8);

    [Fact]
    public void Nova_variants_tab_separated_utf16_reordered_and_windows_1252_read_the_same_numbers()
    {
        var reference = SpectrumFile.Read(Eis("exampleDataAutolab.txt"));
        var text = NovaText();
        // Tab-separated, UTF-16 LE with BOM (NOVA's "Unicode" text).
        var tab = text.Replace(';', '\t');
        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(tab)).ToArray();
        // The Ω lost to "?" by a Windows-1252 export.
        var cp1252 = Encoding.Latin1.GetBytes(text.Replace("Ω", "?").Replace("°", "deg"));
        // NOVA 2 with a Filename column first and the columns in another order.
        var rows = text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n').Skip(1).Select(l => l.Split(';'))
            .Select(r => $"pellet.nox;{r[0]};{r[0]};{r[6]};{r[1]};{r[3]};{r[4]};{r[5]};{r[2]}");
        var reordered = "Filename;Index;DataIndex;Time (s);Frequency (Hz);-Z'' (Ω);Z (Ω);-Phase (°);Z' (Ω)\n" + string.Join("\n", rows);
        foreach (var (name, bytes) in new[] { ("tab.txt", Encoding.UTF8.GetBytes(tab)), ("utf16.txt", utf16), ("cp1252.txt", cp1252),
                     ("reordered.txt", Encoding.UTF8.GetBytes(reordered)) })
        {
            var s = Assert.Single(SpectrumFile.ReadAll(name, bytes));
            Assert.Equal(reference.Count, s.Count);
            for (int i = 0; i < s.Count; i++)
            {
                Assert.Equal(reference.FrequenciesHz[i], s.FrequenciesHz[i]);
                Assert.Equal(reference.ImpedanceOhm[i], s.ImpedanceOhm[i]);
            }
        }
    }

    [Fact]
    public void Impedance_unit_prefixes_in_column_names_scale_to_ohm()
    {
        var kilo = "Frequency (Hz);Z' (kΩ);-Z'' (kΩ)\n1000;1,5;0,5\n";
        Assert.Equal(new System.Numerics.Complex(1500, -500), Assert.Single(SpectrumFile.ReadAll("k.csv", Encoding.UTF8.GetBytes(kilo))).ImpedanceOhm[0]);
        var milli = "freq/Hz\tZre (mOhm)\tZimag (mOhm)\n1000\t2\t-1\n";
        Assert.Equal(new System.Numerics.Complex(2e-3, -1e-3), Assert.Single(SpectrumFile.ReadAll("m.csv", Encoding.UTF8.GetBytes(milli))).ImpedanceOhm[0]);
        var mega = "f (Hz),Z' (MΩ),Z'' (MΩ)\n1000,2,-1\n";
        Assert.Equal(new System.Numerics.Complex(2e6, -1e6), Assert.Single(SpectrumFile.ReadAll("M.csv", Encoding.UTF8.GetBytes(mega))).ImpedanceOhm[0]);
        var mixed = "Frequency (Hz);Z' (kΩ);-Z'' (Ω)\n1000;1;1\n";
        var ex = Assert.Throws<InvalidInputException>(() => SpectrumFile.ReadAll("mixed.csv", Encoding.UTF8.GetBytes(mixed)));
        Assert.StartsWith("mixed.csv line 1: the real and imaginary columns have different units", ex.Message);
    }

    [Theory]
    // file, lines kept, message expected: truncated copies of the three shared files the other theory leaves out.
    [InlineData("exampleData.csv", 0, "empty")]
    [InlineData("exampleDataPowersuite.txt", 1, "no data rows")]
    [InlineData("exampleDataGamryABORT.DTA", 98, "line 97: ZCURVE table has no column and unit lines")]
    [InlineData("exampleDataGamryABORT.DTA", 99, "no ZCURVE rows found")]
    [InlineData("exampleDataGamryABORT.DTA", 60, "no ZCURVE table")]
    public void Truncated_copies_of_csv_powersuite_and_aborted_gamry_fail_cleanly(string file, int keepLines, string expected)
    {
        var lines = LinesOf(file).Take(keepLines);
        var ex = Assert.Throws<InvalidInputException>(() => SpectrumFile.ReadAll("cut-" + file, Encoding.Latin1.GetBytes(string.Join("\n", lines))));
        Assert.Contains(expected, ex.Message);
        Assert.Contains("cut-" + file, ex.Message);
        Assert.DoesNotContain("\n", ex.Message);
    }

    [Theory]
    // A row cut part-way (the last data line loses its last field): reported with its line.
    [InlineData("exampleData.csv", 66)]
    [InlineData("exampleDataPowersuite.txt", 31)]
    public void A_cut_last_row_of_csv_and_powersuite_is_reported_with_its_line(string file, int lastLine)
    {
        var lines = LinesOf(file);
        var last = lines[^1];
        lines[^1] = last[..last.LastIndexOfAny([',', '\t'])];
        var ex = Assert.Throws<InvalidInputException>(() => SpectrumFile.ReadAll("cut-" + file, Encoding.Latin1.GetBytes(string.Join("\n", lines))));
        Assert.StartsWith($"cut-{file} line {lastLine}: 2 fields where 3 were expected", ex.Message);
    }

    [Fact]
    public void Aborted_gamry_cut_inside_its_zcurve_keeps_the_rows_before_the_cut_row_and_reports_it()
    {
        var lines = LinesOf("exampleDataGamryABORT.DTA");
        // Line 100 (index 99) is the first ZCURVE row; cut the file in the middle of the 11th row.
        var kept = lines.Take(110).Append(lines[110][..20]);
        var ex = Assert.Throws<InvalidInputException>(() => SpectrumFile.ReadAll("cut-abort.DTA", Encoding.Latin1.GetBytes(string.Join("\n", kept))));
        Assert.Matches(@"^cut-abort\.DTA line 111: \d+ fields where 12 were expected", ex.Message);
    }

    [Theory]
    // file, 0-based line to corrupt, 1-based line named in the error, field that is corrupted
    [InlineData("exampleData.csv", 10, 11, "real part")]
    [InlineData("exampleDataPowersuite.txt", 5, 6, "real part")]
    [InlineData("exampleDataGamryABORT.DTA", 120, 121, "real part")]
    public void Corrupted_numbers_in_csv_powersuite_and_aborted_gamry_name_file_line_and_field(string file, int index, int line, string field)
    {
        var lines = LinesOf(file);
        var fields = EisFieldsOf(lines[index]);
        int column = file.EndsWith(".DTA") ? 4 : 1;
        lines[index] = lines[index].Replace(fields[column], "12#4");
        var ex = Assert.Throws<InvalidInputException>(() => SpectrumFile.ReadAll("bad-" + file, Encoding.Latin1.GetBytes(string.Join("\n", lines))));
        Assert.Equal($"bad-{file} line {line}: {field} '12#4' is not a number", ex.Message);
    }

    [Fact]
    public void Binary_garbage_in_the_middle_of_the_csv_is_reported_as_binary()
    {
        var bytes = Bytes("exampleData.csv");
        bytes[bytes.Length / 2] = 0;
        var ex = Assert.Throws<InvalidInputException>(() => SpectrumFile.ReadAll("nul.csv", bytes));
        Assert.Contains("binary content", ex.Message);
    }

    /// <summary>The file's lines as its reader counts them (PowerSuite's CR CR LF ends one line).</summary>
    private static string[] LinesOf(string file) =>
        Latin1(file).Replace("\r\r\n", "\n").ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');

    private static string[] EisFieldsOf(string line) =>
        line.Contains('\t') ? line.Split('\t').Select(f => f.Trim()).ToArray() : line.Split(',').Select(f => f.Trim()).ToArray();

    private static string WriteTemp(byte[] bytes)
    {
        var path = Path.Combine(Path.GetTempPath(), $"borolyte-eis-{Guid.NewGuid():N}.mpt");
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
