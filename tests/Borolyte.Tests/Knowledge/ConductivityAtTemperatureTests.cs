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
}
