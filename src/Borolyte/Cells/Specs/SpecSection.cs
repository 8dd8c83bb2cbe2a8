using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Borolyte.Cells.Specs;

/// <summary>
/// A mapping of a YAML spec (cell design or simulation) with its dotted path, reading typed fields with one-line errors
/// "file:line: field what was wrong" (the line of the field's key, as YamlDotNet reports it; the mapping's own line for a
/// missing field or the mapping as a whole). Wording and blank values follow the spec's <see cref="SpecConventions"/>.
/// </summary>
internal sealed class SpecSection(SpecConventions conventions, string source, YamlMappingNode node, string path)
{
    public string Source => source;
    public YamlMappingNode Node => node;

    /// <summary>The dotted path of a field of this mapping; of the mapping itself for "".</summary>
    public string Field(string key) => path.Length == 0 ? key : key.Length == 0 ? path : $"{path}.{key}";

    public IEnumerable<string> Keys => node.Children.Keys.Select(k => (k as YamlScalarNode)?.Value ?? k.ToString());

    public long LineOf(string key) =>
        node.Children.Keys.FirstOrDefault(k => k is YamlScalarNode s && s.Value == key)?.Start.Line ?? node.Start.Line;

    /// <summary>An error about a field (at its line), or about the mapping as a whole for "" (at the mapping's line).</summary>
    public InvalidInputException Error(string key, string message) =>
        conventions.Exception($"{source}:{(key.Length == 0 ? node.Start.Line : LineOf(key))}: {Field(key)} {message}");

    /// <param name="why">what follows "is required" (default: the conventions' wording for no reason)</param>
    public InvalidInputException Missing(string key, string? why = null) =>
        conventions.Exception($"{source}:{node.Start.Line}: {Field(key)} is required{why ?? conventions.RequiredWithoutReason}");

    public void AllowOnly(params IReadOnlyCollection<string> keys)
    {
        foreach (var k in node.Children.Keys)
        {
            string name = (k as YamlScalarNode)?.Value ?? k.ToString();
            if (!keys.Contains(name))
                throw conventions.Exception($"{source}:{k.Start.Line}: unknown field '{Field(name)}'{conventions.KnownFields(string.Join(", ", keys))}");
        }
    }

    public YamlNode? Get(string key) => node.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

    private static bool IsBlank(YamlNode v) => v is YamlScalarNode { Value: null or "" or "~" or "null" };

    /// <summary>The field is there (and, where blanks are absent, not blank).</summary>
    public bool Has(string key) => Get(key) is { } v && !(conventions.BlankIsAbsent && IsBlank(v));

    public string? String(string key)
    {
        var v = Get(key);
        if (v is null) return null;
        if (v is YamlScalarNode { Value: var text })
        {
            bool blank = string.IsNullOrWhiteSpace(text);
            if (conventions.BlankIsAbsent && (blank || text is "~" or "null")) return null;
            if (!blank) return text!.Trim();
        }
        throw Error(key, conventions.NotAValue);
    }

    public string RequiredString(string key, string? why = null) => String(key) ?? throw Missing(key, why);

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

    public double RequiredPositive(string key, string? why = null) => Positive(key) ?? throw Missing(key, why);

    public double? NonNegative(string key)
    {
        double? v = Number(key);
        return v is { } x && x < 0 ? throw Error(key, $"must be ≥ 0, got {Text(x)}") : v;
    }

    public double RequiredNonNegative(string key) => NonNegative(key) ?? throw Missing(key);

    /// <summary>A fraction in (0, 1].</summary>
    public double? FractionUpToOne(string key)
    {
        double? v = Number(key);
        return v is { } x && !(x > 0 && x <= 1) ? throw Error(key, $"must be {conventions.RangeWording} (0, 1], got {Text(x)}") : v;
    }

    /// <summary>A fraction in [0, 1).</summary>
    public double? FractionBelowOne(string key)
    {
        double? v = Number(key);
        return v is { } x && !(x >= 0 && x < 1) ? throw Error(key, $"must be {conventions.RangeWording} [0, 1), got {Text(x)}") : v;
    }

    /// <summary>A fraction in [0, 1].</summary>
    public double? ClosedFraction(string key)
    {
        double? v = Number(key);
        return v is { } x && !(x >= 0 && x <= 1) ? throw Error(key, $"must be {conventions.RangeWording} [0, 1], got {Text(x)}") : v;
    }

    /// <summary>A whole number ≥ 1 (written as the conventions require).</summary>
    public int? PositiveWholeNumber(string key)
    {
        if (conventions.WholeNumbersAreIntegerLiterals)
        {
            string? text = String(key);
            if (text is null) return null;
            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n >= 1
                ? n : throw Error(key, $"must be a whole number ≥ 1, got '{text}'");
        }
        double? v = Positive(key);
        if (v is not { } x) return null;
        return x == Math.Floor(x) ? (int)x : throw Error(key, $"must be a whole number ≥ 1, got {Text(x)}");
    }

    public bool? Bool(string key) => String(key)?.ToLowerInvariant() switch
    {
        null => null,
        "true" or "yes" => true,
        "false" or "no" => false,
        "on" when conventions.OnOffAreBooleans => true,
        "off" when conventions.OnOffAreBooleans => false,
        var other => throw Error(key, $"must be true or false, got '{other}'"),
    };

    /// <summary>A mapping, or null when absent (or, with <paramref name="allowScalar"/>, when it is a single value).</summary>
    public SpecSection? Section(string key, bool allowScalar = false)
    {
        var v = Get(key);
        if (v is null || (conventions.BlankIsAbsent && IsBlank(v))) return null;
        if (allowScalar && v is YamlScalarNode) return null;
        return v is YamlMappingNode m ? new SpecSection(conventions, source, m, Field(key)) : throw Error(key, "must be a mapping of fields");
    }

    public SpecSection RequiredSection(string key) => Section(key) ?? throw Missing(key);

    /// <summary>A list of mappings (none when absent), each with its 0-based index; items are named "field[n]" from 1.</summary>
    public IEnumerable<(SpecSection Item, int Index)> Sequence(string key)
    {
        var v = Get(key);
        if (v is null || (conventions.BlankIsAbsent && IsBlank(v))) yield break;
        if (v is not YamlSequenceNode seq) throw Error(key, "must be a list");
        for (int i = 0; i < seq.Children.Count; i++)
        {
            if (seq.Children[i] is not YamlMappingNode m)
                throw conventions.Exception($"{source}:{seq.Children[i].Start.Line}: {Field(key)}[{i + 1}] must be a mapping of fields");
            yield return (new SpecSection(conventions, source, m, $"{Field(key)}[{i + 1}]"), i);
        }
    }

    public static string Text(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
