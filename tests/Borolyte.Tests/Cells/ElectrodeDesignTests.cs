using Borolyte.Cells.Design;
using Borolyte.Chemistry;

namespace Borolyte.Tests.Cells;

/// <summary>Electrode design against hand calculations (written out) and the numbers of seeds 000 and 004.</summary>
public class ElectrodeDesignTests
{
    // Densities used throughout (g/cm³): NaCrO2 4.36, PVDF 1.78, Super P 1.9 (catalogue; see data/cells/materials.yaml).
    private static readonly ComponentDensities NaCrO2Densities = new(4360, 1780, 1900);

    private static Electrode NaCrO2(string composition, double loadingMgPerCm2, double porosity) =>
        Electrode.FromPorosity("NaCrO2", ElectrodeComposition.Parse(composition), NaCrO2Densities,
            loadingMgPerCm2 * CellUnits.KgPerM2PerMgPerCm2, LoadingBasis.ActiveMaterial, 120 * CellUnits.CPerKgPerMAhPerG, porosity);

    [Theory]
    // Seed 004 §2: Sn "theoretical sodiation capacity of 847 mA h g-1" (Na15Sn4: 3.75 Na per Sn).
    [InlineData("Sn", 3.75, 847.0)]
    // Seed 000 §2.2: "1672 mAh g-1 for S vs 239 mAh g-1 for TiS2".
    [InlineData("TiS2", 1.0, 239.0)]
    [InlineData("S", 2.0, 1672.0)]
    public void Faraday_capacity_reproduces_the_seeds_theoretical_capacities(string formula, double n, double published)
    {
        Assert.Equal(published, TheoreticalCapacity.MAhPerG(Formula.Parse(formula), n), 0); // to the seeds' 3-4 digits (±0.5)
    }

    [Fact]
    public void Faraday_capacity_of_NaCrO2_by_hand_and_against_the_reviews_120()
    {
        // Q = n F / (3.6 M); M(NaCrO2) = 22.98976928 + 51.9961 + 2 × 15.999 = 106.98386928 g/mol (IUPAC 2021 weights).
        double hand = 0.5 * 96485.33212331001 / (3.6 * 106.98386928); // = 125.259 mAh/g
        Assert.Equal(hand, TheoreticalCapacity.MAhPerG(Formula.Parse("NaCrO2"), 0.5), 6);
        Assert.Equal(125.26, hand, 2);
        // Seed 000 §2.2 calls 120 mAh/g NaCrO2's "theoretical capacity": 4 % below Faraday's law at x = 0.5.
        // Borolyte uses 120 as the nominal (practical) capacity and states 125.3 as the Faraday value.
        Assert.InRange((hand - 120) / 120, 0.04, 0.045);
    }

    [Fact]
    public void Composition_parses_and_normalises()
    {
        var c = ElectrodeComposition.Parse("95:2:3");
        Assert.Equal(0.95, c.ActiveMassFraction, 12);
        Assert.Equal(0.02, c.BinderMassFraction, 12);
        Assert.Equal(0.03, c.CarbonMassFraction, 12);
        Assert.Equal("95:2:3", c.Text);
        var scaled = ElectrodeComposition.Parse(" 9.7 : 0.1 : 0.2 ");
        Assert.Equal(0.97, scaled.ActiveMassFraction, 12);
        Assert.Equal(0.5, ElectrodeComposition.Parse("1:1").ActiveMassFraction, 12);
    }

    [Theory]
    [InlineData("95")]
    [InlineData("95:x:3")]
    [InlineData("95:-2:3")]
    [InlineData("0:5:5")]
    [InlineData("1:2:3:4")]
    public void Bad_compositions_name_the_field(string text)
    {
        var ex = Assert.Throws<InvalidInputException>(() => ElectrodeComposition.Parse(text, "cathode.composition"));
        Assert.StartsWith("cathode.composition:", ex.Message);
    }

    [Fact]
    public void Porosity_from_thickness_by_hand()
    {
        // 95:2:3 NaCrO2 at 7.0 mg/cm² active (seed 004 §2): composite = 7.0/0.95 = 7.368421 mg/cm².
        // 1/ρ_solid = 0.95/4.36 + 0.02/1.78 + 0.03/1.9 = 0.2178899 + 0.0112360 + 0.0157895 = 0.2449154 cm³/g → ρ = 4.083043 g/cm³.
        // Solid thickness = 7.368421e-3 g/cm² / 4.083043 g/cm³ = 1.804639e-3 cm = 18.04639 µm; at 90 µm, ε = 1 − 18.04639/90 = 0.799485.
        var e = Electrode.FromThickness("NaCrO2", ElectrodeComposition.Parse("95:2:3"), NaCrO2Densities, 7.0 * CellUnits.KgPerM2PerMgPerCm2,
            LoadingBasis.ActiveMaterial, 120 * CellUnits.CPerKgPerMAhPerG, 90e-6);
        Assert.Equal(7.368421, e.CompositeLoadingMgPerCm2, 5);
        Assert.Equal(4.083043, e.SolidDensityKgPerM3 / 1000, 5);
        Assert.Equal(18.04639, e.SolidThicknessM * 1e6, 4);
        Assert.Equal(0.799485, e.Porosity, 5);
    }

    [Fact]
    public void Thickness_from_porosity_is_the_inverse()
    {
        // Seed 004 §2: "electrode porosity near 80% after casting": t = 18.04639 µm / (1 − 0.80) = 90.23197 µm.
        var e = NaCrO2("95:2:3", 7.0, 0.80);
        Assert.Equal(90.23197, e.ThicknessUm, 3);
        Assert.Equal(0.80, e.Porosity, 12);
    }

    [Fact]
    public void Composite_loading_basis_takes_the_active_fraction()
    {
        var e = Electrode.FromPorosity("NaCrO2", ElectrodeComposition.Parse("97:1:2"), NaCrO2Densities, 7.7 * CellUnits.KgPerM2PerMgPerCm2,
            LoadingBasis.Composite, 120 * CellUnits.CPerKgPerMAhPerG, 0.8);
        Assert.Equal(7.7 * 0.97, e.ActiveLoadingMgPerCm2, 12); // 7.469 mg/cm² NaCrO2
        Assert.Equal(7.7, e.CompositeLoadingMgPerCm2, 12);
    }

    [Fact]
    public void Thinner_than_the_solid_is_an_error()
    {
        var ex = Assert.Throws<InvalidInputException>(() => Electrode.FromThickness("NaCrO2", ElectrodeComposition.Parse("95:2:3"), NaCrO2Densities,
            7.0 * CellUnits.KgPerM2PerMgPerCm2, LoadingBasis.ActiveMaterial, 120 * CellUnits.CPerKgPerMAhPerG, 10e-6));
        Assert.Contains("porosity would be ≤ 0", ex.Message);
    }

    [Fact]
    public void Seed_004_C_rate_at_7_0_mg_cm2_is_0_084_mA_cm2()
    {
        // Seed 004 §2: 95:2:3 electrode (7.0 mg/cm²) "at 0.1C (0.084 mA cm-2)". Hand: 7.0 mg/cm² × 120 mAh/g = 0.840 mAh/cm²;
        // 0.1C = 0.1 × 0.840 mA/cm² = 0.0840 mA/cm², exactly the paper's number on an active-material basis with 120 mAh/g.
        var e = NaCrO2("95:2:3", 7.0, 0.8);
        Assert.Equal(0.840, e.ArealCapacityMAhPerCm2, 9);
        Assert.Equal(0.084, e.CurrentDensityAPerM2(0.1) / CellUnits.APerM2PerMAPerCm2, 9);
        Assert.Equal(0.1, e.CRateOf(0.084 * CellUnits.APerM2PerMAPerCm2), 9);
    }

    [Fact]
    public void Seed_004_5C_at_7_7_mg_cm2_is_4_5_mA_cm2_within_3_percent()
    {
        // Seed 004 abstract and seed 000 §2.2: 7.7 mg/cm², "5C (4.5 mA cm-2)". Hand: 5 × 7.7 × 0.120 = 4.62 mA/cm² on an active basis
        // (2.7 % above 4.5); on a composite basis 5 × 7.7 × 0.97 × 0.120 = 4.4814 mA/cm² (0.4 % below). The paper does not say which;
        // 0.084 mA/cm² at 7.0 mg/cm² (previous test) fits the active basis exactly, so the 4.5 is probably rounded from a measured capacity.
        var active = NaCrO2("97:1:2", 7.7, 0.8);
        double j = active.CurrentDensityAPerM2(5) / CellUnits.APerM2PerMAPerCm2;
        Assert.Equal(4.62, j, 9);
        Assert.InRange((j - 4.5) / 4.5, 0, 0.03);
        // The C-rate of the paper's 4.5 mA/cm² on this electrode: 4.5 / 0.924 = 4.8701C.
        Assert.Equal(4.5 / 0.924, active.CRateOf(4.5 * CellUnits.APerM2PerMAPerCm2), 9);
    }

    [Fact]
    public void CRate_functions_reject_non_positive_input()
    {
        Assert.Throws<InvalidInputException>(() => CRate.ArealCapacityCPerM2(-1, 1));
        Assert.Throws<InvalidInputException>(() => CRate.CurrentDensityAPerM2(1, 0));
        Assert.Throws<InvalidInputException>(() => CRate.OfCurrentDensity(double.NaN, 1));
    }
}
