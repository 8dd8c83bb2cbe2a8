using System.Numerics;
using Borolyte.Formats.BioLogic;

namespace Borolyte.Impedance.Readers;

/// <summary>
/// Impedance spectra from a BioLogic EC-Lab binary file (.mpr) of a PEIS/GEIS technique, or of any technique that
/// records impedance points (e.g. a GCPL with periodic EIS). The binary layout is decoded by
/// <see cref="MprFile"/> (clean-room; column ids 32 freq/Hz, 35 Phase(Z)/deg, 36 |Z|/Ohm, 37 Re(Z)/Ohm, 38 -Im(Z)/Ohm,
/// 430–433 the Zwe-ce and 98–101 the Zce variants, 469 z cycle, 24 cycle number — facts from galvani's and yadg's
/// column tables, checked on tests/data/cycling/biol.mpr); an unknown column id is skipped with a warning.
/// The impedance is taken, in this order of preference, from Re(Z)/−Im(Z), from |Z| and Phase(Z) (Z = |Z|·e^{iφ}), then
/// the Zwe-ce and Zce pairs. Rows with frequency 0 are the non-impedance points of a mixed technique and are left out;
/// a new sweep starts when "z cycle" (else "cycle number") changes or when such rows separate two runs of impedance rows.
/// </summary>
internal static class MprSpectrumReader
{
    public static IReadOnlyList<Spectrum> Read(string sourceName, byte[] bytes)
    {
        var file = MprFile.Parse(sourceName, bytes);
        string columns = string.Join(", ", file.ColumnNames);
        if (!file.HasColumn("freq/Hz"))
            throw new InvalidInputException(
                $"{sourceName}: frequency column 'freq/Hz' is missing from the data module (not an impedance technique?); columns are: {columns}");
        var f = file.Column("freq/Hz");
        var (z, used) = Impedance(file) ?? throw new InvalidInputException(
            $"{sourceName}: no impedance columns (Re(Z)/Ohm and -Im(Z)/Ohm, or |Z|/Ohm and Phase(Z)/deg) in the data module; columns are: {columns}");
        var cycle = file.HasColumn("z cycle") ? file.Column("z cycle") : file.HasColumn("cycle number") ? file.Column("cycle number") : null;

        var metadata = new SpectrumMetadata(sourceName, "BioLogic .mpr")
        {
            Header = [new("impedance columns", used), new("data module version", file.DataVersion.ToString())],
            Warnings = file.Warnings,
        };
        var sweeps = new List<Spectrum>();
        var points = new List<int>();
        void Flush()
        {
            if (points.Count == 0) return;
            sweeps.Add(new Spectrum(points.Select(k => (double)f[k]), points.Select(k => z(k)), metadata with { Sweep = sweeps.Count + 1 }));
            points.Clear();
        }
        bool gap = false;
        for (int k = 0; k < file.RowCount; k++)
        {
            if (double.IsNaN(f[k]) || double.IsInfinity(f[k]) || f[k] < 0)
                throw new InvalidInputException($"{sourceName}: data record {k + 1} has frequency {f[k]} Hz (corrupted file?)");
            if (f[k] == 0) { gap = true; continue; }   // a non-impedance row of a mixed technique
            if (points.Count > 0 && (gap || (cycle is not null && cycle[k] != cycle[points[^1]]))) Flush();
            gap = false;
            double zr = z(k).Real, zi = z(k).Imaginary;
            if (!double.IsFinite(zr) || !double.IsFinite(zi))
                throw new InvalidInputException($"{sourceName}: data record {k + 1} holds a non-finite impedance (corrupted file?)");
            points.Add(k);
        }
        Flush();
        if (sweeps.Count == 0)
            throw new InvalidInputException($"{sourceName}: the data module has {file.RowCount} records but none with a frequency above 0 (no impedance points)");
        return sweeps;
    }

    private static (Func<int, Complex> Z, string Used)? Impedance(MprFile file)
    {
        foreach (var variant in new[] { "Z", "Zwe-ce", "Zce" })
        {
            string re = $"Re({variant})/Ohm", mim = $"-Im({variant})/Ohm", mod = $"|{variant}|/Ohm", phase = $"Phase({variant})/deg";
            if (file.HasColumn(re) && file.HasColumn(mim))
            {
                var a = file.Column(re);
                var b = file.Column(mim);
                return (k => new Complex(a[k], -b[k]), $"{re}, {mim}");  // EC-Lab stores −Im(Z)
            }
            if (file.HasColumn(mod) && file.HasColumn(phase))
            {
                var m = file.Column(mod);
                var p = file.Column(phase);
                return (k => Complex.FromPolarCoordinates(m[k], p[k] * Math.PI / 180), $"{mod}, {phase}");
            }
        }
        return null;
    }
}
