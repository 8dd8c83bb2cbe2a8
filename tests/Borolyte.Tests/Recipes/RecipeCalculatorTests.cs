using Borolyte.Chemistry;
using Borolyte.Recipes;

namespace Borolyte.Tests.Recipes;

public class RecipeCalculatorTests
{
    // IUPAC CIAAW 2021 conventional atomic weights, written out independently of the library.
    private const double H = 1.008, B = 10.81, Na = 22.98976928, Sn = 118.71, Li = 6.94, C = 12.011;

    private static Formula F(string s) => Formula.Parse(s);

    [Fact]
    public void Na4B12H12B10H10FromEquimolarSalts_Seed004()
    {
        double mB12 = 2 * Na + 12 * B + 12 * H; // 187.7955 g/mol
        double mB10 = 2 * Na + 10 * B + 10 * H; // 164.1595 g/mol
        var r = RecipeCalculator.Solve(F("Na4(B12H12)(B10H10)"), [F("Na2B12H12"), F("Na2B10H10")], 1e-3);
        double n = 1.0 / (mB12 + mB10); // mol of target in 1 g
        Assert.Equal(n * mB12 * 1e-3, r.Precursors[0].MassKg, 12);
        Assert.Equal(n * mB10 * 1e-3, r.Precursors[1].MassKg, 12);
        Assert.Equal(1.0, r.Precursors[0].MolesPerMoleTarget, 9);
        Assert.Equal(1.0, r.Precursors[1].MolesPerMoleTarget, 9);
        // Seed 004, Experimental: "533.6 mg Na2B12H12 and 466.4 mg Na2B10H10 ... in 20 mL anhydrous isopropanol".
        Assert.Equal(533.6, Math.Round(r.Precursors[0].MassKg * 1e6, 1));
        Assert.Equal(466.4, Math.Round(r.Precursors[1].MassKg * 1e6, 1));
        var solution = SolutionPlan.ForSolventVolume(r.TotalPrecursorMassKg, 20e-6);
        Assert.Equal(50.0, solution.ConcentrationMgPerMl, 9); // 1000 mg / 20 mL
    }

    [Fact]
    public void Na3SnAlloyFromElements_Seed004()
    {
        var r = RecipeCalculator.Solve(F("Na3Sn"), [F("Na"), F("Sn")], 1e-3);
        double m = 3 * Na + Sn;
        Assert.Equal(3 * Na / m * 1e-3, r.Precursors[0].MassKg, 12);
        Assert.Equal(Sn / m * 1e-3, r.Precursors[1].MassKg, 12);
        // Seed 004: "~367.5 mg of Na with 632.5 mg of Sn" (3:1 molar ratio).
        Assert.Equal(367.5, Math.Round(r.Precursors[0].MassKg * 1e6, 1));
        Assert.Equal(632.5, Math.Round(r.Precursors[1].MassKg * 1e6, 1));
    }

    [Fact]
    public void DippingSolutionAt100MgPerMl_Seed004()
    {
        // "equimolar ratio of Na2B12H12 and Na2B10H10 dissolved in isopropanol at a concentration of 100 mg mL-1"
        var r = RecipeCalculator.Solve(F("Na4(B12H12)(B10H10)"), [F("Na2B12H12"), F("Na2B10H10")], 1e-3);
        var plan = SolutionPlan.ForConcentration(r.TotalPrecursorMassKg, 100); // 100 mg/mL = 100 kg/m³
        Assert.Equal(10.0, plan.SolventVolumeMl, 9);
    }

    [Fact]
    public void ByproductHydrogen()
    {
        // 2 NaBH4 + B10H14 → Na2B12H12 + 5 H2
        var r = RecipeCalculator.Solve(F("Na2B12H12"), [F("NaBH4"), F("B10H14")], 1e-3, [F("H2")]);
        Assert.Equal(2, r.Precursors[0].MolesPerMoleTarget, 9);
        Assert.Equal(1, r.Precursors[1].MolesPerMoleTarget, 9);
        Assert.Equal(5, r.Byproducts[0].MolesPerMoleTarget, 9);
        double nTarget = 1.0 / (2 * Na + 12 * B + 12 * H);
        Assert.Equal(2 * nTarget * (Na + B + 4 * H) * 1e-3, r.Precursors[0].MassKg, 12);
        // mass balance: precursors = target + by-products
        Assert.Equal(r.TotalPrecursorMassKg, 1e-3 + r.Byproducts[0].MassKg, 12);
    }

    [Fact]
    public void FractionalMixedAnion()
    {
        var r = RecipeCalculator.Solve(F("Li(CB9H10)0.7(CB11H12)0.3"), [F("LiCB9H10"), F("LiCB11H12")], 1e-3);
        Assert.Equal(0.7, r.Precursors[0].MolesPerMoleTarget, 9);
        Assert.Equal(0.3, r.Precursors[1].MolesPerMoleTarget, 9);
        double m = Li + C + 9.6 * B + 10.6 * H;
        Assert.Equal(0.7 * (Li + C + 9 * B + 10 * H) / m * 1e-3, r.Precursors[0].MassKg, 12);
    }

    [Fact]
    public void TargetElementMissingFromPrecursors()
    {
        var ex = Assert.Throws<InvalidInputException>(() => RecipeCalculator.Solve(F("Na3Sn"), [F("Na")], 1e-3));
        Assert.Contains("Sn is in the target", ex.Message);
    }

    [Fact]
    public void UnlistedByproductElement()
    {
        var ex = Assert.Throws<InvalidInputException>(() => RecipeCalculator.Solve(F("Na2B12H12"), [F("Na2B12H12Cl")], 1e-3));
        Assert.Contains("Cl from precursor Na2B12H12Cl", ex.Message);
        Assert.Contains("--byproducts", ex.Message);
    }

    [Fact]
    public void ImpossibleBalance()
    {
        var ex = Assert.Throws<InvalidInputException>(() => RecipeCalculator.Solve(F("Na2B12H12"), [F("NaBH4"), F("B10H14")], 1e-3));
        Assert.Contains("cannot be made", ex.Message);
    }

    [Fact]
    public void LinearlyDependentPrecursors()
    {
        var ex = Assert.Throws<InvalidInputException>(() => RecipeCalculator.Solve(
            F("Na4(B12H12)(B10H10)"), [F("Na2B12H12"), F("Na2B10H10"), F("Na4(B12H12)(B10H10)")], 1e-3));
        Assert.Contains("linearly dependent", ex.Message);
        Assert.Contains("Na2B12H12", ex.Message);
        Assert.Contains("Na2B10H10", ex.Message);
    }

    [Fact]
    public void DependentWithMoreElementsThanSpecies()
    {
        // Na2B12H12 and Na4B24H24 are the same up to a factor 2: rank 1 < 2.
        var ex = Assert.Throws<InvalidInputException>(() => RecipeCalculator.Solve(
            F("Na2B12H12"), [F("Na2B12H12"), F("Na4B24H24")], 1e-3));
        Assert.Contains("linearly dependent", ex.Message);
    }

    [Fact]
    public void NegativeAmountIsAnError()
    {
        // Na2B10H10 = Na2B12H12 − B2H2: would need −1 B2H2.
        var ex = Assert.Throws<InvalidInputException>(() => RecipeCalculator.Solve(F("Na2B10H10"), [F("Na2B12H12"), F("B2H2")], 1e-3));
        Assert.Contains("negative amount", ex.Message);
        Assert.Contains("B2H2", ex.Message);
    }

    [Fact]
    public void NonPositiveMassIsAnError() =>
        Assert.Throws<InvalidInputException>(() => RecipeCalculator.Solve(F("Na3Sn"), [F("Na"), F("Sn")], 0));
}
