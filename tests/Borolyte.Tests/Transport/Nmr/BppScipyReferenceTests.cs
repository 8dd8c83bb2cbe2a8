using System.Text.Json;
using Borolyte.Tests.Support;
using Borolyte.Transport.Nmr;

namespace Borolyte.Tests.Transport.Nmr;

public class BppScipyReferenceTests
{
    [Fact]
    public void Fit_matches_scipy_least_squares_on_the_same_file()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(TestData.Path("nmr", "r1_two_frequencies.scipy.json")));
        var s = doc.RootElement;
        var fit = BppFitter.Fit(RelaxationCsv.Read(TestData.Path("nmr", "r1_two_frequencies.csv"), []));
        var p = fit.Primary;
        Assert.Equal(s.GetProperty("activationEnergyEv").GetDouble(), p.ActivationEnergyEv, 6);
        Assert.Equal(s.GetProperty("lnTau0").GetDouble(), Math.Log(p.Tau0S), 4);
        Assert.Equal(s.GetProperty("lnCoupling").GetDouble(), Math.Log(p.CouplingPerS2), 4);
        Assert.Equal(s.GetProperty("sse").GetDouble(), fit.WeightedSse, 8);
        Assert.Equal(s.GetProperty("activationEnergyStdErrEv").GetDouble(), p.ActivationEnergyStdErrEv, 6);
        Assert.Equal(s.GetProperty("lnTau0StdErr").GetDouble(), p.LnTau0StdErr, 4);
    }
}
