using System.Text.Json;
using Borolyte.Chemistry;

namespace Borolyte.Thermo;

/// <summary>A built-in dataset: its name, the single method all its energies share, a description and the entries.</summary>
public sealed record BuiltinDataset(string Name, string Method, string Description, IReadOnlyList<ThermoEntry> Entries);

/// <summary>
/// The documented datasets of data/thermo (see data/thermo/README.md), embedded in the library and loadable by name
/// (<c>builtin:na-b-h</c> on the command line). Every entry carries its source; a dataset holds one method only (loading
/// fails if entries declare different methods), so experimental enthalpies and DFT energies are never mixed silently.
/// <list type="bullet">
/// <item><c>experimental</c>: experimental standard enthalpies of formation (298.15 K) of Li, Na, B, H, O, Cr, Fe, V compounds
/// from the MP2020 fitting set (Wang et al., Sci. Rep. 11 (2021) 15496) plus liquid water (CODATA 1989); energies are
/// formation enthalpies per formula unit, elements 0.</item>
/// <item><c>li-b-h</c>, <c>na-b-h</c>, <c>na-cr-o-b-h</c>: the same data restricted to those elements.</item>
/// <item><c>mp-gga</c>: Materials Project GGA/GGA+U total energies of the Li, Na, B, H, O, Cr compounds of the same fit,
/// uncorrected, with run type and Hubbard U (use the MP2020 corrections).</item>
/// </list>
/// </summary>
public static class BuiltinEntries
{
    private static readonly Dictionary<string, (string Resource, string[]? Elements)> Sets = new()
    {
        ["experimental"] = ("experimental-enthalpies.json", null),
        ["li-b-h"] = ("experimental-enthalpies.json", ["Li", "B", "H"]),
        ["na-b-h"] = ("experimental-enthalpies.json", ["Na", "B", "H"]),
        ["na-cr-o-b-h"] = ("experimental-enthalpies.json", ["Na", "Cr", "O", "B", "H"]),
        ["mp-gga"] = ("mp-gga.json", null),
    };

    /// <summary>Names accepted by <see cref="Load"/>.</summary>
    public static IReadOnlyList<string> Names => Sets.Keys.ToArray();

    /// <summary>Whether the dataset holds raw GGA/GGA+U total energies to which the MP2020 corrections apply.</summary>
    public static bool AcceptsMp2020(string name) => Dataset(name).Method.StartsWith("DFT total energy", StringComparison.Ordinal);

    /// <summary>The entries of a built-in dataset.</summary>
    public static IReadOnlyList<ThermoEntry> Load(string name) => Dataset(name).Entries;

    /// <summary>A built-in dataset with its method and description.</summary>
    public static BuiltinDataset Dataset(string name)
    {
        if (!Sets.TryGetValue(name, out var set))
            throw new InvalidInputException($"unknown built-in dataset \"{name}\"; available: {string.Join(", ", Sets.Keys)}");
        var full = Parse(ReadResource(set.Resource), set.Resource);
        if (set.Elements is null) return full with { Name = name };
        var allowed = set.Elements.ToHashSet();
        var entries = full.Entries.Where(e => e.Composition.Elements.All(el => allowed.Contains(el.Symbol))).ToArray();
        return full with { Name = name, Entries = entries };
    }

    /// <summary>
    /// Parse a dataset document: <c>{"name", "method", "description", "entries": [...]}</c>. Entries are either formation
    /// enthalpies (<c>formula</c>, <c>formationEnthalpyEvPerFormulaUnit</c> or <c>formationEnthalpyKJPerMol</c>, <c>id</c>) or
    /// pymatgen ComputedEntry dicts; each has <c>method</c> (must equal the dataset's) and <c>source</c>.
    /// </summary>
    public static BuiltinDataset Parse(string json, string sourceName)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        string Text(JsonElement e, string key, string where) =>
            e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : throw new InvalidInputException($"{where}: missing text \"{key}\"");
        string method = Text(root, "method", sourceName);
        var items = root.GetProperty("entries").EnumerateArray().ToArray();
        var entries = new List<ThermoEntry>();
        bool computed = items.Length > 0 && items[0].TryGetProperty("energy", out _);
        var parsed = computed ? EntryFile.ParseJson(root.GetProperty("entries").GetRawText(), sourceName) : null;
        for (int i = 0; i < items.Length; i++)
        {
            string where = $"{sourceName}: entry {i}";
            string entryMethod = Text(items[i], "method", where);
            if (entryMethod != method)
                throw new InvalidInputException($"{where}: method \"{entryMethod}\" differs from the dataset's \"{method}\"; a dataset must not mix methods");
            string source = Text(items[i], "source", where);
            if (parsed is not null)
            {
                entries.Add(parsed[i] with { Source = source });
                continue;
            }
            var composition = Formula.Parse(Text(items[i], "formula", where)).Composition;
            double energyEv;
            if (items[i].TryGetProperty("formationEnthalpyEvPerFormulaUnit", out var ev) && ev.ValueKind == JsonValueKind.Number)
                energyEv = ev.GetDouble();
            else if (items[i].TryGetProperty("formationEnthalpyKJPerMol", out var kj) && kj.ValueKind == JsonValueKind.Number)
                energyEv = kj.GetDouble() * 1e3 / PhysicalConstants.FaradayCPerMol; // kJ/mol → eV per formula unit (1 eV·N_A = F J/mol)
            else
                throw new InvalidInputException($"{where}: needs formationEnthalpyEvPerFormulaUnit or formationEnthalpyKJPerMol");
            string? molecular = items[i].TryGetProperty("displayFormula", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            if (molecular is not null && Formula.Parse(molecular).Composition.ReducedFormula != composition.ReducedFormula)
                throw new InvalidInputException($"{where}: displayFormula \"{molecular}\" is not the composition of \"{Text(items[i], "formula", where)}\"");
            entries.Add(new ThermoEntry(Text(items[i], "id", where), composition, energyEv, 0, source) { MolecularFormula = molecular });
        }
        var ids = new HashSet<string>();
        foreach (var e in entries)
            if (!ids.Add(e.Id)) throw new InvalidInputException($"{sourceName}: duplicate entry id \"{e.Id}\"");
        string description = root.TryGetProperty("description", out var d) ? d.GetString() ?? "" : "";
        string name = root.TryGetProperty("name", out var n) ? n.GetString() ?? sourceName : sourceName;
        return new BuiltinDataset(name, method, description, entries);
    }

    private static string ReadResource(string file)
    {
        string resource = "Borolyte.data.thermo." + file;
        using var stream = typeof(BuiltinEntries).Assembly.GetManifestResourceStream(resource)
                           ?? throw new InvalidOperationException($"embedded resource {resource} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
