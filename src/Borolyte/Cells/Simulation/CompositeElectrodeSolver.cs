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
/// <item>Kinetics with an interfacial resistance: φ_s − φ_e − U(θ_surf) = R_int·i_F + (2RT/F)·asinh(i_F/(2i₀)) (symmetric Butler–Volmer),
/// i_F per contact area (the contact fraction f includes what the binder leaves free); with contact patches θ_surf is the
/// stoichiometry at the patch, above the surface mean by the spreading term (see <see cref="Constriction"/>).</item>
/// <item>Particle sizes: one radius, or N_c size classes of a log-normal distribution (<see cref="CompositeElectrodeParameters.ParticleSizeClasses"/>),
/// each with its own radial diffusion and Faradaic current i_F,j at the common φ_s, φ_e; ∂i_e/∂x = Σ_j a_j·i_F,j (many-particle model).</item>
/// <item>Optional two-phase product shells on the OCP's plateaus (sequential shrinking core): a resistance ρ·R·(R/r_f − 1) per particle
/// surface in series with R_int, from the particle's mean stoichiometry at the end of the step (implicit in i_F), the current's
/// direction and where the front started (the plateau's edge, or the last reversal) (<see cref="CompositeElectrodeParameters.ExtractionShellResistivityOhmM"/>).</item>
/// </list>
/// The radial problem of a step is linear, so it is condensed onto the surface: θ_surf = s₀ − G·i_F (one tridiagonal
/// solve per particle for s₀, one for G — shared by all particles of a class when D_s is constant), leaving (2 + N_c)·N
/// unknowns (φ_e, φ_s and one i_F per class in each volume) solved by Newton with the analytic Jacobian. The kinetic rows are
/// local, so each Newton system is condensed onto (φ_e, φ_s) — static condensation: δi_F = (r_f − δφ_s + δφ_e)/J_ff — which
/// leaves a 2×2 block-tridiagonal system (<see cref="BlockTridiagonalSystem"/>), the resistor network of the ionic and
/// electronic chains joined by the kinetic conductance −Σ_j a_j·h/J_ff,j of each volume. The gauge is φ_e = 0 in the last volume.
/// </summary>
internal sealed class CompositeElectrodeSolver : IElectrodeSolver
{
    private readonly CompositeElectrodeParameters p;
    private readonly int n, nr, nc, m;   // volumes, shells, size classes, unknowns per volume (2 + nc)
    private readonly double h, areaFraction;
    private readonly double[] radius, dr, area0, area, areaH, breakdownWeight, averageScale, particleVolume;   // per class (volume per 4π)
    private readonly double[] shellVolume, faceArea;   // per class and shell, per 4π: (r_out³ − r_in³)/3 and r_out²
    private readonly double[] theta, trial, radialBase;   // particle q = k·nc + j, shell i: index q·nr + i
    private readonly double[] u, du, res, s0, ocpSurface, uConverged;
    // Thomas factors (c' and pivots), face coefficients dt·D/dr, w = M⁻¹(e_last·R²) and the surface sensitivity G = ∂θ_surf/∂(−i_F):
    // one set per class shared by its particles when D_s is constant (stoichiometryExponent = 0), one per particle otherwise.
    private readonly double[] cPrime, dPrime, faceCoefficient, w;
    private readonly double[] g;
    private readonly bool perParticle;
    private readonly double stoichiometryExponent;
    private readonly BlockTridiagonalSystem system;
    // ∂(kinetic residual)/∂i_F of each particle at the iterate of the last Jacobian, a_j·h/J_ff of the factorised one (the
    // condensation's weight, which the solves reuse), and the condensed right-hand side.
    private readonly double[] jff, kineticWeight, reduced;
    private double lastDt = double.NaN;
    private double areaTotal, areaTotalH;
    // Two-phase product shells (CompositeElectrodeParameters.ExtractionShellResistivityOhmM): the OCP's plateaus, each particle's
    // shell resistance at the last evaluated iterate (Ω·m²; the breakdown and the next step's initial guess read it) and the mean θ
    // where its current front started.
    private readonly (double From, double To)[] plateaus;
    private readonly double[] shellResistance, frontStart;
    // per particle for this step: ρ·R of its shell (0: none), the mean θ at the start of the step, the plateau's width, and ∂θ̄/∂i_F
    private readonly double[] shellScale, shellMean, shellSpan, meanPerCurrent;
    private readonly int[] plateauOf;                          // per particle: the plateau its mean θ was on at the last step (−1: none)
    private readonly bool twoPhase;
    private int lastDirection;

    public CompositeElectrodeSolver(CompositeElectrodeParameters parameters, int volumes, int shells)
    {
        if (volumes < 2) throw new InvalidInputException($"{parameters.Name}: at least 2 through-thickness volumes are needed, got {volumes}");
        if (shells < 2) throw new InvalidInputException($"{parameters.Name}: at least 2 radial shells are needed, got {shells}");
        p = parameters; n = volumes; nr = shells;
        var classes = p.ParticleSizeClasses;
        nc = classes.Count; m = 2 + nc;
        h = p.ThicknessM / n;
        // The kinetics act on the contact area; the particle takes up the same charge over its whole surface (flux × f_A).
        areaFraction = p.EffectiveContactAreaFraction;
        radius = new double[nc]; dr = new double[nc]; area0 = new double[nc]; area = new double[nc]; areaH = new double[nc]; breakdownWeight = new double[nc]; averageScale = new double[nc];
        particleVolume = new double[nc];
        shellVolume = new double[nc * nr]; faceArea = new double[nc * nr];
        for (int j = 0; j < nc; j++)
        {
            radius[j] = classes[j].RadiusM; dr[j] = radius[j] / nr;
            // One class: a = 3·ε_am/R·f_A exactly as before; classes: a_j = 3·ε_am·w_j/R_j·f_A.
            area0[j] = nc == 1 ? p.SpecificInterfacialAreaPerM : 3 * p.ActiveVolumeFraction * classes[j].VolumeFraction / classes[j].RadiusM * areaFraction;
            double volume = 0;
            for (int i = 0; i < nr; i++)
            {
                double rin = i * dr[j], rout = (i + 1) * dr[j];
                shellVolume[j * nr + i] = (rout * rout * rout - rin * rin * rin) / 3;
                faceArea[j * nr + i] = rout * rout;
                volume += shellVolume[j * nr + i];
            }
            // Breakdown weights are currents (a_j·|i_F,j|), the bulk average is by active volume (w_j per class volume).
            breakdownWeight[j] = nc == 1 ? 1 : area0[j];
            averageScale[j] = nc == 1 ? 1 : classes[j].VolumeFraction / volume;
            particleVolume[j] = volume;
        }
        SetContactFraction(1);
        stoichiometryExponent = p.SolidDiffusivityStoichiometryExponent;
        perParticle = stoichiometryExponent != 0;
        int sets = perParticle ? n * nc : nc;
        theta = new double[n * nc * nr]; trial = new double[theta.Length]; radialBase = new double[theta.Length];
        w = new double[sets * nr]; cPrime = new double[sets * nr]; dPrime = new double[sets * nr]; faceCoefficient = new double[sets * nr]; g = new double[sets];
        Array.Fill(theta, p.InitialStoichiometry);
        Array.Copy(theta, trial, theta.Length);
        u = new double[m * n]; du = new double[m * n]; res = new double[m * n]; uConverged = new double[m * n];
        s0 = new double[n * nc]; ocpSurface = new double[n * nc];
        system = new BlockTridiagonalSystem(n);
        jff = new double[n * nc]; kineticWeight = new double[n * nc]; reduced = new double[2 * n];
        for (int k = 0; k < n; k++) u[m * k + 1] = p.Ocp.Potential(p.InitialStoichiometry);
        Array.Copy(u, uConverged, u.Length);
        twoPhase = p.ExtractionShellResistivityOhmM > 0 || p.InsertionShellResistivityOhmM > 0;
        plateaus = twoPhase ? [.. p.Ocp.Plateaus()] : [];
        shellResistance = new double[n * nc];
        frontStart = new double[n * nc];
        shellScale = new double[n * nc]; shellMean = new double[n * nc]; shellSpan = new double[n * nc]; meanPerCurrent = new double[n * nc];
        plateauOf = new int[n * nc];
        Array.Fill(plateauOf, -1);
    }

    /// <summary>
    /// Prepares the product shells of each particle for a step of length <paramref name="dt"/> in the direction of <paramref name="ie"/>
    /// (extraction when positive). The shell's resistance is ρ·R·((1 − g)^(−1/3) − 1) with g the volume fraction of the particle
    /// converted since the front started: since the particle's mean stoichiometry entered its current plateau (from the plateau's
    /// edge), or since the current reversed inside it (a new shell then grows from the surface); a particle that starts on a plateau
    /// counts from the plateau's edge. g is taken at the end of the step (θ̄ = θ̄₀ − 3·dt·f·i_F/(R·F·c_max), implicit in i_F, so the
    /// voltage is continuous in time and cut-offs are located exactly) and capped at 0.999 (the shell's resistance at most 9ρR).
    /// Off a plateau (a single-phase region, Fick's law alone) there is no shell.
    /// </summary>
    private void PrepareShells(double ie, double dt)
    {
        if (!twoPhase) return;
        int direction = ie > 0 ? 1 : ie < 0 ? -1 : lastDirection;
        bool reversed = direction != lastDirection && lastDirection != 0;
        lastDirection = direction;
        double rho = direction > 0 ? p.ExtractionShellResistivityOhmM : direction < 0 ? p.InsertionShellResistivityOhmM : 0;
        for (int q = 0; q < n * nc; q++)
        {
            int j = q % nc, c = j * nr;
            double sum = 0;
            for (int i = 0; i < nr; i++) sum += shellVolume[c + i] * theta[q * nr + i];
            double mean = sum / particleVolume[j];
            int k = Array.FindIndex(plateaus, pl => mean >= pl.From && mean <= pl.To);
            shellScale[q] = 0;
            if (k < 0 || direction == 0) { plateauOf[q] = -1; continue; }
            var (from, to) = plateaus[k];
            if (reversed) frontStart[q] = mean;
            else if (plateauOf[q] != k) frontStart[q] = direction > 0 ? to : from;   // entered the plateau at its edge
            plateauOf[q] = k;
            shellScale[q] = rho * radius[j];
            shellMean[q] = mean;
            shellSpan[q] = to - from;
            meanPerCurrent[q] = -3 * dt * areaFraction / (radius[j] * PhysicalConstants.FaradayCPerMol * p.MaxConcentrationMolPerM3);
        }
    }

    /// <summary>The shell resistance of particle q at Faradaic current <paramref name="iF"/> (end of the step) and its derivative in i_F.</summary>
    private (double R, double dRdI) Shell(int q, double iF)
    {
        if (shellScale[q] == 0) return (0, 0);
        double delta = shellMean[q] + meanPerCurrent[q] * iF - frontStart[q];
        double g = Math.Abs(delta) / shellSpan[q];
        if (g >= 0.999) return (shellScale[q] * (Math.Pow(0.001, -1.0 / 3) - 1), 0);
        double r = shellScale[q] * (Math.Pow(1 - g, -1.0 / 3) - 1);
        double dgdI = Math.Sign(delta) * meanPerCurrent[q] / shellSpan[q];
        return (r, shellScale[q] / 3 * Math.Pow(1 - g, -4.0 / 3) * dgdI);
    }

    public double Potential { get; private set; }
    public double PotentialSlope { get; private set; }
    public ElectrodeBreakdown Breakdown { get; private set; }
    public double AverageStoichiometry => Average(theta);
    public double LargestStoichiometryChange { get; private set; }

    private double Average(double[] values)
    {
        double s = 0, v = 0;
        for (int k = 0; k < n; k++)
            for (int j = 0; j < nc; j++)
                for (int i = 0; i < nr; i++)
                {
                    double weight = shellVolume[j * nr + i] * averageScale[j];
                    s += weight * values[(k * nc + j) * nr + i]; v += weight;
                }
        return s / v;
    }

    public void Commit() => Array.Copy(trial, theta, theta.Length);

    /// <summary>
    /// Fraction of the particles still in contact: isolated particles keep their sodium (frozen), so the modelled particles
    /// stand for the connected ones and area and accessible capacity shrink together.
    /// </summary>
    public void SetContactFraction(double fraction)
    {
        areaTotal = areaTotalH = 0;
        for (int j = 0; j < nc; j++)
        {
            area[j] = area0[j] * fraction;
            areaH[j] = area[j] * h;
            areaTotal += area[j]; areaTotalH += areaH[j];
        }
    }

    /// <summary>Offset of particle q's radial set, and its class.</summary>
    private int Set(int q) => (perParticle ? q : q % nc) * nr;
    private double G(int q) => g[perParticle ? q : q % nc];

    /// <summary>θ' = M⁻¹(V·θ) − (dt·N/c_max)·M⁻¹(e_last·R²) with M = V + dt·K(D) (backward Euler of the shell balances).</summary>
    private void PrepareRadial(double dt)
    {
        double d = p.SolidDiffusivityM2PerS;
        for (int set = 0; set < g.Length; set++)
        {
            int o = set * nr, j = set % nc, c = j * nr;
            // Face i (between shells i and i+1) carries dt·D(θ_face)/dr; the surface half-shell uses D of the outer shell.
            for (int i = 0; i < nr - 1; i++)
                faceCoefficient[o + i] = dt * (perParticle ? Diffusivity(0.5 * (theta[o + i] + theta[o + i + 1])) : d) / dr[j];
            double surfaceDiffusivity = perParticle ? Diffusivity(theta[o + nr - 1]) : d;
            // Tridiagonal M: off-diagonals −c_i·A_face between shells i and i+1; Thomas forward sweep (c' and pivots).
            for (int i = 0; i < nr; i++)
            {
                double lower = i > 0 ? -faceCoefficient[o + i - 1] * faceArea[c + i - 1] : 0;
                double upper = i < nr - 1 ? -faceCoefficient[o + i] * faceArea[c + i] : 0;
                double diag = shellVolume[c + i] - lower - upper;
                double pivot = diag - (i > 0 ? lower * cPrime[o + i - 1] : 0);
                dPrime[o + i] = pivot;
                cPrime[o + i] = upper / pivot;
            }
            // w = M⁻¹ (e_last·R²)
            var ws = w.AsSpan(o, nr);
            ws.Clear(); ws[nr - 1] = radius[j] * radius[j];
            ThomasSolve(ws, o, c);
            g[set] = areaFraction * (dt * ws[nr - 1] + dr[j] / (2 * surfaceDiffusivity)) / (PhysicalConstants.FaradayCPerMol * p.MaxConcentrationMolPerM3);
            if (p.ContactPatchRadiusM > 0) g[set] += Constriction(surfaceDiffusivity);
        }
        lastDt = dt;
    }

    /// <summary>
    /// ∂θ_contact/∂(−i_F) of the spreading (constriction) term when the charge enters through contact patches of radius r_p
    /// covering the fraction f_A of the surface: the mean excess of a uniformly fed disc on a half-space, (8/(3π))·J·r_p/D
    /// (Carslaw &amp; Jaeger, Conduction of Heat in Solids, 2nd ed., 1959: the steady disc source), with the patch flux J = i_F/F and the alleviation
    /// (1 − √f_A)^1.5 of neighbouring patches (Cooper, Mikic &amp; Yovanovich, Int. J. Heat Mass Transfer 12 (1969) 279).
    /// </summary>
    private double Constriction(double surfaceDiffusivity) =>
        8 / (3 * Math.PI) * p.ContactPatchRadiusM * Math.Pow(1 - Math.Sqrt(areaFraction), 1.5)
        / (surfaceDiffusivity * PhysicalConstants.FaradayCPerMol * p.MaxConcentrationMolPerM3);

    /// <summary>D(θ) = D_s·exp(k·(θ − ½)) at the face stoichiometry (clamped to [0, 1]).</summary>
    private double Diffusivity(double stoichiometry) =>
        p.SolidDiffusivityM2PerS * Math.Exp(stoichiometryExponent * (Math.Clamp(stoichiometry, 0, 1) - 0.5));

    /// <summary>Solves M·x = b in place with the factors of set offset <paramref name="o"/> (class geometry at <paramref name="c"/>).</summary>
    private void ThomasSolve(Span<double> b, int o, int c)
    {
        for (int i = 0; i < nr; i++)
        {
            double lower = i > 0 ? -faceCoefficient[o + i - 1] * faceArea[c + i - 1] : 0;
            b[i] = (b[i] - (i > 0 ? lower * b[i - 1] : 0)) / dPrime[o + i];
        }
        for (int i = nr - 2; i >= 0; i--) b[i] -= cPrime[o + i] * b[i + 1];
    }

    /// <summary>
    /// Initial guess when the current changed since the starting solution: the Faradaic currents scaled to the new current
    /// (uniform when there was none), the solid potential from the kinetics at the predicted surface stoichiometry (the mean over
    /// the size classes). Newton then starts near the solution instead of at a steep end of the OCP table (a fresh Sn electrode at θ = 0).
    /// </summary>
    private void Predict(double ie, double b, double i0, double rint, OcpBranch branch)
    {
        double total = 0;
        for (int k = 0; k < n; k++)
            for (int j = 0; j < nc; j++) total += areaH[j] * u[m * k + 2 + j];
        if (Math.Abs(total - ie) <= 1e-6 * (Math.Abs(ie) + areaTotalH * i0)) return;
        bool scale = Math.Abs(total) > 1e-9 * (Math.Abs(ie) + areaTotalH * i0) && Math.Sign(total) == Math.Sign(ie);
        for (int k = 0; k < n; k++)
        {
            double phiS = 0;
            for (int j = 0; j < nc; j++)
            {
                int f = m * k + 2 + j, q = k * nc + j;
                double iF = scale ? u[f] * ie / total : ie / (areaTotal * p.ThicknessM);
                u[f] = iF;
                double uo = p.Ocp.Evaluate(Math.Clamp(s0[q] - G(q) * iF, 0, 1), branch).U;
                phiS += u[m * k] + uo + (rint + shellResistance[q]) * iF + b * Math.Asinh(iF / (2 * i0));
            }
            u[m * k + 1] = phiS / nc;
        }
    }

    public bool TrySolve(double ie, double dt, OcpBranch branch, double temperatureK, double bulkConductivitySPerM, out string? failure)
    {
        if (perParticle || dt != lastDt) PrepareRadial(dt);
        Span<double> rhs = stackalloc double[nr];
        for (int q = 0; q < n * nc; q++)
        {
            int c = (q % nc) * nr;
            for (int i = 0; i < nr; i++) rhs[i] = shellVolume[c + i] * theta[q * nr + i];
            ThomasSolve(rhs, Set(q), c);
            for (int i = 0; i < nr; i++) radialBase[q * nr + i] = rhs[i];
            s0[q] = rhs[nr - 1];
        }
        PrepareShells(ie, dt);
        double kappa = p.EffectiveIonicConductivity(bulkConductivitySPerM), sigma = p.ElectronicConductivitySPerM;
        double i0 = p.ExchangeCurrentDensityAPerM2, rint = p.InterfacialResistanceOhmM2;
        double b = 2 * PhysicalConstants.GasConstantJPerMolK * temperatureK / PhysicalConstants.FaradayCPerMol;
        double kh = kappa / h, sh = sigma / h;

        double solidOffset = 0;   // φ_s is stored relative to it during Newton's iterations (below)

        // Dimensionless merit: current balances over a current scale, kinetics over RT/F.
        double currentUnit = Math.Max(Math.Abs(ie), areaTotalH * i0), voltUnit = 0.5 * b;
        double Merit()
        {
            double merit = 0;
            for (int k = 0; k < n; k++)
            {
                int e = m * k;
                merit = Math.Max(merit, Math.Max(Math.Abs(res[e]), Math.Abs(res[e + 1])) / currentUnit);
                for (int j = 0; j < nc; j++) merit = Math.Max(merit, Math.Abs(res[e + 2 + j]) / voltUnit);
            }
            return merit;
        }

        // Residuals of all rows; with jacobian, also the one Jacobian entry that depends on the iterate, ∂r_f/∂i_F (the rest
        // are the constant conductances kh, sh and the areas, used by Factor and SolveLinear).
        void Residual(bool jacobian)
        {
            for (int k = 0; k < n; k++)
            {
                int e = m * k, s = e + 1;
                double faradaic = 0;   // h·Σ a_j·i_F,j
                for (int j = 0; j < nc; j++) faradaic += areaH[j] * u[e + 2 + j];
                // Ionic balance (row e): F_{k+1/2} − F_{k−1/2} − h·Σ a_j·i_F,j; the last row is the gauge φ_e = 0.
                if (k < n - 1)
                {
                    double r = -kh * (u[e + m] - u[e]) - faradaic;
                    if (k > 0) r -= -kh * (u[e] - u[e - m]);
                    res[e] = r;
                }
                else res[e] = u[e];
                // Electronic balance (row s): G_{k+1/2} − G_{k−1/2} + h·Σ a_j·i_F,j, G_{−1/2} = i, G_{N−1/2} = 0.
                double rs = faradaic;
                if (k < n - 1) rs += -sh * (u[s + m] - u[s]);
                if (k > 0) rs -= -sh * (u[s] - u[s - m]);
                else rs -= ie;
                res[s] = rs;
                // Kinetics of each size class (rows f): ∂r_f/∂φ_s = 1, ∂r_f/∂φ_e = −1, ∂r_f/∂i_F = J_ff.
                for (int j = 0; j < nc; j++)
                {
                    int f = e + 2 + j, q = k * nc + j;
                    double iF = u[f];
                    double thetaSurface = s0[q] - G(q) * iF;
                    var (uo, slope) = p.Ocp.Evaluate(thetaSurface, branch);
                    ocpSurface[q] = uo;
                    double z = iF / (2 * i0);
                    double shell = 0, shellSlope = 0;
                    if (twoPhase) { (shell, shellSlope) = Shell(q, iF); shellResistance[q] = shell; }
                    double r = rint + shell;
                    res[f] = u[s] + solidOffset - u[e] - uo - r * iF - b * Math.Asinh(z);
                    if (jacobian) jff[q] = slope * G(q) - r - iF * shellSlope - b / (2 * i0) / Math.Sqrt(1 + z * z);
                }
            }
        }

        // The Jacobian condensed onto (φ_e, φ_s): eliminating δi_F,j = (r_f − δφ_s + δφ_e)/J_ff from the balances adds the
        // kinetic conductance c = −Σ_j a_j·h/J_ff between φ_e and φ_s of the volume (both balances; not to the gauge row).
        bool Factor()
        {
            for (int k = 0; k < n; k++)
            {
                double c = 0;
                for (int j = 0; j < nc; j++)
                {
                    int q = k * nc + j;
                    if (jff[q] == 0 || !double.IsFinite(jff[q])) return false;
                    kineticWeight[q] = areaH[j] / jff[q];
                    c -= kineticWeight[q];
                }
                bool first = k == 0, last = k == n - 1;
                double ee = last ? 1 : kh * (first ? 1 : 2) + c, es = last ? 0 : -c;
                double ss = sh * ((first ? 0 : 1) + (last ? 0 : 1)) + c;
                system.SetRow(k, ee, es, -c, ss, last ? 0 : -kh, -sh, -kh, -sh);
            }
            return system.Factor();
        }

        // Solves J·x = r in place (x holds r on entry) with the condensed factors.
        void SolveLinear(double[] x)
        {
            for (int k = 0; k < n; k++)
            {
                int e = m * k;
                double re = x[e], rsum = 0;
                for (int j = 0; j < nc; j++) rsum += kineticWeight[k * nc + j] * x[e + 2 + j];
                reduced[2 * k] = k < n - 1 ? re + rsum : re;
                reduced[2 * k + 1] = x[e + 1] - rsum;
            }
            system.Solve(reduced);
            for (int k = 0; k < n; k++)
            {
                int e = m * k;
                double de = reduced[2 * k], ds = reduced[2 * k + 1];
                x[e] = de; x[e + 1] = ds;
                for (int j = 0; j < nc; j++) x[e + 2 + j] = (x[e + 2 + j] - ds + de) / jff[k * nc + j];
            }
        }

        double currentScale = Math.Abs(ie) / (areaTotal * p.ThicknessM) + i0;
        Predict(ie, b, i0, rint, branch);
        // Newton works on φ_s relative to its value at the collector (φ_s is ~2.5 V, its differences across the electrode μV to
        // mV): a flux σ/h·Δφ_s of absolute potentials carries a round-off of ε·σ/h·|φ_s|, which at a small current (a side
        // reaction taking nearly all of it) is ~10⁻⁶ of the current scale and stalls the merit above the strict test.
        solidOffset = u[1];
        void ShiftSolid(double by) { for (int k = 0; k < n; k++) u[m * k + 1] += by; }
        ShiftSolid(-solidOffset);
        Residual(true);
        double merit = Merit();
        bool converged = false, factored = false;
        for (int iteration = 0; iteration < 30; iteration++)
        {
            if (!Factor()) { Array.Copy(uConverged, u, u.Length); failure = "the Jacobian is singular"; return false; }
            factored = true;
            for (int j = 0; j < du.Length; j++) du[j] = -res[j];
            SolveLinear(du);
            double maxPhi = 0, maxCurrent = 0;
            for (int k = 0; k < n; k++)
            {
                maxPhi = Math.Max(maxPhi, Math.Max(Math.Abs(du[m * k]), Math.Abs(du[m * k + 1])));
                for (int j = 0; j < nc; j++) maxCurrent = Math.Max(maxCurrent, Math.Abs(du[m * k + 2 + j]));
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
                double trialMerit = Merit();
                if (trialMerit <= merit || half == 12 || trialMerit < 1e-10) { merit = trialMerit; jacobianHere = withJacobian; break; }
                for (int j = 0; j < u.Length; j++) u[j] -= lambda * du[j];
                lambda *= 0.5;
            }
            if (!double.IsFinite(merit)) break;
            if (last && lambda == 1) { converged = true; break; }
            // A fresh Jacobian replaces the factorised one: the flag must say so, or an iteration cap followed by the
            // stagnation acceptance below would take dE/di from an unfactorised matrix (seen as dE/di ≈ 10²⁸⁶ in a long CC-CV run).
            if (!jacobianHere) { Residual(true); factored = false; }
        }
        ShiftSolid(solidOffset);
        solidOffset = 0;
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
            if (!Factor()) { failure = "the Jacobian is singular"; return false; }
        }
        Array.Copy(u, uConverged, u.Length);
        // Sensitivity dE/di from the last factorisation: J·∂u/∂i = −∂R/∂i, ∂R_s0/∂i = −1.
        Array.Clear(du);
        du[1] = 1;
        SolveLinear(du);
        double ohmicEnds = 0.5 * h * (1 / sigma + 1 / kappa);
        PotentialSlope = du[1] + ohmicEnds;
        // E = φ_s(0) − φ_e(L): half-volume extrapolations with i_s(0) = i_e(L) = i; φ_e in the last volume is the gauge 0.
        Potential = u[1] + ie * h / (2 * sigma) - u[m * (n - 1)] + ie * h / (2 * kappa);

        // New concentrations and the breakdown (weights: the Faradaic currents).
        double maxChange = 0, weightSum = 0, wOcp = 0, wKin = 0, wInt = 0, meanSurface = 0;
        for (int k = 0; k < n; k++)
            for (int j = 0; j < nc; j++)
            {
                int q = k * nc + j, o = Set(q);
                double iF = u[m * k + 2 + j];
                double flux = dt * iF * areaFraction / (PhysicalConstants.FaradayCPerMol * p.MaxConcentrationMolPerM3);
                for (int i = 0; i < nr; i++)
                {
                    int idx = q * nr + i;
                    trial[idx] = radialBase[idx] - flux * w[o + i];
                    maxChange = Math.Max(maxChange, Math.Abs(trial[idx] - theta[idx]));
                }
                double weight = Math.Abs(iF) * breakdownWeight[j];
                weightSum += weight;
                wOcp += weight * ocpSurface[q];
                wKin += weight * b * Math.Asinh(iF / (2 * i0));
                wInt += weight * (rint + shellResistance[q]) * iF;
                meanSurface += ocpSurface[q];
            }
        LargestStoichiometryChange = maxChange;
        double bulk = p.Ocp.Evaluate(Average(trial), branch).U;
        double surface = weightSum > 0 ? wOcp / weightSum : meanSurface / (n * nc);
        double kinetic = weightSum > 0 ? wKin / weightSum : 0, interface_ = weightSum > 0 ? wInt / weightSum : 0;
        Breakdown = new ElectrodeBreakdown(Potential, bulk, surface - bulk, kinetic, interface_, Potential - surface - kinetic - interface_);
        failure = null;
        return true;
    }
}
