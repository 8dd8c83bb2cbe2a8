using Borolyte.Tests.Support;
using Borolyte.Storage;
using Borolyte.Studies;

namespace Borolyte.Tests.Studies;

public class FoundationStudyTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Electrolyte_batch_reproduces_the_masses_weighed_in_seed_004()
    {
        var batch = FoundationStudy.InfiltrationRecipes()[0];
        // Seed 004, Experimental: "533.6 mg Na2B12H12 and 466.4 mg Na2B10H10 were dissolved in 20 mL anhydrous isopropanol".
        Assert.Equal(533.6, batch.Recipe.Precursors.Single(p => p.Formula.Text == "Na2B12H12").MassKg * 1e6, 1);
        Assert.Equal(466.4, batch.Recipe.Precursors.Single(p => p.Formula.Text == "Na2B10H10").MassKg * 1e6, 1);
        Assert.Equal(20.0, batch.Solution!.SolventVolumeMl, 9);
        Assert.Equal(50.0, batch.Solution.ConcentrationMgPerMl, 6); // 1000 mg / 20 mL
    }

    [Fact]
    public void Dipping_solution_at_100_mg_per_mL_needs_10_mL_per_gram_and_alloy_is_three_to_one()
    {
        var recipes = FoundationStudy.InfiltrationRecipes();
        Assert.Equal(10.0, recipes[1].Solution!.SolventVolumeMl, 6);
        Assert.True(recipes[1].Solution!.VolumeWasComputed);
        var alloy = recipes[2].Recipe;
        double naMol = alloy.Precursors.Single(p => p.Formula.Text == "Na").AmountMol;
        double snMol = alloy.Precursors.Single(p => p.Formula.Text == "Sn").AmountMol;
        Assert.Equal(3.0, naMol / snMol, 9);
        // 1 g Na3Sn: x_Sn = M_Sn / (3 M_Na + M_Sn) with IUPAC 2021 weights Na 22.98976928, Sn 118.71.
        Assert.Equal(118.71 / (3 * 22.98976928 + 118.71) * 1000, alloy.Precursors.Single(p => p.Formula.Text == "Sn").MassKg * 1e6, 6);
    }

    [Fact]
    public void Report_has_every_section_and_figure_from_the_seeded_knowledge_base()
    {
        using var kb = KnowledgeBase.Open(_temp.File("demo.db"));
        var result = FoundationStudy.Run(kb, new FoundationStudyInputs(TestData.Path("cycling", "neware_uio.csv")));
        string html = result.Report.Render();
        foreach (var section in new[] { "Knowledge base", "Ionic conductivity", "Cluster anions (Wade–Mingos)", "Infiltration recipe", "Cell design", "Cell simulation", "Ion transport", "Cycling data", "Stability" })
            Assert.Contains($">{System.Net.WebUtility.HtmlEncode(section)}</h2>", html);
        // One conductivity figure from the foundation, at least one from cell design and three from cycling.
        Assert.True(result.Report.FigureCount >= 5, $"{result.Report.FigureCount} figures");
        Assert.Equal(kb.Counts(), result.Counts);
        Assert.Contains(result.Conductivity, s => s.Compound.Formula == "Na4(B12H12)(B10H10)");
        Assert.Contains(result.Clusters, c => c.Entry.FormulaText == "[B12H12]2-" && c.Result.Count!.ClassName == "closo");
        Assert.Contains(result.Clusters, c => c.Entry.FormulaText == "[BH4]-" && c.Result.Count is null);
    }
}
