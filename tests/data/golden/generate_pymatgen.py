#!/usr/bin/python3
"""Regenerates the pymatgen golden values used by the chemistry tests.

Run with Debian's python3-pymatgen (apt-get install python3-pymatgen):
    /usr/bin/python3 tests/data/golden/generate_pymatgen.py
pymatgen is only the independent reference here; Borolyte never calls it.
"""
import csv, json, os, sys
import pymatgen.core as mg
from pymatgen.core import Composition, Element

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.abspath(os.path.join(here, "..", "..", ".."))

with open(os.path.join(here, "pymatgen-atomic-masses.csv"), "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["symbol", "z", "atomicMassU"])
    for z in range(1, 119):
        e = Element.from_Z(z)
        w.writerow([e.symbol, z, repr(float(e.atomic_mass))])

# Formulas: the seed compounds of the knowledge base plus the clusters and precursors of the seeds.
formulas = [c["formula"] for c in json.load(open(os.path.join(root, "data", "knowledge", "compounds.json")))["compounds"]]
formulas += ["NaCl", "H2O", "LiBH4", "NaBH4", "Na2B12H12", "Na2B10H10", "B10H14", "C2B10H12", "Na3Sn",
             "Na2B12H12(H2O)2", "Li2B12H12", "LiCB11H12", "NaCB9H10", "NaCrO2", "Na3PS4", "Li6PS5Cl"]
with open(os.path.join(here, "pymatgen-molar-masses.csv"), "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["formula", "molarMassGPerMol", "hillFormula", "reducedFormula"])
    for formula in dict.fromkeys(formulas):
        comp = Composition(formula)
        w.writerow([formula, repr(float(comp.weight)), comp.hill_formula.replace(" ", ""), comp.reduced_formula])
print("pymatgen", mg.__version__ if hasattr(mg, "__version__") else "?", file=sys.stderr)
