using Borolyte.Chemistry;

namespace Borolyte.Cycling.Analysis;

/// <summary>
/// What is needed to turn charge into composition: either the host's formula unit (for its molar mass) or the capacity
/// per unit of content given directly (the theoretical capacity for one mobile ion per formula unit, mAh/g — the issue's
/// "given capacity" route, for hosts whose formula is not at hand), the content of the mobile ion per formula unit at the
/// start of the file, the active mass and the ion's charge number. Exactly one of <see cref="HostFormula"/> and
/// <see cref="GivenCapacityMAhPerG"/>. Example (seed 004, Fig. 5b): NaCrO2 cathode, x₀ = 1 Na per formula unit at assembly.
/// </summary>
public sealed record CompositionOptions(string? HostFormula, double InitialContent, double ActiveMassKg, int IonCharge = 1, double? GivenCapacityMAhPerG = null)
{
    /// <summary>
    /// Molar mass of the host formula unit, g/mol: from the formula (Borolyte.Chemistry), or the one the given capacity
    /// implies, M = F / (z · 3.6 · q) (Faraday's law, q in mAh/g per unit of content).
    /// </summary>
    public double MolarMassGPerMol => HostFormula is not null
        ? Formula.Parse(HostFormula).MolarMassGPerMol
        : PhysicalConstants.FaradayCPerMol / (IonCharge * 3.6 * GivenCapacityMAhPerG!.Value);

    /// <summary>
    /// Charge per unit of content per gram of host, mAh/g: the given capacity, or F / (z · 3.6 · M) (Faraday's law; 250 mAh/g
    /// for one Na per NaCrO2, the theoretical capacity quoted for NaCrO2).
    /// </summary>
    public double CapacityPerUnitContentMAhPerG => GivenCapacityMAhPerG ?? PhysicalConstants.FaradayCPerMol / (IonCharge * 3.6 * MolarMassGPerMol);
}

/// <summary>Content of the mobile ion per formula unit over one cycle: at the cycle's first point, lowest, highest, at its last point.</summary>
public sealed record CompositionRange(int Cycle, double ContentAtStart, double ContentMin, double ContentMax, double ContentAtEnd)
{
    public double Span => ContentMax - ContentMin;
}

/// <summary>
/// The compositional cycling window of one electrode (seed 004 Fig. 5b: NaCrO2 in a full cell cycles within a narrower
/// and shifting range of Na content as the anode traps Na). Faraday's law: Δx = ∓Q / (z F n), n = m / M the moles of host,
/// Q = ∫I dt counted over current-carrying points. Positive current oxidises the working electrode (the ion leaves a
/// cathode host: x falls) and reduces the counter electrode (x rises); for the cell as a whole the working-electrode
/// sign is used (the electrode under test of a half cell is the working electrode).
/// </summary>
public static class CompositionWindow
{
    public static IReadOnlyList<CompositionRange> Compute(CyclingRun run, ElectrodeRole role, CompositionOptions options)
    {
        if (!(options.ActiveMassKg > 0)) throw new InvalidInputException($"composition window: active mass must be positive, got {options.ActiveMassKg} kg");
        if (!double.IsFinite(options.InitialContent)) throw new InvalidInputException("composition window: the initial content must be a finite number");
        if (options.IonCharge < 1) throw new InvalidInputException($"composition window: ion charge must be ≥ 1, got {options.IonCharge}");
        if ((options.HostFormula is null) == (options.GivenCapacityMAhPerG is null))
            throw new InvalidInputException("composition window: give either the host formula or the capacity per unit of content (mAh/g), not both or neither");
        if (options.GivenCapacityMAhPerG is { } q && !(q > 0 && double.IsFinite(q)))
            throw new InvalidInputException($"composition window: the given capacity must be a positive number of mAh/g, got {q}");
        double molesOfHost = options.ActiveMassKg * 1000 / options.MolarMassGPerMol;
        double perCoulomb = (role == ElectrodeRole.Counter ? 1 : -1) / (options.IonCharge * PhysicalConstants.FaradayCPerMol * molesOfHost);
        var result = new List<CompositionRange>();
        double x = options.InitialContent;
        int n = run.Count;
        int start = 0;
        while (start < n)
        {
            int cycle = run.CycleCount[start];
            double first = x, min = x, max = x;
            int i = start;
            for (; i < n && run.CycleCount[i] == cycle; i++)
            {
                if (i > 0 && run.Kind[i] is not (StepKind.Rest or StepKind.Ocv))
                {
                    double dt = Math.Max(0, run.TestTimeSecond[i] - run.TestTimeSecond[i - 1]);
                    x += perCoulomb * run.CurrentAmpere[i] * dt;
                }
                if (i == start) first = x;
                min = Math.Min(min, x);
                max = Math.Max(max, x);
            }
            result.Add(new CompositionRange(cycle, first, min, max, x));
            start = i;
        }
        return result;
    }
}
