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
                double correction = 0, variance = 0;
                if (item.TryGetProperty("energy_adjustments", out var adjustments) && adjustments.ValueKind == JsonValueKind.Array && adjustments.GetArrayLength() > 0)
                {
                    foreach (var adj in adjustments.EnumerateArray())
                    {
                        correction += AdjustmentValue(adj, where);
                        double u = AdjustmentUncertainty(adj);
                        variance += u * u;
                    }
                }
                else if (item.TryGetProperty("correction", out var corr) && corr.ValueKind == JsonValueKind.Number)
                {
                    correction = corr.GetDouble();
                }
                string id = item.TryGetProperty("entry_id", out var idElement) && idElement.ValueKind is JsonValueKind.String or JsonValueKind.Number
                    ? idElement.ToString()
                    : $"{composition.ReducedFormula}-{index}";
                if (!double.IsFinite(energy + correction)) throw new InvalidInputException($"{where}: energy must be finite");
                entries.Add(new ThermoEntry(id, composition, energy + correction, correction, $"{sourceName} entry {index}")
                {
                    Calculation = ReadCalculation(item, where),
                    CorrectionUncertaintyEv = Math.Sqrt(variance),
                });
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

    // ConstantEnergyAdjustment: uncertainty; CompositionEnergyAdjustment: uncertainty_per_atom × n_atoms; NaN or absent: 0.
    private static double AdjustmentUncertainty(JsonElement adj)
    {
        static double Number(JsonElement o, string key) => o.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : 0;
        double u = adj.TryGetProperty("uncertainty_per_atom", out _) ? Number(adj, "uncertainty_per_atom") * Number(adj, "n_atoms") : Number(adj, "uncertainty");
        return double.IsFinite(u) ? Math.Abs(u) : 0;
    }

    // parameters.run_type, parameters.hubbards, data.oxide_type, data.sulfide_type, data.oxidation_states (pymatgen ComputedEntry).
    private static CalculationInfo? ReadCalculation(JsonElement item, string where)
    {
        string? runType = null, oxideType = null, sulfideType = null;
        Dictionary<string, double>? hubbards = null, oxidation = null;
        static Dictionary<string, double>? Numbers(JsonElement parent, string key, string where)
        {
            if (!parent.TryGetProperty(key, out var o) || o.ValueKind == JsonValueKind.Null) return null;
            if (o.ValueKind != JsonValueKind.Object) throw new InvalidInputException($"{where}: \"{key}\" must be an object of numbers by element");
            var d = new Dictionary<string, double>();
            foreach (var p in o.EnumerateObject())
            {
                if (p.Value.ValueKind != JsonValueKind.Number) throw new InvalidInputException($"{where}: \"{key}\".\"{p.Name}\" must be a number");
                d[p.Name] = p.Value.GetDouble();
            }
            return d;
        }
        static string? Text(JsonElement parent, string key) =>
            parent.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        bool any = false;
        if (item.TryGetProperty("parameters", out var parameters) && parameters.ValueKind == JsonValueKind.Object)
        {
            runType = Text(parameters, "run_type");
            hubbards = Numbers(parameters, "hubbards", where);
            any = true;
        }
        if (item.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object)
        {
            oxideType = Text(data, "oxide_type");
            sulfideType = Text(data, "sulfide_type");
            oxidation = Numbers(data, "oxidation_states", where);
            any = true;
        }
        return any ? new CalculationInfo(runType, hubbards, oxideType, sulfideType, oxidation) : null;
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
