using System.Globalization;

namespace Borolyte.Chemistry;

/// <summary>The 118 elements H–Og with IUPAC standard atomic weights, groups and valence electron counts.</summary>
public static class PeriodicTable
{
    // IUPAC CIAAW, Standard atomic weights 2021 (Prohaska et al., Pure Appl. Chem. 94 (2022) 573), conventional values;
    // Table 3 of the 2013 report (Meija et al., Pure Appl. Chem. 88 (2016) 265) for the elements given as intervals
    // (H, Li, B, C, N, O, Mg, Si, S, Cl, Ar, Br, Tl, Pb). Values in brackets: mass number of the longest-lived isotope,
    // as printed in the IUPAC periodic table, for elements without a standard atomic weight. Group "f" = f-block.
    private const string Data = """
        1 H Hydrogen 1.008 1
        2 He Helium 4.002602 18
        3 Li Lithium 6.94 1
        4 Be Beryllium 9.0121831 2
        5 B Boron 10.81 13
        6 C Carbon 12.011 14
        7 N Nitrogen 14.007 15
        8 O Oxygen 15.999 16
        9 F Fluorine 18.998403162 17
        10 Ne Neon 20.1797 18
        11 Na Sodium 22.98976928 1
        12 Mg Magnesium 24.305 2
        13 Al Aluminium 26.9815384 13
        14 Si Silicon 28.085 14
        15 P Phosphorus 30.973761998 15
        16 S Sulfur 32.06 16
        17 Cl Chlorine 35.45 17
        18 Ar Argon 39.95 18
        19 K Potassium 39.0983 1
        20 Ca Calcium 40.078 2
        21 Sc Scandium 44.955907 3
        22 Ti Titanium 47.867 4
        23 V Vanadium 50.9415 5
        24 Cr Chromium 51.9961 6
        25 Mn Manganese 54.938043 7
        26 Fe Iron 55.845 8
        27 Co Cobalt 58.933194 9
        28 Ni Nickel 58.6934 10
        29 Cu Copper 63.546 11
        30 Zn Zinc 65.38 12
        31 Ga Gallium 69.723 13
        32 Ge Germanium 72.630 14
        33 As Arsenic 74.921595 15
        34 Se Selenium 78.971 16
        35 Br Bromine 79.904 17
        36 Kr Krypton 83.798 18
        37 Rb Rubidium 85.4678 1
        38 Sr Strontium 87.62 2
        39 Y Yttrium 88.905838 3
        40 Zr Zirconium 91.224 4
        41 Nb Niobium 92.90637 5
        42 Mo Molybdenum 95.95 6
        43 Tc Technetium [97] 7
        44 Ru Ruthenium 101.07 8
        45 Rh Rhodium 102.90549 9
        46 Pd Palladium 106.42 10
        47 Ag Silver 107.8682 11
        48 Cd Cadmium 112.414 12
        49 In Indium 114.818 13
        50 Sn Tin 118.710 14
        51 Sb Antimony 121.760 15
        52 Te Tellurium 127.60 16
        53 I Iodine 126.90447 17
        54 Xe Xenon 131.293 18
        55 Cs Caesium 132.90545196 1
        56 Ba Barium 137.327 2
        57 La Lanthanum 138.90547 3
        58 Ce Cerium 140.116 f
        59 Pr Praseodymium 140.90766 f
        60 Nd Neodymium 144.242 f
        61 Pm Promethium [145] f
        62 Sm Samarium 150.36 f
        63 Eu Europium 151.964 f
        64 Gd Gadolinium 157.25 f
        65 Tb Terbium 158.925354 f
        66 Dy Dysprosium 162.500 f
        67 Ho Holmium 164.930329 f
        68 Er Erbium 167.259 f
        69 Tm Thulium 168.934219 f
        70 Yb Ytterbium 173.045 f
        71 Lu Lutetium 174.9668 f
        72 Hf Hafnium 178.486 4
        73 Ta Tantalum 180.94788 5
        74 W Tungsten 183.84 6
        75 Re Rhenium 186.207 7
        76 Os Osmium 190.23 8
        77 Ir Iridium 192.217 9
        78 Pt Platinum 195.084 10
        79 Au Gold 196.966570 11
        80 Hg Mercury 200.592 12
        81 Tl Thallium 204.38 13
        82 Pb Lead 207.2 14
        83 Bi Bismuth 208.98040 15
        84 Po Polonium [209] 16
        85 At Astatine [210] 17
        86 Rn Radon [222] 18
        87 Fr Francium [223] 1
        88 Ra Radium [226] 2
        89 Ac Actinium [227] 3
        90 Th Thorium 232.0377 f
        91 Pa Protactinium 231.03588 f
        92 U Uranium 238.02891 f
        93 Np Neptunium [237] f
        94 Pu Plutonium [244] f
        95 Am Americium [243] f
        96 Cm Curium [247] f
        97 Bk Berkelium [247] f
        98 Cf Californium [251] f
        99 Es Einsteinium [252] f
        100 Fm Fermium [257] f
        101 Md Mendelevium [258] f
        102 No Nobelium [259] f
        103 Lr Lawrencium [262] f
        104 Rf Rutherfordium [267] 4
        105 Db Dubnium [268] 5
        106 Sg Seaborgium [269] 6
        107 Bh Bohrium [270] 7
        108 Hs Hassium [269] 8
        109 Mt Meitnerium [278] 9
        110 Ds Darmstadtium [281] 10
        111 Rg Roentgenium [282] 11
        112 Cn Copernicium [285] 12
        113 Nh Nihonium [286] 13
        114 Fl Flerovium [289] 14
        115 Mc Moscovium [290] 15
        116 Lv Livermorium [293] 16
        117 Ts Tennessine [294] 17
        118 Og Oganesson [294] 18
        """;

    private static readonly Element[] ByNumber = Load();
    private static readonly Dictionary<string, Element> BySymbolMap =
        ByNumber.Skip(1).ToDictionary(e => e.Symbol, StringComparer.Ordinal);

    /// <summary>All elements in order of atomic number (index 0 = H).</summary>
    public static IReadOnlyList<Element> Elements { get; } = ByNumber.Skip(1).ToArray();

    public static int Count => Elements.Count;

    /// <summary>The element with this (case-sensitive) symbol; throws <see cref="InvalidInputException"/> if none.</summary>
    public static Element BySymbol(string symbol) =>
        BySymbolMap.TryGetValue(symbol, out var e)
            ? e
            : throw new InvalidInputException($"unknown element symbol \"{symbol}\"");

    public static bool TryGetBySymbol(string symbol, out Element element) =>
        BySymbolMap.TryGetValue(symbol, out element!);

    /// <summary>Look up a symbol given as a span (no allocation on the hot path of the formula parser).</summary>
    public static bool TryGetBySymbol(ReadOnlySpan<char> symbol, out Element element)
    {
        var lookup = BySymbolMap.GetAlternateLookup<ReadOnlySpan<char>>();
        return lookup.TryGetValue(symbol, out element!);
    }

    public static Element ByAtomicNumber(int z) =>
        z >= 1 && z < ByNumber.Length
            ? ByNumber[z]
            : throw new InvalidInputException($"atomic number {z} is outside 1..{ByNumber.Length - 1}");

    private static Element[] Load()
    {
        var lines = Data.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var result = new Element[lines.Length + 1];
        var electronegativity = LoadElectronegativities();
        foreach (var line in lines)
        {
            var f = line.Split(' ');
            int z = int.Parse(f[0], CultureInfo.InvariantCulture);
            bool standard = !f[3].StartsWith('[');
            double weight = double.Parse(f[3].Trim('[', ']'), CultureInfo.InvariantCulture);
            int? group = f[4] == "f" ? null : int.Parse(f[4], CultureInfo.InvariantCulture);
            result[z] = new Element(z, f[1], f[2], weight, standard, group, ValenceElectronsOf(z, group))
            {
                PaulingElectronegativity = electronegativity.TryGetValue(f[1], out var x) ? x : double.NaN,
            };
        }
        return result;
    }

    // Pauling electronegativities as pymatgen 2022.11.7 tabulates them (data/chemistry/pauling-electronegativity.json,
    // embedded; origin in data/chemistry/README.md); null in the file = no value = NaN.
    private static Dictionary<string, double> LoadElectronegativities()
    {
        const string resource = "Borolyte.data.chemistry.pauling-electronegativity.json";
        using var stream = typeof(PeriodicTable).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded resource {resource} is missing");
        using var document = System.Text.Json.JsonDocument.Parse(stream);
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var p in document.RootElement.GetProperty("paulingElectronegativity").EnumerateObject())
            result[p.Name] = p.Value.ValueKind == System.Text.Json.JsonValueKind.Null ? double.NaN : p.Value.GetDouble();
        return result;
    }

    // Valence electrons from the group (IUPAC 1–18 numbering): s+d electrons for groups 1–12, group − 10 for the p-block.
    private static int ValenceElectronsOf(int z, int? group) => z == 2 ? 2 : group switch
    {
        null => 3,
        <= 12 => group.Value,
        _ => group.Value - 10,
    };
}
