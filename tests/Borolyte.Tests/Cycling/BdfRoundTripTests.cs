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
}
