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
    /// <summary>Fraction of the particle (or planar) surface in ionic contact with the electrolyte, (0, 1].</summary>
    public double ContactAreaFraction { get; init; } = 1.0;

    internal virtual void Validate()
    {
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

    /// <summary>Interfacial area per electrode volume of spheres, a = 3·ε_am/R_p (Doyle et al. 1993), times the contact fraction.</summary>
    public double SpecificInterfacialAreaPerM => 3 * ActiveVolumeFraction / ParticleRadiusM * ContactAreaFraction;

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
        if (Tortuosity is { } t && !(t >= 1)) throw new InvalidInputException($"{Name}: tortuosity must be ≥ 1, got {t}");
    }
}

/// <summary>A planar metal or alloy electrode (Na, Li, a Na–Sn counter electrode in large excess): constant OCP, Butler–Volmer kinetics, interfacial resistance.</summary>
public sealed record PlanarElectrodeParameters : ElectrodeParameters;
