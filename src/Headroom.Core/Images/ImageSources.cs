using Headroom.Diagnostics;

namespace Headroom.Images;

/// <summary>
/// Opens an image source named with the containers-transports convention: <c>docker-archive:PATH[:REF]</c>,
/// <c>oci-archive:PATH[:REF]</c>, <c>oci:DIR[:REF]</c>, a plain path (sniffed: a folder with
/// <c>oci-layout</c> is an OCI layout; a tar file is read as whichever layout it holds), or <c>-</c>
/// (a docker-archive stream on standard input). Remote transports (<c>docker://</c>,
/// <c>docker-daemon:</c>) plug in here: give back an <see cref="IRandomAccessImageSource"/> (registry)
/// or a <see cref="DockerArchiveStreamSource"/> over the Engine API's export stream (daemon).
/// </summary>
public static class ImageSources
{
    /// <summary>Parses and opens a source. <paramref name="reference"/> is the <c>:REF</c> part, if any.</summary>
    public static IImageSource Open(string spec, Func<Stream> standardInput, out string? reference)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(standardInput);
        reference = null;
        if (spec == "-")
        {
            return new DockerArchiveStreamSource(standardInput(), "stdin");
        }

        int colon = spec.IndexOf(':', StringComparison.Ordinal);
        string transport = colon > 0 ? spec[..colon] : string.Empty;
        switch (transport)
        {
            case "docker-archive":
            case "oci-archive":
                {
                    string path = SplitReference(spec[(colon + 1)..], File.Exists, out reference);
                    return OpenFile(path);
                }

            case "oci":
                {
                    string path = SplitReference(spec[(colon + 1)..], Directory.Exists, out reference);
                    if (!Directory.Exists(path))
                    {
                        throw new InputException($"{path}: no such directory");
                    }

                    return OpenDirectory(path);
                }

            case "docker" when spec.StartsWith("docker://", StringComparison.Ordinal):
            case "docker-daemon":
                return Remote.RemoteImageSources.Open(spec);
            default:
                break;
        }

        if (Directory.Exists(spec))
        {
            return OpenDirectory(spec);
        }

        if (File.Exists(spec))
        {
            return OpenFile(spec);
        }

        if (transport.Length > 1 && !transport.Contains('/', StringComparison.Ordinal))
        {
            throw new InputException($"{spec}: unknown source transport '{transport}' (use docker-archive:, oci-archive:, oci:, a path, or -)");
        }

        throw new InputException($"{spec}: no such file or directory");
    }

    /// <summary><c>PATH:REF</c>: the longest prefix that exists is the path.</summary>
    private static string SplitReference(string rest, Func<string, bool> exists, out string? reference)
    {
        reference = null;
        if (exists(rest))
        {
            return rest;
        }

        for (int i = rest.Length - 1; i > 0; i--)
        {
            if (rest[i] == ':' && exists(rest[..i]))
            {
                reference = rest[(i + 1)..];
                return rest[..i];
            }
        }

        return rest;
    }

    private static ArchiveImageSource OpenDirectory(string path)
    {
        if (!File.Exists(Path.Combine(path, "oci-layout")) && !File.Exists(Path.Combine(path, "index.json")))
        {
            throw new InputException($"{path}: not an OCI image layout (no oci-layout or index.json)");
        }

        return new ArchiveImageSource(new DirectoryFiles(path, path));
    }

    private static IImageSource OpenFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new InputException($"{path}: no such file");
        }

        Span<byte> head = stackalloc byte[4];
        int n;
        try
        {
            using FileStream probe = File.OpenRead(path);
            n = BlobStreams.ReadAtMost(probe, head);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{path}: {ex.Message}", ex);
        }

        if (BlobStreams.Sniff(head[..n]) != LayerCompression.None)
        {
            // A compressed archive (docker save | gzip) cannot be indexed: read it once, in order.
            return new DockerArchiveStreamSource(File.OpenRead(path), path);
        }

        return new ArchiveImageSource(new IndexedTarFiles(path, path));
    }
}
