using System.Text.Json;
using Borolyte.Chemistry;
using Borolyte.Tests.Support;
using Borolyte.Thermo;

namespace Borolyte.Tests.Thermo;

/// <summary>Hand-checkable entry sets and the pymatgen golden fixtures of tests/data/thermo.</summary>
internal static class ThermoFixtures
{
    public static ThermoEntry Entry(string id, string formula, double formationEvPerAtom, IReadOnlyDictionary<string, double> references)
    {
        var c = Formula.Parse(formula).Composition;
        double e = c.Amounts.Sum(p => p.Value * references[p.Key.Symbol]) + formationEvPerAtom * c.AtomCount;
        return new ThermoEntry(id, c, e);
    }

    public static readonly Dictionary<string, double> References = new() { ["Li"] = -1.9, ["B"] = -6.7, ["H"] = -3.4 };

    /// <summary>Li–H: LiH (−0.6 eV/atom) and LiH2 (−0.45) stable; Li2H (−0.2) and LiH3 (−0.1) not.</summary>
    public static List<ThermoEntry> LiH() =>
    [
        Entry("Li", "Li", 0, References), Entry("H2", "H2", 0, References), Entry("Li-bcc2", "Li2", 0.05, References),
        Entry("LiH", "LiH", -0.6, References), Entry("LiH2", "LiH2", -0.45, References),
        Entry("Li2H", "Li2H", -0.2, References), Entry("LiH3", "LiH3", -0.1, References),
    ];

    /// <summary>Li–B–H: LiH (−0.6) and LiBH4 (−0.5) stable; LiBH2 (−0.1) decomposes to ½ LiBH4 + ⅓ LiH + ⅙ B by atoms.</summary>
    public static List<ThermoEntry> LiBH() =>
    [
        Entry("Li", "Li", 0, References), Entry("B", "B12", 0, References), Entry("H2", "H2", 0, References),
        Entry("LiH", "LiH", -0.6, References), Entry("LiBH4", "LiBH4", -0.5, References), Entry("LiBH2", "LiBH2", -0.1, References),
    ];

    public static IReadOnlyList<ThermoEntry> ReadEntries(string name) => EntryFile.Read(TestData.Path("thermo", name));

    private static JsonDocument? _golden;
    public static JsonElement Golden => (_golden ??= JsonDocument.Parse(File.ReadAllText(TestData.Path("thermo", "golden_thermo.json")))).RootElement;
}
