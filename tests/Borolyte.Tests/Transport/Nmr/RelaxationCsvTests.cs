using Borolyte.Tests.Support;
using Borolyte.Transport.Nmr;

namespace Borolyte.Tests.Transport.Nmr;

public class RelaxationCsvTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    public void Dispose() => _temp.Dispose();

    private string Write(string text)
    {
        var path = _temp.File($"r1_{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Reads_single_frequency_file_with_celsius()
    {
        var pts = RelaxationCsv.Read(Write("temperature_C,R1_per_s\n# comment\n26.85,12.5\n126.85,40\n"), [400]);
        Assert.Equal(2, pts.Count);
        Assert.Equal(300.0, pts[0].TemperatureK, 9);
        Assert.Equal(400e6, pts[0].LarmorHz);
        Assert.Equal(12.5, pts[0].R1PerS);
    }

    [Fact]
    public void Multi_frequency_file_is_filtered_by_larmor_option()
    {
        var path = Write("T (K),larmor_MHz,R1 (1/s),R1_err\n300,400,10,0.5\n300,100,30,1\n320,400,12,0.5\n");
        Assert.Equal(3, RelaxationCsv.Read(path, []).Count);
        var only = RelaxationCsv.Read(path, [100]);
        Assert.Equal(100e6, Assert.Single(only).LarmorHz);
        Assert.Equal(1, only[0].StdErrPerS);
        var ex = Assert.Throws<InvalidInputException>(() => RelaxationCsv.Read(path, [200]));
        Assert.Contains("200", ex.Message);
    }

    [Theory]
    [InlineData("temperature,R1\n300,1\n", "does not state its unit")]
    [InlineData("temperature_K,T1_s\n300,1\n", "not T1")]
    [InlineData("temperature_K,rate\n300,1\n", "no relaxation-rate column")]
    [InlineData("temperature_K,R1\n300,1\n310,abc\n", "line 3: R1 'abc' is not a number")]
    [InlineData("temperature_K,R1\n300,1\n310,-2\n", "line 3")]
    [InlineData("temperature_K,R1\n300\n", "line 2: 1 fields")]
    [InlineData("temperature_K,larmor_Hz,R1\n300,4e8,1\n", "must be in MHz")]
    public void Bad_files_name_file_and_line(string text, string expected)
    {
        var path = Write(text);
        var ex = Assert.Throws<InvalidInputException>(() => RelaxationCsv.Read(path, [400]));
        Assert.Contains(expected, ex.Message);
        Assert.StartsWith(path, ex.Message);
    }

    [Fact]
    public void File_without_frequency_column_needs_exactly_one_larmor_frequency()
    {
        var ex = Assert.Throws<InvalidInputException>(() => RelaxationCsv.Read(Write("temperature_K,R1\n300,1\n"), [400, 100]));
        Assert.Contains("exactly one --larmor-mhz", ex.Message);
    }
}
