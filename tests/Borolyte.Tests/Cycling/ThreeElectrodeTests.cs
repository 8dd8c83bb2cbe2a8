using System.Text.Json;
using Borolyte.Cycling;
using Borolyte.Cycling.Analysis;
using Borolyte.Cycling.Readers;
using Borolyte.Tests.Cli;
using Borolyte.Tests.Support;

namespace Borolyte.Tests.Cycling;

/// <summary>Per-electrode summaries and dQ/dV of three-electrode runs, and the compositional window (seed 004 Fig. 5b).</summary>
public class ThreeElectrodeTests
{
    private static string Data(string name) => TestData.Path("cycling", name);

    /// <summary>
    /// One charge–discharge cycle at ±1 mA, one point per minute: Ewe rises 3.0 → 3.4 V during the 60-min charge while Ece
    /// falls 0.20 → 0.10 V, and both return during the 60-min discharge. Cell = Ewe − Ece.
    /// </summary>
    private static CyclingRun ThreeElectrodeRun(int chargeMinutes = 60, int dischargeMinutes = 60)
    {
        var t = new List<double> { 0 }; var ewe = new List<double> { 3.0 }; var ece = new List<double> { 0.2 }; var i = new List<double> { 0 };
        void Segment(double current, int minutes, double we0, double we1, double ce0, double ce1)
        {
            for (int k = 1; k <= minutes; k++)
            {
                t.Add(t[^1] + 60); i.Add(current);
                ewe.Add(we0 + (we1 - we0) * k / minutes); ece.Add(ce0 + (ce1 - ce0) * k / minutes);
            }
        }
        Segment(1e-3, chargeMinutes, 3.0, 3.4, 0.2, 0.1);
        Segment(-1e-3, dischargeMinutes, 3.4, 3.0, 0.1, 0.2);
        return CyclingRun.Build(new CyclingRawData
        {
            SourcePath = "three", Format = "test", TestTimeSecond = [.. t], CurrentAmpere = [.. i],
            VoltageVolt = ewe.Zip(ece, (w, c) => w - c).ToArray(), EweVolt = [.. ewe], EceVolt = [.. ece],
        });
    }

    [Fact]
    public void AveragePotentialsPerElectrodeFollowTheirOwnPotential()
    {
        var run = ThreeElectrodeRun();
        var cell = CycleSummarizer.Summarize(run).Cycles[0];
        var working = CycleSummarizer.Summarize(run.ForElectrode(ElectrodeRole.Working)).Cycles[0];
        var counter = CycleSummarizer.Summarize(run.ForElectrode(ElectrodeRole.Counter)).Cycles[0];
        // Linear ramps at constant current, integrated with the interval midpoints except the first interval of a step,
        // which takes its end value (the step's own potential): mean = start + ramp · (Σ(k − ½) + ½) / 60² = start + ramp · 1800.5 / 3600.
        const double f = 1800.5 / 3600;
        Assert.Equal(3.0 + 0.4 * f, working.AverageChargeVoltageV!.Value, 12);
        Assert.Equal(0.2 - 0.1 * f, counter.AverageChargeVoltageV!.Value, 12);
        Assert.Equal(2.8 + 0.5 * f, cell.AverageChargeVoltageV!.Value, 12);
        Assert.Equal(3.4 - 0.4 * f, working.AverageDischargeVoltageV!.Value, 12);
        Assert.Equal(0.1 + 0.1 * f, counter.AverageDischargeVoltageV!.Value, 12);
        // Same current through both electrodes: the capacities do not depend on the electrode looked at.
        Assert.Equal(cell.ChargeCapacityAh, working.ChargeCapacityAh, 15);
        Assert.Equal(cell.DischargeCapacityAh, counter.DischargeCapacityAh, 15);
    }

    [Fact]
    public void RealFileMatchesAnIndependentTrapezoidIntegration()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Data("three_electrode_golden.json")));
        var golden = doc.RootElement;
        var run = CyclingFileReader.Read(Data("biol.mpr"));
        var working = CycleSummarizer.Summarize(run.ForElectrode(ElectrodeRole.Working)).Cycles[0];
        var counter = CycleSummarizer.Summarize(run.ForElectrode(ElectrodeRole.Counter)).Cycles[0];
        Assert.Equal(golden.GetProperty("chargeMAh").GetDouble(), working.ChargeCapacityAh * 1000, 3);
        Assert.Equal(golden.GetProperty("eweAvgChargePotentialV").GetDouble(), working.AverageChargeVoltageV!.Value, 3);
        Assert.Equal(golden.GetProperty("eceAvgChargePotentialV").GetDouble(), counter.AverageChargeVoltageV!.Value, 4);
        // Integration is linear: working − counter = cell, for the same points.
        Assert.Equal(golden.GetProperty("cellAvgChargePotentialV").GetDouble(), working.AverageChargeVoltageV!.Value - counter.AverageChargeVoltageV!.Value, 3);
    }

    [Fact]
    public void DqDvOfTheCounterElectrodeFollowsItsFallingPotential()
    {
        var run = ThreeElectrodeRun().ForElectrode(ElectrodeRole.Counter);
        var charge = DifferentialCapacity.DqDv(run, 1, new DifferentialOptions { VoltageStepV = 0.002, Smoothing = SmoothingMethod.None })
            .Single(c => c.Direction == "charge");
        // Ece falls 0.1 V while 1 mAh passes: |dQ/dV| = 1e-3 Ah / 0.1 V = 0.01 Ah/V on a descending grid.
        Assert.True(charge.X[^1] < charge.X[0]);
        Assert.Equal(0.2 - 0.1 / 60, charge.X[0], 9);   // the first charging point (1 min in)
        foreach (double y in charge.Y[2..^2]) Assert.Equal(0.01, Math.Abs(y), 6);
    }

    [Fact]
    public void TwoElectrodeFilesHaveNoElectrodeView()
    {
        var run = CyclingFileReader.Read(Data("neware_uio.csv"));
        Assert.Same(run, run.ForElectrode(ElectrodeRole.Cell));
        var ex = Assert.Throws<InvalidInputException>(() => run.ForElectrode(ElectrodeRole.Counter));
        Assert.Contains("neware_uio.csv: no counter-electrode (Ece) potential", ex.Message);
    }

    [Fact]
    public void CompositionWindowFollowsFaradaysLaw()
    {
        // NaCrO2: one Na per formula unit is F / (3.6 M) = 250 mAh/g, the theoretical capacity quoted for NaCrO2.
        var nco = new CompositionOptions("NaCrO2", 1.0, 10e-6);
        Assert.Equal(106.99, nco.MolarMassGPerMol, 1);
        Assert.InRange(nco.CapacityPerUnitContentMAhPerG, 250, 251);
        // Li15Si4 (x = 3.75 Li per Si): 3579 mAh/g, the theoretical capacity quoted for silicon.
        Assert.Equal(3579, 3.75 * new CompositionOptions("Si", 0, 1e-6).CapacityPerUnitContentMAhPerG, 0);
        // Charge 1 mAh (60 min at 1 mA), discharge 0.8 mAh (48 min): cycle 2 repeats it, starting lower.
        var run = ThreeElectrodeRun(60, 48);
        var doubled = CyclingRun.Build(new CyclingRawData
        {
            SourcePath = "two", Format = "test",
            TestTimeSecond = [.. run.TestTimeSecond, .. run.TestTimeSecond.Skip(1).Select(x => x + run.TestTimeSecond[^1])],
            CurrentAmpere = [.. run.CurrentAmpere, .. run.CurrentAmpere.Skip(1)], VoltageVolt = [.. run.VoltageVolt, .. run.VoltageVolt.Skip(1)],
            EweVolt = [.. run.EweVolt!, .. run.EweVolt!.Skip(1)], EceVolt = [.. run.EceVolt!, .. run.EceVolt!.Skip(1)],
        });
        var window = CompositionWindow.Compute(doubled, ElectrodeRole.Working, nco);
        double perMAh = 1.0 / (nco.CapacityPerUnitContentMAhPerG * 10e-3);   // Δx per mAh for 10 mg: 1 / (mAh/g per x × g)
        double dx = 1e-3 * 3600 * nco.MolarMassGPerMol / (PhysicalConstants.FaradayCPerMol * 10e-3);   // Q·M / (F·m)
        Assert.Equal(perMAh, dx, 3);
        Assert.Equal(2, window.Count);
        Assert.Equal(1.0 - dx, window[0].ContentMin, 9);
        Assert.Equal(1.0, window[0].ContentMax, 9);
        Assert.Equal(1.0 - 0.2 * dx, window[0].ContentAtEnd, 9);
        Assert.Equal(1.0 - 1.2 * dx, window[1].ContentMin, 9);   // the window shifts: Na lost at 80 % CE
        Assert.Equal(1.0 - 0.4 * dx, window[1].ContentAtEnd, 9);
        // The counter electrode gains what the working electrode loses.
        var counter = CompositionWindow.Compute(doubled, ElectrodeRole.Counter, nco with { InitialContent = 0 });
        Assert.Equal(dx, counter[0].ContentMax, 9);
        Assert.Throws<InvalidInputException>(() => CompositionWindow.Compute(doubled, ElectrodeRole.Working, nco with { ActiveMassKg = 0 }));
    }

    [Fact]
    public void CliElectrodeAndWindow()
    {
        var r = CliProcess.Run("cycling", "summarize", Data("biol.mpr"), "--electrode", "working", "--active-mass-mg", "5", "--host-formula", "C6", "--initial-content", "0", "--json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        var root = doc.RootElement;
        Assert.Equal(["format", "cycles"], root.EnumerateObject().Select(p => p.Name).Take(2));
        Assert.Equal("working", root.GetProperty("electrode").GetString());
        var w = root.GetProperty("compositionWindow");
        double q = root.GetProperty("cycles")[0].GetProperty("chargeCapacityMAh").GetDouble();
        // 4.977 mAh out of 5 mg of C6 (372 mAh/g per unit of x): x falls by q / (5e-3 g · 372 mAh/g) (oxidation of the working electrode).
        Assert.Equal(-q / (5e-3 * w.GetProperty("capacityPerUnitContentMAhPerG").GetDouble()), w.GetProperty("cycles")[0].GetProperty("contentMin").GetDouble(), 3);
        var bad = CliProcess.Run("cycling", "summarize", Data("neware_uio.csv"), "--electrode", "counter");
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("not a three-electrode file", bad.Stderr);
        Assert.Equal(2, CliProcess.Run("cycling", "summarize", Data("biol.mpr"), "--host-formula", "C6").ExitCode);
        Assert.Equal(2, CliProcess.Run("cycling", "summarize", Data("biol.mpr"), "--electrode", "anode").ExitCode);
        Assert.Equal(1, CliProcess.Run("cycling", "summarize", Data("biol.mpr"), "--host-formula", "C6", "--initial-content", "0").ExitCode);   // no mass
        using var dir = new TempDirectory();
        var dq = CliProcess.Run("cycling", "dqdv", Data("biol.mpr"), "--cycle", "1", "--electrode", "working", "--out", dir.File("we.csv"));
        Assert.Equal(0, dq.ExitCode);
        Assert.Contains("working electrode vs reference", File.ReadLines(dir.File("we.csv")).First());
    }
}
