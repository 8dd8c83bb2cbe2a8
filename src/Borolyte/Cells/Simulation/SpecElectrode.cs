using Borolyte.Cells.Design;
using Borolyte.Cells.Specs;
using Borolyte.Chemistry;

namespace Borolyte.Cells.Simulation;

/// <summary>
/// One electrode of a simulation spec (<see cref="CellSimulationSpec"/>): a planar metal or alloy (<c>type: metal|alloy</c>,
/// <c>material: Na|Li|Na3Sn</c>) or a porous composite, built by the design module from composition, loading, cast
/// porosity or thickness, electrolyte content and pressing (or given by volume fractions), with its transport and kinetic
/// parameters. On top of a preset's electrode of the same kind every field not given keeps the preset's value.
/// </summary>
internal static class SpecElectrode
{
    internal sealed record Context(double? ElectrolyteDensityKgPerM3, SolutionInfiltration? Infiltration, string BaseDirectory);

    /// <param name="Rebuilt">the geometry was built from the spec (not the preset's)</param>
    /// <param name="NominalArealCapacityCPerM2">loading × capacityMAhPerG when the spec gives the capacity (defines 1C for a positive electrode)</param>
    internal sealed record Result(ElectrodeParameters Electrode, bool Rebuilt, double? NominalArealCapacityCPerM2);

    /// <summary>The temperature dependence of i₀ and R_int (ElectrodeParameters.AtTemperature), either kind of electrode.</summary>
    private static readonly string[] TemperatureFields = ["parameterTemperatureC", "exchangeCurrentActivationEnergyEv", "interfacialResistanceActivationEnergyEv"];

    private static readonly string[] PlanarFields =
        ["type", "name", "material", "ocp", "exchangeCurrentDensityMAPerCm2", "interfacialResistanceOhmCm2", "contactAreaFraction", .. TemperatureFields];

    private static readonly string[] GeometryFields =
    [
        "activeMaterial", "activeDensityGPerCm3", "binder", "binderDensityGPerCm3", "carbon", "carbonDensityGPerCm3", "composition",
        "loadingMgPerCm2", "loadingBasis", "capacityMAhPerG", "porosity", "thicknessUm", "measuredElectrolyteMassRatio", "infiltrated",
        "pressedPorosity", "pressedThicknessUm", "activeVolumeFraction", "electrolyteVolumeFraction",
    ];

    private static readonly string[] KineticFields =
    [
        "name", "ocp", "particleRadiusUm", "solidDiffusivityM2PerS", "exchangeCurrentDensityMAPerCm2", "interfacialResistanceOhmCm2",
        "contactAreaFraction", "electronicConductivitySPerCm", "bruggemanExponent", "tortuosity", "initialStoichiometry",
        "maxConcentrationMolPerM3", "alkaliPerFormulaUnit", "solidDiffusivityActivationEnergyEv", "solidDiffusivityStoichiometryExponent", "particleRadiusLogStandardDeviation", "particleSizeClasses", "binderCoverageLengthNm", "contactPatchRadiusUm", "extractionShellResistivityOhmM", "insertionShellResistivityOhmM", .. TemperatureFields,
    ];

    /// <summary>Alkali per formula unit at θ = 1 of the built-in OCP curves (their θ definitions, data/cells/ocp/README.md).</summary>
    private static readonly Dictionary<string, double> AlkaliPerFormulaUnit = new(StringComparer.OrdinalIgnoreCase)
    {
        ["nacro2"] = 1, ["sn"] = 3.75, ["tis2"] = 1, ["li4ti5o12"] = 3, ["nvopf"] = 2,
    };

    /// <summary>The built-in OCP curve of an active material or planar electrode material.</summary>
    private static readonly Dictionary<string, string> BuiltInOcp = new(StringComparer.OrdinalIgnoreCase)
    {
        ["NaCrO2"] = "nacro2", ["Sn"] = "sn", ["TiS2"] = "tis2", ["Li4Ti5O12"] = "li4ti5o12", ["Na3(VOPO4)2F"] = "nvopf",
    };

    private static readonly Dictionary<string, string> PlanarOcp = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Na"] = "na-metal", ["Li"] = "li-metal", ["Na3Sn"] = "na-sn-counter", ["Na-Sn"] = "na-sn-counter",
    };

    public static Result Read(SpecSection s, ElectrodeParameters? basis, Context ctx, List<PresetParameter> sources)
    {
        bool planar = s.String("type") switch
        {
            null => s.Has("material") || (!s.Has("activeMaterial") && basis is PlanarElectrodeParameters),
            "metal" or "alloy" or "planar" => true,
            "composite" => false,
            var other => throw s.Error("type", $"must be composite, metal or alloy, got '{other}'"),
        };
        if (!s.Has("type") && !s.Has("material") && !s.Has("activeMaterial") && basis is null)
            throw s.Missing("type", ": composite (with activeMaterial) or metal/alloy (with material: Na, Li or Na3Sn)");
        return planar ? ReadPlanar(s, basis as PlanarElectrodeParameters, basis, ctx) : ReadComposite(s, basis as CompositeElectrodeParameters, ctx);
    }

    private static Result ReadPlanar(SpecSection s, PlanarElectrodeParameters? b, ElectrodeParameters? basis, Context ctx)
    {
        foreach (var key in s.Keys)
            if (!PlanarFields.Contains(key) && (GeometryFields.Contains(key) || KineticFields.Contains(key)))
                throw s.Error(key, $"applies only to a composite electrode; the {s.Field("")} electrode '{(s.String("material") ?? basis?.Name ?? "?")}' is planar (type: metal or alloy)");
        s.AllowOnly(PlanarFields);
        string? material = s.String("material");
        if (b is null && material is null && !s.Has("ocp")) throw s.Missing("material", ": Na, Li or Na3Sn (or an ocp curve)");
        OcpCurve ocp = s.String("ocp") is { } o ? LoadOcp(o, s, ctx)
            : material is not null ? (PlanarOcp.TryGetValue(material, out var name) ? OcpLibrary.Get(name)
                : throw s.Error("material", $"'{material}' has no built-in curve (built in: {string.Join(", ", PlanarOcp.Keys)}); give ocp: a CSV"))
            : b!.Ocp;
        double? i0 = s.Positive("exchangeCurrentDensityMAPerCm2") * CellUnits.APerM2PerMAPerCm2;
        var (tRef, i0Ea, rIntEa) = TemperatureDependence(s, b, []);
        var e = new PlanarElectrodeParameters
        {
            Name = s.String("name") ?? material ?? b!.Name,
            Ocp = ocp,
            ExchangeCurrentDensityAPerM2 = i0 ?? b?.ExchangeCurrentDensityAPerM2 ?? throw s.Missing("exchangeCurrentDensityMAPerCm2"),
            InterfacialResistanceOhmM2 = s.NonNegative("interfacialResistanceOhmCm2") / 1e4 ?? b?.InterfacialResistanceOhmM2 ?? 0,
            ContactAreaFraction = s.FractionUpToOne("contactAreaFraction") ?? b?.ContactAreaFraction ?? 1,
            ParameterTemperatureK = tRef, ExchangeCurrentActivationEnergyEv = i0Ea, InterfacialResistanceActivationEnergyEv = rIntEa,
        };
        return new Result(e, Rebuilt: material is not null, NominalArealCapacityCPerM2: null);
    }

    private static Result ReadComposite(SpecSection s, CompositeElectrodeParameters? b, Context ctx)
    {
        s.AllowOnly([.. GeometryFields, .. KineticFields, "type"]);
        bool rebuild = s.Keys.Any(GeometryFields.Contains);
        if (!rebuild && b is null)
            throw s.Missing("activeMaterial", ": a composite electrode needs activeMaterial, loadingMgPerCm2 and its geometry (docs/cells.md)");

        double t, activeFraction, electrolyteFraction, activeLoading, binderRatio = 0;
        double? capacity = null, activeDensity = null;
        string? active = null;
        if (rebuild)
        {
            active = s.RequiredString("activeMaterial", " (the geometry is rebuilt from the spec)");
            var material = CellMaterials.Find(active);
            activeDensity = s.Positive("activeDensityGPerCm3") * CellUnits.KgPerM3PerGPerCm3 ?? material?.DensityKgPerM3
                ?? throw s.Missing("activeDensityGPerCm3", $": '{active}' is not in the material catalogue");
            double loading = s.RequiredPositive("loadingMgPerCm2") * CellUnits.KgPerM2PerMgPerCm2;
            capacity = s.Positive("capacityMAhPerG") * CellUnits.CPerKgPerMAhPerG;
            if (s.Has("electrolyteVolumeFraction") || s.Has("activeVolumeFraction"))
                (t, activeFraction, electrolyteFraction, activeLoading) = VolumeFractionGeometry(s, loading, activeDensity.Value);
            else
                (t, activeFraction, electrolyteFraction, activeLoading, binderRatio) = DesignGeometry(s, active, material, activeDensity.Value, loading, capacity, ctx);
        }
        else (t, activeFraction, electrolyteFraction, activeLoading, binderRatio) = (b!.ThicknessM, b.ActiveVolumeFraction, b.ElectrolyteVolumeFraction, b.ActiveLoadingKgPerM2, b.BinderToActiveVolumeRatio);

        // The basis's transport and kinetics apply unless the active material changed.
        var k = b is not null && (active is null || string.Equals(active, b.Name, StringComparison.OrdinalIgnoreCase)) ? b : null;
        OcpCurve ocp = s.String("ocp") is { } o ? LoadOcp(o, s, ctx)
            : k?.Ocp ?? (active is not null && BuiltInOcp.TryGetValue(active, out var builtIn) ? OcpLibrary.Get(builtIn)
                : throw s.Missing("ocp", $": '{active}' has no built-in OCP curve (built in: {string.Join(", ", BuiltInOcp.Keys)}); give a CSV"));

        double maxConcentration;
        if (s.Positive("maxConcentrationMolPerM3") is { } cmax)
        {
            if (s.Has("alkaliPerFormulaUnit")) throw s.Error("alkaliPerFormulaUnit", "cannot be given together with maxConcentrationMolPerM3");
            maxConcentration = cmax;
        }
        else if (s.Positive("alkaliPerFormulaUnit") is { } n) maxConcentration = n * Density() / MolarMass();
        else if (k is not null && !s.Has("ocp") && !s.Has("activeDensityGPerCm3"))
            maxConcentration = k.MaxConcentrationMolPerM3;
        else if (AlkaliPerFormulaUnit.TryGetValue(ocp.Name, out double sites)) maxConcentration = sites * Density() / MolarMass();
        else throw s.Missing("maxConcentrationMolPerM3", $" (or alkaliPerFormulaUnit): the OCP curve '{ocp.Name}' is not built in, so θ = 1 is not known");

        double Density() => activeDensity ?? throw s.Missing("activeDensityGPerCm3");
        double MolarMass()
        {
            string formula = (active is not null ? CellMaterials.Find(active)?.FormulaText : null) ?? active ?? throw s.Missing("activeMaterial");
            try { return Formula.Parse(formula).MolarMassKgPerMol; }
            catch (InvalidInputException) { throw s.Error("activeMaterial", $"'{formula}' is not a formula Borolyte can weigh; give maxConcentrationMolPerM3"); }
        }

        if (s.Has("bruggemanExponent") && s.Has("tortuosity")) throw s.Error("tortuosity", "cannot be given together with bruggemanExponent (κ_eff = κ·ε/τ replaces κ·ε^b)");
        double? tortuosity = s.Number("tortuosity") is { } tau ? (tau >= 1 ? tau : throw s.Error("tortuosity", $"must be ≥ 1, got {SpecSection.Text(tau)}")) : null;
        double diffusivityEa = s.NonNegative("solidDiffusivityActivationEnergyEv") ?? k?.SolidDiffusivityActivationEnergyEv ?? 0;
        var (tRef, i0Ea, rIntEa) = TemperatureDependence(s, k, s.Has("solidDiffusivityActivationEnergyEv") ? [diffusivityEa] : []);
        var e = new CompositeElectrodeParameters
        {
            Name = s.String("name") ?? active ?? b!.Name,
            Ocp = ocp,
            ThicknessM = t, ActiveVolumeFraction = activeFraction, ElectrolyteVolumeFraction = electrolyteFraction, ActiveLoadingKgPerM2 = activeLoading,
            ParticleRadiusM = s.Positive("particleRadiusUm") / 1e6 ?? k?.ParticleRadiusM ?? throw s.Missing("particleRadiusUm"),
            SolidDiffusivityM2PerS = s.Positive("solidDiffusivityM2PerS") ?? k?.SolidDiffusivityM2PerS ?? throw s.Missing("solidDiffusivityM2PerS"),
            ExchangeCurrentDensityAPerM2 = s.Positive("exchangeCurrentDensityMAPerCm2") * CellUnits.APerM2PerMAPerCm2 ?? k?.ExchangeCurrentDensityAPerM2
                ?? throw s.Missing("exchangeCurrentDensityMAPerCm2"),
            InterfacialResistanceOhmM2 = s.NonNegative("interfacialResistanceOhmCm2") / 1e4 ?? k?.InterfacialResistanceOhmM2 ?? 0,
            ContactAreaFraction = s.FractionUpToOne("contactAreaFraction") ?? k?.ContactAreaFraction ?? 1,
            ElectronicConductivitySPerM = s.Positive("electronicConductivitySPerCm") * 100 ?? k?.ElectronicConductivitySPerM ?? throw s.Missing("electronicConductivitySPerCm"),
            // Bruggeman, Ann. Phys. 416 (1935) 636: b = 1.5 for spheres (the default of CompositeElectrodeParameters).
            BruggemanExponent = s.Positive("bruggemanExponent") ?? (tortuosity is null ? k?.BruggemanExponent : null) ?? 1.5,
            Tortuosity = tortuosity ?? (s.Has("bruggemanExponent") ? null : k?.Tortuosity),
            InitialStoichiometry = s.ClosedFraction("initialStoichiometry") ?? k?.InitialStoichiometry
                ?? throw s.Missing("initialStoichiometry", " (θ as assembled: 1 for a sodiated cathode such as NaCrO2, 0 for pristine Sn)"),
            MaxConcentrationMolPerM3 = maxConcentration,
            ParameterTemperatureK = tRef, ExchangeCurrentActivationEnergyEv = i0Ea, InterfacialResistanceActivationEnergyEv = rIntEa,
            SolidDiffusivityActivationEnergyEv = diffusivityEa,
            SolidDiffusivityStoichiometryExponent = StoichiometryExponent(s) ?? k?.SolidDiffusivityStoichiometryExponent ?? 0,
            ParticleRadiusLogStandardDeviation = SizeSpread(s) ?? k?.ParticleRadiusLogStandardDeviation ?? 0,
            ParticleSizeClassCount = SizeClasses(s) ?? k?.ParticleSizeClassCount ?? 5,
            BinderToActiveVolumeRatio = binderRatio,
            BinderCoverageLengthM = s.NonNegative("binderCoverageLengthNm") * 1e-9 ?? k?.BinderCoverageLengthM ?? 0,
            ContactPatchRadiusM = s.NonNegative("contactPatchRadiusUm") * 1e-6 ?? k?.ContactPatchRadiusM ?? 0,
            ExtractionShellResistivityOhmM = s.NonNegative("extractionShellResistivityOhmM") ?? k?.ExtractionShellResistivityOhmM ?? 0,
            InsertionShellResistivityOhmM = s.NonNegative("insertionShellResistivityOhmM") ?? k?.InsertionShellResistivityOhmM ?? 0,
        };
        if (e.ContactPatchRadiusM >= e.ParticleRadiusM)
            throw s.Error(s.Has("contactPatchRadiusUm") ? "contactPatchRadiusUm" : "particleRadiusUm",
                $"— the contact patches ({SpecSection.Text(e.ContactPatchRadiusM * 1e6)} µm) must be smaller than the particle radius ({SpecSection.Text(e.ParticleRadiusM * 1e6)} µm)");
        double? nominal = capacity is { } q ? CRate.ArealCapacityCPerM2(activeLoading, q) : null;
        return new Result(e, rebuild, nominal);
    }

    /// <summary>k of D(θ) = D_s·exp(k·(θ − ½)) (<see cref="CompositeElectrodeParameters.SolidDiffusivityStoichiometryExponent"/>): any sign, |k| ≤ 50.</summary>
    private static double? StoichiometryExponent(SpecSection s) => s.Number("solidDiffusivityStoichiometryExponent") is { } v
        ? (Math.Abs(v) <= 50 ? v : throw s.Error("solidDiffusivityStoichiometryExponent", $"must be in [−50, 50] (D changes by e^k from θ = 0 to 1), got {SpecSection.Text(v)}"))
        : null;

    /// <summary>σ of ln R of a log-normal size distribution by volume (<see cref="CompositeElectrodeParameters.ParticleRadiusLogStandardDeviation"/>): [0, 1.5].</summary>
    private static double? SizeSpread(SpecSection s) => s.Number("particleRadiusLogStandardDeviation") is { } v
        ? (v is >= 0 and <= 1.5 ? v : throw s.Error("particleRadiusLogStandardDeviation", $"must be in [0, 1.5] (σ of ln R; 0 = one radius), got {SpecSection.Text(v)}"))
        : null;

    private static int? SizeClasses(SpecSection s) => s.Number("particleSizeClasses") is { } v
        ? (v is >= 2 and <= 15 && v == Math.Floor(v) ? (int)v : throw s.Error("particleSizeClasses", $"must be a whole number from 2 to 15, got {SpecSection.Text(v)}"))
        : null;

    /// <summary>
    /// T_ref and the Arrhenius activation energies of i₀ and 1/R_int (<see cref="ElectrodeParameters.AtTemperature"/>): each the
    /// spec's, else the basis electrode's (a preset's kinetics are kept with the temperature they are given at), else 25 °C and
    /// 0 eV (no temperature dependence). An activation energy given without a basis needs the temperature it is referred to.
    /// </summary>
    private static (double ParameterTemperatureK, double ExchangeCurrentEv, double InterfacialResistanceEv) TemperatureDependence(
        SpecSection s, ElectrodeParameters? k, double[] otherGivenEnergiesEv)
    {
        double i0Ea = s.NonNegative("exchangeCurrentActivationEnergyEv") ?? k?.ExchangeCurrentActivationEnergyEv ?? 0;
        double rIntEa = s.NonNegative("interfacialResistanceActivationEnergyEv") ?? k?.InterfacialResistanceActivationEnergyEv ?? 0;
        double tRef;
        if (s.Number("parameterTemperatureC") is { } tc)
        {
            if (!(tc > -PhysicalConstants.ZeroCelsiusK)) throw s.Error("parameterTemperatureC", $"must be above −273.15, got {SpecSection.Text(tc)}");
            tRef = tc + PhysicalConstants.ZeroCelsiusK;
        }
        else if (k is not null) tRef = k.ParameterTemperatureK;
        else if ((s.Has("exchangeCurrentActivationEnergyEv") && i0Ea > 0) || (s.Has("interfacialResistanceActivationEnergyEv") && rIntEa > 0) || otherGivenEnergiesEv.Any(e => e > 0))
            throw s.Missing("parameterTemperatureC", ": the temperature at which the kinetic parameters are given (an activation energy moves them from there)");
        else tRef = 25 + PhysicalConstants.ZeroCelsiusK;
        return (tRef, i0Ea, rIntEa);
    }

    /// <summary>A cold-pressed composite by volume fractions: t = m_A/(ρ·ε_am) (or ε_am = m_A/(ρ·t)).</summary>
    private static (double, double, double, double) VolumeFractionGeometry(SpecSection s, double loading, double density)
    {
        foreach (var key in new[] { "composition", "porosity", "measuredElectrolyteMassRatio", "infiltrated", "pressedPorosity", "pressedThicknessUm", "loadingBasis", "binder", "carbon" })
            if (s.Has(key)) throw s.Error(key, "cannot be combined with volume fractions (activeVolumeFraction/electrolyteVolumeFraction give the geometry directly)");
        double eSe = s.FractionBelowOne("electrolyteVolumeFraction") ?? throw s.Missing("electrolyteVolumeFraction");
        if (s.Has("activeVolumeFraction") == s.Has("thicknessUm"))
            throw s.Error(s.Has("thicknessUm") ? "thicknessUm" : "", "give either activeVolumeFraction or thicknessUm (exactly one) with electrolyteVolumeFraction");
        double t, eAm;
        if (s.FractionBelowOne("activeVolumeFraction") is { } am)
        {
            // thickness = active volume per area / active volume fraction
            eAm = am; t = loading / (density * am);
        }
        else
        {
            t = s.RequiredPositive("thicknessUm") / 1e6; eAm = loading / density / t;
        }
        if (!(eAm > 0 && eAm + eSe <= 1))
            throw s.Error(s.Has("thicknessUm") ? "thicknessUm" : "activeVolumeFraction", $"gives active + electrolyte volume fractions {SpecSection.Text(eAm)} + {SpecSection.Text(eSe)} > 1");
        return (t, eAm, eSe, loading);
    }

    /// <summary>The design module's electrode (cast, infiltrated or with a given electrolyte ratio, pressed) in simulator geometry.</summary>
    private static (double, double, double, double, double) DesignGeometry(SpecSection s, string active, CellMaterial? material, double activeDensity, double loading,
        double? capacity, Context ctx)
    {
        double DensityOf(string key, string fallback)
        {
            if (s.Positive(key) is { } d) return d * CellUnits.KgPerM3PerGPerCm3;
            string name = s.String(key.Replace("DensityGPerCm3", "")) ?? fallback;
            return CellMaterials.Find(name)?.DensityKgPerM3 ?? throw s.Missing(key, $": '{name}' is not in the material catalogue");
        }
        var densities = new ComponentDensities(activeDensity, DensityOf("binderDensityGPerCm3", "PVDF"), DensityOf("carbonDensityGPerCm3", "Super P"));
        ElectrodeComposition composition;
        try { composition = ElectrodeComposition.Parse(s.RequiredString("composition", " (active:binder:carbon by mass, e.g. 95:2:3; or give electrolyteVolumeFraction and activeVolumeFraction)"), s.Field("composition")); }
        catch (InvalidInputException ex) when (!ex.Message.StartsWith(s.Source, StringComparison.Ordinal)) { throw new InvalidInputException($"{s.Source}:{s.LineOf("composition")}: {ex.Message}"); }
        var basis = s.String("loadingBasis") switch
        {
            null or "active" => LoadingBasis.ActiveMaterial,
            "composite" => LoadingBasis.Composite,
            var other => throw s.Error("loadingBasis", $"must be 'active' or 'composite', got '{other}'"),
        };
        double q = capacity ?? material?.TheoreticalCapacityCPerKg ?? throw s.Missing("capacityMAhPerG");
        double? porosity = s.FractionBelowOne("porosity");
        double? thickness = s.Positive("thicknessUm") / 1e6;
        if (porosity is null == thickness is null) throw s.Error(porosity is null ? "" : "thicknessUm", "give either porosity or thicknessUm of the cast electrode (exactly one)");
        Electrode cast;
        try
        {
            cast = porosity is { } eps
                ? Electrode.FromPorosity(active, composition, densities, loading, basis, q, eps, material?.TheoreticalCapacityCPerKg)
                : Electrode.FromThickness(active, composition, densities, loading, basis, q, thickness!.Value, material?.TheoreticalCapacityCPerKg);
        }
        catch (InvalidInputException ex) { throw s.Error(porosity is null ? "thicknessUm" : "porosity", $"— {ex.Message}"); }

        double? measured = s.NonNegative("measuredElectrolyteMassRatio");
        bool infiltrated = s.Bool("infiltrated") ?? ctx.Infiltration is not null;
        if (infiltrated && ctx.Infiltration is null) throw s.Error("infiltrated", "is true but the spec has no infiltration section");
        if (measured is null && !infiltrated)
            throw s.Missing("measuredElectrolyteMassRatio", ": the electrode's electrolyte content (SE mass / active+binder+carbon mass), or an infiltration section for the pores-only expectation");
        double rho = ctx.ElectrolyteDensityKgPerM3
            ?? throw s.Error(measured is not null ? "measuredElectrolyteMassRatio" : "", "needs the electrolyte's density: electrolyte.densityGPerCm3, or electrolyte.name from the material catalogue");
        double? pressedPorosity = s.FractionBelowOne("pressedPorosity");
        double? pressedThickness = s.Positive("pressedThicknessUm") / 1e6;
        if (pressedPorosity is not null && pressedThickness is not null) throw s.Error("pressedThicknessUm", "give either pressedPorosity or pressedThicknessUm, not both");
        var designed = new DesignedElectrode
        {
            Electrode = cast,
            Infiltration = infiltrated ? ctx.Infiltration : null,
            MeasuredElectrolyteToCompositeMassRatio = measured,
            PressedPorosity = pressedPorosity,
            PressedThicknessM = pressedThickness,
            ElectrolyteDensityKgPerM3 = rho,
        };
        if (designed.ResidualPorosity is { } residual && !(residual >= 0))
            throw s.Error("pressedThicknessUm", $"is thinner than the electrode's solids and electrolyte ({SpecSection.Text(designed.DenseThicknessM * 1e6)} µm): residual porosity {SpecSection.Text(residual)}");
        var (t, eAm, eSe) = CellPresets.DesignedGeometry(designed);
        if (!(eSe > 0)) throw s.Error("", "has no electrolyte (volume fraction 0): give measuredElectrolyteMassRatio > 0 or an infiltration");
        return (t, eAm, eSe, cast.ActiveLoadingKgPerM2, cast.BinderToActiveVolumeRatio);
    }

    private static OcpCurve LoadOcp(string text, SpecSection s, Context ctx)
    {
        try
        {
            return OcpLibrary.Names.Contains(text, StringComparer.OrdinalIgnoreCase) ? OcpLibrary.Get(text)
                : OcpLibrary.Load(Path.IsPathRooted(text) ? text : Path.Combine(ctx.BaseDirectory, text));
        }
        catch (InvalidInputException ex) { throw new InvalidInputException($"{s.Source}:{s.LineOf("ocp")}: {s.Field("ocp")}: {ex.Message}"); }
    }
}
