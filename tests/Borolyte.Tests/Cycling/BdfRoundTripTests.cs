using Borolyte.Cycling;
using Borolyte.Cycling.Readers;
using Borolyte.Tests.Support;

namespace Borolyte.Tests.Cycling;

public class BdfRoundTripTests
{
    [Theory]
    [InlineData("neware_uio.csv")]
    [InlineData("biol.mpr")]
    [InlineData("maccor_001.txt")]
    public void ExportImportIsExact(string file)
    {
        using var dir = new TempDirectory();
        var run = CyclingFileReader.Read(TestData.Path("cycling", file));
        BdfCsv.Write(run, dir.File("a.bdf.csv"));
        var back = CyclingFileReader.Read(dir.File("a.bdf.csv"), CycleDefinition.Instrument);
        Assert.Equal("bdf-csv", back.Format);
        Assert.Equal(run.TestTimeSecond, back.TestTimeSecond);
        Assert.Equal(run.VoltageVolt, back.VoltageVolt);
        Assert.Equal(run.CurrentAmpere, back.CurrentAmpere);
        Assert.Equal(run.CycleCount, back.CycleCount);
        Assert.Equal(run.StepCount, back.StepCount);
        Assert.Equal(run.ChargingCapacityAmpereHour, back.ChargingCapacityAmpereHour);
        Assert.Equal(run.DischargingCapacityAmpereHour, back.DischargingCapacityAmpereHour);
        Assert.Equal(run.EweVolt, back.EweVolt);
        BdfCsv.Write(back, dir.File("b.bdf.csv"));
        Assert.Equal(File.ReadAllBytes(dir.File("a.bdf.csv")), File.ReadAllBytes(dir.File("b.bdf.csv")));
        string header = File.ReadLines(dir.File("a.bdf.csv")).First();
        Assert.StartsWith("test_time_second,voltage_volt,current_ampere,cycle_count,step_count", header);
    }

    [Fact]
    public void BdfLabelsAreAccepted()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("l.csv"), "Test Time / s,Voltage / V,Current / A,Cycle Count / 1\n0,3.1,0.001,1\n3600,3.9,0.001,1\n7200,3.0,-0.001,1\n");
        var run = CyclingFileReader.Read(dir.File("l.csv"));
        Assert.Equal("bdf-csv", run.Format);
        Assert.Equal(3.9, run.VoltageVolt[1]);
    }

    /// <summary>
    /// A BDF file's cycle_count is a cycle definition already applied: kept without --cycles even when it never changes.
    /// biol.mpr is one cycle (a GITT-like delithiation whose rests carry offset currents of both signs); inferring cycles
    /// from the current directions of its export would split it into dozens.
    /// </summary>
    [Theory]
    [InlineData("biol.mpr")]
    [InlineData("neware_uio.csv")]
    public void ExportReadsBackWithItsCyclesAndCapacities(string file)
    {
        using var dir = new TempDirectory();
        var run = CyclingFileReader.Read(TestData.Path("cycling", file));
        BdfCsv.Write(run, dir.File("a.bdf.csv"));
        var back = CyclingFileReader.Read(dir.File("a.bdf.csv"));
        Assert.Equal(run.CycleCount, back.CycleCount);
        Assert.Equal(CycleDefinition.Instrument, back.CycleDefinition);
        Assert.Contains("cycles: the file's cycle_count, as written", back.Notes);
        var a = Borolyte.Cycling.Analysis.CycleSummarizer.Summarize(run).Cycles;
        var b = Borolyte.Cycling.Analysis.CycleSummarizer.Summarize(back).Cycles;
        Assert.Equal(a.Select(c => c.Cycle), b.Select(c => c.Cycle));
        for (int k = 0; k < a.Count; k++)
        {
            Assert.Equal(a[k].ChargeCapacityAh, b[k].ChargeCapacityAh);
            Assert.Equal(a[k].DischargeCapacityAh, b[k].DischargeCapacityAh);
        }
    }

    /// <summary>
    /// What the BDF table cannot say travels in its extension columns and the metadata sidecar: step kinds, half cycles,
    /// active mass, area, notes. biol.mpr's rests carry offset currents of both signs (its mode column says rest): after
    /// re-import they are still rests, so coulomb counting, energies and CV shares are those of the original.
    /// </summary>
    [Theory]
    [InlineData("biol.mpr")]
    [InlineData("neware_uio.csv")]
    [InlineData("maccor_001.txt")]
    public void StepKindsHalfCyclesMassAreaAndNotesSurviveExportImport(string file)
    {
        using var dir = new TempDirectory();
        var run = CyclingFileReader.Read(TestData.Path("cycling", file));
        BdfCsv.Write(run, dir.File("a.bdf.csv"));
        Assert.True(File.Exists(dir.File("a.bdf.meta.json")));
        string header = File.ReadLines(dir.File("a.bdf.csv")).First();
        Assert.EndsWith(",half_cycle,step_kind", header);
        var back = CyclingFileReader.Read(dir.File("a.bdf.csv"));
        Assert.Equal(run.Kind, back.Kind);
        Assert.Equal(run.HalfCycle, back.HalfCycle);
        Assert.Equal(run.ActiveMassKg, back.ActiveMassKg);
        Assert.Equal(run.AreaM2, back.AreaM2);
        foreach (var note in run.Notes) Assert.Contains(note, back.Notes);
        Assert.Contains(back.Notes, n => n.StartsWith("metadata from a.bdf.meta.json: active mass", StringComparison.Ordinal));
        foreach (bool integrate in new[] { false, true })
        {
            var options = new Borolyte.Cycling.Analysis.SummaryOptions { IntegrateCurrent = integrate };
            var a = Borolyte.Cycling.Analysis.CycleSummarizer.Summarize(run, options).Cycles;
            var b = Borolyte.Cycling.Analysis.CycleSummarizer.Summarize(back, options).Cycles;
            Assert.Equal(a.Count, b.Count);
            for (int k = 0; k < a.Count; k++)
            {
                Assert.Equal(a[k].ChargeCapacityAh, b[k].ChargeCapacityAh);
                Assert.Equal(a[k].DischargeEnergyWh, b[k].DischargeEnergyWh);
                Assert.Equal(a[k].ConstantVoltageShareOfCharge, b[k].ConstantVoltageShareOfCharge);
                Assert.Equal(a[k].ChargeSpecificCapacityMAhPerG, b[k].ChargeSpecificCapacityMAhPerG);
            }
        }
        // Without the sidecar the table still reads; the mass is then unknown (never assumed).
        File.Delete(dir.File("a.bdf.meta.json"));
        var bare = CyclingFileReader.Read(dir.File("a.bdf.csv"));
        Assert.Null(bare.ActiveMassKg);
        Assert.Equal(run.Kind, bare.Kind);
    }

    [Fact]
    public void BiologicRestsWithOffsetCurrentsStayRests()
    {
        // The kinds the file's mode column gives: without step_kind, the offset currents of the rests count as current.
        using var dir = new TempDirectory();
        var run = CyclingFileReader.Read(TestData.Path("cycling", "biol.mpr"));
        BdfCsv.Write(run, dir.File("a.bdf.csv"));
        var lines = File.ReadAllLines(dir.File("a.bdf.csv"));
        int rests = run.Kind.Count(k => k == StepKind.Rest);
        int offsets = Enumerable.Range(0, run.Count).Count(i => run.Kind[i] == StepKind.Rest && run.CurrentAmpere[i] != 0);
        Assert.True(offsets > 100, $"{offsets} rest points with an offset current");
        Assert.Equal(rests, lines.Skip(1).Count(l => l.EndsWith(",rest", StringComparison.Ordinal)));
        File.WriteAllLines(dir.File("plain.csv"), lines.Select(l => l[..l.LastIndexOf(',')]));   // the same table without step_kind
        var plain = CyclingFileReader.Read(dir.File("plain.csv"));
        Assert.True(plain.Kind.Count(k => k == StepKind.Rest) < rests);
        Assert.Equal(rests, CyclingFileReader.Read(dir.File("a.bdf.csv")).Kind.Count(k => k == StepKind.Rest));
    }

    [Fact]
    public void AreaAndMassOfARunTravelInTheSidecar()
    {
        using var dir = new TempDirectory();
        var run = CyclingRun.Build(new CyclingRawData
        {
            SourcePath = "synthetic", Format = "test", TestTimeSecond = [0, 60, 120, 180, 240], VoltageVolt = [3.0, 3.5, 4.0, 3.5, 3.0],
            CurrentAmpere = [0, 1e-3, 1e-3, -1e-3, -1e-3], ActiveMassKg = 1.5e-6, AreaM2 = 1.13e-4, Notes = ["a note with ünïcode and, a comma"],
        });
        BdfCsv.Write(run, dir.File("s.bdf.csv"));
        var back = CyclingFileReader.Read(dir.File("s.bdf.csv"));
        Assert.Equal(1.5e-6, back.ActiveMassKg!.Value, 15);
        Assert.Equal(1.13e-4, back.AreaM2!.Value, 15);
        Assert.Contains("a note with ünïcode and, a comma", back.Notes);
        Assert.Contains("metadata from s.bdf.meta.json: active mass 1.5 mg, area 1.13 cm²", back.Notes);
        var summary = Borolyte.Cycling.Analysis.CycleSummarizer.Summarize(back);
        Assert.NotNull(summary.Cycles[0].ChargeArealCapacityMAhPerCm2);
        // A damaged sidecar or label is a one-line error naming the file.
        File.WriteAllText(dir.File("s.bdf.meta.json"), "{\"activeMassMg\": -2}");
        var mass = Assert.Throws<InvalidInputException>(() => CyclingFileReader.Read(dir.File("s.bdf.csv")));
        Assert.Contains("s.bdf.meta.json: 'activeMassMg' must be a positive number or null", mass.Message);
        File.WriteAllText(dir.File("s.bdf.meta.json"), "{not json");
        Assert.Contains("s.bdf.meta.json: not a readable BDF metadata sidecar", Assert.Throws<InvalidInputException>(() => CyclingFileReader.Read(dir.File("s.bdf.csv"))).Message);
        File.Delete(dir.File("s.bdf.meta.json"));
        var text = File.ReadAllText(dir.File("s.bdf.csv")).Replace(",cc_charge\n", ",boost\n");
        File.WriteAllText(dir.File("s.bdf.csv"), text);
        var label = Assert.Throws<InvalidInputException>(() => CyclingFileReader.Read(dir.File("s.bdf.csv")));
        Assert.Contains("data row 2, column 'step_kind': not one of ocv, rest, cc_charge, cc_discharge, cv", label.Message);
    }

    [Fact]
    public void TheBdfDraftsShortCapacityNamesAreAccepted()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("d.csv"), "test_time_second,voltage_volt,current_ampere,charging_capacity_ah,discharging_capacity_ah\n0,3.0,0.001,0,0\n3600,4.0,0.001,0.001,0\n7200,3.0,-0.001,0.001,0.0009\n");
        var run = CyclingFileReader.Read(dir.File("d.csv"));
        Assert.Equal(0.0009, run.DischargingCapacityAmpereHour![^1], 12);
    }
}
