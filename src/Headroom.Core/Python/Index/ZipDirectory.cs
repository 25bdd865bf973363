using System.Buffers.Binary;
using System.Text;

namespace Headroom.Python.Index;

/// <summary>Where a zip's central directory is, from its end records.</summary>
/// <param name="Offset">The directory's first byte.</param>
/// <param name="Size">The directory's length.</param>
/// <param name="Zip64RecordOffset">The ZIP64 end-of-central-directory record's offset, when the zip has one.</param>
internal readonly record struct ZipDirectoryLocation(long Offset, long Size, long? Zip64RecordOffset)
{
    /// <summary>The first byte that reading the directory and its end records needs.</summary>
    public long Start => Math.Min(Offset, Zip64RecordOffset ?? Offset);
}

/// <summary>
/// The few zip structures (APPNOTE 4.3.12–4.3.16) needed to fetch exactly the ranges that
/// <see cref="System.IO.Compression.ZipArchive"/> will read: the end-of-central-directory record (and the
/// ZIP64 locator) in the tail, which gives the directory's place, and a directory entry's local header
/// offset and compressed size, which give the range of one member. Everything else is ZipArchive's job.
/// </summary>
internal static class ZipDirectory
{
    private const uint EndSignature = 0x06054b50;
    private const uint Zip64LocatorSignature = 0x07064b50;
    private const uint EntrySignature = 0x02014b50;

    /// <summary>The most bytes from the end that can hold the end record (22 bytes, a comment of up to 64 KiB, the 20-byte ZIP64 locator).</summary>
    public const int MaxEndLength = 22 + 65535 + 20;

    /// <summary>Finds the end record in <paramref name="tail"/> (the file's last bytes, starting at <paramref name="tailOffset"/>); null when it is not there.</summary>
    public static ZipDirectoryLocation? Locate(ReadOnlySpan<byte> tail, long tailOffset, long fileLength)
    {
        for (int i = tail.Length - 22; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail[i..]) != EndSignature)
            {
                continue;
            }

            int commentLength = BinaryPrimitives.ReadUInt16LittleEndian(tail[(i + 20)..]);
            if (tailOffset + i + 22 + commentLength != fileLength)
            {
                continue;
            }

            long size = BinaryPrimitives.ReadUInt32LittleEndian(tail[(i + 12)..]);
            long offset = BinaryPrimitives.ReadUInt32LittleEndian(tail[(i + 16)..]);
            long? zip64 = null;
            if (i >= 20 && BinaryPrimitives.ReadUInt32LittleEndian(tail[(i - 20)..]) == Zip64LocatorSignature)
            {
                zip64 = (long)BinaryPrimitives.ReadUInt64LittleEndian(tail[(i - 20 + 8)..]);
            }

            return new ZipDirectoryLocation(offset, size, zip64);
        }

        return null;
    }

    /// <summary>Reads the ZIP64 end record (56 bytes at its offset) for the directory's real place.</summary>
    public static ZipDirectoryLocation? FromZip64Record(ReadOnlySpan<byte> record, long recordOffset)
    {
        if (record.Length < 56 || BinaryPrimitives.ReadUInt32LittleEndian(record) != 0x06064b50)
        {
            return null;
        }

        return new ZipDirectoryLocation((long)BinaryPrimitives.ReadUInt64LittleEndian(record[48..]), (long)BinaryPrimitives.ReadUInt64LittleEndian(record[40..]), recordOffset);
    }

    /// <summary>The local header offset and compressed size of the first directory entry whose name satisfies <paramref name="match"/>.</summary>
    public static (long LocalOffset, long CompressedSize, int NameLength)? FindEntry(ReadOnlySpan<byte> directory, Func<string, bool> match)
    {
        int pos = 0;
        while (pos + 46 <= directory.Length && BinaryPrimitives.ReadUInt32LittleEndian(directory[pos..]) == EntrySignature)
        {
            long compressed = BinaryPrimitives.ReadUInt32LittleEndian(directory[(pos + 20)..]);
            long uncompressed = BinaryPrimitives.ReadUInt32LittleEndian(directory[(pos + 24)..]);
            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(directory[(pos + 28)..]);
            int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(directory[(pos + 30)..]);
            int commentLength = BinaryPrimitives.ReadUInt16LittleEndian(directory[(pos + 32)..]);
            long local = BinaryPrimitives.ReadUInt32LittleEndian(directory[(pos + 42)..]);
            int next = pos + 46 + nameLength + extraLength + commentLength;
            if (next > directory.Length)
            {
                return null;
            }

            string name = Encoding.UTF8.GetString(directory.Slice(pos + 46, nameLength));
            if (match(name))
            {
                // ZIP64 extra field (id 1): the 8-byte values that the fixed fields left at 0xFFFFFFFF, in order.
                ReadOnlySpan<byte> extra = directory.Slice(pos + 46 + nameLength, extraLength);
                while (extra.Length >= 4)
                {
                    int id = BinaryPrimitives.ReadUInt16LittleEndian(extra);
                    int size = BinaryPrimitives.ReadUInt16LittleEndian(extra[2..]);
                    ReadOnlySpan<byte> data = extra.Slice(4, Math.Min(size, extra.Length - 4));
                    if (id == 1)
                    {
                        int at = 0;
                        if (uncompressed == uint.MaxValue && at + 8 <= data.Length)
                        {
                            at += 8;
                        }

                        if (compressed == uint.MaxValue && at + 8 <= data.Length)
                        {
                            compressed = (long)BinaryPrimitives.ReadUInt64LittleEndian(data[at..]);
                            at += 8;
                        }

                        if (local == uint.MaxValue && at + 8 <= data.Length)
                        {
                            local = (long)BinaryPrimitives.ReadUInt64LittleEndian(data[at..]);
                        }
                    }

                    extra = extra[Math.Min(extra.Length, 4 + size)..];
                }

                return (local, compressed, nameLength);
            }

            pos = next;
        }

        return null;
    }
}
