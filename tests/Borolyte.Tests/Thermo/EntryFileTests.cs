using Borolyte.Thermo;

namespace Borolyte.Tests.Thermo;

public class EntryFileTests
{
    [Fact]
    public void ReadsPymatgenDictsWithCorrectionsAndAdjustments()
    {
        const string json = """
        [{"@class": "ComputedEntry", "energy": -10.0, "composition": {"Na": 2, "O": 1}, "entry_id": "mp-1", "correction": -0.5, "energy_adjustments": []},
         {"energy": -4.0, "composition": {"O": 2}, "entry_id": "mp-2", "correction": -0.2,
          "energy_adjustments": [{"@class": "ConstantEnergyAdjustment", "value": -0.2}]},
         {"energy": -3.0, "composition": {"O": 2}, "entry_id": "mp-3", "correction": 0,
          "energy_adjustments": [{"@class": "CompositionEnergyAdjustment", "adj_per_atom": -0.1, "n_atoms": 2}]},
         {"energy": -1.0, "composition": "Na", "entry_id": 7}]
        """;
        var entries = EntryFile.ParseJson(json);
        Assert.Equal(-10.5, entries[0].EnergyEv, 12);
        Assert.Equal(-4.2, entries[1].EnergyEv, 12);
        Assert.Equal(-3.2, entries[2].EnergyEv, 12);
        Assert.Equal("7", entries[3].Id);
        Assert.Equal(3, entries[0].AtomCount);
    }

    [Fact]
    public void ReadsCsvTotalAndPerAtom()
    {
        var total = EntryFile.ParseCsv("id,formula,energy_ev\na,Na2B12H12,-100\n# comment\nb,Na,-1.3\n");
        Assert.Equal(-100, total[0].EnergyEv);
        var perAtom = EntryFile.ParseCsv("formula,energy_per_atom_ev\nNa2B12H12,-4\n");
        Assert.Equal(-104, perAtom[0].EnergyEv, 12);
    }

    [Theory]
    [InlineData("formula,energy_ev\nNa2Xx,-1\n", "line 2")]
    [InlineData("formula,energy_ev\nNa2O,\n", "missing energy")]
    [InlineData("formula,energy_ev\nNa2O,abc\n", "not a number")]
    [InlineData("formula\nNa2O\n", "energy_ev")]
    [InlineData("formula,energy_ev\nNa2O,-1,3\n", "line 2: expected 2 fields")]
    public void BadCsvGivesOneLineErrors(string csv, string expected)
    {
        var ex = Assert.Throws<InvalidInputException>(() => EntryFile.ParseCsv(csv, "x.csv"));
        Assert.Contains(expected, ex.Message);
        Assert.DoesNotContain("\n", ex.Message);
    }

    [Theory]
    [InlineData("[{\"composition\": {\"Na\": 1}}]", "missing number \"energy\"")]
    [InlineData("[{\"energy\": -1, \"composition\": {\"Qq\": 1}}]", "unknown element \"Qq\"")]
    [InlineData("[{\"energy\": -1}]", "missing \"composition\"")]
    [InlineData("[{\"energy\": -1, \"composition\": {\"Na\": 1}},\n {\"energy\": ", "line 2")]
    [InlineData("{\"a\": 1}", "expected a JSON array")]
    public void BadJsonGivesOneLineErrors(string json, string expected)
    {
        var ex = Assert.Throws<InvalidInputException>(() => EntryFile.ParseJson(json, "x.json"));
        Assert.Contains(expected, ex.Message);
        Assert.DoesNotContain("\n", ex.Message);
    }
}
