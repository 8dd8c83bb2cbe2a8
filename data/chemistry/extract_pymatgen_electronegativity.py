#!/usr/bin/python3
"""Writes pauling-electronegativity.json: the Pauling electronegativity pymatgen uses for every element.

Run with Debian's python3-pymatgen 2022.11.7 (apt-get install python3-pymatgen):
    /usr/bin/python3 data/chemistry/extract_pymatgen_electronegativity.py
The values are read from pymatgen/core/periodic_table.json, key "X" (the number behind Element.X); elements without
that key (pymatgen returns NaN for them) are written as null. pymatgen is the source of the numbers only; Borolyte
never calls it.
"""
import json, os

import pymatgen.core
from pymatgen.core import Element

here = os.path.dirname(os.path.abspath(__file__))
table = json.load(open(os.path.join(os.path.dirname(pymatgen.core.__file__), "periodic_table.json")))
values = {}
for z in range(1, 119):
    symbol = Element.from_Z(z).symbol
    x = table[symbol].get("X")
    values[symbol] = None if x is None else float(x)
document = {
    "source": "pymatgen " + pymatgen.core.__version__ + " core/periodic_table.json, key \"X\" (Element.X), Pauling "
              "scale; pymatgen states no origin (see data/chemistry/README.md); null = no value (pymatgen: NaN)",
    "paulingElectronegativity": values,
}
with open(os.path.join(here, "pauling-electronegativity.json"), "w") as f:
    json.dump(document, f, indent=1)
    f.write("\n")
