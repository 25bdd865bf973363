namespace Headroom.Images;

/// <summary>
/// Where an image comes from. There are two shapes, because some inputs can be read in any order
/// and some only once from front to back:
/// <list type="bullet">
/// <item><see cref="IRandomAccessImageSource"/>: the manifest and config are read first, then each
/// layer blob is opened on its own (several at once). Local archives and OCI layouts are this;
/// a registry client is too (manifest, config and blob GETs by digest): implement
/// <see cref="IRandomAccessImageSource.Resolve"/> with <see cref="OciImageResolver.Resolve"/> over a
/// fetch-by-digest function and return the HTTP body stream from <see cref="IRandomAccessImageSource.OpenBlob"/>.</item>
/// <item><see cref="IStreamingImageSource"/>: one forward pass where layers may come before the
/// manifest (stdin, and the Docker Engine API's <c>GET /images/{name}/get</c>, which is a
/// docker-archive stream: wrap it in <see cref="DockerArchiveStreamSource"/>).</item>
/// </list>
/// <see cref="ImageAnalyzer.Analyze"/> takes either. Sources throw
/// <see cref="Headroom.Diagnostics.InputException"/> for bad or missing input, with a message that
/// starts with <see cref="DisplayName"/>.
/// </summary>
public interface IImageSource : IDisposable
{
    /// <summary>The name used at the start of messages, e.g. <c>image.tar</c> or <c>docker://ghcr.io/x/y:1</c>.</summary>
    string DisplayName { get; }
}

/// <summary>A source whose blobs can be opened in any order, several at once.</summary>
public interface IRandomAccessImageSource : IImageSource
{
    /// <summary>How many blobs may be read at the same time (the analyzer also caps it at the core count).</summary>
    int MaxParallelism { get; }

    /// <summary>Reads the index/manifest/config and picks the image.</summary>
    ResolvedImage Resolve(ImageSelector selector, CancellationToken cancellationToken);

    /// <summary>Opens a layer blob as stored (compressed or not). Must be safe to call from several threads.</summary>
    Stream OpenBlob(LayerDescriptor layer, CancellationToken cancellationToken);
}

/// <summary>A source that can only be read once, front to back.</summary>
public interface IStreamingImageSource : IImageSource
{
    /// <summary>
    /// Reads the whole input once. Every blob that may be a layer is handed to <paramref name="onBlob"/>
    /// as it passes (key, stored size, content; the stream is valid only during the call), and the
    /// image is resolved at the end from the manifest, wherever it was in the stream. The returned
    /// layers' <see cref="LayerDescriptor.BlobKey"/> values are keys that were passed to <paramref name="onBlob"/>.
    /// </summary>
    ResolvedImage ReadOnce(ImageSelector selector, Action<string, long, Stream> onBlob, CancellationToken cancellationToken);
}
