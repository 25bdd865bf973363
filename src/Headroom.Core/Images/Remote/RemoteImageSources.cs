using System.Collections.Concurrent;
using System.Net;
using Headroom.Diagnostics;

namespace Headroom.Images.Remote;

/// <summary>Settings for the remote image sources (tests point them at their own services).</summary>
public sealed class RemoteSourceOptions
{
    public RegistryClientOptions Registry { get; init; } = new();

    /// <summary>The Docker Engine API endpoint; null for <see cref="DockerEndpoint.FromEnvironment"/>.</summary>
    public DockerEndpoint? DockerEndpoint { get; init; }
}

/// <summary>
/// Opens the remote transports of <c>headroom image</c>: <c>docker://REGISTRY/REPO[:TAG|@DIGEST]</c>
/// (a <see cref="RegistryImageSource"/>) and <c>docker-daemon:NAME[:TAG]</c> (the Engine API's export
/// stream read as a docker-archive). Failures are <see cref="InputException"/>s with one line.
/// </summary>
public static class RemoteImageSources
{
    public static bool IsRemote(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.StartsWith("docker://", StringComparison.Ordinal) || spec.StartsWith("docker-daemon:", StringComparison.Ordinal);
    }

    public static IImageSource Open(string spec, RemoteSourceOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        options ??= new RemoteSourceOptions();
        if (spec.StartsWith("docker://", StringComparison.Ordinal))
        {
            string text = spec["docker://".Length..];
            if (!ImageReference.TryParse(text, out ImageReference? image, out string? error))
            {
                throw new InputException($"{spec}: invalid image reference: {error}");
            }

            return new RegistryImageSource(image, new RegistryClient(options.Registry), spec, ownsClient: true);
        }

        if (spec.StartsWith("docker-daemon:", StringComparison.Ordinal))
        {
            string name = spec["docker-daemon:".Length..];
            if (name.Length == 0)
            {
                throw new InputException($"{spec}: no image name (docker-daemon:NAME[:TAG])");
            }

            return OpenDaemon(name, spec, options, cancellationToken);
        }

        throw new InputException($"{spec}: not a remote source (docker:// or docker-daemon:)");
    }

    private static DockerArchiveStreamSource OpenDaemon(string name, string displayName, RemoteSourceOptions options, CancellationToken cancellationToken)
    {
        DockerEngineClient? client = null;
        try
        {
            client = new DockerEngineClient(options.DockerEndpoint ?? DockerEndpoint.FromEnvironment());
            // Inspect first: an unknown image is a clear 404 before any streaming starts.
            client.InspectImageAsync(name, cancellationToken).GetAwaiter().GetResult();
            Stream export = client.ExportImageAsync(name, cancellationToken).GetAwaiter().GetResult();
            var source = new DockerArchiveStreamSource(new InputErrorStream(export, client), displayName);
            client = null;
            return source;
        }
        catch (RemoteImageException e)
        {
            throw new InputException(e.Message, e);
        }
        finally
        {
            client?.Dispose();
        }
    }
}

/// <summary>
/// An image in a registry, read as <see cref="IRandomAccessImageSource"/>: the index, manifest and
/// config through <see cref="OciImageResolver"/>, each layer blob as its own HTTP stream.
/// </summary>
public sealed class RegistryImageSource : IRandomAccessImageSource
{
    private readonly RegistryClient _client;
    private readonly bool _ownsClient;
    private readonly ConcurrentDictionary<string, bool> _manifestDigests = new(StringComparer.Ordinal);

    public RegistryImageSource(ImageReference image, RegistryClient client, string? displayName = null, bool ownsClient = false)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(client);
        Image = image;
        _client = client;
        _ownsClient = ownsClient;
        DisplayName = displayName ?? $"docker://{image}";
    }

    public ImageReference Image { get; }

    public string DisplayName { get; }

    /// <summary>Layer downloads at once.</summary>
    public int MaxParallelism => 4;

    public ResolvedImage Resolve(ImageSelector selector, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(selector);
        try
        {
            ManifestResponse top = Wait(_client.GetManifestAsync(Image, cancellationToken));
            Remember(top);
            return OciImageResolver.Resolve(top.Content, DisplayName, selector, digest => Fetch(digest, cancellationToken), digest => digest);
        }
        catch (RemoteImageException e)
        {
            throw new InputException(e.Message, e);
        }
    }

    public Stream OpenBlob(LayerDescriptor layer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(layer);
        try
        {
            return new InputErrorStream(Wait(_client.OpenBlobAsync(Image, layer.BlobKey, verify: false, cancellationToken)), null);
        }
        catch (RemoteImageException e)
        {
            throw new InputException(e.Message, e);
        }
    }

    public void Dispose()
    {
        if (_ownsClient)
        {
            _client.Dispose();
        }
    }

    /// <summary>A manifest (when an index named it) or a blob (a config) by digest; null when the registry has none.</summary>
    private byte[]? Fetch(string digest, CancellationToken cancellationToken)
    {
        try
        {
            if (_manifestDigests.ContainsKey(digest))
            {
                ManifestResponse manifest = Wait(_client.GetManifestAsync(Image.WithDigest(digest), cancellationToken));
                Remember(manifest);
                return manifest.Content;
            }

            return Wait(_client.GetBlobBytesAsync(Image, digest, cancellationToken));
        }
        catch (RemoteImageException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private void Remember(ManifestResponse response)
    {
        if (!ManifestMediaTypes.IsIndex(response.MediaType))
        {
            return;
        }

        try
        {
            foreach (Descriptor d in ImageIndex.Parse(response.Content, response.MediaType).Manifests)
            {
                _manifestDigests[d.Digest] = true;
            }
        }
        catch (FormatException)
        {
            // The resolver reports a malformed index itself.
        }
    }

    private static T Wait<T>(Task<T> task) => task.GetAwaiter().GetResult();
}

/// <summary>Turns a remote stream's <see cref="RemoteImageException"/> into the <see cref="InputException"/> that image readers handle.</summary>
internal sealed class InputErrorStream(Stream inner, IDisposable? owner) : ReadOnlyStream
{
    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => throw new NotSupportedException();
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(Span<byte> buffer)
    {
        try
        {
            return inner.Read(buffer);
        }
        catch (RemoteImageException e)
        {
            throw new InputException(e.Message, e);
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (RemoteImageException e)
        {
            throw new InputException(e.Message, e);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            owner?.Dispose();
        }

        base.Dispose(disposing);
    }
}
