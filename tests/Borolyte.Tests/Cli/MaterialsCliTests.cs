using Borolyte.Tests.Support;
using Borolyte.Tests.Knowledge;

namespace Borolyte.Tests.Cli;

public class MaterialsCliTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    public void Dispose() => _temp.Dispose();

    private string Db => _temp.File("cli.db");

    private CliProcess.Result Run(params string[] args) => CliProcess.RunIn(_temp.File("xdg"), args);

    private void ImportFixture()
    {
        var r = Run("materials", "import", KnowledgeFixtures.PathOf("fixture.json"), "--db", Db);
        Assert.True(r.ExitCode == 0, r.Stderr);
    }

    [Fact]
    public void ShowJsonStartsWithTheContractKeys()
    {
        ImportFixture();
        var root = CliJson.AssertContract(Run("materials", "show", "Na4B22H22", "--json", "--db", Db), "formula", "properties");
        Assert.Equal("Na4(B12H12)(B10H10)", root.GetProperty("formula").GetString());
        var properties = root.GetProperty("properties").EnumerateArray().ToList();
        Assert.NotEmpty(properties);
        foreach (var p in properties)
        {
            CliJson.AssertKeysFirst(p, "quantity", "value", "unit", "temperatureC", "method", "source");
            CliJson.AssertKeysFirst(p.GetProperty("source"), "doi", "reference");
        }
        var fixtureProperty = properties.Single(p => p.GetProperty("id").GetString() == "prop-fx-003");
        Assert.Equal(20, fixtureProperty.GetProperty("temperatureC").GetDouble());
        Assert.Equal("10.1016/j.ensm.2019.11.027", fixtureProperty.GetProperty("source").GetProperty("doi").GetString());
        Assert.Equal("infiltration §3.1", fixtureProperty.GetProperty("source").GetProperty("reference").GetString());
    }

    [Fact]
    public void BadImportExitsOneWithOneLineAndChangesNothing()
    {
        ImportFixture();
        var before = Run("materials", "export", "--out", _temp.File("before.json"), "--db", Db);
        Assert.Equal(0, before.ExitCode);
        var r = Run("materials", "import", KnowledgeFixtures.PathOf("bad-unit.json"), "--db", Db);
        Assert.Equal(1, r.ExitCode);
        var line = Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("bad-unit.json: properties[1]: property prop-bad-unit: unknown unit 'S/m'", line);
        Assert.Equal("", r.Stdout);
        Assert.Equal(0, Run("materials", "export", "--out", _temp.File("after.json"), "--db", Db).ExitCode);
        Assert.Equal(File.ReadAllText(_temp.File("before.json")), File.ReadAllText(_temp.File("after.json")));
    }

    [Fact]
    public void UsageErrorExitsTwo()
    {
        var r = Run("materials", "show", "--db", Db);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal(2, Run("materials", "list", "--min-conductivity-s-cm", "lots", "--db", Db).ExitCode);
    }

    [Fact]
    public void AddValidatesTheFormulaAndUnits()
    {
        var bad = Run("materials", "add", "--formula", "Na3(SbS4", "--carrier", "Na", "--db", Db);
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("never closed", bad.Stderr);
        Assert.Equal(0, Run("materials", "add", "--formula", "Na3SbS4", "--carrier", "Na", "--name", "sodium thioantimonate", "--db", Db).ExitCode);
        var badUnit = Run("materials", "add-property", "--compound", "Na3SbS4", "--quantity", "ionicConductivity", "--value", "2e-4", "--unit", "mS/cm", "--db", Db);
        Assert.Equal(1, badUnit.ExitCode);
        Assert.Contains("unknown unit 'mS/cm'", badUnit.Stderr);
        var ok = Run("materials", "add-property", "--compound", "sodium thioantimonate", "--quantity", "ionicConductivity", "--value", "2e-4",
            "--unit", "S/cm", "--temperature-c", "25", "--method", "EIS", "--doi", "10.1038/ncomms1843", "--reference", "Hayashi 2012", "--db", Db);
        Assert.True(ok.ExitCode == 0, ok.Stderr);
        var source = CliJson.AssertContract(Run("materials", "show", "Na3SbS4", "--json", "--db", Db)).GetProperty("properties")[0].GetProperty("source");
        Assert.Equal("10.1038/ncomms1843", source.GetProperty("doi").GetString());
        Assert.Equal("user: Hayashi 2012", source.GetProperty("reference").GetString());
    }

    [Fact]
    public void ConductivityFitOfStoredRecordsRecoversTheirActivationEnergy()
    {
        // Records at four temperatures added through the CLI (an Arrhenius series, Eₐ = 0.45 eV, σ(25 °C) = 2e-5 S/cm):
        // `conductivity fit --compound` must fit them straight from the knowledge base.
        Assert.Equal(0, Run("materials", "add", "--formula", "Na3SbS4", "--carrier", "Na", "--db", Db).ExitCode);
        const double ea = 0.45, kB = 8.617333262e-5, sigma25 = 2e-5;
        foreach (var tc in new[] { 0.0, 25, 50, 80 })
        {
            var sigma = sigma25 * Math.Exp(-ea / kB * (1 / (tc + 273.15) - 1 / 298.15));
            var add = Run("materials", "add-property", "--compound", "Na3SbS4", "--quantity", "ionicConductivity",
                "--value", sigma.ToString("R", System.Globalization.CultureInfo.InvariantCulture), "--unit", "S/cm",
                "--temperature-c", tc.ToString(System.Globalization.CultureInfo.InvariantCulture), "--method", "EIS",
                "--reference", "CLI test series", "--db", Db);
            Assert.True(add.ExitCode == 0, add.Stderr);
        }
        var root = CliJson.AssertContract(Run("conductivity", "fit", "--compound", "Na3SbS4", "--model", "arrhenius", "--json", "--db", Db),
            "model", "segments", "transitions", "sigma25CSPerCm", "sigma25CCi95SPerCm");
        Assert.Equal(ea, root.GetProperty("segments")[0].GetProperty("activationEnergyEv").GetDouble(), 1e-6);
        Assert.Equal(sigma25, root.GetProperty("sigma25CSPerCm").GetDouble(), 1e-10);
    }

    [Fact]
    public void CsvExportImportRoundTripsThroughTheCli()
    {
        ImportFixture();
        Assert.Equal(0, Run("materials", "export", "--out", _temp.File("a.csv"), "--db", Db).ExitCode);
        Assert.Equal(0, Run("materials", "import", _temp.File("a.csv"), "--db", _temp.File("b.db")).ExitCode);
        Assert.Equal(0, Run("materials", "export", "--out", _temp.File("b.csv"), "--db", _temp.File("b.db")).ExitCode);
        Assert.Equal(File.ReadAllText(_temp.File("a.csv")), File.ReadAllText(_temp.File("b.csv")));
    }

    [Fact]
    public void ListSearchAndPlot()
    {
        ImportFixture();
        var list = CliJson.AssertContract(Run("materials", "list", "--min-conductivity-s-cm", "1e-3", "--at-c", "40", "--json", "--db", Db));
        Assert.Contains(list.GetProperty("compounds").EnumerateArray(), c => c.GetProperty("formula").GetString() == "Na4(B12H12)(B10H10)");
        var search = Run("materials", "search", "isopropanol", "--json", "--db", Db);
        Assert.Contains("prop-fx-003", search.Stdout);
        var plot = Run("materials", "plot-conductivity", "Na4(B12H12)(B10H10)", "LiCB11H12", "--out", _temp.File("fig.html"), "--db", Db);
        Assert.True(plot.ExitCode == 0, plot.Stderr);
        var html = File.ReadAllText(_temp.File("fig.html"));
        Assert.Contains("Na4(B12H12)(B10H10)", html);
        Assert.Contains("LiCB11H12", html);
        Assert.False(File.Exists(Path.Combine(_temp.File("xdg"), "borolyte", "borolyte.db")));
    }
}
