using Borolyte.Knowledge;

namespace Borolyte.Tests.Knowledge;

public class ConductivityAtTemperatureTests
{
    // Two hand-made points: 1e-4 S/cm at 20 °C and 1e-2 S/cm at 60 °C.
    private static readonly ConductivityPoint[] Points =
    [
        new(293.15, 1e-4, "a"),
        new(333.15, 1e-2, "b"),
    ];

    [Fact]
    public void InterpolatesLogSigmaLinearlyInInverseTemperature()
    {
        // Hand computation: w = (1/313.15 - 1/293.15) / (1/333.15 - 1/293.15) = 0.5319...;
        // log10 σ = -4 + 2 w  →  σ = 1.1584229590357862e-3 S/cm.
        var sigma = ConductivityAtTemperature.Estimate(Points, 40.0);
        Assert.NotNull(sigma);
        Assert.Equal(1.1584229590357862e-3, sigma!.Value, 1e-15);
    }

    [Fact]
    public void UsesAPointWithinTheTolerance() => Assert.Equal(1e-4, ConductivityAtTemperature.Estimate(Points, 22.4));

    [Theory]
    [InlineData(10.0)]
    [InlineData(70.0)]
    public void DoesNotExtrapolate(double temperatureC) => Assert.Null(ConductivityAtTemperature.Estimate(Points, temperatureC));

    [Fact]
    public void NoPointsNoEstimate() => Assert.Null(ConductivityAtTemperature.Estimate([], 25));

    [Fact]
    public void A_stated_lower_bound_makes_the_estimate_a_lower_bound()
    {
        ConductivityPoint[] points = [new(293.15, 1e-4, "a") { Qualifier = ">" }, new(333.15, 1e-2, "b") { Qualifier = "=" }];
        Assert.True(ConductivityAtTemperature.EstimateWithBound(points, 40.0)!.IsLowerBound);   // interpolated from a bound
        Assert.True(ConductivityAtTemperature.EstimateWithBound(points, 21.0)!.IsLowerBound);   // the bound itself
        Assert.False(ConductivityAtTemperature.EstimateWithBound(points, 59.0)!.IsLowerBound);  // a point value
        Assert.False(ConductivityAtTemperature.EstimateWithBound(Points, 40.0)!.IsLowerBound);
    }

    [Fact]
    public void At_equal_conductivity_a_measured_value_is_preferred_to_a_bound()
    {
        ConductivityPoint[] points = [new(298.15, 1e-3, "review") { Qualifier = ">" }, new(298.15, 1e-3, "paper") { Qualifier = "=" }];
        var estimate = ConductivityAtTemperature.EstimateWithBound(points, 25.0)!;
        Assert.False(estimate.IsLowerBound);
        Assert.Equal(1e-3, estimate.ConductivitySPerCm);
    }
}
