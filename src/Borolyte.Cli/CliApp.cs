using System.CommandLine;
using Borolyte.Cli.Commands;

namespace Borolyte.Cli;

/// <summary>Builds the command tree and runs it with Borolyte's exit-code conventions.</summary>
public static class CliApp
{
    public const int ExitOk = 0;
    public const int ExitBadInput = 1;
    public const int ExitUsage = 2;

    public static readonly Option<bool> Verbose = new("--verbose")
    {
        Description = "Show stack traces on errors",
        Recursive = true,
    };

    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("Borolyte: a workbench for hydroborate solid electrolytes and the all-solid-state cells built with them.");
        root.Options.Add(Verbose);
        foreach (var command in CommandGroups.All())
            root.Subcommands.Add(command);
        return root;
    }

    public static int Run(string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        stdout ??= Console.Out;
        stderr ??= Console.Error;
        var root = BuildRoot();
        var parse = root.Parse(args);
        bool verbose = args.Contains("--verbose");
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
                stderr.WriteLine($"error: {error.Message}");
            stderr.WriteLine("Run with --help for usage.");
            return ExitUsage;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration
            {
                EnableDefaultExceptionHandler = false,
                Output = stdout,
                Error = stderr,
            });
        }
        catch (Exception ex) when (Unwrap(ex) is UsageException usage)
        {
            stderr.WriteLine($"error: {OneLine(usage.Message)}");
            if (verbose) stderr.WriteLine(usage);
            return ExitUsage;
        }
        catch (Exception ex) when (Unwrap(ex) is InvalidInputException or IOException or UnauthorizedAccessException)
        {
            var inner = Unwrap(ex);
            stderr.WriteLine($"error: {OneLine(inner.Message)}");
            if (verbose) stderr.WriteLine(inner);
            return ExitBadInput;
        }
        catch (Exception ex)
        {
            var inner = Unwrap(ex);
            stderr.WriteLine($"internal error: {OneLine(inner.Message)} (run with --verbose for details)");
            if (verbose) stderr.WriteLine(inner);
            return ExitBadInput;
        }
    }

    private static Exception Unwrap(Exception ex) =>
        ex is System.Reflection.TargetInvocationException or AggregateException && ex.InnerException is not null
            ? Unwrap(ex.InnerException)
            : ex;

    private static string OneLine(string message) =>
        message.ReplaceLineEndings(" ").Trim();
}

/// <summary>A command line that parses but makes no sense (e.g. two mutually exclusive options). Exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
