using System.Globalization;

namespace Borolyte.Studies;

/// <summary>Numbers as the cell sections' tables and captions print them: invariant culture, "–" for a value that is not finite.</summary>
internal static class StudyFormat
{
    public static string Num(double v, string format) => double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "–";

    public static string Sci(double v) => Num(v, "0.###E+0");
}
