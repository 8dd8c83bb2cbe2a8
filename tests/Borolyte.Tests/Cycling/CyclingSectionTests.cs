using Borolyte.Cells.Simulation;
using Borolyte.Cycling;
using Borolyte.Cycling.Analysis;
using Borolyte.Cycling.Readers;
using Borolyte.Reporting;
using Borolyte.Studies;
using Borolyte.Tests.Support;

namespace Borolyte.Tests.Cycling;

/// <summary>The cycling section of `borolyte demo`: the real file and the simulated seed cell through the same analysis.</summary>
public class CyclingSectionTests
{
    [Fact]
    public void SectionShowsTheRealFileAndTheSimulatedSeedCellWithTheSameFigures()
    {
        var report = new HtmlReport("t");
        CyclingSection.AddTo(report, TestData.Path("cycling", "neware_uio.csv"));
        string html = report.Render();
        Assert.Contains(">Cycling data</h2>", html);
        Assert.Contains("Simulated seed cell, same analysis", html);
        Assert.Contains("Simulated, not measured", html);
        Assert.Contains("preset &#39;nacro2-half&#39;", html);
        // Three figures per run: voltage profiles, capacity/CE per cycle, dQ/dV.
        Assert.Equal(6, report.FigureCount);
        foreach (var title in new[] { "Voltage profiles", "Capacity and Coulombic efficiency per cycle", "dQ/dV, cycle 1", "Per-cycle summary" })
        {
            Assert.Contains(title, html);
            Assert.Contains("simulated nacro2-half: " + title, html);
        }
        // Capacity and CE per cycle on two y axes (CE on the right); the real file's cut cycle 4 marked.
        Assert.Contains("Coulombic efficiency (%)", html);
        Assert.Contains("yaxis2", html);
        Assert.Contains("cycle 4 (incomplete)", html);
    }

    [Fact]
    public void SimulatedSeedCellIsCycledAtTenthCWithinThePresetWindowAndCountedIndependently()
    {
        var (preset, protocol, run) = CyclingSection.SimulateSeedCell();
        Assert.Equal("nacro2-half", preset.Name);
        Assert.Contains("0.1C", protocol);
        Assert.Equal(Enumerable.Range(1, CyclingSection.SimulatedCycles), run.Cycles);
        // Seed 004 §4.4 window of the preset on every current-carrying point (the simulator's cut-offs are located to 1e-6 V;
        // allow 1 mV); the first point is the as-assembled open circuit, below the window.
        Assert.All(Enumerable.Range(0, run.Count).Where(i => run.CurrentAmpere[i] != 0),
            i => Assert.InRange(run.VoltageVolt[i], preset.MinVoltageV - 1e-3, preset.MaxVoltageV + 1e-3));
        Assert.Contains(run.VoltageVolt, v => v > preset.MaxVoltageV - 1e-3);
        Assert.Contains(run.VoltageVolt, v => v < preset.MinVoltageV + 1e-3);
        // 0.1C: |I| = 0.1 × nominal capacity / 1 h on every current-carrying point.
        double nominalA = preset.Cell.NominalArealCapacityCPerM2 * preset.Cell.AreaM2 / 3600;
        Assert.All(run.CurrentAmpere.Where(i => i != 0), i => Assert.Equal(0.1 * nominalA, Math.Abs(i), 0.1 * nominalA * 1e-9));

        // Independent coulomb count from the raw columns (backward Euler: I_i over (t_{i−1}, t_i], the simulator's own scheme).
        var summary = CycleSummarizer.Summarize(run);
        Assert.Equal("coulomb counting of the current", summary.CapacitySource);
        // The simulated run ends on the last point of its final discharge, at the 2.10 V cut-off the other discharges ended
        // at: every cycle is complete (the cut-off rule, not a trailing rest, decides the last one).
        Assert.Equal(StepKind.ConstantCurrentDischarge, run.Kind[^1]);
        Assert.All(summary.Cycles, c => Assert.True(c.Complete));
        foreach (var c in summary.Cycles)
        {
            double qc = 0, qd = 0;
            for (int i = 1; i < run.Count; i++)
                if (run.CycleCount[i] == c.Cycle)
                {
                    double dq = run.CurrentAmpere[i] * (run.TestTimeSecond[i] - run.TestTimeSecond[i - 1]) / 3600;
                    if (dq > 0) qc += dq; else qd -= dq;
                }
            Assert.Equal(qc, c.ChargeCapacityAh, qc * 1e-9);
            Assert.Equal(qd, c.DischargeCapacityAh, qd * 1e-9);
            Assert.Equal(qd / qc, c.CoulombicEfficiency!.Value, 1e-9);
        }
        // A cathode half cell that charges first: cathode mode, mAh/g from the preset's active mass.
        Assert.Equal(ElectrodeMode.Cathode, summary.Mode);
        Assert.Equal(preset.Cell.ActiveLoadingKgPerM2 * preset.Cell.AreaM2, summary.ActiveMassKg!.Value, 1e-15);
    }

    [Fact]
    public void InProcessRunSummarisesLikeTheSimulatorsBdfCsvReadFromDisk()
    {
        using var dir = new TempDirectory();
        var (preset, protocol, run) = CyclingSection.SimulateSeedCell();
        var result = CellSimulation.Run(preset.Cell, Borolyte.Cells.Protocols.Protocol.Parse(protocol));
        SimulatedRunCsv.Write(result, dir.File("sim.csv"));
        var fromFile = CyclingFileReader.Read(dir.File("sim.csv"));
        Assert.Equal("bdf-csv", fromFile.Format);
        var a = CycleSummarizer.Summarize(run).Cycles;
        var b = CycleSummarizer.Summarize(fromFile).Cycles;
        Assert.Equal(a.Select(c => c.Cycle), b.Select(c => c.Cycle));
        for (int k = 0; k < a.Count; k++)
        {
            Assert.Equal(a[k].ChargeCapacityAh, b[k].ChargeCapacityAh, 1e-12);
            Assert.Equal(a[k].DischargeCapacityAh, b[k].DischargeCapacityAh, 1e-12);
        }
    }
}
