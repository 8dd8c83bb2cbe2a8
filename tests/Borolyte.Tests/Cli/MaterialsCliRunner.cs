using System.Diagnostics;

namespace Borolyte.Tests.Cli;

/// <summary>Runs the built CLI (`dotnet Borolyte.Cli.dll ...`) as a real process, with XDG_DATA_HOME pointed at a temp folder.</summary>
public static class MaterialsCliRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result Run(string xdgDataHome, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Borolyte.Cli.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["XDG_DATA_HOME"] = xdgDataHome; // never the user's real database, even if a test forgets --db
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("borolyte " + string.Join(" ", args) + " did not finish in 120 s");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
