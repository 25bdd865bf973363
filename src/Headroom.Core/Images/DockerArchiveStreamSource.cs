using Headroom.Diagnostics;
using Headroom.Images.Tar;

namespace Headroom.Images;

/// <summary>
/// A docker-archive read once from a non-seekable stream (stdin, or the Docker Engine API's
/// <c>GET /images/{name}/get</c> body). Layers may come before <c>manifest.json</c>, so each blob is
/// handed on as it streams and the image is resolved at the end. Small JSON members are kept in
/// memory (up to 64 MiB each); everything else is treated as a possible layer. The stream may
/// itself be gzip or zstd compressed (<c>docker save | gzip</c>).
/// </summary>
public sealed class DockerArchiveStreamSource(Stream stream, string displayName) : IStreamingImageSource
{
    public string DisplayName => displayName;

    public ResolvedImage ReadOnce(ImageSelector selector, Action<string, long, Stream> onBlob, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(selector);
        ArgumentNullException.ThrowIfNull(onBlob);
        var files = new BufferedFiles(displayName);
        try
        {
            using Stream decoded = BlobStreams.OpenDecoded(stream, out LayerCompression compression);
            using var reader = new TarStreamReader(decoded, BlobStreams.StreamName(compression));
            while (reader.MoveNext())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (TarPath.Normalize(reader.Name) is not string path)
                {
                    continue;
                }

                if (reader.Kind is TarEntryKind.Symlink or TarEntryKind.HardLink && reader.LinkName is not null)
                {
                    files.Links.Add(path, reader.LinkName, reader.Kind == TarEntryKind.HardLink);
                    continue;
                }

                if (reader.Kind != TarEntryKind.Regular)
                {
                    continue;
                }

                ReadOnlySpan<byte> head = reader.PeekData(512);
                if (reader.StoredSize <= ArchiveFilesExtensions.MaxJsonSize && LooksLikeJson(path, head))
                {
                    files.Add(path, reader.ReadAllData());
                    continue;
                }

                files.AddBlob(path, reader.StoredSize);
                using var entry = new TarEntryStream(reader);
                onBlob(path, reader.StoredSize, entry);
            }
        }
        catch (InputException ex) when (!ex.Message.StartsWith(displayName, StringComparison.Ordinal))
        {
            throw new InputException($"{displayName}: {ex.Message}", ex);
        }

        ResolvedImage image = ImageLayout.Resolve(files, selector);
        return image with { Layers = image.Layers.Select(l => l with { BlobKey = files.Links.Resolve(l.BlobKey) }).ToList() };
    }

    public void Dispose() => stream.Dispose();

    private static bool LooksLikeJson(string path, ReadOnlySpan<byte> head)
    {
        if (path.EndsWith(".json", StringComparison.Ordinal) || path == "oci-layout" || path == "repositories")
        {
            return true;
        }

        if (BlobStreams.Sniff(head) != LayerCompression.None || TarStreamReader.LooksLikeTar(head))
        {
            return false;
        }

        int i = head.IndexOfAnyExcept(" \t\r\n"u8);
        return i >= 0 && head[i] is (byte)'{' or (byte)'[';
    }

    /// <summary>The members seen in the stream: JSON kept, blobs by size only.</summary>
    private sealed class BufferedFiles(string displayName) : IArchiveFiles
    {
        private readonly Dictionary<string, byte[]> _json = new(StringComparer.Ordinal);
        private readonly Dictionary<string, long> _blobs = new(StringComparer.Ordinal);

        public string DisplayName => displayName;

        public ArchiveLinks Links { get; } = new();

        public void Add(string path, byte[] data) => _json[path] = data;

        public void AddBlob(string path, long size) => _blobs[path] = size;

        public bool TryGetSize(string path, out long size)
        {
            path = Links.Resolve(path);
            if (_json.TryGetValue(path, out byte[]? data))
            {
                size = data.Length;
                return true;
            }

            return _blobs.TryGetValue(path, out size);
        }

        public Stream Open(string path) =>
            _json.TryGetValue(Links.Resolve(path), out byte[]? data)
                ? new MemoryStream(data, writable: false)
                : throw new InputException($"{displayName}: '{path}' was expected to be JSON but is a blob");
    }

    /// <summary>The current tar entry's data as a stream.</summary>
    private sealed class TarEntryStream(TarStreamReader reader) : ReadOnlyStream
    {
        public override int Read(Span<byte> buffer) => reader.ReadData(buffer);
    }
}
