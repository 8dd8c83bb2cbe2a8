using System.Globalization;
using System.Text.RegularExpressions;

namespace Borolyte.Cells.Protocols;

/// <summary>What a whole-protocol stop condition compares.</summary>
public enum StopKind
{
    /// <summary>"80% capacity": a cycle's discharge capacity below this fraction of the first cycle's.</summary>
    CapacityFraction,
    /// <summary>"4 Ah capacity" / "4 A.h capacity" / "2 mAh capacity": a cycle's discharge capacity below this charge (stored in A·h).</summary>
    CapacityAh,
    /// <summary>"100 mAh/g capacity" (Borolyte's extension): per gram of the positive electrode's active material (stored in mAh/g).</summary>
    SpecificCapacityMAhPerG,
    /// <summary>"2.5 V": a cycle's lowest voltage at or below this.</summary>
    Voltage,
    /// <summary>"10 hours": the simulated time reaches this (stored in s).</summary>
    Time,
}

/// <summary>
/// A stop condition for a whole protocol, as PyBaMM's experiment <c>termination</c> strings write them ("80% capacity",
/// "4 Ah capacity", "4 A.h capacity", "2.5 V", "10 hours"; pybamm.Experiment docs), checked at the end of each protocol
/// cycle — a top-level step, or one repetition of a top-level group "(…; …) x N", PyBaMM's cycles — and for time at the
/// end of each step. Borolyte adds "N mAh capacity" and "N mAh/g capacity".
/// </summary>
public sealed record StopCondition(StopKind Kind, double Value, string Text)
{
    private static readonly Regex Capacity = new(@"^(?<v>[0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s*(?<u>%|a\.?h|ma\.?h|mah/g|ma\.?h/g)\s+capacity$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex Plain = new(@"^(?<v>[0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s*(?<u>[a-z]+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private const string Examples = "e.g. \"80% capacity\", \"4 Ah capacity\", \"100 mAh/g capacity\", \"2.5 V\" or \"10 hours\"";

    public static StopCondition Parse(string? text)
    {
        string t = (text ?? "").Trim();
        if (t.Length == 0) throw new InvalidInputException($"stop condition is empty: give one, {Examples}");
        double Number(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
        var c = Capacity.Match(t);
        if (c.Success)
        {
            double v = Number(c.Groups["v"].Value);
            string unit = c.Groups["u"].Value.ToLowerInvariant().Replace(".", "");
            var stop = unit switch
            {
                "%" => new StopCondition(StopKind.CapacityFraction, v / 100, t),
                "ah" => new StopCondition(StopKind.CapacityAh, v, t),
                "mah" => new StopCondition(StopKind.CapacityAh, v / 1000, t),
                _ => new StopCondition(StopKind.SpecificCapacityMAhPerG, v, t),
            };
            if (!(v > 0)) throw new InvalidInputException($"stop condition '{t}': the capacity must be greater than zero");
            if (stop.Kind == StopKind.CapacityFraction && !(v < 100)) throw new InvalidInputException($"stop condition '{t}': a capacity percentage must be below 100 %");
            return stop;
        }
        var p = Plain.Match(t);
        if (p.Success)
        {
            double v = Number(p.Groups["v"].Value);
            string unit = p.Groups["u"].Value.ToLowerInvariant();
            double? seconds = unit switch
            {
                "s" or "sec" or "second" or "seconds" => 1,
                "min" or "minute" or "minutes" => 60,
                "h" or "hr" or "hour" or "hours" => 3600,
                "day" or "days" => 86400,
                _ => null,
            };
            if (seconds is { } f)
                return v > 0 ? new StopCondition(StopKind.Time, v * f, t) : throw new InvalidInputException($"stop condition '{t}': the time must be greater than zero");
            if (unit == "v") return new StopCondition(StopKind.Voltage, v, t);
        }
        throw new InvalidInputException($"stop condition '{t}' is not understood: {Examples}");
    }

    /// <summary>Whether a finished protocol cycle meets the condition (capacity and voltage kinds; time is checked per step).</summary>
    /// <param name="dischargeAh">the cycle's discharge capacity, A·h (0 without a discharge)</param>
    /// <param name="firstDischargeAh">the first cycle with a discharge: its capacity (null while there is none)</param>
    /// <param name="activeMassG">the positive electrode's active mass, g (0: no specific capacities)</param>
    /// <param name="minimumVoltageV">the cycle's lowest voltage</param>
    public bool MetByCycle(double dischargeAh, double? firstDischargeAh, double activeMassG, double minimumVoltageV) => Kind switch
    {
        // PyBaMM compares each cycle's capacity with the first cycle's; a cycle without a discharge is not compared.
        StopKind.CapacityFraction => dischargeAh > 0 && firstDischargeAh is { } first && dischargeAh < Value * first,
        StopKind.CapacityAh => dischargeAh > 0 && dischargeAh < Value,
        StopKind.SpecificCapacityMAhPerG => dischargeAh > 0 && activeMassG > 0 && dischargeAh * 1000 / activeMassG < Value,
        StopKind.Voltage => minimumVoltageV <= Value,
        _ => false,
    };
}
