namespace Borolyte.Storage;

/// <summary>
/// Filter of <see cref="KnowledgeBase.ListCompounds"/>. All criteria are optional and combine with AND.
/// <see cref="MinConductivitySPerCm"/> keeps compounds whose ionic conductivity at <see cref="TemperatureC"/>
/// (default 25 °C) can be estimated (see <see cref="Knowledge.ConductivityAtTemperature"/>) and is at least that value.
/// </summary>
public sealed record CompoundFilter
{
    public string? CarrierIon { get; init; }
    public string? AnionFormula { get; init; }
    public double? MinConductivitySPerCm { get; init; }
    public double TemperatureC { get; init; } = 25.0;

    public static CompoundFilter None { get; } = new();
}
