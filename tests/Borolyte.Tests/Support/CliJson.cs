using System.Text.Json;
using Borolyte.Tests.Cli;

namespace Borolyte.Tests.Support;

/// <summary>
/// Assertions for `--json` runs of the CLI: the run succeeded, stdout is one JSON document, and a contract's keys come
/// first, exactly and in order (extra keys after them are allowed, as the issues' contracts say).
/// </summary>
public static class CliJson
{
    /// <summary>
    /// Asserts exit code 0 (the failure shows stderr), parses stdout as one JSON document and asserts that the root
    /// object's first keys are <paramref name="contractKeys"/> in that order. Returns the root, independent of any
    /// <see cref="JsonDocument"/> (nothing to dispose). With no keys only the exit code and the JSON are checked.
    /// </summary>
    public static JsonElement AssertContract(CliProcess.Result result, params string[] contractKeys)
    {
        Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode}, expected 0; stderr:\n{result.Stderr}");
        JsonElement root;
        try
        {
            using var doc = JsonDocument.Parse(result.Stdout);
            root = doc.RootElement.Clone();
        }
        catch (JsonException e)
        {
            Assert.Fail($"stdout is not one JSON document ({e.Message}); stdout:\n{result.Stdout}\nstderr:\n{result.Stderr}");
            throw;
        }
        AssertKeysFirst(root, contractKeys);
        return root;
    }

    /// <summary>Asserts that the object's first keys are <paramref name="keys"/>, in that order; more may follow.</summary>
    public static void AssertKeysFirst(JsonElement element, params string[] keys)
    {
        if (keys.Length == 0) return;
        Assert.Equal(JsonValueKind.Object, element.ValueKind);
        Assert.Equal(keys, Keys(element).Take(keys.Length));
    }

    /// <summary>Asserts that the object's keys are exactly <paramref name="keys"/>, in that order, and no others.</summary>
    public static void AssertKeysExactly(JsonElement element, params string[] keys)
    {
        Assert.Equal(JsonValueKind.Object, element.ValueKind);
        Assert.Equal(keys, Keys(element));
    }

    /// <summary>The object's keys in document order.</summary>
    public static string[] Keys(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();
}
