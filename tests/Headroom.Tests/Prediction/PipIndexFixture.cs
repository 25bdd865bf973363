using System.Text;
using System.Text.Json;
using Headroom.Net;
using Headroom.Python.Index;
using Headroom.Tests.Python.Index;

namespace Headroom.Tests.Prediction;

/// <summary>
/// A PyPI-like index (PEP 691 JSON with PEP 700 sizes, no metadata files: the METADATA comes from the wheel's zip
/// by range requests) and a PyTorch-like CPU index (PEP 503 HTML, no sizes) on an in-process HTTP server, with real
/// wheels, for the online pip predictions.
/// </summary>
internal sealed class PipIndexFixture
{
    public const string PyPI = "https://pypi.test/simple/";
    public const string Cpu = "https://torch.test/whl/cpu/";
    private const string Files = "https://files.test/";
    private readonly Dictionary<string, List<(string Filename, byte[] Wheel)>> _projects = new(StringComparer.Ordinal);

    public FakeIndexServer Server { get; } = new();

    /// <summary>Whether the PyPI-like index serves PEP 658 metadata files (set before adding).</summary>
    public bool Pep658 { get; set; }

    /// <summary>Each wheel's bytes by file name.</summary>
    public Dictionary<string, byte[]> Wheels { get; } = new(StringComparer.Ordinal);

    /// <summary>Adds a wheel to <paramref name="index"/> (<see cref="PyPI"/> as JSON, <see cref="Cpu"/> as HTML) and returns its bytes.</summary>
    public byte[] Add(string index, string name, string version, string requires = "", int payload = 20_000, string tag = "py3-none-any")
    {
        string metadata = string.Concat(requires.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(r => $"Requires-Dist: {r.Replace('|', ';')}\n"));
        byte[] wheel = FakeIndexServer.Wheel(name, version, metadata, ($"{name.Replace('-', '_')}/__init__.py", 100), ($"{name.Replace('-', '_')}/lib.so", payload));
        string filename = $"{name.Replace('-', '_')}-{version}-{tag}.whl";
        Replace(filename, wheel);
        if (Pep658 && index == PyPI)
        {
            Server.Add(Files + Uri.EscapeDataString(filename) + ".metadata", $"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n{metadata}\n", "text/plain");
        }

        string key = index + "\n" + name;
        if (!_projects.TryGetValue(key, out List<(string, byte[])>? files))
        {
            _projects[key] = files = [];
        }

        files.Add((filename, wheel));
        Publish(index, name);
        return wheel;
    }

    /// <summary>Serves other bytes for a file already added (a corrupt zip), keeping the page's size.</summary>
    public void Replace(string filename, byte[] bytes)
    {
        Wheels[filename] = bytes;
        Server.Add(Files + Uri.EscapeDataString(filename), bytes);
    }

    /// <summary>The sum of the uncompressed sizes of the wheel's zip entries, read independently with ZipArchive.</summary>
    public long Installed(string filename) => FakeIndexServer.InstalledSize(Wheels[filename]);

    /// <summary>Package indexes over this server with short timeouts and no retries (so a hang ends fast).</summary>
    public HttpFetcher Fetcher() =>
        new(new HttpFetchOptions { CacheDirectory = null, MaxRetries = 0, RequestTimeout = TimeSpan.FromSeconds(2), NetrcPath = null }, Server.Handler);

    public PackageIndexes Indexes() => PackageIndexes.OverHttp(Fetcher());

    /// <summary>A wheel whose central directory signatures are damaged.</summary>
    public static byte[] Corrupt(byte[] wheel)
    {
        byte[] copy = (byte[])wheel.Clone();
        for (int i = 0; i + 4 <= copy.Length; i++)
        {
            if (copy[i] == 'P' && copy[i + 1] == 'K' && copy[i + 2] == 1 && copy[i + 3] == 2)
            {
                copy[i] = (byte)'X';
            }
        }

        return copy;
    }

    private void Publish(string index, string name)
    {
        List<(string Filename, byte[] Wheel)> files = _projects[index + "\n" + name];
        if (index == PyPI)
        {
            var json = new
            {
                meta = new Dictionary<string, string> { ["api-version"] = "1.1" },
                name,
                versions = files.Select(f => f.Filename.Split('-')[1]).Distinct().ToArray(),
                files = files.Select(f => new Dictionary<string, object>
                {
                    ["filename"] = f.Filename,
                    ["url"] = Files + Uri.EscapeDataString(f.Filename),
                    ["hashes"] = new Dictionary<string, string>(),
                    ["size"] = f.Wheel.Length,
                    ["core-metadata"] = Pep658,
                }).ToArray(),
            };
            Server.Add(PyPI + name + "/", JsonSerializer.Serialize(json), "application/vnd.pypi.simple.v1+json");
            return;
        }

        var html = new StringBuilder("<!DOCTYPE html><html><body>\n");
        foreach ((string filename, _) in files)
        {
            html.Append($"<a href=\"{Files}{Uri.EscapeDataString(filename)}\">{filename}</a><br/>\n");
        }

        Server.Add(index + name + "/", html.Append("</body></html>\n").ToString(), "text/html");
    }
}
