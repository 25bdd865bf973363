using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Headroom.Images.Remote;

/// <summary>
/// A registry image reference, <c>[REGISTRY/]REPO[:TAG][@DIGEST]</c>, normalised as Docker does:
/// no registry means <c>docker.io</c>; a single-component Docker Hub name gets <c>library/</c>; the first
/// component is a registry when it has a dot or a port, or is <c>localhost</c>.
/// </summary>
/// <param name="Registry">The registry host[:port] as written (<c>docker.io</c> for Docker Hub).</param>
/// <param name="Repository">The repository path, e.g. <c>library/ubuntu</c>.</param>
/// <param name="Tag">The tag, or null when not given (<see cref="Reference"/> is then <c>latest</c> unless a digest is given).</param>
/// <param name="Digest">The manifest digest (<c>sha256:HEX</c>), or null.</param>
public sealed partial record ImageReference(string Registry, string Repository, string? Tag, string? Digest)
{
    public const string DockerHub = "docker.io";
    public const string DefaultTag = "latest";

    /// <summary>The tag or digest that the manifest is fetched by: the digest when given, else the tag, else <c>latest</c>.</summary>
    public string Reference => Digest ?? Tag ?? DefaultTag;

    /// <summary>The host[:port] that the API is asked at (<c>registry-1.docker.io</c> for Docker Hub).</summary>
    public string ApiHost => Registry == DockerHub ? "registry-1.docker.io" : Registry;

    /// <summary>The reference with a different tag or digest (used after following an index).</summary>
    public ImageReference WithDigest(string digest) => this with { Digest = digest };

    /// <summary>The canonical form: <c>docker.io/library/ubuntu:22.04</c>, <c>host:5000/a/b@sha256:...</c>.</summary>
    public override string ToString()
    {
        string text = $"{Registry}/{Repository}";
        if (Tag is not null)
        {
            text += ":" + Tag;
        }

        if (Digest is not null)
        {
            text += "@" + Digest;
        }

        return text;
    }

    /// <summary>The repository with its tag or digest, as messages show it: <c>repo/name:tag</c>.</summary>
    public string RepositoryAndReference => Digest is not null ? $"{Repository}@{Digest}" : $"{Repository}:{Tag ?? DefaultTag}";

    /// <summary>Parses a reference; throws <see cref="FormatException"/> with a one-line reason.</summary>
    public static ImageReference Parse(string text)
    {
        return TryParse(text, out ImageReference? reference, out string? error)
            ? reference
            : throw new FormatException($"invalid image reference '{text}': {error}");
    }

    public static bool TryParse(string text, [NotNullWhen(true)] out ImageReference? reference, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        reference = null;
        if (text.Length == 0)
        {
            error = "empty";
            return false;
        }

        if (text.Length > 4096 || text.Any(char.IsWhiteSpace))
        {
            error = "contains white space or is too long";
            return false;
        }

        string rest = text;
        string? digest = null;
        int at = rest.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            digest = rest[(at + 1)..];
            rest = rest[..at];
            if (!DigestPattern().IsMatch(digest))
            {
                error = $"bad digest '{digest}' (expected ALGORITHM:HEX, e.g. sha256: and 64 hex digits)";
                return false;
            }
        }

        string? tag = null;
        int lastSlash = rest.LastIndexOf('/');
        int colon = rest.LastIndexOf(':');
        if (colon > lastSlash)
        {
            tag = rest[(colon + 1)..];
            rest = rest[..colon];
            if (!TagPattern().IsMatch(tag))
            {
                error = $"bad tag '{tag}'";
                return false;
            }
        }

        string registry;
        string repository;
        int slash = rest.IndexOf('/', StringComparison.Ordinal);
        string first = slash < 0 ? string.Empty : rest[..slash];
        if (slash >= 0 && (first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost" || first.Any(char.IsUpper)))
        {
            registry = first;
            repository = rest[(slash + 1)..];
            if (!RegistryPattern().IsMatch(registry))
            {
                error = $"bad registry '{registry}'";
                return false;
            }
        }
        else
        {
            registry = DockerHub;
            repository = rest;
        }

        if (registry is "index.docker.io" or "registry-1.docker.io")
        {
            registry = DockerHub;
        }

        if (registry == DockerHub && !repository.Contains('/', StringComparison.Ordinal))
        {
            repository = "library/" + repository;
        }

        if (repository.Length == 0)
        {
            error = "no repository name";
            return false;
        }

        if (!RepositoryPattern().IsMatch(repository))
        {
            error = repository.Any(char.IsUpper)
                ? $"repository name '{repository}' must be lowercase"
                : $"bad repository name '{repository}'";
            return false;
        }

        reference = new ImageReference(registry, repository, tag, digest);
        error = null;
        return true;
    }

    /// <summary>Whether the registry is on loopback (plain HTTP is used there, as Docker does).</summary>
    public bool IsLoopbackRegistry => IsLoopbackHost(Registry);

    internal static bool IsLoopbackHost(string hostAndPort)
    {
        string host = hostAndPort;
        if (host.StartsWith('['))
        {
            int end = host.IndexOf(']', StringComparison.Ordinal);
            host = end > 0 ? host[1..end] : host;
        }
        else
        {
            int colon = host.LastIndexOf(':');
            if (colon >= 0)
            {
                host = host[..colon];
            }
        }

        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return System.Net.IPAddress.TryParse(host, out System.Net.IPAddress? address) && System.Net.IPAddress.IsLoopback(address);
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.-]*:[0-9a-fA-F]{32,}$")]
    private static partial Regex DigestPattern();

    [GeneratedRegex(@"^[\w][\w.-]{0,127}$")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::[0-9]+)?$")]
    private static partial Regex RegistryPattern();

    [GeneratedRegex(@"^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*$")]
    private static partial Regex RepositoryPattern();
}
