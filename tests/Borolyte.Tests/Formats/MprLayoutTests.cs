using System.Buffers.Binary;
using Borolyte.Cycling.Analysis;
using Borolyte.Cycling.Readers;
using Borolyte.Formats.BioLogic;
using Borolyte.Tests.Support;

namespace Borolyte.Tests.Formats;

/// <summary>
/// The .mpr column layout on patched copies of tests/data/cycling/biol.mpr (data module version 2, 36 ids, 153-byte
/// records: flags, Ns u16, I Range u16, time f8, control/mA f4, Ewe f4, I f4, dQ f8, (Q-Qo) f8, |Energy| f8, freq f4,
/// |Z| f4, Phase(Z) f4, 467 f8, 468 u4, Ece f4, 471 f4, 96–101 f4, 430–433 f4, 469 u4, 123–126 f8).
/// </summary>
public class MprLayoutTests
{
    private static readonly byte[] Original = File.ReadAllBytes(TestData.Path("cycling", "biol.mpr"));
    private static readonly MprFile Reference = MprFile.Parse("biol.mpr", Original);
    private static MprModule Data => Reference.Modules.Single(m => m.ShortName == "VMP data");

    private static byte[] WithIds(params (int From, int To)[] map)
    {
        var bytes = (byte[])Original.Clone();
        int at = (int)Data.DataOffset;
        foreach (var (from, to) in map)
        {
            int k = Reference.ColumnIds.ToList().IndexOf(from);
            Assert.True(k >= 0, $"id {from} not in biol.mpr");
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(at + 5 + 2 * k), (ushort)to);
        }
        return bytes;
    }

    private static void SameColumn(MprFile changed, string name) => Assert.Equal(Reference.Column(name), changed.Column(name));

    [Fact]
    public void SeveralUnknownIdsWithOpenWidthsSkipOnlyTheColumnsBetweenThem()
    {
        // 32 (4 bytes), 98 (4) and 124 (8) unknown: 16 bytes for three ids is 8+4+4, 4+8+4 or 4+4+8.
        var file = MprFile.Parse("three.mpr", WithIds((32, 9001), (98, 9002), (124, 9003)));
        Assert.Contains(file.Warnings, w => w.Contains("column ids 9001, 9002, 9003 are unknown") && w.Contains("153-byte"));
        var unplaced = Assert.Single(file.Warnings, w => w.Contains("not read"));
        Assert.Contains("467 (Q charge/discharge/mA.h)", unplaced);
        Assert.Contains("123 (Energy charge/W.h)", unplaced);
        Assert.DoesNotContain("Q charge/discharge/mA.h", file.ColumnNames);
        foreach (var before in new[] { "mode", "Ns", "time/s", "Ewe/V", "I/mA", "dQ/mA.h", "(Q-Qo)/mA.h", "|Energy|/W.h" }) SameColumn(file, before);
        foreach (var after in new[] { "Capacitance charge/µF", "Capacitance discharge/µF" }) SameColumn(file, after);
        // The cycling reader still reads it (coulomb counting instead of the missing counter) and says why.
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("three.mpr"), WithIds((32, 9001), (98, 9002), (124, 9003)));
        var run = CyclingFileReader.Read(dir.File("three.mpr"));
        Assert.Contains(run.Notes, n => n.Contains("9001"));
        // Counted from the current: the impedance points now count as current (their freq/Hz, id 32, is lost), so the
        // 4.9769 mAh of the instrument's counter is met within 2 %.
        var summary = CycleSummarizer.Summarize(run);
        Assert.InRange(summary.Cycles.Sum(c => c.ChargeCapacityAh) * 1e3, 4.9769 * 0.98, 4.9769 * 1.02);
    }

    [Fact]
    public void UnknownIdsWhoseWidthsAreForcedLeaveEverythingElseReadable()
    {
        // 467 and 124 (8 bytes each) unknown: 16 bytes for two ids of 1, 2, 4 or 8 bytes can only be 8 + 8.
        var file = MprFile.Parse("two.mpr", WithIds((467, 9001), (124, 9002)));
        Assert.Contains("column id 9001 is unknown; skipped (8 bytes per record, inferred from the record length)", file.Warnings);
        Assert.Contains("column id 9002 is unknown; skipped (8 bytes per record, inferred from the record length)", file.Warnings);
        Assert.Equal(Reference.ColumnNames.Count - 2, file.ColumnNames.Count);
        foreach (var name in file.ColumnNames) SameColumn(file, name);
    }

    [Fact]
    public void OlderEcLabIds211To213ReadAsTheirNewerTwins()
    {
        var file = MprFile.Parse("old.mpr", WithIds((467, 211), (468, 212), (469, 213)));
        Assert.Empty(file.Warnings);
        Assert.Equal(Reference.ColumnNames, file.ColumnNames);
        foreach (var name in new[] { "Q charge/discharge/mA.h", "half cycle", "z cycle" }) SameColumn(file, name);
    }

    [Fact]
    public void AnIdAbove255OutsideTheTableIsReadByItsLowByte()
    {
        var file = MprFile.Parse("high.mpr", WithIds((20, 20 + 512)));
        Assert.Contains(file.Warnings, w => w.Contains("column id 532 is not in the table; read as id 20 (control/mA)"));
        SameColumn(file, "control/mA");
        SameColumn(file, "Energy discharge/W.h");
    }

    [Fact]
    public void TheRecordSizeChoosesBetweenTheSourcesReadingsOfId24()
    {
        // Put id 24 (cycle number) where the 4-byte half cycle is: galvani's and yadg's float64 no longer fits the
        // 153-byte record, the uint32 reading of the OLE-COM table does, with a warning.
        var file = MprFile.Parse("id24.mpr", WithIds((468, 24)));
        Assert.Contains(file.Warnings, w => w.Contains("column id 24 (cycle number) read as UInt32 (4 bytes), not Double"));
        Assert.Equal(Reference.Column("half cycle"), file.Column("cycle number"));
        SameColumn(file, "Energy discharge/W.h");
    }

    [Fact]
    public void ColumnsThatCannotBeLocatedAreAOneLineError()
    {
        // 468 (4 bytes) replaced by time/s (8 bytes only): no reading of the ids fits 153 bytes.
        var misfit = Assert.Throws<InvalidInputException>(() => MprFile.Parse("misfit.mpr", WithIds((468, 4))));
        Assert.Contains("misfit.mpr: data records are 153 bytes (23561 declared in", misfit.Message);
        Assert.Contains("the column table does not fit this file", misfit.Message);
        // Every id unknown: nothing can be located.
        var all = Reference.ColumnIds.Distinct().Select((id, k) => (id, 256 * (k + 1) + 41)).ToArray();   // low byte 41: unknown
        var none = Assert.Throws<InvalidInputException>(() => MprFile.Parse("none.mpr", WithIds(all)));
        Assert.Contains("none.mpr: none of the known columns of the data module can be located", none.Message);
        Assert.DoesNotContain("\n", none.Message);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void DataModuleVersion0ReadsLikeVersion2(bool oneBytePerId)
    {
        // Version 0 as galvani and yadg describe it: one byte per id and records from byte 100 (older EC-Lab), or two
        // bytes per id, high byte first, and records from byte 1007 (EC-Lab ≥ 11.50). The same records re-wrapped.
        var data = Original.AsSpan((int)Data.DataOffset, Data.Length);
        var records = data[405..].ToArray();
        int start = oneBytePerId ? 100 : 1007;
        var module = new byte[start + records.Length];
        data[..5].CopyTo(module);
        for (int k = 0; k < Reference.ColumnIds.Count; k++)
        {
            int id = Reference.ColumnIds[k];
            if (oneBytePerId) module[5 + k] = (byte)(id & 0xFF);   // 467 → 211, 430 → 174, ...: the low-byte twins
            else BinaryPrimitives.WriteUInt16BigEndian(module.AsSpan(5 + 2 * k), (ushort)id);
        }
        records.CopyTo(module, start);
        int headerAt = (int)Data.DataOffset - 51;   // old-style header: names (35), length, version, date
        var bytes = new List<byte>(Original[..headerAt]);
        var header = Original.AsSpan(headerAt, 51).ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(35), (uint)module.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(39), 0);
        bytes.AddRange(header);
        bytes.AddRange(module);
        bytes.AddRange(Original[((int)Data.DataOffset + Data.Length)..]);
        var file = MprFile.Parse("v0.mpr", bytes.ToArray());
        Assert.Equal(0, file.DataVersion);
        Assert.Empty(file.Warnings);
        Assert.Equal(Reference.ColumnNames, file.ColumnNames);
        foreach (var name in file.ColumnNames) SameColumn(file, name);
    }

    [Fact]
    public void AnUnsupportedVersionSaysWhichAreSupported()
    {
        var bytes = (byte[])Original.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan((int)Data.DataOffset - 51 + 39), 7);
        var ex = Assert.Throws<InvalidInputException>(() => MprFile.Parse("v7.mpr", bytes));
        Assert.Equal("v7.mpr: data module version 7 is not supported (versions 0, 2 and 3 are)", ex.Message);
    }

    /// <summary>
    /// The settings module's cell characteristics at yadg's documented offsets (active mass f32 at 0x107, electrode area
    /// f32 at 0x211 of the module data): a copy of biol.mpr with real values written there gives them, with notes, and
    /// the summary's mAh/g and mAh/cm² follow from them.
    /// </summary>
    [Fact]
    public void SettingsModuleMassAndAreaAreReadAndNoted()
    {
        var bytes = (byte[])Original.Clone();
        var settings = Reference.Modules.Single(m => m.ShortName == "VMP Set");
        BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan((int)settings.DataOffset + 0x107), 12.5f);
        BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan((int)settings.DataOffset + 0x211), 1.13f);
        var file = MprFile.Parse("mass.mpr", bytes);
        Assert.Equal(12.5, file.Settings!.ActiveMaterialMassMg);
        Assert.Equal(1.13f, (float)file.Settings.ElectrodeAreaCm2);
        Assert.Equal(Reference.Settings!.ElectrodeMaterial, file.Settings.ElectrodeMaterial);   // the strings around them untouched
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("mass.mpr"), bytes);
        var run = CyclingFileReader.Read(dir.File("mass.mpr"));
        Assert.Equal(12.5e-6, run.ActiveMassKg!.Value, 15);
        Assert.Equal((double)1.13f * 1e-4, run.AreaM2!.Value, 15);
        Assert.Contains("active mass 12.5 mg from the settings module", run.Notes);
        Assert.Contains("electrode area 1.13 cm² from the settings module", run.Notes);
        var cycle = CycleSummarizer.Summarize(run).Cycles[0];
        Assert.Equal(cycle.ChargeCapacityAh * 1000 / 12.5e-3, cycle.ChargeSpecificCapacityMAhPerG!.Value, 9);
        Assert.Equal(cycle.ChargeCapacityAh * 1000 / 1.13f, cycle.ChargeArealCapacityMAhPerCm2!.Value, 6);
        // The unchanged file states EC-Lab's placeholders: neither is used, both are said.
        var plain = CyclingFileReader.Read(TestData.Path("cycling", "biol.mpr"));
        Assert.Null(plain.ActiveMassKg);
        Assert.Null(plain.AreaM2);
        Assert.Contains("settings module: active material mass 0.001 mg is EC-Lab's unset default; no mass used", plain.Notes);
        Assert.Contains("settings module: electrode area 0.001 cm² is EC-Lab's unset default; no area used", plain.Notes);
    }
}
