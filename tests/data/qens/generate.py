"""Synthetic EISF(Q) fixtures for tests/data/qens (run: /usr/bin/python3 generate.py).

Independent of Borolyte: [B12H12]2- icosahedron with B-B 1.78 A and B-H 1.12 A (Tiritiris & Schleid, Structural investigations on Cs2[B12H12]).
- eisf_b12h12_c5.csv: uniaxial C5 jumps (Dianoux, Volino & Hervet 1975 ring formula), no immobile fraction, sigma 0.01.
- eisf_b12h12_multiaxial.csv: icosahedral multiaxial jumps, each H over 12 vertex sites:
  A0 = (1/12) sum_j j0(Q |r_1 - r_j|), with immobile fraction 0.15, sigma 0.01.
"""
import numpy as np

phi = (1 + 5 ** 0.5) / 2
verts = []
for a in (-1, 1):
    for b in (-1, 1):
        verts += [(0, a, b * phi), (a, b * phi, 0), (b * phi, 0, a)]
verts = np.array(verts) * 1.78 / 2
h = verts * (1 + 1.12 / np.linalg.norm(verts, axis=1))[:, None]
r = np.linalg.norm(h[0])


def j0(x):
    return np.where(np.abs(x) < 1e-8, 1.0, np.sin(x) / np.where(x == 0, 1, x))


def c5(q):
    rho = r * 2 / 5 ** 0.5
    ring = np.mean([j0(2 * q * rho * np.sin(np.pi * k / 5)) for k in range(1, 6)], axis=0)
    return 2 / 12 + 10 / 12 * ring


def multiaxial(q):
    d = np.linalg.norm(h - h[0], axis=1)
    return np.mean([j0(q * dj) for dj in d], axis=0)


rng = np.random.default_rng(7)
q = np.round(np.arange(0.3, 2.65, 0.15), 3)
for name, values in (("eisf_b12h12_c5.csv", c5(q)), ("eisf_b12h12_multiaxial.csv", 0.15 + 0.85 * multiaxial(q))):
    with open(name, "w") as f:
        f.write("# synthetic, see generate.py\nQ_inv_angstrom,EISF,EISF_err\n")
        for qi, v in zip(q, values + 0.01 * rng.standard_normal(q.size)):
            f.write(f"{qi},{v:.5f},0.01\n")
