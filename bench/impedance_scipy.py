#!/usr/bin/env python3
"""Stand-in for impedance.py's fitting path, for the Impedance section of docs/benchmarks.md.

impedance.py itself cannot be installed here (PyPI is unreachable, no Debian package). Its CustomCircuit.fit calls
circuit_fit, which is scipy.optimize.curve_fit on the stacked [Re Z, Im Z] of the circuit's model function with
  bounds  = 0 .. inf for every parameter, 0 .. 1 for a CPE exponent (set_default_bounds),
  maxfev  = 1e5, ftol = 1e-13 (its defaults),
  sigma   = [|Z|, |Z|] when weight_by_modulus=True, none otherwise (the default),
and the user's initial guess. This script does exactly that with scipy (no impedance.py code is used), on the spectra
of bench/Borolyte.Bench/ImpedanceBenchmarkData.cs, regenerated here bit for bit (same SplitMix64 noise), and compares
with Borolyte's fit of the same spectra through the CLI (`./borolyte eis fit FILE --circuit ... --json`, modulus weighting,
automatic initial guess). chi^2 is computed here, the same way for both, from the fitted parameters:
  chi^2 = sum_i |Z_i - Zfit_i|^2 / |Z_i|^2   (the modulus-weighted objective that both minimise when weighted).
Variants: impedance.py's default (unweighted), weight_by_modulus=True, the weighted fit started at the true parameters,
and the weighted fit with x_scale='jac' (a scipy option impedance.py does not set; the only variant found that reaches
Borolyte's chi^2). Initial guess given to scipy: the true parameters times (1.5, 0.5, 3, -, 2, 0.3, -) with both exponents 0.9, i.e. a user
who already knows every value within a factor 2-3. Borolyte gets no guess (its automatic guess is part of its time).

When impedance.py itself is importable (`import impedance`, e.g. PYTHONPATH pointing at a checkout), the script also
times the real thing on the same spectra with the same start:
  CustomCircuit('R0-p(R1,CPE1)-p(R2,CPE2)', initial_guess=...).fit(f, Z, weight_by_modulus=True)
(for impedance.py versions whose fit() predates the weight_by_modulus keyword, the same weighting is passed as the
curve_fit keyword sigma = [|Z|, |Z|] through fit()'s **kwargs, which is what weight_by_modulus=True sets), chi^2 computed
the same way from its parameters_. Its results go under the "impedancePy" keys; without impedance.py they are null.

Run from the repository root:  /usr/bin/python3 bench/impedance_scipy.py [--batch 1000] [--compare 50]
   or, with impedance.py:      PYTHONPATH=/path/to/impedance.py /usr/bin/python3 bench/impedance_scipy.py ...
Speed: single-threaded, time.perf_counter around curve_fit / CustomCircuit.fit only; medians over repetitions / spectra.
"""
import argparse, json, os, statistics, subprocess, sys, tempfile, time
import numpy as np
from scipy.optimize import curve_fit

MASK = (1 << 64) - 1
CIRCUIT = "R0-p(R1,CPE1)-p(R2,CPE2)"


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next_double(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        z ^= z >> 31
        return (z >> 11) * (1.0 / (1 << 53))


def frequencies():
    return np.array([1e7 * (1e-2 / 1e7) ** (i / 59.0) for i in range(60)])


def true_parameters(scale):
    return np.array([50 * scale, 1e5 * scale, 2e-11 / scale, 0.95, 8e5 * scale, 5e-9 / scale, 0.85])


def model(f, p):
    """R0 + (1/R1 + Q1 (jw)^n1)^-1 + (1/R2 + Q2 (jw)^n2)^-1: a CPE is 1/(Q (jw)^n) as in impedance.py."""
    jw = 1j * 2 * np.pi * f
    return p[0] + 1 / (1 / p[1] + p[2] * jw ** p[3]) + 1 / (1 / p[4] + p[5] * jw ** p[6])


def make(batch):
    f = frequencies()
    rng = SplitMix64(1)

    def one(scale):
        z = model(f, true_parameters(scale))
        out = np.empty_like(z)
        for i in range(z.size):   # draw order as in C#: Re then Im, point by point
            m = abs(z[i])
            re = 0.003 * m * (rng.next_double() - 0.5) * np.sqrt(12)
            im = 0.003 * m * (rng.next_double() - 0.5) * np.sqrt(12)
            out[i] = z[i] + complex(re, im)
        return out

    first = one(1.0)
    scales = [10.0 ** ((k % 7) - 3) for k in range(batch)]
    return f, first, [(s, one(s)) for s in scales]


def chi2(f, z, p):
    return float(np.sum(np.abs(z - model(f, p)) ** 2 / np.abs(z) ** 2))


GUESS = np.array([1.5, 0.5, 3.0, np.nan, 2.0, 0.3, np.nan])


def guess(scale):
    g = true_parameters(scale) * np.nan_to_num(GUESS, nan=1.0)
    g[3] = g[6] = 0.9
    return g


def fit_scipy(f, z, p0, weighted, jac_scaled=False):
    def wrapped(freq, *p):
        zz = model(freq, p)
        return np.hstack([zz.real, zz.imag])
    lb = [0] * 7
    ub = [np.inf, np.inf, np.inf, 1, np.inf, np.inf, 1]
    kw = dict(maxfev=int(1e5), ftol=1e-13)
    if weighted:
        kw["sigma"] = np.hstack([np.abs(z), np.abs(z)])
    if jac_scaled:
        kw["x_scale"] = "jac"   # NOT impedance.py's setting: lets scipy's trust region cope with 1e-11 F next to 1e5 Ohm
    t0 = time.perf_counter()
    try:
        popt, _ = curve_fit(wrapped, f, np.hstack([z.real, z.imag]), p0=p0, bounds=(lb, ub), **kw)
        ok = True
    except RuntimeError:
        popt, ok = np.array(p0), False
    return popt, time.perf_counter() - t0, ok


try:
    import impedance
    from impedance.models.circuits import CustomCircuit
except ImportError:
    impedance = None


def fit_impedance_py(f, z, p0):
    """impedance.py's CustomCircuit.fit with modulus weighting, started at p0; (parameters, seconds, converged)."""
    circuit = CustomCircuit(CIRCUIT, initial_guess=[float(v) for v in p0])
    t0 = time.perf_counter()
    try:
        try:
            circuit.fit(f, z, weight_by_modulus=True)
        except TypeError:
            # Versions without the keyword: the same sigma that weight_by_modulus=True sets, passed on to curve_fit.
            t0 = time.perf_counter()
            circuit.fit(f, z, sigma=np.hstack([np.abs(z), np.abs(z)]))
        ok = True
        popt = np.array(circuit.parameters_)
    except RuntimeError:
        popt, ok = np.array(p0), False
    return popt, time.perf_counter() - t0, ok


def impedance_py_fit_call(f, z, p0):
    """Which call fit_impedance_py ends up making (recorded in the results)."""
    try:
        CustomCircuit(CIRCUIT, initial_guess=[float(v) for v in p0]).fit(f, z, weight_by_modulus=True)
        return "fit(f, Z, weight_by_modulus=True)"
    except TypeError:
        return "fit(f, Z, sigma=np.hstack([abs(Z), abs(Z)]))  (this version has no weight_by_modulus keyword)"


def borolyte(f, z, workdir, name):
    path = os.path.join(workdir, name + ".csv")
    with open(path, "w") as out:
        for fi, zi in zip(f, z):
            out.write(f"{fi!r},{zi.real!r},{zi.imag!r}\n")
    r = subprocess.run(["./borolyte", "eis", "fit", path, "--circuit", CIRCUIT, "--json"], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"borolyte failed on {name}: {r.stderr}")
    return np.array([p["value"] for p in json.loads(r.stdout)["parameters"]])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--batch", type=int, default=1000, help="batch spectra fitted by scipy (timed)")
    ap.add_argument("--compare", type=int, default=50, help="batch spectra also fitted by Borolyte for chi^2")
    ap.add_argument("--repeat", type=int, default=15, help="repetitions of the single-spectrum fit")
    ap.add_argument("--impedance-py-batch", type=int, default=1000, help="batch spectra also fitted by impedance.py (when importable)")
    args = ap.parse_args()
    f, one, batch = make(args.batch)
    result = {"circuit": CIRCUIT, "points": int(f.size)}
    with tempfile.TemporaryDirectory() as work:
        pb = borolyte(f, one, work, "one")
        result["one"] = {"borolyteChiSquare": chi2(f, one, pb), "trueChiSquare": chi2(f, one, true_parameters(1.0))}
        for key, weighted, jac, start in [("scipyModulusWeighted", True, False, guess(1.0)), ("scipyUnweighted", False, False, guess(1.0)),
                                          ("scipyModulusWeightedFromTrue", True, False, true_parameters(1.0)),
                                          ("scipyModulusWeightedJacScaled", True, True, guess(1.0))]:
            times, popt = [], None
            for _ in range(args.repeat if not jac else max(3, args.repeat // 5)):
                popt, dt, ok = fit_scipy(f, one, start, weighted, jac)
                times.append(dt)
            result["one"][key] = {"medianSeconds": statistics.median(times), "chiSquare": chi2(f, one, popt), "converged": ok}
        result["impedancePyVersion"] = getattr(impedance, "__version__", None) if impedance else None
        result["impedancePyPath"] = os.path.dirname(impedance.__file__) if impedance else None
        result["impedancePyCall"] = impedance_py_fit_call(f, one, guess(1.0)) if impedance else None
        if impedance:
            times = []
            for _ in range(args.repeat):
                popt, dt, ok = fit_impedance_py(f, one, guess(1.0))
                times.append(dt)
            result["one"]["impedancePy"] = {"medianSeconds": statistics.median(times), "chiSquare": chi2(f, one, popt), "converged": ok}
        else:
            result["one"]["impedancePy"] = None

        rows = []
        for k, (s, z) in enumerate(batch):
            pw, tw, okw = fit_scipy(f, z, guess(s), True)
            row = {"k": k, "scale": s, "scipySeconds": tw, "scipyChiSquare": chi2(f, z, pw), "scipyConverged": okw}
            if impedance and k < args.impedance_py_batch:
                pi, ti, oki = fit_impedance_py(f, z, guess(s))
                row.update(impedancePySeconds=ti, impedancePyChiSquare=chi2(f, z, pi), impedancePyConverged=oki)
            if k < args.compare:
                pu, tu, oku = fit_scipy(f, z, guess(s), False)
                row["scipyUnweightedSeconds"] = tu
                row["scipyUnweightedChiSquare"] = chi2(f, z, pu)
                pj, tj, okj = fit_scipy(f, z, guess(s), True, jac_scaled=True)
                row["scipyJacScaledSeconds"] = tj
                row["scipyJacScaledChiSquare"] = chi2(f, z, pj)
                row["borolyteChiSquare"] = chi2(f, z, borolyte(f, z, work, f"b{k}"))
            rows.append(row)
    cmp_rows = [r for r in rows if "borolyteChiSquare" in r]
    result["batch"] = {
        "spectra": len(rows),
        "scipyMedianSeconds": statistics.median(r["scipySeconds"] for r in rows),
        "scipyTotalSeconds": sum(r["scipySeconds"] for r in rows),
        "scipyFailures": sum(not r["scipyConverged"] for r in rows),
        "compared": len(cmp_rows),
        "scipyUnweightedMedianSeconds": statistics.median(r["scipyUnweightedSeconds"] for r in cmp_rows) if cmp_rows else None,
        "medianChiSquareScipy": statistics.median(r["scipyChiSquare"] for r in cmp_rows) if cmp_rows else None,
        "medianChiSquareScipyUnweighted": statistics.median(r["scipyUnweightedChiSquare"] for r in cmp_rows) if cmp_rows else None,
        "scipyJacScaledMedianSeconds": statistics.median(r["scipyJacScaledSeconds"] for r in cmp_rows) if cmp_rows else None,
        "medianChiSquareScipyJacScaled": statistics.median(r["scipyJacScaledChiSquare"] for r in cmp_rows) if cmp_rows else None,
        "jacScaledWithin1PercentOfBorolyte": sum(r["scipyJacScaledChiSquare"] <= 1.01 * r["borolyteChiSquare"] for r in cmp_rows),
        "medianChiSquareBorolyte": statistics.median(r["borolyteChiSquare"] for r in cmp_rows) if cmp_rows else None,
        "borolyteLowerOrEqual": sum(r["borolyteChiSquare"] <= r["scipyChiSquare"] * (1 + 1e-6) for r in cmp_rows),
        "scipyWorseBy10Percent": sum(r["scipyChiSquare"] > 1.1 * r["borolyteChiSquare"] for r in cmp_rows),
    }
    ipy = [r for r in rows if "impedancePySeconds" in r]
    ipy_cmp = [r for r in ipy if "borolyteChiSquare" in r]
    result["batch"]["impedancePy"] = None if not ipy else {
        "spectra": len(ipy),
        "medianSeconds": statistics.median(r["impedancePySeconds"] for r in ipy),
        "totalSeconds": sum(r["impedancePySeconds"] for r in ipy),
        "failures": sum(not r["impedancePyConverged"] for r in ipy),
        "medianChiSquare": statistics.median(r["impedancePyChiSquare"] for r in ipy),
        "compared": len(ipy_cmp),
        "medianChiSquareCompared": statistics.median(r["impedancePyChiSquare"] for r in ipy_cmp) if ipy_cmp else None,
        "borolyteLowerOrEqual": sum(r["borolyteChiSquare"] <= r["impedancePyChiSquare"] * (1 + 1e-6) for r in ipy_cmp),
        "sameAsScipyStandIn": sum(abs(r["impedancePyChiSquare"] - r["scipyChiSquare"]) <= 1e-9 * max(r["scipyChiSquare"], 1e-300) for r in ipy),
    }
    json.dump(result, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
