"""Independent reference for the BPP fit of r1_two_frequencies.csv (run: /usr/bin/python3 scipy_reference.py).

scipy.optimize.least_squares on ln R1 over (ln C, ln tau0, Ea), equal weights, from a start near the optimum;
writes r1_two_frequencies.scipy.json with the optimum and its standard errors s^2 (J^T J)^-1, s^2 = SSE/(m-p).
"""
import json
import numpy as np
from scipy.optimize import least_squares

K = 8.617333262e-5
data = np.genfromtxt("r1_two_frequencies.csv", delimiter=",", names=True, skip_header=1)
t, nu, r1 = data["temperature_K"], data["larmor_MHz"] * 1e6, data["R1_per_s"]
w = 2 * np.pi * nu


def model(p):
    lnc, lntau0, ea = p
    tau = np.exp(lntau0 + ea / (K * t))
    return np.exp(lnc) * (tau / (1 + (w * tau) ** 2) + 4 * tau / (1 + 4 * (w * tau) ** 2))


res = least_squares(lambda p: np.log(r1) - np.log(model(p)), x0=[np.log(3e10), np.log(3e-14), 0.37], xtol=1e-15, ftol=1e-15, gtol=1e-15)
m, p = len(r1), 3
s2 = 2 * res.cost / (m - p)
cov = s2 * np.linalg.inv(res.jac.T @ res.jac)
json.dump({"lnCoupling": res.x[0], "lnTau0": res.x[1], "activationEnergyEv": res.x[2],
           "activationEnergyStdErrEv": float(np.sqrt(cov[2, 2])), "lnTau0StdErr": float(np.sqrt(cov[1, 1])),
           "sse": 2 * res.cost}, open("r1_two_frequencies.scipy.json", "w"), indent=1)
print(res.x, np.sqrt(np.diag(cov)))
