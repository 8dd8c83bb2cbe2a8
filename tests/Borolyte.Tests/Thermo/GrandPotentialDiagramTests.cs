using Borolyte.Chemistry;
using Borolyte.Thermo;

namespace Borolyte.Tests.Thermo;

public class GrandPotentialDiagramTests
{
    [Fact]
    public void BinaryWindowsByHand()
    {
        var entries = ThermoFixtures.LiH();
        // LiH2 + Li → 2 LiH: ΔE = 2(−1.2) − 3(−0.45) = −1.05 eV per Li → reduced below 1.05 V;
        // LiH2 → Li + H2: ΔE = +1.35 eV per Li → oxidised above 1.35 V
        var w = GrandPotentialDiagram.Window(entries, Formula.Parse("LiH2"), "Li");
        Assert.Equal(1.05, w.ReductionLimitV, 9);
        Assert.Equal(1.35, w.OxidationLimitV, 9);
        Assert.Equal(["LiH"], w.ReductionProducts.Select(p => p.Entry.Id));
        Assert.Equal(["H2"], w.OxidationProducts.Select(p => p.Entry.Id));
        Assert.Equal([1.0, 0.0, -1.0], w.Profile.Select(p => Math.Round(p.UptakePerFormulaUnit, 9)));
        Assert.Equal(0, w.Profile[0].FromV);
        Assert.Equal(GrandPotentialDiagram.SearchLimitV, w.Profile[^1].ToV);
        // LiH → ½ LiH2 + ½ Li: ΔE = ½(−1.35) + 1.2 = 0.525 eV per ½ Li → 1.05 V; stable against Li metal (0 V)
        var lih = GrandPotentialDiagram.Window(entries, Formula.Parse("LiH"), "Li");
        Assert.Equal(0, lih.ReductionLimitV);
        Assert.Empty(lih.ReductionProducts);
        Assert.Equal(1.05, lih.OxidationLimitV, 9);
        Assert.Equal(-0.5, lih.Profile[1].UptakePerFormulaUnit, 9);
    }

    [Fact]
    public void ExcludeAndStabilize()
    {
        var entries = ThermoFixtures.LiH();
        // Without LiH2, LiH is oxidised straight to H2 at ΔE = 1.2 eV per Li
        var w = GrandPotentialDiagram.Window(entries, Formula.Parse("LiH"), "Li", new WindowOptions(Exclude: ["LiH2"]));
        Assert.Equal(1.2, w.OxidationLimitV, 9);
        Assert.Equal(["H2"], w.OxidationProducts.Select(p => p.Entry.Id));
        // LiH3 is 0.2375 eV/atom above the hull; stabilised just below LiH2–H2, it is reduced to LiH2 and oxidised to H2
        // at the potentials of the tie line it now sits on: the per-Li energy between LiH2 and LiH3 is ≈ 0, so ≈ 1.35 V
        var s = GrandPotentialDiagram.Window(entries, Formula.Parse("LiH3"), "Li", new WindowOptions(Stabilize: true));
        Assert.True(s.Stabilized);
        Assert.Equal(0.2375, s.EAboveHullEvPerAtom, 9);
        Assert.Equal(1.35, s.ReductionLimitV, 4);
        Assert.Equal(1.35, s.OxidationLimitV, 4);
        Assert.True(s.OxidationLimitV > s.ReductionLimitV);
    }

    [Fact]
    public void MatchesPymatgenElementProfiles()
    {
        var entries = ThermoFixtures.ReadEntries("na-b-h-o.entries.json");
        int profiles = 0;
        foreach (var g in ThermoFixtures.Golden.GetProperty("profiles").EnumerateArray())
        {
            var w = GrandPotentialDiagram.Window(entries, Formula.Parse(g.GetProperty("formula").GetString()!), "Na");
            var steps = g.GetProperty("steps").EnumerateArray()
                .Select(s => (V: s.GetProperty("potentialV").GetDouble(), Uptake: s.GetProperty("evolution").GetDouble())).ToList();
            // pymatgen's step k gives the uptake from its potential up to the next step's
            var distinct = steps.Where((s, k) => k == 0 || Math.Abs(s.Uptake - steps[k - 1].Uptake) > 1e-9).ToList();
            Assert.Equal(distinct.Count, w.Profile.Count);
            for (int k = 0; k < distinct.Count; k++)
            {
                Assert.Equal(distinct[k].V, w.Profile[k].FromV, 1e-6);
                Assert.Equal(distinct[k].Uptake, w.Profile[k].UptakePerFormulaUnit, 1e-6);
            }
            profiles++;
        }
        Assert.Equal(5, profiles);
    }

    [Fact]
    public void TheBenchmarkedWindowMatchesPymatgen()
    {
        // the window ThermoBenchmarks times: NaB4H3O3 vs Na on the 300-entry set (golden: get_element_profile, generate_golden.py)
        var g = ThermoFixtures.Golden.GetProperty("benchProfile");
        var w = GrandPotentialDiagram.Window(ThermoFixtures.ReadEntries("bench-na-b-h-o-300.entries.json"), Formula.Parse(g.GetProperty("formula").GetString()!), "Na");
        var steps = g.GetProperty("steps").EnumerateArray().Select(s => (V: s.GetProperty("potentialV").GetDouble(), Uptake: s.GetProperty("evolution").GetDouble(),
            Ids: s.GetProperty("entries").EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal).ToArray())).ToList();
        Assert.Equal(steps.Count, w.Profile.Count);   // no two neighbouring steps of this profile share an uptake
        for (int k = 0; k < steps.Count; k++)
        {
            Assert.Equal(steps[k].V, w.Profile[k].FromV, 1e-6);
            Assert.Equal(steps[k].Uptake, w.Profile[k].UptakePerFormulaUnit, 1e-6);
            if (Math.Abs(steps[k].Uptake) > 1e-9)       // in its own range pymatgen lists the facet, Borolyte the compound itself
                Assert.Equal(steps[k].Ids, w.Profile[k].Products.Select(p => p.Entry.Id).Order(StringComparer.Ordinal).ToArray());
        }
        int stable = steps.FindIndex(s => Math.Abs(s.Uptake) < 1e-9);
        Assert.Equal(steps[stable].V, w.ReductionLimitV, 1e-6);
        Assert.Equal(steps[stable + 1].V, w.OxidationLimitV, 1e-6);
    }

    [Fact]
    public void CompoundNotAmongTheEntriesIsAnError()
    {
        var ex = Assert.Throws<InvalidInputException>(() => GrandPotentialDiagram.Window(ThermoFixtures.LiH(), Formula.Parse("Li3H"), "Li"));
        Assert.Contains("not among the entries", ex.Message);
        Assert.Throws<InvalidInputException>(() => GrandPotentialDiagram.Window(ThermoFixtures.LiH(), Formula.Parse("LiH"), "Xx"));
    }
}
