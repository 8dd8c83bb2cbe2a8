namespace Borolyte.Formats.BioLogic;

/// <summary>
/// Streams a text file as lines of raw bytes (spans over one reusable buffer): no string per line, so data rows can be
/// parsed without allocating. '\n' ends a line, a trailing '\r' is dropped, a UTF-8 byte-order mark is skipped.
/// Used by the .mpt reader and by the cycler readers in <c>Borolyte.Cycling.Readers</c>.
/// </summary>
internal sealed class ByteLineReader : IDisposable
{
    private readonly Stream _stream;
    private byte[] _buffer;
    private int _start, _end;
    private bool _eof, _bomChecked;

    public ByteLineReader(Stream stream, int bufferSize = 1 << 16)
    {
        _stream = stream;
        _buffer = new byte[bufferSize];
    }

    /// <summary>A reader over one chunk of a file (see <see cref="LineChunks"/>): no byte-order mark check, line numbers continued.</summary>
    internal ByteLineReader(Stream stream, long linesBefore) : this(stream)
    {
        _bomChecked = true;
        LineNumber = linesBefore;
    }

    public static ByteLineReader Open(string path) =>
        new(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan));

    /// <summary>1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>False when the last line returned ran to the end of the file without a newline.</summary>
    public bool LastLineEndedWithNewline { get; private set; } = true;

    /// <summary>Bytes consumed so far (for progress and throughput).</summary>
    public long BytesConsumed { get; private set; }

    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        while (true)
        {
            if (!_bomChecked && (_end - _start >= 3 || _eof))
            {
                _bomChecked = true;
                if (_end - _start >= 3 && _buffer[_start] == 0xEF && _buffer[_start + 1] == 0xBB && _buffer[_start + 2] == 0xBF)
                {
                    _start += 3;
                    BytesConsumed += 3;
                }
            }
            if (_bomChecked)
            {
                var pending = _buffer.AsSpan(_start, _end - _start);
                int newline = pending.IndexOf((byte)'\n');
                if (newline >= 0)
                {
                    line = pending[..newline];
                    if (line.Length > 0 && line[^1] == (byte)'\r') line = line[..^1];
                    _start += newline + 1;
                    BytesConsumed += newline + 1;
                    LineNumber++;
                    LastLineEndedWithNewline = true;
                    return true;
                }
                if (_eof)
                {
                    if (pending.Length == 0) { line = default; return false; }
                    line = pending;
                    if (line[^1] == (byte)'\r') line = line[..^1];
                    _start = _end;
                    BytesConsumed += pending.Length;
                    LineNumber++;
                    LastLineEndedWithNewline = false;
                    return true;
                }
            }
            Fill();
        }
    }

    private void Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
        int read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0) _eof = true;
        else _end += read;
    }

    public void Dispose() => _stream.Dispose();
}

/// <summary>
/// The data part of a text file cut into byte ranges that start at line starts, with the number of lines in each, so
/// that the ranges can be parsed in parallel into columns allocated once at their final size (row offsets known in
/// advance). Counting uses the vectorised Span.Count.
/// </summary>
internal sealed record LineChunk(long Start, long End, long LinesBefore, long Lines)
{
    public ByteLineReader Open(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        stream.Position = Start;
        return new ByteLineReader(new BoundedStream(stream, End - Start), LinesBefore);
    }

    /// <summary>The same range of an in-memory copy of the file.</summary>
    public ByteLineReader Open(byte[] bytes) =>
        new(new MemoryStream(bytes, (int)Start, (int)(End - Start), writable: false), LinesBefore);
}

/// <summary>A test on the bytes of one line (without its newline).</summary>
internal delegate bool LineFilter(ReadOnlySpan<byte> line);

internal static class LineChunks
{
    /// <summary>Below this size one chunk: the parallel set-up would cost more than it saves.</summary>
    public const long ParallelThresholdBytes = 8 << 20;

    /// <summary>
    /// Chunks per core for the row parsers: more chunks than cores, so that a core slowed by other work leaves its
    /// remaining chunks to the others (Parallel.For hands chunks out as workers become free).
    /// </summary>
    public static int ParallelParts => Environment.ProcessorCount * 4;

    /// <summary>
    /// Splits [<paramref name="start"/>, end of file) into up to <paramref name="parts"/> ranges cut after a '\n'.
    /// <paramref name="linesBefore"/> is the number of lines before <paramref name="start"/>. With
    /// <paramref name="canStartChunk"/>, a chunk starts only at a line it accepts (it sees the line's first bytes, up to
    /// 64 KiB, without the newline): files whose rows depend on a row above them are cut where that row is.
    /// </summary>
    public static LineChunk[] Split(string path, long start, long linesBefore, int parts, LineFilter? canStartChunk = null)
    {
        long length = new FileInfo(path).Length;
        if (length - start < ParallelThresholdBytes) parts = 1;
        var bounds = Cuts(path, start, length, parts, canStartChunk);
        var lines = new long[bounds.Count - 1];
        Parallel.For(0, lines.Length, k => lines[k] = CountLines(path, bounds[k], bounds[k + 1]));
        var chunks = new LineChunk[lines.Length];
        long before = linesBefore;
        for (int k = 0; k < chunks.Length; k++)
        {
            chunks[k] = new LineChunk(bounds[k], bounds[k + 1], before, lines[k]);
            before += lines[k];
        }
        return chunks;
    }

    /// <summary>
    /// [<paramref name="start"/>, end of file) cut after a '\n' into ranges of about <paramref name="blockBytes"/> (at
    /// least one line each), as <see cref="Split"/> cuts but without counting the lines: for a file read block by block,
    /// each block counting its own lines when it is parsed. <see cref="LineChunk.LinesBefore"/> and
    /// <see cref="LineChunk.Lines"/> are 0 (unknown).
    /// </summary>
    public static LineChunk[] Blocks(string path, long start, long blockBytes, LineFilter? canStartChunk = null)
    {
        long length = new FileInfo(path).Length;
        int parts = (int)Math.Clamp((length - start + blockBytes - 1) / Math.Max(1, blockBytes), 1, int.MaxValue / 2);
        var bounds = Cuts(path, start, length, parts, canStartChunk);
        return Enumerable.Range(0, bounds.Count - 1).Select(k => new LineChunk(bounds[k], bounds[k + 1], 0, 0)).ToArray();
    }

    private static List<long> Cuts(string path, long start, long length, int parts, LineFilter? canStartChunk)
    {
        var bounds = new List<long> { start };
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.RandomAccess))
        {
            var probe = new byte[1 << 16];
            for (int k = 1; k < parts; k++)
            {
                long guess = start + (length - start) * k / parts;
                if (guess <= bounds[^1]) continue;
                stream.Position = guess;
                long cut = -1;
                for (int read; cut < 0 && (read = stream.Read(probe, 0, probe.Length)) > 0; guess += read)
                {
                    int newline = probe.AsSpan(0, read).IndexOf((byte)'\n');
                    if (newline >= 0) cut = guess + newline + 1;
                }
                while (canStartChunk is not null && cut >= 0 && cut < length)
                {
                    stream.Position = cut;
                    int read = stream.ReadAtLeast(probe, probe.Length, throwOnEndOfStream: false);
                    var head = probe.AsSpan(0, read);
                    int newline = head.IndexOf((byte)'\n');
                    if (canStartChunk(newline < 0 ? head : head[..newline])) break;
                    cut = newline < 0 ? -1 : cut + newline + 1;   // a line longer than the probe: no cut here
                }
                if (cut < 0 || cut >= length) break;
                bounds.Add(cut);
            }
        }
        bounds.Add(length);
        return bounds;
    }

    /// <summary>The rest of an in-memory file as one chunk (serial parsing).</summary>
    public static LineChunk InMemory(byte[] bytes, long start, long linesBefore)
    {
        var rest = bytes.AsSpan((int)start);
        long lines = rest.Count((byte)'\n');
        if (rest.Length > 0 && rest[^1] != (byte)'\n') lines++;
        return new LineChunk(start, bytes.Length, linesBefore, lines);
    }

    /// <summary>Lines in [<paramref name="start"/>, <paramref name="end"/>) of the file, a last line without '\n' included.</summary>
    public static long CountLines(string path, long start, long end)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        stream.Position = start;
        // 256 KiB: as fast as larger buffers (page-cache copies); pooled, so a file read in many blocks makes no garbage of it.
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 18);
        try
        {
            long lines = 0, left = end - start;
            byte last = (byte)'\n';
            while (left > 0)
            {
                int read = stream.Read(buffer, 0, (int)Math.Min(1 << 18, left));
                if (read == 0) break;
                lines += buffer.AsSpan(0, read).Count((byte)'\n');
                last = buffer[read - 1];
                left -= read;
            }
            return last == (byte)'\n' ? lines : lines + 1;
        }
        finally { System.Buffers.ArrayPool<byte>.Shared.Return(buffer); }
    }
}

/// <summary>Reads at most a given number of bytes of the stream it wraps (and disposes it).</summary>
internal sealed class BoundedStream(Stream inner, long length) : Stream
{
    private long _left = length;
    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_left <= 0) return 0;
        int read = inner.Read(buffer, offset, (int)Math.Min(count, _left));
        _left -= read;
        return read;
    }
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    protected override void Dispose(bool disposing) { if (disposing) inner.Dispose(); base.Dispose(disposing); }
}
