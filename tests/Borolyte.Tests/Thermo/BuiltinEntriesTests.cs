using System.Text.Json;
using Borolyte.Chemistry;
using Borolyte.Tests.Support;
using Borolyte.Thermo;

namespace Borolyte.Tests.Thermo;

public class BuiltinEntriesTests
{
    [Theory]
    [InlineData("experimental")]
    [InlineData("li-b-h")]
    [InlineData("na-b-h")]
    [InlineData("na-cr-o-b-h")]
    [InlineData("mp-gga")]
    public void EveryDatasetLoadsWithSourcesAndAHull(string name)
    {
        var set = BuiltinEntries.Dataset(name);
        Assert.NotEmpty(set.Entries);
        Assert.All(set.Entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Source)));
        var pd = new PhaseDiagram(set.Entries); // needs every elemental reference
        Assert.NotEmpty(pd.StableEntries);
    }

    [Fact]
    public void ExperimentalValuesAreTheTabulatedOnes()
    {
        // CODATA 1989 key values: B2O3(cr) −1273.5 kJ/mol, H2O(l) −285.830 kJ/mol; 1 eV per formula unit = 96.485 kJ/mol
        var set = BuiltinEntries.Load("na-cr-o-b-h");
        double KJ(string id) => set.Single(e => e.Id == id).EnergyEv * PhysicalConstants.FaradayCPerMol / 1e3;
        Assert.Equal(-1273.5, KJ("exp-B2O3"), 0);
        Assert.Equal(-285.830, KJ("exp-H2O"), 3);
        Assert.DoesNotContain(set, e => e.Composition.Contains("Li") || e.Composition.Contains("Fe"));
    }

    [Fact]
    public void SubsetsHoldOnlyTheirElements()
    {
        Assert.All(BuiltinEntries.Load("na-b-h"), e => Assert.All(e.Composition.Elements, el => Assert.Contains(el.Symbol, new[] { "Na", "B", "H" })));
        Assert.Contains(BuiltinEntries.Load("li-b-h"), e => e.ReducedFormula == Formula.Parse("LiBH4").Composition.ReducedFormula);
    }

    [Fact]
    public void MixingMethodsInOneDatasetIsRefused()
    {
        const string json = """
            {"name": "t", "method": "experimental standard enthalpy of formation, 298.15 K", "entries": [
              {"formula": "Na", "formationEnthalpyEvPerFormulaUnit": 0, "id": "Na", "method": "experimental standard enthalpy of formation, 298.15 K", "source": "x"},
              {"formula": "NaH", "formationEnthalpyEvPerFormulaUnit": -0.6, "id": "NaH", "method": "DFT PBE 0 K", "source": "y"}]}
            """;
        var ex = Assert.Throws<InvalidInputException>(() => BuiltinEntries.Parse(json, "t.json"));
        Assert.Contains("must not mix methods", ex.Message);
    }

    [Fact]
    public void UnknownNameListsTheAvailableOnes()
    {
        var ex = Assert.Throws<InvalidInputException>(() => BuiltinEntries.Load("na-b-h-x"));
        Assert.Contains("na-b-h", ex.Message);
    }

    [Fact]
    public void Mp2020AppliesToTheDftSetOnly()
    {
        Assert.True(BuiltinEntries.AcceptsMp2020("mp-gga"));
        Assert.False(BuiltinEntries.AcceptsMp2020("na-b-h"));
        var corrected = Mp2020Compatibility.Process(BuiltinEntries.Load("mp-gga"));
        Assert.Empty(corrected.Discarded);
        // NaCrO2 (GGA+U): oxide −0.687 × 8 O + Cr mixing −1.999 × 4 Cr per cell of 16 atoms
        var nacro2 = corrected.Entries.Single(e => e.Id == "mp-578604");
        Assert.Equal(-0.687 * 8 - 1.999 * 4, nacro2.CorrectionEv, 9);
    }

    [Fact]
    public void DecaboraneIsTheMoleculeB10H14AndIsShownSo()
    {
        var b10 = Assert.Single(BuiltinEntries.Load("li-b-h"), e => e.ReducedFormula == Formula.Parse("B10H14").Composition.ReducedFormula);
        Assert.Equal("exp-B10H14", b10.Id);
        Assert.Equal("B10H14", b10.DisplayFormula);
        Assert.Equal(24, b10.AtomCount);
        // Wang 2021 gives −0.149608 eV per B5H7 (pymatgen's reduced formula): the same enthalpy per atom
        Assert.Equal(-0.14960823248814448 / 12, b10.EnergyPerAtomEv, 12);
        Assert.Equal("LiBH4", Assert.Single(BuiltinEntries.Load("li-b-h"), e => e.Id == "exp-LiBH4").DisplayFormula);
    }

    [Fact]
    public void ADisplayFormulaOfAnotherCompositionIsRefused()
    {
        const string json = """
            {"name": "t", "method": "m", "entries": [
              {"formula": "B10H14", "displayFormula": "B9H11", "formationEnthalpyEvPerFormulaUnit": -0.3, "id": "x", "method": "m", "source": "s"}]}
            """;
        var ex = Assert.Throws<InvalidInputException>(() => BuiltinEntries.Parse(json, "t.json"));
        Assert.Contains("t.json: entry 0: displayFormula \"B9H11\"", ex.Message);
    }

    private static JsonElement Golden => JsonDocument.Parse(File.ReadAllText(TestData.Path("thermo", "golden_builtin.json"))).RootElement;

    [Fact]
    public void WindowsOnTheBuiltinDataMatchPymatgen()
    {
        int n = 0;
        foreach (var g in Golden.GetProperty("profiles").EnumerateArray())
        {
            var w = GrandPotentialDiagram.Window(BuiltinEntries.Load(g.GetProperty("dataset").GetString()!),
                Formula.Parse(g.GetProperty("formula").GetString()!), g.GetProperty("openElement").GetString()!);
            var steps = g.GetProperty("steps").EnumerateArray().Select(s => (V: s.GetProperty("potentialV").GetDouble(), Uptake: s.GetProperty("evolution").GetDouble())).ToList();
            Assert.Equal(steps.Count, w.Profile.Count);
            for (int k = 0; k < steps.Count; k++)
            {
                Assert.Equal(steps[k].V, w.Profile[k].FromV, 1e-6);
                Assert.Equal(steps[k].Uptake, w.Profile[k].UptakePerFormulaUnit, 1e-6);
            }
            n++;
        }
        Assert.Equal(3, n);
    }

    [Fact]
    public void InterfacesOnTheBuiltinDataMatchPymatgen()
    {
        foreach (var g in Golden.GetProperty("interfaces").EnumerateArray())
        {
            string? open = g.GetProperty("openElement").ValueKind == JsonValueKind.Null ? null : g.GetProperty("openElement").GetString();
            double v = open is null ? 0 : g.GetProperty("potentialV").GetDouble();
            var r = InterfaceReactivity.Compute(BuiltinEntries.Load(g.GetProperty("dataset").GetString()!),
                Formula.Parse(g.GetProperty("a").GetString()!), Formula.Parse(g.GetProperty("b").GetString()!), open, v);
            Assert.Equal(g.GetProperty("minReactionEnergyEvPerAtom").GetDouble(), r.MinReactionEnergyEvPerAtom, 1e-6);
            var kinks = g.GetProperty("kinks").EnumerateArray().Select(k => (X: k.GetProperty("mixingRatio").GetDouble(), E: k.GetProperty("reactionEnergyEvPerAtom").GetDouble())).ToList();
            Assert.Equal(kinks.Count, r.Kinks.Count);
            for (int k = 0; k < kinks.Count; k++)
            {
                Assert.Equal(kinks[k].X, r.Kinks[k].MixingRatio, 1e-6);
                Assert.Equal(kinks[k].E, r.Kinks[k].ReactionEnergyEvPerAtom, 1e-6);
            }
        }
    }
}
