using System.Globalization;
using Borolyte.Cells.Protocols;
using Borolyte.Cells.Simulation;
using Borolyte.Cycling;
using Borolyte.Cycling.Analysis;
using Borolyte.Cycling.Readers;
using Borolyte.Reporting;

namespace Borolyte.Studies;

/// <summary>A run of the cycling section as the summariser saw it: format, size and its first cycle (capacities in Ah; specific ones only with a known mass).</summary>
public sealed record CyclingRunHeadline(
    string Source, string Format, int Points, int Cycles, int IncompleteCycles, double FirstChargeCapacityAh, double FirstDischargeCapacityAh,
    double? FirstChargeSpecificCapacityMAhPerG, double? FirstDischargeSpecificCapacityMAhPerG, double? FirstCoulombicEfficiency, string CoulombicEfficiencyPairing)
{
    public static CyclingRunHeadline From(string source, CyclingRun run, CyclingSummary summary)
    {
        var first = summary.Cycles[0];
        return new CyclingRunHeadline(source, run.Format, run.Count, summary.Cycles.Count, summary.Cycles.Count(c => !c.Complete),
            first.ChargeCapacityAh, first.DischargeCapacityAh, first.ChargeSpecificCapacityMAhPerG, first.DischargeSpecificCapacityMAhPerG,
            first.CoulombicEfficiency, summary.Pairing == EfficiencyPairing.SameCycle ? "same-cycle" : "preceding"); // the words of `cycling summary --pairing`
    }
}

/// <summary>What the cycling section computed: the real file and the simulated seed cell through the same summary.</summary>
public sealed record CyclingDemoResult(CyclingRunHeadline File, CyclingRunHeadline Simulated);

/// <summary>
/// The cycling section of <c>borolyte demo</c> (issue 6 §5): a real cycler file read, summarised and plotted (voltage
/// profiles, capacity and Coulombic efficiency per cycle, dQ/dV), and beside it the simulated seed cell (preset
/// <see cref="SimulatedPreset"/>, <see cref="SimulatedCycles"/> cycles at 0.1C within the preset's window) put through the
/// very same analysis. The caller passes the file (e.g. data/demo/neware_uio.csv).
/// </summary>
public static class CyclingSection
{
    public const string SimulatedPreset = "nacro2-half";
    public const int SimulatedCycles = 3;
    public const double SimulatedCRate = 0.1;

    public static CyclingDemoResult AddTo(HtmlReport report, string cyclerFile)
    {
        var run = CyclingFileReader.Read(cyclerFile);
        var summary = CycleSummarizer.Summarize(run);
        report.AddHeading("Cycling data");
        report.AddParagraph($"{Path.GetFileName(cyclerFile)} read as {run.Format}: {run.Count} points, {summary.Cycles.Count} cycles. " +
            "Positive current = charge. " + string.Join(" ", summary.Notes.Select(n => n.TrimEnd('.') + ".")));
        CyclingReport.AddTo(report, run, summary);

        var (preset, protocol, simulated) = SimulateSeedCell();
        var simulatedSummary = CycleSummarizer.Summarize(simulated);
        report.AddHeading("Simulated seed cell, same analysis", 3);
        report.AddParagraph($"Simulated, not measured: the cell simulator's preset '{preset.Name}' ({preset.Description}) run in-process with " +
            $"\"{protocol}\" — {SimulatedCycles} cycles at {Num(SimulatedCRate)}C between {Num(preset.MinVoltageV)} and {Num(preset.MaxVoltageV)} V " +
            "(seed 004 §4.4 window) — and read, summarised and plotted by the same code as the file above. Transport and kinetic parameters of the " +
            "preset are assumed, see the cell-simulation section. " + string.Join(" ", simulatedSummary.Notes.Select(n => n.TrimEnd('.') + ".")));
        CyclingReport.AddTo(report, simulated, simulatedSummary, label: $"simulated {preset.Name}: ");
        return new CyclingDemoResult(CyclingRunHeadline.From(Path.GetFileName(cyclerFile), run, summary),
            CyclingRunHeadline.From($"simulated {preset.Name}", simulated, simulatedSummary));
    }

    /// <summary>
    /// The seed cell through the simulator's public API, as the cycling module's run model (the same columns the simulator's
    /// BDF CSV carries: time, voltage, current, steps, step kinds, electrode potentials; active mass and area of the preset).
    /// </summary>
    public static (CellPreset Preset, string Protocol, CyclingRun Run) SimulateSeedCell()
    {
        var preset = CellPresets.Get(SimulatedPreset);
        string c = Num(SimulatedCRate);
        string protocol = $"(Charge at {c}C until {Num(preset.MaxVoltageV)} V; Discharge at {c}C until {Num(preset.MinVoltageV)} V) x {SimulatedCycles}";
        var result = CellSimulation.Run(preset.Cell, Protocol.Parse(protocol));
        var cell = result.Cell;
        var run = result.Series.ToCyclingRun($"simulated {preset.Name}", cell.ActiveLoadingKgPerM2 * cell.AreaM2, cell.AreaM2);
        return (preset, protocol, run);
    }

    private static string Num(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
