using Borolyte.Cells.Design;
using Borolyte.Cells.Specs;
using Borolyte.Knowledge;
using Borolyte.Transport;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Borolyte.Cells.Simulation;

/// <summary>
/// A simulation spec (YAML, format in docs/cells.md "Simulation spec"): a whole cell — positive and negative electrode,
/// electrolyte, separator, temperature, stack pressure, degradation — optionally on top of a preset (<c>preset:</c>),
/// whose values every field then overrides. Electrodes are built by the design module (composition, loading, porosity or
/// thickness, electrolyte content, pressing) and converted to simulator geometry by <see cref="CellPresets.DesignedGeometry"/>,
/// as the presets are. Every error is one line naming the file, the line and the field; unknown fields are errors.
/// </summary>
public static class CellSimulationSpec
{
    /// <summary>Top-level fields.</summary>
    public static IReadOnlyList<string> Fields { get; } =
    [
        "preset", "name", "description", "temperatureC", "separatorThicknessUm", "stackPressureMPa", "areaCm2", "electrodeDiameterMm",
        "minVoltageV", "maxVoltageV", "voltageOffsetV", "nominalArealCapacityMAhPerCm2", "electrolyte", "infiltration", "degradation",
        "positive", "negative",
    ];

    /// <summary>
    /// How a simulation spec words its errors ("is required" without a reason, "(known: …)", "must be in [0, 1)") and reads
    /// values (a blank value is an error, on/off are booleans, a whole number may be written 2.0).
    /// </summary>
    private static readonly SpecConventions Conventions = new(
        Exception: message => new InvalidInputException(message),
        RequiredWithoutReason: "",
        KnownFields: known => $" (known: {known})",
        BlankIsAbsent: false,
        NotAValue: "must be a non-empty value",
        OnOffAreBooleans: true,
        RangeWording: "in",
        WholeNumbersAreIntegerLiterals: false);

    /// <summary>The electrolyte the seed-004 presets use (seed 004), the density default of a spec based on one of them.</summary>
    private const string SeedElectrolyte = "Na4(B12H12)(B10H10)";

    public static (CellPreset Preset, CellParameters Cell) ReadFile(string path)
    {
        if (!File.Exists(path)) throw new InvalidInputException($"{path}: file not found");
        return Parse(File.ReadAllText(path), path, Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".");
    }

    /// <summary>The infiltration block; the model's own objections (e.g. a solution too concentrated for its solvent) are placed at the concentration's line.</summary>
    private static SolutionInfiltration ReadInfiltration(SpecSection inf, double? electrolyteDensity)
    {
        try { return SpecInfiltration.Read(inf, electrolyteDensity); }
        catch (InvalidInputException e) when (!e.Message.StartsWith(inf.Source + ":", StringComparison.Ordinal))
        {
            throw new InvalidInputException($"{inf.Source}:{inf.LineOf("concentrationMgPerMl")}: {inf.Field("concentrationMgPerMl")}: {e.Message}");
        }
    }

    public static (CellPreset Preset, CellParameters Cell) Parse(string yaml, string source, string baseDirectory = ".")
    {
        var stream = new YamlStream();
        try { stream.Load(new StringReader(yaml)); }
        catch (YamlException e) { throw new InvalidInputException($"{source}:{e.Start.Line}: malformed YAML: {e.Message}"); }
        // YamlDotNet throws this (not a YamlException) for some unbalanced brackets, e.g. an unclosed '[' before a mapping.
        catch (InvalidOperationException e) { throw new InvalidInputException($"{source}: malformed YAML (unbalanced brackets or quotes?): {e.Message}"); }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new InvalidInputException($"{source}: expected a mapping of fields (a preset and changes, or a whole cell: positive, negative, electrolyte, …)");
        var top = new SpecSection(Conventions, source, root, "");
        top.AllowOnly(Fields);
        var sources = new List<PresetParameter>();

        CellPreset? preset = null;
        if (top.String("preset") is { } presetName)
        {
            try { preset = CellPresets.Get(presetName); }
            catch (InvalidInputException e) { throw new InvalidInputException($"{source}:{top.LineOf("preset")}: preset: {e.Message}"); }
        }
        var basis = preset?.Cell;
        string Why(string what) => preset is null ? $" (no preset: a whole cell needs {what})" : "";

        var (electrolyte, electrolyteDensity) = ReadElectrolyte(top, basis, sources, Why("its electrolyte's conductivity"), baseDirectory);
        SolutionInfiltration? infiltration = top.Section("infiltration") is { } inf ? ReadInfiltration(inf, electrolyteDensity) : null;
        var context = new SpecElectrode.Context(electrolyteDensity, infiltration, baseDirectory);

        SpecElectrode.Result? positiveSpec = top.Section("positive") is { } ps ? SpecElectrode.Read(ps, basis?.Positive, context, sources) : null;
        SpecElectrode.Result? negativeSpec = top.Section("negative") is { } ns ? SpecElectrode.Read(ns, basis?.Negative, context, sources) : null;
        var positive = positiveSpec?.Electrode ?? basis?.Positive ?? throw top.Missing("positive", " (no preset: give the positive electrode)");
        var negative = negativeSpec?.Electrode ?? basis?.Negative ?? throw top.Missing("negative", " (no preset: give the negative electrode)");

        double temperatureK;
        if (top.Number("temperatureC") is { } tc)
        {
            if (!(tc > -PhysicalConstants.ZeroCelsiusK)) throw top.Error("temperatureC", $"must be above −273.15, got {SpecSection.Text(tc)}");
            temperatureK = tc + PhysicalConstants.ZeroCelsiusK;
        }
        else temperatureK = basis?.TemperatureK ?? throw top.Missing("temperatureC", Why("a temperature"));

        double separatorM = top.Positive("separatorThicknessUm") is { } sep ? sep / 1e6
            : basis?.SeparatorThicknessM ?? throw top.Missing("separatorThicknessUm", Why("a separator"));

        if (top.Has("areaCm2") && top.Has("electrodeDiameterMm")) throw top.Error("electrodeDiameterMm", "cannot be given together with areaCm2");
        double areaM2 = top.Positive("areaCm2") is { } a ? a / 1e4
            // A disc of diameter d: π·(d/2)², written as the presets write their 12 mm discs (cm inside).
            : top.Positive("electrodeDiameterMm") is { } d ? 1e-4 * Math.PI * (d / 20) * (d / 20)
            : basis?.AreaM2 ?? 1e-4;

        // 1C: the positive electrode's active loading × its nominal specific capacity (seed 004's convention), unless given.
        double nominal;
        if (top.Positive("nominalArealCapacityMAhPerCm2") is { } qa) nominal = qa * CellUnits.CPerM2PerMAhPerCm2;
        else if (positiveSpec?.NominalArealCapacityCPerM2 is { } q) nominal = q;
        else if (positiveSpec is { Rebuilt: true } && positive is CompositeElectrodeParameters pc)
            // The preset's nominal mAh/g applies to a rebuilt electrode of the same active material only.
            nominal = basis is not null && basis.ActiveLoadingKgPerM2 > 0 && string.Equals(pc.Name, basis.Positive.Name, StringComparison.OrdinalIgnoreCase)
                ? basis.NominalArealCapacityCPerM2 / basis.ActiveLoadingKgPerM2 * pc.ActiveLoadingKgPerM2
                : throw top.Section("positive")!.Missing("capacityMAhPerG", ": the nominal specific capacity defines 1C");
        else nominal = basis?.NominalArealCapacityCPerM2
            ?? throw top.Missing("nominalArealCapacityMAhPerCm2", " (or positive.capacityMAhPerG): it defines 1C");
        double activeLoading = positive is CompositeElectrodeParameters comp ? comp.ActiveLoadingKgPerM2 : 0;

        double min = top.Number("minVoltageV") ?? preset?.MinVoltageV ?? throw top.Missing("minVoltageV", Why("a voltage window (cell rate and design fromSimulation use it)"));
        double max = top.Number("maxVoltageV") ?? preset?.MaxVoltageV ?? throw top.Missing("maxVoltageV", Why("a voltage window (cell rate and design fromSimulation use it)"));
        if (!(max > min)) throw top.Error(top.Has("maxVoltageV") ? "maxVoltageV" : "minVoltageV", $"must leave a window: maxVoltageV {SpecSection.Text(max)} is not above minVoltageV {SpecSection.Text(min)}");
        double offset = top.Number("voltageOffsetV") ?? basis?.VoltageOffsetV ?? 0;

        var degradation = ReadDegradation(top, basis);
        if (top.Positive("stackPressureMPa") is { } p) degradation = degradation with { StackPressureMPa = p };

        string name = top.String("name") ?? basis?.Name ?? Path.GetFileNameWithoutExtension(source);
        var cell = new CellParameters
        {
            Name = name, Positive = positive, Negative = negative, SeparatorThicknessM = separatorM, Electrolyte = electrolyte,
            TemperatureK = temperatureK, AreaM2 = areaM2, NominalArealCapacityCPerM2 = nominal, ActiveLoadingKgPerM2 = activeLoading,
            VoltageOffsetV = offset, Degradation = degradation,
        };
        try { cell.Validate(); }
        catch (InvalidInputException e) { throw new InvalidInputException($"{source}: {e.Message}"); }

        var result = preset is null
            ? new CellPreset(name, top.String("description") ?? $"cell of the simulation spec {Path.GetFileName(source)}", cell, min, max, sources)
            : preset with { MinVoltageV = min, MaxVoltageV = max, Parameters = [.. preset.Parameters, .. sources] };
        return (result, cell);
    }

    private static (IConductivityModel Model, double? DensityKgPerM3) ReadElectrolyte(SpecSection top, CellParameters? basis,
        List<PresetParameter> sources, string why, string baseDirectory)
    {
        // A seed-004 preset's infiltrated electrolyte is Na4(B12H12)(B10H10) (catalogue density 1.17 g/cm³, seed 004 §1).
        double? presetDensity = basis is not null && ReferenceEquals(basis.Electrolyte, CellPresets.Na4B12B10)
            ? CellMaterials.Get(SeedElectrolyte).DensityKgPerM3 : null;
        var s = top.Section("electrolyte");
        if (s is null) return (basis?.Electrolyte ?? throw top.Missing("electrolyte", why), presetDensity);
        s.AllowOnly(["name", "compound", "conductivityCsv", "conductivityModel", "conductivityMSPerCm", "referenceTemperatureC", "activationEnergyEv", "densityGPerCm3"]);
        if (s.Has("compound") && s.Has("conductivityCsv")) throw s.Error("conductivityCsv", "cannot be given together with compound");
        if (s.Has("conductivityModel") && !s.Has("conductivityCsv")) throw s.Error("conductivityModel", "needs conductivityCsv (the model is fitted to a measured table)");
        string? name = s.String("name");
        double? density = s.Positive("densityGPerCm3") * CellUnits.KgPerM3PerGPerCm3
            ?? (name is not null ? CellMaterials.Find(name)?.DensityKgPerM3 : null) ?? presetDensity;
        IConductivityModel model;
        if (s.String("compound") is { } compound)
        {
            foreach (var f in new[] { "conductivityMSPerCm", "referenceTemperatureC", "activationEnergyEv" })
                if (s.Has(f)) throw s.Error(f, "cannot be given together with compound (the knowledge base gives σ(T))");
            (var line, string reference) = KnowledgeArrhenius(compound, s);
            model = line;
            sources.Add(new("electrolyteConductivityReference", line.ReferenceConductivitySPerM / 100, "S/cm", $"knowledge base ({compound}): {reference}"));
        }
        else if (s.String("conductivityCsv") is { } csv)
        {
            foreach (var f in new[] { "conductivityMSPerCm", "referenceTemperatureC", "activationEnergyEv" })
                if (s.Has(f)) throw s.Error(f, "cannot be given together with conductivityCsv (the fit gives σ(T))");
            string modelName = s.String("conductivityModel") ?? "arrhenius";
            var kind = ConductivityFit.ParseModel(modelName)
                ?? throw s.Error("conductivityModel", $"must be arrhenius, arrhenius-t, vtf or piecewise, got '{modelName}'");
            (model, string described) = FittedModel(Path.IsPathRooted(csv) ? csv : Path.Combine(baseDirectory, csv), kind, s);
            sources.Add(new("electrolyteConductivity25C", model.ConductivitySPerM(298.15) / 100, "S/cm", $"{described} (transport module, ConductivityFitter) of {csv}"));
        }
        else
        {
            // Single numbers amend an Arrhenius basis; a fitted non-Arrhenius basis (a spec's conductivityModel) has none to amend.
            var b = basis?.Electrolyte as ArrheniusConductivity;
            if (basis is not null && b is null) why = $"{why}; the preset's σ(T) is not an Arrhenius law, so give all three";
            double sigma = s.Positive("conductivityMSPerCm") is { } ms ? ms / 1000 * 100
                : b?.ReferenceConductivitySPerM ?? throw s.Missing("conductivityMSPerCm", why);
            double tRef = s.Number("referenceTemperatureC") is { } tr
                ? (tr > -PhysicalConstants.ZeroCelsiusK ? tr + PhysicalConstants.ZeroCelsiusK : throw s.Error("referenceTemperatureC", $"must be above −273.15, got {SpecSection.Text(tr)}"))
                : s.Has("conductivityMSPerCm") || b is null ? 25 + PhysicalConstants.ZeroCelsiusK : b.ReferenceTemperatureK;
            double ea = s.NonNegative("activationEnergyEv") is { } e ? e * PhysicalConstants.ElementaryChargeC
                : b?.ActivationEnergyJ ?? throw s.Missing("activationEnergyEv", why);
            model = new ArrheniusConductivity(sigma, tRef, ea);
        }
        return (model, density);
    }

    /// <summary>
    /// σ(T) from a measured table (ConductivityCsv: temperature with its unit, σ in S/cm) by the transport module's fit of the
    /// named model (ConductivityFitter). The Arrhenius fit (weighted least squares of ln σ on 1/T) is written as a line through
    /// its value at 25 °C; the others (σT-Arrhenius, VTF, piecewise with order–disorder transitions) are the fit itself, so
    /// κ(T) jumps where the measured σ jumps. With its description for the preset's source list.
    /// </summary>
    private static (IConductivityModel Model, string Description) FittedModel(string path, ConductivityModelKind kind, SpecSection s)
    {
        ConductivityFit fit;
        try { fit = ConductivityFitter.Fit(ConductivityCsv.Read(path), kind); }
        catch (InvalidInputException ex) { throw s.Error("conductivityCsv", $"— {ex.Message}"); }
        const double t25 = 25 + PhysicalConstants.ZeroCelsiusK;
        if (kind == ConductivityModelKind.Arrhenius)
        {
            var segment = fit.Segments[0];
            // σ(T) = σ(25 °C)·exp(−Eₐ/k_B·(1/T − 1/298.15 K)), the fitted line (review §2.1's Arrhenius law).
            return (new ArrheniusConductivity(fit.ConductivitySPerCm(t25) * 100, t25, segment.ActivationEnergyEv * PhysicalConstants.ElementaryChargeC), "Arrhenius fit");
        }
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        string transitions = fit.Transitions.Count == 0 ? ""
            : "; transitions " + string.Join(", ", fit.Transitions.Select(t => string.Create(inv, $"{t.TemperatureK - PhysicalConstants.ZeroCelsiusK:0.#} °C ({t.JumpDecades:+0.##;−0.##} decades)")));
        return (fit, $"{ConductivityFit.ModelName(kind)} fit, {fit.Points.Count} points {fit.Points.Min(p => p.TemperatureK) - PhysicalConstants.ZeroCelsiusK:0.#}–{fit.Points.Max(p => p.TemperatureK) - PhysicalConstants.ZeroCelsiusK:0.#} °C{transitions}");
    }

    /// <summary>
    /// σ(T) of a knowledge-base compound as the knowledge base draws it (KnowledgeBase.ArrheniusModels): the line through
    /// its first point conductivity at a stated temperature with its first point activation energy (review §2.1) — an
    /// extrapolation of two published numbers from the seeded dataset, not a fit.
    /// </summary>
    private static (ArrheniusConductivity Model, string Reference) KnowledgeArrhenius(string nameOrFormula, SpecSection s)
    {
        var data = SeedDataset.Load();
        var compound = data.Compounds.FirstOrDefault(c => c.Formula == nameOrFormula)
            ?? data.Compounds.FirstOrDefault(c => c.Aliases.Any(a => string.Equals(a, nameOrFormula, StringComparison.OrdinalIgnoreCase)))
            ?? data.Compounds.FirstOrDefault(c => string.Equals(c.Name, nameOrFormula, StringComparison.OrdinalIgnoreCase))
            ?? throw s.Error("compound", $"'{nameOrFormula}' is not a compound of the knowledge base");
        bool Point(PropertyRecord r) => r.Qualifier is null or "=";
        var sigma = data.Properties.FirstOrDefault(r => r.Compound == compound.Formula && r.Quantity == "ionicConductivity" && r.TemperatureC is not null && Point(r) && r.Value > 0 && r.Unit == "S/cm");
        var ea = data.Properties.FirstOrDefault(r => r.Compound == compound.Formula && r.Quantity == "activationEnergy" && Point(r) && r.Value >= 0 && r.Unit == "eV");
        if (sigma is null || ea is null)
        {
            var usable = data.Compounds.Where(c =>
                data.Properties.Any(r => r.Compound == c.Formula && r.Quantity == "ionicConductivity" && r.TemperatureC is not null && Point(r) && r.Unit == "S/cm")
                && data.Properties.Any(r => r.Compound == c.Formula && r.Quantity == "activationEnergy" && Point(r) && r.Unit == "eV")).Select(c => c.Formula);
            throw s.Error("compound", $"'{compound.Formula}' has no {(sigma is null ? "point conductivity at a stated temperature" : "point activation energy")} in the knowledge base; " +
                $"give conductivityMSPerCm and activationEnergyEv (compounds with both: {string.Join(", ", usable)})");
        }
        string reference = string.Join("; ", new[] { sigma.Source?.Describe(), ea.Source?.Describe() }.Where(x => x is not null).Distinct());
        return (ArrheniusConductivity.FromConventional(sigma.Value, sigma.TemperatureC!.Value, ea.Value), reference);
    }

    private static readonly string[] DegradationFields =
    [
        "from", "wettedContactFraction", "contactHardnessMPa", "connectedParticleFraction", "contactLossPerCycle", "negativeContactLossPerCycle",
        "contactLossReferencePressureMPa", "contactLossPressureExponent", "sideReactionElectrode", "sideReactionInitialFraction",
        "sideReactionDecayCapacities", "sideReactionGrowth", "oxidationLimitV", "oxidationInitialFraction", "oxidationDecayCapacities",
    ];

    /// <summary>
    /// degradation: off | on (the preset's) | a preset name (that preset's laws) | a mapping of the laws' parameters
    /// (optionally <c>from:</c> a preset). Default: the preset's, or off without a preset. The block includes the
    /// pressure-dependent as-assembled contact (f_w, H), so 'off' also means ideal contact, as <c>--no-degradation</c> does.
    /// </summary>
    private static DegradationParameters ReadDegradation(SpecSection top, CellParameters? basis)
    {
        var node = top.Get("degradation");
        if (node is null) return basis?.Degradation ?? DegradationParameters.None;
        if (node is YamlScalarNode)
        {
            string text = top.RequiredString("degradation");
            switch (text.ToLowerInvariant())
            {
                case "off" or "false" or "none": return DegradationParameters.None;
                case "on" or "true":
                    return basis?.Degradation is { Any: true } d ? d
                        : throw top.Error("degradation", basis is null
                            ? "'on' needs a preset to take the laws from; give a preset name (e.g. degradation: nacro2-half) or a mapping of the laws' parameters"
                            : $"'on': the preset {basis.Name} has no degradation laws; give a mapping of the laws' parameters");
                default:
                    try { return CellPresets.Get(text).Cell.Degradation; }
                    catch (InvalidInputException) { throw top.Error("degradation", $"must be on, off, a preset name ({string.Join(", ", CellPresets.Names)}) or a mapping, got '{text}'"); }
            }
        }
        var s = top.Section("degradation")!;
        s.AllowOnly(DegradationFields);
        var d0 = basis?.Degradation ?? DegradationParameters.None;
        if (s.String("from") is { } from)
        {
            try { d0 = CellPresets.Get(from).Cell.Degradation; }
            catch (InvalidInputException e) { throw s.Error("from", e.Message); }
        }
        double? oxidationLimit = s.Number("oxidationLimitV");
        var side = s.String("sideReactionElectrode") switch
        {
            null => d0.SideReactionElectrode,
            "negative" => CellSide.Negative,
            "positive" => CellSide.Positive,
            var other => throw s.Error("sideReactionElectrode", $"must be 'positive' or 'negative', got '{other}'"),
        };
        return d0 with
        {
            WettedContactFraction = s.FractionUpToOne("wettedContactFraction") ?? d0.WettedContactFraction,
            ContactHardnessMPa = s.Positive("contactHardnessMPa") ?? d0.ContactHardnessMPa,
            ConnectedParticleFraction = s.FractionUpToOne("connectedParticleFraction") ?? d0.ConnectedParticleFraction,
            ContactLossPerCycleAtReference = s.FractionBelowOne("contactLossPerCycle") ?? d0.ContactLossPerCycleAtReference,
            NegativeContactLossPerCycleAtReference = s.FractionBelowOne("negativeContactLossPerCycle") ?? d0.NegativeContactLossPerCycleAtReference,
            ContactLossReferencePressureMPa = s.Positive("contactLossReferencePressureMPa") ?? d0.ContactLossReferencePressureMPa,
            ContactLossPressureExponent = s.NonNegative("contactLossPressureExponent") ?? d0.ContactLossPressureExponent,
            SideReactionElectrode = side,
            SideReactionInitialFraction = s.FractionBelowOne("sideReactionInitialFraction") ?? d0.SideReactionInitialFraction,
            SideReactionDecayCapacities = s.Positive("sideReactionDecayCapacities") ?? d0.SideReactionDecayCapacities,
            SideReactionGrowth = s.FractionBelowOne("sideReactionGrowth") ?? d0.SideReactionGrowth,
            OxidationLimitV = oxidationLimit ?? d0.OxidationLimitV,
            OxidationInitialFraction = s.FractionBelowOne("oxidationInitialFraction") ?? d0.OxidationInitialFraction,
            OxidationDecayCapacities = s.Positive("oxidationDecayCapacities") ?? d0.OxidationDecayCapacities,
        };
    }
}
