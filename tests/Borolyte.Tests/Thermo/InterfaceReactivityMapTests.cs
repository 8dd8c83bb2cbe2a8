using Borolyte.Chemistry;
using Borolyte.Thermo;

namespace Borolyte.Tests.Thermo;

public class InterfaceReactivityMapTests
{
    [Fact]
    public void EveryCellEqualsTheSinglePairComputation()
    {
        var entries = ThermoFixtures.ReadEntries("na-b-h-o.entries.json");
        string[] a = ["Na3B", "NaBHO3"], b = ["H2O4", "B4HO3"];
        var map = InterfaceReactivityMap.Compute(entries, a, b, "Na", 1.0);
        Assert.Equal(2, map.Pairs.Count);
        for (int i = 0; i < a.Length; i++)
            for (int j = 0; j < b.Length; j++)
            {
                var single = InterfaceReactivity.Compute(entries, Formula.Parse(a[i]), Formula.Parse(b[j]), "Na", 1.0);
                Assert.Equal(single.MinReactionEnergyEvPerAtom, map.Pairs[i][j].MinReactionEnergyEvPerAtom, 12);
                Assert.Equal(single.MixingRatio, map.Pairs[i][j].Reactivity!.MixingRatio, 12);
            }
        // closed system: a reactant that is not among the entries keeps its reason instead of failing the map
        var closed = InterfaceReactivityMap.Compute(entries, ["Na3B"], ["H2O4", "Na7B19"]);
        Assert.NotNull(closed.Pairs[0][0].Reactivity);
        Assert.Null(closed.Pairs[0][1].Reactivity);
        Assert.Contains("not among the entries", closed.Pairs[0][1].Problem);
        Assert.True(double.IsNaN(closed.Pairs[0][1].MinReactionEnergyEvPerAtom));
    }

    [Fact]
    public void BuiltinExperimentalPairs()
    {
        // NaBH4 and NaCrO2 coexist in the closed system with the experimental enthalpies: no reaction (ΔE_min = 0 at the ends)
        var map = InterfaceReactivityMap.Compute(BuiltinEntries.Load("experimental"), ["NaBH4"], ["NaCrO2", "NaFeO2"]);
        Assert.Equal(0, map.Pairs[0][0].MinReactionEnergyEvPerAtom, 12);
        Assert.True(map.Pairs[0][1].MinReactionEnergyEvPerAtom < -0.1);
    }

    [Fact]
    public void EmptyListsAreAnError()
    {
        Assert.Throws<InvalidInputException>(() => InterfaceReactivityMap.Compute(ThermoFixtures.LiH(), [], ["LiH"]));
    }
}
