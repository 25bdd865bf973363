using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Headroom.Diagnostics;

namespace Headroom.Images.Tar;

/// <summary>What a tar entry is, as far as sizes are concerned.</summary>
public enum TarEntryKind : byte
{
    /// <summary>A regular file (also contiguous files, GNU and PAX sparse files).</summary>
    Regular,

    /// <summary>A hard link: no data of its own.</summary>
    HardLink,

    /// <summary>A symbolic link.</summary>
    Symlink,

    /// <summary>A directory.</summary>
    Directory,

    /// <summary>Character and block devices, FIFOs.</summary>
    Other,
}

/// <summary>
/// A forward-only tar reader over any stream: ustar, GNU (long names <c>L</c>/<c>K</c>, old sparse
/// <c>S</c> with extension blocks, base-256 numbers) and PAX (path, linkpath, size, GNU sparse 0.x
/// and 1.0). It reads in large blocks from a pooled buffer, allocates one string per entry name,
/// skips file data by seeking when the stream can seek, and reports every malformation as an
/// <see cref="InputException"/> (never another exception type).
/// </summary>
/// <remarks>
/// Written instead of <c>System.Formats.Tar.TarReader</c> because TarReader refuses GNU sparse
/// entries (<c>NotSupportedException: Entry type 'SparseFile' not supported</c>), which would make a
/// whole layer unreadable, and because it skips data in 4 KiB reads.
/// </remarks>
public sealed class TarStreamReader : IDisposable
{
    private const int Block = 512;
    private const int MaxMetaSize = 1 << 20;

    private readonly Stream _stream;
    private readonly string _streamName;
    private readonly bool _canSeek;
    private byte[] _buf;
    private int _pos;
    private int _len;
    private long _remaining;
    private long _padding;
    private bool _done;
    private bool _disposed;

    /// <param name="stream">The tar bytes (already decompressed).</param>
    /// <param name="streamName">What the stream is, for messages: <c>gzip stream</c>, <c>tar stream</c>.</param>
    /// <param name="bufferSize">Read size; large reads make skipping cheap.</param>
    public TarStreamReader(Stream stream, string streamName = "tar stream", int bufferSize = 128 * 1024)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _streamName = streamName;
        _canSeek = stream.CanSeek;
        _buf = ArrayPool<byte>.Shared.Rent(Math.Max(bufferSize, 4 * Block));
    }

    /// <summary>The entry's path exactly as stored (not normalised).</summary>
    public string Name { get; private set; } = string.Empty;

    /// <summary>The link target of a hard or symbolic link.</summary>
    public string? LinkName { get; private set; }

    public TarEntryKind Kind { get; private set; }

    /// <summary>The number of data bytes stored in the archive for this entry.</summary>
    public long StoredSize { get; private set; }

    /// <summary>The header size of the file: its apparent size (a sparse file's real size).</summary>
    public long Size { get; private set; }

    /// <summary>True for GNU or PAX sparse files: the data then holds only the non-hole parts.</summary>
    public bool IsSparse { get; private set; }

    /// <summary>Bytes consumed from the underlying stream so far.</summary>
    public long Position { get; private set; }

    /// <summary>Moves to the next entry, skipping what is left of the current one's data.</summary>
    public bool MoveNext()
    {
        if (_done)
        {
            return false;
        }

        SkipData();
        Skip(_padding);
        _padding = 0;

        string? longName = null;
        string? longLink = null;
        Pax pax = default;
        while (true)
        {
            long headerOffset = Position;
            int got = Fill(Block);
            if (got == 0)
            {
                // End of the stream on a block boundary without the end-of-archive blocks: accepted
                // (some writers omit them); truncation inside an entry is still detected.
                _done = true;
                return false;
            }

            if (got < Block)
            {
                throw Truncated();
            }

            ReadOnlySpan<byte> h = _buf.AsSpan(_pos, Block);
            if (!h.ContainsAnyExcept((byte)0))
            {
                Consume(Block);
                _done = true;
                return false;
            }

            VerifyChecksum(h, headerOffset);
            byte type = h[156];
            long size = ParseNumber(h.Slice(124, 12), headerOffset, "size");
            switch (type)
            {
                case (byte)'L':
                    Consume(Block);
                    longName = ReadMetaText(size, headerOffset);
                    continue;
                case (byte)'K':
                    Consume(Block);
                    longLink = ReadMetaText(size, headerOffset);
                    continue;
                case (byte)'x':
                case (byte)'X':
                    Consume(Block);
                    pax = ParsePax(ReadMeta(size, headerOffset), headerOffset);
                    continue;
                case (byte)'g':
                case (byte)'V':
                    Consume(Block);
                    Skip(Padded(size, headerOffset));
                    continue;
                default:
                    break;
            }

            bool ustar = h.Slice(257, 6).SequenceEqual("ustar\0"u8);
            string name = pax.SparseName ?? pax.Path ?? longName ?? UstarName(h, ustar);
            string? link = pax.LinkPath ?? longLink ?? NullTerminated(h.Slice(157, 100));
            long stored = pax.Size ?? size;
            long apparent = stored;
            bool sparse = false;
            TarEntryKind kind;
            switch (type)
            {
                case (byte)'0':
                case 0:
                case (byte)'7':
                    kind = name.EndsWith('/') ? TarEntryKind.Directory : TarEntryKind.Regular;
                    break;
                case (byte)'1':
                    kind = TarEntryKind.HardLink;
                    break;
                case (byte)'2':
                    kind = TarEntryKind.Symlink;
                    break;
                case (byte)'5':
                case (byte)'D':
                    kind = TarEntryKind.Directory;
                    break;
                case (byte)'3':
                case (byte)'4':
                case (byte)'6':
                    kind = TarEntryKind.Other;
                    break;
                case (byte)'S':
                    kind = TarEntryKind.Regular;
                    sparse = true;
                    apparent = ParseNumber(h.Slice(483, 12), headerOffset, "sparse real size");
                    break;
                default:
                    // POSIX: an unknown type is read as a regular file.
                    kind = TarEntryKind.Regular;
                    break;
            }

            bool extended = type == (byte)'S' && h[482] != 0;
            Consume(Block);
            while (extended)
            {
                if (Fill(Block) < Block)
                {
                    throw Truncated();
                }

                extended = _buf[_pos + 504] != 0;
                Consume(Block);
            }

            if (pax.RealSize is long real)
            {
                sparse = true;
                apparent = real;
            }

            if (stored < 0 || apparent < 0)
            {
                throw Bad(headerOffset, "negative size");
            }

            Name = name;
            LinkName = kind is TarEntryKind.HardLink or TarEntryKind.Symlink ? link : null;
            Kind = kind;
            StoredSize = stored;
            Size = kind == TarEntryKind.Regular ? apparent : 0;
            IsSparse = sparse;
            _remaining = stored;
            _padding = Padded(stored, headerOffset) - stored;
            return true;
        }
    }

    /// <summary>Reads the current entry's data; 0 at its end.</summary>
    public int ReadData(Span<byte> destination)
    {
        if (_remaining == 0 || destination.IsEmpty)
        {
            return 0;
        }

        if (_len == _pos && Fill(1) == 0)
        {
            throw Truncated();
        }

        int n = (int)Math.Min(Math.Min(destination.Length, _len - _pos), _remaining);
        _buf.AsSpan(_pos, n).CopyTo(destination);
        Consume(n);
        _remaining -= n;
        return n;
    }

    /// <summary>Returns up to <paramref name="count"/> first bytes of the current entry's unread data without consuming them.</summary>
    public ReadOnlySpan<byte> PeekData(int count)
    {
        count = (int)Math.Min(Math.Min(count, _remaining), _buf.Length);
        int got = Fill(count);
        return _buf.AsSpan(_pos, got);
    }

    /// <summary>Reads all of the current entry's data into a new array (callers cap the size first).</summary>
    public byte[] ReadAllData()
    {
        var data = new byte[_remaining];
        int offset = 0;
        while (offset < data.Length)
        {
            offset += ReadData(data.AsSpan(offset));
        }

        return data;
    }

    /// <summary>Feeds the rest of the current entry's data to <paramref name="hash"/>.</summary>
    public void HashData(IncrementalHash hash)
    {
        ArgumentNullException.ThrowIfNull(hash);
        while (_remaining > 0)
        {
            if (_len == _pos && Fill(1) == 0)
            {
                throw Truncated();
            }

            int n = (int)Math.Min(_len - _pos, _remaining);
            hash.AppendData(_buf, _pos, n);
            Consume(n);
            _remaining -= n;
        }
    }

    /// <summary>Reads the underlying stream to its end (after the end-of-archive blocks), so that
    /// hashes over the whole stream see every byte.</summary>
    public void Drain()
    {
        SkipData();
        Skip(_padding);
        _padding = 0;
        _pos = _len = 0;
        while (ReadStream(_buf.AsSpan()) > 0)
        {
        }

        _done = true;
    }

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            ArrayPool<byte>.Shared.Return(_buf);
            _buf = [];
        }
    }

    private void SkipData()
    {
        Skip(_remaining);
        _remaining = 0;
    }

    private void Skip(long count)
    {
        int buffered = _len - _pos;
        if (count <= buffered)
        {
            Consume((int)count);
            return;
        }

        Consume(buffered);
        count -= buffered;
        _pos = _len = 0;
        if (_canSeek)
        {
            long target;
            try
            {
                target = _stream.Position + count;
                if (target > _stream.Length)
                {
                    throw Truncated();
                }

                _stream.Position = target;
            }
            catch (Exception ex) when (ex is IOException or NotSupportedException or ArgumentException)
            {
                throw new InputException($"cannot read the {_streamName}: {ex.Message}", ex);
            }

            Position += count;
            return;
        }

        while (count > 0)
        {
            int n = ReadStream(_buf.AsSpan(0, (int)Math.Min(_buf.Length, count)));
            if (n == 0)
            {
                throw Truncated();
            }

            count -= n;
            Position += n;
        }
    }

    private void Consume(int n)
    {
        _pos += n;
        Position += n;
    }

    /// <summary>Makes at least <paramref name="n"/> bytes available if the stream has them; returns how many are.</summary>
    private int Fill(int n)
    {
        int available = _len - _pos;
        if (available >= n)
        {
            return n;
        }

        if (_pos > 0)
        {
            Buffer.BlockCopy(_buf, _pos, _buf, 0, available);
            _pos = 0;
            _len = available;
        }

        while (_len < n)
        {
            int read = ReadStream(_buf.AsSpan(_len));
            if (read == 0)
            {
                break;
            }

            _len += read;
        }

        return Math.Min(n, _len);
    }

    private int ReadStream(Span<byte> destination)
    {
        try
        {
            return _stream.Read(destination);
        }
        catch (InputException)
        {
            throw;
        }
        catch (EndOfStreamException ex)
        {
            throw new InputException($"unexpected end of {_streamName}", ex);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            string what = ex.Message.TrimEnd('.');
            throw new InputException($"corrupt {_streamName}: {what}", ex);
        }
    }

    private byte[] ReadMeta(long size, long headerOffset)
    {
        if (size > MaxMetaSize)
        {
            throw Bad(headerOffset, $"extended header of {size} bytes (more than {MaxMetaSize})");
        }

        _remaining = size;
        byte[] data = ReadAllData();
        Skip(Padded(size, headerOffset) - size);
        return data;
    }

    private string ReadMetaText(long size, long headerOffset)
    {
        byte[] data = ReadMeta(size, headerOffset);
        int end = data.AsSpan().IndexOf((byte)0);
        return Encoding.UTF8.GetString(data, 0, end < 0 ? data.Length : end);
    }

    private Pax ParsePax(byte[] data, long headerOffset)
    {
        var pax = default(Pax);
        ReadOnlySpan<byte> rest = data;
        while (!rest.IsEmpty)
        {
            if (rest[0] == 0)
            {
                break;
            }

            int space = rest.IndexOf((byte)' ');
            if (space <= 0 || !int.TryParse(rest[..space], out int length) || length <= space + 1 || length > rest.Length
                || rest[length - 1] != (byte)'\n')
            {
                throw Bad(headerOffset, "malformed PAX record");
            }

            ReadOnlySpan<byte> record = rest[(space + 1)..(length - 1)];
            rest = rest[length..];
            int eq = record.IndexOf((byte)'=');
            if (eq <= 0)
            {
                throw Bad(headerOffset, "malformed PAX record");
            }

            ReadOnlySpan<byte> key = record[..eq];
            ReadOnlySpan<byte> value = record[(eq + 1)..];
            if (key.SequenceEqual("path"u8))
            {
                pax.Path = Encoding.UTF8.GetString(value);
            }
            else if (key.SequenceEqual("linkpath"u8))
            {
                pax.LinkPath = Encoding.UTF8.GetString(value);
            }
            else if (key.SequenceEqual("size"u8))
            {
                pax.Size = ParseDecimal(value, headerOffset);
            }
            else if (key.SequenceEqual("GNU.sparse.name"u8))
            {
                pax.SparseName = Encoding.UTF8.GetString(value);
            }
            else if (key.SequenceEqual("GNU.sparse.realsize"u8) || key.SequenceEqual("GNU.sparse.size"u8))
            {
                pax.RealSize = ParseDecimal(value, headerOffset);
            }
        }

        return pax;
    }

    private long ParseDecimal(ReadOnlySpan<byte> value, long headerOffset)
    {
        if (!long.TryParse(value, System.Globalization.NumberStyles.None, null, out long n))
        {
            throw Bad(headerOffset, "malformed number in PAX record");
        }

        return n;
    }

    private long Padded(long size, long headerOffset)
    {
        if (size > long.MaxValue - Block)
        {
            throw Bad(headerOffset, "size out of range");
        }

        return (size + (Block - 1)) & ~(long)(Block - 1);
    }

    private static string UstarName(ReadOnlySpan<byte> h, bool ustar)
    {
        string name = NullTerminated(h[..100]);
        if (ustar)
        {
            string prefix = NullTerminated(h.Slice(345, 155));
            if (prefix.Length > 0)
            {
                return prefix + "/" + name;
            }
        }

        return name;
    }

    private static string NullTerminated(ReadOnlySpan<byte> field)
    {
        int end = field.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? field : field[..end]);
    }

    private long ParseNumber(ReadOnlySpan<byte> field, long headerOffset, string what)
    {
        if ((field[0] & 0x80) != 0)
        {
            // GNU base-256: big-endian two's complement; negative values are refused.
            if ((field[0] & 0x40) != 0)
            {
                throw Bad(headerOffset, $"negative {what}");
            }

            long v = field[0] & 0x3F;
            for (int i = 1; i < field.Length; i++)
            {
                if (v > (long.MaxValue >> 8))
                {
                    throw Bad(headerOffset, $"{what} out of range");
                }

                v = (v << 8) | field[i];
            }

            return v;
        }

        int p = 0;
        while (p < field.Length && (field[p] == (byte)' ' || field[p] == 0))
        {
            p++;
        }

        long value = 0;
        for (; p < field.Length; p++)
        {
            byte c = field[p];
            if (c == (byte)' ' || c == 0)
            {
                break;
            }

            if (c is < (byte)'0' or > (byte)'7' || value > (long.MaxValue >> 3))
            {
                throw Bad(headerOffset, $"invalid {what} field");
            }

            value = (value << 3) | (uint)(c - '0');
        }

        return value;
    }

    private void VerifyChecksum(ReadOnlySpan<byte> h, long headerOffset)
    {
        if (!ChecksumMatches(h))
        {
            throw Bad(headerOffset, "bad header checksum (not a tar archive?)");
        }
    }

    private static bool ChecksumMatches(ReadOnlySpan<byte> h)
    {
        long stored = 0;
        int p = 148;
        while (p < 156 && (h[p] == (byte)' ' || h[p] == 0))
        {
            p++;
        }

        for (; p < 156 && h[p] is >= (byte)'0' and <= (byte)'7'; p++)
        {
            stored = (stored << 3) | (uint)(h[p] - '0');
        }

        long unsigned = 8 * 0x20;
        long signed = 8 * 0x20;
        for (int i = 0; i < Block; i++)
        {
            if (i is >= 148 and < 156)
            {
                continue;
            }

            unsigned += h[i];
            signed += (sbyte)h[i];
        }

        return stored == unsigned || stored == signed;
    }

    private InputException Truncated() => new($"unexpected end of {_streamName}");

    private InputException Bad(long headerOffset, string what) =>
        new($"{_streamName}: tar header at offset {headerOffset}: {what}");

    /// <summary>True when <paramref name="block"/> (at least 512 bytes) is a tar header with a valid checksum, or all zeros.</summary>
    public static bool LooksLikeTar(ReadOnlySpan<byte> block)
    {
        if (block.Length < Block)
        {
            return false;
        }

        block = block[..Block];
        if (!block.ContainsAnyExcept((byte)0))
        {
            return true;
        }

        return ChecksumMatches(block);
    }

    private struct Pax
    {
        public string? Path;
        public string? LinkPath;
        public string? SparseName;
        public long? Size;
        public long? RealSize;
    }
}
