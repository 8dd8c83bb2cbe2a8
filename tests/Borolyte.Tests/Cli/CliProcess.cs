using System.Diagnostics;

namespace Borolyte.Tests.Cli;

/// <summary>
/// Runs the built CLI as a real process (`dotnet Borolyte.Cli.dll args...`) and captures its output. XDG_DATA_HOME always
/// points at a temporary folder, so no test can touch the user's real knowledge base even if it forgets --db.
/// </summary>
public static class CliProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    /// <summary>Borolyte.Cli.dll next to the tests (the test project references the CLI project).</summary>
    public static string CliDll
    {
        get
        {
            var local = Path.Combine(AppContext.BaseDirectory, "Borolyte.Cli.dll");
            if (File.Exists(local)) return local;
            throw new FileNotFoundException($"Borolyte.Cli.dll not found in {AppContext.BaseDirectory}");
        }
    }

    /// <summary>Runs with a fresh, afterwards deleted, XDG_DATA_HOME.</summary>
    public static Result Run(params string[] args)
    {
        string xdg = Directory.CreateTempSubdirectory("borolyte-xdg").FullName;
        try { return RunIn(xdg, args); }
        finally { Directory.Delete(xdg, recursive: true); }
    }

    /// <summary>Runs with XDG_DATA_HOME set to <paramref name="xdgDataHome"/> (the default database lives there).</summary>
    public static Result RunIn(string xdgDataHome, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardErrorEncoding = System.Text.Encoding.UTF8,
        };
        start.ArgumentList.Add(CliDll);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["NO_COLOR"] = "1";
        start.Environment["XDG_DATA_HOME"] = xdgDataHome;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"borolyte {string.Join(' ', args)} did not finish in 120 s");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
