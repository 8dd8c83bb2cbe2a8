using Borolyte.Cells.Design;
using Borolyte.Reporting;
using Borolyte.Studies;
using Borolyte.Tests.Support;

namespace Borolyte.Tests.Cells;

public class CellDesignSectionTests
{
    [Fact]
    public void Library_copy_of_the_seed_spec_equals_the_shipped_file()
    {
        // data/cells/nacro2-sn-full.yaml is embedded in the library; the test fixture is a copy of it.
        Assert.Equal(File.ReadAllText(TestData.Path("cells", "nacro2-sn-full.yaml")), SeedCellDesigns.NaCrO2SnFullYaml);
    }

    [Fact]
    public void Section_shows_computed_values_next_to_the_published_ones()
    {
        var report = new HtmlReport("test");
        CellDesignSection.AddTo(report);
        string html = report.Render();
        Assert.Contains("Cell design", html);
        Assert.Contains("0.0840 (0.084)", html);  // 0.1C of 7.0 mg/cm² × 120 mAh/g, seed 004 §2
        Assert.Contains("4.62 (4.5)", html);      // 5C of 7.7 mg/cm², seed 004 abstract (2.7 % apart, see ElectrodeDesignTests)
        Assert.Contains("7.97 / 8.7 (8.0)", html);  // expected SE of 95:2:3 at Table S1's 78.5 % and 4.12 g/cm³, beside the SI's 8 %
        Assert.Contains("78.5 (78.5 %)", html);
        Assert.Contains("47.7 at 37.7 % (Table S1)", html);
        Assert.Contains("<td>282.0</td><td>282</td>", html);
        Assert.Contains("<td>222.2</td><td>222</td>", html);
        Assert.Contains("<td>1.132</td><td>1.20</td>", html);
        Assert.Equal(1, report.FigureCount);
        // The seed half cells as design specs (Na3Sn foil counter electrode): n/p of the 7.0 mg/cm² cathode against 100 µm of Na3Sn.
        Assert.Contains("Na3Sn foil, 100 ", html);
        Assert.Contains("≈118 mAh/g (0.1C, Fig. 3a)", html);
        Assert.Contains("<td>10.9</td>", html);   // 21.4 mg/cm² × 428.4 mAh/g / (7.0 × 120) = 10.91
    }

    [Fact]
    public void Embedded_half_cell_specs_equal_the_shipped_examples()
    {
        foreach (var name in SeedCellDesigns.HalfCellSpecNames)
            Assert.Equal(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", "cells", name)), SeedCellDesigns.ExampleYaml(name));
    }

    [Fact]
    public void Lighter_electrolyte_and_thinner_separator_give_more_Wh_per_kg()
    {
        var full = SeedCellDesigns.NaCrO2SnFull();
        double Stack(string electrolyte, double um) => full.WithElectrolyteDensity(CellMaterials.Get(electrolyte).DensityKgPerM3)
            .WithSeparatorThickness(um * 1e-6).Energy().SpecificEnergyWhPerKgStack;
        foreach (var t in CellDesignSection.SeparatorThicknessesUm)
        {
            Assert.True(Stack("Na4(B12H12)(B10H10)", t) > Stack("Li6PS5Cl", t));
            Assert.True(Stack("Li6PS5Cl", t) > Stack("Na3PS4", t));
            Assert.True(Stack("Na3PS4", t) > Stack("Li7La3Zr2O12", t));
        }
        Assert.True(Stack("Na4(B12H12)(B10H10)", 30) > 3 * Stack("Na4(B12H12)(B10H10)", 500));
    }
}
