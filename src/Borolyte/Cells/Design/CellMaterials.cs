using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Borolyte.Cells.Design;

/// <summary>
/// The built-in catalogue of cell materials, read from data/cells/materials.yaml (embedded in the library), where every
/// number carries its source. Lookup is case-insensitive by name; a spec may override any density.
/// </summary>
public static class CellMaterials
{
    /// <summary>The embedded catalogue's resource name (data/cells/materials.yaml).</summary>
    public const string ResourceName = "Borolyte.data.cells.materials.yaml";

    private const string FileName = "data/cells/materials.yaml";

    public static IReadOnlyList<CellMaterial> All { get; } = Load();

    public static CellMaterial? Find(string name) =>
        All.FirstOrDefault(m => string.Equals(m.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));

    public static CellMaterial Get(string name) =>
        Find(name) ?? throw new InvalidInputException(
            $"unknown material '{name}'; the catalogue has {string.Join(", ", All.Select(m => m.Name))} (or give its density explicitly)");

    private static IReadOnlyList<CellMaterial> Load()
    {
        using var stream = typeof(CellMaterials).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} ({FileName}) is missing");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), FileName);
    }

    /// <summary>
    /// Parses a catalogue in the format of data/cells/materials.yaml. A malformed catalogue is a build defect of the
    /// library, not user input: it throws <see cref="InvalidOperationException"/> naming the file, line and field.
    /// </summary>
    public static IReadOnlyList<CellMaterial> Parse(string yaml, string source)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("materials"), out var listNode) || listNode is not YamlSequenceNode list)
            throw new InvalidOperationException($"{source}: expected a mapping with a 'materials' list");
        var materials = new List<CellMaterial>();
        foreach (var item in list.Children)
        {
            if (item is not YamlMappingNode m) throw new InvalidOperationException($"{source}:{item.Start.Line}: each material must be a mapping");
            Exception Bad(string field, string what) => new InvalidOperationException($"{source}:{m.Start.Line}: {field} {what}");
            string? Text(string key) => m.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlScalarNode { Value: { Length: > 0 } s } ? s : null;
            double? Number(string key) => Text(key) is { } t
                ? double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) && double.IsFinite(x) ? x : throw Bad(key, $"must be a number, got '{t}'")
                : null;
            foreach (var key in m.Children.Keys.Cast<YamlScalarNode>().Select(k => k.Value))
                if (key is not ("name" or "role" or "densityGPerCm3" or "densitySource" or "formula" or "electronsPerFormulaUnit" or "theoreticalCapacityMAhPerG" or "capacitySource"))
                    throw Bad(key ?? "", "is not a catalogue field");
            string name = Text("name") ?? throw Bad("name", "is required");
            var role = Text("role") switch
            {
                "active" => MaterialRole.ActiveMaterial,
                "binder" => MaterialRole.Binder,
                "carbon" => MaterialRole.Carbon,
                "electrolyte" => MaterialRole.Electrolyte,
                "currentCollector" => MaterialRole.CurrentCollector,
                "metal" => MaterialRole.Metal,
                var other => throw Bad("role", $"must be active, binder, carbon, electrolyte, currentCollector or metal, got '{other}'"),
            };
            double density = Number("densityGPerCm3") is { } d && d > 0 ? d : throw Bad("densityGPerCm3", "must be a number greater than zero");
            string densitySource = Text("densitySource") ?? throw Bad("densitySource", $"is required ({name}: every value keeps its source)");
            string? formula = Text("formula");
            double? electrons = Number("electronsPerFormulaUnit");
            string? capacitySource = Text("capacitySource");
            if (formula is null != electrons is null || (electrons is not null && capacitySource is null))
                throw Bad("formula", $"({name}): formula, electronsPerFormulaUnit and capacitySource go together");
            var material = new CellMaterial(name, role, density * CellUnits.KgPerM3PerGPerCm3, densitySource, formula, electrons, capacitySource);
            // The written theoretical capacity is documentation; Faraday's law (CellMaterial.TheoreticalCapacityMAhPerG) must agree with it.
            if (Number("theoreticalCapacityMAhPerG") is { } stated
                && !(material.TheoreticalCapacityMAhPerG is { } computed && Math.Abs(computed - stated) <= 0.1))
                throw Bad("theoreticalCapacityMAhPerG", string.Create(CultureInfo.InvariantCulture,
                    $"({name}) says {stated} mAh/g but n·F/(3.6·M) gives {material.TheoreticalCapacityMAhPerG?.ToString("0.###", CultureInfo.InvariantCulture) ?? "nothing (no formula)"}"));
            if (materials.Any(x => string.Equals(x.Name, name, StringComparison.OrdinalIgnoreCase))) throw Bad("name", $"'{name}' appears twice");
            materials.Add(material);
        }
        return materials;
    }
}
