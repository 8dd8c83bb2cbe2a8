#!/usr/bin/python3
"""Golden values for Borolyte's Thermo and Mechanics tests, computed with pymatgen (Debian python3-pymatgen 2022.11.7).

Run from this folder:  /usr/bin/python3 generate_golden.py
Writes random entry sets (fixed seeds) as pymatgen ComputedEntry dict arrays, and for each the formation energies,
energies above hull and decompositions (PhaseDiagram), element profiles (get_element_profile), interface reaction kinks
(InterfacialReactivity / GrandPotentialInterfacialReactivity), and elastic averages (ElasticTensor).
pymatgen is only a reference here; Borolyte never calls it.
"""
import json
import random

import numpy as np
import pymatgen
from pymatgen.analysis.elasticity.elastic import ElasticTensor
from pymatgen.analysis.interface_reactions import GrandPotentialInterfacialReactivity, InterfacialReactivity
from pymatgen.analysis.phase_diagram import GrandPotentialPhaseDiagram, PhaseDiagram
from pymatgen.core import Composition, Element
from pymatgen.entries.computed_entries import ComputedEntry


def random_entries(elements, n_compounds, seed, max_amount=4):
    rng = random.Random(seed)
    refs = {el: rng.uniform(-5.0, -1.0) for el in elements}
    entries = []
    for el in elements:
        entries.append(ComputedEntry(Composition({el: 1}), refs[el], entry_id=f"{el}-ref"))
        # a higher-energy polymorph of each element, two atoms per cell
        entries.append(ComputedEntry(Composition({el: 2}), 2 * (refs[el] + rng.uniform(0.01, 0.2)), entry_id=f"{el}-poly"))
    seen = 0
    while seen < n_compounds:
        k = rng.randint(2, len(elements))
        chosen = rng.sample(elements, k)
        amounts = {el: rng.randint(1, max_amount) for el in chosen}
        comp = Composition(amounts)
        natoms = comp.num_atoms
        ref = sum(amounts[el] * refs[el] for el in chosen) / natoms
        eform = rng.uniform(-0.8, 0.25)
        correction = rng.choice([0.0, 0.0, rng.uniform(-0.3, 0.3)])
        entries.append(ComputedEntry(comp, natoms * (ref + eform) - correction, correction=correction, entry_id=f"e{seen}"))
        seen += 1
    return entries


def hull_golden(entries):
    pd = PhaseDiagram(entries)
    stable_ids = sorted(e.entry_id for e in pd.stable_entries)
    rows = []
    for e in entries:
        decomp, ehull = pd.get_decomp_and_e_above_hull(e, allow_negative=True)
        rows.append({
            "id": e.entry_id,
            "formationEnergyEvPerAtom": pd.get_form_energy_per_atom(e),
            "eAboveHullEvPerAtom": ehull,
            "decomposition": {d.entry_id: float(f) for d, f in decomp.items()},
        })
    return pd, {"stable": stable_ids, "entries": rows}


def profile_golden(pd, open_el, formula):
    el = Element(open_el)
    mu0 = pd.el_refs[el].energy_per_atom
    out = []
    for step in pd.get_element_profile(el, Composition(formula)):
        out.append({
            "potentialV": -(step["chempot"] - mu0),
            "evolution": step["evolution"],
            "entries": sorted(e.entry_id for e in step["entries"]),
        })
    return {"formula": formula, "openElement": open_el, "elementReferenceEvPerAtom": mu0, "steps": out}


def interface_golden(pd, entries, a, b, open_el=None, potential_v=None):
    if open_el is None:
        ir = InterfacialReactivity(Composition(a), Composition(b), pd, norm=True, use_hull_energy=False)
    else:
        mu = pd.el_refs[Element(open_el)].energy_per_atom - potential_v
        gpd = GrandPotentialPhaseDiagram(entries, {Element(open_el): mu})
        ir = GrandPotentialInterfacialReactivity(Composition(a), Composition(b), gpd, pd_non_grand=pd,
                                                 include_no_mixing_energy=False, norm=True, use_hull_energy=True)
    kinks = [{"mixingRatio": x, "reactionEnergyEvPerAtom": float(energy)} for _, x, energy, _, _ in ir.get_kinks()]
    xmin, emin = ir.minimum
    return {"a": a, "b": b, "openElement": open_el, "potentialV": potential_v,
            "minReactionEnergyEvPerAtom": float(emin), "mixingRatio": float(xmin), "kinks": kinks}


def write(name, obj):
    with open(name, "w") as f:
        json.dump(obj, f, indent=1)
        f.write("\n")


def main():
    systems = [
        ("li-b-h", ["Li", "B", "H"], 40, 11),
        ("na-b-h-o", ["Na", "B", "H", "O"], 70, 12),
        ("na-cr-o-b-h", ["Na", "Cr", "O", "B", "H"], 90, 13),
        ("bench-na-b-h-o-300", ["Na", "B", "H", "O"], 292, 14),
    ]
    golden = {"pymatgen": pymatgen.core.__version__ if hasattr(pymatgen.core, "__version__") else "2022.11.7"}
    for name, elements, n, seed in systems:
        entries = random_entries(elements, n, seed)
        write(f"{name}.entries.json", [e.as_dict() for e in entries])
        pd, g = hull_golden(entries)
        golden[name] = g
        if name == "na-b-h-o":
            # element profiles for the stable Na-containing compounds and one unstable one
            stable_na = sorted((e for e in pd.stable_entries if e.composition["Na"] > 0 and len(e.composition) > 1),
                               key=lambda e: e.entry_id)
            unstable = sorted((e for e in entries if e not in pd.stable_entries and len(e.composition) > 2),
                              key=lambda e: e.entry_id)[0]
            golden["profiles"] = [profile_golden(pd, "Na", e.composition.formula.replace(" ", ""))
                                  for e in stable_na[:4] + [unstable]]
            # interface pairs: the first two pairs of stable compounds (sorted by id) that react, and one open to Na at 1 V
            compounds = sorted((e for e in pd.stable_entries if len(e.composition) > 1), key=lambda e: e.entry_id)
            formula = lambda e: e.composition.formula.replace(" ", "")
            reacting = []
            for i, x in enumerate(compounds):
                for y in compounds[i + 1:]:
                    g = interface_golden(pd, entries, formula(x), formula(y))
                    if g["minReactionEnergyEvPerAtom"] < -0.02 and len(g["kinks"]) > 3:
                        reacting.append(g)
            grand = []
            for i, x in enumerate(compounds):
                for y in compounds[i + 1:]:
                    if x.composition["Na"] > 0 and y.composition["Na"] == 0:
                        g = interface_golden(pd, entries, formula(x), formula(y), "Na", 1.0)
                        if g["minReactionEnergyEvPerAtom"] < -0.02 and len(g["kinks"]) > 3:
                            grand.append(g)
            golden["interfaces"] = reacting[:3] + grand[:2]
        if name == "bench-na-b-h-o-300":
            # the window timed by bench/Borolyte.Bench/ThermoBenchmarks.cs (NaB4H3O3 vs Na on these entries)
            golden["benchProfile"] = profile_golden(pd, "Na", "NaB4H3O3")
    write("golden_thermo.json", golden)

    rng = np.random.default_rng(7)
    tensors = []
    cases = {
        "cubic": np.array([[30, 12, 12, 0, 0, 0], [12, 30, 12, 0, 0, 0], [12, 12, 30, 0, 0, 0],
                           [0, 0, 0, 9, 0, 0], [0, 0, 0, 0, 9, 0], [0, 0, 0, 0, 0, 9]], dtype=float),
    }
    for i in range(3):
        a = rng.normal(size=(6, 6))
        cases[f"random{i}"] = np.round(a @ a.T * 5 + np.eye(6) * 10, 3)
    for name, c in cases.items():
        et = ElasticTensor.from_voigt(c)
        tensors.append({
            "name": name, "cij": c.flatten().tolist(),
            "bulkModulusVoigtGpa": et.k_voigt, "bulkModulusReussGpa": et.k_reuss, "bulkModulusVrhGpa": et.k_vrh,
            "shearModulusVoigtGpa": et.g_voigt, "shearModulusReussGpa": et.g_reuss, "shearModulusVrhGpa": et.g_vrh,
            "youngsModulusGpa": et.y_mod / 1e9, "poissonRatio": et.homogeneous_poisson,
            "universalAnisotropy": et.universal_anisotropy,
        })
    write("golden_elastic.json", tensors)


if __name__ == "__main__":
    main()
