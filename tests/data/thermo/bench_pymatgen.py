#!/usr/bin/python3
"""pymatgen timing for the same work as bench/Borolyte.Bench/ThermoBenchmarks.cs (docs/benchmarks.md, "Stability")."""
import json
import timeit

from pymatgen.analysis.phase_diagram import PhaseDiagram
from pymatgen.core import Composition, Element
from pymatgen.entries.computed_entries import ComputedEntry

entries = [ComputedEntry.from_dict(d) for d in json.load(open("bench-na-b-h-o-300.entries.json"))]


def hull():
    pd = PhaseDiagram(entries)
    return sum(pd.get_e_above_hull(e) for e in entries)


def window():
    pd = PhaseDiagram(entries)
    return pd.get_element_profile(Element("Na"), Composition("NaB4H3O3"))


for name, fn in [("hull + e_above_hull, 300 entries", hull), ("element profile NaB4H3O3 vs Na", window)]:
    n = 5
    t = min(timeit.repeat(fn, number=1, repeat=n))
    print(f"{name}: {t * 1e3:.1f} ms (best of {n})")
