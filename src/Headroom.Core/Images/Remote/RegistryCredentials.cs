using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Headroom.Images.Remote;

/// <summary>A user name and password (or token) for one registry.</summary>
public sealed record RegistryCredential(string Username, string Secret)
{
    /// <summary><c>Basic base64(user:secret)</c>.</summary>
    public string BasicHeaderValue => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Username}:{Secret}"));

    /// <summary>Docker's marker user name for an identity token kept in <see cref="Secret"/>.</summary>
    public bool IsIdentityToken => Username == "<token>";

    public override string ToString() => $"RegistryCredential {{ Username = {Username}, Secret = *** }}";
}

/// <summary>Finds credentials for a registry host (<c>docker.io</c>, <c>host:port</c>).</summary>
public interface IRegistryCredentialProvider
{
    RegistryCredential? Find(string registry);
}

/// <summary>Fixed credentials, for tests and for callers that pass them explicitly.</summary>
public sealed class StaticCredentialProvider(IReadOnlyDictionary<string, RegistryCredential> credentials) : IRegistryCredentialProvider
{
    public static StaticCredentialProvider None { get; } = new(new Dictionary<string, RegistryCredential>());

    public RegistryCredential? Find(string registry) => credentials.GetValueOrDefault(registry);
}

/// <summary>
/// Credentials from Docker's <c>config.json</c> (<c>$DOCKER_CONFIG/config.json</c>, else
/// <c>~/.docker/config.json</c>): <c>credHelpers[registry]</c>, else <c>credsStore</c>, run as
/// <c>docker-credential-NAME get</c> when that program is on PATH (skipped when it is not), else the
/// base64 <c>auth</c> (or <c>username</c>/<c>password</c>) of the <c>auths</c> entry. Keys of <c>auths</c>
/// may be URLs (<c>https://index.docker.io/v1/</c>); they match by host.
/// A missing or unreadable file gives no credentials (anonymous access), never an error.
/// </summary>
public sealed class DockerConfigCredentialProvider : IRegistryCredentialProvider
{
    private const string DockerHubServer = "https://index.docker.io/v1/";
    private readonly string? _configPath;
    private readonly Func<string, string, string?> _runHelper;

    /// <param name="configPath">The config.json path; null for the default location.</param>
    /// <param name="runHelper">Runs a credential helper (program name, server URL) and returns its stdout or null; tests replace it.</param>
    public DockerConfigCredentialProvider(string? configPath = null, Func<string, string, string?>? runHelper = null)
    {
        _configPath = configPath ?? DefaultConfigPath();
        _runHelper = runHelper ?? RunHelper;
    }

    public static string? DefaultConfigPath()
    {
        string? dir = Environment.GetEnvironmentVariable("DOCKER_CONFIG");
        if (string.IsNullOrEmpty(dir))
        {
            string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            if (string.IsNullOrEmpty(home))
            {
                return null;
            }

            dir = Path.Combine(home, ".docker");
        }

        return Path.Combine(dir, "config.json");
    }

    public RegistryCredential? Find(string registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        if (_configPath is null || !File.Exists(_configPath))
        {
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(_configPath);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        try
        {
            using JsonDocument doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            return FindIn(doc.RootElement, registry);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private RegistryCredential? FindIn(JsonElement root, string registry)
    {
        bool hub = registry is ImageReference.DockerHub or "index.docker.io" or "registry-1.docker.io";
        string server = hub ? DockerHubServer : registry;

        string? helper = null;
        if (root.TryGetProperty("credHelpers", out JsonElement helpers) && helpers.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty p in helpers.EnumerateObject())
            {
                if (KeyMatches(p.Name, registry, hub) && p.Value.ValueKind == JsonValueKind.String)
                {
                    helper = p.Value.GetString();
                    break;
                }
            }
        }

        if (helper is null && root.TryGetProperty("credsStore", out JsonElement store) && store.ValueKind == JsonValueKind.String)
        {
            helper = store.GetString();
        }

        if (!string.IsNullOrEmpty(helper))
        {
            RegistryCredential? fromHelper = ParseHelperOutput(_runHelper("docker-credential-" + helper, server));
            if (fromHelper is not null)
            {
                return fromHelper;
            }
        }

        if (root.TryGetProperty("auths", out JsonElement auths) && auths.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty p in auths.EnumerateObject())
            {
                if (!KeyMatches(p.Name, registry, hub) || p.Value.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                RegistryCredential? found = FromAuthEntry(p.Value);
                if (found is not null)
                {
                    return found;
                }
            }
        }

        return null;
    }

    private static RegistryCredential? FromAuthEntry(JsonElement entry)
    {
        string? identityToken = ImageManifest.Str(entry, "identitytoken");
        if (!string.IsNullOrEmpty(identityToken))
        {
            return new RegistryCredential("<token>", identityToken);
        }

        string? auth = ImageManifest.Str(entry, "auth");
        if (!string.IsNullOrEmpty(auth))
        {
            try
            {
                string decoded = Encoding.UTF8.GetString(Convert.FromBase64String(auth));
                int colon = decoded.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    return new RegistryCredential(decoded[..colon], decoded[(colon + 1)..]);
                }
            }
            catch (FormatException)
            {
                return null;
            }
        }

        string? user = ImageManifest.Str(entry, "username");
        string? password = ImageManifest.Str(entry, "password");
        return !string.IsNullOrEmpty(user) && password is not null ? new RegistryCredential(user, password) : null;
    }

    /// <summary>Whether an <c>auths</c>/<c>credHelpers</c> key names the registry: by host[:port], with or without scheme and path.</summary>
    internal static bool KeyMatches(string key, string registry, bool hub)
    {
        string host = key;
        int scheme = host.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            host = host[(scheme + 3)..];
        }

        int slash = host.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            host = host[..slash];
        }

        if (hub)
        {
            return host is "index.docker.io" or "docker.io" or "registry-1.docker.io";
        }

        return string.Equals(host, registry, StringComparison.OrdinalIgnoreCase);
    }

    internal static RegistryCredential? ParseHelperOutput(string? output)
    {
        if (string.IsNullOrWhiteSpace(output))
        {
            return null;
        }

        try
        {
            using JsonDocument doc = JsonDocument.Parse(output);
            string? user = ImageManifest.Str(doc.RootElement, "Username");
            string? secret = ImageManifest.Str(doc.RootElement, "Secret");
            return string.IsNullOrEmpty(secret) ? null : new RegistryCredential(string.IsNullOrEmpty(user) ? "<token>" : user, secret);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Runs <c>PROGRAM get</c> with the server URL on stdin when PROGRAM is on PATH; null otherwise or on failure.</summary>
    private static string? RunHelper(string program, string server)
    {
        string? path = FindOnPath(program);
        if (path is null)
        {
            return null;
        }

        try
        {
            var start = new ProcessStartInfo(path, "get")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using Process process = Process.Start(start) ?? throw new InvalidOperationException();
            process.StandardInput.Write(server);
            process.StandardInput.Close();
            Task<string> output = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                process.Kill(entireProcessTree: true);
                return null;
            }

            return process.ExitCode == 0 ? output.GetAwaiter().GetResult() : null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return null;
        }
    }

    private static string? FindOnPath(string program)
    {
        string? pathVariable = Environment.GetEnvironmentVariable("PATH");
        if (string.IsNullOrEmpty(pathVariable))
        {
            return null;
        }

        foreach (string dir in pathVariable.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(dir, program);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
