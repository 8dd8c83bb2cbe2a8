using Borolyte.Chemistry;
using Borolyte.Thermo;

namespace Borolyte.Tests.Thermo;

public class InterfaceReactivityTests
{
    [Fact]
    public void ReactionOfLithiumWithHydrogenRichPhaseByHand()
    {
        // Li | LiH2: the hull is the tie lines Li–LiH–LiH2; kink at LiH: x_H = (1 − x)·⅔ = ½ → x = ¼;
        // ΔE(¼) = −0.6 − ¾(−0.45) = −0.2625 eV/atom
        var r = InterfaceReactivity.Compute(ThermoFixtures.LiH(), Formula.Parse("Li"), Formula.Parse("LiH2"));
        Assert.Equal(-0.2625, r.MinReactionEnergyEvPerAtom, 9);
        Assert.Equal(0.25, r.MixingRatio, 9);
        Assert.Equal(["LiH"], r.Products.Select(p => p.Entry.Id));
        Assert.Equal(3, r.Kinks.Count);
    }

    [Fact]
    public void MatchesPymatgenInterfacialReactivity()
    {
        var entries = ThermoFixtures.ReadEntries("na-b-h-o.entries.json");
        int count = 0;
        foreach (var g in ThermoFixtures.Golden.GetProperty("interfaces").EnumerateArray())
        {
            string? open = g.GetProperty("openElement").ValueKind == System.Text.Json.JsonValueKind.Null ? null : g.GetProperty("openElement").GetString();
            double phi = open is null ? 0 : g.GetProperty("potentialV").GetDouble();
            var r = InterfaceReactivity.Compute(entries, Formula.Parse(g.GetProperty("a").GetString()!), Formula.Parse(g.GetProperty("b").GetString()!), open, phi);
            Assert.Equal(g.GetProperty("minReactionEnergyEvPerAtom").GetDouble(), r.MinReactionEnergyEvPerAtom, 1e-6);
            Assert.Equal(g.GetProperty("mixingRatio").GetDouble(), r.MixingRatio, 1e-6);
            var kinks = g.GetProperty("kinks").EnumerateArray().ToList();
            Assert.Equal(kinks.Count, r.Kinks.Count);
            for (int k = 0; k < kinks.Count; k++)
            {
                Assert.Equal(kinks[k].GetProperty("mixingRatio").GetDouble(), r.Kinks[k].MixingRatio, 1e-6);
                Assert.Equal(kinks[k].GetProperty("reactionEnergyEvPerAtom").GetDouble(), r.Kinks[k].ReactionEnergyEvPerAtom, 1e-6);
            }
            count++;
        }
        Assert.True(count >= 4);
    }
}
