using Borolyte.Formats.BioLogic;

namespace Borolyte.Cycling.Readers;

/// <summary>
/// What a block-by-block read knows only at its end, or found out about itself: the reader's notes in the order the
/// whole-file reader gives them, the mass and area the file states, a shift of the cycle numbers decided from the whole
/// file (EC-Lab's cycles counted from 0), and whether a guess it made from the first blocks held (see
/// <see cref="CyclingBlockReader"/>).
/// </summary>
internal sealed record BlockReadEnd(List<string> Notes, double? ActiveMassKg, double? AreaM2, int CycleShift, BlockReaderFacts Observed, bool GuessesHeld);

/// <summary>
/// Facts about a whole file that a block reader needs before its first block and cannot know until its end; null where
/// unknown (the reader then guesses from the first block and reports in <see cref="BlockReadEnd.GuessesHeld"/> whether the
/// guess held). Only BioLogic files without an Ewe−Ece column need one: whether Ece is ever non-zero (three electrodes).
/// </summary>
internal sealed record BlockReaderFacts(bool? EceNonZero = null);

/// <summary>
/// One pass over a cycler file's data rows in blocks of about <see cref="BlockBytes"/> of text, in file order, each a
/// <see cref="CyclingRawData"/> of its rows with exactly the columns the whole-file reader gives (so that
/// <see cref="IncrementalRunBuilder"/> and the streamed summary can follow the rules of <see cref="CyclingRun.Build"/> and
/// <see cref="Analysis.CycleSummarizer.Summarize"/>). Blocks are parsed ahead on all cores and handed out in order, so
/// only a few blocks are in memory at any time. Errors are not reported here with their final wording (line numbers are
/// those inside a block): a caller that meets one reads the file whole, which reports it as always.
/// </summary>
internal abstract class CyclingBlockReader
{
    /// <summary>Default block size (<see cref="Analysis.CycleSummarizer.DefaultBlockBytes"/>).</summary>
    public const long DefaultBlockBytes = Analysis.CycleSummarizer.DefaultBlockBytes;

    protected CyclingBlockReader(string path, string format, long blockBytes)
    {
        Path = path;
        Format = format;
        BlockBytes = blockBytes;
    }

    public string Path { get; }
    public string Format { get; }
    public long BlockBytes { get; }

    /// <summary>The data rows, block after block in file order.</summary>
    public abstract IEnumerable<CyclingRawData> Read();

    /// <summary>After <see cref="Read"/> has run to its end.</summary>
    public abstract BlockReadEnd Finish();

    /// <summary>A reader for the file when its format is read block by block (BioLogic .mpt, Neware CSV exports), else null.</summary>
    public static CyclingBlockReader? Open(string path, BlockReaderFacts facts, long blockBytes = DefaultBlockBytes) =>
        CyclingFileReader.Detect(path) switch
        {
            "biologic-mpt" => BioLogicCyclingReader.OpenMptBlocks(path, facts, blockBytes),
            "neware-csv" => NewareCsvReader.OpenBlocks(path, blockBytes),
            "neware-regular-csv" => NewareRegularCsvReader.OpenBlocks(path, blockBytes),
            _ => null,
        };

    /// <summary>
    /// <paramref name="parse"/> of every chunk, in chunk order, with up to <paramref name="ahead"/> chunks parsed ahead in
    /// parallel (thread pool) while the caller works on the current one. The first exception of a parse is rethrown when
    /// its chunk's turn comes; leaving the loop early cancels the chunks not yet started and waits for the running ones.
    /// </summary>
    protected static IEnumerable<T> InOrder<T>(IReadOnlyList<LineChunk> chunks, Func<int, T> parse, int ahead)
    {
        var tasks = new Task<T>?[chunks.Count];
        using var stop = new CancellationTokenSource();
        int started = 0;
        try
        {
            for (int k = 0; k < chunks.Count; k++)
            {
                for (; started < chunks.Count && started <= k + ahead; started++)
                {
                    int j = started;
                    tasks[j] = Task.Run(() => parse(j), stop.Token);
                }
                var task = tasks[k]!;
                tasks[k] = null;
                yield return task.GetAwaiter().GetResult();
            }
        }
        finally
        {
            stop.Cancel();
            foreach (var task in tasks)
                if (task is not null) try { task.Wait(); } catch (Exception) { /* the caller is already leaving: its own exception, if any, is the one reported */ }
        }
    }

    /// <summary>How many chunks are parsed ahead: one per core (the caller may hold a few parsed blocks too).</summary>
    protected static int Ahead => Environment.ProcessorCount;
}
