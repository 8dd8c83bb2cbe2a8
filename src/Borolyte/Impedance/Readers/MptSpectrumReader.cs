using System.Numerics;
using Borolyte.Formats.BioLogic;

namespace Borolyte.Impedance.Readers;

/// <summary>
/// Impedance spectra from a BioLogic EC-Lab / BT-Lab text export (.mpt) of a PEIS/GEIS technique. The file itself is
/// parsed by the codebase's one .mpt parser, <see cref="MptFile"/> (header-line count, Latin-1 or UTF-8, decimal point or
/// comma); this class only picks the impedance columns: "freq/Hz", then "Re(Z)/Ohm" and "-Im(Z)/Ohm" (or the
/// "Zwe-ce"/"Zce" variants of a 3-electrode set-up, of which the plain Z is preferred). Several sweeps in one file are
/// split on the "z cycle" column, else on "cycle number".
/// </summary>
internal static class MptSpectrumReader
{
    public static IReadOnlyList<Spectrum> Read(string sourceName, byte[] bytes)
    {
        // The impedance columns are checked on the column line, before the rows: a file whose header lost a column
        // (impedance.py's exampleDataBioLogic_MissingFreq.mpt) must fail naming that column, not the rows' extra field.
        var file = MptFile.Parse(sourceName, bytes, (names, line) =>
        {
            string list = string.Join(", ", names);
            if (Find(names, "freq/Hz") < 0)
                throw new InvalidInputException($"{sourceName} line {line}: frequency column 'freq/Hz' is missing; columns are: {list}");
            if (Find(names, "Re(Z)/Ohm", "Re(Zwe-ce)/Ohm", "Re(Zce)/Ohm") < 0)
                throw new InvalidInputException($"{sourceName} line {line}: real-part column 'Re(Z)/Ohm' is missing; columns are: {list}");
            if (Find(names, "-Im(Z)/Ohm", "-Im(Zwe-ce)/Ohm", "-Im(Zce)/Ohm", "Im(Z)/Ohm", "Im(Zwe-ce)/Ohm", "Im(Zce)/Ohm") < 0)
                throw new InvalidInputException($"{sourceName} line {line}: imaginary-part column '-Im(Z)/Ohm' is missing; columns are: {list}");
        });
        int columnLine = file.ColumnLineNumber;
        string columns = string.Join(", ", file.ColumnNames);
        InvalidInputException Missing(string what) =>
            new($"{sourceName} line {columnLine}: {what} is missing; columns are: {columns}");

        var f = Pick(file, "freq/Hz") ?? throw Missing("frequency column 'freq/Hz'");
        var re = Pick(file, "Re(Z)/Ohm", "Re(Zwe-ce)/Ohm", "Re(Zce)/Ohm") ?? throw Missing("real-part column 'Re(Z)/Ohm'");
        double sign = -1; // EC-Lab stores −Im(Z)
        var im = Pick(file, "-Im(Z)/Ohm", "-Im(Zwe-ce)/Ohm", "-Im(Zce)/Ohm");
        if (im is null)
        {
            im = Pick(file, "Im(Z)/Ohm", "Im(Zwe-ce)/Ohm", "Im(Zce)/Ohm");
            sign = 1;
        }
        if (im is null) throw Missing("imaginary-part column '-Im(Z)/Ohm'");
        var cycle = Pick(file, "z cycle", "cycle number");
        if (file.RowCount == 0)
            throw new InvalidInputException($"{sourceName} line {columnLine}: no data rows after the column header (truncated file?)");

        var metadata = new SpectrumMetadata(sourceName, "BioLogic .mpt") { Header = file.Metadata };
        var sweeps = new List<Spectrum>();
        int start = 0;
        for (int i = 1; i <= file.RowCount; i++)
        {
            if (i < file.RowCount && (cycle is null || cycle[i] == cycle[start])) continue;
            for (int k = start; k < i; k++)
                if (!(f[k] > 0) || double.IsInfinity(f[k]))
                    throw new InvalidInputException($"{sourceName} line {columnLine + 1 + k}: frequency {f[k]} Hz is not positive");
            sweeps.Add(new Spectrum(f[start..i], Enumerable.Range(start, i - start).Select(k => new Complex(re[k], sign * im[k])),
                metadata with { Sweep = sweeps.Count + 1 }));
            start = i;
        }
        return sweeps;
    }

    /// <summary>The first of the named columns the file has (exact EC-Lab names, compared without spaces).</summary>
    private static double[]? Pick(MptFile file, params string[] names) => Find(file.ColumnNames, names) is var i and >= 0 ? file.Columns[i] : null;

    private static int Find(IReadOnlyList<string> columns, params string[] names)
    {
        foreach (var name in names)
            for (int i = 0; i < columns.Count; i++)
                if (string.Equals(columns[i].Replace(" ", ""), name.Replace(" ", ""), StringComparison.OrdinalIgnoreCase))
                    return i;
        return -1;
    }
}
