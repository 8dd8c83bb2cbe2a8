using System.Diagnostics;
using System.Globalization;
using Borolyte.Cells.Design;
using Borolyte.Cells.Protocols;

namespace Borolyte.Cells.Simulation;

/// <summary>One swept parameter and its values, in the order given.</summary>
public sealed record SweepParameter(string Name, IReadOnlyList<double> Values);

/// <summary>
/// One run of a sweep: the parameter values (in the order of the sweep's parameters), the per-run summary and the failure
/// message when the simulation failed (a failed combination does not stop the sweep).
/// </summary>
public sealed record SweepRun(int Index, IReadOnlyList<double> Values, int Cycles, double? FirstDischargeCapacityMAhPerG,
    double? LastDischargeCapacityMAhPerG, double? Retention, double? AverageDischargeVoltageV, double? LastCoulombicEfficiency,
    double WallTimeMs, string? Error);

/// <summary>
/// Parameter sweeps of the simulator (issue 5 §3, "parameter sweeps use both cores"): the cartesian product of the given
/// values, first parameter outermost, each combination a streamed run (<see cref="CellSimulation.RunStreaming"/>) of the
/// same protocol; runs are independent and pure, so <see cref="Parallel.For(int, int, ParallelOptions, Action{int})"/>
/// gives exactly the serial results in the same order (tested).
/// </summary>
public static class CellSweep
{
    /// <summary>Parameters a sweep can vary (SI conversions in <see cref="Apply"/>).</summary>
    public static readonly IReadOnlyList<string> ParameterNames =
    [
        "separatorThicknessUm", "temperatureC", "stackPressureMPa", "positive.loadingMgPerCm2",
        "positive.solidDiffusivityM2PerS", "positive.solidDiffusivityStoichiometryExponent", "positive.particleRadiusUm", "positive.particleRadiusLogStandardDeviation", "positive.exchangeCurrentDensityMAPerCm2",
        "positive.interfacialResistanceOhmCm2", "negative.exchangeCurrentDensityMAPerCm2",
    ];

    /// <summary>Parses "NAME=v1,v2,…".</summary>
    public static SweepParameter ParseParameter(string text)
    {
        int eq = text.IndexOf('=');
        if (eq <= 0) throw new InvalidInputException($"--param '{text}': expected NAME=v1,v2,… with NAME one of {string.Join(", ", ParameterNames)}");
        string name = text[..eq].Trim();
        if (!ParameterNames.Contains(name)) throw new InvalidInputException($"--param '{text}': unknown parameter '{name}' (known: {string.Join(", ", ParameterNames)})");
        var values = new List<double>();
        foreach (var part in text[(eq + 1)..].Split(',', StringSplitOptions.TrimEntries))
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
                throw new InvalidInputException($"--param {name}: '{part}' is not a number");
            values.Add(v);
        }
        return new SweepParameter(name, values);
    }

    /// <summary>The cell with one parameter set; bad values throw <see cref="InvalidInputException"/> naming the parameter.</summary>
    public static CellParameters Apply(CellParameters cell, string name, double value)
    {
        string where = $"--param {name}={value.ToString(CultureInfo.InvariantCulture)}";
        double Positive() => value > 0 ? value : throw new InvalidInputException($"{where}: must be greater than zero");
        CompositeElectrodeParameters PositiveComposite() => cell.Positive as CompositeElectrodeParameters
            ?? throw new InvalidInputException($"{where}: the positive electrode '{cell.Positive.Name}' is planar");
        var result = name switch
        {
            "separatorThicknessUm" => cell with { SeparatorThicknessM = Positive() * 1e-6 },
            "temperatureC" => value > -PhysicalConstants.ZeroCelsiusK ? cell with { TemperatureK = value + PhysicalConstants.ZeroCelsiusK }
                : throw new InvalidInputException($"{where}: must be above −273.15 °C"),
            "stackPressureMPa" => cell with { Degradation = cell.Degradation with { StackPressureMPa = Positive() } },
            "positive.loadingMgPerCm2" => ScaleLoading(cell, PositiveComposite(), Positive() * CellUnits.KgPerM2PerMgPerCm2, where),
            "positive.solidDiffusivityM2PerS" => cell with { Positive = PositiveComposite() with { SolidDiffusivityM2PerS = Positive() } },
            "positive.solidDiffusivityStoichiometryExponent" => cell with { Positive = PositiveComposite() with { SolidDiffusivityStoichiometryExponent = value } },
            "positive.particleRadiusLogStandardDeviation" => cell with { Positive = PositiveComposite() with { ParticleRadiusLogStandardDeviation = value } },
            "positive.particleRadiusUm" => cell with { Positive = PositiveComposite() with { ParticleRadiusM = Positive() * 1e-6 } },
            "positive.exchangeCurrentDensityMAPerCm2" => cell with { Positive = cell.Positive with { ExchangeCurrentDensityAPerM2 = Positive() * CellUnits.APerM2PerMAPerCm2 } },
            "positive.interfacialResistanceOhmCm2" => value >= 0 ? cell with { Positive = cell.Positive with { InterfacialResistanceOhmM2 = value * 1e-4 } }
                : throw new InvalidInputException($"{where}: must be ≥ 0"),
            "negative.exchangeCurrentDensityMAPerCm2" => cell with { Negative = cell.Negative with { ExchangeCurrentDensityAPerM2 = Positive() * CellUnits.APerM2PerMAPerCm2 } },
            _ => throw new InvalidInputException($"{where}: unknown parameter (known: {string.Join(", ", ParameterNames)})"),
        };
        try { result.Validate(); }
        catch (InvalidInputException e) { throw new InvalidInputException($"{where}: {e.Message}"); }
        return result;
    }

    /// <summary>
    /// Another active loading of the positive composite at the same composition and pressed porosity: the volume fractions
    /// stay, the thickness, the active mass per area and the nominal capacity (loading × nominal mAh/g, the C-rate basis of
    /// seed 004) scale with the loading.
    /// </summary>
    private static CellParameters ScaleLoading(CellParameters cell, CompositeElectrodeParameters p, double loadingKgPerM2, string where)
    {
        if (!(p.ActiveLoadingKgPerM2 > 0)) throw new InvalidInputException($"{where}: the positive electrode has no active loading to scale");
        double s = loadingKgPerM2 / p.ActiveLoadingKgPerM2;
        return cell with
        {
            Positive = p with { ThicknessM = p.ThicknessM * s, ActiveLoadingKgPerM2 = loadingKgPerM2 },
            ActiveLoadingKgPerM2 = cell.ActiveLoadingKgPerM2 * s,
            NominalArealCapacityCPerM2 = cell.NominalArealCapacityCPerM2 * s,
        };
    }

    /// <summary>Number of combinations (the product of the value counts).</summary>
    public static int Count(IReadOnlyList<SweepParameter> parameters)
    {
        long n = 1;
        foreach (var p in parameters) n *= p.Values.Count;
        if (n > 100_000) throw new InvalidInputException($"a sweep of {n} runs is too large (at most 100000)");
        return (int)n;
    }

    /// <summary>Values of combination <paramref name="index"/>: the last parameter varies fastest.</summary>
    public static double[] Combination(IReadOnlyList<SweepParameter> parameters, int index)
    {
        var values = new double[parameters.Count];
        for (int k = parameters.Count - 1; k >= 0; k--)
        {
            int n = parameters[k].Values.Count;
            values[k] = parameters[k].Values[index % n];
            index /= n;
        }
        return values;
    }

    /// <summary>
    /// Runs every combination. <paramref name="maxDegreeOfParallelism"/>: 1 = serial, −1 = all cores. Cells are built (and
    /// their values checked) before any run starts, so a bad value fails the sweep at once.
    /// </summary>
    public static IReadOnlyList<SweepRun> Run(CellParameters baseCell, IReadOnlyList<SweepParameter> parameters, Protocol protocol,
        SimulationOptions? options = null, int maxDegreeOfParallelism = -1)
    {
        if (parameters.Count == 0) throw new InvalidInputException("--param: at least one parameter to sweep is needed");
        var names = new HashSet<string>();
        foreach (var p in parameters)
        {
            if (!names.Add(p.Name)) throw new InvalidInputException($"--param {p.Name}: given twice");
            if (p.Values.Count == 0) throw new InvalidInputException($"--param {p.Name}: no values");
        }
        int count = Count(parameters);
        var cells = new CellParameters[count];
        var combos = new double[count][];
        for (int i = 0; i < count; i++)
        {
            combos[i] = Combination(parameters, i);
            var cell = baseCell;
            for (int k = 0; k < parameters.Count; k++) cell = Apply(cell, parameters[k].Name, combos[i][k]);
            cells[i] = cell;
        }
        var runs = new SweepRun[count];
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, i => runs[i] = RunOne(i, cells[i], combos[i], protocol, options));
        return runs;
    }

    private static SweepRun RunOne(int index, CellParameters cell, double[] values, Protocol protocol, SimulationOptions? options)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            var result = CellSimulation.RunStreaming(cell, protocol, options);
            var cycles = result.Summary.Cycles;
            var withDischarge = cycles.Where(c => c.DischargeCapacityAh > 0).ToList();
            var last = withDischarge.Count > 0 ? withDischarge[^1] : null;
            return new SweepRun(index, values, cycles.Count, withDischarge.Count > 0 ? withDischarge[0].DischargeSpecificCapacityMAhPerG : null,
                last?.DischargeSpecificCapacityMAhPerG, last?.Retention, last?.AverageDischargeVoltageV, last?.CoulombicEfficiency,
                watch.Elapsed.TotalMilliseconds, null);
        }
        catch (SimulationFailedException e)
        {
            return new SweepRun(index, values, 0, null, null, null, null, null, watch.Elapsed.TotalMilliseconds, e.Message);
        }
    }
}
