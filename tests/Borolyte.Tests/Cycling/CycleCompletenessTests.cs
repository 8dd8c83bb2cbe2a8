using Borolyte.Cycling;
using Borolyte.Cycling.Analysis;
using Borolyte.Cycling.Readers;
using Borolyte.Tests.Support;

namespace Borolyte.Tests.Cycling;

/// <summary>
/// Per-cycle completeness: a cycle needs a charge and a discharge, and its last current step must end at a step change or
/// at the cut-off its direction ended at elsewhere in the run — not because the file stops.
/// </summary>
public class CycleCompletenessTests
{
    /// <summary>Piecewise-constant current, one point per minute; a segment with zero current is a rest. (current A, minutes, V start, V end).</summary>
    private static CyclingRun Synthetic(params (double Current, int Minutes, double V0, double V1)[] segments)
    {
        var t = new List<double> { 0 }; var v = new List<double> { segments[0].V0 }; var i = new List<double> { 0 };
        foreach (var (current, minutes, v0, v1) in segments)
            for (int k = 1; k <= minutes; k++)
            {
                t.Add(t[^1] + 60);
                v.Add(v0 + (v1 - v0) * k / minutes);
                i.Add(current);
            }
        return CyclingRun.Build(new CyclingRawData { SourcePath = "synthetic", Format = "test", TestTimeSecond = [.. t], VoltageVolt = [.. v], CurrentAmpere = [.. i] });
    }

    private static bool[] Complete(CyclingSummary s) => s.Cycles.Select(c => c.Complete).ToArray();

    [Fact]
    public void RealNewareFileEndsInsideTheChargeOfCycle4()
    {
        // The file's last row is "CC Chg" at 0.4251 V of cycle 4; every other charge step of the run stops at 1.0 V.
        string path = TestData.Path("cycling", "neware_uio.csv");
        var lastRow = File.ReadLines(path).Last().Split(',');
        Assert.Equal(("4", "CC Chg"), (lastRow[1], lastRow[3]));
        var summary = CycleSummarizer.Summarize(CyclingFileReader.Read(path));
        Assert.Equal([1, 2, 3, 4], summary.Cycles.Select(c => c.Cycle));
        Assert.Equal([true, true, true, false], Complete(summary));
        Assert.Null(summary.Cycles[3].Retention);
        Assert.NotNull(summary.Cycles[2].Retention);
        Assert.Equal(1, summary.ReferenceCycle);
        Assert.Contains(summary.Notes, n => n.StartsWith("incomplete cycle: 4 (the file ends inside its charge at 0.425 V; the other charges ended at 1.000 V)", StringComparison.Ordinal));
        // Rate table (anode mode: the charge is the "out" capacity): cycle 4 is in no group, whatever the nominal capacity.
        var groups = RateCapability.Table(summary, 2.5e-3);
        Assert.NotEmpty(groups);
        Assert.DoesNotContain(groups.SelectMany(g => g.Cycles), c => c == 4);
    }

    [Fact]
    public void ChargeFirstRunCutMidChargeAndMidDischarge()
    {
        (double, int, double, double) C(int minutes = 60) => (1e-3, minutes, 3.0, 3.0 + minutes / 60.0);
        (double, int, double, double) D(int minutes = 60) => (-1e-3, minutes, 4.0, 4.0 - minutes / 60.0);

        // Cut mid-charge: cycle 3 is a charge alone.
        var midCharge = CycleSummarizer.Summarize(Synthetic(C(), D(), C(), D(54), C(30)));
        Assert.Equal([true, true, false], Complete(midCharge));
        Assert.Contains(midCharge.Notes, n => n.StartsWith("incomplete cycle: 3 (no discharge", StringComparison.Ordinal));
        Assert.Equal(0.9, midCharge.Cycles[1].Retention!.Value, 12);
        Assert.Null(midCharge.Cycles[2].Retention);

        // Cut mid-discharge: cycle 2 has a charge and a discharge that stops at 3.5 V, the file's end, not the 3.0 V cut-off.
        var midDischarge = CycleSummarizer.Summarize(Synthetic(C(), D(), C(), D(30)));
        Assert.Equal([true, false], Complete(midDischarge));
        Assert.NotNull(midDischarge.Cycles[1].CoulombicEfficiency);   // still reported, flagged
        Assert.Null(midDischarge.Cycles[1].Retention);
        Assert.Contains(midDischarge.Notes, n => n.Contains("2 (the file ends inside its discharge at 3.500 V; the other discharges ended at 3.000 V)"));
        Assert.Equal([1], RateCapability.Table(midDischarge, 1e-3).SelectMany(g => g.Cycles));

        // Controls. A run whose last discharge reaches the cut-off on the file's last point is complete …
        var full = CycleSummarizer.Summarize(Synthetic(C(), D(), C(), D()));
        Assert.Equal([true, true], Complete(full));
        Assert.DoesNotContain(full.Notes, n => n.StartsWith("incomplete", StringComparison.Ordinal));
        Assert.Equal([1, 2], RateCapability.Table(full, 1e-3).SelectMany(g => g.Cycles));
        // … within 5 mV of it too, but not 6 mV short of it.
        Assert.True(CycleSummarizer.Summarize(Synthetic(C(), D(), C(), (-1e-3, 60, 4.0, 3.004))).Cycles[1].Complete);
        Assert.False(CycleSummarizer.Summarize(Synthetic(C(), D(), C(), (-1e-3, 60, 4.0, 3.006))).Cycles[1].Complete);
        // A partial discharge followed by a rest ended at a step change (the protocol moved on): complete by definition.
        Assert.Equal([true, true], Complete(CycleSummarizer.Summarize(Synthetic(C(), D(), C(), D(30), (0, 10, 3.5, 3.6)))));
    }

    [Fact]
    public void DischargeFirstAnodeRunCutMidChargeAndMidDischarge()
    {
        // Anode half cell: sodiation (discharge) 1.0 → 0.05 V first, desodiation (charge) back to 1.0 V.
        (double, int, double, double) D(int minutes = 60) => (-1e-3, minutes, 1.0, 1.0 - 0.95 * minutes / 60);
        (double, int, double, double) C(int minutes = 60) => (1e-3, minutes, 0.05, 0.05 + 0.95 * minutes / 60);

        var midCharge = CycleSummarizer.Summarize(Synthetic(D(), C(50), D(), C(20)));
        Assert.Equal(ElectrodeMode.Anode, midCharge.Mode);
        Assert.Equal([true, false], Complete(midCharge));
        Assert.Null(midCharge.Cycles[1].Retention);
        Assert.Contains(midCharge.Notes, n => n.Contains("2 (the file ends inside its charge at 0.367 V; the other charges ended at 0.842 V)"));
        Assert.Empty(RateCapability.Table(midCharge, 1e-3).SelectMany(g => g.Cycles).Where(c => c == 2));

        var midDischarge = CycleSummarizer.Summarize(Synthetic(D(), C(), D(), C(), D(30)));
        Assert.Equal([true, true, false], Complete(midDischarge));
        Assert.Contains(midDischarge.Notes, n => n.StartsWith("incomplete cycle: 3 (no charge", StringComparison.Ordinal));
        Assert.Equal(1.0, midDischarge.Cycles[1].Retention!.Value, 12);

        // The same anode data cycled charge-first (the instrument's view of a run that starts with a discharge): the first
        // cycle is a lone discharge, the cut last cycle is still flagged.
        var raw = Synthetic(D(), C(), D(), C(20));
        var chargeFirst = CyclingRun.Build(new CyclingRawData
        {
            SourcePath = "s", Format = "test", TestTimeSecond = raw.TestTimeSecond, VoltageVolt = raw.VoltageVolt, CurrentAmpere = raw.CurrentAmpere,
        }, CycleDefinition.ChargeFirst);
        var s = CycleSummarizer.Summarize(chargeFirst, new SummaryOptions { Mode = ElectrodeMode.Anode });
        Assert.Equal([false, true, false], Complete(s));
    }

    [Fact]
    public void ConstantVoltageStepCutBeforeItsEndCurrent()
    {
        // Discharge 4.2 → 3.0 V, CC charge to 4.2 V, CV at 4.2 V with I = 1 mA·exp(−k/5); twice. The first CV runs 20 min
        // (ends at 0.018 mA); the second is cut after `lastCv` minutes.
        static CyclingSummary Run(int lastCv)
        {
            var t = new List<double>(); var v = new List<double>(); var i = new List<double>();
            void Add(double volts, double amps) { t.Add(t.Count * 60.0); v.Add(volts); i.Add(amps); }
            Add(4.2, 0);
            for (int cycle = 0; cycle < 2; cycle++)
            {
                for (int k = 1; k <= 40; k++) Add(4.2 - 1.2 * k / 40, -1e-3);
                for (int k = 1; k <= 30; k++) Add(3.6 + 0.6 * k / 30, 1e-3);
                for (int k = 1; k <= (cycle == 0 ? 20 : lastCv); k++) Add(4.2, 1e-3 * Math.Exp(-k / 5.0));
            }
            var run = CyclingRun.Build(new CyclingRawData { SourcePath = "cv", Format = "test", TestTimeSecond = [.. t], VoltageVolt = [.. v], CurrentAmpere = [.. i] });
            Assert.Equal(StepKind.ConstantVoltage, run.Kind[^1]);
            return CycleSummarizer.Summarize(run);
        }
        var cut = Run(3);   // current still 0.55 mA
        Assert.Equal([true, false], Complete(cut));
        Assert.Contains(cut.Notes, n => n.Contains("2 (the file ends inside its constant-voltage charge at 0.549 mA"));
        Assert.Equal([true, true], Complete(Run(20)));   // same end current as the first CV: finished
    }

    [Fact]
    public void CapacityFigurePutsCoulombicEfficiencyOnTheRightAxisAndMarksIncompleteCycles()
    {
        var summary = CycleSummarizer.Summarize(CyclingFileReader.Read(TestData.Path("cycling", "neware_uio.csv")));
        var figure = CyclingReport.CapacityFigure(summary);
        Assert.Equal("Capacity (mAh)", figure.YAxisTitle);
        Assert.Equal("Coulombic efficiency (%)", figure.Y2AxisTitle);
        // Every CE trace (and only those) on the secondary axis; together they carry every cycle's CE in %.
        Assert.All(figure.Traces, tr => Assert.Equal(tr.Name.StartsWith("Coulombic", StringComparison.Ordinal), tr.OnSecondaryYAxis));
        var ce = figure.Traces.Where(tr => tr.OnSecondaryYAxis).SelectMany(tr => tr.X.Zip(tr.Y)).OrderBy(p => p.First).ToList();
        Assert.Equal(summary.Cycles.Select(c => (double)c.Cycle), ce.Select(p => p.First));
        Assert.Equal(summary.Cycles.Select(c => c.CoulombicEfficiency!.Value * 100), ce.Select(p => p.Second));
        // Cycle 4 (incomplete) only in open-marker traces with "(incomplete)" on hover; cycles 1–3 only in filled ones.
        foreach (var tr in figure.Traces)
        {
            bool open = tr.MarkerSymbol!.EndsWith("-open", StringComparison.Ordinal);
            Assert.Equal(open ? [4.0] : [1.0, 2, 3], tr.X);
            Assert.All(tr.HoverTexts!, h => Assert.Equal(open, h.Contains("(incomplete)")));
        }
        var json = figure.ToPlotlyJson().ToJsonString();
        Assert.Contains("\"yaxis\":\"y2\"", json);
        Assert.Contains("yaxis2", json);
    }
}
