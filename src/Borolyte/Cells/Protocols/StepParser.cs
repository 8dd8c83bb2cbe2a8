using System.Globalization;
using System.Text.RegularExpressions;
using Borolyte.Cells.Design;

namespace Borolyte.Cells.Protocols;

/// <summary>
/// Parses one PyBaMM-style experiment step (pybamm.step / pybamm.Experiment string grammar, read for its forms, own code):
/// "Charge|Discharge at CURRENT [for DURATION] [or until VOLTAGE]", "Rest for DURATION",
/// "Hold at VOLTAGE [for DURATION] [or until CURRENT]". Case-insensitive. CURRENT: 0.1C, C/10, 2 mA, 0.5 A, 20 µA,
/// 0.2 mA/cm2 (also mA cm-2, mA/cm², A/m2, µA/cm2). DURATION: s/sec/seconds, min/minutes, h/hr/hours.
/// VOLTAGE: V or mV. Errors are <see cref="ProtocolParseException"/>s naming the step.
/// </summary>
public static partial class StepParser
{
    [GeneratedRegex(@"\b(at|for|until|or)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Keyword();

    [GeneratedRegex(@"^(?<num>(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?)\s*(?<unit>.*)$")]
    private static partial Regex NumberWithUnit();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    public static ProtocolStep Parse(string text) => Parse(text, 1, 1);

    /// <summary>Parses <paramref name="text"/>, the <paramref name="stepNumber"/>-th step, starting at 1-based <paramref name="position"/> of the protocol.</summary>
    internal static ProtocolStep Parse(string text, int stepNumber, int position)
    {
        string step = Spaces().Replace(text.Trim(), " ");
        ProtocolParseException Fail(string reason) =>
            new($"protocol step {stepNumber} \"{step}\" (character {position}): {reason}", stepNumber, step, position);

        if (step.Length == 0) throw Fail("the step is empty");
        int space = step.IndexOf(' ');
        string verb = (space < 0 ? step : step[..space]).ToLowerInvariant();
        string rest = space < 0 ? "" : step[(space + 1)..];

        // Split "at X for Y or until Z" into (keyword, value) clauses.
        var clauses = new List<(string Key, string Value)>();
        var matches = Keyword().Matches(rest);
        if (rest.Length > 0 && (matches.Count == 0 || matches[0].Index != 0))
            throw Fail($"unexpected '{(matches.Count == 0 ? rest : rest[..matches[0].Index].Trim())}' after '{verb}'; expected 'at' or 'for'");
        for (int i = 0; i < matches.Count; i++)
        {
            int start = matches[i].Index + matches[i].Length;
            int end = i + 1 < matches.Count ? matches[i + 1].Index : rest.Length;
            clauses.Add((matches[i].Value.ToLowerInvariant(), rest[start..end].Trim()));
        }

        switch (verb)
        {
            case "charge":
            case "discharge":
            {
                var direction = verb == "charge" ? CurrentDirection.Charge : CurrentDirection.Discharge;
                if (clauses.Count == 0 || clauses[0].Key != "at") throw Fail($"expected '{verb} at CURRENT' (e.g. {Capital(verb)} at 0.1C until 3.35 V)");
                var current = ParseCurrent(clauses[0].Value, "after 'at'", Fail);
                var (duration, until) = Ends(clauses, 1, "VOLTAGE", Fail);
                double? voltage = until is null ? null : ParseVoltage(until, "after 'until'", Fail);
                if (duration is null && voltage is null)
                    throw Fail($"a {verb} step needs an end: 'until VOLTAGE' and/or 'for DURATION' (e.g. {Capital(verb)} at 0.1C until 3.35 V)");
                return new CurrentStep(step, direction, current, duration, voltage);
            }
            case "rest":
            {
                if (clauses.Count != 1 || clauses[0].Key != "for")
                    throw Fail("expected 'Rest for DURATION' (e.g. Rest for 10 minutes)");
                return new RestStep(step, ParseDuration(clauses[0].Value, "after 'for'", Fail));
            }
            case "hold":
            {
                if (clauses.Count == 0 || clauses[0].Key != "at") throw Fail("expected 'Hold at VOLTAGE' (e.g. Hold at 3.35 V until C/50)");
                double voltage = ParseVoltage(clauses[0].Value, "after 'at'", Fail);
                var (duration, until) = Ends(clauses, 1, "CURRENT", Fail);
                StepCurrent? cutoff = until is null ? null : ParseCurrent(until, "after 'until'", Fail);
                if (duration is null && cutoff is null)
                    throw Fail("a hold step needs an end: 'until CURRENT' and/or 'for DURATION' (e.g. Hold at 3.35 V until C/50)");
                return new HoldStep(step, voltage, duration, cutoff);
            }
            case "":
                throw Fail("the step is empty");
            default:
                throw Fail($"unknown instruction '{(space < 0 ? step : step[..space])}'; a step starts with Charge, Discharge, Rest or Hold");
        }
    }

    /// <summary>Reads "[for D] [or] [until X]" (either order) from clause <paramref name="from"/> on.</summary>
    private static (double? Duration, string? Until) Ends(List<(string Key, string Value)> clauses, int from,
        string untilWhat, Func<string, ProtocolParseException> fail)
    {
        double? duration = null;
        string? until = null;
        bool expectEnd = false;
        for (int i = from; i < clauses.Count; i++)
        {
            var (key, value) = clauses[i];
            switch (key)
            {
                case "or":
                    if (i == from || value.Length > 0 || i + 1 >= clauses.Count || expectEnd)
                        throw fail("'or' must join two ends, as in 'for 1 hour or until 2.1 V'");
                    expectEnd = true;
                    continue;
                case "for":
                    if (duration is not null) throw fail("'for' appears twice");
                    duration = ParseDuration(value, "after 'for'", fail);
                    break;
                case "until":
                    if (until is not null) throw fail("'until' appears twice");
                    if (value.Length == 0) throw fail($"expected a {untilWhat} after 'until'");
                    until = value;
                    break;
                default:
                    throw fail($"unexpected '{key}' (the step already has its set point)");
            }
            expectEnd = false;
        }
        return (duration, until);
    }

    private static readonly Dictionary<string, double> CurrentUnitsA = new()
    {
        ["a"] = 1, ["ma"] = 1e-3, ["ua"] = 1e-6,
    };

    // Current-density units normalised (lower case, no spaces, µ→u, ²→2, ^ removed, "cm-2" → "/cm2"), in A/m².
    private static readonly Dictionary<string, double> CurrentDensityUnitsAPerM2 = new()
    {
        ["a/m2"] = 1,
        ["ma/cm2"] = CellUnits.APerM2PerMAPerCm2,
        ["ua/cm2"] = CellUnits.APerM2PerMAPerCm2 * 1e-3,
        ["a/cm2"] = CellUnits.APerM2PerMAPerCm2 * 1e3,
        ["ma/m2"] = 1e-3,
    };

    private static readonly Dictionary<string, double> DurationUnitsS = new()
    {
        ["s"] = 1, ["sec"] = 1, ["secs"] = 1, ["second"] = 1, ["seconds"] = 1,
        ["min"] = 60, ["mins"] = 60, ["minute"] = 60, ["minutes"] = 60,
        ["h"] = 3600, ["hr"] = 3600, ["hrs"] = 3600, ["hour"] = 3600, ["hours"] = 3600,
    };

    internal static StepCurrent ParseCurrent(string text, string where, Func<string, ProtocolParseException> fail)
    {
        const string Expected = "a current such as 0.1C, C/10, 2 mA or 0.2 mA/cm2";
        string t = text.Trim();
        if (t.Length == 0) throw fail($"expected {Expected} {where}");
        if (t.StartsWith('-')) throw fail($"'{t}': give the current as a positive magnitude; the verb (Charge/Discharge) sets the direction");
        string compact = t.Replace(" ", "");
        if (compact.StartsWith("C/", StringComparison.OrdinalIgnoreCase))
        {
            if (!double.TryParse(compact[2..], NumberStyles.Float, CultureInfo.InvariantCulture, out double n) || !(n > 0) || !double.IsFinite(n))
                throw fail($"'{t}' {where}: expected C/n with n > 0, e.g. C/10");
            // C/n = 1/n C (PyBaMM's notation)
            return StepCurrent.FromCRate(1 / n);
        }
        var (value, unit) = SplitNumber(t, where, Expected, fail);
        string u = NormaliseUnit(unit);
        if (u == "c") return StepCurrent.FromCRate(Positive(value, t, fail));
        if (CurrentUnitsA.TryGetValue(u, out double a)) return StepCurrent.FromAmpere(Positive(value, t, fail) * a);
        if (CurrentDensityUnitsAPerM2.TryGetValue(u, out double j)) return StepCurrent.FromAPerM2(Positive(value, t, fail) * j);
        if (u is "w" or "mw" or "kw" or "w/cm2" or "mw/cm2") throw fail($"'{t}': power steps are not supported; give {Expected}");
        if (u.Length == 0) throw fail($"'{t}' {where} has no unit; expected {Expected}");
        throw fail($"unknown current unit '{unit}' in '{t}'; expected C, C/n, A, mA, µA, mA/cm2, µA/cm2 or A/m2");
    }

    internal static double ParseVoltage(string text, string where, Func<string, ProtocolParseException> fail)
    {
        string t = text.Trim();
        if (t.Length == 0) throw fail($"expected a voltage such as 3.35 V {where}");
        if (t.StartsWith('-')) throw fail($"'{t}': negative voltages are not supported");
        var (value, unit) = SplitNumber(t, where, "a voltage such as 3.35 V", fail);
        return NormaliseUnit(unit) switch
        {
            "v" => value,
            "mv" => value * 1e-3,
            "" => throw fail($"'{t}' {where} has no unit; expected a voltage such as 3.35 V"),
            _ => throw fail($"unknown voltage unit '{unit}' in '{t}'; expected V or mV"),
        };
    }

    internal static double ParseDuration(string text, string where, Func<string, ProtocolParseException> fail)
    {
        string t = text.Trim();
        if (t.Length == 0) throw fail($"expected a duration such as 10 minutes {where}");
        if (t.StartsWith('-')) throw fail($"'{t}': a duration must be greater than zero");
        var (value, unit) = SplitNumber(t, where, "a duration such as 10 minutes", fail);
        string u = NormaliseUnit(unit);
        if (u.Length == 0) throw fail($"'{t}' {where} has no unit; expected seconds, minutes or hours");
        if (!DurationUnitsS.TryGetValue(u, out double s))
            throw fail($"unknown time unit '{unit}' in '{t}'; expected s, seconds, min, minutes, h or hours");
        return Positive(value, t, fail) * s;
    }

    private static (double Value, string Unit) SplitNumber(string t, string where, string expected, Func<string, ProtocolParseException> fail)
    {
        var m = NumberWithUnit().Match(t);
        if (!m.Success) throw fail($"'{t}' {where} is not a number with a unit; expected {expected}");
        double v = double.Parse(m.Groups["num"].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (!double.IsFinite(v)) throw fail($"'{t}' is not a finite number");
        return (v, m.Groups["unit"].Value.Trim());
    }

    private static double Positive(double v, string t, Func<string, ProtocolParseException> fail) =>
        v > 0 ? v : throw fail($"'{t}' must be greater than zero");

    private static string NormaliseUnit(string unit)
    {
        string u = unit.ToLowerInvariant().Replace("µ", "u").Replace("μ", "u").Replace("²", "2").Replace("^", "").Replace(" ", "");
        if (u.EndsWith("cm-2")) u = u[..^4].TrimEnd('/') + "/cm2";
        else if (u.EndsWith("m-2")) u = u[..^3].TrimEnd('/') + "/m2";
        return u;
    }

    private static string Capital(string verb) => char.ToUpperInvariant(verb[0]) + verb[1..];
}
