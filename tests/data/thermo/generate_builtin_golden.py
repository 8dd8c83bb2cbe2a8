#!/usr/bin/python3
"""pymatgen reference for Borolyte's windows and interface energies on the built-in experimental dataset.

Run with Debian's python3-pymatgen (2022.11.7):  cd tests/data/thermo && /usr/bin/python3 generate_builtin_golden.py
Reads ../../../data/thermo/experimental-enthalpies.json (formation enthalpies per formula unit, eV; water in kJ/mol,
converted with F = e·N_A = 96485.33212 C/mol), builds pymatgen PDEntry objects and writes golden_builtin.json:
element profiles (get_element_profile) and interface reactivities (InterfacialReactivity /
GrandPotentialInterfacialReactivity), with the same conventions as generate_golden.py.
"""
import json
import os
import warnings

from pymatgen.analysis.phase_diagram import PDEntry, PhaseDiagram
from pymatgen.core import Composition

from generate_golden import interface_golden, profile_golden, write

warnings.simplefilter("ignore")
HERE = os.path.dirname(os.path.abspath(__file__))
F_KJ_PER_EV = 1.602176634e-19 * 6.02214076e23 / 1000
data = json.load(open(os.path.join(HERE, "..", "..", "..", "data", "thermo", "experimental-enthalpies.json")))


def entries(elements):
    out = []
    for e in data["entries"]:
        comp = Composition(e["formula"])
        if not {str(x) for x in comp.elements} <= set(elements):
            continue
        energy = e["formationEnthalpyEvPerFormulaUnit"] if "formationEnthalpyEvPerFormulaUnit" in e else e["formationEnthalpyKJPerMol"] / F_KJ_PER_EV
        entry = PDEntry(comp, energy)  # pymatgen's interface code parses entry names as formulas: keep the default name
        entry.entry_id = e["id"]
        out.append(entry)
    return out


golden = {"profiles": [], "interfaces": []}
for name, elements, compound, open_el in [("li-b-h", ["Li", "B", "H"], "LiBH4", "Li"),
                                          ("na-b-h", ["Na", "B", "H"], "NaBH4", "Na"),
                                          ("na-cr-o-b-h", ["Na", "Cr", "O", "B", "H"], "NaCrO2", "Na")]:
    pd = PhaseDiagram(entries(elements))
    g = profile_golden(pd, open_el, compound)
    g["dataset"] = name
    golden["profiles"].append(g)
ents = entries(["Na", "Cr", "O", "B", "H"])
pd = PhaseDiagram(ents)
for a, b, open_el, v in [("NaBH4", "NaCrO2", None, None), ("NaBH4", "NaCrO2", "Na", 3.0), ("NaBH4", "Na2CrO4", None, None)]:
    g = interface_golden(pd, ents, a, b, open_el, v)
    g["dataset"] = "na-cr-o-b-h"
    golden["interfaces"].append(g)
write("golden_builtin.json", golden)
print(len(golden["profiles"]), "profiles,", len(golden["interfaces"]), "interfaces")
