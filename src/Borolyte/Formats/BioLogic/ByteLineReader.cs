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

/// <summary>Counts the lines of a file in one vectorised pass (an upper bound for sizing columns before parsing).</summary>
internal static class LineCount
{
    public static long Of(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = new byte[1 << 20];
        long lines = 0;
        int read;
        byte last = (byte)'\n';
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
            last = buffer[read - 1];
        }
        return last == (byte)'\n' ? lines : lines + 1;
    }
}
