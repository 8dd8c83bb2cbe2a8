using System.Globalization;
using Borolyte.Cells.Protocols;

namespace Borolyte.Cells.Simulation;

/// <summary>One row of a simulated rate test.</summary>
public sealed record RateRow(double CRate, double DischargeCapacityMAhPerG, double RetentionVsFirst, double AverageDischargeVoltageV);

/// <summary>
/// Simulated rate capability as in seed 004 Fig. 3d: from the as-assembled state, for each C-rate in order a charge
/// (at <c>chargeCRate</c>, or at the same rate when null) to the upper cut-off and a discharge at that rate to the lower
/// cut-off. The "out" capacity of the electrode under test is reported (discharge for a cathode; for an anode half cell,
/// whose first step is a discharge, the order is discharge then charge and the charge capacity is reported).
/// </summary>
public static class RateCapabilityTest
{
    /// <summary>The test as protocol text; with <paramref name="cyclesPerRate"/> above 1 each rate's cycle is a repeated group, "(…) x n".</summary>
    public static string ProtocolText(IReadOnlyList<double> cRates, double minV, double maxV, double? chargeCRate, bool anode, int cyclesPerRate = 1)
    {
        static string N(double v) => v.ToString("0.######", CultureInfo.InvariantCulture);
        return string.Join("; ", cRates.Select(c =>
        {
            string slow = N(chargeCRate ?? c);
            string cycle = anode
                ? $"Discharge at {slow}C until {N(minV)} V; Charge at {N(c)}C until {N(maxV)} V"
                : $"Charge at {slow}C until {N(maxV)} V; Discharge at {N(c)}C until {N(minV)} V";
            return cyclesPerRate > 1 ? $"({cycle}) x {cyclesPerRate}" : cycle;
        }));
    }

    public static (IReadOnlyList<RateRow> Rows, SimulationResult Result) Run(CellPreset preset, CellParameters cell, IReadOnlyList<double> cRates,
        double? chargeCRate = 0.1, SimulationOptions? options = null, bool anode = false)
    {
        if (cRates.Count == 0) throw new InvalidInputException("--c-rates: at least one C-rate is needed");
        foreach (double c in cRates)
            if (!(c > 0) || !double.IsFinite(c)) throw new InvalidInputException($"--c-rates: every C-rate must be greater than zero, got {c}");
        var protocol = Protocol.Parse(ProtocolText(cRates, preset.MinVoltageV, preset.MaxVoltageV, chargeCRate, anode));
        var result = CellSimulation.Run(cell, protocol, options);
        var cycles = result.Summary.Cycles;
        var rows = new List<RateRow>();
        double first = double.NaN;
        for (int k = 0; k < cRates.Count; k++)
        {
            var c = k < cycles.Count ? cycles[k] : null;
            double q = c is null ? 0 : (anode ? c.ChargeSpecificCapacityMAhPerG : c.DischargeSpecificCapacityMAhPerG) ?? 0;
            if (k == 0) first = q;
            double v = c is null ? double.NaN : (anode ? c.AverageChargeVoltageV : c.AverageDischargeVoltageV) ?? double.NaN;
            rows.Add(new RateRow(cRates[k], q, first > 0 ? q / first : double.NaN, v));
        }
        return (rows, result);
    }
}
