using Borolyte.Chemistry;
using Borolyte.Thermo;

namespace Borolyte.Tests.Thermo;

public class PhaseDiagramTests
{
    [Fact]
    public void BinaryHullByHand()
    {
        var pd = new PhaseDiagram(ThermoFixtures.LiH());
        Assert.Equal(["H2", "Li", "LiH", "LiH2"], pd.StableEntries.Select(e => e.Id).Order());
        var byId = pd.Analyse().ToDictionary(r => r.Entry.Id);
        Assert.Equal(-0.6, byId["LiH"].FormationEnergyEvPerAtom, 12);
        Assert.Equal(0.05, byId["Li-bcc2"].EAboveHullEvPerAtom, 12); // polymorph above the elemental reference
        // Li2H (x_H = 1/3) lies above the tie line Li–LiH: −0.6·(1/3)/(1/2) = −0.4 → 0.2 eV/atom above, ⅔ LiH + ⅓ Li by atoms
        Assert.Equal(0.2, byId["Li2H"].EAboveHullEvPerAtom, 12);
        var d = byId["Li2H"].Decomposition.ToDictionary(p => p.Entry.Id, p => p.Fraction);
        Assert.Equal(2.0 / 3, d["LiH"], 12);
        Assert.Equal(1.0 / 3, d["Li"], 12);
        // LiH3 (x_H = 3/4) above the tie line LiH2–H: −0.45·(1/4)/(1/3) = −0.3375 → 0.2375 above
        Assert.Equal(0.2375, byId["LiH3"].EAboveHullEvPerAtom, 12);
        Assert.True(pd.IsStable("LiH2"));
        Assert.False(pd.IsStable("LiH3"));
    }

    [Fact]
    public void TernaryHullByHand()
    {
        var pd = new PhaseDiagram(ThermoFixtures.LiBH());
        var r = pd.Analyse().Single(s => s.Entry.Id == "LiBH2");
        // LiBH2 = ⅓ LiBH4 + ⅔ LiH + ⅔ B per formula unit: (−3·⅓ − 1.2·⅔)/4 = −0.45 eV/atom on the hull
        Assert.Equal(0.35, r.EAboveHullEvPerAtom, 12);
        var d = r.Decomposition.ToDictionary(p => p.Entry.Id, p => p.Fraction);
        Assert.Equal(3, d.Count);
        Assert.Equal(0.5, d["LiBH4"], 12);
        Assert.Equal(1.0 / 3, d["LiH"], 12);
        Assert.Equal(1.0 / 6, d["B"], 12);
        Assert.Equal(1.0, r.Decomposition.Sum(p => p.Fraction), 12);
        var any = pd.Decompose(Formula.Parse("Li2B2H5").Composition);
        Assert.Equal(1.0, any.Phases.Sum(p => p.Fraction), 12);
    }

    public static TheoryData<string> GoldenSystems => new() { "li-b-h", "na-b-h-o", "na-cr-o-b-h", "bench-na-b-h-o-300" };

    [Theory]
    [MemberData(nameof(GoldenSystems))]
    public void MatchesPymatgen(string system)
    {
        var entries = ThermoFixtures.ReadEntries($"{system}.entries.json");
        var pd = new PhaseDiagram(entries);
        var golden = ThermoFixtures.Golden.GetProperty(system);
        Assert.Equal(golden.GetProperty("stable").EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal),
            pd.StableEntries.Select(e => e.Id).Order(StringComparer.Ordinal));
        var ours = pd.Analyse().ToDictionary(r => r.Entry.Id);
        int checkedCount = 0;
        foreach (var g in golden.GetProperty("entries").EnumerateArray())
        {
            var r = ours[g.GetProperty("id").GetString()!];
            Assert.Equal(g.GetProperty("formationEnergyEvPerAtom").GetDouble(), r.FormationEnergyEvPerAtom, 1e-6);
            Assert.Equal(g.GetProperty("eAboveHullEvPerAtom").GetDouble(), r.EAboveHullEvPerAtom, 1e-6);
            var expected = g.GetProperty("decomposition").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
            var actual = r.Decomposition.ToDictionary(p => p.Entry.Id, p => p.Fraction);
            Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
            foreach (var (id, f) in expected) Assert.Equal(f, actual[id], 1e-6);
            checkedCount++;
        }
        Assert.Equal(entries.Count, checkedCount);
    }

    [Fact]
    public void MissingElementalReferenceIsAnError()
    {
        var entries = ThermoFixtures.LiH().Where(e => e.Id != "H2").ToList();
        var ex = Assert.Throws<InvalidInputException>(() => new PhaseDiagram(entries));
        Assert.Contains("elemental H", ex.Message);
    }

    [Fact]
    public void CompositionOutsideTheDiagramIsAnError()
    {
        var pd = new PhaseDiagram(ThermoFixtures.LiH());
        var ex = Assert.Throws<InvalidInputException>(() => pd.Decompose(Formula.Parse("NaH").Composition));
        Assert.Contains("Na", ex.Message);
    }
}
