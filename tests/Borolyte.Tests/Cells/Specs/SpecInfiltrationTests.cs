using System.Text.RegularExpressions;
using Borolyte.Cells.Design;
using Borolyte.Cells.Simulation;
using Borolyte.Tests.Support;

namespace Borolyte.Tests.Cells.Specs;

/// <summary>
/// The infiltration block, read by one parser for the design spec (<see cref="CellSpecReader"/>) and the simulation spec
/// (<see cref="CellSimulationSpec"/>): the same block gives the same infiltration; each reader words its errors as it always has.
/// </summary>
public class SpecInfiltrationTests
{
    private static readonly string Seed = File.ReadAllText(TestData.Path("cells", "nacro2-sn-full.yaml"));

    /// <summary>The seed design spec with its infiltration block replaced (lines given unindented).</summary>
    private static string Design(string block) =>
        Regex.Replace(Seed, @"(?m)^infiltration:\n(  .*\n)+", "infiltration:\n" + Indent(block));

    private static string Simulation(string block) => "preset: nacro2-half\ninfiltration:\n" + Indent(block);

    private static string Indent(string block) => string.Concat(block.Split('\n').Select(l => $"  {l}\n"));

    private static int LineOf(string yaml, string text) => yaml.Split('\n').ToList().FindIndex(l => l.Contains(text)) + 1;

    [Fact]
    public void The_same_block_and_electrode_give_the_same_electrolyte_in_a_design_and_a_simulation_spec()
    {
        const string block = "concentrationMgPerMl: 80\nbasis: solution\ndips: 2";
        // The seed cathode without its measured electrolyte: the pores-only expectation of the infiltration sets it.
        string yaml = Regex.Replace(Design(block), @"(?m)^  measuredElectrolyteMassRatio:.*\n", "");
        var cathode = CellSpecReader.Parse(yaml, "cell.yaml").Cathode;
        Assert.Equal(new SolutionInfiltration(80 * CellUnits.KgPerM3PerMgPerMl, 1170, ConcentrationBasis.PerSolutionVolume, 2), cathode.Infiltration);

        var (_, cell) = CellSimulationSpec.Parse(Simulation(block) + """
            positive:
              activeMaterial: NaCrO2
              activeDensityGPerCm3: 4.12
              composition: "97:1:2"
              loadingMgPerCm2: 5.6
              capacityMAhPerG: 120
              porosity: 0.768
              pressedPorosity: 0.294
            """, "sim.yaml");
        var p = (CompositeElectrodeParameters)cell.Positive;
        var (t, eAm, eSe) = CellPresets.DesignedGeometry(cathode);
        Assert.Equal(t, p.ThicknessM, 15);
        Assert.Equal(eAm, p.ActiveVolumeFraction, 12);
        Assert.Equal(eSe, p.ElectrolyteVolumeFraction, 12);
        Assert.True(eSe > 0);
    }

    [Theory]
    [InlineData("concentrationMgPerMl: 0", "concentrationMgPerMl",
        "infiltration.concentrationMgPerMl must be greater than zero, got 0", "infiltration.concentrationMgPerMl must be greater than zero, got 0")]
    [InlineData("concentrationMgPerMl: 100\nbasis: volume", "basis:",
        "infiltration.basis must be 'solvent' or 'solution', got 'volume'", "infiltration.basis must be 'solvent' or 'solution', got 'volume'")]
    [InlineData("basis: solution", "basis:",
        "infiltration.concentrationMgPerMl is required but missing", "infiltration.concentrationMgPerMl is required")]
    [InlineData("concentrationMgPerMl: ~", "concentrationMgPerMl",
        "infiltration.concentrationMgPerMl is required but missing", "infiltration.concentrationMgPerMl must be a number, got '~'")]
    [InlineData("concentrationMgPerMl: 100\ndips: 0", "dips:",
        "infiltration.dips must be a whole number ≥ 1, got '0'", "infiltration.dips must be greater than zero, got 0")]
    [InlineData("concentrationMgPerMl: 100\ndips: 1.5", "dips:",
        "infiltration.dips must be a whole number ≥ 1, got '1.5'", "infiltration.dips must be a whole number ≥ 1, got 1.5")]
    [InlineData("concentrationMgPerMl: 100\ndips: 2.0", "dips:", "infiltration.dips must be a whole number ≥ 1, got '2.0'", null)]
    [InlineData("concentrationMgPerMl: 100\ncolour: blue", "colour:",
        "unknown field 'infiltration.colour'; expected one of concentrationMgPerMl, basis, dips",
        "unknown field 'infiltration.colour' (known: concentrationMgPerMl, basis, dips)")]
    public void Each_reader_names_the_file_line_and_field_in_its_own_words(string block, string lineOf, string design, string? simulation)
    {
        string d = Design(block);
        var ex = Assert.Throws<CellSpecException>(() => CellSpecReader.Parse(d, "cell.yaml"));
        Assert.Equal($"cell.yaml:{LineOf(d, lineOf)}: {design}", ex.Message);

        string s = Simulation(block);
        if (simulation is null)
        {
            CellSimulationSpec.Parse(s, "sim.yaml");   // the simulation spec takes 2.0 as 2
            return;
        }
        var sx = Assert.ThrowsAny<InvalidInputException>(() => CellSimulationSpec.Parse(s, "sim.yaml"));
        Assert.Equal($"sim.yaml:{LineOf(s, lineOf)}: {simulation}", sx.Message);
    }

    [Fact]
    public void Design_spec_reports_a_solution_the_pores_cannot_hold_at_the_concentration()
    {
        string d = Design("concentrationMgPerMl: 1170\nbasis: solution");
        var ex = Assert.Throws<CellSpecException>(() => CellSpecReader.Parse(d, "cell.yaml"));
        Assert.Equal($"cell.yaml:{LineOf(d, "concentrationMgPerMl")}: infiltration: solution concentration 1170 mg/mL would leave more solid " +
            "than the pore volume holds (electrolyte density 1.17 g/cm³)", ex.Message);
    }

    [Fact]
    public void Simulation_spec_needs_the_electrolytes_density_for_an_infiltration()
    {
        // The review's TiS2 | LiBH4 | Li preset has no catalogue electrolyte, and the spec gives none.
        const string yaml = "preset: tis2-libh4-li\ninfiltration:\n  concentrationMgPerMl: 100\n";
        var ex = Assert.ThrowsAny<InvalidInputException>(() => CellSimulationSpec.Parse(yaml, "sim.yaml"));
        Assert.Equal("sim.yaml:3: infiltration needs the electrolyte's density: electrolyte.densityGPerCm3, or electrolyte.name from the material catalogue", ex.Message);
    }
}
