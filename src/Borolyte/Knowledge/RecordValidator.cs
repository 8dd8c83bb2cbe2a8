using Borolyte.Knowledge.Units;

namespace Borolyte.Knowledge;

/// <summary>
/// Checks records against docs/knowledge-seed-format.md. Each check returns null or a one-line problem
/// that names the record ("property prop-0042: unit 'S/m' ..."); <see cref="Validate"/> adds the file and
/// record position and throws.
/// </summary>
public static class RecordValidator
{
    public static readonly IReadOnlyList<string> Seeds = ["review", "infiltration", "user"];
    public static readonly IReadOnlyList<string> AnionClasses = ["closo", "nido", "arachno", "hypho"];
    public static readonly IReadOnlyList<string> Categories = ["hydroborate", "sulfide", "oxide", "halide", "electrode", "alloy", "metal", "other"];

    public static string? Check(Reference r)
    {
        var who = $"reference {r.Seed}#{r.Number}";
        if (!Seeds.Contains(r.Seed)) return $"{who}: seed '{r.Seed}' is not one of {string.Join(", ", Seeds)}";
        if (r.Number <= 0) return $"{who}: number must be a positive integer";
        return null;
    }

    public static string? Check(Anion a)
    {
        var who = $"anion {Name(a.Id)}";
        if (string.IsNullOrWhiteSpace(a.Id)) return "anion: id is missing";
        if (string.IsNullOrWhiteSpace(a.Formula)) return $"{who}: formula is missing";
        if (a.ClusterClass is not null && !AnionClasses.Contains(a.ClusterClass))
            return $"{who}: class '{a.ClusterClass}' is not one of {string.Join(", ", AnionClasses)} (or null)";
        if (a.Vertices is < 0) return $"{who}: vertices must be >= 0";
        return null;
    }

    public static string? Check(Compound c)
    {
        var who = $"compound {Name(c.Id)}";
        if (string.IsNullOrWhiteSpace(c.Id)) return "compound: id is missing";
        if (string.IsNullOrWhiteSpace(c.Formula)) return $"{who}: formula is missing";
        if (c.Category is not null && !Categories.Contains(c.Category))
            return $"{who}: category '{c.Category}' is not one of {string.Join(", ", Categories)}";
        if (c.DensityGPerCm3 is { } d && (!double.IsFinite(d) || d <= 0))
            return $"{who}: densityGPerCm3 must be a positive finite number, got {d}";
        for (int i = 0; i < c.Anions.Count; i++)
        {
            var a = c.Anions[i];
            if (string.IsNullOrWhiteSpace(a.Formula)) return $"{who}: anions[{i}].formula is missing";
            if (a.Fraction is { } f && !(f >= 0 && f <= 1))
                return $"{who}: anions[{i}].fraction must be within [0, 1], got {f}";
        }
        if (c.Aliases.Any(string.IsNullOrWhiteSpace)) return $"{who}: aliases contain an empty name";
        return null;
    }

    public static string? Check(PropertyRecord p)
    {
        var who = $"property {Name(p.Id)}";
        if (string.IsNullOrWhiteSpace(p.Id)) return "property: id is missing";
        if (string.IsNullOrWhiteSpace(p.Compound)) return $"{who}: compound is missing";
        if (string.IsNullOrWhiteSpace(p.Quantity)) return $"{who}: quantity is missing";
        if (!UnitCatalogue.IsKnownUnit(p.Unit))
            return $"{who}: unknown unit '{p.Unit}'; allowed units are: {string.Join(", ", UnitCatalogue.Units)}";
        if (UnitCatalogue.CanonicalUnitOf(p.Quantity) is { } canonical && canonical != p.Unit)
            return $"{who}: {p.Quantity} must be given in '{canonical}', not '{p.Unit}'";
        if (!double.IsFinite(p.Value)) return $"{who}: value must be a finite number, got {p.Value}";
        if (UnitCatalogue.FractionQuantities.Contains(p.Quantity) && !(p.Value >= 0 && p.Value <= 1))
            return $"{who}: {p.Quantity} is a fraction and must be within [0, 1], got {p.Value}";
        if (p.TemperatureC is { } t && (!double.IsFinite(t) || t < -PhysicalConstants.ZeroCelsiusK))
            return $"{who}: temperatureC must be a finite temperature above absolute zero, got {t}";
        if (p.Qualifier is not null && !UnitCatalogue.Qualifiers.Contains(p.Qualifier))
            return $"{who}: qualifier '{p.Qualifier}' is not one of {string.Join(" ", UnitCatalogue.Qualifiers)}";
        if (p.Method is not null && !UnitCatalogue.Methods.Contains(p.Method))
            return $"{who}: method '{p.Method}' is not one of {string.Join(", ", UnitCatalogue.Methods)} (or null)";
        return CheckSource(who, p.Source);
    }

    public static string? Check(PublishedCell c)
    {
        var who = $"cell {Name(c.Id)}";
        if (string.IsNullOrWhiteSpace(c.Id)) return "cell: id is missing";
        foreach (var (field, value) in new (string, double?)[]
        {
            ("cathodeLoadingMgPerCm2", c.CathodeLoadingMgPerCm2), ("temperatureC", c.TemperatureC),
            ("stackPressureMPa", c.StackPressureMPa), ("cRate", c.CRate), ("currentDensityMAPerCm2", c.CurrentDensityMAPerCm2),
            ("voltageLowV", c.VoltageLowV), ("voltageHighV", c.VoltageHighV), ("capacityMAhPerG", c.CapacityMAhPerG),
            ("coulombicEfficiency", c.CoulombicEfficiency), ("retention", c.Retention),
        })
        {
            if (value is { } v && !double.IsFinite(v)) return $"{who}: {field} must be a finite number, got {v}";
        }
        if (c.CoulombicEfficiency is { } ce && !(ce >= 0 && ce <= 1))
            return $"{who}: coulombicEfficiency is a fraction of 1 and must be within [0, 1], got {ce}";
        if (c.Retention is { } r && !(r >= 0 && r <= 1.5))
            return $"{who}: retention is a fraction of 1 (not percent), got {r}";
        if (c.RetentionCycles is < 0) return $"{who}: retentionCycles must be >= 0";
        return CheckSource(who, c.Source);
    }

    private static string? CheckSource(string who, SourceCitation? s)
    {
        if (s is null) return $"{who}: source is missing (every number needs its provenance)";
        if (!Seeds.Contains(s.Seed)) return $"{who}: source.seed '{s.Seed}' is not one of {string.Join(", ", Seeds)}";
        if (s.References.Any(n => n <= 0)) return $"{who}: source.references must be positive reference numbers";
        return null;
    }

    /// <summary>
    /// Validates every record and the links between them (property → compound, unique ids and formulas).
    /// <paramref name="knownCompoundFormulas"/> are formulas already in the database. Throws
    /// <see cref="InvalidInputException"/> "FILE: properties[3]: property prop-0042: ..." on the first problem.
    /// </summary>
    public static void Validate(KnowledgeDataset d, string sourceName, IReadOnlySet<string>? knownCompoundFormulas = null,
        Func<string, int, string>? locate = null)
    {
        locate ??= (kind, index) => $"{kind}[{index}]";
        void Fail(string kind, int index, string problem) =>
            throw new InvalidInputException($"{sourceName}: {locate(kind, index)}: {problem}");

        for (int i = 0; i < d.References.Count; i++)
            if (Check(d.References[i]) is { } problem) Fail("references", i, problem);
        for (int i = 0; i < d.Anions.Count; i++)
            if (Check(d.Anions[i]) is { } problem) Fail("anions", i, problem);
        for (int i = 0; i < d.Compounds.Count; i++)
            if (Check(d.Compounds[i]) is { } problem) Fail("compounds", i, problem);
        for (int i = 0; i < d.Properties.Count; i++)
            if (Check(d.Properties[i]) is { } problem) Fail("properties", i, problem);
        for (int i = 0; i < d.Cells.Count; i++)
            if (Check(d.Cells[i]) is { } problem) Fail("cells", i, problem);

        Unique(d.References, r => $"{r.Seed}#{r.Number}", "references", "reference");
        Unique(d.Anions, a => a.Id, "anions", "anion id");
        Unique(d.Anions, a => a.Formula, "anions", "anion formula");
        Unique(d.Compounds, c => c.Id, "compounds", "compound id");
        Unique(d.Compounds, c => c.Formula, "compounds", "compound formula");
        Unique(d.Properties, p => p.Id, "properties", "property id");
        Unique(d.Cells, c => c.Id, "cells", "cell id");

        var formulas = new HashSet<string>(d.Compounds.Select(c => c.Formula), StringComparer.Ordinal);
        if (knownCompoundFormulas is not null) formulas.UnionWith(knownCompoundFormulas);
        for (int i = 0; i < d.Properties.Count; i++)
        {
            var p = d.Properties[i];
            if (!formulas.Contains(p.Compound))
                Fail("properties", i, $"property {p.Id}: unknown compound '{p.Compound}'; add it to compounds first (formulas must match exactly)");
        }

        void Unique<T>(IReadOnlyList<T> items, Func<T, string> key, string kind, string what)
        {
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < items.Count; i++)
            {
                var k = key(items[i]);
                if (!seen.TryAdd(k, i))
                    Fail(kind, i, $"duplicate {what} '{k}' (first at {locate!(kind, seen[k])})");
            }
        }
    }

    private static string Name(string id) => string.IsNullOrWhiteSpace(id) ? "(no id)" : id;
}
