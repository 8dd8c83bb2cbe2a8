namespace Borolyte.Formats.BioLogic;

/// <summary>How one value of an .mpr data record is stored.</summary>
public enum MprValueType { Flags, UInt16, UInt32, Single, Double, UInt8 }

/// <summary>One entry of the column-id table: the EC-Lab column name (as in .mpt exports) and its binary type.</summary>
public sealed record MprColumnType(int Id, string Name, MprValueType Type)
{
    public int Size => Type switch
    {
        MprValueType.Flags or MprValueType.UInt8 => 1,
        MprValueType.UInt16 => 2,
        MprValueType.UInt32 or MprValueType.Single => 4,
        _ => 8,
    };
}

/// <summary>
/// Column ids of the .mpr data module (the u16 ids stored in the data module header, the same in data-module versions 0,
/// 2 and 3 — no public description ties a type to a version, so the table is not split by version). Facts gathered from
/// public descriptions of the format — the GPL projects galvani (BioLogic.py, incl. the datalab-org mirror's additions)
/// and yadg (extractors/eclab/mpr_columns.py, current and older), read for the id/type facts only, no code taken — and
/// checked against tests/data/cycling/biol.mpr (record size 153 bytes = the sum of the types below; id 467 equals
/// ∫I dt in mA·h, not C as one yadg version labels its low-byte twin 211).
/// <list type="bullet">
/// <item>Ids 1, 2, 3, 21, 31, 65 are bit fields packed together into one byte placed where the first of them appears.</item>
/// <item>yadg found (2025) that the ids repeat modulo 256: 467/468/469 are the newer EC-Lab ids of 211/212/213 (Q
/// charge/discharge, half cycle, z cycle), 434/435/438 of 178/179/182, 473–481 of 217–225 and so on. Both forms are in
/// the table; an id ≥ 256 that is not is read by its low byte (<see cref="ByLowByte"/>) with a warning.</item>
/// <item>Where the sources disagree on a type, every reading is kept (<see cref="Readings"/>), the first being the one
/// that galvani and yadg share or that biol.mpr confirms; <see cref="MprFile"/> tries the others only when the first
/// does not fit the record size. Id 24 (cycle number): float64 in galvani and yadg, uint32 in a galvani fork's table
/// taken from EC-Lab's OLE COM manual. Ids 498–502: float64 capacity/efficiency columns in galvani's mirror, float32
/// |Ece h2..h6| in yadg's low-byte reading (242–246).</item>
/// <item>Id 174 is &lt;Ewe&gt;/V, but Phase(Zwe-ce)/deg when id 6 or 77 (Ewe or &lt;Ewe&gt;) is present too (yadg's
/// conflict map).</item>
/// </list>
/// </summary>
public static class MprColumnTable
{
    /// <summary>Bit masks of the packed flag byte, by column id.</summary>
    public static readonly IReadOnlyDictionary<int, (string Name, byte Mask)> Flags = new Dictionary<int, (string, byte)>
    {
        [1] = ("mode", 0x03),
        [2] = ("ox/red", 0x04),
        [3] = ("error", 0x08),
        [21] = ("control changes", 0x10),
        [31] = ("Ns changes", 0x20),
        [65] = ("counter inc.", 0x80),
    };

    private static readonly Dictionary<int, MprColumnType[]> Known = Build(
    [
        D(4, "time/s"), F(5, "control/V/mA"), F(6, "Ewe/V"), D(7, "dQ/mA.h"), F(8, "I/mA"), F(9, "Ece/V"),
        D(11, "<I>/mA"), D(13, "(Q-Qo)/mA.h"), F(15, "Phase(Z1)/deg"), F(16, "Analog IN 1/V"), F(17, "Analog IN 2/V"),
        F(19, "control/V"), F(20, "control/mA"), D(23, "dQ/mA.h"), D(24, "cycle number"), U32(24, "cycle number"),
        F(26, "Rapp/Ohm"), F(27, "Ewe-Ece/V"), F(32, "freq/Hz"), F(33, "|Ewe|/V"), F(34, "|I|/A"), F(35, "Phase(Z)/deg"),
        F(36, "|Z|/Ohm"), F(37, "Re(Z)/Ohm"), F(38, "-Im(Z)/Ohm"), U16(39, "I Range"), F(45, "|Z1|/Ohm"), F(46, "|Z2|/Ohm"),
        F(69, "R/Ohm"), F(70, "P/W"), D(74, "|Energy|/W.h"), F(75, "Analog OUT/V"), F(76, "<I>/mA"), F(77, "<Ewe>/V"),
        F(78, "Cs-2/µF-2"), F(96, "|Ece|/V"), F(98, "Phase(Zce)/deg"), F(99, "|Zce|/Ohm"), F(100, "Re(Zce)/Ohm"),
        F(101, "-Im(Zce)/Ohm"), F(105, "-Im(Z1)/Ohm"), F(106, "-Im(Z2)/Ohm"), D(110, "Energy ce/W.h"), D(112, "Energy we/W.h"),
        D(115, "Energy ce charge/W.h"), D(116, "Energy ce discharge/W.h"), D(123, "Energy charge/W.h"),
        D(124, "Energy discharge/W.h"), D(125, "Capacitance charge/µF"), D(126, "Capacitance discharge/µF"), U16(131, "Ns"),
        F(135, "<E1>/V"), F(136, "<E2>/V"), F(163, "|Estack|/V"), F(166, "Phase(Zstack)/deg"), F(167, "|Zstack|/Ohm"),
        F(168, "Rcmp/Ohm"), F(169, "Cs/µF"), F(172, "Cp/µF"), F(173, "Cp-2/µF-2"), F(174, "<Ewe>/V"),
        F(175, "|Zwe-ce|/Ohm"), F(176, "Re(Zwe-ce)/Ohm"), F(177, "-Im(Zwe-ce)/Ohm"), F(178, "(Q-Qo)/C"), F(179, "dQ/C"),
        D(182, "step time/s"), F(185, "<Ece>/V"), F(206, "Temperature/°C"), D(211, "Q charge/discharge/mA.h"),
        U32(212, "half cycle"), U32(213, "z cycle"), F(215, "<Ece>/V"), F(217, "THD Ewe/%"), F(218, "THD I/%"),
        F(219, "THD Ece/%"), F(220, "NSD Ewe/%"), F(221, "NSD I/%"), F(222, "NSD Ece/%"), F(223, "NSR Ewe/%"),
        F(224, "NSR I/%"), F(225, "NSR Ece/%"),
        F(230, "|Ewe h2|/V"), F(231, "|Ewe h3|/V"), F(232, "|Ewe h4|/V"), F(233, "|Ewe h5|/V"), F(234, "|Ewe h6|/V"),
        F(235, "|Ewe h7|/V"), F(236, "|I h2|/A"), F(237, "|I h3|/A"), F(238, "|I h4|/A"), F(239, "|I h5|/A"),
        F(240, "|I h6|/A"), F(241, "|I h7|/A"), F(242, "|Ece h2|/V"), F(243, "|Ece h3|/V"), F(244, "|Ece h4|/V"),
        F(245, "|Ece h5|/V"), F(246, "|Ece h6|/V"), F(247, "|Ece h7|/V"), F(248, "Rac/Ohm"), F(249, "Rdc/Ohm"),
        U8(253, "Acir/Dcir Control"),
        F(271, "Phase(Z1)/deg"), F(272, "Phase(Z2)/deg"), F(301, "|Z1|/Ohm"), F(302, "|Z2|/Ohm"), F(331, "Re(Z1)/Ohm"),
        F(332, "Re(Z2)/Ohm"), F(361, "-Im(Z1)/Ohm"), F(362, "-Im(Z2)/Ohm"), F(391, "<E1>/V"), F(392, "<E2>/V"),
        F(422, "Phase(Zstack)/deg"), F(423, "|Zstack|/Ohm"), F(424, "Re(Zstack)/Ohm"), F(425, "-Im(Zstack)/Ohm"),
        F(426, "<Estack>/V"), F(430, "Phase(Zwe-ce)/deg"), F(431, "|Zwe-ce|/Ohm"), F(432, "Re(Zwe-ce)/Ohm"),
        F(433, "-Im(Zwe-ce)/Ohm"), F(434, "(Q-Qo)/C"), F(435, "dQ/C"), D(438, "step time/s"), F(441, "<Ecv>/V"),
        F(462, "Temperature/°C"), D(467, "Q charge/discharge/mA.h"), U32(468, "half cycle"), U32(469, "z cycle"),
        F(471, "<Ece>/V"), F(473, "THD Ewe/%"), F(474, "THD I/%"), F(475, "THD Ece/%"), F(476, "NSD Ewe/%"),
        F(477, "NSD I/%"), F(478, "NSD Ece/%"), F(479, "NSR Ewe/%"), F(480, "NSR I/%"), F(481, "NSR Ece/%"),
        F(486, "|Ewe h2|/V"), F(487, "|Ewe h3|/V"), F(488, "|Ewe h4|/V"), F(489, "|Ewe h5|/V"), F(490, "|Ewe h6|/V"),
        F(491, "|Ewe h7|/V"), F(492, "|I h2|/A"), F(493, "|I h3|/A"), F(494, "|I h4|/A"), F(495, "|I h5|/A"),
        F(496, "|I h6|/A"), F(497, "|I h7|/A"),
        D(498, "Q charge/mA.h"), F(498, "|Ece h2|/V"), D(499, "Q discharge/mA.h"), F(499, "|Ece h3|/V"),
        D(500, "step time/s"), F(500, "|Ece h4|/V"), D(501, "Efficiency/%"), F(501, "|Ece h5|/V"),
        D(502, "Capacity/mA.h"), F(502, "|Ece h6|/V"), F(503, "|Ece h7|/V"), F(505, "Rdc/Ohm"), U8(509, "Acir/Dcir Control"),
    ]);

    /// <summary>The preferred reading of <paramref name="id"/>, or null for an id this table does not know.</summary>
    public static MprColumnType? Find(int id) => Readings(id).FirstOrDefault();

    /// <summary>Every reading the sources give for <paramref name="id"/>, preferred first; empty for an unknown id.</summary>
    public static IReadOnlyList<MprColumnType> Readings(int id)
    {
        if (Flags.TryGetValue(id, out var flag)) return [new MprColumnType(id, flag.Name, MprValueType.Flags)];
        return Known.TryGetValue(id, out var readings) ? readings : [];
    }

    /// <summary>
    /// For an id ≥ 256 the table does not know: the readings of its low byte (id &amp; 0xFF; yadg: the ids repeat modulo
    /// 256), renamed to carry the stored id; empty when the low byte is unknown too or is a flag.
    /// </summary>
    public static IReadOnlyList<MprColumnType> ByLowByte(int id) =>
        id < 256 || Known.ContainsKey(id) || Flags.ContainsKey(id & 0xFF)
            ? []
            : Readings(id & 0xFF).Select(r => r with { Id = id }).ToArray();

    /// <summary>The name of a column in the context of the file's other ids (yadg's conflict map for id 174).</summary>
    public static string NameInContext(MprColumnType type, IReadOnlyCollection<int> ids) =>
        type.Id == 174 && (ids.Contains(6) || ids.Contains(77)) ? "Phase(Zwe-ce)/deg" : type.Name;

    private static Dictionary<int, MprColumnType[]> Build(MprColumnType[] all) =>
        all.GroupBy(c => c.Id).ToDictionary(g => g.Key, g => g.ToArray());

    private static MprColumnType D(int id, string name) => new(id, name, MprValueType.Double);
    private static MprColumnType F(int id, string name) => new(id, name, MprValueType.Single);
    private static MprColumnType U8(int id, string name) => new(id, name, MprValueType.UInt8);
    private static MprColumnType U16(int id, string name) => new(id, name, MprValueType.UInt16);
    private static MprColumnType U32(int id, string name) => new(id, name, MprValueType.UInt32);
}
