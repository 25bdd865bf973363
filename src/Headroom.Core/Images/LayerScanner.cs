using System.Security.Cryptography;
using Headroom.Diagnostics;
using Headroom.Images.Tar;

namespace Headroom.Images;

/// <summary>Bounds against decompression bombs and runaway inputs.</summary>
/// <param name="MaxExpansion">A layer may decompress to at most this many times its stored size...</param>
/// <param name="ExpansionFloor">...once it is past this many bytes (small layers of zeros compress very well).</param>
/// <param name="MaxTotalBytes">The whole image may decompress to at most this many bytes.</param>
public sealed record ReadLimits(double MaxExpansion = 1000, long ExpansionFloor = 1L << 30, long MaxTotalBytes = 1L << 40)
{
    public static ReadLimits Default { get; } = new();
}

/// <summary>What one pass over one layer blob found (independent of every other layer).</summary>
internal sealed class LayerScan
{
    public List<ScanEntry> Entries { get; } = [];

    /// <summary>Σ header size of regular files (hard links and symlinks 0).</summary>
    public long Bytes { get; set; }

    public long StoredBytes { get; set; }

    public LayerCompression Compression { get; set; }

    /// <summary>sha256 of the stored blob (only with verification).</summary>
    public string? BlobDigest { get; set; }

    /// <summary>sha256 of the uncompressed tar (only with verification).</summary>
    public string? DiffId { get; set; }
}

internal enum ScanOp : byte
{
    Add,
    Whiteout,
    Opaque,
}

/// <summary>One tar entry, kept small: memory grows with the number of paths, not bytes.</summary>
internal struct ScanEntry
{
    public string Path;
    public string? Link;
    public long Size;
    public TarEntryKind Kind;
    public ScanOp Op;

    /// <summary>The content of a package metadata file (RECORD, dpkg status and lists, apk db, package.json, conda-meta).</summary>
    public byte[]? Content;

    /// <summary>sha256 of the content (only with <c>--hash</c>).</summary>
    public byte[]? Sha256;
}

internal sealed class ScanSettings
{
    public bool Hash { get; init; }

    public bool Verify { get; init; }

    public ReadLimits Limits { get; init; } = ReadLimits.Default;

    public Action<long>? OnStoredBytes { get; init; }

    private long _total;

    public void AddDecompressed(long n, string context)
    {
        if (Interlocked.Add(ref _total, n) > Limits.MaxTotalBytes)
        {
            throw new InputException($"{context}: the image decompresses to more than {Limits.MaxTotalBytes} bytes (limit; see --max-decompressed)");
        }
    }
}

/// <summary>Reads one layer blob in one forward pass.</summary>
internal static class LayerScanner
{
    private const string WhiteoutPrefix = ".wh.";
    private const string OpaqueMarker = ".wh..wh..opq";

    /// <param name="blob">The stored blob (compressed or not); disposed here.</param>
    /// <param name="storedSize">Its size when known in advance (for the expansion bound).</param>
    /// <param name="context">Start of error messages: <c>image.tar: layer 3 (sha256:ab12…)</c>.</param>
    public static LayerScan Scan(Stream blob, long? storedSize, ScanSettings settings, string context, CancellationToken cancellationToken)
    {
        var scan = new LayerScan();
        try
        {
            ScanCore(blob, storedSize, settings, context, scan, cancellationToken);
            return scan;
        }
        catch (InputException ex)
        {
            throw ex.Message.StartsWith(context, StringComparison.Ordinal) ? ex : new InputException($"{context}: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new InputException($"{context}: {ex.Message}", ex);
        }
        finally
        {
            blob.Dispose();
        }
    }

    private static void ScanCore(Stream blob, long? storedSize, ScanSettings settings, string context, LayerScan scan, CancellationToken cancellationToken)
    {
        long? known = blob.CanSeek ? blob.Length : storedSize;
        MeteredStream? stored = null;
        Stream input = blob;
        // A seekable blob stays unwrapped unless it must be hashed, so an uncompressed layer's file
        // data is skipped by seeking; its progress is reported once, at the end.
        if (settings.Verify || !blob.CanSeek)
        {
            stored = new MeteredStream(blob, settings.Verify, onRead: settings.OnStoredBytes);
            input = stored;
        }

        using Stream decoded = BlobStreams.OpenDecoded(input, out LayerCompression compression);
        scan.Compression = compression;
        MeteredStream? plain = null;
        Stream tarStream = decoded;
        if (compression != LayerCompression.None || settings.Verify)
        {
            long limit = long.MaxValue;
            if (compression != LayerCompression.None && known is long k)
            {
                double bound = Math.Max(settings.Limits.MaxExpansion * Math.Max(k, 1), settings.Limits.ExpansionFloor);
                limit = bound >= long.MaxValue ? long.MaxValue : (long)bound;
            }

            plain = new MeteredStream(
                decoded,
                settings.Verify,
                limit,
                () => $"decompresses to more than {limit} bytes from {known} stored (more than {settings.Limits.MaxExpansion}x; a decompression bomb? see --max-expansion)",
                n => settings.AddDecompressed(n, context));
            tarStream = plain;
        }

        using var reader = new TarStreamReader(tarStream, BlobStreams.StreamName(compression));
        long bytes = 0;
        int count = 0;
        while (reader.MoveNext())
        {
            if ((++count & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            string? path = TarPath.Normalize(reader.Name);
            if (path is null)
            {
                continue;
            }

            int slash = path.LastIndexOf('/');
            ReadOnlySpan<char> name = path.AsSpan(slash + 1);
            if (name.StartsWith(WhiteoutPrefix, StringComparison.Ordinal))
            {
                string dir = slash < 0 ? string.Empty : path[..slash];
                if (name.SequenceEqual(OpaqueMarker))
                {
                    scan.Entries.Add(new ScanEntry { Path = dir, Op = ScanOp.Opaque });
                }
                else if (!name.StartsWith(".wh..wh.", StringComparison.Ordinal))
                {
                    string target = dir.Length == 0 ? name[4..].ToString() : string.Concat(dir, "/", name[4..]);
                    scan.Entries.Add(new ScanEntry { Path = target, Op = ScanOp.Whiteout });
                }

                continue;
            }

            var entry = new ScanEntry { Path = path, Kind = reader.Kind, Size = reader.Size };
            if (reader.Kind is TarEntryKind.Symlink or TarEntryKind.HardLink)
            {
                entry.Link = reader.LinkName;
            }
            else if (reader.Kind == TarEntryKind.Regular)
            {
                bytes += reader.Size;
                int cap = MetadataCap(path);
                if (cap > 0 && reader.StoredSize <= cap && !reader.IsSparse)
                {
                    entry.Content = reader.ReadAllData();
                    if (settings.Hash)
                    {
                        entry.Sha256 = SHA256.HashData(entry.Content);
                    }
                }
                else if (settings.Hash && reader.StoredSize > 0)
                {
                    using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                    reader.HashData(hash);
                    entry.Sha256 = hash.GetHashAndReset();
                }
            }

            scan.Entries.Add(entry);
        }

        if (compression != LayerCompression.None || settings.Verify)
        {
            // Read to the end: the compressed stream's checksum is checked there, and hashes see every byte.
            reader.Drain();
        }

        if (stored is not null && settings.Verify)
        {
            Span<byte> rest = stackalloc byte[4096];
            while (stored.Read(rest) > 0)
            {
            }
        }

        if (stored is null && known is long whole)
        {
            settings.OnStoredBytes?.Invoke(whole);
        }

        scan.Bytes = bytes;
        scan.StoredBytes = known ?? stored?.Count ?? 0;
        scan.BlobDigest = settings.Verify ? stored?.Digest : null;
        scan.DiffId = settings.Verify ? plain?.Digest : null;
    }

    /// <summary>The size cap for buffering a package metadata file, or 0 when the path is not one.</summary>
    internal static int MetadataCap(string path)
    {
        if (path.EndsWith(".dist-info/RECORD", StringComparison.Ordinal))
        {
            return 16 << 20;
        }

        if (path == "var/lib/dpkg/status" || path == "lib/apk/db/installed")
        {
            return 64 << 20;
        }

        if (ImageAnalyzer.IsSystemFile(path))
        {
            return 64 << 10;
        }

        if (path.StartsWith("var/lib/dpkg/info/", StringComparison.Ordinal) && path.EndsWith(".list", StringComparison.Ordinal)
            && path.IndexOf('/', 18) < 0)
        {
            return 16 << 20;
        }

        if (PackageAttribution.IsStatusD(path))
        {
            return 16 << 20;
        }

        if (path.EndsWith("/package.json", StringComparison.Ordinal) && IsNpmPackageRoot(path))
        {
            return 1 << 20;
        }

        if (path.EndsWith(".json", StringComparison.Ordinal))
        {
            int slash = path.LastIndexOf('/');
            if (slash >= 10 && path.AsSpan(0, slash).EndsWith("conda-meta", StringComparison.Ordinal)
                && (slash == 10 || path[slash - 11] == '/'))
            {
                return 32 << 20;
            }
        }

        return 0;
    }

    /// <summary><c>…/node_modules/NAME/package.json</c> or <c>…/node_modules/@SCOPE/NAME/package.json</c>.</summary>
    private static bool IsNpmPackageRoot(string path)
    {
        string[] parts = path.Split('/');
        int n = parts.Length;
        return (n >= 3 && parts[n - 3] == "node_modules" && !parts[n - 2].StartsWith('@'))
            || (n >= 4 && parts[n - 4] == "node_modules" && parts[n - 3].StartsWith('@'));
    }
}
