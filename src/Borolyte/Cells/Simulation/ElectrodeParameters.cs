using Borolyte.Numerics;

namespace Borolyte.Cells.Simulation;

/// <summary>One electrode of a simulated cell: a porous composite (<see cref="CompositeElectrodeParameters"/>) or a planar metal/alloy (<see cref="PlanarElectrodeParameters"/>).</summary>
public abstract record ElectrodeParameters
{
    public required string Name { get; init; }
    public required OcpCurve Ocp { get; init; }
    /// <summary>Exchange current density at the active-material | electrolyte interface, A/m² of contact area.</summary>
    public required double ExchangeCurrentDensityAPerM2 { get; init; }
    /// <summary>Interfacial (contact/interphase) resistance in series with the charge transfer, Ω·m² of contact area.</summary>
    public double InterfacialResistanceOhmM2 { get; init; }
    /// <summary>
    /// Fraction of each particle's (or the planar) surface in ionic contact with the electrolyte, (0, 1]: the kinetics and the
    /// interfacial resistance act on this area, while the whole particle stays accessible through solid diffusion. (Particles
    /// that lose contact altogether during cycling are a separate state of the simulation, see <see cref="DegradationParameters"/>.)
    /// </summary>
    public double ContactAreaFraction { get; init; } = 1.0;

    /// <summary>Temperature at which <see cref="ExchangeCurrentDensityAPerM2"/>, <see cref="InterfacialResistanceOhmM2"/> (and a composite's solid diffusivity) are given, K.</summary>
    public double ParameterTemperatureK { get; init; } = 298.15;
    /// <summary>Arrhenius activation energy of i₀, eV: i₀(T) = i₀·exp(−Eₐ/k_B·(1/T − 1/T_ref)) (0: no temperature dependence).</summary>
    public double ExchangeCurrentActivationEnergyEv { get; init; }
    /// <summary>Arrhenius activation energy of the interfacial conductance 1/R_int, eV: R_int(T) = R_int·exp(+Eₐ/k_B·(1/T − 1/T_ref)).</summary>
    public double InterfacialResistanceActivationEnergyEv { get; init; }

    /// <summary>exp(−Eₐ/k_B·(1/T − 1/T_ref)): the Arrhenius factor of a thermally activated rate (Arrhenius, Z. phys. Chem. 4 (1889) 226).</summary>
    internal double ArrheniusFactor(double activationEnergyEv, double temperatureK) =>
        activationEnergyEv == 0 ? 1 : Math.Exp(-activationEnergyEv / PhysicalConstants.BoltzmannEvPerK * (1 / temperatureK - 1 / ParameterTemperatureK));

    /// <summary>The electrode with its thermally activated parameters evaluated at <paramref name="temperatureK"/> (and the reference moved there).</summary>
    public virtual ElectrodeParameters AtTemperature(double temperatureK) => this with
    {
        ExchangeCurrentDensityAPerM2 = ExchangeCurrentDensityAPerM2 * ArrheniusFactor(ExchangeCurrentActivationEnergyEv, temperatureK),
        InterfacialResistanceOhmM2 = InterfacialResistanceOhmM2 / ArrheniusFactor(InterfacialResistanceActivationEnergyEv, temperatureK),
        ParameterTemperatureK = temperatureK,
    };

    internal virtual void Validate()
    {
        Positive(ParameterTemperatureK, "parameterTemperatureK");
        foreach (var (v, f) in new[] { (ExchangeCurrentActivationEnergyEv, "exchangeCurrentActivationEnergyEv"), (InterfacialResistanceActivationEnergyEv, "interfacialResistanceActivationEnergyEv") })
            if (!(v >= 0) || !double.IsFinite(v)) throw new InvalidInputException($"{Name}: {f} must be ≥ 0, got {v}");
        Positive(ExchangeCurrentDensityAPerM2, "exchangeCurrentDensityAPerM2");
        if (!(InterfacialResistanceOhmM2 >= 0) || !double.IsFinite(InterfacialResistanceOhmM2)) throw new InvalidInputException($"{Name}: interfacialResistanceOhmM2 must be ≥ 0, got {InterfacialResistanceOhmM2}");
        if (!(ContactAreaFraction > 0 && ContactAreaFraction <= 1)) throw new InvalidInputException($"{Name}: contactAreaFraction must be in (0, 1], got {ContactAreaFraction}");
    }

    protected void Positive(double value, string field)
    {
        if (!(value > 0) || !double.IsFinite(value)) throw new InvalidInputException($"{Name}: {field} must be greater than zero, got {value}");
    }
}

/// <summary>
/// A porous composite electrode (active particles, carbon, binder, infiltrated solid electrolyte): the P2D electrode of
/// Doyle, Fuller &amp; Newman (J. Electrochem. Soc. 140 (1993) 1526) with a single-ion conductor (uniform carrier
/// concentration, transference number 1), so the electrolyte phase is an ohmic conductor.
/// </summary>
public sealed record CompositeElectrodeParameters : ElectrodeParameters
{
    public required double ThicknessM { get; init; }
    /// <summary>Volume fraction of active material.</summary>
    public required double ActiveVolumeFraction { get; init; }
    /// <summary>Volume fraction of solid electrolyte (the ionic phase).</summary>
    public required double ElectrolyteVolumeFraction { get; init; }
    /// <summary>Bruggeman exponent b in κ_eff = κ·ε^b (Bruggeman, Ann. Phys. 416 (1935) 636; b = 1.5 for spheres); ignored when <see cref="Tortuosity"/> is set.</summary>
    public double BruggemanExponent { get; init; } = 1.5;
    /// <summary>Optional tortuosity τ: κ_eff = κ·ε/τ instead of the Bruggeman relation.</summary>
    public double? Tortuosity { get; init; }
    public required double ParticleRadiusM { get; init; }
    public required double SolidDiffusivityM2PerS { get; init; }
    /// <summary>Alkali sites per volume of active material at θ = 1, mol/m³.</summary>
    public required double MaxConcentrationMolPerM3 { get; init; }
    /// <summary>Effective electronic conductivity of the composite, S/m.</summary>
    public required double ElectronicConductivitySPerM { get; init; }
    /// <summary>Stoichiometry θ of the as-assembled electrode.</summary>
    public required double InitialStoichiometry { get; init; }
    /// <summary>Active-material mass per area, kg/m² (reports only).</summary>
    public double ActiveLoadingKgPerM2 { get; init; }

    /// <summary>Arrhenius activation energy of the solid diffusivity, eV (0: no temperature dependence).</summary>
    public double SolidDiffusivityActivationEnergyEv { get; init; }

    /// <summary>
    /// k in D(θ) = D_s·exp(k·(θ − ½)): the natural-log change of the solid diffusivity from θ = 0 to 1, so D_s is the value at
    /// θ = ½ (0: constant D_s, Fick's law). A concentration-dependent D is how a Fickian model represents phases of different
    /// mobility (e.g. PyBaMM's D(sto) parameter functions; Ecker et al., J. Electrochem. Soc. 162 (2015) A1849).
    /// </summary>
    public double SolidDiffusivityStoichiometryExponent { get; init; }

    /// <summary>
    /// σ of ln R of a log-normal particle-size distribution by volume with median <see cref="ParticleRadiusM"/> (0: all particles
    /// of that radius). The particles are then <see cref="ParticleSizeClassCount"/> classes, each with its own radial diffusion
    /// and kinetics at the same φ_s and φ_e — the many-particle model (Darling &amp; Newman, J. Electrochem. Soc. 144 (1997) 3057;
    /// Kirk, Evans, Please &amp; Chapman, SIAM J. Appl. Math. 80 (2020) 1229; PyBaMM's particle-size distributions).
    /// </summary>
    public double ParticleRadiusLogStandardDeviation { get; init; }
    /// <summary>
    /// Radius of the contact patches through which the charge enters a particle, m (0: the contact is spread uniformly over the
    /// surface, as in the P2D model). With patches, the kinetics see the stoichiometry at the patch, which the spreading of the
    /// flux from the patch into the particle raises above the surface mean (a constriction term, see the solver).
    /// </summary>
    public double ContactPatchRadiusM { get; init; }

    /// <summary>Number of size classes of a distribution (Gauss–Hermite nodes in ln R); ignored when σ = 0.</summary>
    public int ParticleSizeClassCount { get; init; } = 5;

    /// <summary>The size classes: radius and share of the active volume (one class of <see cref="ParticleRadiusM"/> when σ = 0).</summary>
    public IReadOnlyList<ParticleSizeClass> ParticleSizeClasses => ParticleRadiusLogStandardDeviation == 0
        ? [new ParticleSizeClass(ParticleRadiusM, 1)]
        : GaussHermite.Probabilists(ParticleSizeClassCount).Select(n => new ParticleSizeClass(ParticleRadiusM * Math.Exp(ParticleRadiusLogStandardDeviation * n.Node), n.Weight)).ToArray();

    /// <summary>Particle surface per electrode volume of spheres, a = 3·ε_am·Σ w_j/R_j (Doyle et al. 1993; one class: 3·ε_am/R_p).</summary>
    public double ParticleSurfacePerM => ParticleRadiusLogStandardDeviation == 0
        ? 3 * ActiveVolumeFraction / ParticleRadiusM
        : ParticleSizeClasses.Sum(c => 3 * ActiveVolumeFraction * c.VolumeFraction / c.RadiusM);

    /// <summary>Binder volume per active-material volume (from the composition and densities; 0 for a binder-free composite).</summary>
    public double BinderToActiveVolumeRatio { get; init; }

    /// <summary>
    /// δ₀ of the binder's coverage of the particle surface, m (0: the binder blocks no contact): the binder spread over the
    /// particle surface as an equivalent film δ = (binder volume)/(particle surface) leaves the fraction exp(−δ/δ₀) uncovered —
    /// random (Poisson) placement of binder patches, the Kolmogorov–Johnson–Mehl–Avrami coverage law.
    /// </summary>
    public double BinderCoverageLengthM { get; init; }

    /// <summary>
    /// Resistivity of the product shell of a two-phase reaction, Ω·m, on extraction and on insertion (0: off). Within a plateau of
    /// the OCP curve (a two-phase region, <see cref="OcpCurve.Plateaus"/>) a particle converts from its surface inwards (shrinking
    /// core; Srinivasan &amp; Newman, J. Electrochem. Soc. 151 (2004) A1517), one plateau after the other; the alkali ions cross the
    /// product shell between the front r_f and the surface R, a spherical shell of resistance ρ·R·(R/r_f − 1) per particle surface
    /// (radial conduction through a shell, Ohm's law), with r_f = R·(1 − g)^(1/3) at the fraction g of the particle converted since
    /// the front started — at the plateau's edge, or at the surface again when the current reverses inside the plateau. On
    /// extraction the shell is the alkali-poor phase, on insertion the alkali-rich one, hence two values.
    /// </summary>
    public double ExtractionShellResistivityOhmM { get; init; }
    public double InsertionShellResistivityOhmM { get; init; }

    /// <summary>Fraction of the particle surface the binder leaves free, exp(−δ/δ₀) with δ = v_b/(surface per active volume); 1 without coverage.</summary>
    public double BinderUncoveredFraction => BinderCoverageLengthM > 0 && BinderToActiveVolumeRatio > 0
        ? Math.Exp(-BinderToActiveVolumeRatio / (ParticleSurfacePerM / ActiveVolumeFraction) / BinderCoverageLengthM)
        : 1;

    /// <summary>Fraction of the particle surface in ionic contact: the contact-area fraction times what the binder leaves free.</summary>
    public double EffectiveContactAreaFraction => ContactAreaFraction * BinderUncoveredFraction;

    /// <summary>Interfacial (contact) area per electrode volume: the particle surface times the effective contact fraction.</summary>
    public double SpecificInterfacialAreaPerM => ParticleSurfacePerM * EffectiveContactAreaFraction;

    public override ElectrodeParameters AtTemperature(double temperatureK)
    {
        double diffusivity = SolidDiffusivityM2PerS * ArrheniusFactor(SolidDiffusivityActivationEnergyEv, temperatureK);
        return (CompositeElectrodeParameters)base.AtTemperature(temperatureK) with { SolidDiffusivityM2PerS = diffusivity };
    }

    /// <summary>Effective ionic conductivity of the electrolyte phase for a bulk conductivity κ.</summary>
    public double EffectiveIonicConductivity(double bulkSPerM) =>
        Tortuosity is { } tau ? bulkSPerM * ElectrolyteVolumeFraction / tau : bulkSPerM * Math.Pow(ElectrolyteVolumeFraction, BruggemanExponent);

    /// <summary>Alkali charge the electrode stores per area between θ = 0 and 1, C/m².</summary>
    public double ArealCapacityCPerM2 => MaxConcentrationMolPerM3 * ActiveVolumeFraction * ThicknessM * PhysicalConstants.FaradayCPerMol;

    internal override void Validate()
    {
        base.Validate();
        Positive(ThicknessM, "thicknessM"); Positive(ParticleRadiusM, "particleRadiusM"); Positive(SolidDiffusivityM2PerS, "solidDiffusivityM2PerS");
        Positive(MaxConcentrationMolPerM3, "maxConcentrationMolPerM3"); Positive(ElectronicConductivitySPerM, "electronicConductivitySPerM");
        if (!(ActiveVolumeFraction > 0 && ActiveVolumeFraction < 1)) throw new InvalidInputException($"{Name}: activeVolumeFraction must be in (0, 1), got {ActiveVolumeFraction}");
        if (!(ElectrolyteVolumeFraction > 0 && ElectrolyteVolumeFraction < 1)) throw new InvalidInputException($"{Name}: electrolyteVolumeFraction must be in (0, 1), got {ElectrolyteVolumeFraction}");
        if (ActiveVolumeFraction + ElectrolyteVolumeFraction > 1) throw new InvalidInputException($"{Name}: active + electrolyte volume fractions exceed 1 ({ActiveVolumeFraction} + {ElectrolyteVolumeFraction})");
        if (!(InitialStoichiometry >= 0 && InitialStoichiometry <= 1)) throw new InvalidInputException($"{Name}: initialStoichiometry must be in [0, 1], got {InitialStoichiometry}");
        if (!(SolidDiffusivityActivationEnergyEv >= 0) || !double.IsFinite(SolidDiffusivityActivationEnergyEv)) throw new InvalidInputException($"{Name}: solidDiffusivityActivationEnergyEv must be ≥ 0, got {SolidDiffusivityActivationEnergyEv}");
        if (!double.IsFinite(SolidDiffusivityStoichiometryExponent) || Math.Abs(SolidDiffusivityStoichiometryExponent) > 50)
            throw new InvalidInputException($"{Name}: solidDiffusivityStoichiometryExponent must be a finite number in [−50, 50] (D changes by e^k from θ = 0 to 1), got {SolidDiffusivityStoichiometryExponent}");
        if (!(ParticleRadiusLogStandardDeviation >= 0 && ParticleRadiusLogStandardDeviation <= 1.5))
            throw new InvalidInputException($"{Name}: particleRadiusLogStandardDeviation must be in [0, 1.5] (σ of ln R), got {ParticleRadiusLogStandardDeviation}");
        if (!(BinderToActiveVolumeRatio >= 0) || !double.IsFinite(BinderToActiveVolumeRatio)) throw new InvalidInputException($"{Name}: binderToActiveVolumeRatio must be ≥ 0, got {BinderToActiveVolumeRatio}");
        if (!(BinderCoverageLengthM >= 0) || !double.IsFinite(BinderCoverageLengthM)) throw new InvalidInputException($"{Name}: binderCoverageLengthM must be ≥ 0, got {BinderCoverageLengthM}");
        if (!(ContactPatchRadiusM >= 0 && ContactPatchRadiusM < ParticleRadiusM))
            throw new InvalidInputException($"{Name}: contactPatchRadiusM must be ≥ 0 and smaller than the particle radius, got {ContactPatchRadiusM}");
        if (ParticleSizeClassCount is < 2 or > 15) throw new InvalidInputException($"{Name}: particleSizeClasses must be 2 to 15, got {ParticleSizeClassCount}");
        if (Tortuosity is { } t && !(t >= 1)) throw new InvalidInputException($"{Name}: tortuosity must be ≥ 1, got {t}");
        if (!(ExtractionShellResistivityOhmM >= 0) || !double.IsFinite(ExtractionShellResistivityOhmM)) throw new InvalidInputException($"{Name}: extractionShellResistivityOhmM must be ≥ 0, got {ExtractionShellResistivityOhmM}");
        if (!(InsertionShellResistivityOhmM >= 0) || !double.IsFinite(InsertionShellResistivityOhmM)) throw new InvalidInputException($"{Name}: insertionShellResistivityOhmM must be ≥ 0, got {InsertionShellResistivityOhmM}");
    }
}

/// <summary>One size class of a composite electrode's particles: its radius, m, and its share of the active volume.</summary>
public sealed record ParticleSizeClass(double RadiusM, double VolumeFraction);

/// <summary>A planar metal or alloy electrode (Na, Li, a Na–Sn counter electrode in large excess): constant OCP, Butler–Volmer kinetics, interfacial resistance.</summary>
public sealed record PlanarElectrodeParameters : ElectrodeParameters;
