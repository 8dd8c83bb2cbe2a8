using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;

namespace Borolyte.Cli;

/// <summary>Shared output conventions: `--json` prints one JSON document and nothing else on stdout.</summary>
public static class CliOutput
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A fresh `--json` option (an option instance belongs to one command).</summary>
    public static Option<bool> JsonOption() => new("--json") { Description = "Print one JSON document on stdout and nothing else" };

    /// <summary>A fresh `--out FILE` option.</summary>
    public static Option<FileInfo?> OutOption(string description) => new("--out") { Description = description };

    /// <summary>Table width when stdout is not a terminal.</summary>
    public const int RedirectedWidth = 160;

    public static TextWriter Stdout(ParseResult parse) => parse.InvocationConfiguration.Output;

    public static void WriteJson(ParseResult parse, object document)
    {
        var writer = Stdout(parse);
        writer.WriteLine(JsonSerializer.Serialize(document, document.GetType(), JsonOptions));
        writer.Flush();
    }

    /// <summary>A Spectre console that writes to this invocation's stdout (so tests can capture it).</summary>
    public static IAnsiConsole Console(ParseResult parse)
    {
        var writer = Stdout(parse);
        if (ReferenceEquals(writer, System.Console.Out) && !System.Console.IsOutputRedirected)
            return AnsiConsole.Console;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        // Piped or captured output has no terminal width; tables of formulas and sources should not wrap at 80.
        console.Profile.Width = RedirectedWidth;
        return console;
    }
}
