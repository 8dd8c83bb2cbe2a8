using Borolyte.Chemistry;

namespace Borolyte.Tests.Chemistry;

public class WadeMingosTests
{
    // Expected classes from the literature, not from the code: Wade, Adv. Inorg. Chem. Radiochem. 18 (1976) 1;
    // Greenwood & Earnshaw, Chemistry of the Elements, 2nd ed. (1997), ch. 6 (boranes: closo [BnHn]2-, nido BnHn+4,
    // arachno BnHn+6, hypho BnHn+8; carbaboranes and heteroboranes); review seed 000 section 1 and Figure 3.
    [Theory]
    // closo
    [InlineData("[B6H6]2-", 6, "closo")]
    [InlineData("[B10H10]2-", 10, "closo")]
    [InlineData("[B12H12]2-", 12, "closo")]
    [InlineData("[CB11H12]-", 12, "closo")]
    [InlineData("[1-CB9H10]-", 10, "closo")]
    [InlineData("C2B10H12", 12, "closo")]
    [InlineData("1,6-C2B8H10", 10, "closo")]
    [InlineData("1-SB9H9", 10, "closo")]        // Pretzer & Rudolph 1973 (review ref 210)
    [InlineData("NB11H12", 12, "closo")]        // Müller, Paetzold 1991 (review ref 209)
    [InlineData("SB11H11", 12, "closo")]        // Plešek & Heřmánek 1975 (review ref 211)
    [InlineData("[CB6H7]-", 7, "closo")]        // Štíbr 2002 (review ref 200)
    [InlineData("[B12Cl12]2-", 12, "closo")]    // perhalogenated closo-dodecaborate (review ref 87)
    // nido
    [InlineData("B5H9", 5, "nido")]
    [InlineData("B6H10", 6, "nido")]
    [InlineData("B10H14", 10, "nido")]
    [InlineData("[B11H14]-", 11, "nido")]
    [InlineData("B8H12", 8, "nido")]
    [InlineData("[7,8-C2B9H12]-", 11, "nido")]  // dicarbollide precursor, nido-7,8-C2B9H12-
    // arachno
    [InlineData("B4H10", 4, "arachno")]
    [InlineData("B5H11", 5, "arachno")]
    [InlineData("B9H15", 9, "arachno")]
    [InlineData("[B9H14]-", 9, "arachno")]
    [InlineData("[B3H8]-", 3, "arachno")]
    [InlineData("B6H12", 6, "arachno")]
    [InlineData("[B10H14]2-", 10, "arachno")]
    // hypho
    [InlineData("[B5H12]-", 5, "hypho")]
    [InlineData("B8H16", 8, "hypho")]
    public void ClassesMatchLiterature(string formula, int vertices, string expectedClass)
    {
        var count = WadeMingos.Count(Formula.Parse(formula));
        Assert.Equal(vertices, count.Vertices);
        Assert.Equal(expectedClass, count.ClassName);
        // Wade: p = n+1, n+2, n+3, n+4 for closo..hypho; Mingos: 4n+2, 4n+4, 4n+6, 4n+8 total electrons.
        int k = expectedClass switch { "closo" => 1, "nido" => 2, "arachno" => 3, _ => 4 };
        Assert.Equal(vertices + k, count.SkeletalElectronPairs);
        Assert.Equal(4 * vertices + 2 * k, count.MingosTotalElectrons);
        Assert.Equal(count.MingosTotalElectrons, count.ExpectedMingosElectrons);
    }

    [Fact]
    public void DodecaborateNumbersByHand()
    {
        // [B12H12]2-: 12 BH × 2 e + 2 (charge) = 26 skeletal electrons = 13 pairs; total 12·3 + 12·1 + 2 = 50 = 4·12 + 2.
        var c = WadeMingos.Count(Formula.Parse("[B12H12]2-"));
        Assert.Equal(26, c.SkeletalElectrons);
        Assert.Equal(13, c.SkeletalElectronPairs);
        Assert.Equal(50, c.MingosTotalElectrons);
    }

    [Theory]
    [InlineData("Na2B12H12", -2, "[B12H12]2-")]
    [InlineData("Li(CB11H12)", -1, "[CB11H12]-")]
    [InlineData("Mg(CB11H12)2", -1, "[CB11H12]-")]
    [InlineData("Na2[B10H10]", -2, "[B10H10]2-")]
    [InlineData("Na2B12H12·2H2O", -2, "[B12H12]2-")]
    public void SaltsStripCationsAndDeriveCharge(string formula, int charge, string cluster)
    {
        var c = WadeMingos.Count(Formula.Parse(formula));
        Assert.Equal(charge, c.Charge);
        Assert.Equal(cluster, c.ClusterFormula);
        Assert.Equal(ClusterClass.Closo, c.Class);
    }

    [Fact]
    public void ChargeOverrideReplacesFormulaCharge()
    {
        var c = WadeMingos.Count(Formula.Parse("B12H12"), charge: -2);
        Assert.Equal(ClusterClass.Closo, c.Class);
    }

    [Theory]
    [InlineData("Na4(B12H12)(B10H10)", "2 cluster units ((B12H12), (B10H10))")]
    [InlineData("Li(CB9H10)0.7(CB11H12)0.3", "2 cluster units")]
    [InlineData("Na2(CB9H10)(CB11H12)", "2 cluster units")]
    [InlineData("NaCl", "no cluster atoms")]
    [InlineData("Na3Sn", "no boron")]
    [InlineData("LiBH4", "not a polyhedral cluster")]
    [InlineData("[BH4]-", "n = 1")]
    [InlineData("Na(B12H12)1/2", "fractional")]
    [InlineData("[B12H12]-", "odd number")]
    [InlineData("B12H11", "exo ligands")]
    [InlineData("B6H6", "only closo")]
    [InlineData("FeB5H9", "main-group")]
    public void NonClustersAreExplained(string formula, string fragment)
    {
        var ex = Assert.Throws<InvalidInputException>(() => WadeMingos.Count(Formula.Parse(formula)));
        Assert.Contains(fragment, ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }
}
