using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Headroom.Apk;
using Headroom.Diagnostics;

namespace Headroom.Tests.Apk;

public sealed class ApkIndexTests
{
    // Stanzas shaped as Alpine 3.23's x86_64 index writes them (fields and dependency forms of the real index:
    // so: and cmd: provides, a versioned dependency, /bin/sh, a conflict); the sizes are made up.
    internal const string Index = """
        C:Q1aaaa=
        P:musl
        V:1.2.5-r21
        A:x86_64
        S:413303
        I:666216
        p:so:libc.musl-x86_64.so.1=1

        P:busybox-binsh
        V:1.37.0-r30
        A:x86_64
        S:1565
        I:1
        k:100
        D:busybox=1.37.0-r30
        p:/bin/sh cmd:sh=1.37.0-r30

        P:busybox
        V:1.37.0-r30
        A:x86_64
        S:504726
        I:813480
        D:so:libc.musl-x86_64.so.1

        P:curl
        V:8.17.0-r1
        A:x86_64
        S:150000
        I:300000
        D:ca-certificates-bundle libcurl=8.17.0-r1 so:libc.musl-x86_64.so.1 so:libcurl.so.4 !curl-minimal
        p:cmd:curl=8.17.0-r1

        P:libcurl
        V:8.17.0-r1
        A:x86_64
        S:400000
        I:800000
        D:so:libc.musl-x86_64.so.1 so:libz.so.1
        p:so:libcurl.so.4=4.8.0

        P:ca-certificates-bundle
        V:20251003-r0
        A:x86_64
        S:131156
        I:222204

        P:zlib
        V:1.3.1-r2
        A:x86_64
        S:54526
        I:104280
        D:so:libc.musl-x86_64.so.1
        p:so:libz.so.1=1.3.1

        P:bash
        V:5.3-r0
        A:x86_64
        S:500000
        I:1200000
        D:/bin/sh so:libc.musl-x86_64.so.1 so:libreadline.so.8
        p:cmd:bash=5.3-r0

        P:yash-binsh
        V:2.57-r0
        A:x86_64
        S:1000
        I:1
        k:10
        p:/bin/sh

        """;

    internal static ApkIndex Load()
    {
        var index = new ApkIndex();
        index.AddRange(ApkIndexReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(Index)), "APKINDEX"));
        return index;
    }

    /// <summary>An APKINDEX.tar.gz as a repository publishes it: a signature archive (no end blocks) and the index archive, two gzip members.</summary>
    internal static byte[] Archive(string index)
    {
        using var output = new MemoryStream();
        foreach ((string Name, string Text)[] member in new[] { new[] { (".SIGN.RSA.alpine-devel@lists.alpinelinux.org-6165ee59.rsa.pub", "signature") }, new[] { ("DESCRIPTION", "v3.99.0"), ("APKINDEX", index) } })
        {
            using var tar = new MemoryStream();
            using (var writer = new TarWriter(tar, TarEntryFormat.Ustar, leaveOpen: true))
            {
                foreach ((string name, string text) in member)
                {
                    writer.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)) });
                }
            }

            byte[] bytes = tar.ToArray();
            if (member.Length == 1)
            {
                // apk strips the end-of-archive blocks from the signature part.
                bytes = bytes[..^1024];
            }

            using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
            {
                gzip.Write(bytes);
            }
        }

        return output.ToArray();
    }

    [Fact]
    public void Reads_stanzas_with_sizes_dependencies_and_provides()
    {
        ApkIndex index = Load();

        ApkPackage curl = index.Find("curl")!;
        Assert.Equal("8.17.0-r1", curl.Version);
        Assert.Equal(300000, curl.InstalledBytes);
        Assert.Equal(150000, curl.Size);
        Assert.Contains(curl.Depends, d => d is { Name: "libcurl", Constraint: "=8.17.0-r1", Conflict: false });
        Assert.Contains(curl.Depends, d => d is { Name: "curl-minimal", Conflict: true });
        Assert.Equal(["cmd:curl"], curl.Provides);
        Assert.Equal("libcurl", index.Resolve("so:libcurl.so.4")!.Name);

        // Two packages provide /bin/sh: the higher k: priority wins, as apk picks.
        Assert.Equal("busybox-binsh", index.Resolve("/bin/sh")!.Name);
        Assert.Null(index.Resolve("so:libreadline.so.8"));
    }

    [Fact]
    public void The_closure_skips_what_the_image_has_and_names_what_nothing_provides()
    {
        ApkIndex index = Load();
        ApkPackage[] baseImage = [index.Find("musl")!, index.Find("busybox")!, index.Find("busybox-binsh")!, index.Find("ca-certificates-bundle")!, index.Find("zlib")!];

        ApkClosure curl = ApkClosure.Compute(index, ["curl"], baseImage);
        Assert.Equal(["curl", "libcurl"], curl.Packages.Select(p => p.Name));
        Assert.Equal(1_100_000, curl.InstalledBytes);
        Assert.Equal(550_000, curl.DownloadBytes);
        Assert.Empty(curl.Unresolved);

        ApkClosure bare = ApkClosure.Compute(index, ["curl", "bash"], []);
        Assert.Equal(["curl", "bash", "ca-certificates-bundle", "libcurl", "musl", "busybox-binsh", "zlib", "busybox"], bare.Packages.Select(p => p.Name));
        Assert.Equal(["so:libreadline.so.8"], bare.Unresolved);
    }

    [Fact]
    public void Reads_the_published_archive_form()
    {
        IReadOnlyList<ApkPackage> packages = ApkIndexReader.ReadArchive(new MemoryStream(Archive(Index)), "APKINDEX.tar.gz");
        Assert.Equal(9, packages.Count);
        Assert.Equal("yash-binsh", packages[^1].Name);
    }

    [Theory]
    [InlineData("P:curl\nV:1\nI:big\n", "APKINDEX:1: I: is not a number")]
    [InlineData("P:curl\nV:1\n\nV:2\nI:3\n", "APKINDEX:4: a package stanza without P:")]
    [InlineData("P:curl\nthis is not a field\n", "APKINDEX:2: not an APKINDEX line")]
    public void Malformed_indexes_name_the_line(string text, string message)
    {
        InputException e = Assert.Throws<InputException>(() => ApkIndexReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "APKINDEX"));
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_or_foreign_archive_is_an_input_error()
    {
        byte[] archive = Archive(Index);
        Assert.Throws<InputException>(() => ApkIndexReader.ReadArchive(new MemoryStream(archive[..(archive.Length / 2)]), "APKINDEX.tar.gz"));
        Assert.Throws<InputException>(() => ApkIndexReader.ReadArchive(new MemoryStream(Encoding.UTF8.GetBytes("<html>not found</html>")), "APKINDEX.tar.gz"));
    }
}
