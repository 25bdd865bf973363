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
            if (!_raw.EndsWithSize((uint)_produced))
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

    /// <summary>
    /// Passes reads through and remembers the last bytes up to the last non-zero one, and how many zero
    /// bytes follow it: Ubuntu pads its Packages.gz files with zeros after the gzip member.
    /// </summary>
    private sealed class TailStream(Stream inner) : ReadOnlyStream
    {
        private readonly byte[] _window = new byte[64];
        private int _windowLength;
        private long _zerosAfter;

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

        /// <summary>
        /// Whether ISIZE = <paramref name="size"/> (little-endian) closes the data, allowing what mirrors append
        /// after the last real member: zero padding and an empty gzip member (20 bytes), as Ubuntu's files have.
        /// </summary>
        public bool EndsWithSize(uint size)
        {
            Span<byte> expected = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(expected, size);
            int zeros = (int)Math.Min(_zerosAfter, 8);
            Span<byte> tail = stackalloc byte[_windowLength + zeros];
            _window.AsSpan(0, _windowLength).CopyTo(tail);
            tail[_windowLength..].Clear();
            for (int end = tail.Length; end >= 4 && end >= tail.Length - 28; end--)
            {
                if (tail[(end - 4)..end].SequenceEqual(expected))
                {
                    return true;
                }
            }

            return false;
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
            int last = data.LastIndexOfAnyExcept((byte)0);
            if (last < 0)
            {
                _zerosAfter += data.Length;
                return;
            }

            ReadOnlySpan<byte> kept = data[..(last + 1)];
            if (kept.Length >= _window.Length)
            {
                kept[^_window.Length..].CopyTo(_window);
                _windowLength = _window.Length;
            }
            else
            {
                int keep = Math.Min(_windowLength, _window.Length - kept.Length);
                _window.AsSpan(_windowLength - keep, keep).CopyTo(_window);
                kept.CopyTo(_window.AsSpan(keep));
                _windowLength = keep + kept.Length;
            }

            _zerosAfter = data.Length - last - 1;
        }
    }
}
