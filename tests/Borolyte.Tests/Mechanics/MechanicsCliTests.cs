using System.Text.Json;
using Borolyte.Tests.Cli;

namespace Borolyte.Tests.Mechanics;

public class MechanicsCliTests
{
    [Fact]
    public void ElasticJsonContract()
    {
        string cij = "30 12 12 0 0 0 12 30 12 0 0 0 12 12 30 0 0 0 0 0 0 9 0 0 0 0 0 0 9 0 0 0 0 0 0 9";
        var r = CliProcess.Run("mechanics", "elastic", "--cij", cij, "--json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal(["bulkModulusVoigtGpa", "bulkModulusReussGpa", "bulkModulusVrhGpa", "shearModulusVoigtGpa", "shearModulusReussGpa",
            "shearModulusVrhGpa", "youngsModulusGpa", "poissonRatio", "pughRatio", "ductile", "universalAnisotropy", "bornStable"],
            doc.RootElement.EnumerateObject().Select(p => p.Name).Take(12));
        Assert.Equal(18, doc.RootElement.GetProperty("bulkModulusVrhGpa").GetDouble(), 9);
        Assert.True(doc.RootElement.GetProperty("bornStable").GetBoolean());
        // eigenvalues of this cubic C: C11 + 2 C12 = 54, C11 − C12 = 18 (twice), C44 = 9 (three times)
        Assert.Equal(9, doc.RootElement.GetProperty("smallestStiffnessEigenvalueGpa").GetDouble(), 9);
        Assert.Equal("", r.Stderr.Trim());
    }

    private const string Cubic = "30 12 12 0 0 0 12 30 12 0 0 0 12 12 30 0 0 0 0 0 0 9 0 0 0 0 0 0 9 0 0 0 0 0 0 9";

    [Theory]
    [InlineData("30 5 12 0 0 0 12 30 12 0 0 0 12 12 30 0 0 0 0 0 0 9 0 0 0 0 0 0 9 0 0 0 0 0 0 9", "error: --cij: elastic tensor: not symmetric, C12 = 5 but C21 = 12")]
    [InlineData("30 12 12 0 0 0 x 30 12 0 0 0 12 12 30 0 0 0 0 0 0 9 0 0 0 0 0 0 9 0 0 0 0 0 0 9", "error: --cij: elastic tensor: number 7 (C21) is not a number: \"x\"")]
    [InlineData("NaN 12 12 0 0 0 12 30 12 0 0 0 12 12 30 0 0 0 0 0 0 9 0 0 0 0 0 0 9 0 0 0 0 0 0 9", "error: --cij: elastic tensor: C11 must be a finite number, got NaN")]
    [InlineData("30 12 12 0 0 0", "error: --cij: elastic tensor: expected 36 numbers (6×6, row-major, GPa), got 6")]
    [InlineData("12 12 12 0 0 0 12 12 12 0 0 0 12 12 12 0 0 0 0 0 0 5 0 0 0 0 0 0 5 0 0 0 0 0 0 5", "error: --cij: elastic tensor: the 6×6 matrix is singular")]
    public void AMalformedTensorIsAOneLineErrorNamingTheOption(string cij, string message)
    {
        foreach (var json in new[] { true, false })
        {
            var r = json ? CliProcess.Run("mechanics", "elastic", "--cij", cij, "--json") : CliProcess.Run("mechanics", "elastic", "--cij", cij);
            Assert.Equal(1, r.ExitCode);
            Assert.StartsWith(message, r.Stderr);
            Assert.Single(r.Stderr.Trim().Split('\n'));
            Assert.Equal("", r.Stdout.Trim());
        }
        var bad = CliProcess.Run("mechanics", "elastic", "--bulk-gpa", "-3", "--shear-gpa", "2");
        Assert.Equal(1, bad.ExitCode);
        Assert.StartsWith("error: --bulk-gpa/--shear-gpa: bulk modulus must be a finite number > 0 GPa, got -3", bad.Stderr);
    }

    [Fact]
    public void AValidButUnstableTensorIsAnAnswerWithAWarning()
    {
        // C11 − C12 = 10 − 12 = −2 < 0 although every diagonal entry is positive: not positive definite (Born), a physical answer
        string unstable = "10 12 12 0 0 0 12 10 12 0 0 0 12 12 10 0 0 0 0 0 0 5 0 0 0 0 0 0 5 0 0 0 0 0 0 5";
        var r = CliProcess.Run("mechanics", "elastic", "--cij", unstable, "--json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.False(doc.RootElement.GetProperty("bornStable").GetBoolean());
        Assert.Equal(-2, doc.RootElement.GetProperty("smallestStiffnessEigenvalueGpa").GetDouble(), 9);
        Assert.Equal(12, doc.RootElement.EnumerateObject().TakeWhile(p => p.Name != "smallestStiffnessEigenvalueGpa").Count());   // after the contract keys
        var warning = Assert.Single(r.Stderr.Trim().Split('\n'));
        Assert.StartsWith("warning: --cij: the stiffness matrix is not positive definite (smallest eigenvalue -2 GPa), so the crystal is mechanically unstable", warning);
        var text = CliProcess.Run("mechanics", "elastic", "--cij", unstable);
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("Born stable: no (smallest eigenvalue of C: -2 GPa) — mechanically unstable", text.Stdout);
        var stable = CliProcess.Run("mechanics", "elastic", "--cij", Cubic);
        Assert.Contains("Born stable: yes", stable.Stdout);
    }

    [Fact]
    public void BadTensorAndContradictoryOptions()
    {
        var few = CliProcess.Run("mechanics", "elastic", "--cij", "1 2 3", "--json");
        Assert.Equal(1, few.ExitCode);
        Assert.Contains("36 numbers", few.Stderr);
        var both = CliProcess.Run("mechanics", "elastic", "--cij", "1", "--bulk-gpa", "3", "--shear-gpa", "2");
        Assert.Equal(2, both.ExitCode);
        string unstable = "30 12 12 0 0 0 12 30 12 0 0 0 12 12 30 0 0 0 0 0 0 -2 0 0 0 0 0 0 -2 0 0 0 0 0 0 -2";
        var r = CliProcess.Run("mechanics", "elastic", "--cij", unstable, "--json");
        Assert.Equal(0, r.ExitCode);
        Assert.False(JsonDocument.Parse(r.Stdout).RootElement.GetProperty("bornStable").GetBoolean());
        Assert.Contains("not positive definite (smallest eigenvalue -2 GPa)", r.Stderr);
    }

    [Fact]
    public void PlotWritesKnowledgeBaseAndGivenPoints()
    {
        using var dir = new Borolyte.Tests.Support.TempDirectory();
        string html = dir.File("gb.html"), db = dir.File("kb.db");
        var r = CliProcess.Run("mechanics", "plot", "--out", html, "--db", db, "--point", "LLZO=100,60", "--point", "soft=10,4");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("6 knowledge-base compound(s) with B and G, 4 reference point(s), 2 point(s) given", r.Stdout);   // the review's six hydroborate bounds
        // LLZO: E = 9·100·60/(300 + 60) = 150 GPa, B/G = 1.667 → brittle, G = 60 ≥ 8.4 and 6.6
        Assert.Contains("LLZO: E = 150 GPa, B/G = 1.667 → brittle; Monroe–Newman: suppresses Li dendrites, suppresses Na dendrites", r.Stdout);
        // soft: B/G = 2.5 → ductile; G = 4 < 6.6
        Assert.Contains("soft: E = 10.588 GPa, B/G = 2.5 → ductile; Monroe–Newman: does not suppress Li dendrites, does not suppress Na dendrites", r.Stdout);
        string text = File.ReadAllText(html);
        Assert.EndsWith("</html>", text.TrimEnd());
        var figure = Assert.Single(Borolyte.Tests.Thermo.ReportFigures.Parse(text));
        Assert.Equal("Shear vs bulk modulus (cf. review Figure 12b)", Borolyte.Tests.Thermo.ReportFigures.Title(figure));
        var traces = Borolyte.Tests.Thermo.ReportFigures.Traces(figure).ToDictionary(Borolyte.Tests.Thermo.ReportFigures.Name);
        Assert.Equal([8.4, 8.4], Borolyte.Tests.Thermo.ReportFigures.Numbers(traces["Monroe–Newman, Li: G = 8.4 GPa"], "y"));
        Assert.Equal([6.6, 6.6], Borolyte.Tests.Thermo.ReportFigures.Numbers(traces["Monroe–Newman, Na: G = 6.6 GPa"], "y"));
        Assert.Contains("Pugh B/G = 1.75", traces.Keys);
        Assert.Contains("E = 160 GPa", traces.Keys);             // iso-E lines reach the stiff point's scale (B axis to 140 GPa)
        Assert.Equal([100.0], Borolyte.Tests.Thermo.ReportFigures.Numbers(traces["LLZO"], "x"));
        Assert.Equal([60.0], Borolyte.Tests.Thermo.ReportFigures.Numbers(traces["LLZO"], "y"));
        Assert.Equal([4.0], Borolyte.Tests.Thermo.ReportFigures.Numbers(traces["soft"], "y"));
        // the sourced reference moduli (data/mechanics/reference-moduli.json): Na2B12H12 17.3/3.3 (Brighi 2022), Na metal 8.5/1.7 (Wang 2020)
        Assert.Equal([17.3], Borolyte.Tests.Thermo.ReportFigures.Numbers(traces["Na2B12H12 (hydroborate)"], "x"));
        Assert.Equal([3.3], Borolyte.Tests.Thermo.ReportFigures.Numbers(traces["Na2B12H12 (hydroborate)"], "y"));
        Assert.Equal([1.7], Borolyte.Tests.Thermo.ReportFigures.Numbers(traces["Na metal (alkali metal)"], "y"));
        Assert.Contains("Reference moduli from the literature", text);
        Assert.Contains("Brighi, F. Murgia", text);
        // the knowledge base's bounds (the review's B ≤ 17, G ≤ 9 GPa for six hydroborates) as one region
        var bound = Assert.Single(traces, t => t.Key.EndsWith(": B <= 17, G <= 9 GPa", StringComparison.Ordinal));
        Assert.Contains("Na2B12H12", bound.Key);
        Assert.Equal([0.0, 17, 17, 0, 0], Borolyte.Tests.Thermo.ReportFigures.Numbers(bound.Value, "x"));
        Assert.Contains("Points given", text);
        Assert.Equal(["gb.html", "kb.db"], Directory.GetFiles(dir.Path).Select(f => Path.GetFileName(f)!).Order().ToArray());
    }

    [Theory]
    [InlineData("LLZO", "no '='")]
    [InlineData("LLZO=100", "1 number(s)")]
    [InlineData("LLZO=100,x", "is not a number")]
    [InlineData("LLZO=100,-1", "must be > 0")]
    public void PlotRejectsMalformedPointsAndWritesNothing(string point, string why)
    {
        using var dir = new Borolyte.Tests.Support.TempDirectory();
        string html = dir.File("gb.html");
        var r = CliProcess.Run("mechanics", "plot", "--out", html, "--db", dir.File("kb.db"), "--point", "ok=20,10", "--point", point);
        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith($"error: --point \"{point}\": ", r.Stderr);
        Assert.Contains(why, r.Stderr);
        Assert.Single(r.Stderr.Trim().Split('\n'));
        Assert.False(File.Exists(html));
        var noOut = CliProcess.Run("mechanics", "plot", "--point", "ok=20,10");
        Assert.Equal(2, noOut.ExitCode);
    }
}
