using System.Text.Json;
using Borolyte.Cells.Simulation;
using Borolyte.Cycling.Analysis;
using Borolyte.Cycling.Readers;
using Borolyte.Tests.Cli;
using Borolyte.Tests.Support;

namespace Borolyte.Tests.Cells;

/// <summary>`borolyte cell presets|simulate|rate` through the real CLI process: JSON contracts of issue 5 §2 and errors.</summary>
public class CellSimulationCliTests
{
    private static string[] Keys(JsonElement e) => e.EnumerateObject().Select(p => p.Name).ToArray();

    [Fact]
    public void Simulate_json_contract_and_csv_that_the_cycling_module_reads()
    {
        using var dir = new TempDirectory();
        string csv = dir.File("run.csv");
        var r = CliProcess.Run("cell", "simulate", "nacro2-half", "--protocol", "(Charge at 0.5C until 3.35 V; Discharge at 0.5C until 2.1 V) x 2",
            "--out", csv, "--json");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal(["cycles", "wallTimeMs"], Keys(doc.RootElement).Take(2));
        var cycles = doc.RootElement.GetProperty("cycles").EnumerateArray().ToList();
        Assert.Equal(2, cycles.Count);
        Assert.Equal(["cycle", "chargeCapacityMAhPerG", "dischargeCapacityMAhPerG", "coulombicEfficiency", "energyEfficiency", "avgDischargeVoltageV"],
            Keys(cycles[0]).Take(6));
        Assert.Equal(1, cycles[0].GetProperty("cycle").GetInt32());
        double q = cycles[1].GetProperty("dischargeCapacityMAhPerG").GetDouble();
        Assert.InRange(q, 80, 130);

        // The CSV goes through the cycling module's BDF reader and summary and gives the same numbers.
        var run = Borolyte.Cycling.CyclingRun.Build(BdfCsv.Read(csv));
        var summary = CycleSummarizer.Summarize(run, new SummaryOptions { ActiveMassKg = 7.0e-6 * Math.PI * 0.36, IntegrateCurrent = true });
        Assert.Equal(q, summary.Cycles[1].DischargeSpecificCapacityMAhPerG!.Value, 1e-6 * q);
        var header = File.ReadLines(csv).First().Split(',');
        Assert.Equal(SimulatedRunCsv.Columns, header);
    }

    [Fact]
    public void Rate_json_contract()
    {
        var r = CliProcess.Run("cell", "rate", "nacro2-half", "--c-rates", "0.1,1,5", "--json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal("rates", Keys(doc.RootElement)[0]);
        var rows = doc.RootElement.GetProperty("rates").EnumerateArray().ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(["cRate", "dischargeCapacityMAhPerG", "retentionVsFirst"], Keys(rows[0]).Take(3));
        Assert.Equal(1.0, rows[0].GetProperty("retentionVsFirst").GetDouble(), 12);
        double r1 = rows[1].GetProperty("retentionVsFirst").GetDouble(), r5 = rows[2].GetProperty("retentionVsFirst").GetDouble();
        Assert.True(r5 < r1 && r1 < 1);
    }

    [Fact]
    public void Sensitivity_json_lists_each_parameter_divided_and_multiplied()
    {
        var r = CliProcess.Run("cell", "sensitivity", "nacro2-half", "--parameters", "positive.exchangeCurrentDensity,negative.exchangeCurrentDensity", "--factor", "10", "--json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal(["cell", "factor", "baseline", "parameters"], Keys(doc.RootElement));
        var parameters = doc.RootElement.GetProperty("parameters").EnumerateArray().ToList();
        Assert.Equal(["positive.exchangeCurrentDensity", "negative.exchangeCurrentDensity"], parameters.Select(p => p.GetProperty("name").GetString()));
        var p0 = parameters[0];
        double value = p0.GetProperty("value").GetDouble();
        Assert.Equal(value / 10, p0.GetProperty("lowValue").GetDouble(), 12);
        Assert.Equal(value * 10, p0.GetProperty("highValue").GetDouble(), 12);
        // Default C-rates 0.1 and 5; the library gives the same numbers.
        var low = p0.GetProperty("low").EnumerateArray().ToList();
        Assert.Equal([0.1, 5.0], low.Select(x => x.GetProperty("cRate").GetDouble()));
        var preset = CellPresets.Get("nacro2-half");
        var library = ParameterSensitivity.Run(preset, preset.Cell, ["positive.exchangeCurrentDensity"], [0.1, 5], 10).Rows[0];
        Assert.Equal(library.Low![1].DischargeCapacityMAhPerG, low[1].GetProperty("dischargeCapacityMAhPerG").GetDouble(), 9);
    }

    [Fact]
    public void Sensitivity_of_an_unknown_parameter_fails_in_one_line()
    {
        var r = CliProcess.Run("cell", "sensitivity", "nacro2-half", "--parameters", "positive.colour");
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("unknown parameter 'positive.colour'", r.Stderr);
        Assert.Single(r.Stderr.Trim().Split('\n'));
    }

    [Fact]
    public void Presets_lists_the_fixed_names_with_sources()
    {
        var r = CliProcess.Run("cell", "presets", "--json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        var presets = doc.RootElement.GetProperty("presets").EnumerateArray().ToList();
        Assert.Equal(["nacro2-half", "nacro2-half-97", "sn-half", "nacro2-sn-full"], presets.Select(p => p.GetProperty("name").GetString()).Take(4));
        Assert.Contains(presets, p => p.GetProperty("name").GetString() == "na-symmetric");
        foreach (var p in presets)
            foreach (var parameter in p.GetProperty("parameters").EnumerateArray())
                Assert.False(string.IsNullOrWhiteSpace(parameter.GetProperty("source").GetString()));
    }

    [Theory]
    [InlineData("nacro2-half", "Charge at 0.1C until 3.35 V; Discharge at 0.5 until 2.1 V", "protocol step 2")]
    [InlineData("nacro2-half", "Charge at 1C until 9 V", "protocol step 1")]
    [InlineData("no-such-cell", "Charge at 1C until 3.35 V", "no-such-cell")]
    public void Bad_input_exits_1_with_one_line(string cell, string protocol, string expected)
    {
        var r = CliProcess.Run("cell", "simulate", cell, "--protocol", protocol, "--json");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("", r.Stdout);
        var lines = r.Stderr.TrimEnd().Split('\n');
        Assert.Single(lines);
        Assert.Contains(expected, lines[0]);
    }

    [Fact]
    public void Spec_file_overrides_a_preset_and_reports_errors_with_line()
    {
        using var dir = new TempDirectory();
        string spec = dir.File("cell.yaml");
        File.WriteAllText(spec, "preset: nacro2-half\ntemperatureC: 60\npositive:\n  solidDiffusivityM2PerS: 1e-14\n");
        var r = CliProcess.Run("cell", "simulate", spec, "--protocol", "Charge at 0.1C until 3.35 V; Discharge at 5C until 2.1 V", "--json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal(60, doc.RootElement.GetProperty("temperatureC").GetDouble(), 9);

        File.WriteAllText(spec, "preset: nacro2-half\npositive:\n  particleRadiusUm: -2\n");
        var bad = CliProcess.Run("cell", "simulate", spec, "--protocol", "Rest for 1 minute", "--json");
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("cell.yaml:3", bad.Stderr);
        Assert.Contains("positive.particleRadiusUm", bad.Stderr);
    }
}
