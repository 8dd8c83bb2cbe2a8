"""Generates the synthetic R1(T) fixtures of tests/data/nmr (run: /usr/bin/python3 generate.py).

BPP model (Bloembergen, Purcell & Pound, Phys. Rev. 73 (1948) 679), written independently of Borolyte:
R1 = C [tau/(1+w^2 tau^2) + 4 tau/(1+4 w^2 tau^2)], tau = tau0 exp(Ea/(k T)), w = 2 pi nu.
"""
import numpy as np

K = 8.617333262e-5  # eV/K, CODATA 2018


def r1(c, tau0, ea, t, nu):
    w = 2 * np.pi * nu
    tau = tau0 * np.exp(ea / (K * t))
    return c * (tau / (1 + (w * tau) ** 2) + 4 * tau / (1 + 4 * (w * tau) ** 2))


rng = np.random.default_rng(20261122)
# r1_two_frequencies.csv: one process, C = 4e10 s^-2, tau0 = 1e-14 s, Ea = 0.40 eV, 3 % log-normal noise.
temps = np.arange(280.0, 581.0, 15.0)
with open("r1_two_frequencies.csv", "w") as f:
    f.write("# synthetic BPP data: C=4e10 s^-2, tau0=1e-14 s, Ea=0.40 eV, 3 % noise (generate.py)\n")
    f.write("temperature_K,larmor_MHz,R1_per_s\n")
    for nu in (400e6, 100e6):
        for t in temps:
            f.write(f"{t:.1f},{nu / 1e6:.0f},{r1(4e10, 1e-14, 0.40, t, nu) * np.exp(0.03 * rng.standard_normal()):.6g}\n")
# r1_transition.csv: Na2B12H12-like (review Fig. 5): 0.75 eV below 523 K, 0.27 eV and 1e3x faster jumps above; 90 MHz.
with open("r1_transition.csv", "w") as f:
    f.write("# synthetic: below 523 K C=3e10, tau0=1e-17 s, Ea=0.75 eV; above C=3e10, tau0=4e-14 s, Ea=0.27 eV; 3 % noise (generate.py)\n")
    f.write("T (°C),R1 (1/s)\n")
    for t in np.arange(380.0, 611.0, 10.0):
        v = r1(3e10, 1e-17, 0.75, t, 90e6) if t < 523 else r1(3e10, 4e-14, 0.27, t, 90e6)
        f.write(f"{t - 273.15:.2f},{v * np.exp(0.03 * rng.standard_normal()):.6g}\n")
