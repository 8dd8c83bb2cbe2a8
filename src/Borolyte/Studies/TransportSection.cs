using System.Globalization;
using System.Numerics;
using Borolyte.Impedance;
using Borolyte.Reporting;
using Borolyte.Storage;
using Borolyte.Transport;
using Borolyte.Transport.Nmr;
using Borolyte.Transport.Qens;

namespace Borolyte.Studies;

/// <summary>
/// What the transport section computed: the truth it started from and what the fits recovered (the headline numbers
/// of `borolyte demo` are the derived properties below, read off the fits, never re-typed).
/// </summary>
public sealed record TransportDemoResult(
    double TrueActivationEnergyEv,
    double TrueSigma25CSPerCm,
    string Sigma25CSource,
    IReadOnlyList<SeriesPoint> Series,
    ConductivityFit Conductivity,
    BppFit Nmr,
    double NmrTrueActivationEnergyEv,
    double EisfC3C5MaxAbsDifference)
{
    public double RecoveredActivationEnergyEv => Conductivity.Segments[0].ActivationEnergyEv;
    public double RecoveredActivationEnergyStdErrEv => Conductivity.Segments[0].ActivationEnergyStdErrEv;

    /// <summary>|recovered − true| Eₐ in standard errors of the recovered one.</summary>
    public double ActivationEnergyDeviationStdErrs => Math.Abs(RecoveredActivationEnergyEv - TrueActivationEnergyEv) / RecoveredActivationEnergyStdErrEv;

    /// <summary>The true σ(25 °C) lies inside the fit's 95 % interval.</summary>
    public bool Sigma25CWithinInterval => Conductivity.Sigma25CLowerSPerCm <= TrueSigma25CSPerCm && TrueSigma25CSPerCm <= Conductivity.Sigma25CUpperSPerCm;

    public double NmrRecoveredActivationEnergyEv => Nmr.Primary.ActivationEnergyEv;
    public double NmrRecoveredActivationEnergyStdErrEv => Nmr.Primary.ActivationEnergyStdErrEv;
    public double NmrActivationEnergyDeviationStdErrs => Math.Abs(NmrRecoveredActivationEnergyEv - NmrTrueActivationEnergyEv) / NmrRecoveredActivationEnergyStdErrEv;

    /// <summary>R₁ maximum at the first Larmor frequency (400 MHz) with its standard error.</summary>
    public (double TemperatureK, double StdErrK) NmrPeak => Nmr.PrimaryPeak();

    /// <summary>The report's statement "C3 and C5 give identical curves for the icosahedron", checked on the plotted Q grid.</summary>
    public bool EisfC3EqualsC5 => EisfC3C5MaxAbsDifference < EisfIdentityTolerance;

    /// <summary>EISF values are in [0, 1]; curves closer than this everywhere are the same curve to plotting precision.</summary>
    public const double EisfIdentityTolerance = 1e-9;
}

/// <summary>
/// The transport section of <c>borolyte demo</c> (issue 3 §5): a synthetic temperature series of Na4(B12H12)(B10H10)-like
/// pellet spectra generated from the knowledge base's σ(25 °C) and a published activation energy, with seeded noise,
/// fitted end to end with <see cref="TemperatureSeries"/> (equivalent circuit per spectrum → σ(T) → Arrhenius fit); the
/// recovered Eₐ is shown next to the true one. Plus an NMR BPP example (two Larmor frequencies, fitted jointly).
/// </summary>
public static class TransportSection
{
    public const string Formula = "Na4(B12H12)(B10H10)";

    /// <summary>
    /// Apparent Eₐ of Na2(B12H12)0.5(B10H10)0.5 above −50 °C: 0.6 eV (L. Duchêne et al., Chem. Mater. 31 (2019) 3449, the
    /// review's ref. 72; review §2.1 quotes "≥ 0.60 eV" for such mixed closo-borates at low temperature).
    /// </summary>
    public const double PublishedActivationEnergyEv = 0.60;
    public const string ActivationEnergySource = "Duchêne et al., Chem. Mater. 31 (2019) 3449 (review ref. 72): apparent Eₐ 0.6 eV above −50 °C";

    /// <summary>Seed 004 (Abstract): "1 mS cm-1 at 25 °C"; used when the knowledge base holds no σ(25 °C) point.</summary>
    public const double FallbackSigma25CSPerCm = 1e-3;

    // Pellet and measurement of the synthetic series (a typical cold-pressed pellet and impedance analyser).
    public const double AreaCm2 = 0.5, ThicknessMm = 1.0;
    public const string Circuit = "p(R1,CPE1)-CPE2";
    private const double BulkPermittivity = 10;          // ε_r of the bulk (gives C ≈ 4 pF, the bulk range of Irvine et al. 1990)
    private const double BulkCpeExponent = 0.95, ElectrodeQ = 5e-6, ElectrodeExponent = 0.85; // electrode: ~10 µF/cm² double layer on 0.5 cm²
    private const double RelativeNoise = 0.005;          // 0.5 % of |Z|, Gaussian, on Z' and Z''
    private static readonly double[] TemperaturesC = [-50, -40, -30, -20, -10, 0, 10, 20, 30, 40];
    /// <summary>Q grid of the EISF figure, 0–3 Å⁻¹.</summary>
    private static readonly double[] EisfQGridInverseAngstrom = Enumerable.Range(0, 61).Select(i => 0.05 * i).ToArray();

    public static TransportDemoResult AddTo(HtmlReport report, KnowledgeBase kb, int seed = 2026)
    {
        var (sigma25, source) = RoomTemperatureConductivity(kb);
        var truth = ArrheniusConductivity.FromConventional(sigma25, 25, PublishedActivationEnergyEv);
        var spectra = SyntheticSeries(truth, seed);
        var (points, fit) = TemperatureSeries.Fit(spectra, Circuit, AreaCm2, ThicknessMm, model: ConductivityModelKind.Arrhenius);
        var nmr = NmrExample(seed, out double nmrEa);
        var b12 = ClosoAnion.B12H12();
        double c3c5 = EisfQGridInverseAngstrom.Max(q => Math.Abs(Eisf.Evaluate(b12, EisfModelKind.C3, q * 1e10) - Eisf.Evaluate(b12, EisfModelKind.C5, q * 1e10)));
        var result = new TransportDemoResult(PublishedActivationEnergyEv, sigma25, source, points, fit!, nmr, nmrEa, c3c5);
        Render(report, result);
        return result;
    }

    private static (double Sigma, string Source) RoomTemperatureConductivity(KnowledgeBase kb)
    {
        var point = kb.ConductivitySeries(Formula).Where(p => Math.Abs(p.TemperatureC - 25) < 0.5 && p.Qualifier is null or "=").FirstOrDefault();
        return point is null ? (FallbackSigma25CSPerCm, "seed 004, Abstract (1 mS/cm at 25 °C)") : (point.ConductivitySPerCm, $"knowledge base: {point.Source}");
    }

    /// <summary>Spectra of p(R_b, CPE_b)–CPE_el with R_b = L/(σA), C_b = ε₀ε_r A/L, from 10 MHz to 1 Hz (10 per decade), seeded noise.</summary>
    public static IReadOnlyList<Spectrum> SyntheticSeries(ArrheniusConductivity truth, int seed)
    {
        var rng = new Random(seed);
        double geometry = ThicknessMm / 10 / AreaCm2; // L/A in 1/cm
        double bulkC = 8.8541878128e-14 * BulkPermittivity / geometry; // parallel plates C = ε₀ε_r·A/L, ε₀ in F/cm (CODATA 2018)
        var freqs = Enumerable.Range(0, 71).Select(i => 1e7 * Math.Pow(10, -i / 10.0)).ToArray();
        var list = new List<Spectrum>();
        foreach (double tc in TemperaturesC)
        {
            double t = tc + PhysicalConstants.ZeroCelsiusK;
            double r = geometry / truth.ConductivitySPerCm(t);
            // CPE with the bulk capacitance at the arc apex: Q = C^n·R^(1−n) (Brug's relation inverted).
            double q = Math.Pow(bulkC, BulkCpeExponent) * Math.Pow(r, 1 - BulkCpeExponent);
            var z = freqs.Select(f =>
            {
                var jw = new Complex(0, 2 * Math.PI * f);
                var zb = r / (1 + r * q * Complex.Pow(jw, BulkCpeExponent));
                var ze = 1 / (ElectrodeQ * Complex.Pow(jw, ElectrodeExponent));
                var zt = zb + ze;
                return zt + zt.Magnitude * RelativeNoise * new Complex(Gaussian(rng), Gaussian(rng));
            }).ToList();
            list.Add(new Spectrum(freqs, z, new SpectrumMetadata(SourcePath: $"synthetic {tc:0} °C", Format: "synthetic", TemperatureK: t)));
        }
        return list;
    }

    private static double Gaussian(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    /// <summary>¹H R₁ of a [B12H12]²⁻-like reorientation (Eₐ 0.40 eV, τ₀ 1e-14 s) at 400 and 100 MHz, 3 % noise, fitted jointly.</summary>
    private static BppFit NmrExample(int seed, out double ea)
    {
        ea = 0.40;
        const double c = 4e10, tau0 = 1e-14;
        var rng = new Random(seed + 1);
        var points = new List<RelaxationMeasurement>();
        foreach (double nu in new[] { 400e6, 100e6 })
            for (double t = 280; t <= 580; t += 15)
            {
                double tau = BppRelaxation.CorrelationTime(tau0, ea, t);
                points.Add(new RelaxationMeasurement(t, nu, BppRelaxation.Rate(c, BppRelaxation.AngularFrequency(nu), tau) * Math.Exp(0.03 * Gaussian(rng))));
            }
        return BppFitter.Fit(points);
    }

    private static void Render(HtmlReport report, TransportDemoResult r)
    {
        var seg = r.Conductivity.Segments[0];
        report.AddHeading("Ion transport");
        report.AddParagraph($"A synthetic temperature series of {Formula} pellet spectra ({AreaCm2} cm², {ThicknessMm} mm; {Circuit}: bulk arc and blocking " +
                            $"electrodes; 0.5 % noise) generated from σ(25 °C) = {Sci(r.TrueSigma25CSPerCm)} S/cm ({r.Sigma25CSource}) and Eₐ = " +
                            $"{r.TrueActivationEnergyEv:0.00} eV ({ActivationEnergySource}). Every spectrum is fitted with an automatic initial guess " +
                            "(warm-started from its colder neighbour), σ = L/(R·A) with its uncertainty, and σ(T) is fitted with the Arrhenius law (review §2.1).");
        report.AddKeyValues([
            ("true Eₐ", $"{r.TrueActivationEnergyEv:0.000} eV"),
            ("recovered Eₐ", $"{seg.ActivationEnergyEv:0.0000} ± {seg.ActivationEnergyStdErrEv:G2} eV"),
            ("true σ(25 °C)", $"{Sci(r.TrueSigma25CSPerCm)} S/cm"),
            ("recovered σ(25 °C)", $"{Sci(r.Conductivity.Sigma25CSPerCm)} S/cm (95 %: {Sci(r.Conductivity.Sigma25CLowerSPerCm)}–{Sci(r.Conductivity.Sigma25CUpperSPerCm)})"),
        ]);

        // −50, −30 and −10 °C: the bulk arc lies (partly) inside the 10 MHz window.
        foreach (int i in new[] { 0, 2, 4 })
        {
            var p = r.Series[i];
            var fig = new PlotlyFigure($"Nyquist plot at {p.TemperatureK - PhysicalConstants.ZeroCelsiusK:0} °C", "Z' (Ω)", "−Z'' (Ω)")
            {
                Caption = $"R1 = {Sci(p.Fit.Parameter("R1").Value)} ± {Sci(p.Fit.Parameter("R1").StdErr)} Ω → σ = {Sci(p.Conductivity.ConductivitySPerCm)} S/cm",
            };
            fig.AddTrace(new PlotlyTrace("synthetic data", p.Spectrum.ImpedanceOhm.Select(z => z.Real).ToList(), p.Spectrum.ImpedanceOhm.Select(z => -z.Imaginary).ToList()) { Mode = "markers" });
            var model = p.Fit.Predict(p.Spectrum.FrequenciesHz);
            fig.AddTrace(new PlotlyTrace($"fit {Circuit}", model.Select(z => z.Real).ToList(), model.Select(z => -z.Imaginary).ToList()) { Mode = "lines" });
            report.AddFigure(fig);
        }

        var arrhenius = new PlotlyFigure("Arrhenius plot", "1000/T (1/K)", "σ (S/cm)") { YLog = true };
        arrhenius.AddTrace(new PlotlyTrace("fitted spectra", r.Series.Select(p => 1000 / p.TemperatureK).ToList(), r.Series.Select(p => p.Conductivity.ConductivitySPerCm).ToList())
        {
            Mode = "markers", YErrors = r.Series.Select(p => p.Conductivity.StdErrSPerCm).ToList(),
        });
        var grid = Enumerable.Range(0, 41).Select(i => 215 + 2.5 * i).ToList();
        var truth = ArrheniusConductivity.FromConventional(r.TrueSigma25CSPerCm, 25, r.TrueActivationEnergyEv);
        arrhenius.AddTrace(new PlotlyTrace($"true ({r.TrueActivationEnergyEv:0.00} eV)", grid.Select(t => 1000 / t).ToList(), grid.Select(truth.ConductivitySPerCm).ToList()) { Mode = "lines", Dash = "dash" });
        arrhenius.AddTrace(new PlotlyTrace($"Arrhenius fit ({seg.ActivationEnergyEv:0.0000} ± {seg.ActivationEnergyStdErrEv:G2} eV)", grid.Select(t => 1000 / t).ToList(),
            grid.Select(r.Conductivity.ConductivitySPerCm).ToList()) { Mode = "lines" });
        report.AddFigure(arrhenius);

        report.AddTable(new ReportTable("Fitted spectra", ["T (°C)", "R1 (Ω)", "σ fitted (S/cm)", "± (S/cm)", "σ true (S/cm)", "reduced χ²"],
            r.Series.Select(p => (IReadOnlyList<string>)[
                Num(p.TemperatureK - PhysicalConstants.ZeroCelsiusK, "0"), Sci(p.Conductivity.ResistanceOhm), Sci(p.Conductivity.ConductivitySPerCm),
                Sci(p.Conductivity.StdErrSPerCm), Sci(truth.ConductivitySPerCm(p.TemperatureK)), Sci(p.Fit.ReducedChiSquare)]).ToList()));

        var nmr = r.Nmr.Primary;
        var (peak, peakErr) = r.Nmr.PrimaryPeak();
        report.AddHeading("NMR spin–lattice relaxation (BPP)", 3);
        report.AddParagraph($"Synthetic ¹H R₁ of a reorienting anion (Eₐ = {r.NmrTrueActivationEnergyEv:0.00} eV, τ₀ = 1e-14 s, 3 % noise) at 400 and 100 MHz, fitted jointly " +
                            $"with the BPP model: Eₐ = {nmr.ActivationEnergyEv:0.000} ± {nmr.ActivationEnergyStdErrEv:0.000} eV, τ₀ = {Sci(nmr.Tau0S)} s, " +
                            $"R₁ maximum at 400 MHz (ωτ = 0.616) at {peak:0.0} ± {peakErr:0.0} K. Slow-motion flank R₁ ∝ ω⁻²τ⁻¹, fast-motion flank R₁ ∝ τ (review §2.1).");
        var nmrFig = RelaxationFigure.Build(r.Nmr, "¹H spin–lattice relaxation");
        report.AddFigure(nmrFig);

        report.AddHeading("QENS: elastic incoherent structure factor", 3);
        var b12 = ClosoAnion.B12H12();
        report.AddParagraph($"Powder-averaged EISF of H on [B12H12]2− ({b12.GeometrySource}) for the reorientation models of review §2.1: uniaxial jumps " +
                            $"(C3 and C5 give {(r.EisfC3EqualsC5 ? "identical curves" : "different curves")} for the icosahedron: largest difference {r.EisfC3C5MaxAbsDifference.ToString("G2", CultureInfo.InvariantCulture)} on the plotted Q grid), multiaxial jumps over all 60 orientations, and isotropic rotational diffusion. " +
                            "A measured EISF is assigned with `borolyte qens fit`.");
        var eisfFig = new PlotlyFigure("[B12H12]2− EISF models", "Q (1/Å)", "EISF");
        var qs = EisfQGridInverseAngstrom;
        foreach (var kind in new[] { EisfModelKind.C2, EisfModelKind.C5, EisfModelKind.Multiaxial, EisfModelKind.Isotropic })
            eisfFig.AddTrace(new PlotlyTrace(kind == EisfModelKind.C5 ? "c5 = c3" : Eisf.Name(kind), qs, qs.Select(q => Eisf.Evaluate(b12, kind, q * 1e10)).ToList()) { Mode = "lines" });
        report.AddFigure(eisfFig);
    }

    private static string Num(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);
    private static string Sci(double v) => v.ToString("0.###E+0", CultureInfo.InvariantCulture);
}
