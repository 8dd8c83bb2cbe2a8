using System.Globalization;
using System.Text.Json;
using Borolyte.Impedance;
using Borolyte.Tests.Cli;
using Borolyte.Tests.Support;

namespace Borolyte.Tests.Impedance;

/// <summary>
/// Temperatures from file names (separators are not signs), the manifest read with CsvHelper, the pivot-and-chains
/// plan of <see cref="TemperatureSeries"/> (small series in parallel, identical to serial), geometry uncertainty and
/// effective capacitances in `eis fit` / `eis series`.
/// </summary>
public class TemperatureSeriesTests
{
    [Theory]
    [InlineData("pellet-20C.z", 293.15)]          // the hyphen is a separator, not a minus sign
    [InlineData("pellet_20C.z", 293.15)]
    [InlineData("pellet 20 C.mpt", 293.15)]
    [InlineData("dir/T298.15K.z", 298.15)]
    [InlineData("pellet_m20C.mpt", 253.15)]        // negative Celsius written "m20C"
    [InlineData("m20C.mpt", 253.15)]
    [InlineData("pellet_minus5p5C.csv", 267.65)]
    [InlineData("run-60degC.DTA", 333.15)]
    [InlineData("p_60°C.csv", 333.15)]
    [InlineData("pellet_25p5C.mpt", 298.65)]
    [InlineData("pellet_25,5C.mpt", 298.65)]
    [InlineData("film20C.csv", 293.15)]            // the "m" of a word is not a sign
    [InlineData("Na2B12H12_120C.z", 393.15)]
    public void Temperature_from_file_name(string name, double expectedK)
    {
        Assert.Equal(expectedK, TemperatureSeries.TemperatureFromFileName(name), 1e-9);
    }

    [Theory]
    [InlineData("-20C.z", "ambiguous")]
    [InlineData("pellet_2C_25C.z", "several temperatures ('2C', '25C')")]
    [InlineData("Na0.5K0.5_25C.z", "several temperatures ('0.5K', '25C')")]
    [InlineData("pellet_m20K.z", "negative absolute temperature")]
    [InlineData("pellet_m300C.z", "below absolute zero")]
    [InlineData("pellet.z", "no temperature in the file name")]
    public void Ambiguous_or_impossible_file_names_are_refused(string name, string expected)
    {
        var ex = Assert.Throws<InvalidInputException>(() => TemperatureSeries.TemperatureFromFileName(name));
        Assert.Contains(expected, ex.Message);
        Assert.StartsWith(name + ": ", ex.Message);
    }

    private static Spectrum Synthetic(double temperatureK, int seed, double cpe2Q = 1e-5)
    {
        const double ea = 0.4, kb = 8.617333262e-5;
        double r = 1e5 * Math.Exp(ea / kb * (1 / temperatureK - 1 / 298.15));
        // Q of CPE1 chosen so that its Brug capacitance is exactly 1 pF: Q = (1e-12·R)^n / R.
        var s = SyntheticSpectra.Make("R0-p(R1,CPE1)-CPE2", [1, r, Math.Pow(1e-12 * r, 0.9) / r, 0.9, cpe2Q, 0.85],
            SyntheticSpectra.LogFrequencies(1e7, 1e-1, 40), 0.003, seed);
        return s.With(s.Metadata with { TemperatureK = temperatureK, SourcePath = $"s{seed}.csv" });
    }

    private static void WriteCsv(string path, Spectrum s) =>
        File.WriteAllLines(path, s.FrequenciesHz.Select((f, k) =>
            string.Create(CultureInfo.InvariantCulture, $"{f},{s.ImpedanceOhm[k].Real},{s.ImpedanceOhm[k].Imaginary}")));

    [Fact]
    public void Folder_with_hyphenated_names_reads_positive_temperatures()
    {
        using var dir = new TempDirectory();
        WriteCsv(dir.File("pellet-20C.csv"), Synthetic(293.15, 1));
        WriteCsv(dir.File("pellet_m20C.csv"), Synthetic(253.15, 2));
        var loaded = TemperatureSeries.Load(dir.Path).ToDictionary(s => Path.GetFileName(s.Metadata.SourcePath!), s => s.Metadata.TemperatureK!.Value);
        Assert.Equal(293.15, loaded["pellet-20C.csv"], 1e-9);
        Assert.Equal(253.15, loaded["pellet_m20C.csv"], 1e-9);
    }

    [Fact]
    public void Manifest_with_quoted_names_semicolons_and_comments_is_read()
    {
        using var dir = new TempDirectory();
        WriteCsv(dir.File("pellet, run 1.csv"), Synthetic(300, 3));
        WriteCsv(dir.File("b.csv"), Synthetic(320, 4));
        File.WriteAllText(dir.File("m.csv"), "# pellet A\nfile,temperature_K\n\"pellet, run 1.csv\",300\n  b.csv , 320 \n");
        var a = TemperatureSeries.Load(dir.File("m.csv"));
        Assert.Equal([300.0, 320.0], a.Select(s => s.Metadata.TemperatureK!.Value));
        Assert.EndsWith("pellet, run 1.csv", a[0].Metadata.SourcePath);
        File.WriteAllText(dir.File("semi.csv"), "file;temperature_C\n\"pellet, run 1.csv\";26.85\n");
        Assert.Equal(300, Assert.Single(TemperatureSeries.Load(dir.File("semi.csv"))).Metadata.TemperatureK!.Value, 1e-9);
    }

    [Theory]
    [InlineData("file,temperature_C,temperature_K\na.csv,1,2\n", "line 1: give 'temperature_C' or 'temperature_K', not both")]
    [InlineData("file,temperature_C\nb.csv,warm\n", "line 2: temperature 'warm' is not a number")]
    [InlineData("file,temperature_K\nb.csv,-5\n", "line 2: temperature -5 K is at or below absolute zero")]
    [InlineData("file,temperature_K\n\"b.csv,300\n", "unreadable CSV")]
    [InlineData("name,temperature_K\nb.csv,300\n", "line 1: a manifest needs columns 'file'")]
    [InlineData("file,temperature_K\nb.csv\n", "line 2: 1 fields where 2 were expected")]
    public void Bad_manifests_name_file_and_line(string text, string expected)
    {
        using var dir = new TempDirectory();
        WriteCsv(dir.File("b.csv"), Synthetic(300, 5));
        File.WriteAllText(dir.File("m.csv"), text);
        var ex = Assert.Throws<InvalidInputException>(() => TemperatureSeries.Load(dir.File("m.csv")));
        Assert.Contains(expected, ex.Message);
        Assert.StartsWith(dir.File("m.csv"), ex.Message);
    }

    [Fact]
    public void The_plan_covers_every_spectrum_once_with_chains_that_start_cold_and_step_to_warmer_spectra()
    {
        for (int n = 1; n <= 700; n += n < 80 ? 1 : 37)
        {
            var chains = TemperatureSeries.Plan(n);
            Assert.Equal(Enumerable.Range(0, n), chains.SelectMany(c => c).Order());
            int k = chains.Count;
            Assert.Equal(Math.Min(n, TemperatureSeries.ChainCount(n)), k);
            foreach (var c in chains)
            {
                Assert.True(c[0] < k, $"n = {n}: a chain starts at {c[0]}, not among the {k} coldest");
                for (int m = 1; m < c.Count; m++) Assert.Equal(k, c[m] - c[m - 1]);   // warm start from k places colder
            }
            // Two or more spectra: two chains run at once.
            if (n >= 2) Assert.True(k >= 2, $"n = {n}: {k} chain(s)");
        }
        Assert.Equal(2, TemperatureSeries.ChainCount(8));
        Assert.Equal(16, TemperatureSeries.ChainCount(1000));
    }

    [Fact]
    public void A_small_series_on_two_threads_gives_exactly_the_serial_result()
    {
        var spectra = Enumerable.Range(0, 6).Select(i => Synthetic(250 + 15 * i, 700 + i)).ToList();
        var (serial, serialFit) = TemperatureSeries.Fit(spectra, "R0-p(R1,CPE1)-CPE2", 0.785, 1.0, maxDegreeOfParallelism: 1);
        var (parallel, parallelFit) = TemperatureSeries.Fit(spectra, "R0-p(R1,CPE1)-CPE2", 0.785, 1.0, maxDegreeOfParallelism: 2);
        for (int i = 0; i < serial.Count; i++)
        {
            Assert.Equal(serial[i].Fit.Values, parallel[i].Fit.Values);   // bit for bit
            Assert.Equal(serial[i].Conductivity.StdErrSPerCm, parallel[i].Conductivity.StdErrSPerCm);
        }
        Assert.Equal(serialFit!.Segments[0].ActivationEnergyEv, parallelFit!.Segments[0].ActivationEnergyEv);
        Assert.Equal(0.4, serialFit.Segments[0].ActivationEnergyEv, 0.01);
    }

    [Fact]
    public void Fit_cli_propagates_geometry_uncertainty_as_the_hand_calculation()
    {
        var mpt = TestData.Path("eis", "exampleDataBioLogic.mpt");
        var root = CliJson.AssertContract(CliProcess.Run("eis", "fit", mpt, "--circuit", "R0-p(R1,CPE1)", "--area-cm2", "0.5", "--thickness-mm", "1.2",
            "--area-err-cm2", "0.01", "--thickness-err-mm", "0.03", "--json"), "circuit", "parameters", "chiSquare", "conductivitySPerCm", "conductivityStdErrSPerCm");
        var r1 = root.GetProperty("parameters")[1];
        double r = r1.GetProperty("value").GetDouble(), sr = r1.GetProperty("stdErr").GetDouble();
        // Hand calculation: σ = L/(R·A) with L = 0.12 cm; (sσ/σ)² = (sR/R)² + (sL/L)² + (sA/A)².
        double sigma = 0.12 / (r * 0.5);
        double expected = sigma * Math.Sqrt(Math.Pow(sr / r, 2) + Math.Pow(0.03 / 1.2, 2) + Math.Pow(0.01 / 0.5, 2));
        Assert.Equal(sigma, root.GetProperty("conductivitySPerCm").GetDouble(), sigma * 1e-12);
        Assert.Equal(expected, root.GetProperty("conductivityStdErrSPerCm").GetDouble(), expected * 1e-9);
        // Geometry error dominates the fit's here (2.5 % and 2 % against ~2 %): the result is larger than without it.
        var without = CliJson.AssertContract(CliProcess.Run("eis", "fit", mpt, "--circuit", "R0-p(R1,CPE1)", "--area-cm2", "0.5", "--thickness-mm", "1.2", "--json"));
        Assert.Equal(sigma * sr / r, without.GetProperty("conductivityStdErrSPerCm").GetDouble(), sigma * sr / r * 1e-9);

        var usage = CliProcess.Run("eis", "fit", mpt, "--circuit", "R0-p(R1,CPE1)", "--area-err-cm2", "0.01");
        Assert.Equal(2, usage.ExitCode);
        Assert.Contains("need --area-cm2 and --thickness-mm", usage.Stderr);
        var negative = CliProcess.Run("eis", "fit", mpt, "--circuit", "R0-p(R1,CPE1)", "--area-cm2", "0.5", "--thickness-mm", "1", "--thickness-err-mm", "-1");
        Assert.Equal(1, negative.ExitCode);
        Assert.Contains("--thickness-err-mm must be zero or positive", negative.Stderr);
    }

    private static string WriteSeries(TempDirectory dir, int count)
    {
        var manifest = new List<string> { "file,temperature_K" };
        for (int i = 0; i < count; i++)
        {
            var s = Synthetic(260 + 20 * i, 900 + i);
            WriteCsv(dir.File($"s{i}.csv"), s);
            manifest.Add(string.Create(CultureInfo.InvariantCulture, $"s{i}.csv,{s.Metadata.TemperatureK}"));
        }
        File.WriteAllLines(dir.File("m.csv"), manifest);
        return dir.File("m.csv");
    }

    [Fact]
    public void Series_cli_propagates_geometry_uncertainty_and_lists_capacitances_after_the_contract_keys()
    {
        using var dir = new TempDirectory();
        string manifest = WriteSeries(dir, 4);
        string[] common = ["eis", "series", manifest, "--circuit", "R0-p(R1,CPE1)-CPE2", "--area-cm2", "0.785", "--thickness-mm", "1", "--model", "arrhenius", "--json"];
        var plain = CliJson.AssertContract(CliProcess.Run(common), "points", "fit");
        var withErr = CliJson.AssertContract(CliProcess.Run([.. common, "--area-err-cm2", "0.0157", "--thickness-err-mm", "0.03"]), "points", "fit");
        for (int i = 0; i < 4; i++)
        {
            var p0 = plain.GetProperty("points")[i];
            var p1 = withErr.GetProperty("points")[i];
            CliJson.AssertKeysFirst(p1, "temperatureK", "conductivitySPerCm", "conductivityStdErrSPerCm");
            double sigma = p0.GetProperty("conductivitySPerCm").GetDouble(), e0 = p0.GetProperty("conductivityStdErrSPerCm").GetDouble();
            Assert.Equal(sigma, p1.GetProperty("conductivitySPerCm").GetDouble());
            // Hand calculation: the fit part (e0) and 2 % area, 3 % thickness added in quadrature.
            double expected = Math.Sqrt(e0 * e0 + sigma * sigma * (0.02 * 0.02 + 0.03 * 0.03));
            Assert.Equal(expected, p1.GetProperty("conductivityStdErrSPerCm").GetDouble(), expected * 1e-9);
            var caps = p1.GetProperty("effectiveCapacitances");
            Assert.Equal("CPE1", caps[0].GetProperty("element").GetString());
            Assert.Equal("bulk", caps[0].GetProperty("assignment").GetString());
            Assert.Equal(1e-12, caps[0].GetProperty("effectiveCapacitanceF").GetDouble(), 0.1e-12);
            Assert.Equal("CPE2", caps[1].GetProperty("element").GetString());
            Assert.Equal("electrodeInterface", caps[1].GetProperty("assignment").GetString());
        }
    }

    [Fact]
    public void Fit_cli_reports_the_brug_capacitance_of_each_cpe_and_its_brick_layer_assignment()
    {
        using var dir = new TempDirectory();
        WriteCsv(dir.File("p.csv"), Synthetic(298.15, 42));
        var r = CliProcess.Run("eis", "fit", dir.File("p.csv"), "--circuit", "R0-p(R1,CPE1)-CPE2", "--area-cm2", "0.785", "--thickness-mm", "1", "--json");
        var root = CliJson.AssertContract(r, "circuit", "parameters", "chiSquare", "conductivitySPerCm", "conductivityStdErrSPerCm");
        foreach (var p in root.GetProperty("parameters").EnumerateArray()) CliJson.AssertKeysFirst(p, "name", "value", "stdErr", "unit");
        double V(int k) => root.GetProperty("parameters")[k].GetProperty("value").GetDouble();
        var caps = root.GetProperty("effectiveCapacitances");
        Assert.Equal(2, caps.GetArrayLength());
        var bulk = caps[0];
        CliJson.AssertKeysExactly(bulk, "element", "pairing", "resistors", "effectiveCapacitanceF", "effectiveCapacitanceStdErrF", "capacitancePerCellConstantFPerCm", "assignment");
        Assert.Equal("parallel", bulk.GetProperty("pairing").GetString());
        Assert.Equal(["R1"], bulk.GetProperty("resistors").EnumerateArray().Select(x => x.GetString()));
        // Hand calculation from the fitted parameters: C = Q^(1/n)·R^((1−n)/n) (Brug eq. 20); the true value is 1 pF.
        double cBulk = Math.Pow(V(2), 1 / V(3)) * Math.Pow(V(1), (1 - V(3)) / V(3));
        Assert.Equal(cBulk, bulk.GetProperty("effectiveCapacitanceF").GetDouble(), cBulk * 1e-9);
        Assert.Equal(1e-12, cBulk, 0.05e-12);
        Assert.Equal(cBulk * 0.1 / 0.785, bulk.GetProperty("capacitancePerCellConstantFPerCm").GetDouble(), cBulk * 1e-9);
        Assert.Equal("bulk", bulk.GetProperty("assignment").GetString());
        var electrode = caps[1];
        Assert.Equal("series", electrode.GetProperty("pairing").GetString());
        Assert.Equal(["R0", "R1"], electrode.GetProperty("resistors").EnumerateArray().Select(x => x.GetString()));
        double cEl = Math.Pow(V(4), 1 / V(5)) * Math.Pow(V(0) + V(1), (1 - V(5)) / V(5));
        Assert.Equal(cEl, electrode.GetProperty("effectiveCapacitanceF").GetDouble(), cEl * 1e-9);
        Assert.Equal("electrodeInterface", electrode.GetProperty("assignment").GetString());
        // Extra keys come after the contract keys; the table shows them too.
        var keys = CliJson.Keys(root);
        Assert.True(Array.IndexOf(keys, "effectiveCapacitances") > Array.IndexOf(keys, "conductivityStdErrSPerCm"));
        var table = CliProcess.Run("eis", "fit", dir.File("p.csv"), "--circuit", "R0-p(R1,CPE1)-CPE2", "--area-cm2", "0.785", "--thickness-mm", "1");
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("C_eff (F)", table.Stdout);
        Assert.Contains("electrode interface", table.Stdout);
        Assert.Matches(@"CPE1\s*│\s*1(\.0\d*)?E-12|CPE1\s*│\s*9\.\d+E-13", table.Stdout);
    }

    [Fact]
    public void Capacitance_standard_error_matches_numeric_propagation_of_the_covariance()
    {
        var spectrum = Synthetic(298.15, 43);
        var fit = CircuitFitter.Fit(spectrum, Borolyte.Impedance.Circuits.Circuit.Parse("R0-p(R1,CPE1)-CPE2"));
        var caps = EffectiveCapacitance.ForFit(fit);
        var names = fit.Circuit.ParameterNames.ToList();
        foreach (var (c, q, n, rs) in new[] { (caps[0], "CPE1_0", "CPE1_1", new[] { "R1" }), (caps[1], "CPE2_0", "CPE2_1", new[] { "R0", "R1" }) })
        {
            // Central differences of C(Q, n, R…) over the parameter vector, then gᵀΣg.
            int[] idx = [names.IndexOf(q), names.IndexOf(n), .. rs.Select(x => names.IndexOf(x))];
            double C(double[] p) => EffectiveCapacitance.Brug(p[idx[0]], p[idx[1]], idx.Skip(2).Sum(i => p[i]));
            var g = idx.Select(i =>
            {
                var up = fit.Values; var down = fit.Values;
                double h = 1e-6 * Math.Abs(up[i]);
                up[i] += h; down[i] -= h;
                return (C(up) - C(down)) / (2 * h);
            }).ToArray();
            double variance = 0;
            for (int a = 0; a < idx.Length; a++)
                for (int b = 0; b < idx.Length; b++) variance += g[a] * g[b] * fit.Covariance[idx[a], idx[b]];
            Assert.Equal(Math.Sqrt(variance), c.StdErrF, Math.Sqrt(variance) * 1e-4);
            Assert.True(c.StdErrF > 0);
        }
    }

    [Fact]
    public void Series_cli_accepts_fix_and_bound()
    {
        using var dir = new TempDirectory();
        string manifest = WriteSeries(dir, 3);
        var root = CliJson.AssertContract(CliProcess.Run("eis", "series", manifest, "--circuit", "R0-p(R1,CPE1)-CPE2", "--area-cm2", "0.785", "--thickness-mm", "1",
            "--fix", "CPE1_1=0.9", "--bound", "CPE2_1=0.5:0.8", "--json"), "points", "fit");
        foreach (var p in root.GetProperty("points").EnumerateArray())
            Assert.Contains(p.GetProperty("warnings").EnumerateArray(), w => w.GetString() == "CPE2_1 is at its upper bound 0.8");   // no trailing space for a unitless bound
        var bad = CliProcess.Run("eis", "series", manifest, "--circuit", "R0-p(R1,CPE1)-CPE2", "--area-cm2", "0.785", "--thickness-mm", "1", "--bound", "R9=1:2");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("has no parameter 'R9'", bad.Stderr);
    }
}
