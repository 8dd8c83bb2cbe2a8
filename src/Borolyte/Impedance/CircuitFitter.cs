using System.Numerics;
using Borolyte.Impedance.Circuits;
using Borolyte.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace Borolyte.Impedance;

/// <summary>
/// Complex nonlinear least-squares fit of an equivalent circuit to a spectrum (Macdonald &amp; Garber, J. Electrochem.
/// Soc. 124 (1977) 1022): real and imaginary residuals stacked, weighted (<see cref="ImpedanceWeighting"/>), minimised by
/// <see cref="LevenbergMarquardt"/> over ln p for log-scaled parameters (so 1e10 Ω and 1e-13 F are O(1) moves) and p
/// for exponents, with bounds. Several deterministic starts (<see cref="InitialGuess.Starts"/>) are screened for a few
/// iterations and the best is polished to convergence.
/// </summary>
public static class CircuitFitter
{
    public static CircuitFit Fit(Spectrum spectrum, string circuit, CircuitFitOptions? options = null) =>
        Fit(spectrum, Circuit.Parse(circuit), options);

    public static CircuitFit Fit(Spectrum spectrum, Circuit circuit, CircuitFitOptions? options = null)
    {
        options ??= new CircuitFitOptions();
        int np = circuit.ParameterCount, n = spectrum.Count;
        foreach (var name in options.Fixed.Keys.Concat(options.Bounds.Keys))
            if (!circuit.ParameterNames.Contains(name))
                throw new InvalidInputException($"circuit {circuit.Text} has no parameter '{name}' (parameters: {string.Join(", ", circuit.ParameterNames)})");
        var free = Enumerable.Range(0, np).Where(k => !options.Fixed.ContainsKey(circuit.ParameterNames[k])).ToArray();
        if (2 * n <= free.Length)
            throw new InvalidInputException($"{spectrum.Metadata.SourcePath ?? "spectrum"}: {n} points cannot determine {free.Length} free parameters of {circuit.Text}");
        var problem = new Problem(spectrum, circuit, options, free);

        var starts = new List<double[]>();
        if (options.Start is { } s)
        {
            if (s.Count != np) throw new InvalidInputException($"start vector has {s.Count} values, circuit {circuit.Text} has {np} parameters");
            starts.Add(s.ToArray());
        }
        if (!options.WarmStartOnly || starts.Count == 0) starts.AddRange(InitialGuess.Starts(circuit, spectrum));

        LevenbergMarquardtResult? best = null;
        int tried = 0;
        foreach (var start in starts)
        {
            var x0 = problem.ToInternal(start);
            var screened = LevenbergMarquardt.Minimize(problem.Residuals, 2 * n, x0, problem.Lower, problem.Upper,
                new LevenbergMarquardtOptions { MaxIterations = options.ScreeningIterations });
            tried++;
            if (best is null || screened.Cost < best.Cost) best = screened;
        }
        var result = LevenbergMarquardt.Minimize(problem.Residuals, 2 * n, best!.X, problem.Lower, problem.Upper);
        return problem.Summarise(result, tried);
    }

    private sealed class Problem
    {
        private readonly Circuit _circuit;
        private readonly double[] _omega;
        private readonly Complex[] _z;
        private readonly double[] _sigmaRe, _sigmaIm;
        private readonly int[] _free;
        private readonly double[] _theta;
        private readonly bool[] _log;
        private readonly Complex[] _row;
        private readonly CircuitFitOptions _options;
        private readonly Spectrum _spectrum;
        public readonly double[] Lower, Upper;

        public Problem(Spectrum spectrum, Circuit circuit, CircuitFitOptions options, int[] free)
        {
            _spectrum = spectrum;
            _circuit = circuit;
            _options = options;
            _free = free;
            int n = spectrum.Count, np = circuit.ParameterCount;
            _omega = spectrum.AngularFrequencies();
            _z = spectrum.ImpedanceOhm.ToArray();
            _sigmaRe = new double[n];
            _sigmaIm = new double[n];
            for (int i = 0; i < n; i++)
            {
                double mod = _z[i].Magnitude;
                double floor = Math.Max(mod * 1e-6, 1e-300);
                (_sigmaRe[i], _sigmaIm[i]) = options.Weighting switch
                {
                    ImpedanceWeighting.Unity => (1.0, 1.0),
                    ImpedanceWeighting.Modulus => (Math.Max(mod, 1e-300), Math.Max(mod, 1e-300)),
                    _ => (Math.Max(Math.Abs(_z[i].Real), floor), Math.Max(Math.Abs(_z[i].Imaginary), floor)),
                };
            }
            _theta = new double[np];
            _row = new Complex[np];
            foreach (var (name, value) in options.Fixed) _theta[circuit.ParameterNames.ToList().IndexOf(name)] = value;
            _log = free.Select(k => circuit.ParameterDefinitions[k].Scale == ParameterScale.Log).ToArray();
            Lower = new double[free.Length];
            Upper = new double[free.Length];
            for (int j = 0; j < free.Length; j++)
            {
                var def = circuit.ParameterDefinitions[free[j]];
                var (lo, hi) = options.Bounds.TryGetValue(circuit.ParameterNames[free[j]], out var b) ? b : (def.LowerBound, def.UpperBound);
                if (!(lo < hi)) throw new InvalidInputException($"bounds of {circuit.ParameterNames[free[j]]}: lower {lo} must be below upper {hi}");
                if (_log[j] && !(lo > 0)) throw new InvalidInputException($"bounds of {circuit.ParameterNames[free[j]]}: a log-scaled parameter needs a positive lower bound, got {lo}");
                Lower[j] = _log[j] ? Math.Log(lo) : lo;
                Upper[j] = _log[j] ? Math.Log(hi) : hi;
            }
        }

        public double[] ToInternal(double[] theta)
        {
            var x = new double[_free.Length];
            for (int j = 0; j < _free.Length; j++)
            {
                double v = theta[_free[j]];
                x[j] = _log[j] ? Math.Log(Math.Max(v, 1e-300)) : v;
                x[j] = Math.Clamp(double.IsFinite(x[j]) ? x[j] : 0, Lower[j], Upper[j]);
            }
            return x;
        }

        private void SetTheta(ReadOnlySpan<double> x)
        {
            for (int j = 0; j < _free.Length; j++) _theta[_free[j]] = _log[j] ? Math.Exp(x[j]) : x[j];
        }

        public void Residuals(ReadOnlySpan<double> x, Span<double> r, Span<double> jac)
        {
            SetTheta(x);
            int nf = _free.Length;
            for (int i = 0; i < _omega.Length; i++)
            {
                var zm = _circuit.Evaluate(_omega[i], _theta, _row);
                r[2 * i] = (zm.Real - _z[i].Real) / _sigmaRe[i];
                r[2 * i + 1] = (zm.Imaginary - _z[i].Imaginary) / _sigmaIm[i];
                if (jac.IsEmpty) continue;
                for (int j = 0; j < nf; j++)
                {
                    var d = _row[_free[j]];
                    if (_log[j]) d *= _theta[_free[j]]; // ∂/∂ln p = p·∂/∂p
                    jac[2 * i * nf + j] = d.Real / _sigmaRe[i];
                    jac[(2 * i + 1) * nf + j] = d.Imaginary / _sigmaIm[i];
                }
            }
        }

        public CircuitFit Summarise(LevenbergMarquardtResult result, int starts)
        {
            SetTheta(result.X);
            int np = _circuit.ParameterCount, nf = _free.Length, m = 2 * _omega.Length;
            double chi2 = result.Cost;
            int dof = m - nf;
            double reduced = chi2 / dof;
            double logLike = m * Math.Log(Math.Max(chi2, 1e-300) / m);
            var warnings = new List<string>();
            var covX = Matrix<double>.Build.Dense(nf, nf);
            if (nf > 0)
            {
                var svd = result.NormalMatrix.Svd();
                double smax = svd.S[0];
                var inv = Matrix<double>.Build.Dense(nf, nf);
                for (int k = 0; k < nf; k++)
                {
                    double sk = svd.S[k];
                    if (sk > smax * 1e-13) inv += svd.U.Column(k).OuterProduct(svd.VT.Row(k)) / sk;
                    else
                    {
                        // The null direction: name the parameters that carry it.
                        var v = svd.VT.Row(k);
                        var names = Enumerable.Range(0, nf).Where(j => Math.Abs(v[j]) > 0.3).Select(j => _circuit.ParameterNames[_free[j]]);
                        // Several null directions can involve the same parameters: say it once.
                        string warning = $"not identifiable: the data do not determine {string.Join(" and ", names)} separately (singular Jacobian)";
                        if (!warnings.Contains(warning)) warnings.Add(warning);
                    }
                }
                covX = inv * reduced;
            }
            var cov = new double[np, np];
            var scale = new double[nf];
            for (int j = 0; j < nf; j++) scale[j] = _log[j] ? _theta[_free[j]] : 1;
            for (int a = 0; a < nf; a++)
                for (int b = 0; b < nf; b++)
                    cov[_free[a], _free[b]] = covX[a, b] * scale[a] * scale[b];
            var corr = new double[np, np];
            for (int a = 0; a < np; a++)
                for (int b = 0; b < np; b++)
                    corr[a, b] = cov[a, a] > 0 && cov[b, b] > 0 ? cov[a, b] / Math.Sqrt(cov[a, a] * cov[b, b]) : (a == b ? 1 : 0);
            var parameters = new List<FittedParameter>();
            for (int k = 0; k < np; k++)
            {
                bool isFixed = !_free.Contains(k);
                double se = isFixed ? 0 : Math.Sqrt(Math.Max(cov[k, k], 0));
                parameters.Add(new FittedParameter(_circuit.ParameterNames[k], _theta[k], se, _circuit.ParameterUnits[k], isFixed));
            }
            for (int j = 0; j < nf; j++)
            {
                string name = _circuit.ParameterNames[_free[j]];
                double tol = 1e-7 * Math.Max(1, Math.Abs(Upper[j] - Lower[j]));
                if (result.X[j] <= Lower[j] + tol) warnings.Add($"{name} is at its lower bound {WithUnit(Bound(j, Lower[j]), _circuit.ParameterUnits[_free[j]])}");
                else if (result.X[j] >= Upper[j] - tol) warnings.Add($"{name} is at its upper bound {WithUnit(Bound(j, Upper[j]), _circuit.ParameterUnits[_free[j]])}");
                var p = parameters[_free[j]];
                if (p.StdErr > Math.Abs(p.Value) && !warnings.Any(w => w.Contains(name)))
                    warnings.Add($"{name} is poorly determined (standard error {p.StdErr:G3} exceeds its value {p.Value:G3}): possibly not identifiable");
            }
            if (!result.Converged) warnings.Add($"the fit did not converge ({result.StopReason})");
            return new CircuitFit(_circuit, parameters, chi2, reduced, logLike + 2 * nf, logLike + nf * Math.Log(m), cov, corr, warnings,
                _options.Weighting, _omega.Length, result.Iterations, starts);
        }

        /// <summary>"20 Ohm", or "1" for a unitless exponent (no trailing space).</summary>
        private static string WithUnit(string value, string unit) => unit.Length == 0 ? value : $"{value} {unit}";

        private string Bound(int j, double internalValue) =>
            (_log[j] ? Math.Exp(internalValue) : internalValue).ToString("G4", System.Globalization.CultureInfo.InvariantCulture);
    }
}
