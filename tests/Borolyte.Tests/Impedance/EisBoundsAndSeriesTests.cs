using System.Globalization;
using System.Text.Json;
using Borolyte.Impedance;
using Borolyte.Tests.Cli;
using Borolyte.Tests.Support;

namespace Borolyte.Tests.Impedance;

/// <summary>`eis fit --bound`, the `eis series` progress bar, and parallel temperature series equal to serial.</summary>
public class EisBoundsAndSeriesTests
{
    private static readonly string BioLogic = TestData.Path("eis", "exampleDataBioLogic.mpt");

    [Fact]
    public void A_bound_that_excludes_the_optimum_holds_the_parameter_at_the_bound_with_a_warning()
    {
        var free = CliProcess.Run("eis", "fit", BioLogic, "--circuit", "R0-p(R1,CPE1)", "--json");
        Assert.Equal(0, free.ExitCode);
        double r1 = JsonDocument.Parse(free.Stdout).RootElement.GetProperty("parameters")[1].GetProperty("value").GetDouble();
        Assert.InRange(r1, 30, 70);   // ~48 Ω unbounded

        var loose = CliProcess.Run("eis", "fit", BioLogic, "--circuit", "R0-p(R1,CPE1)", "--bound", "R1=1e0:1e9", "--bound", "CPE1_1=0.5:1", "--json");
        Assert.Equal(0, loose.ExitCode);
        Assert.Equal(r1, JsonDocument.Parse(loose.Stdout).RootElement.GetProperty("parameters")[1].GetProperty("value").GetDouble(), r1 * 1e-4);

        var tight = CliProcess.Run("eis", "fit", BioLogic, "--circuit", "R0-p(R1,CPE1)", "--bound", "R1=10:20", "--json");
        Assert.Equal(0, tight.ExitCode);
        using var doc = JsonDocument.Parse(tight.Stdout);
        Assert.Equal(20, doc.RootElement.GetProperty("parameters")[1].GetProperty("value").GetDouble(), 1e-4);
        Assert.Contains(doc.RootElement.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("R1 is at its upper bound"));
    }

    [Theory]
    [InlineData("R1=5", "expects NAME=LOWER:UPPER")]
    [InlineData("R1=a:b", "expects NAME=LOWER:UPPER")]
    [InlineData("R9=1:2", "has no parameter 'R9'")]
    [InlineData("R1=2:1", "lower bound must be a finite number below the upper bound")]
    [InlineData("R1=-1:10", "needs a positive lower bound")]
    public void Bad_bounds_are_usage_errors(string bound, string expected)
    {
        var r = CliProcess.Run("eis", "fit", BioLogic, "--circuit", "R0-p(R1,CPE1)", "--bound", bound);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(expected, r.Stderr);
        Assert.Single(r.Stderr.Trim().Split('\n'));
    }

    [Fact]
    public void Bound_and_fix_of_the_same_parameter_conflict()
    {
        var r = CliProcess.Run("eis", "fit", BioLogic, "--circuit", "R0-p(R1,CPE1)", "--bound", "R1=1:100", "--fix", "R1=50");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("also held by --fix", r.Stderr);
        // A linear-scale exponent may have a bound starting at 0.
        Assert.Equal(0, CliProcess.Run("eis", "fit", BioLogic, "--circuit", "R0-p(R1,CPE1)", "--bound", "CPE1_1=0:1", "--json").ExitCode);
    }

    private static List<Spectrum> SyntheticSeries(int count)
    {
        const double ea = 0.4, kb = 8.617333262e-5;
        var list = new List<Spectrum>();
        for (int i = 0; i < count; i++)
        {
            double t = 250 + 7.5 * i;
            double r = 1e5 * Math.Exp(ea / kb * (1 / t - 1 / 298.15));
            var s = SyntheticSpectra.Make("R0-p(R1,CPE1)-CPE2", [1, r, Math.Pow(1e-12 * r, 0.9) / r, 0.9, 1e-6, 0.85],
                SyntheticSpectra.LogFrequencies(1e7, 1e-1, 40), 0.003, seed: 500 + i);
            list.Add(s.With(s.Metadata with { TemperatureK = t, SourcePath = $"s{i}.csv" }));
        }
        return list;
    }

    [Fact]
    public void Parallel_series_gives_exactly_the_serial_result()
    {
        var spectra = SyntheticSeries(20);   // 3 chunks of 8: more than one runs at a time on ≥ 2 cores
        var (serial, serialFit) = TemperatureSeries.Fit(spectra, "R0-p(R1,CPE1)-CPE2", 0.785, 1.0, model: Borolyte.Transport.ConductivityModelKind.Arrhenius, maxDegreeOfParallelism: 1);
        int reports = 0;
        var (parallel, parallelFit) = TemperatureSeries.Fit(spectra, "R0-p(R1,CPE1)-CPE2", 0.785, 1.0, model: Borolyte.Transport.ConductivityModelKind.Arrhenius,
            progress: new CountingProgress(() => Interlocked.Increment(ref reports)), maxDegreeOfParallelism: 4);
        Assert.Equal(20, reports);
        Assert.Equal(serial.Count, parallel.Count);
        for (int i = 0; i < serial.Count; i++)
        {
            Assert.Equal(serial[i].TemperatureK, parallel[i].TemperatureK);
            Assert.Equal(serial[i].Fit.Values, parallel[i].Fit.Values);   // bit for bit
            Assert.Equal(serial[i].Conductivity.ConductivitySPerCm, parallel[i].Conductivity.ConductivitySPerCm);
        }
        Assert.Equal(serialFit!.Segments[0].ActivationEnergyEv, parallelFit!.Segments[0].ActivationEnergyEv);
        Assert.Equal(0.4, serialFit.Segments[0].ActivationEnergyEv, 0.01);
    }

    private sealed class CountingProgress(Action onReport) : IProgress<int>
    {
        public void Report(int value) => onReport();
    }

    [Fact]
    public void Series_without_json_keeps_stdout_for_the_table_and_draws_the_progress_on_stderr()
    {
        using var dir = new TempDirectory();
        var manifest = new List<string> { "file,temperature_K" };
        foreach (var (s, i) in SyntheticSeries(4).Select((s, i) => (s, i)))
        {
            File.WriteAllLines(dir.File($"s{i}.csv"), s.FrequenciesHz.Select((f, k) =>
                string.Create(CultureInfo.InvariantCulture, $"{f},{s.ImpedanceOhm[k].Real},{s.ImpedanceOhm[k].Imaginary}")));
            manifest.Add(string.Create(CultureInfo.InvariantCulture, $"s{i}.csv,{s.Metadata.TemperatureK}"));
        }
        File.WriteAllLines(dir.File("m.csv"), manifest);
        var r = CliProcess.Run("eis", "series", dir.File("m.csv"), "--circuit", "R0-p(R1,CPE1)-CPE2", "--area-cm2", "0.785", "--thickness-mm", "1");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("σ (S/cm)", r.Stdout);
        Assert.DoesNotContain("fitting 4 spectra", r.Stdout);
        // stderr is redirected here: plain lines instead of an animated bar, ending at 100 %.
        Assert.EndsWith("fitting 4 spectra: 4/4 (100%)", r.Stderr.Trim());
        Assert.DoesNotContain("\u001b[", r.Stderr);
        var json = CliProcess.Run("eis", "series", dir.File("m.csv"), "--circuit", "R0-p(R1,CPE1)-CPE2", "--area-cm2", "0.785", "--thickness-mm", "1", "--json");
        Assert.Equal("", json.Stderr.Trim());

        // On a terminal (a pseudo-terminal from script(1)) Spectre draws the bar on stderr; stdout goes to a file.
        string outFile = dir.File("out.txt");
        var start = new System.Diagnostics.ProcessStartInfo("script") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { "-qec", $"dotnet '{CliProcess.CliDll}' eis series '{dir.File("m.csv")}' --circuit 'R0-p(R1,CPE1)-CPE2' --area-cm2 0.785 --thickness-mm 1 > '{outFile}'", "/dev/null" })
            start.ArgumentList.Add(a);
        start.Environment["XDG_DATA_HOME"] = dir.Path;
        using var tty = System.Diagnostics.Process.Start(start)!;
        string screen = tty.StandardOutput.ReadToEnd();
        Assert.True(tty.WaitForExit(120_000));
        Assert.Equal(0, tty.ExitCode);
        Assert.Contains("fitting 4 spectra", screen);
        Assert.Contains("100%", screen);
        Assert.Contains("\u001b[", screen);             // cursor control: an animated bar, not lines
        Assert.Contains("σ (S/cm)", File.ReadAllText(outFile));
    }
}

/// <summary>`--min-hz/--max-hz` on `eis validate` and `eis fit`.</summary>
public class EisFrequencyWindowTests
{
    [Fact]
    public void Validate_without_the_low_frequency_points_passes_as_the_numpy_reference_says()
    {
        var csv = TestData.Path("eis", "exampleData.csv");
        var all = JsonDocument.Parse(CliProcess.Run("eis", "validate", csv, "--series-inductance", "--json").Stdout).RootElement;
        Assert.False(all.GetProperty("pass").GetBoolean());
        var r = CliProcess.Run("eis", "validate", csv, "--series-inductance", "--min-hz", "0.03", "--json");
        Assert.Equal(0, r.ExitCode);
        var cropped = JsonDocument.Parse(r.Stdout).RootElement;
        Assert.True(cropped.GetProperty("pass").GetBoolean());
        Assert.Equal(11, cropped.GetProperty("numRC").GetInt32());   // kk_reference.json, schoenleberInductancePerDecadeStartAboveHz
        Assert.Equal(0.5559865448242478, cropped.GetProperty("residualRmsPercent").GetDouble(), 1e-6);
        Assert.All(cropped.GetProperty("frequenciesHz").EnumerateArray(), f => Assert.True(f.GetDouble() >= 0.03));
    }

    [Fact]
    public void Fit_window_keeps_only_the_points_inside()
    {
        var r = CliProcess.Run("eis", "fit", TestData.Path("eis", "exampleDataBioLogic.mpt"), "--circuit", "R0-p(R1,CPE1)", "--min-hz", "0.1", "--max-hz", "100", "--json");
        Assert.Equal(0, r.ExitCode);
        int n = JsonDocument.Parse(r.Stdout).RootElement.GetProperty("pointCount").GetInt32();
        var s = Borolyte.Impedance.Readers.SpectrumFile.Read(TestData.Path("eis", "exampleDataBioLogic.mpt"));
        Assert.Equal(s.FrequenciesHz.Count(f => f >= 0.1 && f <= 100), n);
        Assert.InRange(n, 5, s.Count - 5);
    }

    [Theory]
    [InlineData("--min-hz", "0", 2, "--min-hz must be positive")]
    [InlineData("--max-hz", "-5", 2, "--max-hz must be positive")]
    [InlineData("--min-hz", "1e9", 1, "no points at or above 1000000000 Hz")]
    public void Bad_windows_fail_clearly(string option, string value, int exit, string expected)
    {
        var r = CliProcess.Run("eis", "validate", TestData.Path("eis", "exampleDataGamry.DTA"), option, value);
        Assert.Equal(exit, r.ExitCode);
        Assert.Contains(expected, r.Stderr);
        var both = CliProcess.Run("eis", "validate", TestData.Path("eis", "exampleDataGamry.DTA"), "--min-hz", "10", "--max-hz", "1");
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("must be below --max-hz", both.Stderr);
    }
}
