using Borolyte.Cells.Protocols;
using Borolyte.Tests.Cli;
using System.Text.Json;

namespace Borolyte.Tests.Cells;

public class ProtocolParserTests
{
    // ---- single steps: every accepted form, with the value worked out by hand ----

    [Theory]
    [InlineData("Charge at 0.1C until 3.35 V", CurrentDirection.Charge, 0.1)]
    [InlineData("Discharge at 5C until 2.1 V", CurrentDirection.Discharge, 5.0)]
    [InlineData("discharge AT 5 c UNTIL 2.1v", CurrentDirection.Discharge, 5.0)]
    [InlineData("Charge at C/10 until 3.35 V", CurrentDirection.Charge, 0.1)]
    [InlineData("Charge at C / 20 until 3.35 V", CurrentDirection.Charge, 0.05)]
    [InlineData("Charge at 1e-1C until 3.35 V", CurrentDirection.Charge, 0.1)]
    [InlineData("Charge at .5C until 3.35 V", CurrentDirection.Charge, 0.5)]
    public void C_rate_steps(string text, CurrentDirection direction, double cRate)
    {
        var s = Assert.IsType<CurrentStep>(StepParser.Parse(text));
        Assert.Equal(direction, s.Direction);
        Assert.Equal(CurrentKind.CRate, s.Current.Kind);
        Assert.Equal(cRate, s.Current.Value, 12);
        Assert.Null(s.DurationS);
    }

    [Theory]
    [InlineData("Charge at 0.2 mA/cm2 until 3.35 V", CurrentKind.AmperePerSquareMetre, 2.0)]      // 0.2 mA/cm² = 2 A/m²
    [InlineData("Charge at 0.2 mA cm-2 until 3.35 V", CurrentKind.AmperePerSquareMetre, 2.0)]
    [InlineData("Charge at 0.2 mA/cm² until 3.35 V", CurrentKind.AmperePerSquareMetre, 2.0)]
    [InlineData("Charge at 0.2 mA/cm^2 until 3.35 V", CurrentKind.AmperePerSquareMetre, 2.0)]
    [InlineData("Charge at 25.5 µA/cm2 until 3.35 V", CurrentKind.AmperePerSquareMetre, 0.255)] // 25.5e-6 A / 1e-4 m²
    [InlineData("Charge at 2 A/m2 until 3.35 V", CurrentKind.AmperePerSquareMetre, 2.0)]
    [InlineData("Charge at 1 mA until 3.35 V", CurrentKind.Ampere, 1e-3)]
    [InlineData("Charge at 0.5 A until 3.35 V", CurrentKind.Ampere, 0.5)]
    [InlineData("Charge at 20 uA until 3.35 V", CurrentKind.Ampere, 2e-5)]
    public void Absolute_currents_and_current_densities_in_SI(string text, CurrentKind kind, double value)
    {
        var s = Assert.IsType<CurrentStep>(StepParser.Parse(text));
        Assert.Equal(kind, s.Current.Kind);
        Assert.Equal(value, s.Current.Value, 12);
        Assert.Equal(3.35, s.CutoffVoltageV!.Value, 12);
    }

    [Theory]
    [InlineData("Rest for 10 minutes", 600)]
    [InlineData("Rest for 1 minute", 60)]
    [InlineData("Rest for 30 min", 1800)]
    [InlineData("Rest for 2 h", 7200)]
    [InlineData("Rest for 1 hour", 3600)]
    [InlineData("Rest for 1.5 hours", 5400)]
    [InlineData("Rest for 0.5 hr", 1800)]
    [InlineData("Rest for 45 seconds", 45)]
    [InlineData("Rest for 45 s", 45)]
    [InlineData("Rest for 45 sec", 45)]
    [InlineData("  rest   for  10   MINUTES  ", 600)]
    public void Rest_durations(string text, double seconds)
    {
        var s = Assert.IsType<RestStep>(StepParser.Parse(text));
        Assert.Equal(seconds, s.DurationS, 12);
    }

    [Fact]
    public void Hold_until_C_over_50()
    {
        var s = Assert.IsType<HoldStep>(StepParser.Parse("Hold at 3.35 V until C/50"));
        Assert.Equal(3.35, s.VoltageV, 12);
        Assert.Equal(StepCurrent.FromCRate(0.02), s.CutoffCurrent);
        Assert.Null(s.DurationS);
    }

    [Fact]
    public void Hold_variants()
    {
        var a = Assert.IsType<HoldStep>(StepParser.Parse("Hold at 3350 mV until 0.01 mA/cm2"));
        Assert.Equal(3.35, a.VoltageV, 12);
        Assert.Equal(StepCurrent.FromAPerM2(0.1), a.CutoffCurrent);
        var b = Assert.IsType<HoldStep>(StepParser.Parse("Hold at 4.2 V for 1 hour or until 50 mA"));
        Assert.Equal(3600, b.DurationS);
        Assert.Equal(CurrentKind.Ampere, b.CutoffCurrent!.Value.Kind);
        Assert.Equal(0.05, b.CutoffCurrent!.Value.Value, 12);
        Assert.IsType<HoldStep>(StepParser.Parse("Hold at 4.2 V for 2 hours"));
    }

    [Fact]
    public void Current_step_with_duration_and_or_cutoff()
    {
        var a = Assert.IsType<CurrentStep>(StepParser.Parse("Discharge at 1C for 1 hour or until 2.1 V"));
        Assert.Equal(3600, a.DurationS);
        Assert.Equal(2.1, a.CutoffVoltageV);
        var b = Assert.IsType<CurrentStep>(StepParser.Parse("Discharge at 1C until 2.1 V or for 30 minutes"));
        Assert.Equal(1800, b.DurationS);
        Assert.Equal(2.1, b.CutoffVoltageV);
        var c = Assert.IsType<CurrentStep>(StepParser.Parse("Charge at 0.1 mA/cm2 for 12 hours"));
        Assert.Equal(43200, c.DurationS);
        Assert.Null(c.CutoffVoltageV);
    }

    [Fact]
    public void Current_densities_resolve_against_the_electrode()
    {
        // 0.1C on 0.84 mAh/cm² (7.0 mg/cm² × 120 mAh/g) = 0.084 mA/cm² = 0.84 A/m²; 1 mA on 1.13 cm² (12 mm disc) = 8.84 A/m².
        double qa = 0.84 * 36000; // C/m²
        Assert.Equal(0.84, StepCurrent.FromCRate(0.1).CurrentDensityAPerM2(qa, 1.13e-4), 12);
        Assert.Equal(1e-3 / 1.13e-4, StepCurrent.FromAmpere(1e-3).CurrentDensityAPerM2(qa, 1.13e-4), 12);
        Assert.Equal(2.0, StepCurrent.FromAPerM2(2.0).CurrentDensityAPerM2(qa, 1.13e-4), 12);
    }

    // ---- the one-string protocol ----

    [Fact]
    public void The_issue_example_parses_into_a_typed_tree()
    {
        var p = Protocol.Parse("Charge at 0.1C until 3.35 V; Rest for 10 minutes; (Charge at 0.5C until 3.35 V; Discharge at 0.5C until 2.1 V) x 100");
        Assert.Equal(3, p.Items.Length);
        Assert.IsType<CurrentStep>(p.Items[0]);
        Assert.IsType<RestStep>(p.Items[1]);
        var g = Assert.IsType<RepeatGroup>(p.Items[2]);
        Assert.Equal(100, g.Count);
        Assert.Equal(2, g.Items.Length);
        Assert.Equal(202, p.StepCount); // 2 + 100 × 2
        var steps = p.Steps().ToList();
        Assert.Equal(202, steps.Count);
        Assert.Equal(CurrentDirection.Discharge, Assert.IsType<CurrentStep>(steps[^1]).Direction);
        Assert.Equal(CurrentDirection.Charge, Assert.IsType<CurrentStep>(steps[^2]).Direction);
    }

    [Fact]
    public void Groups_nest_and_accept_x_X_times_and_star()
    {
        var p = Protocol.Parse("((Charge at 1C until 3.35 V; Discharge at 1C until 2.1 V) x 3; Rest for 1 h) X 2; (Rest for 1 s) × 4; (Rest for 1 s)*5");
        Assert.Equal((3 * 2 + 1) * 2 + 4 + 5, p.StepCount);
        Assert.Equal(p.StepCount, p.Steps().LongCount());
    }

    [Fact]
    public void Expansion_is_lazy_for_huge_repeat_counts()
    {
        var p = Protocol.Parse("(Charge at 1C until 3.35 V; Discharge at 1C until 2.1 V) x 1000000000");
        Assert.Equal(2_000_000_000L, p.StepCount);
        Assert.Equal(5, p.Steps().Take(5).Count());
    }

    [Fact]
    public void Canonical_text_round_trips()
    {
        var p = Protocol.Parse("charge at c/10 until 3350 mV;rest for 600 s;(discharge at 0.2 mA cm-2 for 1 hour or until 2.1 V; Hold at 3.35V until C/50)x 3");
        Assert.Equal("Charge at 0.1C until 3.35 V; Rest for 10 minutes; (Discharge at 0.2 mA/cm2 for 1 hours or until 2.1 V; Hold at 3.35 V until 0.02C) x 3",
            p.Canonical);
        var again = Protocol.Parse(p.Canonical);
        Assert.Equal(p.Steps().Select(s => s with { Text = "" }), again.Steps().Select(s => s with { Text = "" }));
    }

    // ---- every malformed form: one line naming the step and its position ----

    [Theory]
    [InlineData("Charge at 0.1 until 3.35 V", 1, "has no unit")]
    [InlineData("Charge at 0.1C", 1, "needs an end")]
    [InlineData("Charge until 3.35 V", 1, "expected 'charge at CURRENT'")]
    [InlineData("Charge 0.1C until 3.35 V", 1, "unexpected '0.1C'")]
    [InlineData("Charge at until 3.35 V", 1, "expected a current")]
    [InlineData("Charge at 0.1C until", 1, "expected a VOLTAGE after 'until'")]
    [InlineData("Charge at 0.1C until 3.35", 1, "has no unit; expected a voltage")]
    [InlineData("Charge at 0.1C until 3.35 K", 1, "unknown voltage unit 'K'")]
    [InlineData("Charge at 0.1C until -3.35 V", 1, "negative voltages")]
    [InlineData("Charge at -0.1C until 3.35 V", 1, "positive magnitude")]
    [InlineData("Charge at 0C until 3.35 V", 1, "must be greater than zero")]
    [InlineData("Charge at C/0 until 3.35 V", 1, "C/n with n > 0")]
    [InlineData("Charge at C/x until 3.35 V", 1, "C/n with n > 0")]
    [InlineData("Charge at 2 W until 3.35 V", 1, "power steps are not supported")]
    [InlineData("Charge at 2 furlongs until 3.35 V", 1, "unknown current unit 'furlongs'")]
    [InlineData("Charge at fast until 3.35 V", 1, "is not a number with a unit")]
    [InlineData("Charge at 1C until 3.35 V until 3.4 V", 1, "'until' appears twice")]
    [InlineData("Charge at 1C for 1 h for 2 h", 1, "'for' appears twice")]
    [InlineData("Charge at 1C or until 3.35 V", 1, "'or' must join two ends")]
    [InlineData("Charge at 1C for 1 h or", 1, "'or' must join two ends")]
    [InlineData("Charge at 1C at 2C until 3.35 V", 1, "unexpected 'at'")]
    [InlineData("Rest", 1, "expected 'Rest for DURATION'")]
    [InlineData("Rest for", 1, "expected a duration")]
    [InlineData("Rest for 10", 1, "has no unit; expected seconds, minutes or hours")]
    [InlineData("Rest for 10 fortnights", 1, "unknown time unit 'fortnights'")]
    [InlineData("Rest for -10 minutes", 1, "must be greater than zero")]
    [InlineData("Rest for 0 s", 1, "must be greater than zero")]
    [InlineData("Rest until 3 V", 1, "expected 'Rest for DURATION'")]
    [InlineData("Hold at 3.35 V", 1, "a hold step needs an end")]
    [InlineData("Hold at 3.35 until C/50", 1, "has no unit; expected a voltage")]
    [InlineData("Hold at 0.1C until C/50", 1, "unknown voltage unit 'C'")]
    [InlineData("Hold at 3.35 V until 3.3 V", 1, "unknown current unit 'V'")]
    [InlineData("Jump at 1C until 3 V", 1, "unknown instruction 'Jump'")]
    public void Malformed_steps(string text, int stepNumber, string reason)
    {
        var ex = Assert.Throws<ProtocolParseException>(() => Protocol.Parse(text));
        Assert.Equal(stepNumber, ex.StepNumber);
        Assert.StartsWith($"protocol step {stepNumber} \"", ex.Message);
        Assert.Contains(reason, ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void A_bad_step_deep_in_a_protocol_is_named_with_its_number_and_position()
    {
        const string text = "Charge at 0.1C until 3.35 V; Rest for 10 minutes; (Charge at 0.5C until 3.35 V; Discharge at 0.5 until 2.1 V) x 100";
        var ex = Assert.Throws<ProtocolParseException>(() => Protocol.Parse(text));
        Assert.Equal(4, ex.StepNumber);
        Assert.Equal("Discharge at 0.5 until 2.1 V", ex.StepText);
        Assert.Equal(text.IndexOf("Discharge", StringComparison.Ordinal) + 1, ex.Position);
        Assert.StartsWith($"protocol step 4 \"Discharge at 0.5 until 2.1 V\" (character {ex.Position}): ", ex.Message);
    }

    [Theory]
    [InlineData("", "protocol is empty")]
    [InlineData("   ", "protocol is empty")]
    [InlineData("Rest for 1 h;", "protocol step 2 (character 14) is empty")]
    [InlineData("Rest for 1 h;; Rest for 1 h", "protocol step 2 (character 14) is empty")]
    [InlineData("; Rest for 1 h", "protocol step 1 (character 1) is empty")]
    [InlineData("(Rest for 1 h; ) x 2", "protocol step 2")]
    [InlineData("(Rest for 1 h", "not closed with ')'")]
    [InlineData("Rest for 1 h)", "')' without a matching '('")]
    [InlineData("(Rest for 1 h) x 2)", "')' without a matching '('")]
    [InlineData("() x 3", "empty group '()'")]
    [InlineData("(Rest for 1 h)", "needs a repeat count")]
    [InlineData("(Rest for 1 h) 3", "needs a repeat count")]
    [InlineData("(Rest for 1 h) x", "expected a whole number of repeats")]
    [InlineData("(Rest for 1 h) x many", "expected a whole number of repeats")]
    [InlineData("(Rest for 1 h) x 2.5", "must be a whole number")]
    [InlineData("(Rest for 1 h) x 0", "from 1 to")]
    [InlineData("(Rest for 1 h) x 99999999999", "from 1 to")]
    [InlineData("(Rest for 1 h) x 3 Rest for 1 h", "expected ';' between steps")]
    [InlineData("Rest for 1 h (Rest for 1 s) x 2", "'(' inside a step")]
    public void Malformed_protocol_structure(string text, string reason)
    {
        var ex = Assert.Throws<ProtocolParseException>(() => Protocol.Parse(text));
        Assert.Contains(reason, ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
        Assert.True(ex.Position >= 1);
    }

    [Fact]
    public void Protocol_errors_are_input_errors()
    {
        Assert.IsAssignableFrom<InvalidInputException>(Assert.Throws<ProtocolParseException>(() => Protocol.Parse("Fly at 1C until 3 V")));
    }

    // ---- through the CLI ----

    [Fact]
    public void Cli_protocol_json_and_error_exit_code()
    {
        var ok = CliProcess.Run("cell", "protocol", "Charge at 0.1C until 3.35 V; (Charge at 0.5C until 3.35 V; Discharge at 0.5C until 2.1 V) x 100", "--json");
        Assert.Equal(0, ok.ExitCode);
        using var doc = JsonDocument.Parse(ok.Stdout);
        Assert.Equal(201, doc.RootElement.GetProperty("stepCount").GetInt64());
        var first = doc.RootElement.GetProperty("items")[0];
        Assert.Equal("charge", first.GetProperty("type").GetString());
        Assert.Equal(0.1, first.GetProperty("current").GetProperty("cRate").GetDouble(), 12);
        Assert.Equal(100, doc.RootElement.GetProperty("items")[1].GetProperty("count").GetInt32());

        var bad = CliProcess.Run("cell", "protocol", "Rest for 10 minutes; Rest for ten minutes", "--json");
        Assert.Equal(1, bad.ExitCode);
        Assert.Equal("", bad.Stdout);
        var lines = bad.Stderr.TrimEnd().Split('\n');
        Assert.Single(lines);
        Assert.StartsWith("error: protocol step 2 \"Rest for ten minutes\" (character 22): ", lines[0]);
    }
}
