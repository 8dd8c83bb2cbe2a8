using System.Globalization;

namespace Borolyte.Mechanics;

/// <summary>
/// A material on the shear-vs-bulk-modulus plot: B and G in GPa with their qualifiers ("=" a value, "&lt;=" an upper bound,
/// as knowledge-base records state them) and where they come from.
/// </summary>
public sealed record ModulusPoint(string Name, double BulkGpa, double ShearGpa, string BulkQualifier = "=", string ShearQualifier = "=", string? Source = null)
{
    /// <summary>True when both moduli are upper bounds: the point stands for the region 0 ≤ B ≤ bound, 0 ≤ G ≤ bound.</summary>
    public bool IsUpperBound => BulkQualifier is "<=" or "<" && ShearQualifier is "<=" or "<";

    /// <summary>
    /// A point given on the command line as NAME=B,G (GPa, e.g. "LLZO=100,60"; the last '=' separates the name). Both
    /// moduli must be finite and &gt; 0; anything else is an <see cref="InvalidInputException"/> naming the text.
    /// </summary>
    public static ModulusPoint Parse(string text, string field = "--point")
    {
        InvalidInputException Bad(string why) => new($"{field} \"{text}\": {why}; expected NAME=B,G with the bulk and shear moduli in GPa, e.g. LLZO=100,60");
        int eq = text.LastIndexOf('=');
        if (eq < 0) throw Bad("no '='");
        string name = text[..eq].Trim();
        if (name.Length == 0) throw Bad("no name before '='");
        var parts = text[(eq + 1)..].Split(',');
        if (parts.Length != 2) throw Bad($"{parts.Length} number(s) after '=', need 2 (B,G)");
        double Modulus(string s, string what)
        {
            if (!double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
                throw Bad($"{what} \"{s.Trim()}\" is not a number");
            if (!(v > 0)) throw Bad($"{what} must be > 0 GPa, got {v.ToString(CultureInfo.InvariantCulture)}");
            return v;
        }
        double b = Modulus(parts[0], "bulk modulus B");
        double g = Modulus(parts[1], "shear modulus G");
        return new ModulusPoint(name, b, g, Source: "command line");
    }
}
