using System.Net.Sockets;

namespace Headroom.Tests.Integration;

/// <summary>
/// What tests/integration/up.sh set up: fixture image archives, registries and a podman API socket.
/// Values come from environment variables first, then from the env file that up.sh writes
/// (<c>$HEADROOM_IT_DIR/env</c>, default <c>${XDG_CACHE_HOME:-~/.cache}/headroom-it/env</c>).
/// The <c>Require...</c> members skip the test with a visible reason when a component is absent,
/// and fail it instead when <c>HEADROOM_REQUIRE_INTEGRATION=1</c> (CI).
/// </summary>
public sealed class IntegrationEnvironment
{
    private static readonly Lazy<IntegrationEnvironment> Loaded = new(Load);
    private readonly Dictionary<string, string> _file;

    private IntegrationEnvironment(string envFile, Dictionary<string, string> file)
    {
        EnvFile = envFile;
        _file = file;
    }

    public static IntegrationEnvironment Current => Loaded.Value;

    /// <summary>True when CI asks that missing components fail the tests instead of skipping them.</summary>
    public static bool Required => Environment.GetEnvironmentVariable("HEADROOM_REQUIRE_INTEGRATION") == "1";

    public string EnvFile { get; }

    public const string Hint = "run `bash tests/integration/up.sh` (as root) to set it up";

    /// <summary>A value by name, or null.</summary>
    public string? Get(string key)
    {
        string? value = Environment.GetEnvironmentVariable(key);
        if (!string.IsNullOrEmpty(value))
        {
            return value;
        }

        return _file.TryGetValue(key, out string? fromFile) && fromFile.Length > 0 ? fromFile : null;
    }

    /// <summary>Skips (or, with HEADROOM_REQUIRE_INTEGRATION=1, fails) the current test.</summary>
    public static void Unavailable(string reason)
    {
        if (Required)
        {
            Assert.Fail($"integration: {reason} (HEADROOM_REQUIRE_INTEGRATION=1 makes this a failure)");
        }

        Assert.Skip($"integration: {reason}");
    }

    /// <summary>A value that must be present.</summary>
    public string Require(string key, string what)
    {
        string? value = Get(key);
        if (value is null)
        {
            Unavailable($"no {what} ({key} unset and not in {EnvFile}); {Hint}");
        }

        return value!;
    }

    /// <summary>The folder of exported fixture images (NAME.docker.tar, NAME.oci.tar, NAME.oci/, NAME.zstd.oci/).</summary>
    public string RequireImages()
    {
        string dir = Require("HEADROOM_IT_IMAGES", "fixture images");
        if (!Directory.Exists(dir))
        {
            Unavailable($"the fixture image folder {dir} is missing; {Hint}");
        }

        return dir;
    }

    /// <summary>The fixture names (apt-delete, rm-dir, multi-stage, pip-wheels).</summary>
    public IReadOnlyList<string> Fixtures()
    {
        return Require("HEADROOM_IT_FIXTURES", "fixture list").Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>
    /// An exported fixture: <paramref name="format"/> is <c>docker.tar</c> (docker-archive), <c>oci.tar</c>
    /// (oci-archive), <c>oci</c> (OCI layout, gzip) or <c>zstd.oci</c> (OCI layout, zstd).
    /// </summary>
    public string RequireFixture(string name, string format)
    {
        string path = Path.Combine(RequireImages(), $"{name}.{format}");
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            Unavailable($"the fixture {path} is missing; {Hint}");
        }

        return path;
    }

    /// <summary>The plain (no auth) registry, host:port.</summary>
    public string RequireRegistry() => RequireListening("HEADROOM_IT_REGISTRY", "plain registry");

    /// <summary>The registry with htpasswd basic auth, and its user and password.</summary>
    public (string Registry, string User, string Password) RequireBasicRegistry() =>
        (RequireListening("HEADROOM_IT_REGISTRY_BASIC", "basic-auth registry"), Require("HEADROOM_IT_REGISTRY_USER", "registry user"), Require("HEADROOM_IT_REGISTRY_PASSWORD", "registry password"));

    /// <summary>The registry with bearer-token auth, and the user and password its token server accepts.</summary>
    public (string Registry, string User, string Password) RequireTokenRegistry() =>
        (RequireListening("HEADROOM_IT_REGISTRY_TOKEN", "token-auth registry"), Require("HEADROOM_IT_REGISTRY_USER", "registry user"), Require("HEADROOM_IT_REGISTRY_PASSWORD", "registry password"));

    /// <summary>The podman (Docker-API) socket path, and the image loaded into it.</summary>
    public (string Socket, string Image) RequirePodman()
    {
        string socket = Require("HEADROOM_IT_PODMAN_SOCKET", "podman API socket");
        if (!File.Exists(socket))
        {
            Unavailable($"the podman socket {socket} does not exist; {Hint}");
        }

        return (socket, Require("HEADROOM_IT_PODMAN_IMAGE", "podman image"));
    }

    /// <summary>
    /// The loopback package index (tests/integration/pyindex/serve.py): its base URL (indexes under
    /// <c>/pypi/</c>, <c>/cpu/</c>, <c>/plain/</c>, <c>/norange/</c>) and the folder of the wheels it serves.
    /// </summary>
    public (Uri Url, string Wheels) RequirePyIndex()
    {
        string url = Require("HEADROOM_IT_PYINDEX", "loopback package index");
        string wheels = Require("HEADROOM_IT_PYINDEX_DIR", "package index folder");
        if (!Uri.TryCreate(url.TrimEnd('/') + "/", UriKind.Absolute, out Uri? uri))
        {
            Unavailable($"HEADROOM_IT_PYINDEX={url} is not a URL");
            return (new Uri("http://127.0.0.1/"), wheels);
        }

        RequireListening("HEADROOM_IT_PYINDEX", "loopback package index", $"{uri.Host}:{uri.Port}");
        if (!File.Exists(Path.Combine(wheels, "indexes.json")))
        {
            Unavailable($"the package index folder {wheels} has no indexes.json; {Hint}");
        }

        return (uri, wheels);
    }

    /// <summary>The full path of a program on PATH.</summary>
    public static string RequireTool(string program)
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(dir, program);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        Unavailable($"{program} is not installed (bash .ci/install-packages installs it)");
        return program;
    }

    private string RequireListening(string key, string what, string? hostPort = null)
    {
        string address = hostPort ?? Require(key, what);
        int colon = address.LastIndexOf(':');
        if (colon < 0 || !int.TryParse(address.AsSpan(colon + 1), out int port))
        {
            Unavailable($"{key}={address} is not host:port");
            return address;
        }

        try
        {
            using var client = new TcpClient();
            client.Connect(address[..colon], port);
        }
        catch (SocketException)
        {
            Unavailable($"the {what} at {address} does not answer; {Hint}");
        }

        return address;
    }

    private static IntegrationEnvironment Load()
    {
        string? dir = Environment.GetEnvironmentVariable("HEADROOM_IT_DIR");
        if (string.IsNullOrEmpty(dir))
        {
            string? cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            if (string.IsNullOrEmpty(cache))
            {
                cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            }

            dir = Path.Combine(cache, "headroom-it");
        }

        string file = Environment.GetEnvironmentVariable("HEADROOM_IT_ENV") is { Length: > 0 } explicitFile ? explicitFile : Path.Combine(dir, "env");
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (File.Exists(file))
        {
            foreach (string line in File.ReadAllLines(file))
            {
                int eq = line.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0 && !line.StartsWith('#'))
                {
                    values[line[..eq].Trim()] = line[(eq + 1)..];
                }
            }
        }

        return new IntegrationEnvironment(file, values);
    }
}

/// <summary>The xunit class fixture over <see cref="IntegrationEnvironment.Current"/>.</summary>
public sealed class IntegrationFixture
{
    public IntegrationEnvironment Environment => IntegrationEnvironment.Current;
}
