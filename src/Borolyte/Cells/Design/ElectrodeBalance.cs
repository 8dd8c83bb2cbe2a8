namespace Borolyte.Cells.Design;

/// <summary>
/// Capacity balancing of a full cell: the n/p ratio is the areal capacity of the negative electrode over that of the
/// positive (seed 004 §2: "areal capacity ratio of negative to positive electrodes (np ratio) of 1.20", ref. 39 there).
/// </summary>
public static class ElectrodeBalance
{
    /// <summary>n/p = Q_A(negative) / Q_A(positive) on the chosen capacity basis.</summary>
    public static double NpRatio(Electrode negative, Electrode positive, CapacityBasis basis = CapacityBasis.Practical)
    {
        double n = Areal(negative, basis, "negative");
        double p = Areal(positive, basis, "positive");
        // n/p = Q_A,neg / Q_A,pos (seed 004 §2)
        return n / p;
    }

    /// <summary>n/p from areal capacities (any common unit).</summary>
    public static double NpRatio(double negativeArealCapacity, double positiveArealCapacity)
    {
        if (!(negativeArealCapacity > 0) || !(positiveArealCapacity > 0))
            throw new InvalidInputException("n/p ratio: both areal capacities must be greater than zero");
        return negativeArealCapacity / positiveArealCapacity;
    }

    /// <summary>
    /// Active-material loading of the negative electrode (kg/m²) that gives the target n/p against a positive electrode
    /// of areal capacity Q_A,pos: m_A,neg = (n/p)·Q_A,pos / q_neg.
    /// </summary>
    public static double NegativeActiveLoadingKgPerM2(double targetNpRatio, double positiveArealCapacityCPerM2, double negativeSpecificCapacityCPerKg)
    {
        if (!double.IsFinite(targetNpRatio) || !(targetNpRatio > 0)) throw new InvalidInputException($"target n/p must be greater than zero, got {targetNpRatio}");
        if (!(positiveArealCapacityCPerM2 > 0) || !(negativeSpecificCapacityCPerKg > 0))
            throw new InvalidInputException("anode loading for n/p: the positive areal capacity and the negative specific capacity must be greater than zero");
        // m_A,neg = (n/p) Q_A,pos / q_neg
        return targetNpRatio * positiveArealCapacityCPerM2 / negativeSpecificCapacityCPerKg;
    }

    private static double Areal(Electrode e, CapacityBasis basis, string which) => basis switch
    {
        CapacityBasis.Practical => e.ArealCapacityCPerM2,
        _ => e.TheoreticalArealCapacityCPerM2
             ?? throw new InvalidInputException($"n/p on theoretical capacities: the {which} electrode's active material {e.ActiveMaterial} has no theoretical capacity"),
    };
}
