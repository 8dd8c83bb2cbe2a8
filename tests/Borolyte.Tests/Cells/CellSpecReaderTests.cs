using Borolyte.Cells.Design;
using Borolyte.Tests.Support;

namespace Borolyte.Tests.Cells;

public class CellSpecReaderTests
{
    private static string Seed => File.ReadAllText(TestData.Path("cells", "nacro2-sn-full.yaml"));

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Borolyte.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("Borolyte.sln not found above the test assembly");
    }

    [Fact]
    public void Seed_spec_reads_every_field()
    {
        var cell = CellSpecReader.Parse(Seed, "nacro2-sn-full.yaml");
        Assert.Equal("nacro2-sn-full", cell.Name);
        Assert.Equal("NaCrO2", cell.Cathode.Electrode.ActiveMaterial);
        Assert.Equal("97:1:2", cell.Cathode.Electrode.Composition.Text);
        Assert.Equal(5.6, cell.Cathode.Electrode.ActiveLoadingMgPerCm2, 12);
        Assert.Equal(0.768, cell.Cathode.Electrode.Porosity, 12);   // seed 004's SI Table S1
        Assert.Equal(0.149, cell.Cathode.MeasuredElectrolyteToCompositeMassRatio);
        Assert.Equal(0.294, cell.Cathode.PressedPorosity);
        Assert.Equal(4120, cell.Cathode.Electrode.Densities.ActiveKgPerM3, 9);   // the SI's ρ(NaCrO2), over the catalogue's 4.36
        Assert.Equal(0.765, cell.Anode.Electrode.Porosity, 12);
        Assert.Equal("90:5:5", cell.Anode.Electrode.Composition.Text);
        Assert.Equal(634 * 3600, cell.Anode.Electrode.SpecificCapacityCPerKg, 6);
        Assert.Equal(500e-6, cell.Separator.ThicknessM, 12);
        Assert.Equal(1170, cell.Separator.DensityKgPerM3, 9);
        Assert.Equal(2, cell.CurrentCollectors.Count);
        Assert.Equal(2700, cell.CurrentCollectors[0].DensityKgPerM3, 9);
        Assert.Equal(ConcentrationBasis.PerSolventVolume, cell.Cathode.Infiltration!.Basis);
        Assert.Equal(2.5636, cell.AverageDischargeVoltageV, 12);
    }

    [Fact]
    public void Shipped_example_spec_and_the_test_fixture_are_the_same_file()
    {
        Assert.Equal(File.ReadAllText(Path.Combine(RepoRoot(), "data", "cells", "nacro2-sn-full.yaml")), Seed);
    }

    [Fact]
    public void Material_catalogue_file_mirrors_the_library()
    {
        // data/cells/materials.yaml is the catalogue (embedded; see Design/CellMaterialsCatalogueTests for the full check).
        var text = File.ReadAllText(Path.Combine(RepoRoot(), "data", "cells", "materials.yaml"));
        var yaml = new YamlDotNet.RepresentationModel.YamlStream();
        yaml.Load(new StringReader(text));
        var list = (YamlDotNet.RepresentationModel.YamlSequenceNode)((YamlDotNet.RepresentationModel.YamlMappingNode)yaml.Documents[0].RootNode)["materials"];
        Assert.Equal(CellMaterials.All.Count, list.Children.Count);
        foreach (var (node, m) in list.Children.Cast<YamlDotNet.RepresentationModel.YamlMappingNode>().Zip(CellMaterials.All))
        {
            Assert.Equal(m.Name, node["name"].ToString());
            Assert.Equal(m.DensityGPerCm3, double.Parse(node["densityGPerCm3"].ToString(), System.Globalization.CultureInfo.InvariantCulture), 9);
            Assert.Equal(m.DensitySource, node["densitySource"].ToString());
        }
    }

    private static CellSpecException Fails(string yaml) =>
        Assert.Throws<CellSpecException>(() => CellSpecReader.Parse(yaml, "cell.yaml"));

    [Fact]
    public void Missing_field_names_the_field_and_section_line()
    {
        var ex = Fails(Seed.Replace("  loadingMgPerCm2: 5.6 ", "  # no loading "));
        Assert.StartsWith("cell.yaml:", ex.Message);
        Assert.Contains("cathode.loadingMgPerCm2 is required but missing", ex.Message);
    }

    [Fact]
    public void Negative_value_names_the_field_and_its_line()
    {
        string yaml = Seed.Replace("  loadingMgPerCm2: 1.2 ", "  loadingMgPerCm2: -1.2 ");
        int line = yaml.Split('\n').ToList().FindIndex(l => l.Contains("loadingMgPerCm2: -1.2")) + 1;
        var ex = Fails(yaml);
        Assert.Equal($"cell.yaml:{line}: anode.loadingMgPerCm2 must be greater than zero, got -1.2", ex.Message);
    }

    [Theory]
    [InlineData("  porosity: 0.768 ", "  porosity: 1.5 # ", "cathode.porosity must be a fraction in [0, 1)")]
    [InlineData("  thicknessUm: 500 ", "  thicknessUm: abc ", "separator.thicknessUm must be a number, got 'abc'")]
    [InlineData("  composition: \"97:1:2\"", "  composition: \"97:1\u00a72\"", "cathode.composition")]
    [InlineData("  basis: solvent ", "  basis: volume ", "infiltration.basis must be 'solvent' or 'solution'")]
    [InlineData("  loadingBasis: active          # not stated", "  loadingBasis: total  # ", "cathode.loadingBasis must be 'active' or 'composite'")]
    [InlineData("  dips: 1 ", "  dips: 0 ", "infiltration.dips must be a whole number ≥ 1")]
    [InlineData("  averageVoltageV: 2.5636 ", "  averageVoltageV: 0 ", "discharge.averageVoltageV must be greater than zero")]
    [InlineData("  measuredElectrolyteMassRatio: 0.149 ", "  measuredElectrolyteMassRatio: -0.149 ", "cathode.measuredElectrolyteMassRatio must be ≥ 0")]
    [InlineData("  activeMaterial: Sn ", "  activeMaterial: Unobtainium ", "anode.activeDensityGPerCm3 is required: 'Unobtainium' is not in the material catalogue")]
    [InlineData("  capacityMAhPerG: 634 ", "  capacityMAhPerG: 634\n  colour: grey ", "unknown field 'anode.colour'")]
    public void Bad_values_are_one_line_errors_naming_the_field(string find, string replace, string expected)
    {
        Assert.Contains(find, Seed);
        var ex = Fails(Seed.Replace(find, replace));
        Assert.Contains(expected, ex.Message);
        Assert.Matches(@"^cell\.yaml:\d+: ", ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void Measured_electrolyte_on_a_dry_electrode_is_an_error()
    {
        var ex = Fails(Seed.Replace("  measuredElectrolyteMassRatio: 0.149 ", "  infiltrated: false\n  measuredElectrolyteMassRatio: 0.149 "));
        Assert.Contains("cathode.measuredElectrolyteMassRatio needs an infiltrated electrode", ex.Message);
    }

    [Fact]
    public void Both_porosity_and_thickness_is_an_error()
    {
        var ex = Fails(Seed.Replace("  porosity: 0.768 ", "  thicknessUm: 70\n  porosity: 0.768 "));
        Assert.Contains("exactly one", ex.Message);
    }

    [Fact]
    public void Impossible_geometry_names_the_section()
    {
        var ex = Fails(Seed.Replace("  porosity: 0.768 ", "  thicknessUm: 5 # "));
        Assert.Contains("cathode: thickness 5 µm is not larger than the solid volume", ex.Message);
    }

    [Fact]
    public void Malformed_yaml_reports_the_line()
    {
        var ex = Fails("name: x\ncathode:\n  loadingMgPerCm2: 5: 6\n");
        Assert.StartsWith("cell.yaml:3: not valid YAML: ", ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void Yaml_that_crashes_the_yaml_scanner_is_still_a_one_line_input_error()
    {
        // YamlDotNet 16.3 throws InvalidOperationException (no line) for an unclosed flow sequence followed by a mapping.
        var ex = Fails("name: x\ncathode:\n  loadingMgPerCm2: [1, 2\n  composition: 1:1\n");
        Assert.StartsWith("cell.yaml: not valid YAML", ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void Empty_or_scalar_document_is_an_error()
    {
        Assert.Contains("expected a mapping", Fails("").Message);
        Assert.Contains("expected a mapping", Fails("just text").Message);
    }
}
