using System.Text;
using Headroom.Apt;
using Headroom.Tests.Images;

namespace Headroom.Tests.Apt;

public sealed class AptParsedIndexCacheTests
{
    private const string Url = "http://deb.example/debian/dists/trixie/main/binary-amd64/Packages";

    private const string Packages = """
        Package: tool
        Version: 1:2.0-1
        Architecture: amd64
        Installed-Size: 1000
        Size: 400000
        Pre-Depends: dpkg (>= 1.15)
        Depends: libtool1 (= 1:2.0-1) | libtool-alt [amd64], libc6:any (>= 2.36)
        Recommends: docs-big
        Provides: tool-api (= 2)
        Multi-Arch: foreign
        Priority: optional

        Package: libtool1
        Version: 1:2.0-1
        Architecture: amd64
        Essential: yes

        """;

    private static IReadOnlyList<AptPackage> Load(TempDir dir, string body, string etag)
    {
        string bodyPath = dir.File("key.body", Encoding.UTF8.GetBytes(body));
        dir.File("key.meta", Encoding.UTF8.GetBytes($"{Url}\n2026-11-30T00:00:00.0000000+00:00\n{etag}\n2026-11-30T00:00:00.0000000+00:00\n200\n"));
        using var stream = new FileStream(bodyPath, FileMode.Open, FileAccess.Read);
        return AptParsedIndexCache.Load(bodyPath, stream, Url, Url);
    }

    [Fact]
    public void The_parsed_file_gives_back_the_same_packages_and_is_used_while_the_index_is_the_same()
    {
        using var dir = new TempDir();
        IReadOnlyList<AptPackage> parsed = Load(dir, Packages, "\"a\"");
        Assert.True(File.Exists(Path.Combine(dir.Path, "key.parsed")));

        // Same URL, Last-Modified, ETag and size: the body is not read again (here it is garbage of the same length).
        IReadOnlyList<AptPackage> cached = Load(dir, new string('#', Encoding.UTF8.GetByteCount(Packages)), "\"a\"");
        Assert.Equal(parsed.Count, cached.Count);
        for (int i = 0; i < parsed.Count; i++)
        {
            Assert.Equal(parsed[i].ToString(), cached[i].ToString());
            Assert.Equal(parsed[i].InstalledSizeKiB, cached[i].InstalledSizeKiB);
            Assert.Equal(parsed[i].Size, cached[i].Size);
            Assert.Equal(parsed[i].Essential, cached[i].Essential);
            Assert.Equal(parsed[i].Priority, cached[i].Priority);
            Assert.Equal(parsed[i].MultiArch, cached[i].MultiArch);
            Assert.Equal(parsed[i].Source, cached[i].Source);
            Assert.Equal(Describe(parsed[i]), Describe(cached[i]));
        }
    }

    [Fact]
    public void Another_download_is_parsed_again()
    {
        using var dir = new TempDir();
        Load(dir, Packages, "\"a\"");
        string changed = Packages.Replace("Installed-Size: 1000", "Installed-Size: 2000", StringComparison.Ordinal);
        Assert.Equal(2000, Load(dir, changed, "\"b\"")[0].InstalledSizeKiB);

        // A damaged parsed file is rebuilt, not trusted.
        File.WriteAllBytes(Path.Combine(dir.Path, "key.parsed"), [1, 2, 3]);
        Assert.Equal(2000, Load(dir, changed, "\"b\"")[0].InstalledSizeKiB);
    }

    private static string Describe(AptPackage p) => string.Join(" | ",
        string.Join(";", p.PreDepends.Select(g => string.Join(",", g.Select(r => r + "@" + string.Join("/", r.Architectures))))),
        string.Join(";", p.Depends.Select(g => string.Join(",", g.Select(r => r + "@" + string.Join("/", r.Architectures))))),
        string.Join(";", p.Recommends.Select(g => string.Join(",", g))),
        string.Join(";", p.Provides));
}
