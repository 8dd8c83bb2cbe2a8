using System.Globalization;
using System.Text.RegularExpressions;
using Borolyte.Cells.Protocols;
using Borolyte.Cells.Simulation;
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
        var top = new Section(ctx, root, "");
        top.AllowOnly("name", "electrolyte", "infiltration", "cathode", "anode", "separator", "currentCollectors", "discharge");

        string name = top.OptionalString("name") ?? Path.GetFileNameWithoutExtension(sourceName);
        var electrolyteSection = top.RequiredSection("electrolyte");
        electrolyteSection.AllowOnly("name", "densityGPerCm3");
        string electrolyteName = electrolyteSection.RequiredString("name");
        double electrolyteDensity = electrolyteSection.DensityOrCatalogue("densityGPerCm3", electrolyteName);

        SolutionInfiltration? infiltration = null;
        if (top.OptionalSection("infiltration") is { } inf)
        {
            inf.AllowOnly("concentrationMgPerMl", "basis", "dips");
            double c = inf.RequiredPositive("concentrationMgPerMl") * CellUnits.KgPerM3PerMgPerMl;
            var basis = inf.OptionalString("basis") switch
            {
                null or "solvent" => ConcentrationBasis.PerSolventVolume,
                "solution" => ConcentrationBasis.PerSolutionVolume,
                var other => throw inf.Error("basis", $"must be 'solvent' or 'solution', got '{other}'"),
            };
            int dips = inf.OptionalPositiveInt("dips") ?? 1;
            infiltration = inf.Wrap("concentrationMgPerMl", () => new SolutionInfiltration(c, electrolyteDensity, basis, dips));
        }

        var cathode = ReadElectrode(top.RequiredSection("cathode"), infiltration, null, electrolyteDensity);
        var anodeSection = top.RequiredSection("anode");
        double? targetNp = anodeSection.OptionalPositive("targetNpRatio");
        var anode = anodeSection.Has("foil")
            ? ReadFoil(anodeSection, targetNp, cathode)
            : ReadElectrode(anodeSection, infiltration, targetNp is { } np ? (np, cathode) : null, electrolyteDensity);

        var sep = top.RequiredSection("separator");
        sep.AllowOnly("thicknessUm", "densityGPerCm3");
        double sepThickness = sep.RequiredNonNegative("thicknessUm") * CellUnits.MPerUm;
        double sepDensity = sep.OptionalPositive("densityGPerCm3") is { } sd ? sd * G : electrolyteDensity;
        var separator = new CellLayer($"separator ({electrolyteName})", sepThickness, sepDensity);

        var collectors = new List<CellLayer>();
        foreach (var (cc, index) in top.OptionalSequence("currentCollectors"))
        {
            cc.AllowOnly("material", "thicknessUm", "densityGPerCm3");
            string material = cc.RequiredString("material");
            double t = cc.RequiredNonNegative("thicknessUm") * CellUnits.MPerUm;
            double rho = cc.DensityOrCatalogue("densityGPerCm3", material);
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
            simulated = ReadSimulatedDischarge(discharge, cathode, anode, separator);
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
    private static DesignedElectrode ReadFoil(Section anode, double? targetNp, DesignedElectrode cathode)
    {
        anode.AllowOnly("foil", "targetNpRatio");
        var f = anode.RequiredSection("foil");
        f.AllowOnly("material", "thicknessUm", "loadingMgPerCm2", "densityGPerCm3", "capacityMAhPerG", "theoreticalCapacityMAhPerG");
        string material = f.RequiredString("material");
        var catalogue = CellMaterials.Find(material);
        double density = f.DensityOrCatalogue("densityGPerCm3", material);
        double? theoretical = f.OptionalPositive("theoreticalCapacityMAhPerG") * CellUnits.CPerKgPerMAhPerG ?? catalogue?.TheoreticalCapacityCPerKg;
        double capacity = f.OptionalPositive("capacityMAhPerG") * CellUnits.CPerKgPerMAhPerG ?? theoretical
            ?? throw f.Error("capacityMAhPerG", $"is required: '{material}' has no theoretical capacity in the material catalogue");
        double? thickness = f.OptionalPositive("thicknessUm") * CellUnits.MPerUm;
        double? loading = f.OptionalPositive("loadingMgPerCm2") * CellUnits.KgPerM2PerMgPerCm2;
        double mass;
        if (targetNp is { } np)
        {
            foreach (var given in new[] { "thicknessUm", "loadingMgPerCm2" })
                if (f.Has(given)) throw f.Error(given, "cannot be given together with anode.targetNpRatio (the target sets the foil's loading)");
            mass = anode.Wrap("targetNpRatio", () => ElectrodeBalance.NegativeActiveLoadingKgPerM2(np, cathode.Electrode.ArealCapacityCPerM2, capacity));
        }
        else
        {
            if (thickness is null == loading is null)
                throw f.Error(thickness is null ? "" : "loadingMgPerCm2", "give either thicknessUm or loadingMgPerCm2 of the foil (exactly one), or anode.targetNpRatio");
            // A dense foil: m = ρ·t.
            mass = loading ?? density * thickness!.Value;
        }
        var electrode = f.Wrap("material", () => Electrode.Foil(material, density, mass, capacity, theoretical));
        return new DesignedElectrode { Electrode = electrode, IsFoil = true };
    }

    private static Protocol ParseProtocol(Section from, string text)
    {
        try { return Protocol.Parse(text); }
        catch (InvalidInputException ex) { throw from.Error("protocol", $"is not a valid protocol: {ex.Message}"); }
    }

    /// <summary>
    /// discharge.fromSimulation: either a preset name (<c>fromSimulation: nacro2-sn-full</c>) or a mapping with
    /// <c>cell</c> (preset name, simulation-spec file *.yaml, or an inline simulation spec), <c>protocol</c> or <c>cRate</c>
    /// (default 0.1: one charge–discharge cycle in the preset's voltage window), <c>temperatureC</c> and <c>cycle</c> (default 1).
    /// </summary>
    private static SimulatedDischarge ReadSimulatedDischarge(Section discharge, DesignedElectrode cathode, DesignedElectrode anode, CellLayer separator)
    {
        CellPreset preset;
        CellParameters cell;
        string? protocolText = null;
        double cRate = 0.1;
        int cycle = 1;
        Section errors;   // where the simulation's own failures are reported
        if (discharge.OptionalSection("fromSimulation", allowScalar: true) is { } from)
        {
            from.AllowOnly("cell", "protocol", "cRate", "temperatureC", "cycle");
            (preset, cell) = from.SimulationCell("cell");
            protocolText = from.OptionalString("protocol");
            if (from.OptionalPositive("cRate") is { } c)
            {
                if (protocolText is not null) throw from.Error("cRate", "cannot be given together with protocol (the protocol sets the rates)");
                cRate = c;
            }
            if (from.OptionalNumber("temperatureC") is { } tc)
            {
                if (!(tc > -PhysicalConstants.ZeroCelsiusK)) throw from.Error("temperatureC", $"must be above −273.15 °C, got {tc.ToString(CultureInfo.InvariantCulture)}");
                cell = cell with { TemperatureK = tc + PhysicalConstants.ZeroCelsiusK };
            }
            cycle = from.OptionalPositiveInt("cycle") ?? 1;
            errors = from;
        }
        else
        {
            (preset, cell) = discharge.SimulationCell("fromSimulation");
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

    private static DesignedElectrode ReadElectrode(Section s, SolutionInfiltration? infiltration, (double NpRatio, DesignedElectrode Cathode)? target,
        double electrolyteDensity)
    {
        string[] fields = ["activeMaterial", "activeDensityGPerCm3", "binder", "binderDensityGPerCm3", "carbon", "carbonDensityGPerCm3",
            "composition", "loadingMgPerCm2", "loadingBasis", "capacityMAhPerG", "theoreticalCapacityMAhPerG",
            "porosity", "thicknessUm", "infiltrated", "measuredElectrolyteMassRatio", "pressedPorosity", "pressedThicknessUm"];
        s.AllowOnly(target is not null ? [.. fields, "targetNpRatio"] : fields);
        string active = s.RequiredString("activeMaterial");
        double activeDensity = s.DensityOrCatalogue("activeDensityGPerCm3", active);
        double binderDensity = s.DensityOrCatalogue("binderDensityGPerCm3", s.OptionalString("binder") ?? "PVDF");
        double carbonDensity = s.DensityOrCatalogue("carbonDensityGPerCm3", s.OptionalString("carbon") ?? "Super P");
        var composition = s.Wrap("composition", () => ElectrodeComposition.Parse(s.RequiredString("composition"), s.Path("composition")));
        var basis = s.OptionalString("loadingBasis") switch
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
            loading = s.Wrap("targetNpRatio", () => ElectrodeBalance.NegativeActiveLoadingKgPerM2(np, cathode.Electrode.ArealCapacityCPerM2, capacity));
        }
        else loading = s.RequiredPositive("loadingMgPerCm2") * CellUnits.KgPerM2PerMgPerCm2;
        double? theoretical = s.OptionalPositive("theoreticalCapacityMAhPerG") * CellUnits.CPerKgPerMAhPerG
            ?? CellMaterials.Find(active)?.TheoreticalCapacityCPerKg;
        double? porosity = s.OptionalFraction("porosity");
        double? thicknessUm = s.OptionalPositive("thicknessUm");
        if (porosity is null == thicknessUm is null)
            throw s.Error(porosity is null ? "" : "thicknessUm", "give either porosity or thicknessUm of the cast electrode (exactly one)");
        var densities = new ComponentDensities(activeDensity, binderDensity, carbonDensity);
        var electrode = porosity is { } eps
            ? s.Wrap("porosity", () => Electrode.FromPorosity(active, composition, densities, loading, basis, capacity, eps, theoretical))
            : s.Wrap("thicknessUm", () => Electrode.FromThickness(active, composition, densities, loading, basis, capacity, thicknessUm!.Value * CellUnits.MPerUm, theoretical));
        bool infiltrated = s.OptionalBool("infiltrated") ?? infiltration is not null;
        if (infiltrated && infiltration is null)
            throw s.Error("infiltrated", "is true but the spec has no infiltration section");
        double? measured = s.OptionalNonNegative("measuredElectrolyteMassRatio");
        if (measured is not null && !infiltrated)
            throw s.Error("measuredElectrolyteMassRatio", "needs an infiltrated electrode (an infiltration section and infiltrated: true)");
        double? pressedPorosity = s.OptionalFraction("pressedPorosity");
        double? pressedThickness = s.OptionalPositive("pressedThicknessUm") * CellUnits.MPerUm;
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
        s.Wrap("pressedThicknessUm", () => designed.ResidualPorosity);
        return designed;
    }

    private sealed record Context(string Source, string Text, string BaseDirectory);

    /// <summary>A mapping node with its dotted path, for messages.</summary>
    private sealed class Section(Context ctx, YamlMappingNode node, string path)
    {
        public string Path(string key) => path.Length == 0 ? key : key.Length == 0 ? path : $"{path}.{key}";

        private YamlNode? Get(string key) =>
            node.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

        private long LineOf(string key) =>
            node.Children.Keys.FirstOrDefault(k => k is YamlScalarNode s && s.Value == key)?.Start.Line ?? node.Start.Line;

        public CellSpecException Error(string key, string message) =>
            new($"{ctx.Source}:{(key.Length == 0 ? node.Start.Line : LineOf(key))}: {Path(key)} {message}");

        public T Wrap<T>(string key, Func<T> f)
        {
            try { return f(); }
            catch (InvalidInputException ex) when (ex is not CellSpecException)
            {
                string where = ex.Message.StartsWith(Path(""), StringComparison.Ordinal) ? ex.Message : $"{Path("")}: {ex.Message}";
                throw new CellSpecException($"{ctx.Source}:{LineOf(key)}: {where}", ex);
            }
        }

        public void AllowOnly(params string[] keys)
        {
            foreach (var k in node.Children.Keys)
            {
                string name = (k as YamlScalarNode)?.Value ?? k.ToString();
                if (!keys.Contains(name))
                    throw new CellSpecException($"{ctx.Source}:{k.Start.Line}: unknown field '{Path(name)}'; expected one of {string.Join(", ", keys)}");
            }
        }

        private string? Scalar(string key)
        {
            var v = Get(key);
            if (v is null) return null;
            if (v is not YamlScalarNode s) throw Error(key, "must be a single value");
            return string.IsNullOrWhiteSpace(s.Value) || s.Value == "~" || s.Value == "null" ? null : s.Value.Trim();
        }

        public string? OptionalString(string key) => Scalar(key);

        public string RequiredString(string key) => Scalar(key) ?? throw Missing(key);

        private CellSpecException Missing(string key) =>
            new($"{ctx.Source}:{node.Start.Line}: {Path(key)} is required but missing");

        private double? Number(string key)
        {
            var text = Scalar(key);
            if (text is null) return null;
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
                throw Error(key, $"must be a number, got '{text}'");
            return v;
        }

        public double RequiredPositive(string key) => OptionalPositive(key) ?? throw Missing(key);

        public double? OptionalPositive(string key)
        {
            var v = Number(key);
            if (v is { } x && !(x > 0)) throw Error(key, $"must be greater than zero, got {x.ToString(CultureInfo.InvariantCulture)}");
            return v;
        }

        public double RequiredNonNegative(string key) => OptionalNonNegative(key) ?? throw Missing(key);

        public double? OptionalNonNegative(string key)
        {
            var v = Number(key);
            if (v is { } x && x < 0) throw Error(key, $"must be ≥ 0, got {x.ToString(CultureInfo.InvariantCulture)}");
            return v;
        }

        public double? OptionalFraction(string key)
        {
            var v = Number(key);
            if (v is { } x && (x < 0 || x >= 1)) throw Error(key, $"must be a fraction in [0, 1), got {x.ToString(CultureInfo.InvariantCulture)}");
            return v;
        }

        public int? OptionalPositiveInt(string key)
        {
            var text = Scalar(key);
            if (text is null) return null;
            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) || n < 1)
                throw Error(key, $"must be a whole number ≥ 1, got '{text}'");
            return n;
        }

        public bool? OptionalBool(string key) => Scalar(key)?.ToLowerInvariant() switch
        {
            null => null,
            "true" or "yes" => true,
            "false" or "no" => false,
            var other => throw Error(key, $"must be true or false, got '{other}'"),
        };

        /// <summary>An explicit density (g/cm³) or the catalogue's density of the named material (kg/m³ returned).</summary>
        public double DensityOrCatalogue(string key, string material)
        {
            if (OptionalPositive(key) is { } d) return d * G;
            return CellMaterials.Find(material)?.DensityKgPerM3
                ?? throw Error(key, $"is required: '{material}' is not in the material catalogue ({string.Join(", ", CellMaterials.All.Select(m => m.Name))})");
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

        public Section RequiredSection(string key) => OptionalSection(key) ?? throw Missing(key);

        public bool Has(string key) => Get(key) is not null and not YamlScalarNode { Value: null or "" or "~" or "null" };

        /// <summary>A mapping, or null when absent (or, with <paramref name="allowScalar"/>, when it is a single value).</summary>
        public Section? OptionalSection(string key, bool allowScalar = false)
        {
            var v = Get(key);
            if (v is null || v is YamlScalarNode { Value: null or "" or "~" or "null" }) return null;
            if (allowScalar && v is YamlScalarNode) return null;
            if (v is not YamlMappingNode m) throw Error(key, "must be a mapping of fields");
            return new Section(ctx, m, Path(key));
        }

        public double? OptionalNumber(string key) => Number(key);

        /// <summary>
        /// A simulated cell: a preset name, a simulation-spec file (*.yaml/*.yml, relative to the spec) or an inline
        /// simulation spec (a mapping with the fields of docs/cells.md "A simulation spec"), read by <see cref="CellSimulationSpec"/>.
        /// Errors name this file, the line and the field.
        /// </summary>
        public (CellPreset Preset, CellParameters Cell) SimulationCell(string key)
        {
            var node = Get(key);
            if (node is null || node is YamlScalarNode { Value: null or "" or "~" or "null" }) throw Missing(key);
            if (node is YamlScalarNode scalar)
            {
                string text = scalar.Value!.Trim();
                if (text.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || text.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                {
                    string file = System.IO.Path.IsPathRooted(text) ? text : System.IO.Path.Combine(ctx.BaseDirectory, text);
                    try { return CellSimulationSpec.ReadFile(file); }
                    catch (InvalidInputException ex) when (ex is not CellSpecException) { throw Error(key, $"simulation spec {text}: {ex.Message}"); }
                }
                try { var preset = CellPresets.Get(text); return (preset, preset.Cell); }
                catch (InvalidInputException ex) when (ex is not CellSpecException) { throw Error(key, ex.Message); }
            }
            if (node is not YamlMappingNode map) throw Error(key, "must be a preset name, a simulation spec file (.yaml) or an inline simulation spec (a mapping)");
            // The inline spec's own text, at its own lines and columns, so that CellSimulationSpec's messages carry this file's line numbers.
            // YamlDotNet's representation model gives a block mapping no end mark (End = Start), so the text ends where its last scalar does.
            var last = map.AllNodes.Select(n => n.End).MaxBy(e => (e.Line, e.Column))!;
            string inline = InlineText(ctx.Text, (int)map.Start.Line, (int)map.Start.Column, (int)last.Line, (int)last.Column);
            try { return CellSimulationSpec.Parse(inline, ctx.Source, ctx.BaseDirectory); }
            catch (InvalidInputException ex) when (ex is not CellSpecException)
            {
                var m = Regex.Match(ex.Message, $"^{Regex.Escape(ctx.Source)}(?::(?<line>\\d+))?: (?<rest>.*)$", RegexOptions.Singleline);
                if (!m.Success) throw Error(key, ex.Message);
                string line = m.Groups["line"].Success ? m.Groups["line"].Value : map.Start.Line.ToString(CultureInfo.InvariantCulture);
                throw new CellSpecException($"{ctx.Source}:{line}: {Path(key)}: {m.Groups["rest"].Value}", ex);
            }
        }

        public IEnumerable<(Section Item, int Index)> OptionalSequence(string key)
        {
            var v = Get(key);
            if (v is null || v is YamlScalarNode { Value: null or "" or "~" or "null" }) yield break;
            if (v is not YamlSequenceNode seq) throw Error(key, "must be a list");
            for (int i = 0; i < seq.Children.Count; i++)
            {
                if (seq.Children[i] is not YamlMappingNode m)
                    throw new CellSpecException($"{ctx.Source}:{seq.Children[i].Start.Line}: {Path(key)}[{i + 1}] must be a mapping of fields");
                yield return (new Section(ctx, m, $"{Path(key)}[{i + 1}]"), i);
            }
        }
    }
}
