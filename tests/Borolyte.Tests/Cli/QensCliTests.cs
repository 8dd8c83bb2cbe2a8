using System.Text.Json;
using Borolyte.Tests.Support;

namespace Borolyte.Tests.Cli;

public class QensCliTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Eisf_json_gives_points_and_the_large_Q_limit()
    {
        var root = CliJson.AssertContract(CliProcess.Run("qens", "eisf", "--anion", "[B12H12]2-", "--model", "multiaxial", "--q", "0", "--q", "1.5", "--json"),
            "anion", "model", "mechanism", "points");
        var pts = root.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(1, pts[0].GetProperty("eisf").GetDouble(), 12);
        Assert.Equal(1.0 / 12, root.GetProperty("largeQLimit").GetDouble(), 12);
        Assert.Equal(12, root.GetProperty("hydrogenCount").GetInt32());
    }

    [Fact]
    public void Fit_prefers_multiaxial_for_the_multiaxial_fixture_and_recovers_the_immobile_fraction()
    {
        var root = CliJson.AssertContract(CliProcess.Run("qens", "fit", TestData.Path("qens", "eisf_b12h12_multiaxial.csv"), "--anion", "B12H12", "--immobile-fraction", "--json"));
        Assert.Equal("multiaxial", root.GetProperty("bestModel").GetString());
        Assert.Equal(0.15, root.GetProperty("immobileFraction").GetDouble(), 0.02); // generate.py: 0.15
        CliJson.AssertKeysFirst(root, "anion", "bestModel", "mechanism", "immobileFraction", "models", "weighted", "pointCount", "verdict");
        Assert.Equal("multiaxial", root.GetProperty("verdict").GetString());
        var best = root.GetProperty("models")[0];
        CliJson.AssertKeysFirst(best, "model", "mechanism", "chiSquare", "aic", "akaikeWeight", "immobileFraction", "immobileFractionStdErr", "degreesOfFreedom", "reducedChiSquare", "pValue", "fits");
        Assert.True(best.GetProperty("fits").GetBoolean());
        // The immobile fraction is fitted by default; "none" leaves every model failing the χ² test.
        var byDefault = CliJson.AssertContract(CliProcess.Run("qens", "fit", TestData.Path("qens", "eisf_b12h12_multiaxial.csv"), "--anion", "B12H12", "--json"));
        Assert.Equal(root.GetProperty("immobileFraction").GetDouble(), byDefault.GetProperty("immobileFraction").GetDouble());
        var none = CliJson.AssertContract(CliProcess.Run("qens", "fit", TestData.Path("qens", "eisf_b12h12_multiaxial.csv"), "--anion", "B12H12", "--immobile-fraction", "none", "--json"));
        Assert.Equal("no model fits", none.GetProperty("verdict").GetString());
        Assert.Equal(JsonValueKind.Null, none.GetProperty("immobileFraction").ValueKind);
        var humanNone = CliProcess.Run("qens", "fit", TestData.Path("qens", "eisf_b12h12_multiaxial.csv"), "--anion", "B12H12", "--immobile-fraction", "none");
        Assert.Contains("verdict: no model fits", humanNone.Stdout);
        Assert.Equal(2, CliProcess.Run("qens", "fit", TestData.Path("qens", "eisf_b12h12_multiaxial.csv"), "--anion", "B12H12", "--immobile-fraction", "1.5").ExitCode);
        var html = _temp.File("eisf.html");
        Assert.Equal(0, CliProcess.Run("qens", "fit", TestData.Path("qens", "eisf_b12h12_multiaxial.csv"), "--anion", "B12H12", "--out", html).ExitCode);
        Assert.Contains("multiaxial (AIC", File.ReadAllText(html));
        Assert.Matches(@"Best: multiaxial \(multiaxial\), [^""]* = 0\.85, p = 0\.6", File.ReadAllText(html));   // caption (JSON-escaped χ²/ν)
        var htmlNone = _temp.File("eisf-none.html");
        Assert.Equal(0, CliProcess.Run("qens", "fit", TestData.Path("qens", "eisf_b12h12_multiaxial.csv"), "--anion", "B12H12", "--immobile-fraction", "none", "--out", htmlNone).ExitCode);
        Assert.Contains("No model fits (", File.ReadAllText(htmlNone));
        Assert.Contains("least bad by AIC: c3 (uniaxial)", File.ReadAllText(htmlNone));
        var c5 = CliJson.AssertContract(CliProcess.Run("qens", "fit", TestData.Path("qens", "eisf_b12h12_c5.csv"), "--anion", "B12H12", "--json"));
        Assert.Equal("uniaxial", c5.GetProperty("mechanism").GetString());
        // Human output: the C3/C5 identity is reported, brackets printed as written.
        var human = CliProcess.Run("qens", "fit", TestData.Path("qens", "eisf_b12h12_c5.csv"), "--anion", "B12H12");
        Assert.Contains("c3, c5 give identical EISFs for [B12H12]2-:", human.Stdout);
    }

    [Fact]
    public void Model_outside_the_anion_symmetry_and_bad_file_are_input_errors()
    {
        var r = CliProcess.Run("qens", "eisf", "--anion", "CB11H12", "--model", "c3");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("c5, multiaxial, isotropic", r.Stderr);
        var path = _temp.File("e.csv");
        File.WriteAllText(path, "Q,EISF\n0.5,0.9\n");
        var bad = CliProcess.Run("qens", "fit", path, "--anion", "B12H12");
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("e.csv line 1", bad.Stderr);
        Assert.Contains("unit", bad.Stderr);
        File.WriteAllText(path, "Q (1/Å),EISF\n0.5,0.9\n0.7,x\n");
        Assert.Contains("e.csv line 3", CliProcess.Run("qens", "fit", path, "--anion", "B12H12").Stderr);
    }
}
