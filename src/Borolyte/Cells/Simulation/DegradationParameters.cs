namespace Borolyte.Cells.Simulation;

/// <summary>Which electrode of a cell a degradation mechanism acts on.</summary>
public enum CellSide { Positive, Negative }

/// <summary>
/// Pressure-dependent contact and the degradation mechanisms the seeds show matter (issue 5 §2), each a lumped law with its
/// parameters stated; all are switched off by default. Parasitic fractions are evaluated from the state at the start of each
/// time step (explicit in the degradation state, implicit in the electrochemistry).
/// <list type="bullet">
/// <item>As-assembled contact: the fraction of the composite particles' surface in ionic contact,
/// f_A(P) = f_w + (1 − f_w)·min(1, P/H): the part f_w wetted by the infiltrated electrolyte, the rest touching where the
/// softer phase yields plastically, whose real contact area is load / hardness (Bowden &amp; Tabor, The Friction and Lubrication
/// of Solids, 1950, ch. 1). Applied to both composites' <see cref="ElectrodeParameters.ContactAreaFraction"/>.</item>
/// <item>Contact loss: the fraction f of a composite's particles still connected decays with charge throughput,
/// df/dn = −λ(P)·f per full-cycle equivalent n (2 × nominal capacity passed), λ(P) = λ_ref·(P_ref/P)^m — an ASSUMED power
/// law in stack pressure (seed 004 Fig. 3f: 95.6 % at 70 MPa vs 85.9 % at 3 MPa after 100 cycles). Positive electrode: λ;
/// negative (an alloy anode whose particles swell and shrink, seed 004 §2 "internal stresses caused by the large volume
/// expansion of the Sn anode"): λ₋ with the same pressure law. Isolated particles keep their sodium: at the negative this
/// traps sodium inventory.</item>
/// <item>Sodium-inventory loss at the side-reaction electrode while it is sodiated: a fraction
/// s(q) = s₀·exp(−q/q_d) + B/(2·√(q + q_c)) of its current reduces the electrolyte irreversibly, q = sodiation charge passed
/// so far in units of the electrode's theoretical capacity. The first term is the formation of a passivating interphase
/// (seed 004: Sn CE 84.3 % then 97.0 %); the second its continued, diffusion-limited growth, lost charge B·(√(q + q_c) − √q_c),
/// the √t law of Pinson &amp; Bazant, J. Electrochem. Soc. 160 (2013) A243 written in charge throughput (t ∝ q in galvanostatic
/// cycling), as the empirical cycle-ageing laws Q_loss ∝ (Ah)^z, z ≈ 0.5 (Wang et al., J. Power Sources 196 (2011) 3942) —
/// it does not die out (seed 004 §2: the full cell's CE "slowly increases to values above 99 %"). q_c regularises the law's
/// infinite initial rate (a fixed 0.1 capacity: the formation term dominates there).</item>
/// <item>Electrolyte oxidation: while the positive electrode is charged above <see cref="OxidationLimitV"/> (vs Na/Na+),
/// a fraction o = o₀·exp(−q_ox/q_p) of the charge current oxidises the electrolyte irreversibly (passivating), q_ox =
/// charge passed above the limit in units of the nominal capacity.</item>
/// </list>
/// </summary>
public sealed record DegradationParameters
{
    /// <summary>q_c of the growth term, theoretical capacities.</summary>
    public const double SideReactionGrowthOnsetCapacities = 0.1;

    public double StackPressureMPa { get; init; } = 70;
    public double ContactLossPerCycleAtReference { get; init; }
    public double NegativeContactLossPerCycleAtReference { get; init; }
    public double ContactLossReferencePressureMPa { get; init; } = 70;
    public double ContactLossPressureExponent { get; init; }

    /// <summary>
    /// Fraction of the positive composite's particles connected (ionically and electronically) at assembly, 1 by default; the rest are
    /// isolated from the start and keep their as-assembled sodium, as particles the contact-loss law isolates later do (df/dn = −λ·f starts from it).
    /// </summary>
    public double ConnectedParticleFraction { get; init; } = 1;
    /// <summary>f_w: fraction of the particle surface wetted by the infiltrated electrolyte (1: full contact at any pressure, the default).</summary>
    public double WettedContactFraction { get; init; } = 1;
    /// <summary>H: indentation hardness of the softer phase at the contacts, MPa.</summary>
    public double ContactHardnessMPa { get; init; } = 330;

    public CellSide SideReactionElectrode { get; init; } = CellSide.Negative;
    public double SideReactionInitialFraction { get; init; }
    public double SideReactionDecayCapacities { get; init; } = 1;
    /// <summary>B: continued interphase growth, lost charge B·(√(q + q_c) − √q_c) in theoretical capacities of the electrode.</summary>
    public double SideReactionGrowth { get; init; }

    public double OxidationLimitV { get; init; } = double.PositiveInfinity;
    public double OxidationInitialFraction { get; init; }
    public double OxidationDecayCapacities { get; init; } = 1;

    public static DegradationParameters None { get; } = new();

    public bool Any => ContactLossPerCycleAtReference > 0 || NegativeContactLossPerCycleAtReference > 0 || SideReactionInitialFraction > 0
        || SideReactionGrowth > 0 || OxidationInitialFraction > 0;

    private double PressureFactor => Math.Pow(ContactLossReferencePressureMPa / StackPressureMPa, ContactLossPressureExponent);

    /// <summary>λ(P) = λ_ref·(P_ref/P)^m, per full-cycle equivalent (positive electrode).</summary>
    public double ContactLossPerCycle => ContactLossPerCycleAtReference * PressureFactor;

    /// <summary>λ₋(P), per full-cycle equivalent (negative electrode).</summary>
    public double NegativeContactLossPerCycle => NegativeContactLossPerCycleAtReference * PressureFactor;

    /// <summary>f_A(P) = f_w + (1 − f_w)·min(1, P/H) (Bowden &amp; Tabor plastic contact for the unwetted part).</summary>
    public double InitialContactAreaFraction => WettedContactFraction + (1 - WettedContactFraction) * Math.Min(1, StackPressureMPa / ContactHardnessMPa);

    /// <summary>s(q): the parasitic fraction of the side-reaction electrode's sodiation current after q theoretical capacities.</summary>
    public double SideReactionFraction(double q) => SideReactionMeanFraction(q, 0);

    /// <summary>
    /// The mean of s over the throughput [q, q + Δq] (Δq ≥ 0, theoretical capacities), in closed form: a time step's parasitic charge
    /// is then the law's exact integral over the charge the step passes, not s at the step's start times it (a first-order lag
    /// that overstates a fast-decaying formation). Capped at 0.999, as s itself.
    /// </summary>
    public double SideReactionMeanFraction(double q, double dq)
    {
        double s = 0;
        if (SideReactionInitialFraction > 0)
        {
            double qd = SideReactionDecayCapacities, x = dq / qd;
            // s₀·q_d·(e^(−q/q_d) − e^(−(q+Δq)/q_d))/Δq; a small Δq by the series of (1 − e^(−x))/x, which keeps its digits.
            s += SideReactionInitialFraction * Math.Exp(-q / qd) * (x > 1e-4 ? (1 - Math.Exp(-x)) / x : 1 - x / 2 + x * x / 6);
        }
        if (SideReactionGrowth > 0)
        {
            // B·(√(q+Δq+q_c) − √(q+q_c))/Δq = B/(√(q+Δq+q_c) + √(q+q_c)).
            double a = q + SideReactionGrowthOnsetCapacities;
            s += SideReactionGrowth / (Math.Sqrt(a + dq) + Math.Sqrt(a));
        }
        return Math.Min(s, 0.999);
    }

    public void Validate(string cell)
    {
        void Fraction(double v, string f) { if (!(v >= 0 && v < 1)) throw new InvalidInputException($"{cell}: degradation.{f} must be in [0, 1), got {v}"); }
        void Positive(double v, string f) { if (!(v > 0) || double.IsNaN(v)) throw new InvalidInputException($"{cell}: degradation.{f} must be greater than zero, got {v}"); }
        Positive(StackPressureMPa, "stackPressureMPa"); Positive(ContactLossReferencePressureMPa, "contactLossReferencePressureMPa");
        Fraction(ContactLossPerCycleAtReference, "contactLossPerCycle"); Fraction(NegativeContactLossPerCycleAtReference, "negativeContactLossPerCycle");
        Fraction(SideReactionInitialFraction, "sideReactionInitialFraction");
        Fraction(OxidationInitialFraction, "oxidationInitialFraction");
        Positive(SideReactionDecayCapacities, "sideReactionDecayCapacities"); Positive(OxidationDecayCapacities, "oxidationDecayCapacities");
        Positive(ContactHardnessMPa, "contactHardnessMPa");
        if (!(ConnectedParticleFraction > 0 && ConnectedParticleFraction <= 1)) throw new InvalidInputException($"{cell}: degradation.connectedParticleFraction must be in (0, 1], got {ConnectedParticleFraction}");
        if (!(WettedContactFraction > 0 && WettedContactFraction <= 1)) throw new InvalidInputException($"{cell}: degradation.wettedContactFraction must be in (0, 1], got {WettedContactFraction}");
        if (!(SideReactionGrowth >= 0 && SideReactionGrowth < 1)) throw new InvalidInputException($"{cell}: degradation.sideReactionGrowth must be in [0, 1), got {SideReactionGrowth}");
        if (!(ContactLossPressureExponent >= 0)) throw new InvalidInputException($"{cell}: degradation.contactLossPressureExponent must be ≥ 0, got {ContactLossPressureExponent}");
    }
}
