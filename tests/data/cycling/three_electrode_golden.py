#!/usr/bin/python3
"""Golden values for the per-electrode summary of biol.mpr (tests/Borolyte.Tests/Cycling/ThreeElectrodeTests.cs).

Independent of Borolyte's integration: reads the raw columns (time/s, Ewe/V, Ece/V, I/mA, freq/Hz) from the BDF
export of the file (`./borolyte cycling convert tests/data/cycling/biol.mpr --to bdf --out /tmp/biol.bdf.csv`,
columns copied verbatim from the .mpr) and integrates with numpy's trapezoid rule over each contiguous run of
charging points (|I| > 0 and not an impedance point), i.e. <E> = ∫E·I dt / ∫I dt during charge, for Ewe, Ece and
Ewe − Ece. Writes three_electrode_golden.json.
"""
import json, sys
import numpy as np
import pandas as pd

d = pd.read_csv(sys.argv[1] if len(sys.argv) > 1 else "/tmp/biol.bdf.csv")
t, i = d.test_time_second.to_numpy(), d.current_ampere.to_numpy()
ewe, ece = d.ewe_volt.to_numpy(), d.ece_volt.to_numpy()
# Impedance points are those whose step index is an EIS step; in this file they carry no net current: use the
# rest threshold instead (1e-4 of the largest |I|) and the charging steps only.
charging = i > 1e-4 * np.abs(i).max()
# Ignore the sub-µA AC points the .mpr marks with freq > 0: they sit inside rest steps, never in a long charge run.
edges = np.flatnonzero(np.diff(np.r_[0, charging.astype(int), 0]))
q = {"ewe": 0.0, "ece": 0.0, "cell": 0.0}
charge = 0.0
for a, b in zip(edges[::2], edges[1::2]):
    if b - a < 10:
        continue
    sl = slice(a, b)
    charge += np.trapz(i[sl], t[sl])
    q["ewe"] += np.trapz(ewe[sl] * i[sl], t[sl])
    q["ece"] += np.trapz(ece[sl] * i[sl], t[sl])
    q["cell"] += np.trapz((ewe[sl] - ece[sl]) * i[sl], t[sl])
out = {k + "AvgChargePotentialV": v / charge for k, v in q.items()}
out["chargeMAh"] = charge / 3.6
json.dump(out, open(__file__.replace(".py", ".json"), "w"), indent=2)
print(out)
