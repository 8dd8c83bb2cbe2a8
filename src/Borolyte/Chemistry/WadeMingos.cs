using System.Globalization;
using System.Text;

namespace Borolyte.Chemistry;

/// <summary>
/// Wade–Mingos polyhedral skeletal electron pair counting (PSEPT) for boranes, hydroborate anions, carbaboranes and
/// main-group heteroboranes.
/// <para>
/// Rules (Wade, Chem. Commun. 1971, 792; Wade, Adv. Inorg. Chem. Radiochem. 18 (1976) 1; Mingos, Acc. Chem. Res. 17
/// (1984) 311; Greenwood &amp; Earnshaw, Chemistry of the Elements, 2nd ed., ch. 6): every vertex atom E keeps one exo
/// two-electron pair (an E–H bond or a lone pair) and gives v − 2 electrons to the skeleton, every H or halogen gives
/// 1, a negative charge adds its electrons. So BH gives 2, CH 3, NH 4, SiH 3, bare S 4, bare P 3, bare N 3, and the
/// result does not depend on where the H atoms sit. p = skeletal electrons / 2; p = n+1, n+2, n+3, n+4 →
/// closo, nido, arachno, hypho (review seed 000, section 1).
/// </para>
/// </summary>
public static class WadeMingos
{
    // Counter-cations stripped from salts, with their charge (alkali +1, alkaline earth +2).
    private static readonly Dictionary<string, int> CounterCations = new(StringComparer.Ordinal)
    {
        ["Li"] = 1, ["Na"] = 1, ["K"] = 1, ["Rb"] = 1, ["Cs"] = 1,
        ["Be"] = 2, ["Mg"] = 2, ["Ca"] = 2, ["Sr"] = 2, ["Ba"] = 2,
    };

    // Main-group atoms that can be cluster vertices (p-block groups 13–16).
    private static readonly HashSet<string> VertexElements = new(StringComparer.Ordinal)
    {
        "B", "Al", "Ga", "In", "Tl", "C", "Si", "Ge", "Sn", "Pb", "N", "P", "As", "Sb", "Bi", "O", "S", "Se", "Te",
    };

    // Vertices that cannot hold an exo lone pair instead of an exo bond in a neutral borane framework.
    private static readonly HashSet<string> NeedExoLigand = new(StringComparer.Ordinal) { "B", "Al", "Ga", "C", "Si" };

    // One-electron exo ligands.
    private static readonly HashSet<string> Ligands = new(StringComparer.Ordinal) { "H", "F", "Cl", "Br", "I" };

    /// <summary>
    /// Count a formula: a bare cluster ("[B12H12]2-", "B10H14", "1-SB9H9") or a salt with one kind of cluster anion
    /// ("Na2B12H12", "Li(CB11H12)", "Mg(CB11H12)2"), whose anion charge follows from the alkali/alkaline-earth cations.
    /// <paramref name="charge"/>, when given, replaces the formula's net charge. Hydrate parts are ignored.
    /// Throws <see cref="InvalidInputException"/> when the formula is not a single main-group cluster.
    /// </summary>
    public static ClusterElectronCount Count(Formula formula, int? charge = null)
    {
        int netCharge = charge ?? formula.Charge;
        var main = formula.MainComposition;
        string name = formula.Text;

        bool HasVertex(Composition c) => c.Elements.Any(e => VertexElements.Contains(e.Symbol));
        var clusterUnits = formula.Units.Where(u => HasVertex(WithoutCations(u.Composition))).ToList();
        if (clusterUnits.Count == 0)
            throw new InvalidInputException($"{name} contains no cluster atoms (B, C, N, S, P, Si, ...): nothing to count");
        var distinct = clusterUnits.Select(u => WithoutCations(u.Composition)).Distinct().Count();
        if (clusterUnits.Count > 1)
        {
            string list = string.Join(", ", clusterUnits.Select(u => u.IsBracketed ? u.Text : $"{u.Text} outside brackets"));
            string what = distinct > 1 ? "cluster units" : "separately written cluster units";
            throw new InvalidInputException(
                $"{name} contains {clusterUnits.Count} {what} ({list}); ask for one at a time");
        }

        var unit = clusterUnits[0];
        double multiplier = unit.Multiplier;
        if (Math.Abs(multiplier - Math.Round(multiplier)) > 1e-9 || multiplier < 1)
            throw new InvalidInputException(
                $"{name}: the cluster unit {unit.Text} has the fractional count {Composition.FormatAmount(multiplier)}; a mixed or fractional formula is not a single cluster, count {unit.Text} alone");

        int cationCharge = 0;
        foreach (var (element, amount) in main.Amounts)
        {
            if (!CounterCations.TryGetValue(element.Symbol, out int z)) continue;
            if (Math.Abs(amount - Math.Round(amount)) > 1e-9)
                throw new InvalidInputException($"{name}: fractional amount {Composition.FormatAmount(amount)} of {element.Symbol}; not a single cluster salt");
            cationCharge += z * (int)Math.Round(amount);
        }
        int units = (int)Math.Round(multiplier);
        int anionTotal = netCharge - cationCharge;
        if (anionTotal % units != 0)
            throw new InvalidInputException(
                $"{name}: charge {anionTotal} of the anions cannot be shared equally among {units} cluster units");
        int clusterCharge = anionTotal / units;

        var cluster = WithoutCations(unit.Composition);
        // Atoms of the main part that are neither cations nor in the cluster unit (e.g. Cl in a double salt) are not counted.
        var leftover = main.Elements.Where(e => !CounterCations.ContainsKey(e.Symbol))
            .Where(e => Math.Abs(main[e] - cluster[e] * multiplier) > 1e-9).Select(e => e.Symbol).ToList();
        if (leftover.Count > 0)
            throw new InvalidInputException(
                $"{name}: {string.Join(", ", leftover)} outside the cluster unit {unit.Text}; not a single cluster salt");

        return CountCluster(cluster, clusterCharge, name);
    }

    /// <summary>Count one cluster unit given as a composition (no counter-cations) and its charge.</summary>
    public static ClusterElectronCount CountCluster(Composition cluster, int charge, string? formulaText = null)
    {
        string clusterText = ClusterFormula(cluster, charge);
        formulaText ??= clusterText;

        foreach (var (element, amount) in cluster.Amounts)
        {
            if (Math.Abs(amount - Math.Round(amount)) > 1e-9)
                throw new InvalidInputException($"{formulaText}: fractional amount {Composition.FormatAmount(amount)} of {element.Symbol}; a cluster has whole atoms");
            if (!VertexElements.Contains(element.Symbol) && !Ligands.Contains(element.Symbol))
                throw new InvalidInputException(
                    $"{formulaText}: {element.Symbol} is neither a main-group cluster vertex (groups 13–16) nor an exo ligand (H, halogen); Wade–Mingos counting here covers main-group clusters only");
        }
        if (!cluster.Contains("B"))
            throw new InvalidInputException($"{formulaText} contains no boron: not a borane or heteroborane cluster");

        int n = 0, sumValence = 0, sumContribution = 0, needExo = 0, ligands = 0;
        var parts = new StringBuilder();
        foreach (var (element, amount) in cluster.Amounts.OrderBy(p => p.Key.Symbol == "B" ? 1 : 0))
        {
            int count = (int)Math.Round(amount);
            if (Ligands.Contains(element.Symbol)) { ligands += count; continue; }
            n += count;
            sumValence += count * element.ValenceElectrons;
            sumContribution += count * (element.ValenceElectrons - 2); // vertex gives v − 2 (one exo pair kept)
            if (NeedExoLigand.Contains(element.Symbol)) needExo += count;
            if (parts.Length > 0) parts.Append(" + ");
            parts.Append(CultureInfo.InvariantCulture, $"{count} {element.Symbol}×{element.ValenceElectrons - 2}");
        }

        if (n < 3)
            throw new InvalidInputException(n == 1
                ? $"{clusterText} has a single skeletal atom (n = 1): a tetrahedral complex anion, not a polyhedral cluster; Wade–Mingos rules apply from n = 3"
                : $"{clusterText} has only {n} skeletal atoms: not a polyhedral cluster; Wade–Mingos rules apply from n = 3");
        if (ligands < needExo)
            throw new InvalidInputException(
                $"{clusterText}: {ligands} exo ligands (H, halogen) for {needExo} B/C/Si/Al vertices that each need one; check the formula");

        int skeletal = sumContribution + ligands - charge;
        int mingos = sumValence + ligands - charge;
        if (skeletal % 2 != 0)
            throw new InvalidInputException(
                $"{clusterText}: odd number of skeletal electrons ({skeletal}) — a radical with no Wade class; check the charge");
        int p = skeletal / 2;
        int k = p - n;
        if (k is < 1 or > 4)
            throw new InvalidInputException(
                $"{clusterText}: {p} skeletal electron pairs for n = {n} vertices (p = n{(k >= 0 ? "+" : "")}{k}); only closo (n+1), nido (n+2), arachno (n+3) and hypho (n+4) are classified");
        var cls = (ClusterClass)k;
        int expected = 4 * n + 2 * k;
        string chargeText = charge == 0 ? "" : $" {(charge < 0 ? "+" : "−")} {Math.Abs(charge)} (charge {charge})";
        string explanation =
            $"n = {n}; skeletal electrons = {parts} + {ligands} H/halogen{chargeText} = {skeletal}; p = {p} = n+{k} → {cls.ToString().ToLowerInvariant()}; Mingos total {mingos} = 4n+{2 * k}";
        return new ClusterElectronCount(formulaText, clusterText, charge, n, skeletal, cls, mingos, expected, explanation);
    }

    /// <summary>Cluster written heteroatoms first, then B, H and halogens, with its charge: "[CB11H12]-", "SB9H9".</summary>
    public static string ClusterFormula(Composition cluster, int charge)
    {
        var sb = new StringBuilder();
        var ordered = cluster.Amounts.OrderBy(p => p.Key.Symbol switch
        {
            "B" => 1,
            "H" => 2,
            _ when Ligands.Contains(p.Key.Symbol) => 3,
            _ => 0,
        }).ThenBy(p => p.Key.AtomicNumber);
        foreach (var (e, a) in ordered)
        {
            sb.Append(e.Symbol);
            if (Math.Abs(a - 1) > 1e-9) sb.Append(Composition.FormatAmount(a));
        }
        if (charge == 0) return sb.ToString();
        string magnitude = Math.Abs(charge) == 1 ? "" : Math.Abs(charge).ToString(CultureInfo.InvariantCulture);
        return $"[{sb}]{magnitude}{(charge < 0 ? "-" : "+")}";
    }

    private static Composition WithoutCations(Composition c) =>
        new(c.Amounts.Where(p => !CounterCations.ContainsKey(p.Key.Symbol)));
}
