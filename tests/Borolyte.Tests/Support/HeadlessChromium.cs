using System.Diagnostics;

namespace Borolyte.Tests.Support;

/// <summary>
/// Renders a local HTML file in Debian's real headless Chromium and returns the DOM after scripts ran.
/// `./run-tests` installs Chromium (scripts/setup --with-chromium); set CHROMIUM to use another binary.
/// </summary>
public static class HeadlessChromium
{
    public static string Executable =>
        Environment.GetEnvironmentVariable("CHROMIUM") is { Length: > 0 } custom ? custom
        : new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists)
          ?? throw new InvalidOperationException("Chromium not found: run 'scripts/setup --with-chromium' (or set CHROMIUM)");

    public static string DumpDom(string htmlPath, int virtualTimeBudgetMs = 10000)
    {
        string profile = Directory.CreateTempSubdirectory("borolyte-chromium").FullName;
        try
        {
            var start = new ProcessStartInfo(Executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                $"--user-data-dir={profile}", $"--virtual-time-budget={virtualTimeBudgetMs}", "--dump-dom",
                new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri,
            })
                start.ArgumentList.Add(arg);
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            string dom = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(60_000))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"chromium did not finish rendering {htmlPath} within 60 s");
            }
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"chromium exited with {process.ExitCode}: {stderr.Result}");
            return dom;
        }
        finally
        {
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { }
        }
    }
}
