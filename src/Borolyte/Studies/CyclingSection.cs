using Borolyte.Cycling;
using Borolyte.Cycling.Analysis;
using Borolyte.Cycling.Readers;
using Borolyte.Reporting;

namespace Borolyte.Studies;

/// <summary>
/// The cycling section of <c>borolyte demo</c>: a real cycler file read, summarised and plotted (voltage profiles,
/// capacity and Coulombic efficiency per cycle, dQ/dV). The caller passes the file (e.g. tests/data/cycling/neware_uio.csv).
/// </summary>
public static class CyclingSection
{
    public static void AddTo(HtmlReport report, string cyclerFile)
    {
        var run = CyclingFileReader.Read(cyclerFile);
        var summary = CycleSummarizer.Summarize(run);
        report.AddHeading("Cycling data");
        report.AddParagraph($"{Path.GetFileName(cyclerFile)} read as {run.Format}: {run.Count} points, {summary.Cycles.Count} cycles. " +
            "Positive current = charge. " + string.Join(" ", summary.Notes.Select(n => n.TrimEnd('.') + ".")));
        CyclingReport.AddTo(report, run, summary);
    }
}
