namespace Borolyte.Cells.Simulation;

/// <summary>One parameter of a preset with its value and where it comes from (seed quote, literature, or "ASSUMED"/"calibrated").</summary>
public sealed record PresetParameter(string Name, double Value, string Unit, string Source);

/// <summary>A named cell of the seeds with the parameters the simulator needs, every one with its source.</summary>
public sealed record CellPreset(string Name, string Description, CellParameters Cell, double MinVoltageV, double MaxVoltageV,
    IReadOnlyList<PresetParameter> Parameters)
{
    /// <summary>The preset at another temperature (κ(T) from the electrolyte's Arrhenius model).</summary>
    public CellParameters AtTemperature(double temperatureK) => Cell with { TemperatureK = temperatureK };
}
