using Borolyte.Cycling.Readers;

namespace Borolyte.Cycling.Analysis;

/// <summary>
/// The per-cycle summary of a cycler file, with what a report of it states about the run: its path, format and number
/// of points. <paramref name="Streamed"/>: summarised block by block without holding the run (<see cref="Passes"/> reads
/// of the file; 2 when a guess of the first pass did not hold), else from the whole run read at once.
/// </summary>
public sealed record FileSummary(CyclingSummary Summary, string SourcePath, string Format, long Count, bool Streamed, int Passes);

public static partial class CycleSummarizer
{
    /// <summary>Block size of <see cref="SummarizeFile"/>: 8 MiB of text (the size above which the whole-file readers go parallel).</summary>
    public const long DefaultBlockBytes = 8L << 20;

    /// <summary>
    /// <see cref="Summarize"/> of <see cref="CyclingFileReader.Read"/>(<paramref name="path"/>, <paramref name="cycles"/>),
    /// the same summary, without holding the run in memory when the format is read block by block (BioLogic .mpt, Neware
    /// CSV record-level and regular exports; <see cref="CyclingBlockReader"/>): the file is read in blocks of
    /// <paramref name="blockBytes"/>, harmonised (<see cref="IncrementalRunBuilder"/>) and summed per cycle
    /// (<see cref="IncrementalCycleSummary"/>), so memory stays at a few blocks and the per-cycle sums whatever the file's
    /// size. Where the whole run decides something before its first point (the rest threshold from the largest current,
    /// whether the cycle counter counts, whether a BioLogic Ece is ever non-zero), the first pass guesses from the blocks
    /// seen and checks at its end; if a guess did not hold, a second pass runs with the facts then known. Other formats,
    /// and files the block-by-block pass rejects or cannot follow (a bad value, a cycle number that comes back), are read
    /// whole: errors are then reported exactly as by <see cref="CyclingFileReader.Read"/>.
    /// </summary>
    public static FileSummary SummarizeFile(string path, SummaryOptions? options = null, CycleDefinition? cycles = null,
        long blockBytes = DefaultBlockBytes)
    {
        options ??= new SummaryOptions();
        if (blockBytes < 1) throw new ArgumentOutOfRangeException(nameof(blockBytes), "at least one byte per block");
        if (Streamed(path, options, cycles, blockBytes) is { } streamed) return streamed;
        var run = CyclingFileReader.Read(path, cycles);
        return new FileSummary(Summarize(run, options), run.SourcePath, run.Format, run.Count, Streamed: false, Passes: 1);
    }

    private static FileSummary? Streamed(string path, SummaryOptions options, CycleDefinition? cycles, long blockBytes)
    {
        if (!File.Exists(path)) return null;
        var readerFacts = new BlockReaderFacts();
        var runFacts = new RunFacts();
        for (int pass = 1; pass <= 2; pass++)
        {
            CyclingBlockReader? reader;
            BlockReadEnd end;
            var candidates = new List<Candidate>();
            try
            {
                reader = CyclingBlockReader.Open(path, readerFacts, blockBytes);
                if (reader is null) return null;
                candidates.Add(new Candidate(path, cycles, runFacts, options));
                // A few blocks are read ahead of the builder, so its guess of the rest threshold sees their currents too.
                var ahead = new Queue<(CyclingRawData Block, double MaxAbs)>();
                foreach (var block in reader.Read())
                {
                    ahead.Enqueue((block, MaxAbs(block.CurrentAmpere)));
                    if (ahead.Count > LookAheadBlocks) Feed();
                }
                while (ahead.Count > 0) Feed();

                void Feed()
                {
                    double maxAhead = 0;
                    foreach (var (_, max) in ahead) maxAhead = Math.Max(maxAhead, max);
                    var block = ahead.Dequeue().Block;
                    bool firstBlock = !candidates[0].Started;
                    foreach (var c in candidates) c.Add(block, maxAhead);
                    // A cycle counter constant in the first block may still count later: until it changes, the run is also
                    // built as counted by it (the whole-file build decides from all points which of the two it is).
                    if (firstBlock && candidates[0].Builder.GuessedNotCounting)
                    {
                        var counting = new Candidate(path, cycles, runFacts with { InstrumentCycleCounts = true }, options);
                        counting.Add(block, maxAhead);
                        candidates.Add(counting);
                    }
                    if (candidates.Count == 2 && candidates[0].Builder.CycleCounterChanged) candidates.RemoveAt(0);
                }
                end = reader.Finish();
            }
            catch (Exception e) when (e is InvalidInputException or NotStreamableException)
            {
                return null;   // read whole: the error as the whole read words it, or a run this pass cannot follow
            }
            // With two candidates left the counter never changed: the first (cycles not by the counter) is the run's.
            var chosen = candidates[0];
            IncrementalRunEnd run;
            try
            {
                if (chosen.Failure is not null) return null;
                run = chosen.Builder.Finish(end.Notes);
            }
            catch (InvalidInputException) { return null; }
            if (end.GuessesHeld && run.GuessesHeld)
            {
                // The reader's renumbering shifts the instrument's cycles, which are the run's only when it counts by them.
                int shift = run.Definition == CycleDefinition.Instrument ? end.CycleShift : 0;
                return new FileSummary(chosen.Summary.Finish(reader.Format, run.Notes, end.ActiveMassKg, end.AreaM2, shift), path, reader.Format, run.Count,
                    Streamed: true, Passes: pass);
            }
            readerFacts = end.Observed;
            runFacts = run.Observed;
        }
        throw new InvalidOperationException($"{path}: the block-by-block summary's second pass, with the facts of the first, still had to guess");
    }

    /// <summary>One way of building the run block by block, with its summary; a failure is kept until it is known whether this way is the run's.</summary>
    private sealed class Candidate
    {
        public readonly IncrementalRunBuilder Builder;
        public readonly IncrementalCycleSummary Summary;
        public Exception? Failure;
        public bool Started;

        public Candidate(string path, CycleDefinition? cycles, RunFacts facts, SummaryOptions options)
        {
            Summary = new IncrementalCycleSummary(options);
            Builder = new IncrementalRunBuilder(path, cycles, facts, Summary.Add);
        }

        public void Add(CyclingRawData block, double maxAhead)
        {
            Started = true;
            if (Failure is not null) return;
            try { Builder.Add(block, maxAhead); }
            catch (Exception e) when (e is InvalidInputException or NotStreamableException) { Failure = e; }
        }
    }

    /// <summary>Blocks read ahead of the block being harmonised (see <see cref="Streamed"/>).</summary>
    private const int LookAheadBlocks = 3;

    private static double MaxAbs(double[] values)
    {
        double max = 0;
        foreach (double v in values) max = Math.Max(max, Math.Abs(v));
        return max;
    }
}
