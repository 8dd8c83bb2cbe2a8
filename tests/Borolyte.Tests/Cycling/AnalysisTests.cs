using Borolyte.Cycling;
using Borolyte.Cycling.Analysis;

namespace Borolyte.Tests.Cycling;

public class AnalysisTests
{
    /// <summary>A synthetic run: piecewise-constant current, one point per minute. Segments: (current A, minutes).</summary>
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

    [Fact]
    public void CoulombicEfficiencyPairing()
    {
        // Charge 60 min at 1 mA (1 mAh), discharge 54 min (0.9 mAh), charge 50 min, discharge 48 min.
        var run = Synthetic((1e-3, 60, 3.0, 4.0), (-1e-3, 54, 4.0, 3.0), (1e-3, 50, 3.0, 4.0), (-1e-3, 48, 4.0, 3.0));
        Assert.Equal(CycleDefinition.ChargeFirst, run.CycleDefinition);
        var same = CycleSummarizer.Summarize(run);
        Assert.Equal(ElectrodeMode.Cathode, same.Mode);
        Assert.Equal(0.9, same.Cycles[0].CoulombicEfficiency!.Value, 12);
        Assert.Equal(48.0 / 50, same.Cycles[1].CoulombicEfficiency!.Value, 12);
        // Discharge-first cycles put discharge 1 with charge 2: same-cycle CE is then 50/54 (anode convention) …
        var shifted = CyclingRun.Build(new CyclingRawData
        {
            SourcePath = "s", Format = "test", TestTimeSecond = run.TestTimeSecond, VoltageVolt = run.VoltageVolt, CurrentAmpere = run.CurrentAmpere,
        }, CycleDefinition.DischargeFirst);
        var anode = CycleSummarizer.Summarize(shifted, new SummaryOptions { Mode = ElectrodeMode.Anode });
        Assert.Equal(50.0 / 54, anode.Cycles[1].CoulombicEfficiency!.Value, 12);
        // … while preceding-half-cycle pairing in cathode mode pairs each discharge with the charge just before it.
        var preceding = CycleSummarizer.Summarize(shifted, new SummaryOptions { Mode = ElectrodeMode.Cathode, Pairing = EfficiencyPairing.PrecedingHalfCycle });
        Assert.Equal(0.9, preceding.Cycles[1].CoulombicEfficiency!.Value, 12);
        Assert.Equal(48.0 / 50, preceding.Cycles[2].CoulombicEfficiency!.Value, 12);
        // Average voltage = energy / capacity = 3.5 V for linear ramps 3→4 V.
        Assert.Equal(3.5, same.Cycles[0].AverageChargeVoltageV!.Value, 2);
        Assert.Equal(48.0 / 54, same.Cycles[1].Retention!.Value, 12);   // discharge 2 over discharge 1
    }

    [Fact]
    public void SpecificCapacityOnlyWithAMass()
    {
        var run = Synthetic((1e-3, 60, 3.0, 4.0), (-1e-3, 60, 4.0, 3.0));
        Assert.Null(CycleSummarizer.Summarize(run).Cycles[0].ChargeSpecificCapacityMAhPerG);
        var s = CycleSummarizer.Summarize(run, new SummaryOptions { ActiveMassKg = 5e-6, AreaM2 = 1e-4 });
        Assert.Equal(200, s.Cycles[0].ChargeSpecificCapacityMAhPerG!.Value, 9);   // 1 mAh / 5 mg
        Assert.Equal(1, s.Cycles[0].DischargeArealCapacityMAhPerCm2!.Value, 9);
    }

    [Fact]
    public void RateTableGroupsConsecutiveCyclesByCRate()
    {
        // Nominal 1 mAh: two cycles at 0.1C (0.1 mA), two at 1C (1 mA, less capacity), one back at 0.1C.
        var run = Synthetic(
            (1e-4, 600, 3, 4), (-1e-4, 600, 4, 3), (1e-4, 600, 3, 4), (-1e-4, 590, 4, 3),
            (1e-4, 600, 3, 4), (-1e-3, 48, 4, 3), (1e-4, 600, 3, 4), (-1e-3, 46, 4, 3),
            (1e-4, 600, 3, 4), (-1e-4, 588, 4, 3));
        var table = RateCapability.Table(CycleSummarizer.Summarize(run), 1e-3);
        Assert.Equal([0.1, 1, 0.1], table.Select(g => g.CRate));
        Assert.Equal([1, 2], table[0].Cycles);
        Assert.Equal((1.0 + 590.0 / 600) / 2, table[0].MedianCapacityMAh, 9);
        Assert.Equal((0.8 + 46.0 / 60) / 2 / table[0].MedianCapacityMAh, table[1].RetentionVsSlowest, 9);   // 48 and 46 min at 1 mA
        Assert.Equal(46.0 / 60, table[1].MinCapacityMAh, 9);
        Assert.Equal(1.0 / 3, RateCapability.CRate(0.34e-3, 1e-3));
        Assert.Equal(0.75, RateCapability.CRate(0.75e-3, 1e-3));
    }

    [Fact]
    public void SavitzkyGolayKeepsCubicsAndGaussianKeepsConstants()
    {
        var x = Enumerable.Range(0, 40).Select(i => i * 0.1).ToArray();
        var cubic = x.Select(v => 2 - v + 0.5 * v * v - 0.1 * v * v * v).ToArray();
        var smooth = Smoothing.SavitzkyGolay(cubic, 9);
        for (int i = 4; i < 36; i++) Assert.Equal(cubic[i], smooth[i], 10);
        Assert.All(Smoothing.Gaussian(Enumerable.Repeat(3.0, 20).ToArray(), 2), v => Assert.Equal(3.0, v, 12));
        Assert.Throws<InvalidInputException>(() => Smoothing.SavitzkyGolay(cubic, 4));
    }

    [Fact]
    public void DqDvPeakSitsOnThePlateau()
    {
        // Charge: 3.0→3.4 V in 20 min, plateau 3.4→3.42 V for 100 min, 3.42→4.0 V in 20 min.
        var run = Synthetic((1e-3, 20, 3.0, 3.4), (1e-3, 100, 3.4, 3.42), (1e-3, 20, 3.42, 4.0), (-1e-3, 140, 4.0, 3.0));
        var curves = DifferentialCapacity.DqDv(run, 1, new DifferentialOptions { VoltageStepV = 0.005 });
        var charge = curves.Single(c => c.Direction == "charge");
        Assert.Single(charge.Peaks);
        Assert.InRange(charge.Peaks[0], 3.40, 3.42);
        // ∫ dQ/dV dV over the grid is the charge capacity (unsmoothed, trapezoid).
        var raw = DifferentialCapacity.DqDv(run, 1, new DifferentialOptions { Smoothing = SmoothingMethod.None }).Single(c => c.Direction == "charge");
        double integral = 0;
        for (int i = 1; i < raw.X.Length; i++) integral += 0.5 * (raw.Y[i] + raw.Y[i - 1]) * (raw.X[i] - raw.X[i - 1]);
        Assert.Equal(139.0 / 60 * 1e-3, integral, 4);
        Assert.Throws<InvalidInputException>(() => DifferentialCapacity.DqDv(run, 7));
    }

    [Fact]
    public void StepsAndCvAreClassified()
    {
        // CC charge to 4.2 V then current decays at 4.2 V: the decaying part is CV.
        var t = new List<double>(); var v = new List<double>(); var i = new List<double>();
        for (int k = 0; k < 30; k++) { t.Add(k * 60); v.Add(k == 0 ? 3.0 : 3.6 + 0.6 * k / 29); i.Add(k == 0 ? 0 : 1e-3); }
        for (int k = 1; k <= 20; k++) { t.Add(t[^1] + 60); v.Add(4.2); i.Add(1e-3 * Math.Exp(-k / 5.0)); }
        var run = CyclingRun.Build(new CyclingRawData { SourcePath = "cv", Format = "test", TestTimeSecond = [.. t], VoltageVolt = [.. v], CurrentAmpere = [.. i] });
        Assert.Equal(StepKind.Ocv, run.Kind[0]);
        Assert.Equal(StepKind.ConstantCurrentCharge, run.Kind[10]);
        Assert.Equal(StepKind.ConstantVoltage, run.Kind[40]);
        var s = CycleSummarizer.Summarize(run);
        Assert.InRange(s.Cycles[0].ConstantVoltageShareOfCharge!.Value, 0.05, 0.5);
    }

    /// <summary>
    /// An anode half cell lithiated by CC then CV (a discharge of the cell): the CV share is reported for the discharge too.
    /// Discharge 60 min at 1 mA (CC, 1 mAh), then 30 min at 0.5 mA labelled CV by the instrument (0.25 mAh), then charge.
    /// </summary>
    [Fact]
    public void ConstantVoltageShareOfADischarge()
    {
        var t = new List<double> { 0 }; var v = new List<double> { 1.0 }; var i = new List<double> { 0 }; var kind = new List<sbyte> { (sbyte)StepKind.Rest };
        void Add(int minutes, double current, double v0, double v1, StepKind k)
        {
            for (int m = 1; m <= minutes; m++) { t.Add(t[^1] + 60); v.Add(v0 + (v1 - v0) * m / minutes); i.Add(current); kind.Add((sbyte)k); }
        }
        Add(60, -1e-3, 1.0, 0.01, StepKind.ConstantCurrentDischarge);
        Add(30, -0.5e-3, 0.01, 0.01, StepKind.ConstantVoltage);
        Add(60, 1e-3, 0.01, 1.0, StepKind.ConstantCurrentCharge);
        var run = CyclingRun.Build(new CyclingRawData
        {
            SourcePath = "anode", Format = "test", TestTimeSecond = [.. t], VoltageVolt = [.. v], CurrentAmpere = [.. i], InstrumentKind = [.. kind],
        });
        var summary = CycleSummarizer.Summarize(run, new SummaryOptions { Mode = ElectrodeMode.Anode });
        var c = summary.Cycles[0];
        Assert.Equal(1.25e-3, c.DischargeCapacityAh, 12);
        Assert.Equal(0.25 / 1.25, summary.ConstantVoltageShareOfDischarge![1]!.Value, 12);
        Assert.Equal(0, c.ConstantVoltageShareOfCharge!.Value, 12);
    }
}
