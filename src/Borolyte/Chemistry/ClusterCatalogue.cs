namespace Borolyte.Chemistry;

/// <summary>
/// The hydroborate anions of the review's Figure 3 and the heteroborane candidates of its section 4
/// ("Conclusion &amp; Perspectives"), seed 000 (Hydroborate-based solid electrolytes for all-solid-state batteries).
/// </summary>
public static class ClusterCatalogue
{
    private const string Fig3 = "seed 000, Figure 3";
    private const string Sec4 = "seed 000, section 4";

    /// <summary>All entries, in the order the review mentions them.</summary>
    public static IReadOnlyList<ClusterCatalogueEntry> Entries { get; } =
    [
        // Figure 3: "Structures of (a) [BH4]-, (b) [B10H10]2-, (c) [B12H12]2-, (d) [B11H14]-, (e) [1-CB9H10]-, (f) [CB11H12]- anions".
        new("[BH4]-", "tetrahydroborate", $"{Fig3}(a); refs 34-36", null, "electrolyte anion"),
        new("[B10H10]2-", "closo-decahydrodecaborate", $"{Fig3}(b); refs 37-40", ClusterClass.Closo, "electrolyte anion"),
        new("[B12H12]2-", "closo-dodecahydrododecaborate", $"{Fig3}(c); refs 37-40", ClusterClass.Closo, "electrolyte anion"),
        new("[B11H14]-", "nido-tetradecahydroundecaborate", $"{Fig3}(d); refs 43-45 (\"nido-hydroborate\")", ClusterClass.Nido, "electrolyte anion"),
        new("[1-CB9H10]-", "closo-1-carbadecaborate", $"{Fig3}(e); refs 41-45 (\"closo-monocarbaborate\")", ClusterClass.Closo, "electrolyte anion"),
        new("[CB11H12]-", "closo-1-carbadodecaborate", $"{Fig3}(f); refs 41-45 (\"closo-monocarbaborate\")", ClusterClass.Closo, "electrolyte anion"),

        // Section 4: smaller closo-monocarbaborates [CBn-1Hn]- (n = 7-9), "already synthesized experimentally (200-202)".
        new("[CB6H7]-", "closo-2-carbaheptaborate", $"{Sec4}; ref 200 (\"[closo-2-CB6H7]- ion\")", ClusterClass.Closo, "synthesized"),
        new("[CB7H8]-", "closo-carbaoctaborate", $"{Sec4}; ref 201 (\"three closo anions, [CB7H8]-...\")", ClusterClass.Closo, "synthesized"),
        new("[CB8H9]-", "closo-carbanonaborate", $"{Sec4}; ref 202", ClusterClass.Closo, "synthesized"),

        // Section 4 as extracted: "Potential candidates include C2Bn-2Hn, NBn-1Hn, OBn-1Hn-1, SBn-1Hn-1, PBn-1Hn, and
        // [SiBn-1Hn]- (n = 10, 12). Many of them are only computationally modeled (204-206)". Recorded exactly as written;
        // the literature class is closo: the review presents them as heteroatom-substituted closo-hydroborates, and
        // refs 203/204/206 model closo (icosahedral) species.
        new("C2B8H10", "dicarba-closo-decaborane (C2Bn-2Hn, n = 10)", $"{Sec4}; refs 204-206", ClusterClass.Closo, "computational candidate"),
        new("C2B10H12", "dicarba-closo-dodecaborane (C2Bn-2Hn, n = 12)", $"{Sec4}; refs 204-206", ClusterClass.Closo, "computational candidate"),
        new("NB9H10", "aza-closo-decaborane (NBn-1Hn, n = 10)", $"{Sec4}; refs 203-206", ClusterClass.Closo, "computational candidate"),
        new("NB11H12", "aza-closo-dodecaborane (NBn-1Hn, n = 12)", $"{Sec4}; refs 203-206", ClusterClass.Closo, "computational candidate"),
        new("OB9H9", "oxa-closo-decaborane (OBn-1Hn-1, n = 10)", $"{Sec4}; refs 204-206", ClusterClass.Closo, "computational candidate"),
        new("OB11H11", "oxa-closo-dodecaborane (OBn-1Hn-1, n = 12)", $"{Sec4}; refs 204-206", ClusterClass.Closo, "computational candidate"),
        new("SB9H9", "thia-closo-decaborane (SBn-1Hn-1, n = 10)", $"{Sec4}; refs 204-206", ClusterClass.Closo, "computational candidate"),
        new("SB11H11", "thia-closo-dodecaborane (SBn-1Hn-1, n = 12)", $"{Sec4}; refs 204-206", ClusterClass.Closo, "computational candidate"),
        new("PB9H10", "phospha-closo-decaborane (PBn-1Hn, n = 10)", $"{Sec4}; refs 204-206", ClusterClass.Closo, "computational candidate"),
        new("PB11H12", "phospha-closo-dodecaborane (PBn-1Hn, n = 12)", $"{Sec4}; refs 204-206", ClusterClass.Closo, "computational candidate"),
        new("[SiB9H10]-", "sila-closo-decaborate ([SiBn-1Hn]-, n = 10)", $"{Sec4}; refs 204-206", ClusterClass.Closo, "computational candidate"),
        new("[SiB11H12]-", "sila-closo-dodecaborate ([SiBn-1Hn]-, n = 12)", $"{Sec4}; refs 204-206", ClusterClass.Closo, "computational candidate"),

        // Section 4: "but 1,2-, 1,6- and 1,10-C2B8H10 (207), 1,2-, 1,7- and 1,12-C2B10H12 (11), 1-NB9H10 (208),
        // NB11H12 (209) 1-SB9H9 (210), and 1-SB11H11 (211, 212) have already been synthesized experimentally".
        new("1,2-C2B8H10", "1,2-dicarba-closo-decaborane", $"{Sec4}; ref 207", ClusterClass.Closo, "synthesized"),
        new("1,6-C2B8H10", "1,6-dicarba-closo-decaborane", $"{Sec4}; ref 207 (\"closo-1,6-C2B8H10\")", ClusterClass.Closo, "synthesized"),
        new("1,10-C2B8H10", "1,10-dicarba-closo-decaborane", $"{Sec4}; ref 207", ClusterClass.Closo, "synthesized"),
        new("1,2-C2B10H12", "1,2-dicarba-closo-dodecaborane (ortho-carborane)", $"{Sec4}; ref 11 (\"dicarba-closo-dodecaboranes\")", ClusterClass.Closo, "synthesized"),
        new("1,7-C2B10H12", "1,7-dicarba-closo-dodecaborane (meta-carborane)", $"{Sec4}; ref 11", ClusterClass.Closo, "synthesized"),
        new("1,12-C2B10H12", "1,12-dicarba-closo-dodecaborane (para-carborane)", $"{Sec4}; ref 11", ClusterClass.Closo, "synthesized"),
        new("1-NB9H10", "1-aza-closo-decaborane", $"{Sec4}; ref 208", ClusterClass.Closo, "synthesized"),
        new("NB11H12", "closo-azadodecaborane", $"{Sec4}; ref 209 (\"closo-azadodecaborane, NB11H12\")", ClusterClass.Closo, "synthesized"),
        new("1-SB9H9", "1-thia-closo-decaborane(9)", $"{Sec4}; ref 210 (\"1-thia-closo-decaborane(9) B9H9S\")", ClusterClass.Closo, "synthesized"),
        new("1-SB11H11", "1-thia-closo-dodecaborane(11)", $"{Sec4}; refs 211, 212 (\"thia-closo-dodecaborane(11)\")", ClusterClass.Closo, "synthesized"),
    ];
}
