using System.Globalization;
using System.Text.Json;
using Borolyte.Impedance;
using Borolyte.Tests.Cli;
using Borolyte.Tests.Support;

namespace Borolyte.Tests.Impedance;

public class EisCliTests
{
    [Fact]
    public void Fit_json_has_the_contract_keys_in_order()
    {
        var root = CliJson.AssertContract(CliProcess.Run("eis", "fit", TestData.Path("eis", "exampleDataBioLogic.mpt"), "--circuit", "R0-p(R1,CPE1)", "--area-cm2", "0.5", "--thickness-mm", "1", "--json"),
            "circuit", "parameters", "chiSquare", "conductivitySPerCm", "conductivityStdErrSPerCm");
        var names = root.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()!).ToArray();
        Assert.Equal(["R0", "R1", "CPE1_0", "CPE1_1"], names);
        double r1 = root.GetProperty("parameters")[1].GetProperty("value").GetDouble();
        Assert.Equal(0.1 / (r1 * 0.5), root.GetProperty("conductivitySPerCm").GetDouble(), 1e-12);
    }

    [Fact]
    public void Fit_without_geometry_gives_null_conductivity_and_missing_frequency_fails_with_exit_1()
    {
        var root = CliJson.AssertContract(CliProcess.Run("eis", "fit", TestData.Path("eis", "exampleDataZPlot.z"), "--circuit", "R0-p(R1,CPE1)", "--json"));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("conductivitySPerCm").ValueKind);
        var bad = CliProcess.Run("eis", "fit", TestData.Path("eis", "exampleDataBioLogic_MissingFreq.mpt"), "--circuit", "R0");
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("frequency column 'freq/Hz' is missing", bad.Stderr);
        Assert.Single(bad.Stderr.Trim().Split('\n'));
    }

    [Fact]
    public void Validate_json_is_exactly_the_contract_first()
    {
        CliJson.AssertContract(CliProcess.Run("eis", "validate", TestData.Path("eis", "exampleDataGamry.DTA"), "--json"), "mu", "numRC", "residualRmsPercent", "pass");
    }

    [Fact]
    public void Series_of_synthetic_pellet_spectra_recovers_the_activation_energy()
    {
        using var dir = new TempDirectory();
        const double ea = 0.45, kb = 8.617333262e-5, area = 0.785, thicknessMm = 1.0;
        var manifest = new List<string> { "file,temperature_C" };
        foreach (double tc in new[] { -20.0, 0, 20, 40, 60, 80 })
        {
            double t = tc + 273.15;
            double sigma = 1e-4 * Math.Exp(-ea / kb * (1 / t - 1 / 298.15)); // S/cm
            double r = thicknessMm / 10 / (sigma * area);
            var s = SyntheticSpectra.Make("R0-p(R1,CPE1)-CPE2", [1, r, Math.Pow(1e-12 * r, 0.9) / r, 0.9, 1e-6, 0.85],
                SyntheticSpectra.LogFrequencies(1e7, 1e-1, 50), 0.003, seed: (int)tc + 100);
            string name = $"s{tc.ToString(CultureInfo.InvariantCulture)}.csv";
            File.WriteAllLines(dir.File(name), s.FrequenciesHz.Select((f, i) => string.Create(CultureInfo.InvariantCulture, $"{f},{s.ImpedanceOhm[i].Real},{s.ImpedanceOhm[i].Imaginary}")));
            manifest.Add($"{name},{tc.ToString(CultureInfo.InvariantCulture)}");
        }
        File.WriteAllLines(dir.File("manifest.csv"), manifest);
        var r1 = CliProcess.Run("eis", "series", dir.File("manifest.csv"), "--circuit", "R0-p(R1,CPE1)-CPE2", "--area-cm2", "0.785", "--thickness-mm", "1", "--model", "arrhenius", "--json");
        var root = CliJson.AssertContract(r1);
        CliJson.AssertKeysExactly(root, "points", "fit");
        Assert.Equal(6, root.GetProperty("points").GetArrayLength());
        var seg = root.GetProperty("fit").GetProperty("segments")[0];
        Assert.Equal(ea, seg.GetProperty("activationEnergyEv").GetDouble(), 0.01);
        Assert.Equal(1e-4, root.GetProperty("fit").GetProperty("sigma25CSPerCm").GetDouble(), 3e-6);
        // Deterministic: same bytes on a second run.
        Assert.Equal(r1.Stdout, CliProcess.Run("eis", "series", dir.File("manifest.csv"), "--circuit", "R0-p(R1,CPE1)-CPE2", "--area-cm2", "0.785", "--thickness-mm", "1", "--model", "arrhenius", "--json").Stdout);
    }

    [Fact]
    public void Conductivity_fit_json_and_too_few_knowledge_base_records()
    {
        using var dir = new TempDirectory();
        File.WriteAllLines(dir.File("s.csv"), new[] { "temperature_K,conductivity_S_per_cm" }
            .Concat(new[] { 280.0, 300, 320, 340, 360 }.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t},{1e3 * Math.Exp(-0.3 / (8.617333262e-5 * t))}"))));
        var root = CliJson.AssertContract(CliProcess.Run("conductivity", "fit", dir.File("s.csv"), "--json"),
            "model", "segments", "transitions", "sigma25CSPerCm", "sigma25CCi95SPerCm");
        Assert.Equal(0.3, root.GetProperty("segments")[0].GetProperty("activationEnergyEv").GetDouble(), 1e-6);
        var kb = CliProcess.Run("conductivity", "fit", "--compound", "Na4(B12H12)(B10H10)", "--json");
        // The seeded base holds σ of this compound at 25 °C only: the command must say so rather than fit a line through one temperature.
        Assert.Equal(1, kb.ExitCode);
        Assert.Contains("too few to fit", kb.Stderr);
    }

    [Fact]
    public void Conductivity_fit_json_inner_keys_of_segments_transitions_and_kinks_are_in_contract_order()
    {
        using var dir = new TempDirectory();
        // Two jumps (1 and 1.5 decades at 485 and 545 K) and, in a second file, a continuous slope change at 305 K.
        static double Sigma(double t) => t < 485 ? 1e-6 * Math.Exp(-0.9 / 8.617333262e-5 * (1 / t - 1 / 485.0))
            : t < 545 ? 1e-5 * Math.Exp(-0.5 / 8.617333262e-5 * (1 / t - 1 / 485.0))
            : 1e-5 * Math.Exp(-0.5 / 8.617333262e-5 * (1 / 545.0 - 1 / 485.0)) * Math.Pow(10, 1.5) * Math.Exp(-0.2 / 8.617333262e-5 * (1 / t - 1 / 545.0));
        var rng = new Random(3);
        File.WriteAllLines(dir.File("two.csv"), new[] { "T (K),sigma (S/cm)" }.Concat(Enumerable.Range(0, 21).Select(i => 400.0 + 10 * i)
            .Select(t => string.Create(CultureInfo.InvariantCulture, $"{t},{Sigma(t) * Math.Pow(10, 0.01 * SyntheticSpectra.Gaussian(rng))}"))));
        var root = CliJson.AssertContract(CliProcess.Run("conductivity", "fit", dir.File("two.csv"), "--json"),
            "model", "segments", "transitions", "sigma25CSPerCm", "sigma25CCi95SPerCm");
        Assert.Equal("piecewise", root.GetProperty("model").GetString());
        Assert.Equal(3, root.GetProperty("segments").GetArrayLength());
        foreach (var seg in root.GetProperty("segments").EnumerateArray())
            CliJson.AssertKeysFirst(seg, "tMinK", "tMaxK", "activationEnergyEv", "activationEnergyStdErrEv", "prefactorSPerCm");
        Assert.Equal(2, root.GetProperty("transitions").GetArrayLength());
        foreach (var tr in root.GetProperty("transitions").EnumerateArray()) CliJson.AssertKeysFirst(tr, "temperatureK", "jumpDecades");
        Assert.Equal(0, root.GetProperty("kinks").GetArrayLength());
        var keys = CliJson.Keys(root);
        Assert.True(Array.IndexOf(keys, "kinks") > Array.IndexOf(keys, "sigma25CCi95SPerCm"));

        File.WriteAllLines(dir.File("kink.csv"), new[] { "T (K),sigma (S/cm)" }.Concat(Enumerable.Range(0, 14).Select(i => 240.0 + 10 * i)
            .Select(t => string.Create(CultureInfo.InvariantCulture,
                $"{t},{1e-4 * Math.Exp(-(t < 305 ? 0.62 : 0.30) / 8.617333262e-5 * (1 / t - 1 / 305.0)) * Math.Pow(10, 0.01 * SyntheticSpectra.Gaussian(rng))}"))));
        var kinked = CliJson.AssertContract(CliProcess.Run("conductivity", "fit", dir.File("kink.csv"), "--model", "piecewise", "--json"));
        Assert.Equal(0, kinked.GetProperty("transitions").GetArrayLength());
        var kink = Assert.Single(kinked.GetProperty("kinks").EnumerateArray());
        CliJson.AssertKeysExactly(kink, "temperatureK", "temperatureStdErrK", "jumpDecades", "jumpStdErrDecades", "activationEnergyBelowEv", "activationEnergyAboveEv");
        var human = CliProcess.Run("conductivity", "fit", dir.File("kink.csv"), "--model", "piecewise");
        Assert.Contains("kink at 305", human.Stdout);
        Assert.DoesNotContain("transition at", human.Stdout);
    }

    [Fact]
    public void Hopping_command_inverts_a_prefactor()
    {
        var root = CliJson.AssertContract(CliProcess.Run("transport", "hopping", "--carrier-density-per-cm3", "1e22", "--jump-distance-angstrom", "3", "--prefactor-s-k-per-cm", "1e5", "--activation-energy-ev", "0.3", "--json"));
        double nu = root.GetProperty("jumpFrequencyHz").GetDouble();
        double e = 1.602176634e-19, kb = 1.380649e-23;
        Assert.Equal(1e5 * 100 * kb / (1.0 / 6 * 1e28 * e * e * 9e-20), nu, nu * 1e-9);
    }
}
