namespace Headroom.Net;

/// <summary>
/// A seekable, read-only view of a remote file of known length, fetched by absolute ranges and kept in
/// memory by segment. It lets <see cref="System.IO.Compression.ZipArchive"/> read a wheel's central
/// directory and one entry without downloading the wheel: the caller fetches the ranges the archive will
/// read (<see cref="EnsureAsync"/>), so its reads are served from memory. An asynchronous read of bytes not
/// yet fetched fetches at least <see cref="ReadAhead"/> bytes; a synchronous one fails with an
/// <see cref="IOException"/> (no sync-over-async).
/// </summary>
public sealed class HttpRangeStream : Stream
{
    private readonly Func<long, long, CancellationToken, Task<byte[]>> _fetch;
    private readonly SortedList<long, byte[]> _segments = [];
    private long _position;

    /// <param name="length">The file's length.</param>
    /// <param name="fetch">Fetches bytes first..last (inclusive) and returns exactly those.</param>
    public HttpRangeStream(long length, Func<long, long, CancellationToken, Task<byte[]>> fetch)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        Length = length;
        _fetch = fetch;
    }

    public override long Length { get; }

    /// <summary>The least a miss fetches.</summary>
    public long ReadAhead { get; set; } = 64 * 1024;

    /// <summary>Ranges fetched so far (for tests and reports).</summary>
    public int Fetches { get; private set; }

    /// <summary>Bytes fetched so far.</summary>
    public long BytesFetched { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Position
    {
        get => _position;
        set => _position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    /// <summary>Makes bytes first..last (clamped to the file) available, fetching only the parts not fetched yet, one range per gap.</summary>
    public async Task EnsureAsync(long first, long last, CancellationToken cancellationToken)
    {
        first = Math.Max(0, first);
        last = Math.Min(Length - 1, last);
        long p = first;
        while (p <= last)
        {
            if (SegmentEndAt(p) is long end)
            {
                p = end;
                continue;
            }

            int next = NextSegmentAfter(p);
            long stop = next >= 0 ? Math.Min(last, _segments.Keys[next] - 1) : last;
            Add(p, await FetchCountedAsync(p, stop, cancellationToken).ConfigureAwait(false));
            p = stop + 1;
        }
    }

    /// <summary>Bytes already fetched, from memory.</summary>
    public byte[] ReadFetched(long offset, int count)
    {
        byte[] bytes = new byte[count];
        long saved = _position;
        _position = offset;
        try
        {
            ReadExactly(bytes);
        }
        finally
        {
            _position = saved;
        }

        return bytes;
    }

    /// <summary>Adds bytes already at hand (a prefetched tail).</summary>
    public void Add(long offset, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length > 0)
        {
            _segments[offset] = _segments.TryGetValue(offset, out byte[]? old) && old.Length > bytes.Length ? old : bytes;
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_position >= Length || buffer.Length == 0)
        {
            return 0;
        }

        int n = CopyCached(buffer);
        return n > 0 ? n : throw new IOException($"bytes at {_position} were not fetched (a synchronous read cannot fetch)");
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position >= Length || buffer.Length == 0)
        {
            return 0;
        }

        int n = CopyCached(buffer.Span);
        if (n > 0)
        {
            return n;
        }

        long first = _position;
        long last = first + Math.Max(buffer.Length, ReadAhead) - 1;
        int next = NextSegmentAfter(first);
        if (next >= 0)
        {
            last = Math.Min(last, Math.Max(_segments.Keys[next] - 1, first + buffer.Length - 1));
        }

        last = Math.Min(last, Length - 1);
        Add(first, await FetchCountedAsync(first, last, cancellationToken).ConfigureAwait(false));
        return CopyCached(buffer.Span);
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => Length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        return _position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private async Task<byte[]> FetchCountedAsync(long first, long last, CancellationToken cancellationToken)
    {
        byte[] bytes = await _fetch(first, last, cancellationToken).ConfigureAwait(false);
        if (bytes.Length != last - first + 1)
        {
            throw new IOException($"asked for bytes {first}-{last}, got {bytes.Length} bytes");
        }

        Fetches++;
        BytesFetched += bytes.Length;
        return bytes;
    }

    /// <summary>Copies from the segment that holds the position; 0 when none does.</summary>
    private int CopyCached(Span<byte> buffer)
    {
        IList<long> keys = _segments.Keys;
        int lo = 0;
        int hi = keys.Count - 1;
        int found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            if (keys[mid] <= _position)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        // Several segments may start at or before the position (overlaps): take any that covers it.
        for (int i = found; i >= 0; i--)
        {
            byte[] segment = _segments.Values[i];
            long inside = _position - keys[i];
            if (inside < segment.Length)
            {
                int n = (int)Math.Min(buffer.Length, Math.Min(segment.Length - inside, Length - _position));
                segment.AsSpan((int)inside, n).CopyTo(buffer);
                _position += n;
                return n;
            }
        }

        return 0;
    }

    /// <summary>The end (exclusive) of a fetched segment that holds <paramref name="position"/>, or null.</summary>
    private long? SegmentEndAt(long position)
    {
        long? end = null;
        for (int i = 0; i < _segments.Count && _segments.Keys[i] <= position; i++)
        {
            long segmentEnd = _segments.Keys[i] + _segments.Values[i].Length;
            if (segmentEnd > position && (end is null || segmentEnd > end))
            {
                end = segmentEnd;
            }
        }

        return end;
    }

    private int NextSegmentAfter(long position)
    {
        IList<long> keys = _segments.Keys;
        for (int i = 0; i < keys.Count; i++)
        {
            if (keys[i] > position)
            {
                return i;
            }
        }

        return -1;
    }
}
