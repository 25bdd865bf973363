namespace Headroom.Images.Remote;

/// <summary>Settings of a <see cref="RegistryClient"/>. The defaults suit a CLI run.</summary>
public sealed class RegistryClientOptions
{
    /// <summary>Where credentials come from; default: Docker's config.json and its credential helpers.</summary>
    public IRegistryCredentialProvider Credentials { get; init; } = new DockerConfigCredentialProvider();

    /// <summary>How long to wait for a response's headers (connect included), per attempt.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a blob body may stall between two reads before the read fails.</summary>
    public TimeSpan ReadTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries after the first attempt on 429, 5xx, connection failures and timeouts (not when the host name does not resolve).</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>The first retry's delay; each next one doubles it (capped at <see cref="MaxRetryDelay"/>). A <c>Retry-After</c> header wins, capped the same.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Registries (host[:port]) spoken to over plain HTTP besides the loopback ones (127.0.0.0/8, ::1, localhost).</summary>
    public IReadOnlySet<string> InsecureRegistries { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The largest manifest, index or config accepted into memory.</summary>
    public int MaxDocumentBytes { get; init; } = 8 * 1024 * 1024;

    public string UserAgent { get; init; } = "headroom";
}
