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
}
