using System.Globalization;
using System.Text.Json;
using Borolyte.Chemistry;

namespace Borolyte.Thermo;

/// <summary>
/// Reads sets of <see cref="ThermoEntry"/>: (a) a JSON array of pymatgen <c>ComputedEntry</c>/<c>ComputedStructureEntry</c>
/// dicts (as written by <c>entry.as_dict()</c> or the Materials Project API) and (b) CSV with a <c>formula</c> column and
/// either <c>energy_ev</c> (total for the formula as written) or <c>energy_per_atom_ev</c>, and optionally <c>id</c>.
/// </summary>
public static class EntryFile
{
    /// <summary>Read by extension: .json or .csv.</summary>
    public static IReadOnlyList<ThermoEntry> Read(string path)
    {
        if (!File.Exists(path)) throw new InvalidInputException($"{path}: file not found");
        string text = File.ReadAllText(path);
        string name = Path.GetFileName(path);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".json" => ParseJson(text, name),
            ".csv" => ParseCsv(text, name),
            var ext => throw new InvalidInputException($"{name}: unknown entry file type \"{ext}\"; expected .json (pymatgen entry dicts) or .csv (formula, energy_ev or energy_per_atom_ev)"),
        };
    }

    /// <summary>
    /// A JSON array of entry dicts. Energy = <c>energy</c> + the sum of <c>energy_adjustments</c> values when present,
    /// otherwise + <c>correction</c> (pymatgen <c>ComputedEntry.from_dict</c> semantics).
    /// </summary>
    public static IReadOnlyList<ThermoEntry> ParseJson(string text, string sourceName = "entries.json")
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true }); }
        catch (JsonException ex) { throw new InvalidInputException($"{sourceName}: malformed JSON at line {(ex.LineNumber ?? 0) + 1}: {ex.Message.Split('.')[0]}"); }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("entries", out var inner)) root = inner;
            if (root.ValueKind != JsonValueKind.Array)
                throw new InvalidInputException($"{sourceName}: expected a JSON array of entry dicts (or {{\"entries\": [...]}})");
            var entries = new List<ThermoEntry>();
            int index = 0;
            foreach (var item in root.EnumerateArray())
            {
                string where = $"{sourceName}: entry {index}";
                if (item.ValueKind != JsonValueKind.Object) throw new InvalidInputException($"{where}: expected an object");
                var composition = ReadComposition(item, where);
                if (!item.TryGetProperty("energy", out var energyElement) || energyElement.ValueKind != JsonValueKind.Number)
                    throw new InvalidInputException($"{where}: missing number \"energy\" (total energy in eV)");
                double energy = energyElement.GetDouble();
                double correction = 0;
                if (item.TryGetProperty("energy_adjustments", out var adjustments) && adjustments.ValueKind == JsonValueKind.Array && adjustments.GetArrayLength() > 0)
                {
                    foreach (var adj in adjustments.EnumerateArray()) correction += AdjustmentValue(adj, where);
                }
                else if (item.TryGetProperty("correction", out var corr) && corr.ValueKind == JsonValueKind.Number)
                {
                    correction = corr.GetDouble();
                }
                string id = item.TryGetProperty("entry_id", out var idElement) && idElement.ValueKind is JsonValueKind.String or JsonValueKind.Number
                    ? idElement.ToString()
                    : $"{composition.ReducedFormula}-{index}";
                if (!double.IsFinite(energy + correction)) throw new InvalidInputException($"{where}: energy must be finite");
                entries.Add(new ThermoEntry(id, composition, energy + correction, correction, $"{sourceName} entry {index}"));
                index++;
            }
            return Checked(entries, sourceName);
        }
    }

    // ConstantEnergyAdjustment: value; CompositionEnergyAdjustment: adj_per_atom × n_atoms;
    // TemperatureEnergyAdjustment: adj_per_deg × temp × n_atoms (pymatgen.entries.computed_entries).
    private static double AdjustmentValue(JsonElement adj, string where)
    {
        double Get(string key) => adj.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Number
            ? v.GetDouble()
            : throw new InvalidInputException($"{where}: energy adjustment without number \"{key}\"");
        if (adj.ValueKind != JsonValueKind.Object) throw new InvalidInputException($"{where}: energy adjustment must be an object");
        if (adj.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Number) return value.GetDouble();
        if (adj.TryGetProperty("adj_per_atom", out _)) return Get("adj_per_atom") * Get("n_atoms");
        if (adj.TryGetProperty("adj_per_deg", out _)) return Get("adj_per_deg") * Get("temp") * Get("n_atoms");
        throw new InvalidInputException($"{where}: energy adjustment with neither \"value\", \"adj_per_atom\" nor \"adj_per_deg\"");
    }

    private static Composition ReadComposition(JsonElement item, string where)
    {
        if (!item.TryGetProperty("composition", out var comp))
            throw new InvalidInputException($"{where}: missing \"composition\"");
        if (comp.ValueKind == JsonValueKind.String)
            return Formula.Parse(comp.GetString()!).Composition;
        if (comp.ValueKind != JsonValueKind.Object)
            throw new InvalidInputException($"{where}: \"composition\" must be an object such as {{\"Na\": 2, \"B\": 12, \"H\": 12}} or a formula");
        var amounts = new Dictionary<string, double>();
        foreach (var p in comp.EnumerateObject())
        {
            if (p.Value.ValueKind != JsonValueKind.Number)
                throw new InvalidInputException($"{where}: amount of \"{p.Name}\" must be a number");
            if (!PeriodicTable.TryGetBySymbol(p.Name, out _))
                throw new InvalidInputException($"{where}: unknown element \"{p.Name}\" in composition");
            amounts[p.Name] = p.Value.GetDouble();
        }
        var c = Composition.FromDictionary(amounts);
        if (c.IsEmpty) throw new InvalidInputException($"{where}: empty composition");
        return c;
    }

    /// <summary>CSV with a header: formula, energy_ev or energy_per_atom_ev, optional id (comma-separated, '#' comments).</summary>
    public static IReadOnlyList<ThermoEntry> ParseCsv(string text, string sourceName = "entries.csv")
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        int headerLine = Array.FindIndex(lines, l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#'));
        if (headerLine < 0) throw new InvalidInputException($"{sourceName}: empty file; expected a header with formula and energy_ev or energy_per_atom_ev");
        var header = lines[headerLine].Split(',').Select(h => h.Trim().ToLowerInvariant()).ToArray();
        int formulaCol = Array.IndexOf(header, "formula");
        int totalCol = Array.IndexOf(header, "energy_ev");
        int perAtomCol = Array.IndexOf(header, "energy_per_atom_ev");
        int idCol = Array.IndexOf(header, "id");
        if (formulaCol < 0)
            throw new InvalidInputException($"{sourceName}: line {headerLine + 1}: column 'formula' not found; columns are: {string.Join(", ", header)}");
        if (totalCol < 0 && perAtomCol < 0)
            throw new InvalidInputException($"{sourceName}: line {headerLine + 1}: need column 'energy_ev' or 'energy_per_atom_ev'; columns are: {string.Join(", ", header)}");
        if (totalCol >= 0 && perAtomCol >= 0)
            throw new InvalidInputException($"{sourceName}: line {headerLine + 1}: give either 'energy_ev' or 'energy_per_atom_ev', not both");
        var entries = new List<ThermoEntry>();
        for (int i = headerLine + 1; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#')) continue;
            var cells = line.Split(',').Select(s => s.Trim()).ToArray();
            string where = $"{sourceName}: line {i + 1}";
            if (cells.Length != header.Length)
                throw new InvalidInputException($"{where}: expected {header.Length} fields, got {cells.Length}");
            Composition composition;
            try { composition = Formula.Parse(cells[formulaCol]).Composition; }
            catch (InvalidInputException ex) { throw new InvalidInputException($"{where}: formula \"{cells[formulaCol]}\": {ex.Message}"); }
            if (composition.IsEmpty) throw new InvalidInputException($"{where}: empty formula");
            int energyCol = totalCol >= 0 ? totalCol : perAtomCol;
            if (cells[energyCol].Length == 0)
                throw new InvalidInputException($"{where}: missing energy in column '{header[energyCol]}'");
            if (!double.TryParse(cells[energyCol], NumberStyles.Float, CultureInfo.InvariantCulture, out double e) || !double.IsFinite(e))
                throw new InvalidInputException($"{where}: column '{header[energyCol]}' is not a number: \"{cells[energyCol]}\"");
            double total = totalCol >= 0 ? e : e * composition.AtomCount;
            string id = idCol >= 0 && cells[idCol].Length > 0 ? cells[idCol] : $"{cells[formulaCol]}-{entries.Count}";
            entries.Add(new ThermoEntry(id, composition, total, 0, where));
        }
        return Checked(entries, sourceName);
    }

    private static IReadOnlyList<ThermoEntry> Checked(List<ThermoEntry> entries, string sourceName)
    {
        if (entries.Count == 0) throw new InvalidInputException($"{sourceName}: no entries");
        var seen = new HashSet<string>();
        foreach (var e in entries)
            if (!seen.Add(e.Id)) throw new InvalidInputException($"{sourceName}: duplicate entry id \"{e.Id}\"");
        return entries;
    }
}
