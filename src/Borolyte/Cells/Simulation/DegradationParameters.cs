namespace Borolyte.Cells.Simulation;

/// <summary>Which electrode of a cell a degradation mechanism acts on.</summary>
public enum CellSide { Positive, Negative }

/// <summary>
/// Degradation mechanisms the seeds show matter (issue 5 §2), each a lumped law with its parameters stated; all are
/// switched off by default. Parasitic fractions are evaluated from the state at the start of each time step (explicit in
/// the degradation state, implicit in the electrochemistry).
/// <list type="bullet">
/// <item>Contact loss: the fraction f of the positive electrode's active particles in ionic contact decays with charge
/// throughput, df/dn = −λ(P)·f per full-cycle equivalent n (2 × nominal capacity passed), λ(P) = λ_ref·(P_ref/P)^m — an
/// ASSUMED power law in stack pressure (seed 004 Fig. 3f: 95.6 % at 70 MPa vs 85.9 % at 3 MPa after 100 cycles).</item>
/// <item>Sodium-inventory loss: while <see cref="SideReactionElectrode"/> is being sodiated, a fraction
/// s = s₀·exp(−q/q_d) of its current reduces the electrolyte irreversibly (SEI-like), q = sodiation charge passed so far
/// in units of the electrode's theoretical capacity (seed 004: Sn CE 84.3 % then 97.0 %, full-cell CE 72.2 %).</item>
/// <item>Electrolyte oxidation: while the positive electrode is charged above <see cref="OxidationLimitV"/> (vs Na/Na+),
/// a fraction o = o₀·exp(−q_ox/q_p) of the charge current oxidises the electrolyte irreversibly (passivating), q_ox =
/// charge passed above the limit in units of the nominal capacity.</item>
/// </list>
/// </summary>
public sealed record DegradationParameters
{
    public double StackPressureMPa { get; init; } = 70;
    public double ContactLossPerCycleAtReference { get; init; }
    public double ContactLossReferencePressureMPa { get; init; } = 70;
    public double ContactLossPressureExponent { get; init; }

    public CellSide SideReactionElectrode { get; init; } = CellSide.Negative;
    public double SideReactionInitialFraction { get; init; }
    public double SideReactionDecayCapacities { get; init; } = 1;

    public double OxidationLimitV { get; init; } = double.PositiveInfinity;
    public double OxidationInitialFraction { get; init; }
    public double OxidationDecayCapacities { get; init; } = 1;

    public static DegradationParameters None { get; } = new();

    public bool Any => ContactLossPerCycleAtReference > 0 || SideReactionInitialFraction > 0 || OxidationInitialFraction > 0;

    /// <summary>λ(P) = λ_ref·(P_ref/P)^m, per full-cycle equivalent.</summary>
    public double ContactLossPerCycle => ContactLossPerCycleAtReference * Math.Pow(ContactLossReferencePressureMPa / StackPressureMPa, ContactLossPressureExponent);

    public void Validate(string cell)
    {
        void Fraction(double v, string f) { if (!(v >= 0 && v < 1)) throw new InvalidInputException($"{cell}: degradation.{f} must be in [0, 1), got {v}"); }
        void Positive(double v, string f) { if (!(v > 0) || double.IsNaN(v)) throw new InvalidInputException($"{cell}: degradation.{f} must be greater than zero, got {v}"); }
        Positive(StackPressureMPa, "stackPressureMPa"); Positive(ContactLossReferencePressureMPa, "contactLossReferencePressureMPa");
        Fraction(ContactLossPerCycleAtReference, "contactLossPerCycle"); Fraction(SideReactionInitialFraction, "sideReactionInitialFraction");
        Fraction(OxidationInitialFraction, "oxidationInitialFraction");
        Positive(SideReactionDecayCapacities, "sideReactionDecayCapacities"); Positive(OxidationDecayCapacities, "oxidationDecayCapacities");
        if (!(ContactLossPressureExponent >= 0)) throw new InvalidInputException($"{cell}: degradation.contactLossPressureExponent must be ≥ 0, got {ContactLossPressureExponent}");
    }
}
