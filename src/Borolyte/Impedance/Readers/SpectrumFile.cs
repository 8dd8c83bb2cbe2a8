using Borolyte.Formats.BioLogic;

namespace Borolyte.Impedance.Readers;

/// <summary>
/// Reads impedance spectra from instrument text files, detecting the format from the content (never from the file name):
/// BioLogic EC-Lab/BT-Lab .mpt and binary .mpr, ZView/ZPlot .z, Gamry .DTA, VersaStudio .par (ASCII), Parstat text, Autolab/Z60W text, CH Instruments text, and generic
/// delimited tables (PowerSuite, CSV/TSV with or without a header). docs/impedance.md lists what each reader accepts.
/// </summary>
public static class SpectrumFile
{
    /// <summary>All spectra in the file (a BioLogic file with several sweeps gives several).</summary>
    public static IReadOnlyList<Spectrum> ReadAll(string path)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (FileNotFoundException) { throw new InvalidInputException($"{path}: file not found"); }
        catch (DirectoryNotFoundException) { throw new InvalidInputException($"{path}: file not found"); }
        return ReadAll(path, bytes);
    }

    /// <summary>All spectra in <paramref name="bytes"/>; <paramref name="sourceName"/> names the input in errors.</summary>
    public static IReadOnlyList<Spectrum> ReadAll(string sourceName, byte[] bytes)
    {
        if (MprFile.LooksLike(bytes)) return MprSpectrumReader.Read(sourceName, bytes);
        if (MptFile.LooksLike(WithoutBom(bytes))) return MptSpectrumReader.Read(sourceName, bytes);
        var text = EisText.Decode(sourceName, bytes);
        return Detect(text) switch
        {
            SpectrumFormat.VersaStudioPar => VersaStudioSpectrumReader.Read(text),
            SpectrumFormat.ParstatText => ParstatTextSpectrumReader.Read(text),
            SpectrumFormat.ZPlot => [ZPlotSpectrumReader.Read(text)],
            SpectrumFormat.GamryDta => [GamryDtaSpectrumReader.Read(text)],
            SpectrumFormat.AutolabText => [AutolabSpectrumReader.Read(text)],
            SpectrumFormat.ChInstrumentsText => [ChiSpectrumReader.Read(text)],
            _ => [DelimitedSpectrumReader.Read(text)],
        };
    }

    /// <summary>The single spectrum of the file; with several sweeps, <paramref name="sweep"/> (1-based) picks one.</summary>
    public static Spectrum Read(string path, int? sweep = null)
    {
        var all = ReadAll(path);
        if (sweep is { } s)
        {
            if (s < 1 || s > all.Count) throw new InvalidInputException($"{path}: sweep {s} requested but the file has {all.Count}");
            return all[s - 1];
        }
        if (all.Count > 1)
            throw new InvalidInputException($"{path}: the file holds {all.Count} sweeps; choose one with --sweep 1..{all.Count}");
        return all[0];
    }

    /// <summary>Format of a file's content.</summary>
    public static SpectrumFormat DetectFormat(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (MprFile.LooksLike(bytes)) return SpectrumFormat.BioLogicMpr;
        if (MptFile.LooksLike(WithoutBom(bytes))) return SpectrumFormat.BioLogicMpt;
        return Detect(EisText.Decode(path, bytes));
    }

    private static ReadOnlySpan<byte> WithoutBom(byte[] bytes) =>
        bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes.AsSpan(3) : bytes;

    internal static SpectrumFormat Detect(EisText text)
    {
        var lines = text.Lines;
        string first = lines.Length > 0 ? lines[0].Trim() : "";
        if (first.StartsWith("EC-Lab ASCII FILE", StringComparison.OrdinalIgnoreCase) || first.StartsWith("BT-Lab ASCII FILE", StringComparison.OrdinalIgnoreCase))
            return SpectrumFormat.BioLogicMpt;
        if (lines.Take(2000).Any(l => l.TrimStart().StartsWith("<Segment", StringComparison.OrdinalIgnoreCase))
            && lines.Any(l => l.TrimStart().StartsWith("Definition=", StringComparison.OrdinalIgnoreCase)))
            return SpectrumFormat.VersaStudioPar;
        if (ParstatTextSpectrumReader.LooksLike(first))
            return SpectrumFormat.ParstatText;
        if (first.StartsWith("ZPLOT", StringComparison.OrdinalIgnoreCase) || lines.Take(400).Any(l => l.Trim() == "End Comments"))
            return SpectrumFormat.ZPlot;
        if (first == "EXPLAIN" || lines.Take(5).Any(l => l.StartsWith("TAG\t")))
            return SpectrumFormat.GamryDta;
        if (first.Trim('"').StartsWith("Z60W Data File", StringComparison.OrdinalIgnoreCase))
            return SpectrumFormat.AutolabText;
        if (lines.Take(30).Any(l => l.Trim() == "A.C. Impedance") && lines.Any(l => l.StartsWith("Freq/Hz", StringComparison.OrdinalIgnoreCase)))
            return SpectrumFormat.ChInstrumentsText;
        return SpectrumFormat.Delimited;
    }
}

/// <summary>Impedance file formats recognised by <see cref="SpectrumFile"/>.</summary>
public enum SpectrumFormat { BioLogicMpt, ZPlot, GamryDta, AutolabText, ChInstrumentsText, Delimited, BioLogicMpr, VersaStudioPar, ParstatText }
