using System.Globalization;
using System.Text.Json;
using Borolyte.Chemistry;

namespace Borolyte.Thermo;

/// <summary>One energy correction: name, eV per atom of the corrected element, number of those atoms, 1σ uncertainty per atom.</summary>
public sealed record EnergyCorrection(string Name, double EvPerAtom, double Atoms, double UncertaintyEvPerAtom)
{
    public double ValueEv => EvPerAtom * Atoms;
    public double UncertaintyEv => UncertaintyEvPerAtom * Atoms;
}

/// <summary>An entry that a correction scheme leaves out, and why.</summary>
public sealed record DiscardedEntry(ThermoEntry Entry, string Reason);

/// <summary>Result of <see cref="Mp2020Compatibility.Process"/>: corrected entries (input order) and the discarded ones.</summary>
public sealed record CorrectedEntries(IReadOnlyList<ThermoEntry> Entries, IReadOnlyList<DiscardedEntry> Discarded);

/// <summary>
/// The Materials Project 2020 energy corrections with uncertainties (Wang et al., Sci. Rep. 11 (2021) 15496; values in
/// data/thermo/mp2020-compatibility.json, from pymatgen's MP2020Compatibility.yaml), following the rules of pymatgen's
/// <c>MaterialsProject2020Compatibility</c> (compat_type "Advanced", correct_peroxide): existing corrections are replaced;
/// elements get none; O: oxide/peroxide/superoxide/ozonide correction per O atom (type from the entry's data, else from
/// the formula lists); S: sulfide correction unless the entry says otherwise; Br, I, Se, Si, Sb, Te, H, N, F, Cl: the anion
/// correction when the element is the most electronegative of the compound (Pauling) or has a negative oxidation state in
/// the entry's data; transition-metal oxides/fluorides computed with the MP Hubbard U get the GGA/GGA+U mixing correction,
/// and an entry whose U values differ from the MP settings is discarded. Uncertainties of independent corrections add in
/// quadrature (pymatgen <c>correction_uncertainty</c>).
/// Two deliberate differences from pymatgen: (1) hydroborate rule (issue 4 §1): in a compound of B and H whose only element
/// more electronegative than H is C (borohydrides, closo-hydroborates, carba-closo-hydroborates), H is an anion (H is more
/// electronegative than B: 2.20 vs 2.04), so e.g. LiCB11H12 gets the H correction, which pymatgen withholds because its
/// oxidation-state guess fails there; (2) oxidation states are not guessed from ICSD statistics: supply
/// <c>data.oxidation_states</c> where an anion other than the most electronegative element is negative. POTCAR symbols are
/// not checked.
/// </summary>
public static class Mp2020Compatibility
{
    private static readonly string[] AnionOrder = ["Br", "I", "Se", "Si", "Sb", "Te", "H", "N", "F", "Cl"]; // pymatgen's order
    private static readonly string[] CommonPeroxides = "Li2O2 Na2O2 K2O2 Cs2O2 Rb2O2 BeO2 MgO2 CaO2 SrO2 BaO2".Split(' ');
    private static readonly string[] CommonSuperoxides = "LiO2 NaO2 KO2 RbO2 CsO2".Split(' ');
    private static readonly string[] Ozonides = "LiO3 NaO3 KO3 NaO5".Split(' ');

    private sealed record Tables(
        Dictionary<string, double> Composition,
        Dictionary<string, double> CompositionUncertainty,
        Dictionary<string, Dictionary<string, double>> Mixing,
        Dictionary<string, Dictionary<string, double>> MixingUncertainty,
        Dictionary<string, Dictionary<string, double>> HubbardU,
        string Source);

    private static readonly Lazy<Tables> Data = new(Load);

    /// <summary>Citation of the correction values.</summary>
    public static string Source => Data.Value.Source;

    /// <summary>Pauling electronegativity as pymatgen tabulates it (NaN for He, Ne, Ar, Rf–Og): <see cref="Element.PaulingElectronegativity"/>.</summary>
    public static double Electronegativity(string symbol) => PeriodicTable.BySymbol(symbol).PaulingElectronegativity;

    /// <summary>
    /// The MP2020 corrections of one entry (empty for elements). Throws <see cref="InvalidInputException"/> when the entry is
    /// not compatible (run type other than GGA/GGA+U, or Hubbard U values that differ from the MP settings).
    /// </summary>
    public static IReadOnlyList<EnergyCorrection> Corrections(ThermoEntry entry)
    {
        var t = Data.Value;
        var calc = entry.Calculation;
        if (calc?.RunType is { } run && run is not ("GGA" or "GGA+U"))
            throw new InvalidInputException($"entry \"{entry.Id}\": run type {run} is not GGA or GGA+U; MP2020 corrections do not apply");
        var comp = entry.Composition;
        var list = new List<EnergyCorrection>();
        if (comp.ElementCount == 1) return list;
        // elements sorted by electronegativity (stable: ties keep composition order), most electronegative last
        var elements = comp.Amounts.Where(p => p.Value > 0).Select((p, i) => (p.Key.Symbol, i))
            .OrderBy(p => Electronegativity(p.Symbol)).ThenBy(p => p.i).Select(p => p.Symbol).ToArray();
        string mostElectronegative = elements[^1];
        string reduced = comp.ReducedFormulaByElectronegativity;   // pymatgen's reduced_formula, as its peroxide/superoxide lists are written

        if (comp.Contains("S"))
        {
            string type = calc?.SulfideType ?? "sulfide";
            if (type == "polysulfide") type = "sulfide";
            if (type == "sulfide") list.Add(Composition(t, "S", "MP2020 anion correction (S)", comp.AmountOf("S")));
        }
        if (comp.Contains("O"))
        {
            string type = calc?.OxideType ?? (CommonPeroxides.Contains(reduced) ? "peroxide"
                : CommonSuperoxides.Contains(reduced) ? "superoxide"
                : Ozonides.Contains(reduced) ? "ozonide" : "oxide");
            if (type == "hydroxide") type = "oxide";
            if (!t.Composition.ContainsKey(type))
                throw new InvalidInputException($"entry \"{entry.Id}\": unknown oxide type \"{type}\" (expected oxide, peroxide, superoxide, ozonide or hydroxide)");
            list.Add(Composition(t, type, $"MP2020 anion correction ({type})", comp.AmountOf("O")));
        }
        bool hydroborate = comp.Contains("B") && comp.Contains("H") &&
                           elements.All(s => s is "H" or "C" || !(Electronegativity(s) > Electronegativity("H")));
        foreach (string anion in AnionOrder)
        {
            if (!comp.Contains(anion) || !t.Composition.ContainsKey(anion)) continue;
            bool negative = calc?.OxidationStates is { } ox && ox.TryGetValue(anion, out double q) && q < 0;
            if (negative || anion == mostElectronegative || (anion == "H" && hydroborate))
                list.Add(Composition(t, anion, $"MP2020 anion correction ({anion})", comp.AmountOf(anion)));
        }

        // GGA/GGA+U mixing (Jain et al., Phys. Rev. B 84 (2011) 045115; MP2020 fitted values)
        var hubbards = calc?.HubbardUEv ?? new Dictionary<string, double>();
        var uSettings = t.HubbardU.GetValueOrDefault(mostElectronegative) ?? [];
        var uCorrections = t.Mixing.GetValueOrDefault(mostElectronegative) ?? [];
        var uErrors = t.MixingUncertainty.GetValueOrDefault(mostElectronegative) ?? [];
        foreach (var (el, amount) in comp.Amounts)
        {
            double calcU = hubbards.GetValueOrDefault(el.Symbol), setting = uSettings.GetValueOrDefault(el.Symbol);
            if (calcU != setting)
                throw new InvalidInputException($"entry \"{entry.Id}\": Hubbard U on {el.Symbol} is {calcU.ToString("0.0##", CultureInfo.InvariantCulture)} eV, the MP setting is {setting.ToString("0.0##", CultureInfo.InvariantCulture)} eV; MP2020 corrections do not apply");
            if (uCorrections.TryGetValue(el.Symbol, out double u))
                list.Add(new EnergyCorrection($"MP2020 GGA/GGA+U mixing correction ({el.Symbol})", u, amount, uErrors.GetValueOrDefault(el.Symbol)));
        }
        return list;
    }

    /// <summary>The entry with its existing corrections replaced by the MP2020 ones (energy, correction, uncertainty).</summary>
    public static ThermoEntry Apply(ThermoEntry entry)
    {
        var corrections = Corrections(entry);
        double value = corrections.Sum(c => c.ValueEv);
        double uncertainty = Math.Sqrt(corrections.Sum(c => c.UncertaintyEv * c.UncertaintyEv));
        return entry with { EnergyEv = entry.UncorrectedEnergyEv + value, CorrectionEv = value, CorrectionUncertaintyEv = uncertainty };
    }

    /// <summary>Correct every entry; incompatible ones are discarded with their reason (pymatgen <c>process_entries</c>).</summary>
    public static CorrectedEntries Process(IReadOnlyList<ThermoEntry> entries)
    {
        var kept = new List<ThermoEntry>();
        var discarded = new List<DiscardedEntry>();
        foreach (var e in entries)
        {
            try { kept.Add(Apply(e)); }
            catch (InvalidInputException ex) { discarded.Add(new DiscardedEntry(e, ex.Message)); }
        }
        return new CorrectedEntries(kept, discarded);
    }

    private static EnergyCorrection Composition(Tables t, string key, string name, double atoms) =>
        new(name, t.Composition[key], atoms, t.CompositionUncertainty[key]);

    private static Tables Load()
    {
        const string resource = "Borolyte.data.thermo.mp2020-compatibility.json";
        using var stream = typeof(Mp2020Compatibility).Assembly.GetManifestResourceStream(resource)
                           ?? throw new InvalidOperationException($"embedded resource {resource} is missing");
        using var doc = JsonDocument.Parse(stream);
        var root = doc.RootElement;
        static Dictionary<string, double> Flat(JsonElement e) => e.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
        static Dictionary<string, Dictionary<string, double>> Nested(JsonElement e) => e.EnumerateObject().ToDictionary(p => p.Name, p => Flat(p.Value));
        return new Tables(
            Flat(root.GetProperty("compositionCorrectionsEvPerAtom")),
            Flat(root.GetProperty("compositionUncertaintiesEvPerAtom")),
            Nested(root.GetProperty("ggauMixingCorrectionsEvPerAtom")),
            Nested(root.GetProperty("ggauMixingUncertaintiesEvPerAtom")),
            Nested(root.GetProperty("hubbardUEv")),
            root.GetProperty("source").GetString()!);
    }
}
