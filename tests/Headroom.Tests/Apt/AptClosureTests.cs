using System.Text;
using Headroom.Apt;

namespace Headroom.Tests.Apt;

public sealed class AptClosureTests
{
    // A hand-written index: app needs libfoo >= 2 (two versions offered), libbar | libbaz (only libbaz exists),
    // awk (virtual: the base's mawk provides it), libc6 >= 2.36 (in the base) and pre-depends on dpkg (in the base).
    private const string Index = """
        Package: app
        Version: 1.0-1
        Architecture: amd64
        Installed-Size: 100
        Size: 40000
        Pre-Depends: dpkg (>= 1.15)
        Depends: libfoo (>= 2.0), libbar | libbaz, awk, libc6 (>= 2.36)
        Recommends: extra-tool, not-in-the-archive

        Package: libfoo
        Version: 1.0-1
        Architecture: amd64
        Installed-Size: 10
        Size: 1000

        Package: libfoo
        Version: 2.1-1
        Architecture: amd64
        Installed-Size: 20
        Size: 2000

        Package: libfoo
        Version: 9.0-1
        Architecture: arm64
        Installed-Size: 999999
        Size: 999999

        Package: libbaz
        Version: 3
        Architecture: amd64
        Installed-Size: 30
        Size: 3000
        Depends: libc6

        Package: gawk
        Version: 1:5.2.1-2
        Architecture: amd64
        Installed-Size: 3000
        Size: 300000
        Provides: awk

        Package: extra-tool
        Version: 1
        Architecture: all
        Installed-Size: 40
        Size: 4000
        Depends: libextra
        Recommends: docs-pkg

        Package: libextra
        Version: 1
        Architecture: amd64
        Installed-Size: 50
        Size: 5000

        Package: docs-pkg
        Version: 1
        Architecture: all
        Installed-Size: 60
        Size: 6000

        Package: needs-new-libold
        Version: 1
        Architecture: amd64
        Installed-Size: 1
        Size: 100
        Depends: libold (>= 2)

        Package: libold
        Version: 2
        Architecture: amd64
        Installed-Size: 70
        Size: 7000

        Package: py-ext
        Version: 1
        Architecture: amd64
        Installed-Size: 2
        Size: 200
        Depends: python3-abi (>= 3.11), mta

        Package: python3-core
        Version: 3.11.2-1
        Architecture: amd64
        Installed-Size: 5000
        Size: 500000
        Provides: python3-abi (= 3.11.2), python-unversioned

        Package: python3-unversioned
        Version: 1
        Architecture: amd64
        Installed-Size: 1
        Size: 1
        Provides: python3-abi

        Package: zz-mta
        Version: 1
        Architecture: amd64
        Priority: optional
        Installed-Size: 80
        Size: 8000
        Provides: mta

        Package: aa-mta
        Version: 1
        Architecture: amd64
        Priority: extra
        Installed-Size: 90
        Size: 9000
        Provides: mta

        Package: broken
        Version: 1
        Architecture: amd64
        Installed-Size: 1
        Size: 1
        Depends: libfoo (>= 10) | nothing-at-all
        """;

    private const string Status = """
        Package: dpkg
        Status: install ok installed
        Version: 1.21.22
        Architecture: amd64
        Installed-Size: 6000

        Package: libc6
        Status: install ok installed
        Version: 2.36-9+deb12u4
        Architecture: amd64

        Package: mawk
        Status: install ok installed
        Version: 1.3.4.20200120-3.1
        Architecture: amd64
        Provides: awk

        Package: libold
        Status: install ok installed
        Version: 1
        Architecture: amd64

        Package: removed
        Status: deinstall ok config-files
        Version: 1
        Architecture: amd64
        """;

    private static AptClosureCalculator Calculator()
    {
        var index = new AptPackageIndex("amd64");
        index.AddRange(AptPackageReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(Index)), "Packages"));
        List<AptPackage> installed = [.. AptPackageReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(Status)), "status", installedOnly: true)];
        return new AptClosureCalculator(index, installed);
    }

    [Fact]
    public void Without_recommends_takes_depends_first_satisfiable_alternatives_and_skips_the_base()
    {
        AptClosure closure = Calculator().Compute(["app"], installRecommends: false);
        Assert.Equal(["app", "libbaz", "libfoo"], closure.Packages.Select(p => p.Package.Name));
        Assert.Equal("2.1-1", closure.Packages.Single(p => p.Package.Name == "libfoo").Package.Version.Text);
        Assert.Equal((100 + 30 + 20) * 1024L, closure.InstalledBytes);
        Assert.Equal(40000 + 3000 + 2000L, closure.DownloadBytes);
        Assert.Empty(closure.Unresolved);
        Assert.False(closure.Exact);
        AptClosureEntry baz = closure.Packages.Single(p => p.Package.Name == "libbaz");
        Assert.Equal(AptClosureReason.Depends, baz.Reason);
        Assert.Equal("app", baz.RequiredBy);
        Assert.Equal("libbaz", baz.Relation);
        Assert.Equal(AptClosureReason.Requested, closure.Packages[0].Reason);
    }

    [Fact]
    public void With_recommends_follows_them_recursively_and_skips_unavailable_ones()
    {
        AptClosure closure = Calculator().Compute(["app"], installRecommends: true);
        Assert.Equal(["app", "docs-pkg", "extra-tool", "libbaz", "libextra", "libfoo"], closure.Packages.Select(p => p.Package.Name));
        Assert.Equal((100 + 60 + 40 + 30 + 50 + 20) * 1024L, closure.InstalledBytes);
        Assert.Equal(AptClosureReason.Recommends, closure.Packages.Single(p => p.Package.Name == "docs-pkg").Reason);
        Assert.Empty(closure.Unresolved);
    }

    [Fact]
    public void An_installed_package_too_old_for_a_relation_is_upgraded()
    {
        AptClosure closure = Calculator().Compute(["needs-new-libold"], installRecommends: false);
        AptClosureEntry libold = closure.Packages.Single(p => p.Package.Name == "libold");
        Assert.True(libold.IsUpgrade);
        Assert.Equal("1", libold.InstalledVersion!.Text);
        Assert.Equal("2", libold.Package.Version.Text);
    }

    [Fact]
    public void Versioned_relations_need_versioned_provides_and_providers_are_picked_by_priority()
    {
        AptClosure closure = Calculator().Compute(["py-ext"], installRecommends: false);
        Assert.Equal(["py-ext", "python3-core", "zz-mta"], closure.Packages.Select(p => p.Package.Name));
    }

    [Fact]
    public void Requests_already_installed_are_nothing_and_unknown_or_ambiguous_ones_are_reported()
    {
        AptClosure closure = Calculator().Compute(["dpkg", "libc6:amd64", "no-such-package", "mta", "awk", "broken", "libfoo=1.0-1", "libfoo=7", "app:arm64"], installRecommends: false);
        Assert.Equal(["broken", "libfoo"], closure.Packages.Select(p => p.Package.Name));
        Assert.Equal("1.0-1", closure.Packages.Single(p => p.Package.Name == "libfoo").Package.Version.Text);
        Assert.Collection(
            closure.Unresolved,
            u => Assert.Equal(("no-such-package", "no package no-such-package"), (u.Relation, u.Reason)),
            u => Assert.Contains("virtual package provided by aa-mta, zz-mta", u.Reason, StringComparison.Ordinal),
            u => Assert.Equal("version 7 of libfoo is not available", u.Reason),
            u => Assert.Contains("architecture arm64", u.Reason, StringComparison.Ordinal),
            u => Assert.Equal(("libfoo (>= 10) | nothing-at-all", "broken"), (u.Relation, u.RequiredBy)));
    }

    [Fact]
    public void The_same_input_gives_the_same_closure()
    {
        AptClosure a = Calculator().Compute(["app", "py-ext"], installRecommends: true);
        AptClosure b = Calculator().Compute(["py-ext", "app"], installRecommends: true);
        Assert.Equal(a.Packages.Select(p => p.Package.ToString()), b.Packages.Select(p => p.Package.ToString()));
    }
}
