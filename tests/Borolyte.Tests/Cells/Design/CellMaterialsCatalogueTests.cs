using System.Globalization;
using Borolyte.Cells.Design;
using YamlDotNet.RepresentationModel;

namespace Borolyte.Tests.Cells.Design;

/// <summary>The material catalogue is data/cells/materials.yaml, embedded in the library.</summary>
public class CellMaterialsCatalogueTests
{
    private static string RepoFile(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Borolyte.sln"))) dir = dir.Parent;
        return Path.Combine([dir?.FullName ?? throw new DirectoryNotFoundException("Borolyte.sln not found"), .. parts]);
    }

    /// <summary>
    /// The catalogue as it stood in code before it moved to the YAML file (CellMaterials.cs, commit a19d302): name, role,
    /// density (g/cm³) and electrons per formula unit. Seed values among them: Na4(B12H12)(B10H10) 1.17, Li6PS5Cl 1.86,
    /// Li7La3Zr2O12 5.01 g/cm³ (seed 004 §1).
    /// </summary>
    public static TheoryData<string, MaterialRole, double, double?> Previous => new()
    {
        { "NaCrO2", MaterialRole.ActiveMaterial, 4.36, 0.5 },
        { "Sn", MaterialRole.ActiveMaterial, 7.265, 3.75 },
        { "TiS2", MaterialRole.ActiveMaterial, 3.22, 1.0 },
        { "S", MaterialRole.ActiveMaterial, 2.07, 2.0 },
        { "PVDF", MaterialRole.Binder, 1.78, null },
        { "Super P", MaterialRole.Carbon, 1.9, null },
        { "Na4(B12H12)(B10H10)", MaterialRole.Electrolyte, 1.17, null },
        { "Li6PS5Cl", MaterialRole.Electrolyte, 1.86, null },
        { "Li7La3Zr2O12", MaterialRole.Electrolyte, 5.01, null },
        { "Na3PS4", MaterialRole.Electrolyte, 2.23, null },
        { "Al", MaterialRole.CurrentCollector, 2.70, null },
        { "Cu", MaterialRole.CurrentCollector, 8.96, null },
        { "Ti", MaterialRole.CurrentCollector, 4.506, null },
        { "Na", MaterialRole.Metal, 0.968, 1.0 },
        { "Li", MaterialRole.Metal, 0.534, 1.0 },
    };

    [Theory]
    [MemberData(nameof(Previous))]
    public void Catalogue_keeps_the_previous_numbers(string name, MaterialRole role, double densityGPerCm3, double? electrons)
    {
        var m = CellMaterials.Get(name);
        Assert.Equal(role, m.Role);
        Assert.Equal(densityGPerCm3 * 1000, m.DensityKgPerM3, 9);
        Assert.Equal(electrons, m.ElectronsPerFormulaUnit);
        Assert.False(string.IsNullOrWhiteSpace(m.DensitySource));
        if (electrons is not null) Assert.False(string.IsNullOrWhiteSpace(m.CapacitySource));
    }

    [Fact]
    public void Catalogue_has_exactly_the_previous_materials_in_order()
    {
        // … followed by the materials added since: the seed's Na–Sn counter electrode, then the TiS2 cells' electrolytes.
        Assert.Equal(Previous.Select(row => (string)row[0]).Concat(["Na3Sn", "LiBH4", "LiCB11H12"]), CellMaterials.All.Select(m => m.Name));
    }

    [Theory]
    // Z·M/(N_A·a·b·c) of the orthorhombic room-temperature cells: LiBH4 Pnma, Z = 4 (Soulié et al., J. Alloys Compd. 346 (2002) 200);
    // LiCB11H12 Pca21, Z = 4 (Tang et al., Energy Environ. Sci. 8 (2015) 3637, Fig. 3). Atomic weights IUPAC 2021 (abridged), N_A exact (SI 2019).
    [InlineData("LiBH4", 4, 6.94 + 10.81 + 4 * 1.008, 7.17858, 4.43686, 6.80321)]
    [InlineData("LiCB11H12", 4, 6.94 + 12.011 + 11 * 10.81 + 12 * 1.008, 9.6668, 9.4892, 9.7273)]
    public void Lithium_hydroborate_densities_follow_from_their_lattice_parameters(string name, int z, double molarMass, double a, double b, double c)
    {
        double rho = z * molarMass / (6.02214076e23 * a * b * c * 1e-24);
        Assert.Equal(rho, CellMaterials.Get(name).DensityGPerCm3, 3);
        Assert.Equal(MaterialRole.Electrolyte, CellMaterials.Get(name).Role);
    }

    [Fact]
    public void LiCB11H12_density_agrees_with_the_papers_pellet()
    {
        // Tang et al. 2015: the pellet's "about 1.05 g cm-3" is "more than 94% of the densities calculated from the lattice parameters".
        Assert.InRange(1.05 / CellMaterials.Get("LiCB11H12").DensityGPerCm3, 0.94, 0.95);
    }

    [Fact]
    public void Na3Sn_counter_electrode_against_hand_calculation()
    {
        var m = CellMaterials.Get("Na3Sn");
        Assert.Equal(MaterialRole.Metal, m.Role);
        // Faraday: 3·F/(3.6·M), M = 3·22.98976928 + 118.710 g/mol (IUPAC), F = 96485.33212 C/mol.
        Assert.Equal(3 * 96485.33212 / (3.6 * (3 * 22.98976928 + 118.710)), m.TheoreticalCapacityMAhPerG!.Value, 2);
        // Seed 004 §4.1: "~367.5 mg of Na with 632.5 mg of Sn" — the 3:1 molar ratio: w_Na = 3·M_Na / M(Na3Sn).
        Assert.InRange(3 * 22.98976928 / (3 * 22.98976928 + 118.710) - 367.5 / 1000, -1e-4, 1e-4);
        // The catalogue density is the additive-volume estimate of that batch with the CRC densities (0.968, 7.265 g/cm³), rounded.
        Assert.Equal(1000 / (367.5 / 0.968 + 632.5 / 7.265), m.DensityGPerCm3, 2);
        Assert.Contains("ASSUMED", m.DensitySource);
    }

    [Fact]
    public void Catalogue_equals_the_yaml_file_field_by_field()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(RepoFile("data", "cells", "materials.yaml"))));
        var list = (YamlSequenceNode)((YamlMappingNode)yaml.Documents[0].RootNode)["materials"];
        Assert.Equal(list.Children.Count, CellMaterials.All.Count);
        string? Text(YamlMappingNode n, string key) => n.Children.TryGetValue(new YamlScalarNode(key), out var v) ? ((YamlScalarNode)v).Value : null;
        foreach (var (node, m) in list.Children.Cast<YamlMappingNode>().Zip(CellMaterials.All))
        {
            Assert.Equal(Text(node, "name"), m.Name);
            Assert.Equal(double.Parse(Text(node, "densityGPerCm3")!, CultureInfo.InvariantCulture), m.DensityGPerCm3, 12);
            Assert.Equal(Text(node, "densitySource"), m.DensitySource);
            Assert.Equal(Text(node, "capacitySource"), m.CapacitySource);
            Assert.Equal(Text(node, "formula"), m.FormulaText);
            Assert.Equal(Text(node, "electronsPerFormulaUnit") is { } e ? double.Parse(e, CultureInfo.InvariantCulture) : null, m.ElectronsPerFormulaUnit);
            if (Text(node, "theoreticalCapacityMAhPerG") is { } q)
                Assert.Equal(double.Parse(q, CultureInfo.InvariantCulture), m.TheoreticalCapacityMAhPerG!.Value, 0.1);
        }
    }

    [Theory]
    // Seed 004 §2: Sn 847 mAh/g; seed 000 §2.2: TiS2 239, S 1672 mAh/g. Faraday's law with IUPAC atomic weights.
    [InlineData("Sn", 847)]
    [InlineData("TiS2", 239)]
    [InlineData("S", 1672)]
    public void Theoretical_capacities_match_the_seeds(string name, double seedMAhPerG)
    {
        Assert.Equal(seedMAhPerG, CellMaterials.Get(name).TheoreticalCapacityMAhPerG!.Value, 0.5);
    }

    private const string Good = """
        materials:
          - name: "X"
            role: active
            densityGPerCm3: 4.36
            densitySource: "somewhere"
            formula: "NaCrO2"
            electronsPerFormulaUnit: 0.5
            theoreticalCapacityMAhPerG: 125.3
            capacitySource: "somewhere"
        """;

    [Fact]
    public void A_well_formed_catalogue_parses()
    {
        var m = Assert.Single(CellMaterials.Parse(Good, "t.yaml"));
        Assert.Equal(4360, m.DensityKgPerM3, 9);
    }

    [Theory]
    [InlineData("theoreticalCapacityMAhPerG: 125.3", "theoreticalCapacityMAhPerG: 120", "theoreticalCapacityMAhPerG (X) says 120 mAh/g but n·F/(3.6·M) gives 125.2")]
    [InlineData("    densitySource: \"somewhere\"\n", "", "densitySource is required")]
    [InlineData("role: active", "role: cathode", "role must be")]
    [InlineData("densityGPerCm3: 4.36", "densityGPerCm3: -1", "densityGPerCm3 must be a number greater than zero")]
    [InlineData("    capacitySource: \"somewhere\"", "", "go together")]
    [InlineData("role: active", "role: active\n    colour: green", "colour is not a catalogue field")]
    public void A_defective_catalogue_names_the_line_and_field(string from, string to, string expected)
    {
        string yaml = Good.Replace(from, to);
        Assert.NotEqual(Good, yaml);
        var ex = Assert.Throws<InvalidOperationException>(() => CellMaterials.Parse(yaml, "t.yaml"));
        Assert.StartsWith("t.yaml:2: ", ex.Message);
        Assert.Contains(expected, ex.Message);
    }
}
