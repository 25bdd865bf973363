using System.Buffers.Binary;
using System.IO.Compression;
using Headroom.Images;

namespace Headroom.Apt;

/// <summary>
/// Decompresses a single-member gzip file and checks, at its end, that the trailer's ISIZE (the
/// uncompressed length modulo 2^32, RFC 1952) matches what was produced: <see cref="GZipStream"/>
/// ends quietly on a truncated file, which would otherwise read as a shorter index.
/// </summary>
internal sealed class GzipSizeCheckStream : ReadOnlyStream
{
    private readonly TailStream _raw;
    private readonly GZipStream _gzip;
    private long _produced;
    private bool _checked;

    public GzipSizeCheckStream(Stream compressed)
    {
        _raw = new TailStream(compressed);
        _gzip = new GZipStream(_raw, CompressionMode.Decompress);
    }

    public override int Read(Span<byte> buffer)
    {
        int n = _gzip.Read(buffer);
        if (n > 0)
        {
            _produced += n;
            return n;
        }

        if (buffer.Length > 0 && !_checked)
        {
            _checked = true;
            _raw.DrainToEnd();
            uint size = _raw.TailLength >= 8 ? BinaryPrimitives.ReadUInt32LittleEndian(_raw.Tail[4..]) : uint.MaxValue;
            if (_raw.TailLength < 8 || size != (uint)_produced)
            {
                throw new InvalidDataException("truncated or corrupt gzip data (the trailer does not match the uncompressed length)");
            }
        }

        return 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gzip.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Passes reads through and remembers the last 8 bytes.</summary>
    private sealed class TailStream(Stream inner) : ReadOnlyStream
    {
        private readonly byte[] _tail = new byte[8];

        public int TailLength { get; private set; }

        public ReadOnlySpan<byte> Tail => _tail.AsSpan(0, TailLength);

        public override int Read(Span<byte> buffer)
        {
            int n = inner.Read(buffer);
            Remember(buffer[..n]);
            return n;
        }

        public void DrainToEnd()
        {
            byte[] chunk = new byte[8192];
            int n;
            while ((n = inner.Read(chunk)) > 0)
            {
                Remember(chunk.AsSpan(0, n));
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private void Remember(ReadOnlySpan<byte> data)
        {
            if (data.Length >= 8)
            {
                data[^8..].CopyTo(_tail);
                TailLength = 8;
                return;
            }

            int keep = Math.Min(TailLength, 8 - data.Length);
            _tail.AsSpan(TailLength - keep, keep).CopyTo(_tail);
            data.CopyTo(_tail.AsSpan(keep));
            TailLength = keep + data.Length;
        }
    }
}
