namespace Borolyte.Cycling.Analysis;

/// <summary>
/// One block of consecutive cycles at the same C-rate. Capacity is the "out" capacity of the electrode mode
/// (discharge for a cathode); the spread is min–max; retention is the group median over the median of the first group
/// at the slowest rate (as in seed 004, Fig. 3d). Incomplete cycles (<see cref="CycleStatistics.Complete"/> false) belong to no group.
/// </summary>
public sealed record RateGroup(
    double CRate, IReadOnlyList<int> Cycles, double MedianCurrentA, double MedianCapacityMAh, double MinCapacityMAh,
    double MaxCapacityMAh, double? MedianSpecificCapacityMAhPerG, double RetentionVsSlowest);

public static class RateCapability
{
    /// <summary>C-rates a protocol is usually written in; a measured rate within 10 % of one is labelled with it.</summary>
    public static readonly double[] NominalRates = [0.02, 0.05, 0.1, 0.2, 0.25, 1.0 / 3, 0.5, 1, 2, 3, 4, 5, 10, 20];

    /// <summary>C-rate = |I| / Q_nominal (A / Ah = 1/h), snapped to <see cref="NominalRates"/> within 10 %, else two significant digits.</summary>
    public static double CRate(double currentA, double nominalCapacityAh)
    {
        double rate = Math.Abs(currentA) / nominalCapacityAh;
        foreach (double nominal in NominalRates)
            if (Math.Abs(rate / nominal - 1) <= 0.10) return nominal;
        if (rate <= 0) return 0;
        double scale = Math.Pow(10, Math.Floor(Math.Log10(rate)) - 1);
        return Math.Round(rate / scale) * scale;
    }

    public static IReadOnlyList<RateGroup> Table(CyclingSummary summary, double nominalCapacityAh)
    {
        if (!(nominalCapacityAh > 0) || !double.IsFinite(nominalCapacityAh))
            throw new InvalidInputException($"nominal capacity must be positive, got {nominalCapacityAh} Ah");
        bool cathode = summary.Mode == ElectrodeMode.Cathode;
        var blocks = new List<(double Rate, List<CycleStatistics> Cycles)>();
        foreach (var c in summary.Cycles)
        {
            double? current = cathode ? c.MedianDischargeCurrentA : c.MedianChargeCurrentA;
            double capacity = cathode ? c.DischargeCapacityAh : c.ChargeCapacityAh;
            double stored = cathode ? c.ChargeCapacityAh : c.DischargeCapacityAh;
            if (!c.Complete || current is not { } i || capacity <= 0 || stored <= 0) continue;   // incomplete cycles (cut by the file's end, or no charge stored first) are left out
            double rate = CRate(i, nominalCapacityAh);
            if (blocks.Count > 0 && blocks[^1].Rate == rate) blocks[^1].Cycles.Add(c);
            else blocks.Add((rate, [c]));
        }
        if (blocks.Count == 0) return [];
        double slowest = blocks.Min(b => b.Rate);
        double reference = MedianCapacity(blocks.First(b => b.Rate == slowest).Cycles, cathode);
        return blocks.Select(b =>
        {
            var caps = b.Cycles.Select(c => (cathode ? c.DischargeCapacityAh : c.ChargeCapacityAh) * 1000).ToList();
            double median = MedianCapacity(b.Cycles, cathode) * 1000;
            var specific = b.Cycles.Select(c => cathode ? c.DischargeSpecificCapacityMAhPerG : c.ChargeSpecificCapacityMAhPerG).Where(x => x is not null).Select(x => x!.Value).ToList();
            var currents = b.Cycles.Select(c => (cathode ? c.MedianDischargeCurrentA : c.MedianChargeCurrentA)!.Value).ToList();
            return new RateGroup(b.Rate, b.Cycles.Select(c => c.Cycle).ToList(), CycleSummarizer.Median(currents)!.Value,
                median, caps.Min(), caps.Max(), CycleSummarizer.Median(specific), median / (reference * 1000));
        }).ToList();
    }

    private static double MedianCapacity(List<CycleStatistics> cycles, bool cathode) =>
        CycleSummarizer.Median(cycles.Select(c => cathode ? c.DischargeCapacityAh : c.ChargeCapacityAh).ToList())!.Value;
}
