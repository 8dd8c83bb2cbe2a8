namespace Borolyte.Formats.BioLogic;

/// <summary>How one value of an .mpr data record is stored.</summary>
public enum MprValueType { Flags, UInt16, UInt32, Single, Double }

/// <summary>One entry of the column-id table: the EC-Lab column name (as in .mpt exports) and its binary type.</summary>
public sealed record MprColumnType(int Id, string Name, MprValueType Type)
{
    public int Size => Type switch
    {
        MprValueType.Flags => 1,
        MprValueType.UInt16 => 2,
        MprValueType.UInt32 or MprValueType.Single => 4,
        _ => 8,
    };
}

/// <summary>
/// Column ids of the .mpr data module. Facts gathered from public descriptions of the format (the GPL projects
/// galvani, BioLogic.py, and yadg, extractors/eclab/mpr_columns.py — read for the id/type facts only, no code taken)
/// and checked against tests/data/cycling/biol.mpr (record size 153 bytes = the sum of the types below).
/// Ids 1, 2, 3, 21, 31, 65 are bit fields packed together into one byte placed where the first of them appears.
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

    private static readonly Dictionary<int, MprColumnType> Known = new[]
    {
        D(4, "time/s"), F(5, "control/V/mA"), F(6, "Ewe/V"), D(7, "dQ/mA.h"), F(8, "I/mA"), F(9, "Ece/V"),
        D(11, "<I>/mA"), D(13, "(Q-Qo)/mA.h"), F(16, "Analog IN 1/V"), F(17, "Analog IN 2/V"), F(19, "control/V"),
        F(20, "control/mA"), D(23, "dQ/mA.h"), D(24, "cycle number"), F(32, "freq/Hz"), F(33, "|Ewe|/V"),
        F(34, "|I|/A"), F(35, "Phase(Z)/deg"), F(36, "|Z|/Ohm"), F(37, "Re(Z)/Ohm"), F(38, "-Im(Z)/Ohm"),
        U16(39, "I Range"), F(69, "R/Ohm"), F(70, "P/W"), D(74, "|Energy|/W.h"), F(75, "Analog OUT/V"),
        F(76, "<I>/mA"), F(77, "<Ewe>/V"), F(78, "Cs-2/µF-2"), F(96, "|Ece|/V"), F(98, "Phase(Zce)/deg"),
        F(99, "|Zce|/Ohm"), F(100, "Re(Zce)/Ohm"), F(101, "-Im(Zce)/Ohm"), D(123, "Energy charge/W.h"),
        D(124, "Energy discharge/W.h"), D(125, "Capacitance charge/µF"), D(126, "Capacitance discharge/µF"),
        U16(131, "Ns"), F(163, "|Estack|/V"), F(168, "Rcmp/Ohm"), F(169, "Cs/µF"), F(172, "Cp/µF"),
        F(173, "Cp-2/µF-2"), F(174, "<Ewe>/V"), F(430, "Phase(Zwe-ce)/deg"),
        F(431, "|Zwe-ce|/Ohm"), F(432, "Re(Zwe-ce)/Ohm"), F(433, "-Im(Zwe-ce)/Ohm"), F(434, "(Q-Qo)/C"),
        F(435, "dQ/C"), F(441, "<Ecv>/V"), F(462, "Temperature/°C"),
        D(467, "Q charge/discharge/mA.h"), U32(468, "half cycle"), U32(469, "z cycle"), F(471, "<Ece>/V"),
        F(473, "THD Ewe/%"), F(474, "THD I/%"), F(476, "NSD Ewe/%"), F(477, "NSD I/%"), F(479, "NSR Ewe/%"),
        F(480, "NSR I/%"),
    }.ToDictionary(c => c.Id);

    /// <summary>The known type of <paramref name="id"/>, or null for an id this table does not know.</summary>
    public static MprColumnType? Find(int id)
    {
        if (Flags.TryGetValue(id, out var flag)) return new MprColumnType(id, flag.Name, MprValueType.Flags);
        return Known.GetValueOrDefault(id);
    }

    private static MprColumnType D(int id, string name) => new(id, name, MprValueType.Double);
    private static MprColumnType F(int id, string name) => new(id, name, MprValueType.Single);
    private static MprColumnType U16(int id, string name) => new(id, name, MprValueType.UInt16);
    private static MprColumnType U32(int id, string name) => new(id, name, MprValueType.UInt32);
}
