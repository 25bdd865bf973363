// Test data (the ordered VERSIONS list, invalid and normalization cases) ported from pypa/packaging's
// tests/test_version.py, dual licensed Apache-2.0 / BSD-2-Clause (Copyright (c) Donald Stufft and
// individual contributors). The code here is our own.
using Headroom.Python;

namespace Headroom.Tests.Python;

public sealed class PythonVersionTests
{
    // Must be in sorting order.
    public static readonly string[] OrderedVersions =
    [
        "1.0.dev0", "1.0.dev456", "1.0.dev456+local", "1.0a0", "1.0a0.post0.dev0", "1.0a0.post0",
        "1.0a1.dev1", "1.0a1.dev1+local", "1.0a1", "1.0a1+local", "1.0b0", "1.0b1.dev456", "1.0b2",
        "1.0b2.post345.dev456", "1.0b2.post345", "1.0b2-346", "1.0rc0", "1.0rc1.dev1", "1.0c1", "1.0rc2",
        "1.0", "1.0.post0.dev0", "1.0.post0", "1.0.post456.dev34", "1.0.post456", "1.0.post456+local",
        "1.0.1.dev1", "1.0.1a1", "1.0.1", "1.0.1+local", "1.0.1.post1", "1.1.dev1",
        "1.2+a", "1.2+abc", "1.2+abcdef", "1.2+def", "1.2+0", "1.2+1", "1.2+1.abc", "1.2+1.1", "1.2+1.1.0",
        "1.2+2", "1.2+123", "1.2+123456", "1.2.r32+123456", "1.2.rev33+123456",
        "1!1.0.dev0", "1!1.0.dev456", "1!1.0.dev456+local", "1!1.0a0", "1!1.0a0.post0.dev0", "1!1.0a0.post0",
        "1!1.0a1.dev1", "1!1.0a1.dev1+local", "1!1.0a1", "1!1.0a1+local", "1!1.0b0", "1!1.0b1.dev456",
        "1!1.0b2", "1!1.0b2.post345.dev456", "1!1.0b2.post345", "1!1.0b2-346", "1!1.0rc0", "1!1.0rc1.dev1",
        "1!1.0c1", "1!1.0rc2", "1!1.0", "1!1.0.post0.dev0", "1!1.0.post0", "1!1.0.post456.dev34",
        "1!1.0.post456", "1!1.0.post456+local", "1!1.0.1.dev1", "1!1.0.1a1", "1!1.0.1", "1!1.0.1+local",
        "1!1.0.1.post1", "1!1.1.dev1", "1!1.2+a", "1!1.2+abc", "1!1.2+abcdef", "1!1.2+def", "1!1.2+0",
        "1!1.2+1", "1!1.2+1.abc", "1!1.2+1.1", "1!1.2+1.1.0", "1!1.2+2", "1!1.2+123", "1!1.2+123456",
        "1!1.2.r32+123456", "1!1.2.rev33+123456",
    ];

    [Fact]
    public void Every_pair_of_the_ordered_list_compares_by_its_position()
    {
        PythonVersion[] parsed = [.. OrderedVersions.Select(PythonVersion.Parse)];
        for (int i = 0; i < parsed.Length; i++)
        {
            for (int j = 0; j < parsed.Length; j++)
            {
                int expected = i.CompareTo(j);
                // "1.0c1" sits between "1.0rc1.dev1" and "1.0rc2": distinct entries compare strictly.
                Assert.True(
                    Math.Sign(parsed[i].CompareTo(parsed[j])) == expected,
                    $"{OrderedVersions[i]} vs {OrderedVersions[j]}: expected {expected}");
            }
        }
    }

    [Fact]
    public void Sorting_a_shuffled_list_gives_the_ordered_list()
    {
        var random = new Random(1234);
        PythonVersion[] shuffled = [.. OrderedVersions.Select(PythonVersion.Parse).OrderBy(_ => random.Next())];
        Array.Sort(shuffled);
        Assert.Equal(OrderedVersions.Select(v => PythonVersion.Parse(v).ToString()), shuffled.Select(v => v.ToString()));
    }

    [Theory]
    [InlineData("french toast")]
    [InlineData("1.0+a+")]
    [InlineData("1.0++")]
    [InlineData("1.0+_foobar")]
    [InlineData("1.0+foo&asd")]
    [InlineData("1.0+1+1")]
    [InlineData("1. 0")]
    [InlineData("1 .0")]
    [InlineData("1. 0a1")]
    [InlineData("1 .0a1")]
    [InlineData("1.0 a1")]
    [InlineData("1.0a 1")]
    [InlineData("٠١٢.٣٤٥.٦٧٨٩")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("1..0")]
    [InlineData("1.0.")]
    [InlineData(".1.0")]
    [InlineData("1..2.3")]
    [InlineData("1.0+\u0130")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("1.0-")]
    [InlineData("1.0\n2.0")]
    [InlineData("99999999999999999999")]
    public void Invalid_versions_do_not_parse(string text)
    {
        Assert.False(PythonVersion.TryParse(text, out PythonVersion? v));
        Assert.Null(v);
    }

    [Fact]
    public void Null_does_not_parse() => Assert.False(PythonVersion.TryParse(null, out _));

    [Theory]
    [InlineData("1.0dev", "1.0.dev0")]
    [InlineData("1.0.dev", "1.0.dev0")]
    [InlineData("1.0dev1", "1.0.dev1")]
    [InlineData("1.0-dev", "1.0.dev0")]
    [InlineData("1.0-DEV1", "1.0.dev1")]
    [InlineData("1.0a", "1.0a0")]
    [InlineData("1.0.a1", "1.0a1")]
    [InlineData("1.0-a", "1.0a0")]
    [InlineData("1.0alpha", "1.0a0")]
    [InlineData("1.0.alpha1", "1.0a1")]
    [InlineData("1.0-ALPHA1", "1.0a1")]
    [InlineData("1.0b", "1.0b0")]
    [InlineData("1.0beta", "1.0b0")]
    [InlineData("1.0-BETA1", "1.0b1")]
    [InlineData("1.0c", "1.0rc0")]
    [InlineData("1.0.c1", "1.0rc1")]
    [InlineData("1.0-rc", "1.0rc0")]
    [InlineData("1.0RC1", "1.0rc1")]
    [InlineData("1.0pre", "1.0rc0")]
    [InlineData("1.0preview2", "1.0rc2")]
    [InlineData("1.0post", "1.0.post0")]
    [InlineData("1.0.post", "1.0.post0")]
    [InlineData("1.0-post1", "1.0.post1")]
    [InlineData("1.0r", "1.0.post0")]
    [InlineData("1.0rev", "1.0.post0")]
    [InlineData("1.0.r1", "1.0.post1")]
    [InlineData("1.0-5", "1.0.post5")]
    [InlineData("1.0-r5", "1.0.post5")]
    [InlineData("1.0-rev5", "1.0.post5")]
    [InlineData("1.0+AbC", "1.0+abc")]
    [InlineData("1.01", "1.1")]
    [InlineData("1.0a05", "1.0a5")]
    [InlineData("1.0b07", "1.0b7")]
    [InlineData("1.0c056", "1.0rc56")]
    [InlineData("1.0rc09", "1.0rc9")]
    [InlineData("1.0.post000", "1.0.post0")]
    [InlineData("1.1.dev09000", "1.1.dev9000")]
    [InlineData("00!1.2", "1.2")]
    [InlineData("0100!0.0", "100!0.0")]
    [InlineData("v1.0", "1.0")]
    [InlineData("   v1.0\t\n", "1.0")]
    [InlineData("\u202F1.0\t\u2029\n ", "1.0")]
    [InlineData("1.0+ubuntu-1", "1.0+ubuntu.1")]
    [InlineData("1.0+deadbeef.007", "1.0+deadbeef.7")]
    [InlineData("2.3.1+CPU", "2.3.1+cpu")]
    [InlineData("7!1.0b2.post345.dev456", "7!1.0b2.post345.dev456")]
    [InlineData("0!1.0.4+8.0", "1.0.4+8.0")]
    public void Versions_normalize(string text, string normalized)
    {
        Assert.True(PythonVersion.TryParse(text, out PythonVersion? v));
        Assert.Equal(normalized, v.ToString());
    }

    [Theory]
    [InlineData("1.0", "1.0.0")]
    [InlineData("1.0rc1", "1.0c1")]
    [InlineData("1!0", "1!0.0.0")]
    [InlineData("1.0-1", "1.0.post1")]
    [InlineData("2.0+deadbeef.0", "2.0.0+deadbeef.00")]
    public void Equal_versions_are_equal_and_hash_alike(string a, string b)
    {
        PythonVersion x = PythonVersion.Parse(a), y = PythonVersion.Parse(b);
        Assert.Equal(x, y);
        Assert.True(x == y);
        Assert.Equal(x.GetHashCode(), y.GetHashCode());
    }

    [Theory]
    [InlineData("1.0a1.post5.dev6+deadbeef", "1.0a1.post5.dev6", "1.0")]
    [InlineData("1!1.0rc4+deadbeef", "1!1.0rc4", "1!1.0")]
    [InlineData("2.3.1+cpu", "2.3.1", "2.3.1")]
    [InlineData("1.0.post5", "1.0.post5", "1.0")]
    public void Public_and_base_versions(string text, string publicVersion, string baseVersion)
    {
        PythonVersion v = PythonVersion.Parse(text);
        Assert.Equal(publicVersion, v.Public.ToString());
        Assert.Equal(baseVersion, v.BaseVersion.ToString());
    }

    [Fact]
    public void Parts_are_exposed()
    {
        PythonVersion v = PythonVersion.Parse("2!3.12.1rc2.post3.dev4+cu121.x");
        Assert.Equal(2, v.Epoch);
        Assert.Equal([3L, 12L, 1L], v.Release);
        Assert.Equal((3, 12, 1), (v.Major, v.Minor, v.Micro));
        Assert.Equal(PreReleaseKind.ReleaseCandidate, v.PreKind);
        Assert.Equal(2, v.PreNumber);
        Assert.Equal(3, v.Post);
        Assert.Equal(4, v.Dev);
        Assert.Equal("cu121.x", v.Local);
        Assert.Equal(["cu121", "x"], v.LocalSegments);
        Assert.True(v.IsPreRelease && v.IsPostRelease && v.IsDevRelease && v.HasLocal);
    }

    [Theory]
    [InlineData("1.0.dev1", true)]
    [InlineData("1.0a1", true)]
    [InlineData("1.0.post1.dev1", true)]
    [InlineData("1.0.post1", false)]
    [InlineData("1.0+local", false)]
    [InlineData("1.0", false)]
    public void Pre_release_flag_follows_pep_440(string text, bool pre) =>
        Assert.Equal(pre, PythonVersion.Parse(text).IsPreRelease);

    [Fact]
    public void A_local_version_sorts_above_its_public_version_and_below_the_next_release()
    {
        PythonVersion cpu = PythonVersion.Parse("2.3.1+cpu");
        Assert.True(cpu > PythonVersion.Parse("2.3.1"));
        Assert.True(cpu < PythonVersion.Parse("2.3.1.post1"));
        Assert.True(PythonVersion.Parse("2.3.1+cu121") > cpu);
    }

    [Fact]
    public void Parse_throws_on_bad_literals_only() => Assert.Throws<FormatException>(() => PythonVersion.Parse("x"));
}
