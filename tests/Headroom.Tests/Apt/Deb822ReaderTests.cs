using System.IO.Compression;
using System.Text;
using Headroom.Apt;
using Headroom.Diagnostics;

namespace Headroom.Tests.Apt;

public sealed class Deb822ReaderTests
{
    private static List<Deb822Stanza> ReadAll(string text) => [.. new Deb822Reader(new StringReader(text), "Packages").ReadAll()];

    [Fact]
    public void Reads_stanzas_fields_and_continuations_with_their_lines()
    {
        const string text = "# a comment\n\nPackage: a\nVersion: 1.0\nDescription: short\n long line\n .\n more\n\n\n  \nPackage: b\nversion: 2\n";
        List<Deb822Stanza> stanzas = ReadAll(text);
        Assert.Equal(2, stanzas.Count);
        Assert.Equal(3, stanzas[0].Line);
        Assert.Equal("short\nlong line\n\nmore", stanzas[0]["Description"]);
        Assert.Equal(4, stanzas[0].Field("Version")!.Line);
        Assert.Equal(12, stanzas[1].Line);
        Assert.Equal("2", stanzas[1]["Version"]);
        Assert.Null(stanzas[1]["Depends"]);
    }

    [Theory]
    [InlineData("Package: a\nbroken line\n", 2, "expected 'Field: value'")]
    [InlineData(" continuation\nPackage: a\n", 1, "continuation line outside a field")]
    [InlineData("Package: a\n\n continuation\n", 3, "continuation line outside a field")]
    [InlineData("Package: a\nVersion: 1\nPackage: b\n", 3, "duplicate field 'Package'")]
    [InlineData("Package: a\n: value\n", 2, "bad field name")]
    public void Malformed_stanzas_name_the_line(string text, int line, string reason)
    {
        InputException e = Assert.Throws<InputException>(() => ReadAll(text));
        Assert.StartsWith($"Packages:{line}: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Theory]
    [InlineData("Package: a\nVersion: 1\nInstalled-Size: 12k\n", 3, "Installed-Size is not a number")]
    [InlineData("Package: a\nVersion: x1\n", 2, "bad version 'x1'")]
    [InlineData("Package: a\nVersion: 1\nDepends: b (>= 1\n", 3, "Depends: unclosed '('")]
    [InlineData("Package: a\nVersion: 1\nProvides: b | c\n", 3, "Provides: alternatives")]
    [InlineData("Version: 1\n", 1, "no Package field")]
    [InlineData("Package: a\nArchitecture: all\n", 1, "package a has no Version field")]
    public void Malformed_package_fields_name_the_line(string text, int line, string reason)
    {
        InputException e = Assert.Throws<InputException>(() => AptPackageReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "Packages").ToList());
        Assert.StartsWith($"Packages:{line}: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_gzip_xz_and_plain_alike()
    {
        const string text = "Package: a\nVersion: 1.0-1\nArchitecture: amd64\nInstalled-Size: 10\nSize: 2048\nPriority: optional\nMulti-Arch: same\nEssential: yes\n";
        var gz = new MemoryStream();
        using (var zip = new GZipStream(gz, CompressionLevel.Fastest, leaveOpen: true))
        {
            zip.Write(Encoding.UTF8.GetBytes(text));
        }

        gz.Position = 0;
        AptPackage fromGz = Assert.Single(AptPackageReader.Read(gz, "Packages.gz"));
        AptPackage fromPlain = Assert.Single(AptPackageReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "Packages"));
        Assert.Equal(fromPlain.Version, fromGz.Version);
        Assert.Equal(10 * 1024, fromGz.InstalledBytes);
        Assert.Equal(2048, fromGz.Size);
        Assert.True(fromGz.Essential);
        Assert.Equal("same", fromGz.MultiArch);
        Assert.Equal(3, fromGz.PriorityRank);
        Assert.Equal("Packages.gz:1", fromGz.Source);

        // The same text compressed by xz(1) (xz 5.4, default settings).
        byte[] xz = Convert.FromBase64String("/Td6WFoAAATm1rRGAgAhARYAAAB0L+Wj4ABLAEhdACgYSGbb2jCF/hberuXwS0YwiWNKfcrsR1LRkgLc0hx7Cvv3+VoENdNSIi6/iEdteoCx/JnaDcOZKlgGeBs3IZJUsrGgvWQUAAAjgX3WhcxTKAABZEwzFn1eH7bzfQEAAAAABFla");
        AptPackage fromXz = Assert.Single(AptPackageReader.Read(new MemoryStream(xz), "Packages.xz"));
        Assert.Equal(fromPlain.InstalledBytes, fromXz.InstalledBytes);
        Assert.Throws<InputException>(() => AptPackageReader.Read(new MemoryStream(xz[..(xz.Length - 20)]), "Packages.xz").ToList());
    }

    [Fact]
    public void A_truncated_gzip_index_is_an_input_error()
    {
        var text = new StringBuilder();
        for (int i = 0; i < 2000; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"Package: p{i}\nVersion: 1.{i}\nDescription: {new string('x', 40)}{i}\n\n");
        }

        var gz = new MemoryStream();
        using (var zip = new GZipStream(gz, CompressionLevel.Fastest, leaveOpen: true))
        {
            zip.Write(Encoding.UTF8.GetBytes(text.ToString()));
        }

        // Ubuntu pads its Packages.gz with zero bytes after the gzip member: still a whole file.
        byte[] padded = [.. gz.ToArray(), .. new byte[4096]];
        Assert.Equal(2000, AptPackageReader.Read(new MemoryStream(padded), "Packages.gz").Count());

        byte[] truncated = gz.ToArray()[..(int)(gz.Length / 2)];
        InputException e = Assert.Throws<InputException>(() => AptPackageReader.Read(new MemoryStream(truncated), "http://mirror/Packages.gz").ToList());
        Assert.StartsWith("http://mirror/Packages.gz", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_status_file_keeps_only_installed_packages()
    {
        const string status = "Package: kept\nStatus: install ok installed\nVersion: 1\n\nPackage: gone\nStatus: deinstall ok config-files\nVersion: 2\n";
        var packages = AptPackageReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(status)), "status", installedOnly: true).ToList();
        Assert.Equal("kept", Assert.Single(packages).Name);
    }
}
