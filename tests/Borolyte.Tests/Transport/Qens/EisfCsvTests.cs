using Borolyte.Tests.Support;
using Borolyte.Transport.Qens;

namespace Borolyte.Tests.Transport.Qens;

public class EisfCsvTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    public void Dispose() => _temp.Dispose();

    private string Write(string text)
    {
        var path = _temp.File($"e_{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Reads_inverse_angstrom_and_inverse_nanometre()
    {
        var a = EisfCsv.Read(Write("Q (1/Å);EISF;EISF_err\n0.5;0.8;0.01\n"));
        Assert.Equal(0.5e10, a[0].QPerM, 3);
        Assert.Equal(0.01, a[0].StdErr);
        var n = EisfCsv.Read(Write("Q_per_nm,EISF\n5,0.8\n"));
        Assert.Equal(0.5e10, n[0].QPerM, 3);
        Assert.Null(n[0].StdErr);
    }

    [Theory]
    [InlineData("Q,EISF\n0.5,0.8\n", "line 1: Q column 'Q' does not state its unit")]
    [InlineData("Q_inv_angstrom,A0\n0.5,0.8\n", "no EISF column")]
    [InlineData("Q_inv_angstrom,EISF\n0.5,0.8\n-1,0.5\n", "line 3: Q -1 must be positive")]
    [InlineData("Q_inv_angstrom,EISF\n0.5,1.8\n", "line 2: EISF 1.8 is outside 0–1")]
    [InlineData("Q_inv_angstrom,EISF,EISF_err\n0.5,0.8,0\n", "line 2: uncertainty 0 must be positive")]
    public void Bad_files_name_the_line(string text, string expected)
    {
        var ex = Assert.Throws<InvalidInputException>(() => EisfCsv.Read(Write(text)));
        Assert.Contains(expected, ex.Message);
    }
}
