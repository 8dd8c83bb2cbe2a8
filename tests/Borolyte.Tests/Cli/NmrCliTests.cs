using Borolyte.Tests.Support;

namespace Borolyte.Tests.Cli;

public class NmrCliTests : IDisposable
{
    private const double K = 8.617333262e-5; // eV/K, CODATA 2018
    private readonly TempDirectory _temp = new();
    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Fit_json_contract_and_values_from_two_frequencies()
    {
        // tests/data/nmr/generate.py: Ea = 0.40 eV, τ₀ = 1e-14 s, 3 % noise, 400 and 100 MHz.
        var r = CliProcess.Run("nmr", "fit", TestData.Path("nmr", "r1_two_frequencies.csv"), "--larmor-mhz", "400", "--larmor-mhz", "100", "--json");
        var root = CliJson.AssertContract(r, "activationEnergyEv", "tau0S", "peakTemperatureK", "jumpRates");
        Assert.Equal("", r.Stderr);
        double ea = root.GetProperty("activationEnergyEv").GetDouble();
        Assert.InRange(Math.Abs(ea - 0.40), 0, 4 * root.GetProperty("activationEnergyStdErrEv").GetDouble());
        Assert.InRange(root.GetProperty("tau0S").GetDouble(), 0.7e-14, 1.4e-14);
        double tp = 0.40 / (K * Math.Log(0.6158 / (2 * Math.PI * 400e6 * 1e-14)));
        Assert.Equal(tp, root.GetProperty("peakTemperatureK").GetDouble(), 0.02 * tp);
        var rates = root.GetProperty("jumpRates").EnumerateArray().ToList();
        Assert.Equal(21, rates.Count);
        CliJson.AssertKeysExactly(rates[0], "temperatureK", "rateHz");
        Assert.Equal(400, root.GetProperty("peakLarmorMHz").GetDouble());
        // With 100 MHz first the peak is quoted for 100 MHz: lower temperature.
        var r100 = CliJson.AssertContract(CliProcess.Run("nmr", "fit", TestData.Path("nmr", "r1_two_frequencies.csv"), "--larmor-mhz", "100", "--larmor-mhz", "400", "--json"));
        Assert.True(r100.GetProperty("peakTemperatureK").GetDouble() < tp - 30);
    }

    [Fact]
    public void Detects_transition_in_celsius_file_and_prints_table()
    {
        var r = CliProcess.Run("nmr", "fit", TestData.Path("nmr", "r1_transition.csv"), "--larmor-mhz", "90", "--detect-transition");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("transition at 525", r.Stdout);
        Assert.Contains("Eₐ", r.Stdout);
    }

    [Fact]
    public void Out_writes_an_html_report_with_the_figure()
    {
        var html = _temp.File("r1.html");
        CliJson.AssertContract(CliProcess.Run("nmr", "fit", TestData.Path("nmr", "r1_transition.csv"), "--larmor-mhz", "90", "--transition-k", "523", "--json", "--out", html)); // --json stays one document
        var text = File.ReadAllText(html);
        Assert.Contains("BPP fit, 90 MHz", text);
        Assert.Contains("phase transition", text);
    }

    [Fact]
    public void Bad_file_is_exit_1_with_file_and_line()
    {
        var path = _temp.File("bad.csv");
        File.WriteAllText(path, "temperature_K,R1_per_s\n300,1.5\n310,oops\n");
        var r = CliProcess.Run("nmr", "fit", path, "--larmor-mhz", "400");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("bad.csv line 3", r.Stderr);
        Assert.Single(r.Stderr.TrimEnd().Split('\n'));
    }

    [Fact]
    public void Contradictory_options_are_a_usage_error()
    {
        var r = CliProcess.Run("nmr", "fit", TestData.Path("nmr", "r1_transition.csv"), "--larmor-mhz", "90", "--detect-transition", "--transition-k", "500");
        Assert.Equal(2, r.ExitCode);
    }
}
