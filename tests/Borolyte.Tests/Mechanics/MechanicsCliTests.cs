using System.Text.Json;
using Borolyte.Tests.Cli;

namespace Borolyte.Tests.Mechanics;

public class MechanicsCliTests
{
    [Fact]
    public void ElasticJsonContract()
    {
        string cij = "30 12 12 0 0 0 12 30 12 0 0 0 12 12 30 0 0 0 0 0 0 9 0 0 0 0 0 0 9 0 0 0 0 0 0 9";
        var r = CliProcess.Run("mechanics", "elastic", "--cij", cij, "--json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal(["bulkModulusVoigtGpa", "bulkModulusReussGpa", "bulkModulusVrhGpa", "shearModulusVoigtGpa", "shearModulusReussGpa",
            "shearModulusVrhGpa", "youngsModulusGpa", "poissonRatio", "pughRatio", "ductile", "universalAnisotropy", "bornStable"],
            doc.RootElement.EnumerateObject().Select(p => p.Name).Take(12));
        Assert.Equal(18, doc.RootElement.GetProperty("bulkModulusVrhGpa").GetDouble(), 9);
        Assert.True(doc.RootElement.GetProperty("bornStable").GetBoolean());
    }

    [Fact]
    public void BadTensorAndContradictoryOptions()
    {
        var few = CliProcess.Run("mechanics", "elastic", "--cij", "1 2 3", "--json");
        Assert.Equal(1, few.ExitCode);
        Assert.Contains("36 numbers", few.Stderr);
        var both = CliProcess.Run("mechanics", "elastic", "--cij", "1", "--bulk-gpa", "3", "--shear-gpa", "2");
        Assert.Equal(2, both.ExitCode);
        string unstable = "30 12 12 0 0 0 12 30 12 0 0 0 12 12 30 0 0 0 0 0 0 -2 0 0 0 0 0 0 -2 0 0 0 0 0 0 -2";
        var r = CliProcess.Run("mechanics", "elastic", "--cij", unstable, "--json");
        Assert.Equal(0, r.ExitCode);
        Assert.False(JsonDocument.Parse(r.Stdout).RootElement.GetProperty("bornStable").GetBoolean());
        Assert.Contains("not positive definite", r.Stderr);
    }
}
