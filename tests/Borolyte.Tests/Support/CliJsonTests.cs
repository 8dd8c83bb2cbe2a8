using Borolyte.Tests.Cli;
using Xunit.Sdk;

namespace Borolyte.Tests.Support;

/// <summary>The CLI JSON assertions must fail on exactly what they claim to check (no process is started here).</summary>
public class CliJsonTests
{
    private static CliProcess.Result Ok(string stdout) => new(0, stdout, "");

    [Fact]
    public void Contract_keys_first_in_order_extra_keys_after_and_the_root_outlives_the_document()
    {
        var root = CliJson.AssertContract(Ok("""{"a": 1, "b": {"x": 2, "y": 3}, "extra": true}"""), "a", "b");
        Assert.Equal(2, root.GetProperty("b").GetProperty("x").GetInt32());
        CliJson.AssertKeysExactly(root.GetProperty("b"), "x", "y");
        CliJson.AssertKeysFirst(root.GetProperty("b"), "x");
        Assert.Equal(["a", "b", "extra"], CliJson.Keys(root));
        Assert.Equal(3, CliJson.AssertContract(Ok("[1, 2, 3]")).GetArrayLength());
    }

    [Fact]
    public void Nonzero_exit_fails_and_shows_stderr()
    {
        var e = Assert.ThrowsAny<XunitException>(() => CliJson.AssertContract(new CliProcess.Result(1, "", "error: data.csv line 3: oops"), "a"));
        Assert.Contains("exit code 1", e.Message);
        Assert.Contains("data.csv line 3: oops", e.Message);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"a\": 1}\n{\"a\": 2}")]   // two documents
    [InlineData("")]
    public void Stdout_that_is_not_one_json_document_fails(string stdout)
    {
        var e = Assert.ThrowsAny<XunitException>(() => CliJson.AssertContract(Ok(stdout)));
        Assert.Contains("not one JSON document", e.Message);
    }

    [Theory]
    [InlineData("""{"b": 1, "a": 2}""")]        // wrong order
    [InlineData("""{"a": 1, "x": 0, "b": 2}""")] // a key between the contract's keys
    [InlineData("""{"a": 1}""")]                // a key missing
    [InlineData("""[1]""")]                     // not an object
    public void Wrong_missing_or_misplaced_contract_keys_fail(string stdout) =>
        Assert.ThrowsAny<XunitException>(() => CliJson.AssertContract(Ok(stdout), "a", "b"));

    [Fact]
    public void Exactly_rejects_extra_keys()
    {
        var root = CliJson.AssertContract(Ok("""{"a": 1, "b": 2, "c": 3}"""));
        Assert.ThrowsAny<XunitException>(() => CliJson.AssertKeysExactly(root, "a", "b"));
    }
}
