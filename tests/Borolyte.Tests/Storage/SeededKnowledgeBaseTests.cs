using Borolyte.Tests.Support;
using Borolyte.Storage;

namespace Borolyte.Tests.Storage;

/// <summary>Queries over the real seed data (data/knowledge), checked against the numbers the seeds state.</summary>
public class SeededKnowledgeBaseTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Arrhenius_lines_come_from_the_review_room_temperature_conductivities_and_activation_energies()
    {
        using var kb = KnowledgeBase.Open(_temp.File("seeded.db"));
        var models = kb.ArrheniusModels().ToDictionary(m => m.Compound.Formula);

        // Review §2.1: Li(CB9H10)0.7(CB11H12)0.3 7 × 10^-3 S cm^-1 and 0.28 eV; Na2(CB9H10)(CB11H12) 7 × 10^-2 S cm^-1 and 0.23 eV.
        var li = models["Li(CB9H10)0.7(CB11H12)0.3"].Model;
        Assert.Equal(7e-3, li.ConductivitySPerCm(298.15), 12);
        Assert.Equal(0.28, li.ActivationEnergyEv, 12);
        var na = models["Na2(CB9H10)(CB11H12)"].Model;
        Assert.Equal(7e-2, na.ConductivitySPerCm(298.15), 12);
        Assert.Equal(0.23, na.ActivationEnergyEv, 12);

        // LiBH4 has Eₐ (0.53 eV) but no conductivity at a stated temperature: no line may be invented for it.
        Assert.DoesNotContain("LiBH4", models.Keys);
    }
}
