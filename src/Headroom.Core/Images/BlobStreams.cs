using System.IO.Compression;
using System.Security.Cryptography;
using Headroom.Diagnostics;

namespace Headroom.Images;

/// <summary>How a layer blob is compressed, found from its first bytes (never its name or media type).</summary>
public enum LayerCompression
{
    /// <summary>A plain tar stream.</summary>
    None,

    /// <summary>gzip: 1F 8B.</summary>
    Gzip,

    /// <summary>zstd: 28 B5 2F FD.</summary>
    Zstd,
}

/// <summary>Helpers that wrap blob streams: compression sniffing, bounded views, counting and hashing.</summary>
public static class BlobStreams
{
    /// <summary>Sniffs the compression from the first four bytes.</summary>
    public static LayerCompression Sniff(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 2 && head[0] == 0x1F && head[1] == 0x8B)
        {
            return LayerCompression.Gzip;
        }

        if (head.Length >= 4 && head[0] == 0x28 && head[1] == 0xB5 && head[2] == 0x2F && head[3] == 0xFD)
        {
            return LayerCompression.Zstd;
        }

        return LayerCompression.None;
    }

    /// <summary>A name for messages: <c>gzip stream</c>, <c>zstd stream</c>, <c>tar stream</c>.</summary>
    public static string StreamName(LayerCompression compression) => compression switch
    {
        LayerCompression.Gzip => "gzip stream",
        LayerCompression.Zstd => "zstd stream",
        _ => "tar stream",
    };

    /// <summary>
    /// Opens the decompressed tar stream of a blob. A seekable blob is sniffed and rewound, so an
    /// uncompressed tar stays seekable (file data is then skipped without being read). zstd is
    /// decoded by the system's libzstd when it loads (<see cref="NativeZstdStream"/>), else by ZstdSharp.
    /// </summary>
    public static Stream OpenDecoded(Stream blob, out LayerCompression compression)
    {
        ArgumentNullException.ThrowIfNull(blob);
        Span<byte> head = stackalloc byte[4];
        int n = ReadAtMost(blob, head);
        compression = Sniff(head[..n]);
        Stream raw;
        if (blob.CanSeek)
        {
            blob.Position -= n;
            raw = blob;
        }
        else
        {
            raw = new PrefixedStream(head[..n].ToArray(), blob);
        }

        return compression switch
        {
            LayerCompression.Gzip => new GZipStream(raw, CompressionMode.Decompress, leaveOpen: false),
            LayerCompression.Zstd when NativeZstdStream.IsAvailable => new NativeZstdStream(raw),
            LayerCompression.Zstd => new ZstdSharp.DecompressionStream(raw, 128 * 1024, checkEndOfStream: true, leaveOpen: false),
            _ => raw,
        };
    }

    internal static int ReadAtMost(Stream stream, Span<byte> buffer)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            int n = stream.Read(buffer[total..]);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }
}

/// <summary>A read-only window <c>[offset, offset+length)</c> of a seekable stream that it owns.</summary>
public sealed class SubStream : ReadOnlyStream
{
    private readonly Stream _inner;
    private readonly long _offset;
    private readonly long _length;
    private long _position;

    public SubStream(Stream inner, long offset, long length)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
        _offset = offset;
        _length = length;
        _inner.Position = offset;
    }

    public override bool CanSeek => true;

    public override long Length => _length;

    public override long Position
    {
        get => _position;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _position = value;
            _inner.Position = _offset + Math.Min(value, _length);
        }
    }

    public override int Read(Span<byte> buffer)
    {
        long left = _length - _position;
        if (left <= 0)
        {
            return 0;
        }

        if (buffer.Length > left)
        {
            buffer = buffer[..(int)left];
        }

        int n = _inner.Read(buffer);
        _position += n;
        return n;
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => _length + offset,
        };
        return _position;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>Gives back bytes already read from a non-seekable stream, then the rest of it.</summary>
internal sealed class PrefixedStream(byte[] prefix, Stream inner) : ReadOnlyStream
{
    private int _prefixPos;


    public override int Read(Span<byte> buffer)
    {
        if (_prefixPos < prefix.Length)
        {
            int n = Math.Min(buffer.Length, prefix.Length - _prefixPos);
            prefix.AsSpan(_prefixPos, n).CopyTo(buffer);
            _prefixPos += n;
            return n;
        }

        return inner.Read(buffer);
    }


    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>
/// Passes reads through while counting them, optionally hashing them (sha256) and refusing to
/// read past a limit (the decompression-bomb guard). Not seekable.
/// </summary>
internal sealed class MeteredStream : ReadOnlyStream
{
    private readonly Stream _inner;
    private readonly IncrementalHash? _hash;
    private readonly long _limit;
    private readonly Func<string>? _limitMessage;
    private readonly Action<long>? _onRead;

    public MeteredStream(Stream inner, bool hash, long limit = long.MaxValue, Func<string>? limitMessage = null, Action<long>? onRead = null)
    {
        _inner = inner;
        _hash = hash ? IncrementalHash.CreateHash(HashAlgorithmName.SHA256) : null;
        _limit = limit;
        _limitMessage = limitMessage;
        _onRead = onRead;
    }

    public long Count { get; private set; }

    /// <summary>"sha256:HEX" of everything read so far.</summary>
    public string? Digest => _hash is null ? null : "sha256:" + Convert.ToHexStringLower(_hash.GetCurrentHash());


    public override int Read(Span<byte> buffer)
    {
        int n = _inner.Read(buffer);
        if (n > 0)
        {
            Count += n;
            _hash?.AppendData(buffer[..n]);
            _onRead?.Invoke(n);
            if (Count > _limit)
            {
                throw new InputException(_limitMessage?.Invoke() ?? "stream too large");
            }
        }

        return n;
    }


    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
            _hash?.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>The common shape of the read-only streams here: not writable, not seekable unless overridden.</summary>
public abstract class ReadOnlyStream : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public abstract override int Read(Span<byte> buffer);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
