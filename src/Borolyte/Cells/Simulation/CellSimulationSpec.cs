using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Borolyte.Cells.Simulation;

/// <summary>
/// A simulation spec (YAML): a preset and the parameters to change. Fields: <c>preset</c> (required), <c>temperatureC</c>,
/// <c>separatorThicknessUm</c>, <c>stackPressureMPa</c>, <c>degradation</c> (on/off), and under <c>positive</c>/<c>negative</c>: <c>solidDiffusivityM2PerS</c>,
/// <c>particleRadiusUm</c>, <c>exchangeCurrentDensityMAPerCm2</c>, <c>interfacialResistanceOhmCm2</c>,
/// <c>contactAreaFraction</c>, <c>bruggemanExponent</c>, <c>ocp</c> (built-in name or CSV path, relative to the spec).
/// Errors name the file, line and field.
/// </summary>
public static class CellSimulationSpec
{
    public static (CellPreset Preset, CellParameters Cell) ReadFile(string path)
    {
        if (!File.Exists(path)) throw new InvalidInputException($"{path}: file not found");
        return Parse(File.ReadAllText(path), path, Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".");
    }

    public static (CellPreset Preset, CellParameters Cell) Parse(string yaml, string source, string baseDirectory = ".")
    {
        var stream = new YamlStream();
        try { stream.Load(new StringReader(yaml)); }
        catch (YamlException e) { throw new InvalidInputException($"{source}:{e.Start.Line}: malformed YAML: {e.Message}"); }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new InvalidInputException($"{source}: expected a mapping with at least 'preset'");
        string? presetName = null;
        double? temperatureC = null, separatorUm = null, pressure = null;
        bool? degradation = null;
        YamlMappingNode? pos = null, neg = null;
        foreach (var (keyNode, value) in root.Children)
        {
            string key = ((YamlScalarNode)keyNode).Value ?? "";
            int line = (int)keyNode.Start.Line;
            switch (key)
            {
                case "preset": presetName = Scalar(value, source, line, key); break;
                case "temperatureC": temperatureC = Number(value, source, line, key); break;
                case "separatorThicknessUm": separatorUm = PositiveNumber(value, source, line, key); break;
                case "stackPressureMPa": pressure = PositiveNumber(value, source, line, key); break;
                case "degradation":
                    string flag = Scalar(value, source, line, key);
                    degradation = flag switch { "on" or "true" => true, "off" or "false" => false, _ => throw new InvalidInputException($"{source}:{line}: degradation must be 'on' or 'off', got '{flag}'") };
                    break;
                case "positive": pos = value as YamlMappingNode ?? throw new InvalidInputException($"{source}:{line}: positive must be a mapping"); break;
                case "negative": neg = value as YamlMappingNode ?? throw new InvalidInputException($"{source}:{line}: negative must be a mapping"); break;
                default: throw new InvalidInputException($"{source}:{line}: unknown field '{key}' (known: preset, temperatureC, separatorThicknessUm, stackPressureMPa, degradation, positive, negative)");
            }
        }
        if (presetName is null) throw new InvalidInputException($"{source}: required field 'preset' is missing");
        CellPreset preset;
        try { preset = CellPresets.Get(presetName); }
        catch (InvalidInputException e) { throw new InvalidInputException($"{source}: preset: {e.Message}"); }
        var cell = preset.Cell;
        if (temperatureC is { } t)
        {
            if (t <= -PhysicalConstants.ZeroCelsiusK) throw new InvalidInputException($"{source}: temperatureC must be above −273.15, got {t}");
            cell = cell with { TemperatureK = t + PhysicalConstants.ZeroCelsiusK };
        }
        if (separatorUm is { } s) cell = cell with { SeparatorThicknessM = s * 1e-6 };
        if (pressure is { } pMPa) cell = cell with { Degradation = cell.Degradation with { StackPressureMPa = pMPa } };
        if (degradation == false) cell = cell with { Degradation = DegradationParameters.None };
        if (pos is not null) cell = cell with { Positive = Apply(cell.Positive, pos, source, "positive", baseDirectory) };
        if (neg is not null) cell = cell with { Negative = Apply(cell.Negative, neg, source, "negative", baseDirectory) };
        try { cell.Validate(); }
        catch (InvalidInputException e) { throw new InvalidInputException($"{source}: {e.Message}"); }
        return (preset, cell);
    }

    private static ElectrodeParameters Apply(ElectrodeParameters e, YamlMappingNode map, string source, string section, string baseDirectory)
    {
        foreach (var (keyNode, value) in map.Children)
        {
            string key = ((YamlScalarNode)keyNode).Value ?? "";
            int line = (int)keyNode.Start.Line;
            string field = $"{section}.{key}";
            CompositeElectrodeParameters Composite() => e as CompositeElectrodeParameters
                ?? throw new InvalidInputException($"{source}:{line}: {field} applies only to a composite electrode; the {section} electrode '{e.Name}' is planar");
            e = key switch
            {
                "solidDiffusivityM2PerS" => Composite() with { SolidDiffusivityM2PerS = PositiveNumber(value, source, line, field) },
                "particleRadiusUm" => Composite() with { ParticleRadiusM = PositiveNumber(value, source, line, field) * 1e-6 },
                "bruggemanExponent" => Composite() with { BruggemanExponent = PositiveNumber(value, source, line, field) },
                "exchangeCurrentDensityMAPerCm2" => e with { ExchangeCurrentDensityAPerM2 = PositiveNumber(value, source, line, field) * 10 },
                "interfacialResistanceOhmCm2" => e with { InterfacialResistanceOhmM2 = NonNegative(value, source, line, field) * 1e-4 },
                "contactAreaFraction" => e with { ContactAreaFraction = Fraction(value, source, line, field) },
                "ocp" => e with { Ocp = LoadOcp(Scalar(value, source, line, field), baseDirectory, source, line, field) },
                _ => throw new InvalidInputException($"{source}:{line}: unknown field '{field}' (known: solidDiffusivityM2PerS, particleRadiusUm, bruggemanExponent, exchangeCurrentDensityMAPerCm2, interfacialResistanceOhmCm2, contactAreaFraction, ocp)"),
            };
        }
        return e;
    }

    private static OcpCurve LoadOcp(string text, string baseDirectory, string source, int line, string field)
    {
        try
        {
            return OcpLibrary.Names.Contains(text, StringComparer.OrdinalIgnoreCase) ? OcpLibrary.Get(text)
                : OcpLibrary.Load(Path.IsPathRooted(text) ? text : Path.Combine(baseDirectory, text));
        }
        catch (InvalidInputException ex) { throw new InvalidInputException($"{source}:{line}: {field}: {ex.Message}"); }
    }

    private static string Scalar(YamlNode node, string source, int line, string field) =>
        node is YamlScalarNode { Value: { Length: > 0 } v } ? v : throw new InvalidInputException($"{source}:{line}: {field} must be a non-empty value");

    private static double Number(YamlNode node, string source, int line, string field)
    {
        string text = Scalar(node, source, line, field);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v)
            ? v : throw new InvalidInputException($"{source}:{line}: {field} must be a number, got '{text}'");
    }

    private static double PositiveNumber(YamlNode node, string source, int line, string field)
    {
        double v = Number(node, source, line, field);
        return v > 0 ? v : throw new InvalidInputException($"{source}:{line}: {field} must be greater than zero, got {v}");
    }

    private static double NonNegative(YamlNode node, string source, int line, string field)
    {
        double v = Number(node, source, line, field);
        return v >= 0 ? v : throw new InvalidInputException($"{source}:{line}: {field} must be ≥ 0, got {v}");
    }

    private static double Fraction(YamlNode node, string source, int line, string field)
    {
        double v = Number(node, source, line, field);
        return v > 0 && v <= 1 ? v : throw new InvalidInputException($"{source}:{line}: {field} must be in (0, 1], got {v}");
    }
}
