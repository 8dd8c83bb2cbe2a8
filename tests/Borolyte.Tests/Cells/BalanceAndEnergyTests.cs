using Borolyte.Cells.Design;
using Borolyte.Tests.Support;

namespace Borolyte.Tests.Cells;

/// <summary>n/p balancing and specific energy of seed 004's NaCrO2 | Na4(B12H12)(B10H10) | Sn full cell (§2, Fig. 4c).</summary>
public class BalanceAndEnergyTests
{
    private static CellDesign FullCell() => CellSpecReader.ReadFile(TestData.Path("cells", "nacro2-sn-full.yaml"));

    [Fact]
    public void Paper_full_cell_n_over_p_from_its_loadings_is_1_13_not_1_20()
    {
        // Seed 004 §2: NaCrO2 97:1:2 at 5.6 mg/cm², Sn 90:5:5 at 1.2 mg/cm², "np ratio of 1.20", balanced "based on the result of
        // Sn|Na-Sn half cells" (634 mAh/g). Hand, active-material loadings: n/p = (1.2 × 634) / (5.6 × 120) = 760.8 / 672 = 1.132143.
        // HONEST DISAGREEMENT: 5.7 % below the paper's 1.20. The paper's 1.20 would need q_Sn = 1.20 × 672 / 1.2 = 672 mAh/g at
        // 120 mAh/g NaCrO2, or q_NaCrO2 = 760.8 / (1.20 × 5.6) = 113.2 mAh/g at 634 mAh/g Sn. With Sn loading as composite
        // (1.2 × 0.9 = 1.08 mg/cm² Sn) it would be 1.019; with both as composite, 1.050. We do not tune: the spec states what the paper states.
        var cell = FullCell();
        Assert.Equal(760.8 / 672.0, cell.NpRatio, 9);
        Assert.Equal(0.057, (1.20 - cell.NpRatio) / 1.20, 3);
    }

    [Fact]
    public void Anode_loading_for_the_papers_target_n_over_p()
    {
        // m_Sn = (n/p) Q_A,cathode / q_Sn = 1.20 × 0.672 mAh/cm² / 634 mAh/g = 1.271924 mg/cm² (the paper used 1.2 mg/cm²).
        var cell = FullCell();
        double m = ElectrodeBalance.NegativeActiveLoadingKgPerM2(1.20, cell.Cathode.Electrode.ArealCapacityCPerM2, 634 * CellUnits.CPerKgPerMAhPerG);
        Assert.Equal(1.271924, m / CellUnits.KgPerM2PerMgPerCm2, 5);
    }

    [Fact]
    public void Theoretical_n_over_p()
    {
        // Theoretical: Sn 3.75 F / (3.6 × 118.71) = 846.6 mAh/g; NaCrO2 (x = 0.5) 125.259 mAh/g.
        // n/p = 1.2 × 846.636 / (5.6 × 125.259) = 1.448390.
        double qSn = 3.75 * 96485.33212331001 / (3.6 * 118.71);
        double qNco = 0.5 * 96485.33212331001 / (3.6 * 106.98386928);
        Assert.Equal(1.2 * qSn / (5.6 * qNco), FullCell().TheoreticalNpRatio!.Value, 9);
    }

    [Fact]
    public void Cathode_active_specific_energy_is_capacity_times_voltage()
    {
        // Seed 004 §2: "110 mA h gNCO-1 i.e. a specific energy density of 282 W h kgNCO": mAh/g × V = Wh/kg, so V̄ = 282/110 = 2.5636 V.
        // The spec states 2.5636 V (derived, the paper gives no voltage): 110 × 2.5636 = 281.996 Wh/kg.
        Assert.Equal(281.996, FullCell().Energy().SpecificEnergyWhPerKgCathodeActive, 9);
    }

    [Fact]
    public void Electrode_level_222_Wh_per_kg_is_reproduced_with_active_material_loadings()
    {
        // Seed 004 §2: "222 W h kg-1 considering the total anode and cathode weights (including carbon and binder but excluding
        // electrolyte and current collectors)". Hand, loadings as active material: composites 5.6/0.97 + 1.2/0.90 = 5.773196 + 1.333333
        // = 7.106529 mg/cm²; 281.996 × 5.6 / 7.106529 = 222.215 Wh/kg (paper: 222, within 0.1 %).
        // Had the loadings been composite: 281.996 × 5.6 × 0.97 / (5.6 + 1.2) = 225.3 Wh/kg (1.5 % high) — so the active basis fits.
        var e = FullCell().Energy();
        Assert.Equal(281.996 * 5.6 / (5.6 / 0.97 + 1.2 / 0.90), e.SpecificEnergyWhPerKgElectrodes, 9);
        Assert.InRange(Math.Abs(e.SpecificEnergyWhPerKgElectrodes - 222) / 222, 0, 0.002);
        Assert.True(Math.Abs(281.996 * 5.6 * 0.97 / 6.8 - 222) / 222 > 0.01);
    }

    [Fact]
    public void Stack_level_by_hand()
    {
        // Per cm² (seed 004's SI Table S1: cathode ε 0.768, 14.9 % measured SE, pressed to 29.4 %; Sn ε 0.765, pressed to 34 %, assumed):
        // cathode composite 5.773196 mg + measured SE 0.149 × 5.773196 = 0.860206 mg;
        // anode composite 1.333333 mg + expected SE: ρ_solid(Sn 90:5:5) = 1/(0.9/7.265 + 0.05/1.78 + 0.05/1.9) = 5.608924 g/cm³,
        //   solute per pore volume 100 mg per mL solvent = 0.0921260 g/cm³ of solution, r = 0.0921260 × 0.765 / (0.235 × 5.608924) = 0.0534683
        //   → 0.0712910 mg;
        // separator 500 µm × 1.17 g/cm³ = 58.5 mg; two Al foils 2 × 15 µm × 2.70 g/cm³ = 8.1 mg. Total 74.638026 mg/cm².
        // Energy 110 mAh/g × 2.5636 V × 5.6 mg/cm² = 1.5791776 mWh/cm² → 1.5791776 / 74.638026e-3 = 21.1578 Wh/kg.
        var e = FullCell().Energy();
        double rhoSn = 1 / (0.9 / 7.265 + 0.05 / 1.78 + 0.05 / 1.9);
        double anodeSe = 0.0921259843 * 0.765 / (0.235 * rhoSn) * 1.2 / 0.9;
        double total = 5.6 / 0.97 * 1.149 + 1.2 / 0.9 + anodeSe + 500e-4 * 1.17 * 1e3 + 2 * 15e-4 * 2.70 * 1e3;
        Assert.Equal(74.638026, total, 5);
        Assert.Equal(total, e.StackMassKgPerM2 / CellUnits.KgPerM2PerMgPerCm2, 5);
        Assert.Equal(1.5791776 / total * 1e3, e.SpecificEnergyWhPerKgStack, 4);
        // Volume: cathode dense (ρ(NaCrO2) = 4.12 g/cm³, the SI's) 5.773196/3.974860 × 10 + 0.860206/1.17 × 10 = 14.52430 + 7.35219
        // = 21.87646 µm → /0.706 = 30.98649 µm; anode dense 1.333333/5.608924 × 10 + 0.0712910/1.17 × 10 = 2.377173 + 0.609325 = 2.986489 µm
        // → /0.66 = 4.524983 µm. Stack 30.98649 + 4.52498 + 500 + 30 = 565.51148 µm; 1.5791776 mWh/cm² / 0.056551148 cm = 27.9248 Wh/L.
        double rhoNco = 1 / (0.97 / 4.12 + 0.01 / 1.78 + 0.02 / 1.9);
        double cathode = (5.6 / 0.97 / rhoNco + 0.149 * 5.6 / 0.97 / 1.17) * 10 / 0.706;
        double anode = (1.2 / 0.9 / rhoSn + anodeSe / 1.17) * 10 / 0.66;
        Assert.Equal(565.51148, cathode + anode + 530, 4);
        Assert.Equal(565.51148, e.StackThicknessM * 1e6, 4);
        Assert.Equal(1.5791776 / ((cathode + anode + 530) * 1e-4), e.EnergyDensityWhPerLStack, 6); // mWh/cm³ = Wh/L
    }

    [Theory]
    // Same volumes, other electrolytes (seed 004 §1 densities; Na3PS4 from the catalogue): the mass of separator and infiltrated
    // electrolyte scales with ρ. Hand: stack mass = 5.773196 + 1.333333 + 8.1 + (0.860206 + 0.0712910 + 58.5) × ρ/1.17.
    [InlineData(1.17, 21.1578)]
    [InlineData(1.86, 1.5791776e3 / (15.206529 + 59.431497 * 1.86 / 1.17))]
    [InlineData(5.01, 1.5791776e3 / (15.206529 + 59.431497 * 5.01 / 1.17))]
    public void Electrolyte_density_scales_the_stack_mass(double rho, double expectedWhPerKg)
    {
        var e = FullCell().WithElectrolyteDensity(rho * 1000).Energy();
        Assert.Equal(expectedWhPerKg, e.SpecificEnergyWhPerKgStack, 3);
        Assert.Equal(222.215, e.SpecificEnergyWhPerKgElectrodes, 2); // electrodes level excludes electrolyte
        Assert.Equal(27.9248, e.EnergyDensityWhPerLStack, 3); // same volumes
    }

    [Fact]
    public void Hydroborate_beats_sulfide_and_oxide_per_kg_and_a_thin_separator_matters_most()
    {
        var cell = FullCell();
        double nbh = cell.Energy().SpecificEnergyWhPerKgStack;
        double lpsc = cell.WithElectrolyteDensity(1860).Energy().SpecificEnergyWhPerKgStack;
        double llzo = cell.WithElectrolyteDensity(5010).Energy().SpecificEnergyWhPerKgStack;
        Assert.True(nbh > lpsc && lpsc > llzo);
        // 30 µm separator: 1.17 × 30e-4 × 1e3 = 3.51 mg/cm² instead of 58.5 → stack 19.648026 mg/cm², 80.37 Wh/kg.
        var thin = cell.WithSeparatorThickness(30e-6).Energy();
        Assert.Equal(1.5791776e3 / (74.638026 - 58.5 + 3.51), thin.SpecificEnergyWhPerKgStack, 3);
    }
}
