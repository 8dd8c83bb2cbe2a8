using System.Globalization;
using System.Text.RegularExpressions;
using Borolyte.Cells.Protocols;
using Borolyte.Cells.Simulation;
using Borolyte.Cells.Specs;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Borolyte.Cells.Design;

/// <summary>
/// Reads a cell-design spec (YAML, format in docs/cells.md) into a <see cref="CellDesign"/>. Every error is one line
/// naming the file, the line (as YamlDotNet reports it) and the field path, e.g.
/// "cell.yaml:12: cathode.loadingMgPerCm2 must be greater than zero, got -5".
/// </summary>
public static class CellSpecReader
{
    private const double G = CellUnits.KgPerM3PerGPerCm3;

    /// <summary>
    /// How a design spec words its errors ("is required but missing", "; expected one of …", "must be a fraction in
    /// [0, 1)") and reads values (a blank value, ~ or null is not given; a whole number is an integer literal).
    /// </summary>
    private static readonly SpecConventions Conventions = new(
        Exception: message => new CellSpecException(message),
        RequiredWithoutReason: " but missing",
        KnownFields: known => $"; expected one of {known}",
        BlankIsAbsent: true,
        NotAValue: "must be a single value",
        OnOffAreBooleans: false,
        RangeWording: "a fraction in",
        WholeNumbersAreIntegerLiterals: true);

    public static CellDesign ReadFile(string path)
    {
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        { throw new CellSpecException($"{path}: cannot read the spec ({ex.Message})", ex); }
        return Parse(text, Path.GetFileName(path), Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".");
    }

    /// <summary>
    /// Parses a spec. <paramref name="baseDirectory"/> resolves relative paths inside it (a simulation spec file named
    /// by <c>discharge.fromSimulation.cell</c>, OCP CSVs of an inline simulation spec). A <c>fromSimulation</c> discharge
    /// runs the simulator here.
    /// </summary>
    public static CellDesign Parse(string yaml, string sourceName = "spec", string baseDirectory = ".")
    {
        var stream = new YamlStream();
        try { stream.Load(new StringReader(yaml)); }
        catch (YamlException ex)
        {
            string reason = (ex.InnerException?.Message ?? ex.Message).ReplaceLineEndings(" ");
            int cut = reason.IndexOf("): ", StringComparison.Ordinal);
            if (reason.StartsWith("(Line", StringComparison.Ordinal) && cut > 0) reason = reason[(cut + 3)..];
            throw new CellSpecException($"{sourceName}:{ex.Start.Line}: not valid YAML: {reason}", ex);
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet 16.3's scanner throws this, without a position, on some malformed flow collections.
            throw new CellSpecException($"{sourceName}: not valid YAML (unbalanced brackets or quotes?): {ex.Message}", ex);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new CellSpecException($"{sourceName}:1: expected a mapping with cathode, anode, separator and discharge");
        var ctx = new Context(sourceName, yaml, baseDirectory);
        var top = new SpecSection(Conventions, sourceName, root, "");
        top.AllowOnly("name", "electrolyte", "infiltration", "cathode", "anode", "separator", "currentCollectors", "discharge");

        string name = top.String("name") ?? Path.GetFileNameWithoutExtension(sourceName);
        var electrolyteSection = top.RequiredSection("electrolyte");
        electrolyteSection.AllowOnly("name", "densityGPerCm3");
        string electrolyteName = electrolyteSection.RequiredString("name");
        double electrolyteDensity = DensityOrCatalogue(electrolyteSection, "densityGPerCm3", electrolyteName);

        // The model's objections to the solution are reported at the concentration's line.
        SolutionInfiltration? infiltration = top.Section("infiltration") is { } inf
            ? Wrap(inf, "concentrationMgPerMl", () => SpecInfiltration.Read(inf, electrolyteDensity))
            : null;

        var cathode = ReadElectrode(top.RequiredSection("cathode"), infiltration, null, electrolyteDensity);
        var anodeSection = top.RequiredSection("anode");
        double? targetNp = anodeSection.Positive("targetNpRatio");
        var anode = anodeSection.Has("foil")
            ? ReadFoil(anodeSection, targetNp, cathode)
            : ReadElectrode(anodeSection, infiltration, targetNp is { } np ? (np, cathode) : null, electrolyteDensity);

        var sep = top.RequiredSection("separator");
        sep.AllowOnly("thicknessUm", "densityGPerCm3");
        double sepThickness = sep.RequiredNonNegative("thicknessUm") * CellUnits.MPerUm;
        double sepDensity = sep.Positive("densityGPerCm3") is { } sd ? sd * G : electrolyteDensity;
        var separator = new CellLayer($"separator ({electrolyteName})", sepThickness, sepDensity);

        var collectors = new List<CellLayer>();
        foreach (var (cc, index) in top.Sequence("currentCollectors"))
        {
            cc.AllowOnly("material", "thicknessUm", "densityGPerCm3");
            string material = cc.RequiredString("material");
            double t = cc.RequiredNonNegative("thicknessUm") * CellUnits.MPerUm;
            double rho = DensityOrCatalogue(cc, "densityGPerCm3", material);
            collectors.Add(new CellLayer($"current collector {index + 1} ({material})", t, rho));
        }

        var discharge = top.RequiredSection("discharge");
        discharge.AllowOnly("capacityMAhPerG", "averageVoltageV", "fromSimulation");
        double q, v;
        SimulatedDischarge? simulated = null;
        if (discharge.Has("fromSimulation"))
        {
            foreach (var given in new[] { "capacityMAhPerG", "averageVoltageV" })
                if (discharge.Has(given))
                    throw discharge.Error(given, "cannot be given together with fromSimulation (the simulation provides it)");
            simulated = ReadSimulatedDischarge(discharge, ctx, cathode, anode, separator);
            q = simulated.DischargeCapacityCPerKg;
            v = simulated.AverageDischargeVoltageV;
        }
        else
        {
            q = discharge.RequiredPositive("capacityMAhPerG") * CellUnits.CPerKgPerMAhPerG;
            v = discharge.RequiredPositive("averageVoltageV");
        }

        return new CellDesign
        {
            Name = name,
            Cathode = cathode,
            Anode = anode,
            Separator = separator,
            CurrentCollectors = collectors,
            DischargeCapacityCPerKgCathodeActive = q,
            AverageDischargeVoltageV = v,
            SimulatedDischarge = simulated,
            TargetNpRatio = targetNp,
        };
    }

    /// <summary>
    /// anode.foil: a dense metal or alloy foil (Na, Li, Na3Sn …): no binder or carbon, porosity 0, loading = ρ·t, capacity
    /// from the catalogue (Faraday's law) unless given. With anode.targetNpRatio the loading (and thickness) follows from the cathode.
    /// </summary>
    private static DesignedElectrode ReadFoil(SpecSection anode, double? targetNp, DesignedElectrode cathode)
    {
        anode.AllowOnly("foil", "targetNpRatio");
        var f = anode.RequiredSection("foil");
        f.AllowOnly("material", "thicknessUm", "loadingMgPerCm2", "densityGPerCm3", "capacityMAhPerG", "theoreticalCapacityMAhPerG");
        string material = f.RequiredString("material");
        var catalogue = CellMaterials.Find(material);
        double density = DensityOrCatalogue(f, "densityGPerCm3", material);
        double? theoretical = f.Positive("theoreticalCapacityMAhPerG") * CellUnits.CPerKgPerMAhPerG ?? catalogue?.TheoreticalCapacityCPerKg;
        double capacity = f.Positive("capacityMAhPerG") * CellUnits.CPerKgPerMAhPerG ?? theoretical
            ?? throw f.Error("capacityMAhPerG", $"is required: '{material}' has no theoretical capacity in the material catalogue");
        double? thickness = f.Positive("thicknessUm") * CellUnits.MPerUm;
        double? loading = f.Positive("loadingMgPerCm2") * CellUnits.KgPerM2PerMgPerCm2;
        double mass;
        if (targetNp is { } np)
        {
            foreach (var given in new[] { "thicknessUm", "loadingMgPerCm2" })
                if (f.Has(given)) throw f.Error(given, "cannot be given together with anode.targetNpRatio (the target sets the foil's loading)");
            mass = Wrap(anode, "targetNpRatio", () => ElectrodeBalance.NegativeActiveLoadingKgPerM2(np, cathode.Electrode.ArealCapacityCPerM2, capacity));
        }
        else
        {
            if (thickness is null == loading is null)
                throw f.Error(thickness is null ? "" : "loadingMgPerCm2", "give either thicknessUm or loadingMgPerCm2 of the foil (exactly one), or anode.targetNpRatio");
            // A dense foil: m = ρ·t.
            mass = loading ?? density * thickness!.Value;
        }
        var electrode = Wrap(f, "material", () => Electrode.Foil(material, density, mass, capacity, theoretical));
        return new DesignedElectrode { Electrode = electrode, IsFoil = true };
    }

    private static Protocol ParseProtocol(SpecSection from, string text)
    {
        try { return Protocol.Parse(text); }
        catch (InvalidInputException ex) { throw from.Error("protocol", $"is not a valid protocol: {ex.Message}"); }
    }

    /// <summary>
    /// discharge.fromSimulation: either a preset name (<c>fromSimulation: nacro2-sn-full</c>) or a mapping with
    /// <c>cell</c> (preset name, simulation-spec file *.yaml, or an inline simulation spec), <c>protocol</c> or <c>cRate</c>
    /// (default 0.1: one charge–discharge cycle in the preset's voltage window), <c>temperatureC</c> and <c>cycle</c> (default 1).
    /// </summary>
    private static SimulatedDischarge ReadSimulatedDischarge(SpecSection discharge, Context ctx, DesignedElectrode cathode, DesignedElectrode anode, CellLayer separator)
    {
        CellPreset preset;
        CellParameters cell;
        string? protocolText = null;
        double cRate = 0.1;
        int cycle = 1;
        SpecSection errors;   // where the simulation's own failures are reported
        if (discharge.Section("fromSimulation", allowScalar: true) is { } from)
        {
            from.AllowOnly("cell", "protocol", "cRate", "temperatureC", "cycle");
            (preset, cell) = SimulationCell(from, ctx, "cell");
            protocolText = from.String("protocol");
            if (from.Positive("cRate") is { } c)
            {
                if (protocolText is not null) throw from.Error("cRate", "cannot be given together with protocol (the protocol sets the rates)");
                cRate = c;
            }
            if (from.Number("temperatureC") is { } tc)
            {
                if (!(tc > -PhysicalConstants.ZeroCelsiusK)) throw from.Error("temperatureC", $"must be above −273.15 °C, got {tc.ToString(CultureInfo.InvariantCulture)}");
                cell = cell with { TemperatureK = tc + PhysicalConstants.ZeroCelsiusK };
            }
            cycle = from.PositiveWholeNumber("cycle") ?? 1;
            errors = from;
        }
        else
        {
            (preset, cell) = SimulationCell(discharge, ctx, "fromSimulation");
            errors = discharge;
        }
        string field = errors == discharge ? "fromSimulation" : "";
        if (!string.Equals(cell.Positive.Name, cathode.Electrode.ActiveMaterial, StringComparison.OrdinalIgnoreCase))
            throw errors.Error(field.Length > 0 ? field : "cell",
                $"simulates a cell whose positive electrode is {cell.Positive.Name}, but the design's cathode is {cathode.Electrode.ActiveMaterial}");
        IReadOnlyList<string> designNotes;
        try { (cell, designNotes) = DesignedCellSimulation.Apply(cell, cathode, anode, separator); }
        catch (InvalidInputException ex) when (ex is not CellSpecException) { throw errors.Error(field.Length > 0 ? field : "cell", $"cannot simulate the designed cell: {ex.Message}"); }
        Protocol protocol = protocolText is null
            ? Protocol.Parse(SimulatedDischarge.DefaultProtocol(cRate, preset.MinVoltageV, preset.MaxVoltageV))
            : ParseProtocol(errors, protocolText);
        SimulatedDischarge result;
        try { result = SimulatedDischarge.Run(cell, protocol, cycle); }
        catch (InvalidInputException ex) when (ex is not CellSpecException)
        {
            throw errors.Error(field, $"did not give a discharge: {ex.Message}");
        }
        result = result with { Notes = [.. designNotes, .. result.Notes] };
        return result;
    }

    private static DesignedElectrode ReadElectrode(SpecSection s, SolutionInfiltration? infiltration, (double NpRatio, DesignedElectrode Cathode)? target,
        double electrolyteDensity)
    {
        string[] fields = ["activeMaterial", "activeDensityGPerCm3", "binder", "binderDensityGPerCm3", "carbon", "carbonDensityGPerCm3",
            "composition", "loadingMgPerCm2", "loadingBasis", "capacityMAhPerG", "theoreticalCapacityMAhPerG",
            "porosity", "thicknessUm", "infiltrated", "measuredElectrolyteMassRatio", "pressedPorosity", "pressedThicknessUm"];
        s.AllowOnly(target is not null ? [.. fields, "targetNpRatio"] : fields);
        string active = s.RequiredString("activeMaterial");
        double activeDensity = DensityOrCatalogue(s, "activeDensityGPerCm3", active);
        double binderDensity = DensityOrCatalogue(s, "binderDensityGPerCm3", s.String("binder") ?? "PVDF");
        double carbonDensity = DensityOrCatalogue(s, "carbonDensityGPerCm3", s.String("carbon") ?? "Super P");
        var composition = Wrap(s, "composition", () => ElectrodeComposition.Parse(s.RequiredString("composition"), s.Field("composition")));
        var basis = s.String("loadingBasis") switch
        {
            null or "active" => LoadingBasis.ActiveMaterial,
            "composite" => LoadingBasis.Composite,
            var other => throw s.Error("loadingBasis", $"must be 'active' or 'composite', got '{other}'"),
        };
        double capacity = s.RequiredPositive("capacityMAhPerG") * CellUnits.CPerKgPerMAhPerG;
        double loading;
        if (target is var (np, cathode))
        {
            if (s.Has("loadingMgPerCm2")) throw s.Error("loadingMgPerCm2", "cannot be given together with targetNpRatio (the target sets the anode loading)");
            if (basis == LoadingBasis.Composite) throw s.Error("loadingBasis", "must be active (or absent) with targetNpRatio: the target gives the active-material loading");
            // m_A,neg = (n/p)·Q_A,pos / q_neg (practical capacities, as n/p is reported)
            loading = Wrap(s, "targetNpRatio", () => ElectrodeBalance.NegativeActiveLoadingKgPerM2(np, cathode.Electrode.ArealCapacityCPerM2, capacity));
        }
        else loading = s.RequiredPositive("loadingMgPerCm2") * CellUnits.KgPerM2PerMgPerCm2;
        double? theoretical = s.Positive("theoreticalCapacityMAhPerG") * CellUnits.CPerKgPerMAhPerG
            ?? CellMaterials.Find(active)?.TheoreticalCapacityCPerKg;
        double? porosity = s.FractionBelowOne("porosity");
        double? thicknessUm = s.Positive("thicknessUm");
        if (porosity is null == thicknessUm is null)
            throw s.Error(porosity is null ? "" : "thicknessUm", "give either porosity or thicknessUm of the cast electrode (exactly one)");
        var densities = new ComponentDensities(activeDensity, binderDensity, carbonDensity);
        var electrode = porosity is { } eps
            ? Wrap(s, "porosity", () => Electrode.FromPorosity(active, composition, densities, loading, basis, capacity, eps, theoretical))
            : Wrap(s, "thicknessUm", () => Electrode.FromThickness(active, composition, densities, loading, basis, capacity, thicknessUm!.Value * CellUnits.MPerUm, theoretical));
        bool infiltrated = s.Bool("infiltrated") ?? infiltration is not null;
        if (infiltrated && infiltration is null)
            throw s.Error("infiltrated", "is true but the spec has no infiltration section");
        double? measured = s.NonNegative("measuredElectrolyteMassRatio");
        if (measured is not null && !infiltrated)
            throw s.Error("measuredElectrolyteMassRatio", "needs an infiltrated electrode (an infiltration section and infiltrated: true)");
        double? pressedPorosity = s.FractionBelowOne("pressedPorosity");
        double? pressedThickness = s.Positive("pressedThicknessUm") * CellUnits.MPerUm;
        if (pressedPorosity is not null && pressedThickness is not null)
            throw s.Error("pressedThicknessUm", "give either pressedPorosity or pressedThicknessUm, not both");
        var designed = new DesignedElectrode
        {
            Electrode = electrode,
            Infiltration = infiltrated ? infiltration : null,
            MeasuredElectrolyteToCompositeMassRatio = measured,
            PressedPorosity = pressedPorosity,
            PressedThicknessM = pressedThickness,
            ElectrolyteDensityKgPerM3 = electrolyteDensity,
        };
        Wrap(s, "pressedThicknessUm", () => designed.ResidualPorosity);
        return designed;
    }

    /// <summary>The spec's text and folder, for an inline or referenced simulation spec.</summary>
    private sealed record Context(string Source, string Text, string BaseDirectory);

    /// <summary>
    /// Runs a library call that reads a field: its input error becomes this file's, at the field's line, named by the
    /// section (e.g. "cell.yaml:20: cathode: thickness 5 µm is not larger than the solid volume …").
    /// </summary>
    private static T Wrap<T>(SpecSection s, string key, Func<T> f)
    {
        try { return f(); }
        catch (InvalidInputException ex) when (ex is not CellSpecException)
        {
            string where = ex.Message.StartsWith(s.Field(""), StringComparison.Ordinal) ? ex.Message : $"{s.Field("")}: {ex.Message}";
            throw new CellSpecException($"{s.Source}:{s.LineOf(key)}: {where}", ex);
        }
    }

    /// <summary>An explicit density (g/cm³) or the catalogue's density of the named material (kg/m³ returned).</summary>
    private static double DensityOrCatalogue(SpecSection s, string key, string material)
    {
        if (s.Positive(key) is { } d) return d * G;
        return CellMaterials.Find(material)?.DensityKgPerM3
            ?? throw s.Error(key, $"is required: '{material}' is not in the material catalogue ({string.Join(", ", CellMaterials.All.Select(m => m.Name))})");
    }

    /// <summary>
    /// The text from (line, column) to (endLine, endColumn) (1-based, end exclusive) with everything before it blanked:
    /// earlier lines empty, the first line's prefix spaces, so that a parser sees the same lines and columns.
    /// </summary>
    private static string InlineText(string text, int line, int column, int endLine, int endColumn)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var sb = new System.Text.StringBuilder();
        for (int i = 1; i < line; i++) sb.Append('\n');
        for (int i = line; i <= Math.Min(endLine, lines.Length); i++)
        {
            string l = lines[i - 1];
            int from = i == line ? Math.Min(column - 1, l.Length) : 0;
            int to = i == endLine ? Math.Clamp(endColumn - 1, from, l.Length) : l.Length;
            sb.Append(' ', from).Append(l, from, to - from).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>
    /// A simulated cell: a preset name, a simulation-spec file (*.yaml/*.yml, relative to the spec) or an inline
    /// simulation spec (a mapping with the fields of docs/cells.md "A simulation spec"), read by <see cref="CellSimulationSpec"/>.
    /// Errors name this file, the line and the field.
    /// </summary>
    private static (CellPreset Preset, CellParameters Cell) SimulationCell(SpecSection s, Context ctx, string key)
    {
        if (!s.Has(key)) throw s.Missing(key);
        var node = s.Get(key)!;
        if (node is YamlScalarNode scalar)
        {
            string text = scalar.Value!.Trim();
            if (text.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || text.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            {
                string file = Path.IsPathRooted(text) ? text : Path.Combine(ctx.BaseDirectory, text);
                try { return CellSimulationSpec.ReadFile(file); }
                catch (InvalidInputException ex) when (ex is not CellSpecException) { throw s.Error(key, $"simulation spec {text}: {ex.Message}"); }
            }
            try { var preset = CellPresets.Get(text); return (preset, preset.Cell); }
            catch (InvalidInputException ex) when (ex is not CellSpecException) { throw s.Error(key, ex.Message); }
        }
        if (node is not YamlMappingNode map) throw s.Error(key, "must be a preset name, a simulation spec file (.yaml) or an inline simulation spec (a mapping)");
        // The inline spec's own text, at its own lines and columns, so that CellSimulationSpec's messages carry this file's line numbers.
        // YamlDotNet's representation model gives a block mapping no end mark (End = Start), so the text ends where its last scalar does.
        var last = map.AllNodes.Select(n => n.End).MaxBy(e => (e.Line, e.Column))!;
        string inline = InlineText(ctx.Text, (int)map.Start.Line, (int)map.Start.Column, (int)last.Line, (int)last.Column);
        try { return CellSimulationSpec.Parse(inline, ctx.Source, ctx.BaseDirectory); }
        catch (InvalidInputException ex) when (ex is not CellSpecException)
        {
            var m = Regex.Match(ex.Message, $"^{Regex.Escape(ctx.Source)}(?::(?<line>\\d+))?: (?<rest>.*)$", RegexOptions.Singleline);
            if (!m.Success) throw s.Error(key, ex.Message);
            string line = m.Groups["line"].Success ? m.Groups["line"].Value : map.Start.Line.ToString(CultureInfo.InvariantCulture);
            throw new CellSpecException($"{ctx.Source}:{line}: {s.Field(key)}: {m.Groups["rest"].Value}", ex);
        }
    }
}
