using System.Globalization;
using System.Text;
using Borolyte.Formats.BioLogic;

namespace Borolyte.Bench;

/// <summary>
/// Large cycler files for the cycling benchmarks, generated (never committed) by repeating a real file's data rows:
/// the Neware CSV from tests/data/cycling/neware_uio.csv (DataPoint, Cycle Index and Cumulative Time shifted per copy
/// so the result is one valid, longer run; every other field verbatim), and an EC-Lab .mpt written from the records
/// of tests/data/cycling/biol.mpr (all its columns, tab-separated, numbers in EC-Lab's style, time and cycle number shifted per copy).
/// Folder: $BOROLYTE_CYCLING_BENCH_DIR or /tmp/borolyte-cycling-bench. bench/cycling/make_neware.py writes the same
/// Neware layout at any size (the 1 GB CLI run) and bench/cycling/pandas_read.py reads these files with pandas.
/// </summary>
public static class CyclingBenchFiles
{
    public static string Folder =>
        Environment.GetEnvironmentVariable("BOROLYTE_CYCLING_BENCH_DIR") is { Length: > 0 } d ? d : Path.Combine(Path.GetTempPath(), "borolyte-cycling-bench");

    public static string RepositoryFile(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Borolyte.sln"))) return Path.Combine([dir.FullName, .. parts]);
        throw new InvalidOperationException("Borolyte.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>A Neware record-level CSV of at least <paramref name="targetBytes"/>; reused when present.</summary>
    public static string Neware(long targetBytes)
    {
        string path = Path.Combine(Folder, $"neware_{targetBytes / 1_000_000}MB.csv");
        if (File.Exists(path)) return path;
        Directory.CreateDirectory(Folder);
        var lines = File.ReadAllLines(RepositoryFile("tests", "data", "cycling", "neware_uio.csv"));
        var rows = lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToArray();
        int maxCycle = rows.Max(r => int.Parse(r[1], CultureInfo.InvariantCulture));
        double lastTime = ParseDuration(rows[^1][5]) + 60;
        string temp = path + ".tmp";
        using (var writer = new StreamWriter(temp, false, new UTF8Encoding(false), 1 << 20))
        {
            writer.Write(lines[0]); writer.Write('\n');
            long written = 0;
            for (int copy = 0; written < targetBytes; copy++)
                foreach (var r in rows)
                {
                    var f = (string[])r.Clone();
                    f[0] = (long.Parse(f[0], CultureInfo.InvariantCulture) + (long)copy * rows.Length).ToString(CultureInfo.InvariantCulture);
                    f[1] = (int.Parse(f[1], CultureInfo.InvariantCulture) + copy * maxCycle).ToString(CultureInfo.InvariantCulture);
                    f[5] = FormatDuration(ParseDuration(f[5]) + copy * lastTime);
                    string line = string.Join(',', f);
                    writer.Write(line); writer.Write('\n');
                    written += line.Length + 1;
                }
        }
        File.Move(temp, path, true);
        return path;
    }

    /// <summary>
    /// A Neware regular export (cycle, step and record rows) of at least <paramref name="targetBytes"/>: the rows of
    /// tests/data/cycling/neware_regular_uio.csv (real records of neware_uio.csv in the documented layout) repeated with
    /// the cycle rows' Cycle Index shifted per copy; reused when present.
    /// </summary>
    public static string NewareRegular(long targetBytes)
    {
        string path = Path.Combine(Folder, $"neware_regular_{targetBytes / 1_000_000}MB.csv");
        if (File.Exists(path)) return path;
        Directory.CreateDirectory(Folder);
        var lines = File.ReadAllLines(RepositoryFile("tests", "data", "cycling", "neware_regular_uio.csv"));
        var body = lines.Skip(3).Where(l => l.Length > 0).ToArray();
        int maxCycle = body.Where(l => l[0] != ',').Max(l => int.Parse(l.Split(',')[0], CultureInfo.InvariantCulture));
        string temp = path + ".tmp";
        using (var writer = new StreamWriter(temp, false, new UTF8Encoding(false), 1 << 20))
        {
            foreach (var header in lines.Take(3)) { writer.Write(header); writer.Write('\n'); }
            long written = 0;
            for (int copy = 0; written < targetBytes; copy++)
                foreach (var l in body)
                {
                    string line = l;
                    if (l[0] != ',')
                    {
                        int comma = l.IndexOf(',');
                        line = (int.Parse(l[..comma], CultureInfo.InvariantCulture) + copy * maxCycle).ToString(CultureInfo.InvariantCulture) + l[comma..];
                    }
                    writer.Write(line); writer.Write('\n');
                    written += line.Length + 1;
                }
        }
        File.Move(temp, path, true);
        return path;
    }

    /// <summary>An EC-Lab .mpt of at least <paramref name="targetBytes"/> from biol.mpr's records; reused when present.</summary>
    public static string Mpt(long targetBytes)
    {
        string path = Path.Combine(Folder, $"biologic_{targetBytes / 1_000_000}MB.mpt");
        if (File.Exists(path)) return path;
        Directory.CreateDirectory(Folder);
        var mpr = MprFile.Read(RepositoryFile("tests", "data", "cycling", "biol.mpr"));
        var names = mpr.ColumnNames.ToArray();
        int time = Array.IndexOf(names, "time/s"), cycle = Array.IndexOf(names, "cycle number");
        double span = mpr.Column("time/s")[^1] + 1;
        double cycles = cycle >= 0 ? mpr.Column("cycle number").Max() + 1 : 0;
        string header = string.Join('\t', names) + "\t";
        string temp = path + ".tmp";
        using (var writer = new StreamWriter(temp, false, Encoding.Latin1, 1 << 20))
        {
            writer.Write("EC-Lab ASCII FILE\r\nNb header lines : 5\r\n\r\nGalvanostatic Cycling with Potential Limitation\r\n");
            writer.Write(header); writer.Write("\r\n");
            long written = 0;
            var sb = new StringBuilder();
            for (int copy = 0; written < targetBytes; copy++)
                for (int i = 0; i < mpr.RowCount; i++)
                {
                    sb.Clear();
                    for (int c = 0; c < names.Length; c++)
                    {
                        double v = mpr.Columns[c][i];
                        if (c == time) v += copy * span;
                        else if (c == cycle) v += copy * cycles;
                        // EC-Lab's style: unit-less flags and counters as integers, time/s with 16 significant digits, other quantities with 8.
                        string text = (!names[c].Contains('/') || names[c] == "ox/red") && v == Math.Floor(v) ? ((long)v).ToString(CultureInfo.InvariantCulture)
                            : v.ToString(c == time ? "E15" : "E7", CultureInfo.InvariantCulture);
                        sb.Append(text).Append('\t');
                    }
                    sb.Append("\r\n");
                    writer.Write(sb);
                    written += sb.Length;
                }
        }
        File.Move(temp, path, true);
        return path;
    }

    private static double ParseDuration(string s)
    {
        var p = s.Split(':');
        return double.Parse(p[0], CultureInfo.InvariantCulture) * 3600 + double.Parse(p[1], CultureInfo.InvariantCulture) * 60 + double.Parse(p[2], CultureInfo.InvariantCulture);
    }

    private static string FormatDuration(double seconds)
    {
        long whole = (long)Math.Round(seconds);
        return string.Create(CultureInfo.InvariantCulture, $"{whole / 3600:00}:{whole / 60 % 60:00}:{whole % 60:00}");
    }
}
