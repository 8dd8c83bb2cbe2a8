using Borolyte.Knowledge;
using Borolyte.Storage;
using Borolyte.Tests.Support;
using Borolyte.Transport;

namespace Borolyte.Tests.Knowledge;

public class ConductivityRecordFitsTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    public void Dispose() => _temp.Dispose();

    private const string Compound = "Na4(B12H12)(B10H10)";
    // Seed 004 gives 1 mS/cm at 25 °C for this compound; the records added here follow an Arrhenius law through that point.
    private static readonly ArrheniusConductivity Truth = ArrheniusConductivity.FromConventional(1e-3, 25, 0.45);

    private static readonly SourceCitation Synthetic = new() { Seed = "user", Section = "synthetic test records" };

    private static KnowledgeBase WithRecords(string path)
    {
        var kb = KnowledgeBase.Open(path);
        foreach (double c in new[] { 0.0, 40, 60, 80 })
            kb.AddProperty(new PropertyRecord
            {
                Compound = Compound, Quantity = "ionicConductivity", Unit = "S/cm", TemperatureC = c,
                Value = Truth.ConductivitySPerCm(c + PhysicalConstants.ZeroCelsiusK), Method = "EIS", Source = Synthetic,
            });
        // A lower bound far above the line: a fit that treated it as a measurement would be pulled off.
        kb.AddProperty(new PropertyRecord { Compound = Compound, Quantity = "ionicConductivity", Unit = "S/cm", TemperatureC = 100, Value = 1.0, Qualifier = ">", Source = Synthetic });
        return kb;
    }

    [Fact]
    public void Records_at_enough_temperatures_are_fitted_and_bounds_are_left_out()
    {
        using var kb = WithRecords(_temp.File("kb.db"));
        var series = kb.ConductivitySeriesAll();
        var fits = ConductivityRecordFits.FitAll(series, ConductivityModelKind.Arrhenius);
        var (compound, fit) = Assert.Single(fits);           // every other compound has σ at 25 °C only
        Assert.Equal(Compound, compound.Formula);
        Assert.Equal(0.45, fit.Segments.Single().ActivationEnergyEv, 6);
        Assert.Equal(1e-3, fit.Sigma25CSPerCm, 9);
        Assert.True(fit.Segments.Single().TMaxK < 354, "the > bound at 100 °C must not be part of the fitted range");
    }

    [Fact]
    public void The_conductivity_figure_draws_each_fit_over_its_own_range()
    {
        using var kb = WithRecords(_temp.File("kb.db"));
        var series = kb.ConductivitySeriesAll();
        var fits = ConductivityRecordFits.FitAll(series);
        var figure = ConductivityFigure.Build(series, null, fits);
        var line = Assert.Single(figure.Traces, t => t.Name.StartsWith(Compound + " (fit:", StringComparison.Ordinal));
        Assert.Equal(1000 / 273.15, line.X.Max(), 9);
        Assert.Equal(1000 / 353.15, line.X.Min(), 9);
    }

    [Fact]
    public void The_seeded_base_alone_has_nothing_to_fit()
    {
        using var kb = KnowledgeBase.Open(_temp.File("seed.db"));
        Assert.Empty(ConductivityRecordFits.FitAll(kb.ConductivitySeriesAll()));
    }
}
