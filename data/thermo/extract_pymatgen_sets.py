#!/usr/bin/python3
"""Builds the built-in thermodynamic datasets of Borolyte from the data files shipped with pymatgen.

Run with Debian's python3-pymatgen (2022.11.7):   cd data/thermo && /usr/bin/python3 extract_pymatgen_sets.py

Sources (both distributed with pymatgen under the MIT licence, compiled for the MP2020 correction fit of
A. Wang et al., Sci. Rep. 11 (2021) 15496, doi:10.1038/s41598-021-94550-5):
  pymatgen/entries/exp_compounds.json.gz   experimental standard enthalpies of formation at 298.15 K,
                                           eV per formula unit as written, with 1-sigma uncertainty (NaN: none given)
  pymatgen/entries/calc_compounds.json.gz  Materials Project GGA / GGA+U total energies (ComputedEntry dicts with
                                           run_type, hubbards, oxide_type) of the same compounds
Nothing is computed or estimated here: values are copied, only selected by element set.
"""
import gzip
import json
import math
import os

from pymatgen.core import Composition

import pymatgen.entries as pe

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.dirname(pe.__file__)
WANG = "A. Wang et al., Sci. Rep. 11 (2021) 15496 (MP2020 fitting data, pymatgen 2022.11.7 pymatgen/entries/{})"

EXPERIMENTAL_ELEMENTS = {"Li", "Na", "B", "H", "O", "Cr", "Fe", "V"}
DFT_ELEMENTS = {"Li", "Na", "B", "H", "O", "Cr"}


def elements(formula):
    return {str(e) for e in Composition(formula).elements}


# Molecular solids: the source writes pymatgen's reduced formula and the enthalpy per reduced formula unit; the dataset
# writes the molecule (enthalpy × the factor: a change of formula unit, not of value) and shows its molecular formula.
MOLECULAR = {"B5H7": ("B10H14", 2, "decaborane(14)")}

exp = json.load(gzip.open(os.path.join(SRC, "exp_compounds.json.gz")))
entries = []
for el in sorted(EXPERIMENTAL_ELEMENTS):
    entries.append({"formula": {"H": "H2", "O": "O2"}.get(el, el), "formationEnthalpyEvPerFormulaUnit": 0.0, "uncertaintyEv": 0.0, "id": f"{el}-ref",
                    "method": "experimental standard enthalpy of formation, 298.15 K",
                    "source": "element in its standard state: zero by definition"})
for e in exp:
    if not elements(e["formula"]) <= EXPERIMENTAL_ELEMENTS:
        continue
    u = e["uncertainty"]
    formula, factor, name = MOLECULAR.get(e["formula"], (e["formula"], 1, None))
    entry = {
        "formula": formula,
        "formationEnthalpyEvPerFormulaUnit": e["exp energy"] * factor,
        "uncertaintyEv": None if u is None or math.isnan(u) else u * factor,
        "id": f"exp-{formula if name else Composition(e['formula']).reduced_formula}",
        "method": "experimental standard enthalpy of formation, 298.15 K",
        "source": WANG.format("exp_compounds.json.gz") + (f"; structure {e['mpid']}" if e.get("mpid") else ""),
    }
    if name:
        entry["displayFormula"] = formula
        entry["source"] += (f"; {name}: the source writes {e['formula']} (pymatgen's reduced formula) and "
                            f"{e['exp energy']:.6f} eV per {e['formula']}, here x{factor} per {formula} molecule")
    entries.append(entry)
# Water is not in the MP2020 set; CODATA key value (same method: experimental standard enthalpy of formation, 298.15 K)
entries.append({"formula": "H2O", "formationEnthalpyKJPerMol": -285.830, "uncertaintyKJPerMol": 0.040, "id": "exp-H2O",
                "method": "experimental standard enthalpy of formation, 298.15 K",
                "source": "CODATA Key Values for Thermodynamics: J. D. Cox, D. D. Wagman, V. A. Medvedev, Hemisphere, New York 1989 (H2O, liquid)"})
json.dump({
    "name": "experimental",
    "method": "experimental standard enthalpy of formation, 298.15 K",
    "description": "Experimental standard enthalpies of formation (298.15 K, 1 bar) of every compound of Li, Na, B, H, O, Cr, Fe, V in the "
                   "MP2020 fitting set (Wang et al. 2021), plus liquid water from CODATA. Energies are formation enthalpies per formula "
                   "unit; elements in their standard states are 0.",
    "entries": entries,
}, open(os.path.join(HERE, "experimental-enthalpies.json"), "w"), indent=1)

calc = json.load(gzip.open(os.path.join(SRC, "calc_compounds.json.gz")))
dft = []
for name, d in sorted(calc.items()):
    if not {k for k in d["composition"]} <= DFT_ELEMENTS:
        continue
    p = d["parameters"]
    dft.append({
        "entry_id": d["entry_id"],
        "composition": d["composition"],
        "energy": d["energy"],
        "correction": 0.0,
        "parameters": {"run_type": p.get("run_type"), "hubbards": {k: v for k, v in (p.get("hubbards") or {}).items()}},
        "data": {"oxide_type": d["data"].get("oxide_type")} if d["data"].get("oxide_type") not in (None, "None") else {},
        "method": "DFT total energy, Materials Project GGA/GGA+U (PBE, MP input set), uncorrected",
        "source": WANG.format("calc_compounds.json.gz") + f"; Materials Project {d['entry_id']}",
    })
json.dump({
    "name": "mp-gga",
    "method": "DFT total energy, Materials Project GGA/GGA+U (PBE, MP input set), uncorrected",
    "description": "Materials Project GGA/GGA+U total energies (eV per cell as given) of the compounds of Li, Na, B, H, O, Cr in the MP2020 "
                   "fitting set, with run type and Hubbard U so that the MP2020 corrections (--mp2020) apply.",
    "entries": dft,
}, open(os.path.join(HERE, "mp-gga.json"), "w"), indent=1)
print(len(entries), "experimental entries;", len(dft), "DFT entries")
