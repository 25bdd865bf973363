using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text.Json;
using Headroom.Diagnostics;
using Headroom.Net;

namespace Headroom.Python.Index;

/// <summary>
/// Reads what a wheel holds without downloading it: its core metadata from the PEP 658 <c>.metadata</c>
/// file when the index advertises one, and otherwise (and always for the installed size) from the zip
/// itself through HTTP range requests. The size comes from the listing (PEP 700), PyPI's JSON API or a HEAD;
/// then one absolute range fetches the tail (PyPI refuses suffix ranges) and the end-of-central-directory
/// record (and ZIP64 record) there gives the directory's place: a directory larger than the tail costs one
/// more range, the <c>METADATA</c> member one more. <see cref="ZipArchive"/> then reads all of it from an
/// <see cref="HttpRangeStream"/> holding just those ranges (it validates the directory and inflates the
/// member; only the few offsets needed to know which ranges to fetch are read here, in <see cref="ZipDirectory"/>). The installed size is the sum of the
/// directory's uncompressed sizes. A server that ignores <c>Range</c> (200) is read whole only up to
/// <see cref="MaxWholeDownload"/>. Results are kept in memory and, since a file's URL and hash name fixed
/// content, in the disk cache, so a warm run asks nothing. Failures give null with a
/// <see cref="WheelInspection.Reason"/>, never an exception.
/// </summary>
public sealed class WheelInspector
{
    private readonly HttpFetcher _fetcher;
    private readonly PyPiJsonApi _json;
    private readonly ConcurrentDictionary<string, Lazy<Task<WheelInspection>>> _inspections = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<long?>>> _sizes = new(StringComparer.Ordinal);

    public WheelInspector(HttpFetcher fetcher)
    {
        ArgumentNullException.ThrowIfNull(fetcher);
        _fetcher = fetcher;
        _json = new PyPiJsonApi(fetcher);
    }

    /// <summary>The largest file read whole when the server ignores <c>Range</c>.</summary>
    public long MaxWholeDownload { get; init; } = 16L * 1024 * 1024;

    /// <summary>The first tail fetched: enough for the directory of most wheels.</summary>
    public long InitialTail { get; init; } = 64 * 1024;

    /// <summary>The download size: the listing's, else PyPI's JSON API (PyPI-like hosts), else a HEAD's <c>Content-Length</c>; null when none says.</summary>
    public Task<long?> GetSizeAsync(DistributionFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Size is long known)
        {
            return Task.FromResult<long?>(known);
        }

        return _sizes.GetOrAdd(Key(file), _ => new Lazy<Task<long?>>(() => FindSizeAsync(file, cancellationToken))).Value;
    }

    /// <summary>The core metadata and the reason when there is none.</summary>
    public async Task<(CoreMetadata? Metadata, string? Reason)> GetMetadataAsync(DistributionFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        string where = $"metadata of {HttpFetcher.Redact(file.Url)}";
        if (file.Wheel is null)
        {
            return (null, $"{file.Filename} is not a wheel: its metadata needs a build");
        }

        byte[]? bytes = null;
        string? reason = null;
        if (file.HasCoreMetadata)
        {
            (bytes, reason) = await GetPep658Async(file, cancellationToken).ConfigureAwait(false);
        }

        if (bytes is null)
        {
            WheelInspection inspection = await InspectAsync(file, cancellationToken).ConfigureAwait(false);
            bytes = inspection.Metadata;
            reason = inspection.Reason ?? reason;
        }

        if (bytes is null)
        {
            return (null, reason ?? $"{where}: not found");
        }

        try
        {
            return (CoreMetadataParser.Parse(bytes, where), null);
        }
        catch (InputException e)
        {
            return (null, e.Message);
        }
    }

    /// <summary>Reads the wheel's zip directory (once per file per run, and once per cache).</summary>
    public Task<WheelInspection> InspectAsync(DistributionFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        return _inspections.GetOrAdd(Key(file), _ => new Lazy<Task<WheelInspection>>(() => InspectOnceAsync(file, cancellationToken))).Value;
    }

    private async Task<(byte[]? Bytes, string? Reason)> GetPep658Async(DistributionFile file, CancellationToken cancellationToken)
    {
        string cacheKey = "core-metadata\n" + Key(file);
        if (_fetcher.Cache?.Read(cacheKey) is HttpCacheEntry known)
        {
            return (known.Body, null);
        }

        var url = new Uri(file.Url.AbsoluteUri + ".metadata");
        try
        {
            Fetched<byte[]>? fetched = await _fetcher.GetAsync(url, null, "metadata", d => d.Body, cancellationToken).ConfigureAwait(false);
            if (fetched is null)
            {
                return (null, $"metadata {HttpFetcher.Redact(url)}: advertised but not found (404)");
            }

            _fetcher.Cache?.Write(cacheKey, new HttpCacheEntry(HttpFetcher.Redact(url), null, null, null, DateTimeOffset.UtcNow, null, fetched.Value));
            return (fetched.Value, null);
        }
        catch (InputException e)
        {
            return (null, e.Message);
        }
    }

    private async Task<long?> FindSizeAsync(DistributionFile file, CancellationToken cancellationToken)
    {
        if (_fetcher.Cache?.Read("wheel-zip\n" + Key(file)) is HttpCacheEntry known && FromJson(known.Body)?.Size is long cachedSize)
        {
            return cachedSize;
        }

        try
        {
            if (file.Version is PythonVersion version)
            {
                IReadOnlyDictionary<string, long> sizes = await _json.GetSizesAsync(file.IndexUrl, PackageName.Normalize(file.Wheel?.Name ?? file.Filename.Split('-')[0]), version, cancellationToken).ConfigureAwait(false);
                if (sizes.TryGetValue(file.Filename, out long fromJson))
                {
                    return fromJson;
                }
            }
        }
        catch (InputException)
        {
            // The JSON API is an extra: fall back to HEAD.
        }

        if (file.Url.IsFile)
        {
            return File.Exists(file.Url.LocalPath) ? new FileInfo(file.Url.LocalPath).Length : null;
        }

        return await _fetcher.GetLengthAsync(file.Url, "wheel", cancellationToken).ConfigureAwait(false);
    }

    private async Task<WheelInspection> InspectOnceAsync(DistributionFile file, CancellationToken cancellationToken)
    {
        string cacheKey = "wheel-zip\n" + Key(file);
        if (_fetcher.Cache?.Read(cacheKey) is HttpCacheEntry known && FromJson(known.Body) is WheelInspection cached)
        {
            return cached;
        }

        string subject = $"wheel {HttpFetcher.Redact(file.Url)}";
        WheelInspection result;
        try
        {
            result = file.Url.IsFile ? await ReadLocalAsync(file, subject, cancellationToken).ConfigureAwait(false) : await ReadRemoteAsync(file, subject, cancellationToken).ConfigureAwait(false);
        }
        catch (InputException e)
        {
            result = new WheelInspection(file.Size, null, null, e.Message);
        }

        if (result.InstalledSize is not null && result.Metadata is not null)
        {
            _fetcher.Cache?.Write(cacheKey, new HttpCacheEntry(HttpFetcher.Redact(file.Url), "application/json", null, null, DateTimeOffset.UtcNow, null, ToJson(result)));
        }

        return result;
    }

    private static async Task<WheelInspection> ReadLocalAsync(DistributionFile file, string subject, CancellationToken cancellationToken)
    {
        string path = file.Url.LocalPath;
        if (!File.Exists(path))
        {
            return new WheelInspection(null, null, null, $"{subject}: no such file");
        }

        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true);
        return await ReadZipAsync(stream, stream.Length, subject, cancellationToken).ConfigureAwait(false);
    }

    private async Task<WheelInspection> ReadRemoteAsync(DistributionFile file, string subject, CancellationToken cancellationToken)
    {
        long? size = await GetSizeAsync(file, cancellationToken).ConfigureAwait(false);
        if (size is not long length || length <= 0)
        {
            return new WheelInspection(null, null, null, $"{subject}: the size is unknown (not in the listing, and no Content-Length), so the zip directory cannot be found with absolute ranges");
        }

        long tail = Math.Min(length, InitialTail);
        HttpRange? first = await _fetcher.GetRangeAsync(file.Url, length - tail, length - 1, MaxWholeDownload, "wheel", cancellationToken).ConfigureAwait(false);
        if (first is null)
        {
            return new WheelInspection(length, null, null, $"{subject}: the server ignores Range requests and the wheel is {length} bytes, more than the {MaxWholeDownload} read whole");
        }

        if (first.IsWholeFile)
        {
            using var whole = new MemoryStream(first.Bytes, writable: false);
            return await ReadZipAsync(whole, first.Bytes.Length, subject, cancellationToken).ConfigureAwait(false);
        }

        Uri url = file.Url;
        await using var ranged = new HttpRangeStream(length, async (a, b, ct) =>
            (await _fetcher.GetRangeAsync(url, a, b, 0, "wheel", ct).ConfigureAwait(false))?.Bytes ?? throw new IOException("the server stopped answering Range requests"));
        ranged.Add(first.Offset, first.Bytes);

        // The end record is in the tail unless a long archive comment pushes it further: then one larger tail.
        ZipDirectoryLocation? where = ZipDirectory.Locate(first.Bytes, first.Offset, length);
        if (where is null && tail < Math.Min(length, ZipDirectory.MaxEndLength))
        {
            long bigger = Math.Min(length, ZipDirectory.MaxEndLength);
            await ranged.EnsureAsync(length - bigger, length - 1, cancellationToken).ConfigureAwait(false);
            where = ZipDirectory.Locate(ranged.ReadFetched(length - bigger, (int)bigger), length - bigger, length);
        }

        if (where is ZipDirectoryLocation { Zip64RecordOffset: long record } && record >= 0 && record + 56 <= length)
        {
            await ranged.EnsureAsync(record, record + 55, cancellationToken).ConfigureAwait(false);
            where = ZipDirectory.FromZip64Record(ranged.ReadFetched(record, 56), record);
        }

        if (where is not ZipDirectoryLocation directory || directory.Offset < 0 || directory.Size < 0 || directory.Offset + directory.Size > length || directory.Size > int.MaxValue)
        {
            return new WheelInspection(length, null, null, $"{subject}: corrupt zip: no valid end-of-central-directory record in the last {Math.Min(length, ZipDirectory.MaxEndLength)} bytes");
        }

        // The directory (one range for the part the tail lacks), then the METADATA member (one range).
        await ranged.EnsureAsync(directory.Start, length - 1, cancellationToken).ConfigureAwait(false);
        if (ZipDirectory.FindEntry(ranged.ReadFetched(directory.Offset, (int)directory.Size), IsMetadata) is { } member)
        {
            const int slack = 1024; // the local header's extra field, which may differ from the directory's
            await ranged.EnsureAsync(member.LocalOffset, member.LocalOffset + 30 + member.NameLength + member.CompressedSize + slack, cancellationToken).ConfigureAwait(false);
        }

        return await ReadZipAsync(ranged, length, subject, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the directory, sums the sizes, then inflates METADATA.</summary>
    private static async Task<WheelInspection> ReadZipAsync(Stream stream, long size, string subject, CancellationToken cancellationToken)
    {
        try
        {
            await using ZipArchive zip = await ZipArchive.CreateAsync(stream, ZipArchiveMode.Read, leaveOpen: true, entryNameEncoding: null, cancellationToken).ConfigureAwait(false);
            long installed = 0;
            ZipArchiveEntry? metadata = null;
            foreach (ZipArchiveEntry entry in zip.Entries)
            {
                installed += entry.Length;
                if (IsMetadata(entry.FullName))
                {
                    metadata ??= entry;
                }
            }

            if (metadata is null)
            {
                return new WheelInspection(size, installed, null, $"{subject}: no *.dist-info/METADATA in the zip");
            }

            if (metadata.Length > 16 * 1024 * 1024)
            {
                return new WheelInspection(size, installed, null, $"{subject}: METADATA is {metadata.Length} bytes, too large to read");
            }

            await using Stream body = await metadata.OpenAsync(cancellationToken).ConfigureAwait(false);
            using var buffer = new MemoryStream();
            await body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            return new WheelInspection(size, installed, buffer.ToArray(), null);
        }
        catch (InvalidDataException e)
        {
            return new WheelInspection(size, null, null, $"{subject}: corrupt zip: {HttpFetcher.OneLine(e.Message)}");
        }
        catch (IOException e)
        {
            return new WheelInspection(size, null, null, $"{subject}: reading the zip failed: {HttpFetcher.OneLine(e.Message)}");
        }
    }

    /// <summary><c>name-version.dist-info/METADATA</c> at the top of the archive.</summary>
    private static bool IsMetadata(string path)
    {
        int slash = path.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && path.LastIndexOf('/') == slash &&
            path.AsSpan(0, slash).EndsWith(".dist-info", StringComparison.Ordinal) && path.AsSpan(slash + 1).SequenceEqual("METADATA");
    }

    private static string Key(DistributionFile file) =>
        HttpFetcher.Redact(file.Url) + (file.Hashes.TryGetValue("sha256", out string? sha) ? "\nsha256=" + sha : string.Empty);

    private static byte[] ToJson(WheelInspection inspection)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (inspection.Size is long size)
            {
                json.WriteNumber("size", size);
            }

            json.WriteNumber("installedSize", inspection.InstalledSize ?? 0);
            json.WriteBase64String("metadata", inspection.Metadata);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static WheelInspection? FromJson(byte[] body)
    {
        try
        {
            using JsonDocument doc = JsonDocument.Parse(body);
            JsonElement root = doc.RootElement;
            long? size = root.TryGetProperty("size", out JsonElement s) ? s.GetInt64() : null;
            return new WheelInspection(size, root.GetProperty("installedSize").GetInt64(), root.GetProperty("metadata").GetBytesFromBase64(), null);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
