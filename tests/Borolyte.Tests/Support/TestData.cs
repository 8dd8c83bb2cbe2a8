namespace Borolyte.Tests.Support;

/// <summary>Paths of the fixtures in tests/data (copied beside the test assembly as data/).</summary>
public static class TestData
{
    public static string Path(params string[] parts) =>
        System.IO.Path.Combine([AppContext.BaseDirectory, "data", .. parts]);
}
