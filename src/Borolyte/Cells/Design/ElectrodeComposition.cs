using System.Globalization;

namespace Borolyte.Cells.Design;

/// <summary>
/// Mass fractions of active material, binder and conductive carbon in a composite electrode (before infiltration),
/// normalised to sum to 1. Written "active:binder:carbon" as in seed 004 §4.3 ("95:2:3", "97:1:2", "90:5:5").
/// </summary>
public sealed record ElectrodeComposition
{
    public double ActiveMassFraction { get; }
    public double BinderMassFraction { get; }
    public double CarbonMassFraction { get; }

    private ElectrodeComposition(double active, double binder, double carbon)
    {
        ActiveMassFraction = active;
        BinderMassFraction = binder;
        CarbonMassFraction = carbon;
    }

    /// <summary>From parts by mass in any scale (95, 2, 3 or 0.95, 0.02, 0.03); normalised by their sum.</summary>
    public static ElectrodeComposition FromParts(double active, double binder, double carbon, string field = "composition")
    {
        foreach (var (name, v) in new[] { ("active", active), ("binder", binder), ("carbon", carbon) })
            if (!double.IsFinite(v) || v < 0)
                throw new InvalidInputException($"{field}: the {name} part must be a number ≥ 0, got {v.ToString(CultureInfo.InvariantCulture)}");
        if (!(active > 0)) throw new InvalidInputException($"{field}: the active part must be greater than zero");
        double sum = active + binder + carbon;
        return new(active / sum, binder / sum, carbon / sum);
    }

    /// <summary>Parses "95:2:3" (also with spaces, or 2 parts "active:binder" meaning no carbon).</summary>
    public static ElectrodeComposition Parse(string text, string field = "composition")
    {
        var parts = (text ?? "").Split(':');
        if (parts.Length is < 2 or > 3)
            throw new InvalidInputException($"{field}: expected active:binder:carbon by mass, e.g. 95:2:3, got '{text}'");
        var values = new double[3];
        for (int i = 0; i < parts.Length; i++)
            if (!double.TryParse(parts[i].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]))
                throw new InvalidInputException($"{field}: '{parts[i].Trim()}' in '{text}' is not a number (expected active:binder:carbon, e.g. 95:2:3)");
        return FromParts(values[0], values[1], values[2], field);
    }

    /// <summary>"95:2:3" (percentages, up to two decimals).</summary>
    public string Text => string.Join(":", new[] { ActiveMassFraction, BinderMassFraction, CarbonMassFraction }
        .Select(f => (f * 100).ToString("0.##", CultureInfo.InvariantCulture)));

    public override string ToString() => Text;
}
