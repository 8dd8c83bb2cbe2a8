using Borolyte.Chemistry;
using Borolyte.Reporting;
using Borolyte.Thermo;

namespace Borolyte.Tests.Thermo;

/// <summary>The window-profile and interface-reaction figures: what is drawn follows from the computed window / kinks.</summary>
public class StabilityFigureTests
{
    private static PlotlyTrace Trace(PlotlyFigure f, string nameStart) => Assert.Single(f.Traces, t => t.Name.StartsWith(nameStart, StringComparison.Ordinal));

    [Fact]
    public void ProfileIsAStepPlotOfTheHandCheckedLiH2Window()
    {
        // LiH2 vs Li (GrandPotentialDiagramTests.BinaryWindowsByHand): +1 Li below 1.05 V (→ LiH), 0 up to 1.35 V, −1 above (→ H2)
        var w = GrandPotentialDiagram.Window(ThermoFixtures.LiH(), Formula.Parse("LiH2"), "Li");
        var f = WindowProfileFigure.Build([new LabelledWindow("all entries", w)]);
        Assert.Equal(1.35 + WindowProfileFigure.MarginV, WindowProfileFigure.DisplayEndV([w]), 9);
        var step = Trace(f, "Li uptake");
        double[] xs = [0, 1.05, 1.05, 1.35, 1.35, 2.35], ys = [1, 1, 0, 0, -1, -1];
        for (int i = 0; i < xs.Length; i++)
        {
            Assert.Equal(xs[i], step.X[i], 9);
            Assert.Equal(ys[i], step.Y[i], 9);
        }
        Assert.Equal(6, step.X.Count);
        Assert.Contains("→ LiH", step.HoverTexts![0]);
        Assert.Contains("→ LiH2", step.HoverTexts![2]);
        Assert.Contains("→ H2", step.HoverTexts![5]);
        Assert.Contains("1.35–20 V", step.HoverTexts![5]); // the clipped last range still says where it ends
        var reduction = Trace(f, "reduction limit 1.05 V");
        Assert.All(reduction.X, x => Assert.Equal(1.05, x, 9));
        Assert.True(reduction.Y[0] < -1 && reduction.Y[1] > 1);    // spans the steps
        Assert.Contains("LiH", reduction.HoverTexts![0]);
        var oxidation = Trace(f, "oxidation limit 1.35 V");
        Assert.All(oxidation.X, x => Assert.Equal(1.35, x, 9));
        Assert.Equal("H2", Assert.Single(w.OxidationProducts).Entry.Composition.ReducedFormulaByElectronegativity);
        Assert.Contains("oxidised above 1.35 V → H2", oxidation.HoverTexts![0]);
    }

    [Fact]
    public void TwoProfilesShareTheAxesEachWithItsLimits()
    {
        var entries = ThermoFixtures.LiH();
        // LiH: oxidised to LiH2 at 1.05 V with all entries, to H2 at 1.2 V without LiH2 (GrandPotentialDiagramTests.ExcludeAndStabilize)
        var all = GrandPotentialDiagram.Window(entries, Formula.Parse("LiH"), "Li");
        var without = GrandPotentialDiagram.Window(entries, Formula.Parse("LiH"), "Li", new WindowOptions(Exclude: ["LiH2"]));
        var f = WindowProfileFigure.Build([new("without LiH2", without), new("all entries", all)]);
        // the last breakpoint of either profile (LiH2 → H2 at 1.35 V with all entries) plus the margin
        Assert.Equal(1.35 + WindowProfileFigure.MarginV, WindowProfileFigure.DisplayEndV([without, all]), 9);
        Assert.Equal(1.2, Trace(f, "without LiH2: oxidation limit").X[0], 9);
        Assert.Equal(1.05, Trace(f, "all entries: oxidation limit").X[0], 9);
        // stable against Li: the reduction limit is drawn at 0 V and says so
        Assert.Contains("stable against Li metal", Trace(f, "all entries: reduction limit 0 V").HoverTexts![0]);
        Assert.Equal(2, f.Traces.Count(t => t.Name.StartsWith("Li uptake", StringComparison.Ordinal)));
        var na = GrandPotentialDiagram.Window(BuiltinEntries.Load("na-b-h"), Formula.Parse("NaBH4"), "Na");
        Assert.Throws<ArgumentException>(() => WindowProfileFigure.Build([new("Li", all), new("Na", na)]));
    }

    [Fact]
    public void CompoundStableOverTheWholeSearchRangeShowsItAllAndNoOxidationLine()
    {
        // LiH at −12.5 eV/atom: LiH → Li + ½ H2 costs 25 eV per Li, beyond the 20 V search range — no breakpoint at all
        var entries = new List<ThermoEntry>
        {
            new("Li", Formula.Parse("Li").Composition, 0), new("H2", Formula.Parse("H2").Composition, 0), new("LiH", Formula.Parse("LiH").Composition, -25),
        };
        var w = GrandPotentialDiagram.Window(entries, Formula.Parse("LiH"), "Li");
        Assert.Single(w.Profile);
        var f = WindowProfileFigure.Build([new("all entries", w)]);
        Assert.Equal(GrandPotentialDiagram.SearchLimitV, WindowProfileFigure.DisplayEndV([w]));
        Assert.Equal([0, GrandPotentialDiagram.SearchLimitV], Trace(f, "Li uptake").X);
        Assert.DoesNotContain(f.Traces, t => t.Name.Contains("oxidation limit"));
    }

    [Fact]
    public void InterfaceFigureDrawsTheKinksAndMarksTheMinimum()
    {
        var entries = BuiltinEntries.Load("na-cr-o-b-h");
        var open = InterfaceReactivity.Compute(entries, Formula.Parse("NaBH4"), Formula.Parse("NaCrO2"), "Na", 3.0);
        var f = InterfaceReactionFigure.Build([new LabelledReactivity("open to Na at 3 V", open)]);
        var curve = Assert.Single(f.Traces, t => t.Name == "open to Na at 3 V");
        Assert.Equal(open.Kinks.Select(k => k.MixingRatio), curve.X);
        Assert.Equal(open.Kinks.Select(k => k.ReactionEnergyEvPerAtom), curve.Y);
        Assert.Equal(0, curve.X[0]);
        Assert.Equal(1, curve.X[^1], 12);
        for (int i = 0; i < open.Kinks.Count; i++)
            Assert.EndsWith("→ " + DecompositionPhase.Describe(open.Kinks[i].Products), curve.HoverTexts![i]);
        var min = Trace(f, "open to Na at 3 V: most negative");
        Assert.Equal(open.Kinks.Min(k => k.ReactionEnergyEvPerAtom), Assert.Single(min.Y));
        Assert.True(min.Y[0] < -0.1);                         // the docs' −0.40 eV/atom → Cr2O3 + BHO2 + H2
        Assert.Contains("Cr2O3", min.Name);
    }
}
