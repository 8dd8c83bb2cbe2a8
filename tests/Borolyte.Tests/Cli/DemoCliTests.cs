using System.Text.Json;
using System.Text.RegularExpressions;
using Borolyte.Tests.Support;

namespace Borolyte.Tests.Cli;

/// <summary>`borolyte demo` as a user runs it: a real process, real files, the report opened in headless Chromium.</summary>
public class DemoCliTests
{
    [Fact]
    public void Demo_writes_report_and_summary_and_the_report_renders()
    {
        string dir = Directory.CreateTempSubdirectory("borolyte-demo").FullName;
        try
        {
            string outDir = Path.Combine(dir, "demo");
            var run = CliProcess.Run("demo", "--out-dir", outDir, "--json");
            Assert.True(run.ExitCode == 0, run.Stderr);

            string reportPath = Path.Combine(outDir, "index.html");
            string summaryPath = Path.Combine(outDir, "summary.json");
            Assert.True(File.Exists(reportPath));
            using var summary = JsonDocument.Parse(File.ReadAllText(summaryPath));
            using var printed = JsonDocument.Parse(run.Stdout);
            Assert.Equal(summary.RootElement.GetRawText(), printed.RootElement.GetRawText());

            var root = summary.RootElement;
            Assert.True(root.GetProperty("knowledgeBase").GetProperty("properties").GetInt32() > 100);
            var batch = root.GetProperty("recipes")[0].GetProperty("recipe");
            Assert.Equal("Na4(B12H12)(B10H10)", batch.GetProperty("target").GetString());
            Assert.Equal(1000.0, batch.GetProperty("targetMassMg").GetDouble(), 6);
            var dipping = root.GetProperty("recipes")[1].GetProperty("recipe").GetProperty("solution");
            Assert.Equal(100.0, dipping.GetProperty("concentrationMgPerMl").GetDouble(), 6);
            Assert.Equal(10.0, dipping.GetProperty("solventVolumeMl").GetDouble(), 6);
            var b12 = root.GetProperty("clusters").EnumerateArray().Single(c => c.GetProperty("formula").GetString() == "[B12H12]2-");
            Assert.Equal("closo", b12.GetProperty("class").GetString());

            var sections = root.GetProperty("sections").EnumerateArray().Select(e => e.GetString()).ToList();
            foreach (var expected in new[] { "Knowledge base", "Ionic conductivity", "Cell design", "Cycling data", "Stability" })
                Assert.Contains(expected, sections);

            // Every figure of the whole study is drawn by plotly.js in a real browser, not only the first.
            int figures = root.GetProperty("figures").GetInt32();
            Assert.True(figures >= 10, $"{figures} figures");
            string dom = HeadlessChromium.DumpDom(reportPath);
            for (int i = 1; i <= figures; i++)
            {
                var figure = Regex.Match(dom, $"<div class=\"plot[^\"]*\" id=\"fig{i}\"[^>]*>(.*?)</figure>", RegexOptions.Singleline);
                Assert.True(figure.Success, $"fig{i} missing");
                Assert.True(figure.Groups[1].Value.Contains("main-svg"), $"fig{i} was not drawn");
            }
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void Demo_into_an_unwritable_place_fails_with_one_line_and_exit_1()
    {
        string dir = Directory.CreateTempSubdirectory("borolyte-demo").FullName;
        try
        {
            string blocker = Path.Combine(dir, "file");
            File.WriteAllText(blocker, "not a folder");
            var run = CliProcess.Run("demo", "--out-dir", Path.Combine(blocker, "demo"));
            Assert.Equal(1, run.ExitCode);
            Assert.Single(run.Stderr.Trim().Split('\n'));
            Assert.DoesNotContain("   at ", run.Stderr);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
