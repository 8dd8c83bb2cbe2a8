using System.Text.Json;
using Borolyte.Mechanics;
using Borolyte.Tests.Support;

namespace Borolyte.Tests.Mechanics;

public class ElasticPropertiesTests
{
    [Fact]
    public void IsotropicTensorReturnsItsModuli()
    {
        // B = 20, G = 9 GPa: Voigt = Reuss = Hill; E = 9BG/(3B+G) = 1620/69; ν = (3B−2G)/(2(3B+G)) = 42/138
        var p = ElasticProperties.FromStiffness(ElasticTensor.Isotropic(20, 9));
        Assert.Equal(20, p.BulkModulusVoigtGpa, 10);
        Assert.Equal(20, p.BulkModulusReussGpa, 10);
        Assert.Equal(9, p.ShearModulusVoigtGpa, 10);
        Assert.Equal(9, p.ShearModulusReussGpa, 10);
        Assert.Equal(1620.0 / 69, p.YoungsModulusGpa, 10);
        Assert.Equal(42.0 / 138, p.PoissonRatio, 10);
        Assert.Equal(20.0 / 9, p.PughRatio, 10);
        Assert.True(p.Ductile);
        Assert.Equal(0, p.UniversalAnisotropy, 10);
        Assert.True(p.BornStable);
    }

    [Fact]
    public void CubicClosedForms()
    {
        // Cubic: K_V = K_R = (C11 + 2C12)/3; G_V = (C11 − C12 + 3C44)/5; G_R = 5(C11 − C12)C44/(4C44 + 3(C11 − C12)) (Hill 1952)
        double c11 = 30, c12 = 12, c44 = 14;
        var p = ElasticProperties.FromStiffness(ElasticTensor.Cubic(c11, c12, c44));
        Assert.Equal((c11 + 2 * c12) / 3, p.BulkModulusVoigtGpa, 10);
        Assert.Equal((c11 + 2 * c12) / 3, p.BulkModulusReussGpa, 10);
        Assert.Equal((c11 - c12 + 3 * c44) / 5, p.ShearModulusVoigtGpa, 10);
        Assert.Equal(5 * (c11 - c12) * c44 / (4 * c44 + 3 * (c11 - c12)), p.ShearModulusReussGpa, 10);
        Assert.True(p.UniversalAnisotropy > 0);
        Assert.False(p.Ductile); // B/G = 18 / 11.5… < 1.75
    }

    [Fact]
    public void MatchesPymatgenElasticTensor()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(TestData.Path("thermo", "golden_elastic.json")));
        foreach (var g in doc.RootElement.EnumerateArray())
        {
            var cij = g.GetProperty("cij").EnumerateArray().Select(v => v.GetDouble()).ToArray();
            var p = ElasticProperties.FromStiffness(ElasticTensor.FromRowMajor(cij));
            Assert.Equal(g.GetProperty("bulkModulusVoigtGpa").GetDouble(), p.BulkModulusVoigtGpa, 1e-9);
            Assert.Equal(g.GetProperty("bulkModulusReussGpa").GetDouble(), p.BulkModulusReussGpa, 1e-9);
            Assert.Equal(g.GetProperty("bulkModulusVrhGpa").GetDouble(), p.BulkModulusVrhGpa, 1e-9);
            Assert.Equal(g.GetProperty("shearModulusVoigtGpa").GetDouble(), p.ShearModulusVoigtGpa, 1e-9);
            Assert.Equal(g.GetProperty("shearModulusReussGpa").GetDouble(), p.ShearModulusReussGpa, 1e-9);
            Assert.Equal(g.GetProperty("shearModulusVrhGpa").GetDouble(), p.ShearModulusVrhGpa, 1e-9);
            Assert.Equal(g.GetProperty("youngsModulusGpa").GetDouble(), p.YoungsModulusGpa, 1e-9);
            Assert.Equal(g.GetProperty("poissonRatio").GetDouble(), p.PoissonRatio, 1e-9);
            Assert.Equal(g.GetProperty("universalAnisotropy").GetDouble(), p.UniversalAnisotropy, 1e-9);
        }
    }

    [Fact]
    public void NonPositiveDefiniteTensorIsNotBornStable()
    {
        // C44 < 0 violates Born's condition (Mouhat & Coudert 2014): averaged but flagged
        var p = ElasticProperties.FromStiffness(ElasticTensor.Cubic(30, 12, -2));
        Assert.False(p.BornStable);
        Assert.Equal(-2, p.SmallestStiffnessEigenvalueGpa!.Value, 9);
        // positive diagonal, yet C11 − C12 < 0 (cubic Born condition C11 > |C12|, Mouhat & Coudert 2014 eq. 13)
        var q = ElasticProperties.FromStiffness(ElasticTensor.Cubic(10, 12, 5));
        Assert.False(q.BornStable);
        Assert.Equal(-2, q.SmallestStiffnessEigenvalueGpa!.Value, 9);
        Assert.True(ElasticProperties.FromStiffness(ElasticTensor.Cubic(30, 12, 9)).BornStable);
        Assert.Null(ElasticProperties.FromModuli(17, 9).SmallestStiffnessEigenvalueGpa);
        // C11 = C12 makes the matrix singular: no compliance, a clear error
        Assert.Throws<InvalidInputException>(() => ElasticProperties.FromStiffness(ElasticTensor.Cubic(12, 12, 5)));
    }

    [Fact]
    public void BadInputsGiveClearErrors()
    {
        Assert.Contains("36 numbers", Assert.Throws<InvalidInputException>(() => ElasticTensor.Parse("1 2 3")).Message);
        Assert.Contains("not a number", Assert.Throws<InvalidInputException>(() => ElasticTensor.Parse(string.Join(' ', Enumerable.Repeat("x", 36)))).Message);
        var asym = Enumerable.Repeat(0.0, 36).ToArray();
        asym[1] = 5;
        Assert.Contains("not symmetric", Assert.Throws<InvalidInputException>(() => ElasticTensor.FromRowMajor(asym)).Message);
        Assert.Throws<InvalidInputException>(() => ElasticProperties.FromModuli(-1, 3));
    }

    [Fact]
    public void MonroeNewmanCriterion()
    {
        Assert.False(DendriteCriterion.Evaluate(8.0, DendriteCriterion.LithiumShearModulusGpa).Suppresses); // needs 8.4
        Assert.True(DendriteCriterion.Evaluate(8.0, DendriteCriterion.SodiumShearModulusGpa).Suppresses);  // needs 6.6
        Assert.Equal(8.4, DendriteCriterion.Evaluate(1, DendriteCriterion.DefaultMetalShearModulusGpa("Li")).RequiredShearModulusGpa, 12);
        Assert.Throws<InvalidInputException>(() => DendriteCriterion.DefaultMetalShearModulusGpa("K"));
    }
}
