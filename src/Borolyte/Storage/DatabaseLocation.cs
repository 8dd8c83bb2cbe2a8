namespace Borolyte.Storage;

/// <summary>Where the knowledge base lives by default (XDG Base Directory specification).</summary>
public static class DatabaseLocation
{
    /// <summary>`$XDG_DATA_HOME/borolyte/borolyte.db`, or `~/.local/share/borolyte/borolyte.db` when XDG_DATA_HOME is unset or not absolute.</summary>
    public static string Default()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        var dataHome = !string.IsNullOrWhiteSpace(xdg) && Path.IsPathRooted(xdg)
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(dataHome, "borolyte", "borolyte.db");
    }
}
