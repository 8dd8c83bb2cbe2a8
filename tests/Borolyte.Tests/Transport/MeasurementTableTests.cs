using System.Text;
using Borolyte.Tests.Support;
using Borolyte.Transport;
using Borolyte.Transport.Nmr;
using Borolyte.Transport.Qens;

namespace Borolyte.Tests.Transport;

/// <summary>
/// The file handling the three Transport readers share (MeasurementTable): line ends, byte-order marks, quoting, the
/// separator, cut-short and corrupted files. Each case goes through a public reader; expected values are the file's
/// own numbers (°C + 273.15, Å⁻¹ × 1e10).
/// </summary>
public class MeasurementTableTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    public void Dispose() => _temp.Dispose();

    private string Write(string text, Encoding? encoding = null)
    {
        var path = _temp.File($"t_{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text, encoding ?? new UTF8Encoding(false));
        return path;
    }

    private string WriteBytes(byte[] bytes)
    {
        var path = _temp.File($"t_{Guid.NewGuid():N}.csv");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static string Error(Action read) => Assert.Throws<InvalidInputException>(read).Message;

    [Fact]
    public void Crlf_line_ends_read_like_lf()
    {
        var pts = ConductivityCsv.Read(Write("# run 1\r\ntemperature_C,conductivity_S_per_cm\r\n25,1e-3\r\n\r\n50,2e-3\r\n"));
        Assert.Equal(2, pts.Count);
        Assert.Equal(298.15, pts[0].TemperatureK, 9);
        Assert.Equal(2e-3, pts[1].ConductivitySPerCm);
        Assert.Null(pts[1].StdErrSPerCm);
    }

    [Fact]
    public void Utf8_and_utf16_byte_order_marks_are_not_part_of_the_first_column()
    {
        // With the BOM left in, "T (K)" would not start with 'T' and 'Q…' not with 'Q'.
        var utf8 = ConductivityCsv.Read(Write("T (K);sigma (S/cm)\n300;1e-3\n", new UTF8Encoding(true)));
        Assert.Equal(300, utf8[0].TemperatureK);
        var utf16 = EisfCsv.Read(Write("Q_inv_angstrom\tEISF\n0.5\t0.8\n", new UnicodeEncoding(false, true)));
        Assert.Equal(0.5e10, utf16[0].QPerM, 3);
        Assert.Equal(0.8, utf16[0].Eisf);
        var withComment = RelaxationCsv.Read(Write("# exported\ntemperature_K,R1\n300,2\n", new UTF8Encoding(true)), [400]);
        Assert.Equal(2, withComment[0].R1PerS);
    }

    [Fact]
    public void Quoted_header_and_fields_are_unquoted()
    {
        var eisf = EisfCsv.Read(Write("\"Q (1/Å)\";\"EISF\";\"EISF_err\"\n\"0.5\";\"0.8\";\"0.01\"\n"));
        Assert.Equal(0.5e10, eisf[0].QPerM, 3);
        Assert.Equal(0.01, eisf[0].StdErr);
        var nmr = RelaxationCsv.Read(Write("\"T (K)\",\"larmor_MHz\",\"R1 (1/s)\"\n300,400,10\n"), []);
        Assert.Equal(400e6, Assert.Single(nmr).LarmorHz);
    }

    [Fact]
    public void Separator_inside_quotes_is_text()
    {
        // The comma inside the quoted name neither splits it nor is taken for the separator.
        var pts = ConductivityCsv.Read(Write("temperature_K,\"sigma, bulk (S/cm)\"\n300,\"1.5e-3\"\n"));
        Assert.Equal(1.5e-3, Assert.Single(pts).ConductivitySPerCm);
        // A ';' inside a quoted name does not make ';' the separator of a comma-separated file.
        var eisf = EisfCsv.Read(Write("\"Q_inv_angstrom; run 2\",EISF\n0.5,0.8\n"));
        Assert.Equal(0.8, Assert.Single(eisf).Eisf);
    }

    [Fact]
    public void Doubled_quote_in_a_quoted_name_is_one_quote()
    {
        var path = Write("temperature_K,\"R1 \"\"fast\"\" (1/s)\"\n300,x\n");
        Assert.Contains("line 2: R1 \"fast\" (1/s) 'x' is not a number", Error(() => RelaxationCsv.Read(path, [400])));
    }

    [Fact]
    public void Decimal_comma_is_refused_with_a_hint()
    {
        var path = Write("temperature_K;R1\n300;1,5\n");
        var message = Error(() => RelaxationCsv.Read(path, [400]));
        Assert.StartsWith(path, message);
        Assert.Contains("line 2: R1 '1,5' is not a number (write a decimal point, not a comma)", message);
        // Not every unparsable field gets the hint.
        Assert.DoesNotContain("decimal point", Error(() => RelaxationCsv.Read(Write("temperature_K;R1\n300;abc\n"), [400])));
    }

    [Theory]
    [InlineData("temperature_K,R1\n300,1\n310", "line 3: 1 fields where 2 were expected")]
    [InlineData("temperature_K,R1\n300,1\n310,1e", "line 3: R1 '1e' is not a number")]
    [InlineData("temperature_K,R1\n300,1\n310,", "line 3: R1 '' is not a number")]
    [InlineData("\"temperature_K\",\"R1\"\n300,\"1", "line 2: the quote opened at character 5 is not closed (file cut short?)")]
    [InlineData("\"temperature_K\",\"R", "line 1: the quote opened at character 17 is not closed")]
    public void Cut_short_files_name_the_line(string text, string expected)
    {
        var path = Write(text);
        var message = Error(() => RelaxationCsv.Read(path, [400]));
        Assert.StartsWith(path, message);
        Assert.Contains(expected, message);
    }

    [Fact]
    public void Header_only_empty_and_comment_only_files()
    {
        Assert.EndsWith(": no data rows", Error(() => EisfCsv.Read(Write("Q_inv_angstrom,EISF\n"))));
        Assert.EndsWith(": no data rows", Error(() => RelaxationCsv.Read(Write("temperature_K,R1\n# nothing measured\n"), [400])));
        Assert.Empty(ConductivityCsv.Read(Write("temperature_K,conductivity_S_per_cm\n")));
        foreach (var text in new[] { "", "\n\n", "# only a comment\n   \n" })
        {
            var path = Write(text);
            Assert.Equal($"{path}: no header line", Error(() => ConductivityCsv.Read(path)));
        }
        var missing = _temp.File("absent.csv");
        Assert.Equal($"{missing}: file not found", Error(() => EisfCsv.Read(missing)));
    }

    [Fact]
    public void Corrupted_rows_name_the_line()
    {
        // A valid start, then bytes of a binary file (NULs, 0xFF, no separator) on line 3.
        var bytes = Encoding.UTF8.GetBytes("temperature_C,conductivity_S_per_cm\n25,1e-3\n").Concat(new byte[] { 0, 0xFF, 0xFE, 7, 0x80, (byte)'\n' }).ToArray();
        Assert.Contains("line 3: 1 fields where 2 were expected", Error(() => ConductivityCsv.Read(WriteBytes(bytes))));
        // A corrupted byte inside a number (decoded as U+FFFD) in a row with the right number of fields.
        var corrupted = Encoding.UTF8.GetBytes("Q_inv_angstrom,EISF\n0.5,0.").Concat(new byte[] { 0xC3, (byte)'8', (byte)'\n' }).ToArray();
        Assert.Contains("line 2: EISF '0.\uFFFD8' is not a number", Error(() => EisfCsv.Read(WriteBytes(corrupted))));
        Assert.Contains("line 2: temperature_C 'NaN' is not a number", Error(() => ConductivityCsv.Read(Write("temperature_C,conductivity_S_per_cm\nNaN,1e-3\n"))));
        Assert.Contains("line 2: temperature -300 K is not positive", Error(() => ConductivityCsv.Read(Write("temperature_K,conductivity_S_per_cm\n-300,1e-3\n"))));
    }

    [Fact]
    public void Tab_wins_over_semicolon_and_comma_in_the_header()
    {
        // Tab-separated, with a ';' and a ',' inside the names.
        var pts = ConductivityCsv.Read(Write("T; run 1 (K)\tsigma, S/cm\n300\t1e-3\n"));
        Assert.Equal(300, Assert.Single(pts).TemperatureK);
    }

    [Fact]
    public void Blank_and_comment_lines_between_rows_keep_the_line_numbers()
    {
        var path = Write("# header follows\n\ntemperature_K,R1\n300,1\n# pause\n\n310,bad\n");
        Assert.Contains("line 7: R1 'bad' is not a number", Error(() => RelaxationCsv.Read(path, [400])));
    }
}
