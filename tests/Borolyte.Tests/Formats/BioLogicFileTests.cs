using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Borolyte.Cycling.Analysis;
using Borolyte.Cycling.Readers;
using Borolyte.Formats.BioLogic;
using Borolyte.Tests.Support;

namespace Borolyte.Tests.Formats;

public class BioLogicFileTests
{
    private static string Mpr => TestData.Path("cycling", "biol.mpr");

    [Fact]
    public void MprModulesAndColumnTable()
    {
        var mpr = MprFile.Read(Mpr);
        Assert.Equal(["VMP Set", "VMP data", "VMP LOG"], mpr.Modules.Select(m => m.ShortName));
        Assert.Equal(2, mpr.DataVersion);
        Assert.Equal(23561, mpr.RowCount);
        Assert.Equal(36, mpr.ColumnIds.Count);
        Assert.Empty(mpr.Warnings);
        Assert.Contains("half cycle", mpr.ColumnNames);
        Assert.Equal("*Si/C Li half cell with reference electrode"[1..], mpr.Settings!.Comments.TrimStart('*'));
        Assert.Equal("Si/C", mpr.Settings.ElectrodeMaterial);
        Assert.True(MprSettings.IsEcLabPlaceholder(mpr.Settings.ActiveMaterialMassMg));
        var time = mpr.Column("time/s");
        for (int i = 1; i < time.Length; i++) Assert.True(time[i] >= time[i - 1]);
        Assert.Equal(3.0, mpr.Column("mode")[0]);   // rest
    }

    /// <summary>Replace one known id (98, Phase(Zce), 4 bytes) by an id no table knows: a warning, not a crash.</summary>
    [Fact]
    public void UnknownColumnIdIsSkippedWithAWarning()
    {
        byte[] bytes = File.ReadAllBytes(Mpr);
        var original = MprFile.Parse("biol.mpr", bytes);
        int dataStart = 3369 + 6 + 51;
        int k = original.ColumnIds.ToList().IndexOf(98);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(dataStart + 5 + 2 * k), 9001);   // low byte 41: unknown too
        var changed = MprFile.Parse("biol-9001.mpr", bytes);
        Assert.Contains(changed.Warnings, w => w.Contains("column id 9001 is unknown; skipped (4 bytes"));
        Assert.DoesNotContain("Phase(Zce)/deg", changed.ColumnNames);
        Assert.Equal(original.Column("Ewe/V"), changed.Column("Ewe/V"));
        Assert.Equal(original.Column("Energy discharge/W.h"), changed.Column("Energy discharge/W.h"));   // after the unknown column
    }

    [Fact]
    public void BrokenMprFilesFailWithOneLine()
    {
        byte[] bytes = File.ReadAllBytes(Mpr);
        var zeros = Assert.Throws<InvalidInputException>(() => MprFile.Parse("zeros.mpr", new byte[bytes.Length]));
        Assert.Contains("zeros.mpr: not a BioLogic .mpr file", zeros.Message);
        var cut = Assert.Throws<InvalidInputException>(() => MprFile.Parse("cut.mpr", bytes[..(bytes.Length / 2)]));
        Assert.Contains("file cut short?", cut.Message);
        var corrupt = (byte[])bytes.Clone();
        corrupt[3369] = (byte)'X';   // the data module's "MODULE" keyword
        Assert.Contains("expected 'MODULE'", Assert.Throws<InvalidInputException>(() => MprFile.Parse("bad.mpr", corrupt)).Message);
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("zeros.mpr"), new byte[4096]);
        Assert.Throws<InvalidInputException>(() => CyclingFileReader.Read(dir.File("zeros.mpr")));
    }

    /// <summary>An EC-Lab-style .mpt (Latin-1, decimal commas, "Nb header lines") written from the .mpr's own records.</summary>
    [Fact]
    public void MptWithDecimalCommasAndLatin1MatchesTheMpr()
    {
        var mpr = MprFile.Read(Mpr);
        string[] columns = ["mode", "time/s", "Ewe/V", "Ece/V", "I/mA", "Q charge/discharge/mA.h", "Energy charge/W.h", "Energy discharge/W.h", "freq/Hz", "Ns"];
        var header = new List<string>
        {
            "EC-Lab ASCII FILE", "Nb header lines : 7", "", "Galvanostatic Cycling with Potential Limitation",
            "Mass of active material : 1,5 mg", "Electrode surface area : 1.13 cm²", string.Join('\t', columns) + "\t",
        };
        var text = new StringBuilder(string.Join("\r\n", header) + "\r\n");
        for (int i = 0; i < mpr.RowCount; i++)
        {
            text.Append(string.Join('\t', columns.Select(c => mpr.Column(c)[i].ToString("R", CultureInfo.InvariantCulture).Replace('.', ','))));
            text.Append("\t\r\n");
        }
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("run.mpt"), Encoding.Latin1.GetBytes(text.ToString()));
        var mpt = MptFile.Read(dir.File("run.mpt"));
        Assert.True(mpt.DecimalComma);
        Assert.Equal(columns, mpt.ColumnNames);
        Assert.Equal("1.13 cm²", mpt.Meta("Electrode surface area"));
        Assert.Equal(mpr.Column("Ewe/V"), mpt.Column("Ewe/V"));
        var fromMpt = CycleSummarizer.Summarize(CyclingFileReader.Read(dir.File("run.mpt")));
        var fromMpr = CycleSummarizer.Summarize(CyclingFileReader.Read(Mpr));
        Assert.Equal(fromMpr.Cycles.Sum(c => c.ChargeCapacityAh), fromMpt.Cycles.Sum(c => c.ChargeCapacityAh), 12);
        Assert.Equal(1.5e-6, fromMpt.ActiveMassKg!.Value, 12);
        Assert.Equal(1.13e-4, fromMpt.AreaM2!.Value, 12);
        var missing = Assert.Throws<InvalidInputException>(() => mpt.Column("Ewe-Ece/V"));
        Assert.Contains("columns are: mode, time/s", missing.Message);
        // Header count larger than the file.
        File.WriteAllText(dir.File("short.mpt"), "EC-Lab ASCII FILE\nNb header lines : 90\n\n");
        Assert.Contains("file ends inside the header", Assert.Throws<InvalidInputException>(() => MptFile.Read(dir.File("short.mpt"))).Message);
    }
}
