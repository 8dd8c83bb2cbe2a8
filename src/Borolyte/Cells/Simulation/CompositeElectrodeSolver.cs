namespace Borolyte.Cells.Simulation;

/// <summary>
/// Backward-Euler step of a porous composite electrode with a single-ion solid electrolyte (P2D, Doyle, Fuller &amp;
/// Newman, J. Electrochem. Soc. 140 (1993) 1526, with uniform carrier concentration):
/// <list type="bullet">
/// <item>x from the current collector (0) to the separator (L), N finite volumes; ionic current i_e = −κ_eff ∂φ_e/∂x,
/// electronic i_s = −σ_eff ∂φ_s/∂x, ∂i_e/∂x = a·i_F = −∂i_s/∂x; i_e(0) = 0, i_e(L) = i, i_s(0) = i, i_s(L) = 0.</item>
/// <item>Solid diffusion in spheres, Fick's law in N_r equal shells (finite volume), flux i_F/F out of the surface; D_s may
/// depend on the stoichiometry, D(θ) = D_s·exp(k·(θ − ½)), evaluated at each face from the start of the step (lagged
/// coefficient, first order like backward Euler itself), which keeps the radial problem of one step linear.</item>
/// <item>Kinetics with an interfacial resistance: φ_s − φ_e − U(θ_surf) = R_int·i_F + (2RT/F)·asinh(i_F/(2i₀)) (symmetric Butler–Volmer).</item>
/// </list>
/// The radial problem of a step is linear, so it is condensed onto the surface: θ_surf = s₀ − G·i_F (one tridiagonal
/// solve per particle for s₀, one for G — shared by all particles when D_s is constant), leaving 3N unknowns (φ_e, φ_s, i_F per volume) in a banded system (kl = ku = 3)
/// solved by Newton with the analytic Jacobian. The gauge is φ_e = 0 in the last volume.
/// </summary>
internal sealed class CompositeElectrodeSolver : IElectrodeSolver
{
    private readonly CompositeElectrodeParameters p;
    private readonly int n, nr;
    private readonly double h, dr, a0, areaFraction;
    private double a;
    private readonly double[] shellVolume, faceArea;   // per 4π: (r_out³ − r_in³)/3 and r_out²
    private readonly double[] theta, trial, radialBase;
    private readonly double[] u, du, res, s0, ocpSurface, ocpSlope, uConverged;
    // Thomas factors (c' and pivots), face coefficients dt·D/dr, w = M⁻¹(e_last·R²) and the surface sensitivity G = ∂θ_surf/∂(−i_F):
    // one set shared by all particles when D_s is constant (stoichiometryExponent = 0), one per particle otherwise.
    private readonly double[] cPrime, dPrime, faceCoefficient, w;
    private readonly double[] g;
    private readonly bool perParticle;
    private readonly double stoichiometryExponent;
    private readonly BandedLinearSystem system;
    private double lastDt = double.NaN;

    public CompositeElectrodeSolver(CompositeElectrodeParameters parameters, int volumes, int shells)
    {
        if (volumes < 2) throw new InvalidInputException($"{parameters.Name}: at least 2 through-thickness volumes are needed, got {volumes}");
        if (shells < 2) throw new InvalidInputException($"{parameters.Name}: at least 2 radial shells are needed, got {shells}");
        p = parameters; n = volumes; nr = shells;
        h = p.ThicknessM / n; dr = p.ParticleRadiusM / nr; a0 = a = p.SpecificInterfacialAreaPerM;
        // The kinetics act on the contact area; the particle takes up the same charge over its whole surface (flux × f_A).
        areaFraction = p.ContactAreaFraction;
        shellVolume = new double[nr]; faceArea = new double[nr];
        for (int i = 0; i < nr; i++)
        {
            double rin = i * dr, rout = (i + 1) * dr;
            shellVolume[i] = (rout * rout * rout - rin * rin * rin) / 3;
            faceArea[i] = rout * rout;
        }
        stoichiometryExponent = p.SolidDiffusivityStoichiometryExponent;
        perParticle = stoichiometryExponent != 0;
        int sets = perParticle ? n : 1;
        theta = new double[n * nr]; trial = new double[n * nr]; radialBase = new double[n * nr];
        w = new double[sets * nr]; cPrime = new double[sets * nr]; dPrime = new double[sets * nr]; faceCoefficient = new double[sets * nr]; g = new double[sets];
        Array.Fill(theta, p.InitialStoichiometry);
        Array.Copy(theta, trial, theta.Length);
        u = new double[3 * n]; du = new double[3 * n]; res = new double[3 * n]; uConverged = new double[3 * n];
        s0 = new double[n]; ocpSurface = new double[n]; ocpSlope = new double[n];
        system = new BandedLinearSystem(3 * n, 3, 3);
        for (int k = 0; k < n; k++) u[3 * k + 1] = p.Ocp.Potential(p.InitialStoichiometry);
        Array.Copy(u, uConverged, u.Length);
    }

    public double Potential { get; private set; }
    public double PotentialSlope { get; private set; }
    public ElectrodeBreakdown Breakdown { get; private set; }
    public double AverageStoichiometry => Average(theta);
    public double LargestStoichiometryChange { get; private set; }
    public ReadOnlySpan<double> Stoichiometry => theta;

    private double Average(double[] values)
    {
        double s = 0, v = 0;
        for (int k = 0; k < n; k++)
            for (int i = 0; i < nr; i++) { s += shellVolume[i] * values[k * nr + i]; v += shellVolume[i]; }
        return s / v;
    }

    public void Commit() => Array.Copy(trial, theta, theta.Length);

    /// <summary>
    /// Fraction of the particles still in contact: isolated particles keep their sodium (frozen), so the modelled particles
    /// stand for the connected ones and area and accessible capacity shrink together.
    /// </summary>
    public void SetContactFraction(double fraction) => a = a0 * fraction;

    /// <summary>θ' = M⁻¹(V·θ) − (dt·N/c_max)·M⁻¹(e_last·R²) with M = V + dt·K(D) (backward Euler of the shell balances).</summary>
    private void PrepareRadial(double dt)
    {
        double d = p.SolidDiffusivityM2PerS;
        for (int set = 0; set < g.Length; set++)
        {
            int o = set * nr;
            // Face i (between shells i and i+1) carries dt·D(θ_face)/dr; the surface half-shell uses D of the outer shell.
            for (int i = 0; i < nr - 1; i++)
                faceCoefficient[o + i] = dt * (perParticle ? Diffusivity(0.5 * (theta[o + i] + theta[o + i + 1])) : d) / dr;
            double surfaceDiffusivity = perParticle ? Diffusivity(theta[o + nr - 1]) : d;
            // Tridiagonal M: off-diagonals −c_i·A_face between shells i and i+1; Thomas forward sweep (c' and pivots).
            for (int i = 0; i < nr; i++)
            {
                double lower = i > 0 ? -faceCoefficient[o + i - 1] * faceArea[i - 1] : 0;
                double upper = i < nr - 1 ? -faceCoefficient[o + i] * faceArea[i] : 0;
                double diag = shellVolume[i] - lower - upper;
                double pivot = diag - (i > 0 ? lower * cPrime[o + i - 1] : 0);
                dPrime[o + i] = pivot;
                cPrime[o + i] = upper / pivot;
            }
            // w = M⁻¹ (e_last·R²)
            var ws = w.AsSpan(o, nr);
            ws.Clear(); ws[nr - 1] = p.ParticleRadiusM * p.ParticleRadiusM;
            ThomasSolve(ws, o);
            g[set] = areaFraction * (dt * ws[nr - 1] + dr / (2 * surfaceDiffusivity)) / (PhysicalConstants.FaradayCPerMol * p.MaxConcentrationMolPerM3);
        }
        lastDt = dt;
    }

    /// <summary>D(θ) = D_s·exp(k·(θ − ½)) at the face stoichiometry (clamped to [0, 1]).</summary>
    private double Diffusivity(double stoichiometry) =>
        p.SolidDiffusivityM2PerS * Math.Exp(stoichiometryExponent * (Math.Clamp(stoichiometry, 0, 1) - 0.5));

    /// <summary>Offset of volume k's radial set (0 when all particles share one).</summary>
    private int Set(int k) => perParticle ? k * nr : 0;
    private double G(int k) => g[perParticle ? k : 0];

    private void ThomasSolve(Span<double> b, int o)
    {
        for (int i = 0; i < nr; i++)
        {
            double lower = i > 0 ? -faceCoefficient[o + i - 1] * faceArea[i - 1] : 0;
            b[i] = (b[i] - (i > 0 ? lower * b[i - 1] : 0)) / dPrime[o + i];
        }
        for (int i = nr - 2; i >= 0; i--) b[i] -= cPrime[o + i] * b[i + 1];
    }

    /// <summary>
    /// Initial guess when the current changed since the starting solution: the Faradaic currents scaled to the new current
    /// (uniform when there was none), the solid potential from the kinetics at the predicted surface stoichiometry. Newton
    /// then starts near the solution instead of at a steep end of the OCP table (a fresh Sn electrode at θ = 0).
    /// </summary>
    private void Predict(double ie, double b, double i0, double rint, OcpBranch branch)
    {
        double total = 0;
        for (int k = 0; k < n; k++) total += a * h * u[3 * k + 2];
        if (Math.Abs(total - ie) <= 1e-6 * (Math.Abs(ie) + a * h * i0)) return;
        bool scale = Math.Abs(total) > 1e-9 * (Math.Abs(ie) + a * h * i0) && Math.Sign(total) == Math.Sign(ie);
        for (int k = 0; k < n; k++)
        {
            double iF = scale ? u[3 * k + 2] * ie / total : ie / (a * p.ThicknessM);
            u[3 * k + 2] = iF;
            double uo = p.Ocp.Evaluate(Math.Clamp(s0[k] - G(k) * iF, 0, 1), branch).U;
            u[3 * k + 1] = u[3 * k] + uo + rint * iF + b * Math.Asinh(iF / (2 * i0));
        }
    }

    public bool TrySolve(double ie, double dt, OcpBranch branch, double temperatureK, double bulkConductivitySPerM, out string? failure)
    {
        if (perParticle || dt != lastDt) PrepareRadial(dt);
        Span<double> rhs = stackalloc double[nr];
        for (int k = 0; k < n; k++)
        {
            for (int i = 0; i < nr; i++) rhs[i] = shellVolume[i] * theta[k * nr + i];
            ThomasSolve(rhs, Set(k));
            for (int i = 0; i < nr; i++) radialBase[k * nr + i] = rhs[i];
            s0[k] = rhs[nr - 1];
        }
        double kappa = p.EffectiveIonicConductivity(bulkConductivitySPerM), sigma = p.ElectronicConductivitySPerM;
        double i0 = p.ExchangeCurrentDensityAPerM2, rint = p.InterfacialResistanceOhmM2;
        double b = 2 * PhysicalConstants.GasConstantJPerMolK * temperatureK / PhysicalConstants.FaradayCPerMol;
        double kh = kappa / h, sh = sigma / h, ah = a * h;

        // Dimensionless merit: current balances over a current scale, kinetics over RT/F.
        double currentUnit = Math.Max(Math.Abs(ie), ah * i0), voltUnit = 0.5 * b;
        double Merit()
        {
            double m = 0;
            for (int k = 0; k < n; k++)
                m = Math.Max(m, Math.Max(Math.Abs(res[3 * k]) / currentUnit, Math.Max(Math.Abs(res[3 * k + 1]) / currentUnit, Math.Abs(res[3 * k + 2]) / voltUnit)));
            return m;
        }

        void Residual(bool jacobian)
        {
            if (jacobian) system.Clear();
            for (int k = 0; k < n; k++)
            {
                int e = 3 * k, s = e + 1, f = e + 2;
                double iF = u[f];
                // Ionic balance (row e): F_{k+1/2} − F_{k−1/2} − h·a·i_F; the last row is the gauge φ_e = 0.
                if (k < n - 1)
                {
                    double r = -kh * (u[e + 3] - u[e]) - ah * iF;
                    if (k > 0) r -= -kh * (u[e] - u[e - 3]);
                    res[e] = r;
                    if (jacobian)
                    {
                        system.Add(e, e, kh); system.Add(e, e + 3, -kh); system.Add(e, f, -ah);
                        if (k > 0) { system.Add(e, e, kh); system.Add(e, e - 3, -kh); }
                    }
                }
                else
                {
                    res[e] = u[e];
                    if (jacobian) system.Add(e, e, 1);
                }
                // Electronic balance (row s): G_{k+1/2} − G_{k−1/2} + h·a·i_F, G_{−1/2} = i, G_{N−1/2} = 0.
                double rs = ah * iF;
                if (k < n - 1) { rs += -sh * (u[s + 3] - u[s]); if (jacobian) { system.Add(s, s, sh); system.Add(s, s + 3, -sh); } }
                if (k > 0) { rs -= -sh * (u[s] - u[s - 3]); if (jacobian) { system.Add(s, s, sh); system.Add(s, s - 3, -sh); } }
                else rs -= ie;
                res[s] = rs;
                if (jacobian) system.Add(s, f, ah);
                // Kinetics (row f).
                double thetaSurface = s0[k] - G(k) * iF;
                var (uo, slope) = p.Ocp.Evaluate(thetaSurface, branch);
                ocpSurface[k] = uo; ocpSlope[k] = slope;
                double z = iF / (2 * i0);
                res[f] = u[s] - u[e] - uo - rint * iF - b * Math.Asinh(z);
                if (jacobian)
                {
                    system.Add(f, s, 1); system.Add(f, e, -1);
                    system.Add(f, f, slope * G(k) - rint - b / (2 * i0) / Math.Sqrt(1 + z * z));
                }
            }
        }

        double currentScale = Math.Abs(ie) / (a * p.ThicknessM) + i0;
        Predict(ie, b, i0, rint, branch);
        Residual(true);
        double merit = Merit();
        bool converged = false, factored = false;
        for (int iteration = 0; iteration < 30; iteration++)
        {
            if (!system.Factor()) { failure = "the Jacobian is singular"; return false; }
            factored = true;
            for (int j = 0; j < du.Length; j++) du[j] = -res[j];
            system.Solve(du);
            double maxPhi = 0, maxCurrent = 0;
            for (int k = 0; k < n; k++)
            {
                maxPhi = Math.Max(maxPhi, Math.Max(Math.Abs(du[3 * k]), Math.Abs(du[3 * k + 1])));
                maxCurrent = Math.Max(maxCurrent, Math.Abs(du[3 * k + 2]));
            }
            if ((maxPhi < 1e-9 && maxCurrent < 1e-9 * currentScale) || merit < 1e-11)
            {
                for (int j = 0; j < u.Length; j++) u[j] += du[j];
                Residual(false);
                converged = true;
                break;
            }
            // Damped Newton: halve the step while the (dimensionless) merit grows. The full step's residual is evaluated with
            // its Jacobian (usually it is accepted, and the next iteration needs exactly that Jacobian).
            // A full Newton step below 10⁻⁶ V and 10⁻⁶ of the current scale is the last one: convergence is quadratic, so the
            // next update would be ~10⁻¹¹, far below the 10⁻⁹ test above; the factorisation of this iterate is kept for dE/di.
            bool last = maxPhi < 1e-7 && maxCurrent < 1e-7 * currentScale;
            double lambda = 1;
            bool jacobianHere = false;
            for (int half = 0; ; half++)
            {
                for (int j = 0; j < u.Length; j++) u[j] += lambda * du[j];
                bool withJacobian = half == 0 && !last;
                Residual(withJacobian);
                if (withJacobian) factored = false;
                double m = Merit();
                if (m <= merit || half == 12 || m < 1e-10) { merit = m; jacobianHere = withJacobian; break; }
                for (int j = 0; j < u.Length; j++) u[j] -= lambda * du[j];
                lambda *= 0.5;
            }
            if (!double.IsFinite(merit)) break;
            if (last && lambda == 1) { converged = true; break; }
            if (!jacobianHere) Residual(true);
        }
        // Stagnation just short of the strict test (the damped step cannot reduce the merit further at a steep end of a
        // tabulated OCP): a scaled residual below 10⁻⁷ (currents to 10⁻⁷ of the current scale, kinetics to 10⁻⁷·RT/F) is accepted.
        if (!converged && merit < 1e-7) converged = true;
        if (!converged)
        {
            Array.Copy(uConverged, u, u.Length);   // the next attempt starts from the last converged solution, not from this failure
            failure = $"Newton's method did not converge in electrode '{p.Name}' (scaled residual {merit:G3} after 30 iterations)";
            return false;
        }
        // The sensitivity below needs a factorised Jacobian at (or one converged update from) the solution.
        if (!factored)
        {
            Residual(true);
            if (!system.Factor()) { failure = "the Jacobian is singular"; return false; }
        }
        Array.Copy(u, uConverged, u.Length);
        // Sensitivity dE/di from the last factorisation: J·∂u/∂i = −∂R/∂i, ∂R_s0/∂i = −1.
        Array.Clear(du);
        du[1] = 1;
        system.Solve(du);
        double ohmicEnds = 0.5 * h * (1 / sigma + 1 / kappa);
        PotentialSlope = du[1] + ohmicEnds;
        // E = φ_s(0) − φ_e(L): half-volume extrapolations with i_s(0) = i_e(L) = i; φ_e in the last volume is the gauge 0.
        Potential = u[1] + ie * h / (2 * sigma) - u[3 * (n - 1)] + ie * h / (2 * kappa);

        // New concentrations and the breakdown.
        double maxChange = 0, weightSum = 0, wOcp = 0, wKin = 0, wInt = 0, meanSurface = 0;
        for (int k = 0; k < n; k++)
        {
            double iF = u[3 * k + 2];
            double flux = dt * iF * areaFraction / (PhysicalConstants.FaradayCPerMol * p.MaxConcentrationMolPerM3);
            for (int i = 0; i < nr; i++)
            {
                int idx = k * nr + i;
                trial[idx] = radialBase[idx] - flux * w[Set(k) + i];
                maxChange = Math.Max(maxChange, Math.Abs(trial[idx] - theta[idx]));
            }
            double weight = Math.Abs(iF);
            weightSum += weight;
            wOcp += weight * ocpSurface[k];
            wKin += weight * b * Math.Asinh(iF / (2 * i0));
            wInt += weight * rint * iF;
            meanSurface += ocpSurface[k];
        }
        LargestStoichiometryChange = maxChange;
        double bulk = p.Ocp.Evaluate(Average(trial), branch).U;
        double surface = weightSum > 0 ? wOcp / weightSum : meanSurface / n;
        double kinetic = weightSum > 0 ? wKin / weightSum : 0, interface_ = weightSum > 0 ? wInt / weightSum : 0;
        Breakdown = new ElectrodeBreakdown(Potential, bulk, surface - bulk, kinetic, interface_, Potential - surface - kinetic - interface_);
        failure = null;
        return true;
    }
}
