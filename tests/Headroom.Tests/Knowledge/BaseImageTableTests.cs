using System.Globalization;
using Headroom.Knowledge;
using Headroom.Python;

namespace Headroom.Tests.Knowledge;

public sealed class BaseImageTableTests
{
    [Fact]
    public void Every_figure_has_a_source_and_a_date_and_every_tag_is_unique()
    {
        Assert.NotEmpty(BaseImageTable.All);
        foreach (BaseImage row in BaseImageTable.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(row.FactsSource), row.Name);
            Assert.True(DateOnly.TryParseExact(row.FactsDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _), row.Name);
            Assert.NotEmpty(row.Sizes);
            Assert.Equal("linux/amd64", row.Sizes[0].Platform);
            foreach (BaseImageSize size in row.Sizes)
            {
                Assert.False(string.IsNullOrWhiteSpace(size.Source), row.Name);
                Assert.True(DateOnly.TryParseExact(size.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _), $"{row.Name}: {size.Date}");
                Assert.True(size.CompressedBytes is not null || size.UncompressedBytes is not null, row.Name);
                Assert.True(size.CompressedBytes is null || size.UncompressedBytes is null || size.CompressedBytes < size.UncompressedBytes, row.Name);
            }
        }

        var names = BaseImageTable.All.SelectMany(r => r.Aliases.Prepend(r.Tag).Select(t => r.Repository + ":" + t)).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("python:3.12-slim", "python:3.12-slim-trixie", true, "2.41", LibcKind.Glibc)]
    [InlineData("python:3.12-slim-bookworm", "python:3.12-slim-bookworm", true, "2.36", LibcKind.Glibc)]
    [InlineData("docker.io/library/python:3.11-alpine", "python:3.11-alpine3.24", true, "1.2", LibcKind.Musl)]
    [InlineData("index.docker.io/library/python:3.13", "python:3.13-trixie", true, "2.41", LibcKind.Glibc)]
    [InlineData("python:3.12-slim@sha256:0f5b26b9518d002b6173fd61daad821fa340635ebfec5bba471013f9ca114579", "python:3.12-slim-trixie", true, "2.41", LibcKind.Glibc)]
    [InlineData("python:3.12.7-slim", "python:3.12-slim-trixie", false, "2.41", LibcKind.Glibc)]
    [InlineData("python:3", "python:3.14-trixie", false, "2.41", LibcKind.Glibc)]
    [InlineData("python:slim", "python:3.14-slim-trixie", false, "2.41", LibcKind.Glibc)]
    [InlineData("python:3.9-alpine", "python:3.9-alpine3.22", true, "1.2", LibcKind.Musl)]
    [InlineData("debian:12.8-slim", "debian:bookworm-slim", false, "2.36", LibcKind.Glibc)]
    [InlineData("debian:bookworm-20240812-slim", "debian:bookworm-slim", false, "2.36", LibcKind.Glibc)]
    [InlineData("ubuntu:noble-20240801", "ubuntu:24.04", false, "2.39", LibcKind.Glibc)]
    [InlineData("ubuntu:jammy", "ubuntu:22.04", true, "2.35", LibcKind.Glibc)]
    [InlineData("alpine:3.20.3", "alpine:3.20", false, "1.2", LibcKind.Musl)]
    [InlineData("nvidia/cuda:12.4.1-cudnn-runtime-ubuntu22.04", "nvidia/cuda:12.4.1-cudnn-runtime-ubuntu22.04", true, "2.35", LibcKind.Glibc)]
    [InlineData("pytorch/pytorch:2.5.1-cuda12.4-cudnn9-runtime", "pytorch/pytorch:2.5.1-cuda12.4-cudnn9-runtime", true, "2.35", LibcKind.Glibc)]
    [InlineData("alpine:3.18", "alpine:3.19", false, "1.2", LibcKind.Musl)]
    [InlineData("alpine", "alpine:3.24", true, "1.2", LibcKind.Musl)]
    [InlineData("python@sha256:0f5b26b9518d002b6173fd61daad821fa340635ebfec5bba471013f9ca114579", "python:3.14-trixie", false, "2.41", LibcKind.Glibc)]
    [InlineData("node:20-alpine", "node:20-alpine3.23", true, "1.2", LibcKind.Musl)]
    [InlineData("node:20", "node:20-bookworm", true, "2.36", LibcKind.Glibc)]
    [InlineData("node:22-slim", "node:22-bookworm-slim", true, "2.36", LibcKind.Glibc)]
    [InlineData("node:24-trixie-slim", "node:24-trixie-slim", true, "2.41", LibcKind.Glibc)]
    [InlineData("node:18.20.4-alpine3.20", "node:18-alpine3.21", false, "1.2", LibcKind.Musl)]
    [InlineData("node:lts-alpine", "node:24-alpine3.24", false, "1.2", LibcKind.Musl)]
    [InlineData("node:iron-bullseye-slim", "node:20-bookworm-slim", false, "2.36", LibcKind.Glibc)]
    [InlineData("node:21-alpine", "node:20-alpine3.23", false, "1.2", LibcKind.Musl)]
    [InlineData("nginx:1.27-alpine", "nginx:alpine", false, "1.2", LibcKind.Musl)]
    [InlineData("nginx:1.27.3-alpine3.21-slim", "nginx:alpine-slim", false, "1.2", LibcKind.Musl)]
    [InlineData("nginx", "nginx:latest", true, "2.41", LibcKind.Glibc)]
    [InlineData("nginx:1.25-perl", "nginx:latest", false, "2.41", LibcKind.Glibc)]
    public void Resolves_references_to_rows(string reference, string row, bool exact, string libc, LibcKind kind)
    {
        BaseImageMatch? match = BaseImageTable.Resolve(reference);
        Assert.NotNull(match);
        Assert.Equal(row, match.Image.Name);
        Assert.Equal(exact, match.ExactTag);
        Assert.Equal(exact, match.Note is null);
        Assert.Equal(libc, match.Image.LibcVersion);
        Assert.Equal(kind, match.Image.Libc);
    }

    [Fact]
    public void A_near_cuda_row_keeps_the_flavour_and_ubuntu_release()
    {
        BaseImageMatch match = BaseImageTable.Resolve("nvidia/cuda:12.1.1-cudnn8-runtime-ubuntu22.04")!;
        Assert.False(match.ExactTag);
        Assert.EndsWith("-cudnn-runtime-ubuntu22.04", match.Image.Tag, StringComparison.Ordinal);
        Assert.Contains("12.1.1-cudnn8-runtime-ubuntu22.04 is not in the table", match.Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ghcr.io/astral-sh/uv:python3.12-bookworm")]
    [InlineData("python:2.7")]
    [InlineData("node:hello-world")]
    [InlineData("nginx:not-a-tag")]
    [InlineData("not a reference")]
    public void Unknown_or_unsized_references_are_null(string reference)
    {
        Assert.Null(BaseImageTable.Resolve(reference));
    }

    [Fact]
    public void A_patch_tag_carries_its_python_version_and_says_which_debian_it_may_be()
    {
        BaseImageMatch match = BaseImageTable.Resolve("python:3.12.7-slim")!;
        Assert.Equal("3.12.7", match.Image.PythonVersion);
        Assert.Contains("2025-08-08", match.Note, StringComparison.Ordinal);
        TargetEnvironment target = match.Image.Target("amd64")!;
        Assert.Equal((3, 12, 7), (target.PythonMajor, target.PythonMinor, target.PythonMicro));
    }

    [Fact]
    public void The_target_environment_follows_the_row_and_the_architecture()
    {
        TargetEnvironment slim = BaseImageTable.Resolve("python:3.12-slim-bookworm")!.Image.Target("arm64")!;
        Assert.Equal("cp312 linux aarch64 glibc 2.36", slim.ToString());
        TargetEnvironment alpine = BaseImageTable.Resolve("python:3.13-alpine")!.Image.Target()!;
        Assert.Equal("cp313 linux x86_64 musl 1.2", alpine.ToString());
        Assert.Null(BaseImageTable.Resolve("debian:bookworm-slim")!.Image.Target());
    }

    [Fact]
    public void Sizes_by_platform_and_the_measured_python_rows_are_not_estimates()
    {
        BaseImage row = BaseImageTable.Resolve("python:3.12-slim-bookworm")!.Image;
        Assert.False(row.SizeFor("linux/amd64")!.Estimate);
        Assert.NotNull(row.SizeFor("linux/arm64/v8"));
        Assert.Null(row.SizeFor("linux/s390x"));
        Assert.True(BaseImageTable.Resolve("python:3.11-slim-bookworm")!.Image.SizeFor("linux/amd64")!.Estimate);
    }

    [Fact]
    public void Package_lists_of_the_debian_based_images()
    {
        var slim = BaseImagePackages.Find("debian:bookworm-slim")!;
        var python = BaseImagePackages.Find("python:3.12-slim-bookworm")!;
        Assert.Contains(slim, p => p.Name == "libc6" && p.Version.Upstream == "2.36");
        Assert.Contains(slim, p => p.Name == "mawk" && p.Provides.Any(r => r.Name == "awk"));
        Assert.Subset(python.Select(p => p.Name).ToHashSet(), slim.Select(p => p.Name).ToHashSet());
        Assert.Contains(python, p => p.Name == "libsqlite3-0");
        Assert.DoesNotContain(slim, p => p.Name == "libsqlite3-0");
        Assert.NotNull(BaseImagePackages.Find("ubuntu:24.04"));
        Assert.Null(BaseImagePackages.Find("alpine:3.20"));
        Assert.Equal("python:3.12-slim-bookworm", BaseImageTable.Resolve("python:3.12-slim-bookworm")!.Image.PackagesKey);
        Assert.Equal("debian:bookworm-slim", BaseImageTable.Resolve("debian:12-slim")!.Image.PackagesKey);
        Assert.Null(BaseImageTable.Resolve("python:3.12-alpine")!.Image.PackagesKey);
        Assert.All(BaseImagePackages.Images, image => Assert.True(BaseImagePackages.Sources.ContainsKey(image), image));
    }
}
