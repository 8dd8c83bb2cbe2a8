using Borolyte.Reporting;
using Borolyte.Storage;
using Borolyte.Studies;
using Borolyte.Tests.Support;

namespace Borolyte.Tests.Studies;

public class TransportSectionTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(2026)] // the demo's seed
    [InlineData(7)]
    [InlineData(123)]
    public void Recovers_the_true_activation_energy_within_its_uncertainty(int seed)
    {
        using var kb = KnowledgeBase.Open(_temp.File($"t{seed}.db"));
        var report = new HtmlReport("t");
        var r = TransportSection.AddTo(report, kb, seed);
        // σ(25 °C) from the knowledge base: seed 004 states 1 mS/cm at 25 °C.
        Assert.Equal(1e-3, r.TrueSigma25CSPerCm, 12);
        Assert.Contains("knowledge base", r.Sigma25CSource);
        var seg = r.Conductivity.Segments[0];
        Assert.Equal(10, r.Series.Count);
        Assert.InRange(Math.Abs(seg.ActivationEnergyEv - r.TrueActivationEnergyEv), 0, 3 * seg.ActivationEnergyStdErrEv);
        Assert.True(seg.ActivationEnergyStdErrEv < 0.01, $"±{seg.ActivationEnergyStdErrEv} eV");
        Assert.InRange(r.TrueSigma25CSPerCm, r.Conductivity.Sigma25CLowerSPerCm, r.Conductivity.Sigma25CUpperSPerCm);
        // Each spectrum's σ within 4 standard errors of the truth (σ_true = σ25·exp(−Eₐ/k·(1/T − 1/298.15)), k = 8.617333262e-5 eV/K).
        foreach (var p in r.Series)
        {
            double truth = 1e-3 * Math.Exp(-0.60 / 8.617333262e-5 * (1 / p.TemperatureK - 1 / 298.15));
            Assert.InRange(Math.Abs(p.Conductivity.ConductivitySPerCm - truth), 0, 4 * p.Conductivity.StdErrSPerCm + 1e-3 * truth);
        }
        var nmr = r.Nmr.Primary;
        Assert.InRange(Math.Abs(nmr.ActivationEnergyEv - r.NmrTrueActivationEnergyEv), 0, 4 * nmr.ActivationEnergyStdErrEv);
        Assert.Equal(6, report.FigureCount); // three Nyquist plots, the Arrhenius plot, the NMR and the EISF figures
        Assert.Contains(">Ion transport</h2>", report.Render());
    }
}
