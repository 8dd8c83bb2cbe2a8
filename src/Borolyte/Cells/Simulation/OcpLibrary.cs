namespace Borolyte.Cells.Simulation;

/// <summary>
/// The tabulated open-circuit potentials shipped with Borolyte (data/cells/ocp/*.csv, embedded), each with its source in
/// the file's comment lines; data/cells/ocp/README.md says which are approximate. <see cref="Load"/> also reads a user CSV.
/// </summary>
public static class OcpLibrary
{
    /// <summary>Names of the embedded curves.</summary>
    public static IReadOnlyList<string> Names { get; } = ["nacro2", "sn", "na-metal", "li-metal", "na-sn-counter", "tis2", "li4ti5o12", "nvopf"];

    private static readonly Dictionary<string, OcpCurve> Cache = new(StringComparer.OrdinalIgnoreCase);

    public static OcpCurve Get(string name)
    {
        lock (Cache)
        {
            if (Cache.TryGetValue(name, out var c)) return c;
            if (!Names.Contains(name, StringComparer.OrdinalIgnoreCase))
                throw new InvalidInputException($"unknown OCP curve '{name}'; known: {string.Join(", ", Names)} (or a CSV file path)");
            string resource = $"Borolyte.data.cells.ocp.{name.ToLowerInvariant()}.csv";
            using var stream = typeof(OcpLibrary).Assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"embedded resource {resource} is missing");
            using var reader = new StreamReader(stream);
            var curve = OcpCurve.Parse(reader.ReadToEnd(), $"data/cells/ocp/{name}.csv", name.ToLowerInvariant());
            Cache[name] = curve;
            return curve;
        }
    }

    /// <summary>An embedded curve by name, or a user CSV by path (same format).</summary>
    public static OcpCurve Load(string nameOrPath)
    {
        if (Names.Contains(nameOrPath, StringComparer.OrdinalIgnoreCase)) return Get(nameOrPath);
        if (!File.Exists(nameOrPath)) throw new InvalidInputException($"OCP curve '{nameOrPath}' is neither a built-in name ({string.Join(", ", Names)}) nor an existing file");
        return OcpCurve.Parse(File.ReadAllText(nameOrPath), nameOrPath);
    }
}
