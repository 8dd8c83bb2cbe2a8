using Borolyte.Reporting;

namespace Borolyte.Transport.Qens;

/// <summary>Measured EISF against Q with every model of the fit (immobile fraction applied), best first.</summary>
public static class EisfFigure
{
    public static PlotlyFigure Build(EisfFit fit)
    {
        var figure = new PlotlyFigure($"{fit.Anion.Name}: EISF", "Q (1/Å)", "EISF")
        {
            Caption = (fit.Verdict == EisfFit.NoModelFits
                    ? $"No model fits (χ² test, p < {EisfFitter.AcceptablePValue}); least bad by AIC: {Eisf.Name(fit.Best.Model)} ({fit.Best.Mechanism}). "
                    : $"Best: {Eisf.Name(fit.Best.Model)} ({fit.Best.Mechanism})" + (fit.Best.PValue is { } p ? $", χ²/ν = {fit.Best.ReducedChiSquare:0.00}, p = {p:0.###}. " : ". "))
                + fit.Anion.GeometrySource,
        };
        var pts = fit.Points;
        figure.AddTrace(new PlotlyTrace("measured", pts.Select(p => p.QPerM / 1e10).ToList(), pts.Select(p => p.Eisf).ToList())
        {
            Mode = "markers", YErrors = pts.All(p => p.StdErr is not null) ? pts.Select(p => p.StdErr!.Value).ToList() : null,
        });
        double qMax = pts.Max(p => p.QPerM) * 1.05;
        var grid = Enumerable.Range(0, 121).Select(i => qMax * i / 120).ToList();
        foreach (var m in fit.Models)
            figure.AddTrace(new PlotlyTrace($"{Eisf.Name(m.Model)} (AIC {m.Aic:0.#})", grid.Select(q => q / 1e10).ToList(),
                grid.Select(q => m.ImmobileFraction + (1 - m.ImmobileFraction) * Eisf.Evaluate(fit.Anion, m.Model, q)).ToList()) { Mode = "lines" });
        return figure;
    }
}
