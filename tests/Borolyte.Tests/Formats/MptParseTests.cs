using System.Globalization;
using System.Text;
using Borolyte.Formats.BioLogic;
using Borolyte.Tests.Support;

namespace Borolyte.Tests.Formats;

/// <summary>An .mpt parsed from memory (MptFile.Parse, for readers that hold the bytes) equals the same file read from disk.</summary>
public class MptParseTests
{
    [Fact]
    public void InMemoryParseEqualsTheFileReadAndReportsTheColumnLine()
    {
        var mpr = MprFile.Read(TestData.Path("cycling", "biol.mpr"));
        string[] columns = ["time/s", "Ewe/V", "I/mA"];
        var text = new StringBuilder("EC-Lab ASCII FILE\r\nNb header lines : 5\r\n\r\nGalvanostatic Cycling with Potential Limitation\r\n" + string.Join('\t', columns) + "\t\r\n");
        for (int i = 0; i < 500; i++)
            text.Append(string.Join('\t', columns.Select(c => mpr.Column(c)[i].ToString("R", CultureInfo.InvariantCulture)))).Append("\t\r\n");
        byte[] bytes = Encoding.Latin1.GetBytes(text.ToString());
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("run.mpt"), bytes);
        var fromFile = MptFile.Read(dir.File("run.mpt"));
        (IReadOnlyList<string> Names, int Line)? seen = null;
        var fromMemory = MptFile.Parse("upload.mpt", bytes, (names, line) => seen = (names, line));
        Assert.Equal(500, fromMemory.RowCount);
        Assert.Equal(fromFile.Column("Ewe/V"), fromMemory.Column("Ewe/V"));
        Assert.Equal(mpr.Column("I/mA").Take(500), fromMemory.Column("I/mA"));
        Assert.Equal(5, fromMemory.ColumnLineNumber);
        Assert.Equal(columns, seen!.Value.Names);
        Assert.Equal(5, seen.Value.Line);
        // Errors name the given source name and the line.
        var broken = Encoding.Latin1.GetBytes(text.ToString().Replace("\r\n" + mpr.Column("time/s")[3].ToString("R", CultureInfo.InvariantCulture) + "\t", "\r\nx\t"));
        Assert.Contains("upload.mpt line 9, column 'time/s': 'x' is not a number", Assert.Throws<InvalidInputException>(() => MptFile.Parse("upload.mpt", broken)).Message);
    }
}
