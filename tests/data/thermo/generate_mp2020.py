#!/usr/bin/python3
"""Golden values for Borolyte.Thermo.Mp2020Compatibility from pymatgen's MaterialsProject2020Compatibility.

Run with Debian's python3-pymatgen (2022.11.7):  cd tests/data/thermo && /usr/bin/python3 generate_mp2020.py
Energies are arbitrary (not physical); only the corrections matter. Writes golden_mp2020.json:
  entries: the input ComputedEntry dicts (what Borolyte reads);
  corrected: per kept entry id, pymatgen's corrected energy, correction and correction_uncertainty (eV);
  discarded: ids pymatgen's process_entries leaves out.
"""
import json
import warnings

from pymatgen.entries.compatibility import MaterialsProject2020Compatibility
from pymatgen.entries.computed_entries import ComputedEntry
from pymatgen.io.vasp.sets import MPRelaxSet

warnings.simplefilter("ignore")
POTCAR = MPRelaxSet.CONFIG["POTCAR"]


def entry(eid, formula, energy, run_type="GGA", hubbards=None, data=None, correction=0.0):
    from pymatgen.core import Composition
    comp = Composition(formula)
    params = {"run_type": run_type, "potcar_symbols": [f"PAW_PBE {POTCAR[str(el)]}" for el in comp.elements]}
    if hubbards is not None:
        params["hubbards"] = hubbards
    return ComputedEntry(comp, energy, correction=correction, parameters=params, data=dict(data or {}), entry_id=eid)


specs = [
    ("LiH", "LiH", -6.1), ("NaH", "Na4H4", -17.5), ("LiBH4", "LiBH4", -24.3), ("NaBH4", "Na2B2H8", -47.9),
    ("Li2B12H12", "Li2B12H12", -152.0), ("Na2B12H12", "Na2B12H12", -150.4), ("Na2B10H10", "Na2B10H10", -124.7),
    ("Li2B10H10", "Li2B10H10", -126.1), ("NaB3H8", "NaB3H8", -41.0),
    ("NaOH", "NaOH", -13.8), ("H2O", "H2O", -14.2), ("B2O3", "B2O3", -39.9), ("Na2O", "Na2O", -11.0),
    ("Na2O2", "Na2O2", -14.1), ("NaO2", "NaO2", -11.2), ("Li2O2", "Li2O2", -15.0), ("NaBO2", "NaBO2", -25.5),
    ("Li3N", "Li3N", -14.9), ("NaCl", "NaCl", -6.8), ("Na3PS4", "Na3PS4", -30.3),
    ("B", "B12", -80.0), ("H2", "H2", -6.77), ("Na", "Na", -1.31), ("O2", "O2", -9.87), ("Cr", "Cr", -9.6),
]
entries = [entry(*s) for s in specs]
# GGA+U transition-metal oxides with the MP U (mixing correction), one with a prior correction that must be replaced
entries.append(entry("NaCrO2", "NaCrO2", -29.1, "GGA+U", {"Cr": 3.7}, correction=-1.5))
entries.append(entry("Cr2O3", "Cr2O3", -38.0, "GGA+U", {"Cr": 3.7}))
entries.append(entry("NaCrO2-hydroxide", "NaCrO3H", -32.0, "GGA+U", {"Cr": 3.7}, data={"oxide_type": "hydroxide"}))
# explicit oxide type and oxidation states
entries.append(entry("Na2O2-as-oxide", "Na2O2", -14.0, data={"oxide_type": "oxide"}))
entries.append(entry("LiNH2-ox", "LiNH2", -18.0, data={"oxidation_states": {"Li": 1, "N": -3, "H": 1}}))
entries.append(entry("Li2NH-ox", "Li2NH", -16.0, data={"oxidation_states": {"Li": 1, "N": -3, "H": 1}}))
entries.append(entry("LiAlH4-likeNaBH4", "NaBH4", -23.9, data={"oxidation_states": {"Na": 1, "B": 3, "H": -1}}))
# discarded: a Cr oxide without U (GGA), a wrong U, and a non-GGA run type
entries.append(entry("Cr2O3-GGA", "Cr2O3", -35.0, "GGA"))
entries.append(entry("Cr2O3-badU", "Cr2O3", -36.0, "GGA+U", {"Cr": 5.0}))
entries.append(entry("NaH-r2SCAN", "NaH", -4.0, "r2SCAN"))
# carborane: pymatgen's oxidation-state guess fails and C is the most electronegative element, so H is not corrected;
# Borolyte's hydroborate rule corrects H (see the test)
entries.append(entry("LiCB11H12", "LiCB11H12", -150.0))

compat = MaterialsProject2020Compatibility()
inputs = [e.as_dict() for e in entries]
processed = compat.process_entries([ComputedEntry.from_dict(d) for d in inputs], clean=True)
kept = {e.entry_id: {"energy": e.energy, "correction": e.correction, "uncertainty": e.correction_uncertainty} for e in processed}
out = {
    "pymatgen": __import__("pymatgen.core").core.__version__,
    "entries": [{k: d[k] for k in ("entry_id", "composition", "energy", "correction", "energy_adjustments", "parameters", "data")} for d in inputs],
    "corrected": kept,
    "discarded": sorted(e.entry_id for e in entries if e.entry_id not in kept),
}
json.dump(out, open("golden_mp2020.json", "w"), indent=1, default=float)
print(len(kept), "kept;", out["discarded"], "discarded")
