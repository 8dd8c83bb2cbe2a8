"""Golden values for the EIS .mpr reader, decoded independently with numpy (run with /usr/bin/python3).

Reads ../cycling/biol.mpr (a real EC-Lab file: Si/C half cell, GCPL with impedance points, cellpy test data) with a
numpy structured dtype built from the published column-id facts (ids 1,2,3,21,31,65 packed in one flag byte; 32 freq/Hz,
35 Phase(Z)/deg, 36 |Z|/Ohm, 430-433 the Zwe-ce set, 469 z cycle ...), keeps the records with freq > 0, splits them
where the z cycle changes or non-impedance records intervene, and writes biol_mpr_eis_golden.json:
per sweep the point count and the first/last frequency and complex Z = |Z| exp(i Phase).
"""
import json, os, struct
import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
raw = open(os.path.join(here, "..", "cycling", "biol.mpr"), "rb").read()
at = raw.find(b"MODULE", raw.find(b"VMP data") - 6)
name = raw[at + 6:at + 16]
assert name.startswith(b"VMP data")
length, version = struct.unpack("<II", raw[at + 41:at + 49])
data = at + 6 + 51                      # old-style module header: 10+25 names, u32 length, u32 version, 8-byte date
points, ncol = struct.unpack("<IB", raw[data:data + 5])
ids = struct.unpack("<%dH" % ncol, raw[data + 5:data + 5 + 2 * ncol])
types = {4: "<f8", 7: "<f8", 13: "<f8", 74: "<f8", 467: "<f8", 123: "<f8", 124: "<f8", 125: "<f8", 126: "<f8",
         131: "<u2", 39: "<u2", 468: "<u4", 469: "<u4"}
flags = {1, 2, 3, 21, 31, 65}
fields, seen_flags = [], False
for i in ids:
    if i in flags:
        if not seen_flags:
            fields.append(("flags", "u1")); seen_flags = True
        continue
    fields.append((str(i), types.get(i, "<f4")))
dtype = np.dtype(fields)
start = data + (406 if version == 3 else 405)
assert (length - (start - data)) == points * dtype.itemsize, "record size mismatch"
rec = np.frombuffer(raw, dtype=dtype, count=points, offset=start)

f = rec["32"].astype(float)
z = rec["36"].astype(float) * np.exp(1j * np.deg2rad(rec["35"].astype(float)))
cyc = rec["469"]
sweeps, cur, prev = [], [], None
for k in range(points):
    if not f[k] > 0:
        prev = None if not cur else "gap"
        continue
    if cur and (prev == "gap" or cyc[k] != cyc[cur[-1]]):
        sweeps.append(cur); cur = []
    cur.append(k); prev = k
if cur: sweeps.append(cur)

out = []
for s in sweeps:
    a, b = s[0], s[-1]
    out.append({"count": len(s), "firstRecord": a + 1, "zCycle": int(cyc[a]),
                "firstFrequencyHz": f[a], "firstRe": z[a].real, "firstIm": z[a].imag,
                "lastFrequencyHz": f[b], "lastRe": z[b].real, "lastIm": z[b].imag})
json.dump({"source": "tests/data/cycling/biol.mpr", "records": int(points), "sweeps": out},
          open(os.path.join(here, "biol_mpr_eis_golden.json"), "w"), indent=1)
print(len(out), [s["count"] for s in out])
