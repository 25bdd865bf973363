using Headroom.Python;

namespace Headroom.Tests.Python;

public sealed class WheelTests
{
    private static WheelFilename Wheel(string name) =>
        WheelFilename.TryParse(name, out WheelFilename? w) ? w : throw new InvalidOperationException(name);

    [Fact]
    public void A_wheel_filename_has_name_version_and_compressed_tag_sets()
    {
        WheelFilename w = Wheel("numpy-1.26.4-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl");
        Assert.Equal("numpy", w.Name);
        Assert.Equal("1.26.4", w.Version.ToString());
        Assert.Null(w.BuildTag);
        Assert.Equal(["manylinux_2_17_x86_64", "manylinux2014_x86_64"], w.PlatformTags);
        Assert.Equal(2, w.Tags.Count());

        WheelFilename six = Wheel("six-1.16.0-py2.py3-none-any.whl");
        Assert.Equal(["py2", "py3"], six.PythonTags);

        WheelFilename built = Wheel("Typing_Extensions-4.12.2-1b-py3-none-any.whl");
        Assert.Equal("1b", built.BuildTag);
        Assert.Equal("typing-extensions", built.NormalizedName);
    }

    [Fact]
    public void Urls_and_encoded_local_versions_parse()
    {
        WheelFilename w = Wheel("https://download.pytorch.org/whl/cpu/torch-2.3.1%2Bcpu-cp311-cp311-linux_x86_64.whl#sha256=abc");
        Assert.Equal("torch-2.3.1+cpu-cp311-cp311-linux_x86_64.whl", w.Filename);
        Assert.Equal("cpu", w.Version.Local);
    }

    [Theory]
    [InlineData("numpy-1.26.4.tar.gz")]
    [InlineData("numpy-1.26.4-cp312-manylinux_2_17_x86_64.whl")]
    [InlineData("numpy-1.26.4-x-y-cp312-cp312-any.whl")]
    [InlineData("numpy-1.26.4-b1-cp312-cp312-any.whl")]
    [InlineData("numpy-notaversion-cp312-cp312-any.whl")]
    [InlineData("numpy--cp312-cp312-any.whl")]
    [InlineData("")]
    public void Bad_wheel_names_do_not_parse(string name) => Assert.False(WheelFilename.TryParse(name, out _));

    [Fact]
    public void Cp312_on_glibc_x86_64_starts_with_its_own_abi_and_ends_with_py3_none_any()
    {
        IReadOnlyList<WheelTag> tags = CompatibleTags.For(TargetEnvironment.Manylinux(12, "x86_64", glibcMinor: 36));
        string[] text = [.. tags.Select(t => t.ToString())];

        Assert.Equal("cp312-cp312-manylinux_2_36_x86_64", text[0]);
        Assert.Equal("cp312-cp312-manylinux_2_35_x86_64", text[1]);
        int m2017 = Array.IndexOf(text, "cp312-cp312-manylinux_2_17_x86_64");
        Assert.Equal("cp312-cp312-manylinux2014_x86_64", text[m2017 + 1]);
        Assert.Equal("cp312-cp312-manylinux_2_16_x86_64", text[m2017 + 2]);
        Assert.Equal("cp312-cp312-manylinux2010_x86_64", text[Array.IndexOf(text, "cp312-cp312-manylinux_2_12_x86_64") + 1]);
        Assert.Equal("cp312-cp312-manylinux1_x86_64", text[Array.IndexOf(text, "cp312-cp312-manylinux_2_5_x86_64") + 1]);
        Assert.Equal("cp312-cp312-linux_x86_64", text[Array.IndexOf(text, "cp312-cp312-manylinux1_x86_64") + 1]);
        Assert.DoesNotContain("cp312-cp312-manylinux_2_4_x86_64", text);
        Assert.DoesNotContain(text, t => t.Contains("musllinux", StringComparison.Ordinal));

        // 32 manylinux_2_N + 3 legacy + linux_x86_64 = 36 platforms.
        int platforms = CompatibleTags.Platforms(TargetEnvironment.Manylinux(12)).Count();
        Assert.Equal(36, platforms);
        Assert.Equal("cp312-abi3-manylinux_2_36_x86_64", text[platforms]);
        Assert.Equal("cp312-none-manylinux_2_36_x86_64", text[2 * platforms]);
        Assert.Equal("cp311-abi3-manylinux_2_36_x86_64", text[3 * platforms]);
        Assert.Equal("cp32-abi3-linux_x86_64", text[(3 * platforms) + (10 * platforms) - 1]);
        Assert.Equal("py312-none-manylinux_2_36_x86_64", text[13 * platforms]);
        Assert.Equal("py3-none-manylinux_2_36_x86_64", text[14 * platforms]);
        Assert.Equal(
            ["cp312-none-any", "py312-none-any", "py3-none-any", "py311-none-any"],
            text[(text.Length - 15)..(text.Length - 11)]);
        Assert.Equal("py30-none-any", text[^1]);
        Assert.Equal(text.Length, text.Distinct().Count());
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void Each_cpython_gets_its_own_abi_first(int minor)
    {
        IReadOnlyList<WheelTag> tags = CompatibleTags.For(TargetEnvironment.Manylinux(minor, glibcMinor: 28));
        Assert.Equal(new WheelTag($"cp3{minor}", $"cp3{minor}", "manylinux_2_28_x86_64"), tags[0]);
        Assert.Contains(new WheelTag($"cp3{minor - 1}", "abi3", "manylinux2014_x86_64"), tags);
        Assert.DoesNotContain(new WheelTag($"cp3{minor + 1}", "abi3", "manylinux2014_x86_64"), tags);
        Assert.Equal(new WheelTag("py30", "none", "any"), tags[^1]);
    }

    [Fact]
    public void Musllinux_aarch64_has_no_manylinux_tags()
    {
        IReadOnlyList<WheelTag> tags = CompatibleTags.For(TargetEnvironment.Musllinux(12, "aarch64", muslMinor: 2));
        Assert.Equal(
            ["musllinux_1_2_aarch64", "musllinux_1_1_aarch64", "musllinux_1_0_aarch64", "linux_aarch64"],
            CompatibleTags.Platforms(TargetEnvironment.Musllinux(12, "aarch64", muslMinor: 2)));
        Assert.Equal("cp312-cp312-musllinux_1_2_aarch64", tags[0].ToString());
        Assert.DoesNotContain(tags, t => t.Platform.Contains("manylinux", StringComparison.Ordinal) || t.Platform.Contains("x86_64", StringComparison.Ordinal));
    }

    [Fact]
    public void Aarch64_glibc_starts_manylinux_at_2_17()
    {
        string[] platforms = [.. CompatibleTags.Platforms(TargetEnvironment.Manylinux(12, "aarch64", glibcMinor: 28))];
        Assert.Equal("manylinux_2_28_aarch64", platforms[0]);
        Assert.Equal(["manylinux_2_17_aarch64", "manylinux2014_aarch64", "linux_aarch64"], platforms[^3..]);
    }

    [Fact]
    public void Free_threaded_python_has_no_abi3()
    {
        var target = new TargetEnvironment { PythonMinor = 13, FreeThreaded = true };
        IReadOnlyList<WheelTag> tags = CompatibleTags.For(target);
        Assert.Equal("cp313t", tags[0].Abi);
        Assert.DoesNotContain(tags, t => t.Abi == "abi3");
    }

    [Fact]
    public void Pip_prefers_the_higher_version_so_the_cpu_local_label_beats_manylinux()
    {
        IReadOnlyList<WheelTag> cp311 = CompatibleTags.For(TargetEnvironment.Manylinux(11));
        WheelFilename[] files =
        [
            Wheel("torch-2.3.1-cp311-cp311-manylinux1_x86_64.whl"),
            Wheel("torch-2.3.1+cpu-cp311-cp311-linux_x86_64.whl"),
            Wheel("torch-2.3.1-cp311-none-macosx_11_0_arm64.whl"),
        ];

        Assert.Equal("torch-2.3.1+cpu-cp311-cp311-linux_x86_64.whl", WheelSelector.ChooseBest(files, cp311)?.Filename);
        Assert.Equal(
            ["torch-2.3.1-cp311-cp311-manylinux1_x86_64.whl", "torch-2.3.1+cpu-cp311-cp311-linux_x86_64.whl"],
            WheelSelector.Compatible(files, cp311).Select(w => w.Filename));
        Assert.True(WheelSelector.SupportIndex(files[0], cp311) < WheelSelector.SupportIndex(files[1], cp311));
        Assert.Null(WheelSelector.SupportIndex(files[2], cp311));
    }

    [Fact]
    public void Within_one_version_the_most_specific_tag_wins_then_the_build_tag()
    {
        IReadOnlyList<WheelTag> cp312 = CompatibleTags.For(TargetEnvironment.Manylinux(12, glibcMinor: 36));
        WheelFilename[] files =
        [
            Wheel("pkg-1.0-py3-none-any.whl"),
            Wheel("pkg-1.0-cp38-abi3-manylinux_2_28_x86_64.whl"),
            Wheel("pkg-1.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl"),
            Wheel("pkg-1.0-cp312-cp312-musllinux_1_2_x86_64.whl"),
        ];
        Assert.Equal("pkg-1.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", WheelSelector.ChooseBest(files, cp312)?.Filename);
        Assert.Equal(3, WheelSelector.Compatible(files, cp312).Count);

        WheelFilename[] builds = [Wheel("pkg-1.0-1-py3-none-any.whl"), Wheel("pkg-1.0-2-py3-none-any.whl"), Wheel("pkg-1.0-py3-none-any.whl")];
        Assert.Equal("2", WheelSelector.ChooseBest(builds, cp312)?.BuildTag);
    }

    [Fact]
    public void No_wheel_for_python_313_is_null()
    {
        IReadOnlyList<WheelTag> cp313 = CompatibleTags.For(TargetEnvironment.Manylinux(13));
        WheelFilename[] files =
        [
            Wheel("torch-2.2.2-cp311-cp311-manylinux1_x86_64.whl"),
            Wheel("torch-2.2.2-cp312-cp312-manylinux1_x86_64.whl"),
        ];
        Assert.Null(WheelSelector.ChooseBest(files, cp313));
    }
}
