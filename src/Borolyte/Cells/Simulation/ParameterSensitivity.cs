namespace Borolyte.Cells.Simulation;

/// <summary>The simulated rate test with one parameter divided (<see cref="Low"/>) and multiplied (<see cref="High"/>) by a factor.</summary>
public sealed record SensitivityRow(string Parameter, string Unit, double BaseValue, double LowValue, double HighValue,
    IReadOnlyList<RateRow>? Low, IReadOnlyList<RateRow>? High, string? LowError, string? HighError);

public sealed record SensitivityResult(IReadOnlyList<double> CRates, IReadOnlyList<RateRow> Base, IReadOnlyList<SensitivityRow> Rows);

/// <summary>
/// One-at-a-time sensitivity of the simulated rate capability (capacity at each C-rate, retention vs the first) to the named
/// parameters (the knobs of <see cref="CellCalibration"/>), each taken to value ÷ factor and value × factor (a bounded knob,
/// such as a fraction, stops at its bound). This says how much an ASSUMED parameter matters for the numbers a preset is
/// compared with. The runs are independent and use all cores.
/// </summary>
public static class ParameterSensitivity
{
    public static SensitivityResult Run(CellPreset preset, CellParameters cell, IReadOnlyList<string> parameters, IReadOnlyList<double> cRates,
        double factor = 10, double? chargeCRate = 0.1, bool anode = false)
    {
        if (parameters.Count == 0) throw new InvalidInputException("--parameters: name at least one parameter (" + string.Join(", ", CellCalibration.ParameterNames) + ")");
        if (!(factor > 1) || !double.IsFinite(factor)) throw new InvalidInputException($"--factor must be a finite number greater than 1, got {factor}");
        // The rate-calibration knobs (electrode transport and kinetics); the degradation knobs belong to cycling fits only.
        var knobs = parameters.Select(p => CellCalibration.TryGetKnob(p, out var k) ? k
            : throw new InvalidInputException($"--parameters: unknown parameter '{p}'; known: {string.Join(", ", CellCalibration.ParameterNames)}")).ToArray();
        var values = knobs.Select(k => k.Get(cell)).ToArray();
        var options = CellCalibration.DefaultOptions;
        var baseRows = RateCapabilityTest.Run(preset, cell, cRates, chargeCRate, options, anode).Rows;

        var runs = new (IReadOnlyList<RateRow>? Rows, string? Error)[2 * knobs.Length];
        double Scaled(int j, bool high) => high ? Math.Min(values[j] * factor, knobs[j].UpperBound) : values[j] / factor;
        Parallel.For(0, runs.Length, i =>
        {
            int j = i / 2;
            bool high = i % 2 == 1;
            try { runs[i] = (RateCapabilityTest.Run(preset, knobs[j].Set(cell, Scaled(j, high)), cRates, chargeCRate, options, anode).Rows, null); }
            catch (SimulationFailedException e) { runs[i] = (null, e.Message); }
        });
        var rows = knobs.Select((k, j) => new SensitivityRow(parameters[j], k.Unit, values[j], Scaled(j, false), Scaled(j, true),
            runs[2 * j].Rows, runs[2 * j + 1].Rows, runs[2 * j].Error, runs[2 * j + 1].Error)).ToList();
        return new SensitivityResult(cRates, baseRows, rows);
    }
}
