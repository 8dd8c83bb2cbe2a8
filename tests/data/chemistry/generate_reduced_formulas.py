#!/usr/bin/python3
"""Golden reduced formulas from pymatgen for Composition.ReducedFormulaByElectronegativity.

Run with Debian's python3-pymatgen 2022.11.7 (apt-get install python3-pymatgen):
    /usr/bin/python3 tests/data/chemistry/generate_reduced_formulas.py
Writes pymatgen-reduced-formulas.csv (pymatgen is the independent reference only; Borolyte never calls it). Columns:
  kind     amounts: pymatgen Composition built from the amounts in order of atomic number (as Borolyte stores them);
           text:    pymatgen Composition(text) parsed by pymatgen, compared with Borolyte's Formula.Parse(text)
  source   where the formula comes from
  text     the formula as written (text rows) or a label
  amounts  Symbol:amount;... in order of atomic number, amounts as Python repr (read back bit for bit)
  reducedFormula, factor   pymatgen's get_reduced_formula_and_factor()
"""
import csv, glob, json, math, os, random, re, warnings

import pymatgen.core
from pymatgen.core import Composition, Element

warnings.simplefilter("ignore")  # "No electronegativity for He. Setting to NaN."
here = os.path.dirname(os.path.abspath(__file__))
root = os.path.abspath(os.path.join(here, "..", "..", ".."))
rows = []


def z_ordered(comp):
    amounts = comp.get_el_amt_dict()
    return {s: amounts[s] for s in sorted(amounts, key=lambda s: Element(s).Z)}


def add_amounts(source, label, amounts):
    comp = Composition({s: amounts[s] for s in sorted(amounts, key=lambda s: Element(s).Z)})
    formula, factor = comp.get_reduced_formula_and_factor()
    text = ";".join(f"{s}:{float(a)!r}" for s, a in z_ordered(comp).items())
    rows.append(["amounts", source, label, text, formula, repr(float(factor))])


def pymatgen_text(text):
    # pymatgen reads neither a trailing ionic charge nor square brackets nor locant prefixes: write them its way.
    t = re.sub(r"^(?:closo-|nido-)?[0-9,]+-", "", text)
    t = re.sub(r"\^?\{?[0-9]*[+-]\}?$", "", t)
    return t.replace("[", "(").replace("]", ")")


def add_text(source, text):
    try:
        comp = Composition(pymatgen_text(text))
    except Exception:
        return
    formula, factor = comp.get_reduced_formula_and_factor()
    amounts = ";".join(f"{s}:{float(a)!r}" for s, a in z_ordered(comp).items())
    rows.append(["text", source, text, amounts, formula, repr(float(factor))])
    add_amounts(source, text, comp.get_el_amt_dict())


def strings_of(node, keys):
    if isinstance(node, dict):
        for k, v in node.items():
            if k in keys and isinstance(v, (str, dict)):
                yield v
            else:
                yield from strings_of(v, keys)
    elif isinstance(node, list):
        for v in node:
            yield from strings_of(v, keys)


# 1. Every formula of the knowledge base (hydroborates, anions, precursors).
seen = set()
for path in sorted(glob.glob(os.path.join(root, "data", "knowledge", "*.json"))):
    for f in strings_of(json.load(open(path)), {"formula"}):
        if isinstance(f, str) and f not in seen:
            seen.add(f)
            add_text("data/knowledge/" + os.path.basename(path), f)

# 2. Every composition of the thermo datasets and test entry files (formula strings or element → amount objects).
for pattern in ["data/thermo/*.json", "tests/data/thermo/*.entries.json"]:
    for path in sorted(glob.glob(os.path.join(root, pattern))):
        for c in strings_of(json.load(open(path)), {"composition", "formula"}):
            key = c if isinstance(c, str) else json.dumps(c, sort_keys=True)
            if key in seen:
                continue
            seen.add(key)
            rel = os.path.relpath(path, root)
            if isinstance(c, str):
                add_text(rel, c)
            elif all(isinstance(v, (int, float)) for v in c.values()) and all(s in [e.symbol for e in Element] for s in c):
                add_amounts(rel, Composition(c).formula.replace(" ", ""), {s: float(v) for s, v in c.items()})

# 3. The special formulas and their multiples, hydroborate polyanions, elements without electronegativity.
for f in ["H", "H2", "H4", "O", "O3", "N2", "F2", "Cl2", "Cl4", "Li2O2", "LiO2", "Na2O2", "NaO2", "K2O2", "KO2",
          "H2O2", "H4O4", "Cs2O2", "Rb2O2", "Rb4O4", "H2O", "Na2B12H12", "Li2B12H12", "Na2B10H10", "K2B6H6", "NaBH4",
          "LiCB11H12", "Na4B24H24", "NaB3H8", "He", "He2", "Ne3Ar6", "Og", "HeNeAr", "LiHe", "HeH2", "Rf2Db4",
          "NaHeB12H12", "LiFePO4", "Li4Fe4P4O16", "Fe2O3", "Ba2Sr2TiO6", "CH4", "C6H12O6", "SiO2", "PS4Na3",
          "Li6PS5Cl", "Li7La3Zr2O12", "LiNi0.8Co0.1Mn0.1O2", "Li(CB9H10)0.7(CB11H12)0.3", "Na0.5CrO2", "Li0.5O0.25",
          "H0.5", "O0.5", "He0.5Ne1.5", "Fe0.9999999999O", "Fe1.000000001O2"]:
    add_text("special cases", f)

# Amounts beyond the range of 64-bit integers (pymatgen computes with Python's exact integers).
for label, amounts in [("Fe2e20O3e20", {"Fe": 2e20, "O": 3e20}), ("H1e19", {"H": 1e19}),
                       ("Na1e18B1.2e19H1.2e19", {"Na": 1e18, "B": 1.2e19, "H": 1.2e19}), ("Li3e15O7", {"Li": 3e15, "O": 7.0})]:
    add_amounts("large amounts", label, amounts)

# 4. Random compositions over the whole periodic table (integers, with common factors), and fractional ones.
rng = random.Random(20261122)
symbols = [Element.from_Z(z).symbol for z in range(1, 119)]
no_x = [s for s in symbols if math.isnan(Element(s).X)]
for i in range(260):
    n = rng.choice([1, 2, 2, 3, 3, 3, 4, 4, 5, 6, 8])
    pool = symbols if i % 4 else symbols[:20] + no_x  # every fourth draws often from the elements without X
    els = rng.sample(pool, n)
    k = rng.choice([1, 1, 2, 3, 4, 6, 12])
    add_amounts("random integer", f"random {i}", {s: float(k * rng.randint(1, 12)) for s in els})
for i in range(140):
    n = rng.choice([1, 2, 3, 3, 4, 5])
    pool = symbols if i % 4 else symbols[:20] + no_x
    els = rng.sample(pool, n)
    style = i % 7
    amounts = {}
    for s in els:
        if style == 0:
            a = rng.randint(1, 40) / rng.choice([3, 7, 9, 11])
        elif style == 1:
            a = round(rng.uniform(0.01, 20), rng.randint(1, 4))
        elif style == 2:
            a = rng.choice([1e-5, 3.5e-7, 2.5e-6, 0.00012, 12345.678, 1.5e16 / 1e6])
        elif style == 3:
            a = rng.randint(1, 9) + rng.choice([1e-9, -1e-9, 5e-9, 2e-8, 0.5])
        elif style == 4:
            a = rng.choice([1.0, 2.0, 0.1 + 0.2, 0.7 + 0.3, 1 / 512, 3 / 512, 2.675])
        else:
            a = rng.uniform(0.001, 10)
        amounts[s] = a
    add_amounts("random fractional", f"fractional {i}", amounts)

with open(os.path.join(here, "pymatgen-reduced-formulas.csv"), "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["kind", "source", "text", "amounts", "reducedFormula", "factor"])
    w.writerows(rows)
print(f"pymatgen {pymatgen.core.__version__}: {len(rows)} rows")
