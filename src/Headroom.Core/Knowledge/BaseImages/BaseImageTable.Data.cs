using Headroom.Python;

namespace Headroom.Knowledge;

/// <summary>The embedded rows of <see cref="BaseImageTable"/>; every figure carries its source and date.</summary>
public static partial class BaseImageTable
{
    // Facts (Python versions, variants, default Debian release) of the python images:
    private const string PythonFacts = "docker-library/python versions.json at commit 4f07059 (2026-06-23): 3.10.20, 3.11.15, 3.12.13, 3.13.14, 3.14.6; "
        + "variants trixie, slim-trixie, bookworm, slim-bookworm, alpine3.24, alpine3.23; the unqualified tags (3.12, 3.12-slim) are trixie, -alpine is alpine3.24. "
        + "3.9 (EOL) last shipped as 3.9.25 on 2025-10-31 (parent of commit 59e4abf1) with alpine3.22 as its -alpine";

    private const string PythonFactsDate = "2026-06-23";

    // glibc and python3 of each release, read from the mirrors' main Packages indexes on 2026-11-30:
    // bookworm libc6 2.36-9+deb12u14 / python3 3.11.2; trixie 2.41-12+deb13u5 / 3.13.5; jammy 2.35-0ubuntu3 / 3.10.4; noble 2.39-0ubuntu8 / 3.12.3.
    private const string DistroFacts = "libc6 and python3 versions in the release's main Packages index (deb.debian.org, archive.ubuntu.com), read 2026-11-30";
    private const string MuslFacts = "Alpine 3.17+ ship musl 1.2.x (musllinux_1_2 wheels apply); the patch level is not needed for wheel tags";

    private const string RepoInfo = "docker-library/repo-info";
    private const string Dated = "2026-08-25";

    // python:3.12-slim-bookworm: repos/python/remote/3.12-slim-bookworm.md (commit 33a22f41, image built 2026-08-25, Python 3.12.14):
    //   linux/amd64 45,437,565 B; linux/arm64 45,088,091 B; its first layer is debian:bookworm-slim, 28,232,655 B (amd64).
    // repos/python/local/3.12-slim-bookworm.md (commit 33cda30, image of 2026-08-05): "Virtual Size: ~ 124.3 Mb" on amd64.
    private static readonly BaseImageSize[] PythonSlimBookworm312 =
    [
        new("linux/amd64", 45_437_565, 124_300_000, false, $"{RepoInfo} repos/python/remote/3.12-slim-bookworm.md (compressed, exact) and local/3.12-slim-bookworm.md (virtual size, rounded to 0.1 MB)", Dated),
        new("linux/arm64", 45_088_091, null, false, $"{RepoInfo} repos/python/remote/3.12-slim-bookworm.md", Dated),
    ];

    // python:3.12-slim (= 3.12-slim-trixie): repos/python/remote/3.12-slim.md (commit 2986dca3, image of 2026-08-05, Python 3.12.13):
    //   linux/amd64 43,188,023 B; its debian:trixie-slim layer 29,780,765 B. The uncompressed size is not in the file read;
    //   124 MB is what `docker images` showed for python:3.12-slim in June 2025 (isa-programmer/githubfetch#16, then bookworm-based).
    private static readonly BaseImageSize[] PythonSlimTrixie312 =
    [
        new("linux/amd64", 43_188_023, 124_000_000, true, $"{RepoInfo} repos/python/remote/3.12-slim.md (compressed, exact); uncompressed: `docker images` 124MB for python:3.12-slim in isa-programmer/githubfetch#16 (2025-06-13, bookworm then)", "2026-08-05"),
    ];

    // python:3.12-alpine: `docker images` 48.7MB (isa-programmer/githubfetch#16, 2025-06-13). Compressed: estimate from the usual ~2.7x ratio of the slim images above.
    private static readonly BaseImageSize[] PythonAlpine312 =
    [
        new("linux/amd64", 18_000_000, 48_700_000, true, "uncompressed: `docker images` in isa-programmer/githubfetch#16; compressed: estimate (48.7 MB / 2.7)", "2025-06-13"),
    ];

    // python:3.12 (full, buildpack-deps based): python:3.11-bookworm is "of (compressed) size 360MB" (agdsn/pycroft#705, 2024-03-30);
    // python:3.13-bookworm showed 1.47GB in `docker image ls` (cclauss/GitHub-Action-for-pylint#7, 2024-10-31; a containerd store counts more).
    private static readonly BaseImageSize[] PythonFull =
    [
        new("linux/amd64", 360_000_000, 1_020_000_000, true, "compressed: agdsn/pycroft#705 (python:3.11-bookworm, 360MB); uncompressed: estimate, the ~2.8x ratio of Debian images", "2024-03-30"),
    ];

    private static IEnumerable<BaseImage> PythonRows()
    {
        (string Minor, string Patch)[] versions = [("3.9", "3.9.25"), ("3.10", "3.10.20"), ("3.11", "3.11.15"), ("3.12", "3.12.13"), ("3.13", "3.13.14"), ("3.14", "3.14.6")];
        foreach ((string minor, string patch) in versions)
        {
            bool measured = minor == "3.12";
            string alpine = minor == "3.9" ? "alpine3.22" : "alpine3.24";
            string alpineRelease = alpine["alpine".Length..];
            yield return Python(minor, patch, "slim-trixie", [$"{minor}-slim"], "debian", "13", "2.41", measured ? PythonSlimTrixie312 : Derived(PythonSlimTrixie312, minor));
            yield return Python(minor, patch, "slim-bookworm", [], "debian", "12", "2.36", measured ? PythonSlimBookworm312 : Derived(PythonSlimBookworm312, minor));
            yield return Python(minor, patch, "trixie", [minor], "debian", "13", "2.41", Derived(PythonFull, minor));
            yield return Python(minor, patch, "bookworm", [], "debian", "12", "2.36", Derived(PythonFull, minor));
            yield return new BaseImage("library/python", $"{minor}-{alpine}", [$"{minor}-alpine"], "alpine", alpineRelease, LibcKind.Musl, "1.2", patch,
                measured ? PythonAlpine312 : Derived(PythonAlpine312, minor), PythonFacts + "; " + MuslFacts, PythonFactsDate);
        }
    }

    private static BaseImage Python(string minor, string patch, string variant, string[] aliases, string distro, string release, string glibc, BaseImageSize[] sizes) =>
        new("library/python", $"{minor}-{variant}", aliases, distro, release, LibcKind.Glibc, glibc, patch, sizes, PythonFacts + "; " + DistroFacts, PythonFactsDate);

    /// <summary>Another Python minor of the same variant: the interpreter differs by a few MB, so the measured row stands in, marked as an estimate.</summary>
    private static BaseImageSize[] Derived(BaseImageSize[] measured, string minor) =>
        [.. measured.Select(s => s with { Estimate = true, Source = $"estimate for Python {minor}: the figure of the same variant for another Python minor ({s.Source})" })];

    private static IEnumerable<BaseImage> OsRows()
    {
        // debian: docker-debian-artifacts (debuerreotype) dist-amd64/dist-arm64v8 at 20241202: the rootfs layer sizes of the
        // official images (bookworm 48,497,210 / 48,325,680 B; bookworm/slim 28,231,580 / 28,058,810 B). The 2026-08-24
        // bookworm-slim layer (amd64) is 28,232,655 B (first layer of python:3.12-slim-bookworm, repo-info). Uncompressed:
        // "debian:stable-slim clocks in around 74 MB, compared to 118 MB for the full image" (LemonLDAPNG/lemonldap-ng-docker#46,
        // 2023-07-30, stable = bookworm); the debootstrap minbase rootfs built here (tests/integration/setup-base.sh) is a
        // 121,487,360-byte tar (2026-11-30).
        yield return new BaseImage("library/debian", "bookworm-slim", ["12-slim", "stable-slim"], "debian", "12", LibcKind.Glibc, "2.36", null,
        [
            new("linux/amd64", 28_232_655, 74_000_000, true, "compressed: python:3.12-slim-bookworm's first layer in docker-library/repo-info (2026-08-24); uncompressed: LemonLDAPNG/lemonldap-ng-docker#46 (about 74 MB)", "2026-08-24"),
            new("linux/arm64", 28_058_810, null, false, "debuerreotype/docker-debian-artifacts dist-arm64v8 bookworm/slim/oci image-manifest.json (20241202)", "2024-12-02"),
        ], DistroFacts, "2026-11-30");
        yield return new BaseImage("library/debian", "bookworm", ["12", "stable"], "debian", "12", LibcKind.Glibc, "2.36", null,
        [
            new("linux/amd64", 48_497_210, 121_487_360, true, "compressed: debuerreotype/docker-debian-artifacts dist-amd64 bookworm/oci image-manifest.json (20241202); uncompressed: the debootstrap minbase bookworm tar built by tests/integration/setup-base.sh (2026-11-30), an equivalent rootfs", "2024-12-02"),
            new("linux/arm64", 48_325_680, null, false, "debuerreotype/docker-debian-artifacts dist-arm64v8 bookworm/oci image-manifest.json (20241202)", "2024-12-02"),
        ], DistroFacts, "2026-11-30");

        // trixie-slim: the 2026-08-04 layer under python:3.12-slim (repo-info). The uncompressed and full-image figures are
        // estimates from bookworm's, scaled by the compressed sizes (trixie's rootfs is about 6% larger).
        yield return new BaseImage("library/debian", "trixie-slim", ["13-slim", "testing-slim"], "debian", "13", LibcKind.Glibc, "2.41", null,
        [
            new("linux/amd64", 29_780_765, 78_500_000, true, "compressed: python:3.12-slim's first layer in docker-library/repo-info (2026-08-04); uncompressed: estimate, bookworm-slim's 74 MB scaled by the compressed ratio", "2026-08-04"),
        ], DistroFacts, "2026-11-30");
        yield return new BaseImage("library/debian", "trixie", ["13", "latest"], "debian", "13", LibcKind.Glibc, "2.41", null,
        [
            new("linux/amd64", 51_400_000, 125_000_000, true, "estimate: bookworm's figures scaled by trixie-slim/bookworm-slim (1.06)", "2026-11-30"),
        ], DistroFacts, "2026-11-30");

        // ubuntu: "ubuntu is ~28 MB" compressed (sensmetry/sysand#392, 2026-06-10). Uncompressed: the debootstrap minbase noble
        // rootfs made here is 126,091,289 bytes (du -sb, 2026-11-30), larger than the official image, which Canonical trims:
        // the 78 MB commonly shown by `docker images` for ubuntu:24.04 is an unverified estimate.
        yield return new BaseImage("library/ubuntu", "24.04", ["noble", "latest"], "ubuntu", "24.04", LibcKind.Glibc, "2.39", null,
        [
            new("linux/amd64", 28_000_000, 78_000_000, true, "compressed: sensmetry/sysand#392 (~28 MB); uncompressed: estimate (commonly shown 78 MB; not verified here)", "2026-06-10"),
        ], DistroFacts, "2026-11-30");
        yield return new BaseImage("library/ubuntu", "22.04", ["jammy"], "ubuntu", "22.04", LibcKind.Glibc, "2.35", null,
        [
            new("linux/amd64", 29_500_000, 77_900_000, true, "estimate: about the size of 24.04 (the minimal Ubuntu base image is 29 MB, oSoc19/best#85)", "2026-11-30"),
        ], DistroFacts, "2026-11-30");

        // alpine: "alpine is ~4 MB" compressed (sensmetry/sysand#392, 2026-06-10); uncompressed about twice that (estimate).
        foreach (string release in new[] { "3.19", "3.20", "3.21", "3.22", "3.23", "3.24" })
        {
            yield return new BaseImage("library/alpine", release, release == "3.24" ? ["latest"] : [], "alpine", release, LibcKind.Musl, "1.2", null,
            [
                new("linux/amd64", 3_800_000, 8_500_000, true, "compressed: sensmetry/sysand#392 (~4 MB); uncompressed: estimate", "2026-06-10"),
            ], MuslFacts, "2026-11-30");
        }
    }

    private static IEnumerable<BaseImage> GpuRows()
    {
        // nvidia/cuda: NVIDIA publishes no size table. Data points: nvcr.io/nvidia/cuda:12.9.1-devel-ubi9 4.17 GB and its
        // runtime variant 1.3 GB (llm-d/llm-d#606); devel is typically 2-4 GB above runtime (tally lint doc); cudnn-devel adds
        // about 2 GB over devel (coreweave/nccl-tests#13); base holds only libcudart. All are estimates: measure with the registry.
        const string cudaSource = "estimates from ../shared/reference/ml-wheels.md 'nvidia/cuda base images': runtime 1.3 GB and devel 4.17 GB (llm-d/llm-d#606, 12.9.1 ubi9), cudnn-devel +2 GB (coreweave/nccl-tests#13)";
        (string Flavour, long Bytes)[] flavours = [("base", 250_000_000), ("runtime", 1_300_000_000), ("cudnn-runtime", 2_300_000_000), ("devel", 4_170_000_000), ("cudnn-devel", 6_200_000_000)];
        foreach (string cuda in new[] { "12.4.1", "12.6.3", "12.8.1", "12.9.1", "13.0.1" })
        {
            foreach ((string ubuntu, string glibc) in new[] { ("22.04", "2.35"), ("24.04", "2.39") })
            {
                foreach ((string flavour, long bytes) in flavours)
                {
                    yield return new BaseImage("nvidia/cuda", $"{cuda}-{flavour}-ubuntu{ubuntu}", [], "ubuntu", ubuntu, LibcKind.Glibc, glibc, null,
                    [
                        new("linux/amd64", null, bytes, true, cudaSource, "2026-11-29"),
                    ], DistroFacts, "2026-11-30");
                }
            }
        }

        // pytorch/pytorch: conda-based images on Ubuntu 22.04 with torch and its CUDA libraries; 2.5.1-cuda12.4-cudnn9-runtime
        // runs Python 3.11.10 (rlan/notebooks#144, 2024-12-22). The 12.8 builds grew by almost 1 GB (kubeflow/trainer#2685).
        // Sizes: estimates (runtime about the installed CUDA torch stack, 6 GB; devel adds the CUDA toolkit, about 4 GB more).
        const string torchSource = "estimate: the installed CUDA torch stack (about 6 GB, ../shared/reference/ml-wheels.md §6) plus Ubuntu and conda; devel adds the toolkit (+4 GB); measure with the registry";
        foreach ((string tag, string python) in new[] { ("2.5.1-cuda12.4-cudnn9", "3.11.10"), ("2.6.0-cuda12.4-cudnn9", "3.11"), ("2.7.1-cuda12.6-cudnn9", "3.11"), ("2.7.1-cuda12.8-cudnn9", "3.11") })
        {
            yield return new BaseImage("pytorch/pytorch", $"{tag}-runtime", [], "ubuntu", "22.04", LibcKind.Glibc, "2.35", python,
                [new("linux/amd64", null, 6_500_000_000, true, torchSource, "2026-11-30")], "rlan/notebooks#144 (Python 3.11.10 in 2.5.1-cuda12.4-cudnn9-runtime); other rows assume the same", "2024-12-22");
            yield return new BaseImage("pytorch/pytorch", $"{tag}-devel", [], "ubuntu", "22.04", LibcKind.Glibc, "2.35", python,
                [new("linux/amd64", null, 10_500_000_000, true, torchSource, "2026-11-30")], "rlan/notebooks#144 (Python 3.11.10 in 2.5.1-cuda12.4-cudnn9-runtime); other rows assume the same", "2024-12-22");
        }
    }
}
