using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Borolyte.Cells.Simulation;

/// <summary>
/// A mapping of a simulation spec with its dotted path, reading typed fields with one-line errors
/// "file:line: field what was wrong" (the line of the field's key, as YamlDotNet reports it).
/// </summary>
internal sealed class SpecSection(string source, YamlMappingNode node, string path)
{
    public string Source => source;
    public YamlMappingNode Node => node;

    public string Field(string key) => path.Length == 0 ? key : key.Length == 0 ? path : $"{path}.{key}";

    public IEnumerable<string> Keys => node.Children.Keys.Select(k => (k as YamlScalarNode)?.Value ?? k.ToString());

    public long LineOf(string key) =>
        node.Children.Keys.FirstOrDefault(k => k is YamlScalarNode s && s.Value == key)?.Start.Line ?? node.Start.Line;

    public InvalidInputException Error(string key, string message) => new($"{source}:{LineOf(key)}: {Field(key)} {message}");

    public InvalidInputException Missing(string key, string why = "") =>
        new($"{source}:{node.Start.Line}: {Field(key)} is required{why}");

    public void AllowOnly(IReadOnlyCollection<string> keys)
    {
        foreach (var k in node.Children.Keys)
        {
            string name = (k as YamlScalarNode)?.Value ?? k.ToString();
            if (!keys.Contains(name))
                throw new InvalidInputException($"{source}:{k.Start.Line}: unknown field '{Field(name)}' (known: {string.Join(", ", keys)})");
        }
    }

    public YamlNode? Get(string key) => node.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

    public bool Has(string key) => Get(key) is not null;

    public string? String(string key)
    {
        var v = Get(key);
        if (v is null) return null;
        if (v is not YamlScalarNode { Value: { Length: > 0 } s } || string.IsNullOrWhiteSpace(s))
            throw Error(key, "must be a non-empty value");
        return s.Trim();
    }

    public string RequiredString(string key, string why = "") => String(key) ?? throw Missing(key, why);

    public double? Number(string key)
    {
        string? text = String(key);
        if (text is null) return null;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v)
            ? v : throw Error(key, $"must be a number, got '{text}'");
    }

    public double? Positive(string key)
    {
        double? v = Number(key);
        return v is { } x && !(x > 0) ? throw Error(key, $"must be greater than zero, got {Text(x)}") : v;
    }

    public double RequiredPositive(string key, string why = "") => Positive(key) ?? throw Missing(key, why);

    public double? NonNegative(string key)
    {
        double? v = Number(key);
        return v is { } x && x < 0 ? throw Error(key, $"must be ≥ 0, got {Text(x)}") : v;
    }

    /// <summary>A fraction in (0, 1].</summary>
    public double? FractionUpToOne(string key)
    {
        double? v = Number(key);
        return v is { } x && !(x > 0 && x <= 1) ? throw Error(key, $"must be in (0, 1], got {Text(x)}") : v;
    }

    /// <summary>A fraction in [0, 1).</summary>
    public double? FractionBelowOne(string key)
    {
        double? v = Number(key);
        return v is { } x && !(x >= 0 && x < 1) ? throw Error(key, $"must be in [0, 1), got {Text(x)}") : v;
    }

    /// <summary>A fraction in [0, 1].</summary>
    public double? ClosedFraction(string key)
    {
        double? v = Number(key);
        return v is { } x && !(x >= 0 && x <= 1) ? throw Error(key, $"must be in [0, 1], got {Text(x)}") : v;
    }

    public bool? Bool(string key) => String(key)?.ToLowerInvariant() switch
    {
        null => null,
        "true" or "yes" or "on" => true,
        "false" or "no" or "off" => false,
        var other => throw Error(key, $"must be true or false, got '{other}'"),
    };

    public SpecSection? Section(string key)
    {
        var v = Get(key);
        if (v is null) return null;
        return v is YamlMappingNode m ? new SpecSection(source, m, Field(key)) : throw Error(key, "must be a mapping of fields");
    }

    public static string Text(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
