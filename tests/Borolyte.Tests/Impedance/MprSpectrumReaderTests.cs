using System.Buffers.Binary;
using System.Numerics;
using System.Text.Json;
using Borolyte.Formats.BioLogic;
using Borolyte.Impedance.Readers;
using Borolyte.Tests.Cli;
using Borolyte.Tests.Support;

namespace Borolyte.Tests.Impedance;

/// <summary>
/// The EIS .mpr reader on a real EC-Lab file (tests/data/cycling/biol.mpr: a GCPL with impedance sweeps) against
/// values decoded independently with numpy (tests/data/eis/mpr_golden.py → biol_mpr_eis_golden.json), and on copies
/// of that file derived byte-wise (unknown column ids, truncation).
/// </summary>
public class MprSpectrumReaderTests
{
    private static readonly string Biol = TestData.Path("cycling", "biol.mpr");

    [Fact]
    public void Real_mpr_gives_every_impedance_sweep_as_numpy_decodes_it()
    {
        Assert.Equal(SpectrumFormat.BioLogicMpr, SpectrumFile.DetectFormat(Biol));
        var all = SpectrumFile.ReadAll(Biol);
        using var golden = JsonDocument.Parse(File.ReadAllText(TestData.Path("eis", "biol_mpr_eis_golden.json")));
        var sweeps = golden.RootElement.GetProperty("sweeps").EnumerateArray().ToList();
        Assert.Equal(sweeps.Count, all.Count);
        for (int i = 0; i < all.Count; i++)
        {
            var g = sweeps[i];
            var s = all[i];
            Assert.Equal(g.GetProperty("count").GetInt32(), s.Count);
            Assert.Equal(i + 1, s.Metadata.Sweep);
            Close(g.GetProperty("firstFrequencyHz").GetDouble(), s.FrequenciesHz[0]);
            Close(g.GetProperty("firstRe").GetDouble(), s.ImpedanceOhm[0].Real);
            Close(g.GetProperty("firstIm").GetDouble(), s.ImpedanceOhm[0].Imaginary);
            Close(g.GetProperty("lastFrequencyHz").GetDouble(), s.FrequenciesHz[^1]);
            Close(g.GetProperty("lastRe").GetDouble(), s.ImpedanceOhm[^1].Real);
            Close(g.GetProperty("lastIm").GetDouble(), s.ImpedanceOhm[^1].Imaginary);
            Assert.Equal("BioLogic .mpr", s.Metadata.Format);
            Assert.Contains(s.Metadata.Header, kv => kv.Value == "|Z|/Ohm, Phase(Z)/deg");
        }
        // A sweep runs from high to low frequency, and the electrode is capacitive (Z'' < 0) at its low end.
        Assert.All(all, s => Assert.True(s.FrequenciesHz[0] > 1e4 && s.FrequenciesHz[^1] < 1 && s.ImpedanceOhm[^1].Imaginary < 0));
        var ex = Assert.Throws<InvalidInputException>(() => SpectrumFile.Read(Biol));
        Assert.Contains("--sweep 1..5", ex.Message);
    }

    [Fact]
    public void Unknown_column_ids_are_warnings_and_the_zwe_ce_pair_is_used_instead()
    {
        // Rename Phase(Z) (35) and |Z| (36) to ids no table knows: the reader must skip them with a warning and fall back
        // to Re(Zwe-ce)/−Im(Zwe-ce), which the instrument stored independently of |Zwe-ce| and Phase(Zwe-ce).
        var bytes = WithColumnIdsReplaced((35, 9001), (36, 9002));
        var all = SpectrumFile.ReadAll("renamed.mpr", bytes);
        Assert.Equal(5, all.Count);
        var s = all[0];
        Assert.Contains(s.Metadata.Warnings, w => w.Contains("9001") && w.Contains("unknown"));
        Assert.Contains(s.Metadata.Warnings, w => w.Contains("9002"));
        Assert.Contains(s.Metadata.Header, kv => kv.Value == "Re(Zwe-ce)/Ohm, -Im(Zwe-ce)/Ohm");
        var file = MprFile.Parse("renamed.mpr", bytes);
        var f = file.Column("freq/Hz");
        var mod = file.Column("|Zwe-ce|/Ohm");
        var phase = file.Column("Phase(Zwe-ce)/deg");
        int k0 = Array.FindIndex(f, v => v > 0);
        for (int i = 0; i < s.Count; i++)
        {
            var polar = Complex.FromPolarCoordinates(mod[k0 + i], phase[k0 + i] * Math.PI / 180);
            Assert.Equal(f[k0 + i], s.FrequenciesHz[i]);
            Assert.True((s.ImpedanceOhm[i] - polar).Magnitude <= 2e-3 * polar.Magnitude,
                $"point {i}: {s.ImpedanceOhm[i]} vs |Z|e^iφ {polar}");
        }
    }

    [Fact]
    public void Mpr_without_a_frequency_column_fails_saying_so()
    {
        var ex = Assert.Throws<InvalidInputException>(() => SpectrumFile.ReadAll("nofreq.mpr", WithColumnIdsReplaced((32, 9003))));
        Assert.StartsWith("nofreq.mpr: frequency column 'freq/Hz' is missing", ex.Message);
    }

    [Fact]
    public void Truncated_mpr_fails_cleanly()
    {
        var bytes = File.ReadAllBytes(Biol);
        var ex = Assert.Throws<InvalidInputException>(() => SpectrumFile.ReadAll("cut.mpr", bytes[..(bytes.Length / 2)]));
        Assert.Contains("cut.mpr", ex.Message);
        Assert.Contains("cut short", ex.Message);
        Assert.DoesNotContain("\n", ex.Message);
    }

    [Fact]
    public void Cli_fits_one_sweep_of_the_mpr_and_asks_for_a_sweep_otherwise()
    {
        var r = CliProcess.Run("eis", "fit", Biol, "--sweep", "2", "--circuit", "R0-p(R1,CPE1)-CPE2", "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal(64, doc.RootElement.GetProperty("pointCount").GetInt32());
        double r0 = doc.RootElement.GetProperty("parameters")[0].GetProperty("value").GetDouble();
        Assert.InRange(r0, 5, 7);   // the high-frequency intercept of sweep 2 is ≈ 6.3 Ω (Re Z at 100 kHz, golden file)
        var bad = CliProcess.Run("eis", "fit", Biol, "--circuit", "R0");
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("holds 5 sweeps; choose one with --sweep 1..5", bad.Stderr);
    }

    [Fact]
    public void A_corrupted_frequency_in_a_record_is_reported_with_its_record_number()
    {
        // Record 28 is the first impedance point (golden file: 100019.5078125 Hz, stored as float32); overwrite it with NaN.
        var bytes = File.ReadAllBytes(Biol);
        var file = MprFile.Parse(Biol, bytes);
        var data = file.Modules.Single(m => m.ShortName == "VMP data");
        int recordSize = (data.Length - 405) / file.RowCount;
        int record = (int)data.DataOffset + 405 + 27 * recordSize;
        var pattern = BitConverter.GetBytes(100019.5078125f);
        int at = bytes.AsSpan(record, recordSize).IndexOf(pattern);
        Assert.True(at >= 0);
        BitConverter.GetBytes(float.NaN).CopyTo(bytes, record + at);
        var ex = Assert.Throws<InvalidInputException>(() => SpectrumFile.ReadAll("nan.mpr", bytes));
        Assert.StartsWith("nan.mpr: data record 28 has frequency NaN Hz", ex.Message);
    }

    private static byte[] WithColumnIdsReplaced(params (int From, int To)[] map)
    {
        var bytes = File.ReadAllBytes(Biol);
        var data = MprFile.Parse(Biol, bytes).Modules.Single(m => m.ShortName == "VMP data");
        int at = (int)data.DataOffset;
        int count = bytes[at + 4];
        foreach (var (from, to) in map)
        {
            int i = Enumerable.Range(0, count).Single(c => BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at + 5 + 2 * c)) == from);
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(at + 5 + 2 * i), (ushort)to);
        }
        return bytes;
    }

    private static void Close(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-9 * Math.Max(1, Math.Abs(expected)), $"expected {expected}, got {actual}");
}
