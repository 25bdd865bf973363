using Headroom.Images;
using static Headroom.Tests.Images.Fx;

namespace Headroom.Tests.Images;

public sealed class PackageAndCategoryTests
{
    private const string Sp = "usr/local/lib/python3.12/site-packages";

    private static ImageReport AnalyzeLayers(params FxLayer[] layers)
    {
        using var dir = new TempDir();
        var fx = new ImageFixture(layers);
        return ImageAnalyzerTests.Analyze(dir.File("i.tar", ImageFixture.TarOf(fx.OciFiles())));
    }

    private static PackageUsage Package(ImageReport r, string ecosystem, string name) =>
        Assert.Single(r.Packages, p => p.Ecosystem == ecosystem && p.Name == name);

    [Fact]
    public void Pip_sums_the_files_of_record_present_in_the_final_filesystem()
    {
        const string record = """
            requests/__init__.py,sha256=abc,4924
            requests/api.py,sha256=def,
            requests/__pycache__/__init__.cpython-312.pyc,,
            requests-2.32.3.dist-info/METADATA,sha256=x,4300
            requests-2.32.3.dist-info/RECORD,,
            ../../../bin/requests-cli,sha256=y,200
            "requests/odd,name.py",sha256=z,10
            requests/not-installed.py,sha256=q,999
            """;
        const string cublasRecord = "nvidia/cublas/lib/libcublas.so.12,sha256=a,1000\nnvidia/cublas/__init__.py,,\nnvidia_cublas_cu12-12.1.3.1.dist-info/RECORD,,\n";
        ImageReport r = AnalyzeLayers(
            new FxLayer([F("etc/os-release", 10)]),
            new FxLayer(
                [
                    F($"{Sp}/requests/__init__.py", 100), F($"{Sp}/requests/api.py", 50),
                    F($"{Sp}/requests/__pycache__/__init__.cpython-312.pyc", 30),
                    F($"{Sp}/requests-2.32.3.dist-info/METADATA", 20), F($"{Sp}/requests-2.32.3.dist-info/RECORD", record),
                    F("usr/local/bin/requests-cli", 15), F($"{Sp}/requests/odd,name.py", 7),
                    F($"{Sp}/nvidia/cublas/lib/libcublas.so.12", 1000), F($"{Sp}/nvidia/cublas/__init__.py", 5),
                    F($"{Sp}/nvidia_cublas_cu12-12.1.3.1.dist-info/RECORD", cublasRecord),
                    F("root/.cache/pip/http/a/b/c", 123),
                ],
                CreatedBy: "RUN pip install requests nvidia-cublas-cu12"),
            new FxLayer([Wh($"{Sp}/requests/api.py")]));

        PackageUsage requests = Package(r, "pip", "requests");
        Assert.Equal(new PackageUsage("pip", "requests", "2.32.3", 100 + 30 + 20 + record.Length + 15 + 7, 1, 6), requests);
        Assert.Equal(new PackageUsage("pip", "nvidia-cublas-cu12", "12.1.3.1", 1005 + cublasRecord.Length, 1, 3), Package(r, "pip", "nvidia-cublas-cu12"));
        Assert.Equal(["nvidia-cublas-cu12", "requests"], r.Packages.Select(p => p.Name));
        Assert.Equal(
            [new CategoryUsage("cuda", 1005 + cublasRecord.Length, 3), new CategoryUsage("pip-cache", 123, 1), new CategoryUsage("pycache", 30, 1)],
            r.Categories);
    }

    [Fact]
    public void Dpkg_uses_status_and_lists_and_follows_usrmerge_symlinks()
    {
        const string status0 = "Package: libc6\nStatus: install ok installed\nArchitecture: amd64\nVersion: 2.36-9+deb12u7\n";
        const string status1 = status0 + "\nPackage: curl\nStatus: install ok installed\nVersion: 7.88.1-10+deb12u5\n\nPackage: removed-pkg\nStatus: deinstall ok config-files\nVersion: 1.0\n";
        ImageReport r = AnalyzeLayers(
            new FxLayer(
                [
                    D("usr"), D("usr/lib"), Sym("lib", "usr/lib"),
                    F("usr/lib/x86_64-linux-gnu/libc.so.6", 2000), F("usr/lib/x86_64-linux-gnu/libm.so.6", 900),
                    F("var/lib/dpkg/status", status0),
                    F("var/lib/dpkg/info/libc6:amd64.list", "/.\n/usr\n/usr/lib\n/usr/lib/x86_64-linux-gnu/libc.so.6\n/lib/x86_64-linux-gnu/libm.so.6\n"),
                ]),
            new FxLayer(
                [
                    F("usr/bin/curl", 300), F("usr/share/doc/curl/copyright", 40), F("usr/share/man/man1/curl.1.gz", 20),
                    F("var/lib/dpkg/status", status1),
                    F("var/lib/dpkg/info/curl.list", "/usr/bin/curl\n/usr/share/doc/curl/copyright\n/usr/share/man/man1/curl.1.gz\n"),
                    F("var/lib/dpkg/info/removed-pkg.list", "/etc/removed.conf\n"), F("etc/removed.conf", 9),
                    F("var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_InRelease", 500),
                    F("var/cache/apt/archives/curl_7.88.1_amd64.deb", 250),
                    F("usr/lib/x86_64-linux-gnu/libcurl.so.4", 111), F("usr/lib/x86_64-linux-gnu/libcudnn.so.9", 333),
                ]));

        Assert.Equal(new PackageUsage("dpkg", "libc6", "2.36-9+deb12u7", 2900, 0, 2), Package(r, "dpkg", "libc6"));
        Assert.Equal(new PackageUsage("dpkg", "curl", "7.88.1-10+deb12u5", 360, 1, 3), Package(r, "dpkg", "curl"));
        Assert.DoesNotContain(r.Packages, p => p.Name == "removed-pkg");
        Assert.Equal(
            [
                new CategoryUsage("apt-lists", 500, 1), new CategoryUsage("cuda", 333, 1),
                new CategoryUsage("apt-archives", 250, 1), new CategoryUsage("docs", 60, 2),
            ],
            r.Categories);
    }

    [Fact]
    public void Files_of_debian_cuda_packages_count_as_cuda_wherever_they_are_but_libcurl_does_not()
    {
        // Debian's nvidia-cuda-toolkit puts nvcc in /usr/bin and its tree in /usr/lib/nvidia-cuda-toolkit:
        // no CUDA file name, no CUDA folder; the package name is what says CUDA. libcurl4 starts with
        // "libcu" and is not CUDA. Its docs stay in "docs" (the folder rule decides first).
        const string status = "Package: nvidia-cuda-toolkit\nStatus: install ok installed\nVersion: 12.4.131~12.4.1-1\n\n"
            + "Package: libcurl4\nStatus: install ok installed\nVersion: 7.88.1-10\n";
        ImageReport r = AnalyzeLayers(
            new FxLayer(
                [
                    F("usr/bin/nvcc", 700), F("usr/lib/nvidia-cuda-toolkit/bin/cicc", 900), F("usr/share/doc/nvidia-cuda-toolkit/copyright", 40),
                    F("usr/lib/x86_64-linux-gnu/libcurl.so.4", 111),
                    F("var/lib/dpkg/status", status),
                    F("var/lib/dpkg/info/nvidia-cuda-toolkit.list", "/usr/bin/nvcc\n/usr/lib/nvidia-cuda-toolkit/bin/cicc\n/usr/share/doc/nvidia-cuda-toolkit/copyright\n"),
                    F("var/lib/dpkg/info/libcurl4:amd64.list", "/usr/lib/x86_64-linux-gnu/libcurl.so.4\n"),
                ]));

        Assert.Equal(new PackageUsage("dpkg", "nvidia-cuda-toolkit", "12.4.131~12.4.1-1", 1640, 0, 3), Package(r, "dpkg", "nvidia-cuda-toolkit"));
        Assert.Equal([new CategoryUsage("cuda", 1600, 2), new CategoryUsage("docs", 40, 1)], r.Categories);
    }

    [Theory]
    [InlineData("cuda-cudart-12-1", true)]
    [InlineData("libcublas-12-1", true)]
    [InlineData("libcudnn8", true)]
    [InlineData("libnccl2", true)]
    [InlineData("libcuda1", true)]
    [InlineData("libnvidia-ml1", true)]
    [InlineData("nvidia-cuda-toolkit", true)]
    [InlineData("libcurl4", false)]
    [InlineData("libcups2", false)]
    [InlineData("cudf", false)]
    [InlineData("nvidia-settings", false)]
    public void Debian_cuda_package_names(string package, bool cuda) =>
        Assert.Equal(cuda, Categories.IsCudaDebianPackage(package));

    [Fact]
    public void Distroless_status_d_uses_md5sums_when_present_else_installed_size()
    {
        // Google's distroless images: no /var/lib/dpkg/status, one stanza per file in status.d/
        // (no Status field), the package's files in status.d/NAME.md5sums when it is there.
        const string baseFiles = "Package: base-files\nVersion: 12.4+deb12u5\nArchitecture: amd64\nInstalled-Size: 341\n";
        const string md5 = "0123456789abcdef0123456789abcdef  etc/debian_version\nfedcba9876543210fedcba9876543210  usr/share/doc/base-files/copyright\n"
            + "00000000000000000000000000000000  usr/share/base-files/gone\n";
        const string tzdata = "Package: tzdata\nVersion: 2024a-0+deb12u1\nArchitecture: all\nInstalled-Size: 2345\n";
        const string removed = "Package: old\nStatus: deinstall ok config-files\nVersion: 1\nInstalled-Size: 99\n";
        ImageReport r = AnalyzeLayers(
            new FxLayer(
                [
                    F("etc/debian_version", 13), F("usr/share/doc/base-files/copyright", 1200), F("usr/share/base-files/gone", 50),
                    F("var/lib/dpkg/status.d/base-files", baseFiles), F("var/lib/dpkg/status.d/base-files.md5sums", md5),
                    F("var/lib/dpkg/status.d/old", removed),
                ]),
            new FxLayer(
                [
                    F("usr/share/zoneinfo/UTC", 114), F("var/lib/dpkg/status.d/tzdata", tzdata),
                    Wh("usr/share/base-files/gone"), F("var/lib/dpkg/status.d/nested/ignored", tzdata.Replace("tzdata", "nested", StringComparison.Ordinal)),
                ]));

        Assert.Equal(new PackageUsage("dpkg", "base-files", "12.4+deb12u5", 13 + 1200, 0, 2), Package(r, "dpkg", "base-files"));
        Assert.Equal(new PackageUsage("dpkg", "tzdata", "2024a-0+deb12u1", 2345 * 1024, 1, 0), Package(r, "dpkg", "tzdata"));
        Assert.DoesNotContain(r.Packages, p => p.Name is "old" or "nested" || p.Name.EndsWith(".md5sums", StringComparison.Ordinal));
    }

    [Fact]
    public void Status_d_does_not_count_a_package_twice_when_info_lists_it()
    {
        const string status = "Package: curl\nStatus: install ok installed\nVersion: 7.88.1\n";
        ImageReport r = AnalyzeLayers(
            new FxLayer(
                [
                    F("usr/bin/curl", 300), F("var/lib/dpkg/status", status), F("var/lib/dpkg/info/curl.list", "/usr/bin/curl\n"),
                    F("var/lib/dpkg/status.d/curl", "Package: curl\nVersion: 7.88.1\nInstalled-Size: 500\n"),
                ]));

        Assert.Equal(new PackageUsage("dpkg", "curl", "7.88.1", 300, 0, 1), Package(r, "dpkg", "curl"));
    }

    [Fact]
    public void Apk_installed_database()
    {
        const string db = "C:Q1abc=\nP:musl\nV:1.2.5-r0\nA:x86_64\nF:lib\nR:ld-musl-x86_64.so.1\nR:libc.musl-x86_64.so.1\n\nP:busybox\nV:1.36.1-r29\nF:bin\nR:busybox\nF:etc\nR:busybox-paths\n\n";
        ImageReport r = AnalyzeLayers(
            new FxLayer([F("lib/ld-musl-x86_64.so.1", 600), Sym("lib/libc.musl-x86_64.so.1", "ld-musl-x86_64.so.1"), F("bin/busybox", 800), F("lib/apk/db/installed", db)]),
            new FxLayer([F("etc/busybox-paths", 3)]));

        Assert.Equal(new PackageUsage("apk", "musl", "1.2.5-r0", 600, 0, 1), Package(r, "apk", "musl"));
        Assert.Equal(new PackageUsage("apk", "busybox", "1.36.1-r29", 803, 0, 2), Package(r, "apk", "busybox"));
    }

    [Fact]
    public void Npm_packages_exclude_nested_node_modules()
    {
        const string express = """{"name":"express","version":"4.19.2","main":"index.js"}""";
        const string debug = """{"name":"debug","version":"2.6.9"}""";
        const string types = """{"name":"@types/node","version":"20.1.0"}""";
        ImageReport r = AnalyzeLayers(
            new FxLayer(
                [
                    F("app/node_modules/express/package.json", express), F("app/node_modules/express/index.js", 100),
                    F("app/node_modules/express/lib/router.js", 200), F("app/node_modules/express/lib/package.json", "{}"),
                    F("app/node_modules/express/node_modules/debug/package.json", debug), F("app/node_modules/express/node_modules/debug/index.js", 50),
                    F("app/node_modules/@types/node/package.json", types), F("app/node_modules/@types/node/index.d.ts", 70),
                    F("root/.npm/_cacache/content-v2/sha512/ab/cd", 400),
                ]));

        Assert.Equal(new PackageUsage("npm", "express", "4.19.2", express.Length + 300 + 2, 0, 4), Package(r, "npm", "express"));
        Assert.Equal(new PackageUsage("npm", "debug", "2.6.9", debug.Length + 50, 0, 2), Package(r, "npm", "debug"));
        Assert.Equal(new PackageUsage("npm", "@types/node", "20.1.0", types.Length + 70, 0, 2), Package(r, "npm", "@types/node"));
        Assert.Equal(3, r.Packages.Count);
        Assert.Equal([new CategoryUsage("npm-cache", 400, 1)], r.Categories);
    }

    [Fact]
    public void Conda_meta_files_and_the_pkgs_cache()
    {
        const string meta = """{"name":"numpy","version":"1.26.4","files":["lib/python3.12/site-packages/numpy/__init__.py","lib/libopenblas.so","lib/missing.so"]}""";
        ImageReport r = AnalyzeLayers(
            new FxLayer(
                [
                    F("opt/conda/conda-meta/numpy-1.26.4-py312h.json", meta), F("opt/conda/conda-meta/history", "x"),
                    F("opt/conda/lib/python3.12/site-packages/numpy/__init__.py", 60), F("opt/conda/lib/libopenblas.so", 900),
                    F("opt/conda/pkgs/numpy-1.26.4.tar.bz2", 700),
                ]));

        Assert.Equal(new PackageUsage("conda", "numpy", "1.26.4", 960, 0, 2), Assert.Single(r.Packages));
        Assert.Equal([new CategoryUsage("conda-pkgs", 700, 1)], r.Categories);
    }

    [Fact]
    public void Metadata_from_a_later_layer_wins_and_deleted_metadata_is_ignored()
    {
        ImageReport r = AnalyzeLayers(
            new FxLayer([F($"{Sp}/six.py", 40), F($"{Sp}/six-1.16.0.dist-info/RECORD", "six.py,,\n"), F($"{Sp}/old-1.0.dist-info/RECORD", "old.py,,\n"), F($"{Sp}/old.py", 5)]),
            new FxLayer([F($"{Sp}/six.py", 44), F($"{Sp}/six-1.16.0.dist-info/RECORD", "six.py,,\n"), Wh($"{Sp}/old-1.0.dist-info")]));

        Assert.Equal(new PackageUsage("pip", "six", "1.16.0", 44, 1, 1), Assert.Single(r.Packages));
    }

    [Fact]
    public void Pip_names_are_normalised()
    {
        Assert.Equal("nvidia-cudnn-cu12", Headroom.Images.PackageAttribution.NormalizePipName("nvidia_cudnn_cu12"));
        Assert.Equal("zope-interface", Headroom.Images.PackageAttribution.NormalizePipName("Zope.Interface"));
    }
}
