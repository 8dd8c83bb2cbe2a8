using System.Globalization;
using System.Text.Json;
using CsvHelper;

namespace Borolyte.Knowledge;

/// <summary>
/// The flattened CSV layout of a dataset (docs/knowledge-base.md, "CSV layout"): one file, one row per record,
/// a `kind` column (reference|anion|compound|property|cell) and the union of all record fields as columns.
/// Fields a kind does not have are empty. Empty cell = null. Lists (aliases, anions, references) are JSON
/// arrays in one cell; an empty cell is an empty list. Numbers use the invariant culture and the shortest
/// representation that round-trips exactly.
/// </summary>
public static class KnowledgeCsv
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "kind", "id", "seed", "number", "citation", "doi",
        "formula", "name", "charge", "class", "vertices",
        "aliases", "carrierIon", "anions", "conductingPhaseStructure", "densityGPerCm3", "category",
        "compound", "quantity", "value", "unit", "temperatureC", "phase", "method", "qualifier",
        "cathode", "electrolyte", "anode", "cathodeComposition", "cathodeLoadingMgPerCm2", "stackPressureMPa", "cRate",
        "currentDensityMAPerCm2", "voltageLowV", "voltageHighV", "capacityMAhPerG", "coulombicEfficiency", "retention", "retentionCycles",
        "note", "section", "references", "quote",
    ];

    private static readonly JsonSerializerOptions ListJson = KnowledgeJson.Options;
    private static readonly JsonSerializerOptions CompactJson = new(KnowledgeJson.Options) { WriteIndented = false };

    public static string Write(KnowledgeDataset dataset)
    {
        var d = KnowledgeNormalisation.Normalise(dataset);
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        using (var csv = CsvWriter.Create(text, WriterOptions, leaveOpen: true))
        {
            csv.WriteRecord(Columns.ToArray());
            foreach (var r in d.References)
                Row(csv, new() { ["kind"] = "reference", ["seed"] = r.Seed, ["number"] = I(r.Number), ["citation"] = r.Citation, ["doi"] = r.Doi });
            foreach (var a in d.Anions)
                Row(csv, new()
                {
                    ["kind"] = "anion", ["id"] = a.Id, ["formula"] = a.Formula, ["name"] = a.Name, ["charge"] = I(a.Charge),
                    ["class"] = a.ClusterClass, ["vertices"] = I(a.Vertices),
                });
            foreach (var c in d.Compounds)
                Row(csv, new()
                {
                    ["kind"] = "compound", ["id"] = c.Id, ["formula"] = c.Formula, ["name"] = c.Name, ["aliases"] = List(c.Aliases),
                    ["carrierIon"] = c.CarrierIon, ["anions"] = List(c.Anions), ["conductingPhaseStructure"] = c.ConductingPhaseStructure,
                    ["densityGPerCm3"] = D(c.DensityGPerCm3), ["category"] = c.Category,
                });
            foreach (var p in d.Properties)
                Row(csv, Source(new()
                {
                    ["kind"] = "property", ["id"] = p.Id, ["compound"] = p.Compound, ["quantity"] = p.Quantity, ["value"] = D(p.Value),
                    ["unit"] = p.Unit, ["temperatureC"] = D(p.TemperatureC), ["phase"] = p.Phase, ["method"] = p.Method,
                    ["qualifier"] = p.Qualifier, ["note"] = p.Note,
                }, p.Source));
            foreach (var c in d.Cells)
                Row(csv, Source(new()
                {
                    ["kind"] = "cell", ["id"] = c.Id, ["cathode"] = c.Cathode, ["electrolyte"] = c.Electrolyte, ["anode"] = c.Anode,
                    ["cathodeComposition"] = c.CathodeComposition, ["cathodeLoadingMgPerCm2"] = D(c.CathodeLoadingMgPerCm2),
                    ["temperatureC"] = D(c.TemperatureC), ["stackPressureMPa"] = D(c.StackPressureMPa), ["cRate"] = D(c.CRate),
                    ["currentDensityMAPerCm2"] = D(c.CurrentDensityMAPerCm2), ["voltageLowV"] = D(c.VoltageLowV),
                    ["voltageHighV"] = D(c.VoltageHighV), ["capacityMAhPerG"] = D(c.CapacityMAhPerG),
                    ["coulombicEfficiency"] = D(c.CoulombicEfficiency), ["retention"] = D(c.Retention),
                    ["retentionCycles"] = I(c.RetentionCycles), ["note"] = c.Note,
                }, c.Source));
        }
        return text.ToString();
    }

    /// <summary>Reads the flattened layout. <paramref name="lines"/> receives each record's 1-based line number, keyed by (kind list name, index).</summary>
    public static KnowledgeDataset Read(string text, string sourceName) => Read(text, sourceName, out _);

    public static KnowledgeDataset Read(string text, string sourceName, out IReadOnlyDictionary<(string Kind, int Index), int> lines)
    {
        var lineMap = new Dictionary<(string, int), int>();
        var references = new List<Reference>();
        var anions = new List<Anion>();
        var compounds = new List<Compound>();
        var properties = new List<PropertyRecord>();
        var cells = new List<PublishedCell>();

        using var csv = CsvReader.FromText(text, ReaderOptions);
        string[] header;
        try
        {
            header = csv.Headers.ToArray();
        }
        catch (CsvFormatException ex)
        {
            throw new InvalidInputException($"{sourceName} line 1: unreadable CSV header ({OneLine(ex.Message)})", ex);
        }
        if (header.Length == 0 || header.All(string.IsNullOrEmpty))
            throw new InvalidInputException($"{sourceName}: the file is empty; expected a header row with columns {string.Join(",", Columns)}");
        var missing = Columns.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
            throw new InvalidInputException($"{sourceName} line 1: missing column(s) {string.Join(", ", missing)}; the layout needs: {string.Join(",", Columns)}");

        while (true)
        {
            bool more;
            try { more = csv.Read(); }
            catch (CsvFormatException ex)
            {
                throw new InvalidInputException($"{sourceName} line {ex.LineNumber}: unreadable CSV ({OneLine(ex.Message)})", ex);
            }
            if (!more) break;
            int line = (int)csv.LineNumber;
            if (csv.FieldCount != header.Length)
                throw new InvalidInputException($"{sourceName} line {line}: expected {header.Length} fields, found {csv.FieldCount} (truncated row or unquoted comma?)");
            var row = new CsvRow(csv, sourceName, line);
            var kind = row.Str("kind");
            switch (kind)
            {
                case "reference":
                    lineMap[("references", references.Count)] = line;
                    references.Add(new Reference { Seed = row.Req("seed"), Number = row.Int("number") ?? 0, Citation = row.Str("citation"), Doi = row.Str("doi") });
                    break;
                case "anion":
                    lineMap[("anions", anions.Count)] = line;
                    anions.Add(new Anion
                    {
                        Id = row.Req("id"), Formula = row.Req("formula"), Name = row.Str("name"), Charge = row.Int("charge") ?? 0,
                        ClusterClass = row.Str("class"), Vertices = row.Int("vertices"),
                    });
                    break;
                case "compound":
                    lineMap[("compounds", compounds.Count)] = line;
                    compounds.Add(new Compound
                    {
                        Id = row.Req("id"), Formula = row.Req("formula"), Name = row.Str("name"), Aliases = row.List<string>("aliases"),
                        CarrierIon = row.Str("carrierIon"), Anions = row.List<AnionFraction>("anions"),
                        ConductingPhaseStructure = row.Str("conductingPhaseStructure"), DensityGPerCm3 = row.Dbl("densityGPerCm3"),
                        Category = row.Str("category"),
                    });
                    break;
                case "property":
                    lineMap[("properties", properties.Count)] = line;
                    properties.Add(new PropertyRecord
                    {
                        Id = row.Req("id"), Compound = row.Req("compound"), Quantity = row.Req("quantity"),
                        Value = row.Dbl("value") ?? throw row.Problem("value", "is empty; a property needs a value"),
                        Unit = row.Req("unit"), TemperatureC = row.Dbl("temperatureC"), Phase = row.Str("phase"), Method = row.Str("method"),
                        Qualifier = row.Str("qualifier"), Note = row.Str("note"), Source = row.Source(),
                    });
                    break;
                case "cell":
                    lineMap[("cells", cells.Count)] = line;
                    cells.Add(new PublishedCell
                    {
                        Id = row.Req("id"), Cathode = row.Str("cathode"), Electrolyte = row.Str("electrolyte"), Anode = row.Str("anode"),
                        CathodeComposition = row.Str("cathodeComposition"), CathodeLoadingMgPerCm2 = row.Dbl("cathodeLoadingMgPerCm2"),
                        TemperatureC = row.Dbl("temperatureC"), StackPressureMPa = row.Dbl("stackPressureMPa"), CRate = row.Dbl("cRate"),
                        CurrentDensityMAPerCm2 = row.Dbl("currentDensityMAPerCm2"), VoltageLowV = row.Dbl("voltageLowV"),
                        VoltageHighV = row.Dbl("voltageHighV"), CapacityMAhPerG = row.Dbl("capacityMAhPerG"),
                        CoulombicEfficiency = row.Dbl("coulombicEfficiency"), Retention = row.Dbl("retention"),
                        RetentionCycles = row.Int("retentionCycles"), Note = row.Str("note"), Source = row.Source(),
                    });
                    break;
                default:
                    throw row.Problem("kind", $"'{kind}' is not one of reference, anion, compound, property, cell");
            }
        }
        lines = lineMap;
        return KnowledgeNormalisation.Normalise(new KnowledgeDataset
        {
            References = references, Anions = anions, Compounds = compounds, Properties = properties, Cells = cells,
        });
    }

    private static Dictionary<string, string?> Source(Dictionary<string, string?> row, SourceCitation? s)
    {
        if (s is null) return row;
        row["seed"] = s.Seed;
        row["section"] = s.Section;
        row["references"] = List(s.References);
        row["quote"] = s.Quote;
        row["doi"] = s.Doi;
        return row;
    }

    private static void Row(CsvWriter csv, Dictionary<string, string?> values) =>
        csv.WriteRecord(Columns.Select(column => values.GetValueOrDefault(column) ?? "").ToArray());

    // Injection protection off: qualifiers such as "=" or "<" are data, not spreadsheet formulas.
    private static readonly CsvWriterOptions WriterOptions = new() { NewLine = "\n", Injection = CsvInjection.None };
    private static readonly CsvReaderOptions ReaderOptions = new()
    {
        TrackLineNumbers = true,
        FieldCountMismatch = CsvFieldCountHandling.Allow,
        MalformedData = CsvMalformedDataHandling.Throw,
    };

    private static string? D(double? v) => v?.ToString("R", CultureInfo.InvariantCulture);
    private static string? I(int? v) => v?.ToString(CultureInfo.InvariantCulture);
    private static string? List<T>(IReadOnlyList<T> items) => items.Count == 0 ? null : JsonSerializer.Serialize(items, CompactJson);
    private static string OneLine(string s) => s.ReplaceLineEndings(" ").Trim();

    /// <summary>Typed access to one CSV row, with errors that name the file, line and column.</summary>
    private sealed class CsvRow(CsvReader csv, string sourceName, int line)
    {
        public InvalidInputException Problem(string column, string what) =>
            new($"{sourceName} line {line}: column '{column}' {what}");

        public string? Str(string column)
        {
            var s = csv.GetString(column);
            return string.IsNullOrEmpty(s) ? null : s;
        }

        public string Req(string column) => Str(column) ?? throw Problem(column, "is empty but required for this kind");

        public double? Dbl(string column)
        {
            var s = Str(column);
            if (s is null) return null;
            if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)) return v;
            throw Problem(column, $"is not a number: '{s}'");
        }

        public int? Int(string column)
        {
            var s = Str(column);
            if (s is null) return null;
            if (int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)) return v;
            throw Problem(column, $"is not an integer: '{s}'");
        }

        public IReadOnlyList<T> List<T>(string column)
        {
            var s = Str(column);
            if (s is null) return [];
            try
            {
                return JsonSerializer.Deserialize<List<T>>(s, ListJson) ?? [];
            }
            catch (JsonException ex)
            {
                throw Problem(column, $"is not a JSON array: '{s}' ({OneLine(ex.Message.Split(" Path:")[0])})");
            }
        }

        public SourceCitation? Source()
        {
            var seed = Str("seed");
            if (seed is null && Str("section") is null && Str("references") is null && Str("quote") is null && Str("doi") is null)
                return null;
            return new SourceCitation
            {
                Seed = seed ?? "", Section = Str("section"), References = List<int>("references"), Quote = Str("quote"), Doi = Str("doi"),
            };
        }
    }
}
