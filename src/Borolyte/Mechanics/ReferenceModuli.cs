using System.Text.Json;

namespace Borolyte.Mechanics;

/// <summary>
/// Sourced bulk and shear moduli of electrolyte classes and alkali metals for the G–B plot (review Figure 12b), from the
/// embedded data/mechanics/reference-moduli.json (every entry with its source and method; data/mechanics/README.md).
/// </summary>
public static class ReferenceModuli
{
    private const string Resource = "Borolyte.data.mechanics.reference-moduli.json";

    /// <summary>The entries as plot points, named "material (class)", the source as given.</summary>
    public static IReadOnlyList<ModulusPoint> Load()
    {
        using var stream = typeof(ReferenceModuli).Assembly.GetManifestResourceStream(Resource)
                           ?? throw new InvalidOperationException($"embedded resource {Resource} is missing");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "reference-moduli.json");
    }

    /// <summary>Parse <c>{"entries": [{"material", "class", "bulkModulusGpa", "shearModulusGpa", "qualifier", "method", "source"}]}</c>.</summary>
    public static IReadOnlyList<ModulusPoint> Parse(string json, string sourceName)
    {
        using var doc = JsonDocument.Parse(json);
        var list = new List<ModulusPoint>();
        int i = 0;
        foreach (var e in doc.RootElement.GetProperty("entries").EnumerateArray())
        {
            string where = $"{sourceName}: entry {i++}";
            string Text(string key) => e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String && v.GetString()!.Trim().Length > 0
                ? v.GetString()! : throw new InvalidInputException($"{where}: missing text \"{key}\"");
            double Modulus(string key) => e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Number && v.GetDouble() > 0 && double.IsFinite(v.GetDouble())
                ? v.GetDouble() : throw new InvalidInputException($"{where}: \"{key}\" must be a number > 0 (GPa)");
            string qualifier = Text("qualifier");
            if (qualifier is not ("=" or "~"))
                throw new InvalidInputException($"{where}: qualifier \"{qualifier}\" must be \"=\" or \"~\" (values, not bounds)");
            Text("method");
            list.Add(new ModulusPoint($"{Text("material")} ({Text("class")})", Modulus("bulkModulusGpa"), Modulus("shearModulusGpa"), qualifier, qualifier, Text("source")));
        }
        return list;
    }
}
