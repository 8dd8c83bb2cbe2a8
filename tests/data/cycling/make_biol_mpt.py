"""Writes biol_gcpl.mpt: the records of biol.mpr as an EC-Lab text export (run with Debian's /usr/bin/python3).

The .mpr's data module (version 2, 36 column ids, 153-byte records) is decoded with the layout documented in
src/Borolyte/Formats/BioLogic/MprColumnTable.cs. Written the way EC-Lab exports a GCPL: "EC-Lab ASCII FILE",
"Nb header lines : N", the technique name, the cell characteristics, one tab-separated column line and one line per
record, every line ending in a tab and CRLF, Latin-1. Numbers are printed in their shortest round-trip form (EC-Lab's
own fixed digit counts are not reproduced). Columns the .mpr does not store are derived and marked below:
  Ewe-Ece/V    = Ewe - Ece of the same record, in float32 as EC-Lab computes it from its float32 potentials
  <I>/mA       = the record's I/mA (id 8)
  cycle number = 0 (EC-Lab counts cycles from 0; the file is one GITT-like delithiation, one cycle)
"""
import numpy as np
from pathlib import Path

here = Path(__file__).parent
b = (here / "biol.mpr").read_bytes()
offset, length = 3426, 3605238                     # the 'VMP data' module of biol.mpr (old-style module header)
d = b[offset:offset + length]
n = int.from_bytes(d[:4], "little")
record = np.dtype([("flags", "u1"), ("Ns", "<u2"), ("I Range", "<u2"), ("time/s", "<f8"), ("control/mA", "<f4"),
                   ("Ewe/V", "<f4"), ("I/mA", "<f4"), ("dq/mA.h", "<f8"), ("(Q-Qo)/mA.h", "<f8"), ("|Energy|/W.h", "<f8"),
                   ("freq/Hz", "<f4"), ("|Z|/Ohm", "<f4"), ("Phase(Z)/deg", "<f4"), ("Q charge/discharge/mA.h", "<f8"),
                   ("half cycle", "<u4"), ("Ece/V", "<f4"), ("<Ece>/V", "<f4"), ("|Ece|/V", "<f4"), ("Phase(Zce)/deg", "<f4"),
                   ("|Zce|/Ohm", "<f4"), ("Re(Zce)/Ohm", "<f4"), ("-Im(Zce)/Ohm", "<f4"), ("Phase(Zwe-ce)/deg", "<f4"),
                   ("|Zwe-ce|/Ohm", "<f4"), ("Re(Zwe-ce)/Ohm", "<f4"), ("-Im(Zwe-ce)/Ohm", "<f4"), ("z cycle", "<u4"),
                   ("Energy charge/W.h", "<f8"), ("Energy discharge/W.h", "<f8"), ("Capacitance charge/µF", "<f8"),
                   ("Capacitance discharge/µF", "<f8")])
assert record.itemsize == 153
a = np.frombuffer(d[405:], dtype=record, count=n)
flags = a["flags"]
columns = {
    "mode": flags & 0x03, "ox/red": (flags & 0x04) >> 2, "error": (flags & 0x08) >> 3,
    "control changes": (flags & 0x10) >> 4, "Ns changes": (flags & 0x20) >> 5, "counter inc.": (flags & 0x80) >> 7,
    "Ns": a["Ns"], "I Range": a["I Range"], "time/s": a["time/s"], "control/mA": a["control/mA"],
    "Ewe/V": a["Ewe/V"], "Ece/V": a["Ece/V"], "Ewe-Ece/V": (a["Ewe/V"] - a["Ece/V"]).astype(np.float32),
    "<I>/mA": a["I/mA"], "dq/mA.h": a["dq/mA.h"], "(Q-Qo)/mA.h": a["(Q-Qo)/mA.h"],
    "Q charge/discharge/mA.h": a["Q charge/discharge/mA.h"], "half cycle": a["half cycle"],
    "Energy charge/W.h": a["Energy charge/W.h"], "Energy discharge/W.h": a["Energy discharge/W.h"],
    "freq/Hz": a["freq/Hz"], "cycle number": np.zeros(n, dtype=np.int64),
}


def text(v):
    if isinstance(v, (np.integer, int)):
        return str(int(v))
    if isinstance(v, np.float32):
        return repr(float(v)) if float(v) != int(v) or abs(v) > 1e15 else str(int(v))
    return repr(float(v)) if float(v) != int(v) or abs(v) > 1e15 else str(int(v))


header = [
    "EC-Lab ASCII FILE",
    "Nb header lines : 22",
    "",
    "Galvanostatic Cycling with Potential Limitation",
    "",
    "Run on channel : 1",
    "Comments : Si/C Li half cell with reference electrode",
    "Electrode connection : standard",
    "Potential control : Ewe",
    "Ewe ctrl range : min = 0.00 V, max = 3.00 V",
    "Electrode material : Si/C",
    "Electrolyte : ",
    "Mass of active material : 0.001 mg",
    " at x = 0.000",
    "Molecular weight of active material (at x = 0) : 0.001 g/mol",
    "Atomic weight of intercalated ion : 0.001 g/mol",
    "Acquisition started at : xo = 0.000",
    "Number of e- transfered per intercalated ion : 1",
    "Electrode surface area : 0.001 cm²",
    "Characteristic mass : 0.001 g",
    "Cycle Definition : Charge/Discharge alternance",
]
names = list(columns)
lines = header + ["\t".join(names) + "\t"]
for i in range(n):
    lines.append("\t".join(text(columns[c][i]) for c in names) + "\t")
assert len(header) + 1 == 22
(here / "biol_gcpl.mpt").write_bytes(("\r\n".join(lines) + "\r\n").encode("latin-1"))
print(f"wrote biol_gcpl.mpt: {n} records, {len(names)} columns")
