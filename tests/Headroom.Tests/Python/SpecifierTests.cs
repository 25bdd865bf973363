// The containment table (version, specifier, expected with pre-releases allowed) is ported from
// pypa/packaging's tests/test_specifiers.py, dual licensed Apache-2.0 / BSD-2-Clause (Copyright (c)
// Donald Stufft and individual contributors). The code here is our own.
using Headroom.Python;

namespace Headroom.Tests.Python;

public sealed class SpecifierTests
{
    public static TheoryData<string, string, bool> ContainmentTable => new()
    {
        { "2.0", "==2", true }, { "2.0", "==2.0", true }, { "2.0", "==2.0.0", true },
        { "2.0+deadbeef", "==2", true }, { "2.0+deadbeef", "==2.0", true }, { "2.0+deadbeef", "==2.0.0", true },
        { "2.0+deadbeef", "==2+deadbeef", true }, { "2.0+deadbeef", "==2.0+deadbeef", true },
        { "2.0+deadbeef", "==2.0.0+deadbeef", true }, { "2.0+deadbeef.0", "==2.0.0+deadbeef.00", true },
        { "2.dev1", "==2.*", true }, { "2a1", "==2.*", true }, { "2a1.post1", "==2.*", true }, { "2b1", "==2.*", true },
        { "2b1.dev1", "==2.*", true }, { "2c1", "==2.*", true }, { "2c1.post1.dev1", "==2.*", true },
        { "2c1.post1.dev1", "==2.0.*", true }, { "2rc1", "==2.*", true }, { "2rc1", "==2.0.*", true },
        { "2", "==2.*", true }, { "2", "==2.0.*", true }, { "2", "==2.0.0.*", true }, { "2", "==0!2.*", true },
        { "0!2", "==2.*", true }, { "2.0", "==2.*", true }, { "2.0.0", "==2.*", true }, { "2.0.0.0", "==2.0.*", true },
        { "2.1+local.version", "==2.1.*", true },
        { "2.1", "!=2", true }, { "2.1", "!=2.0", true }, { "2.0.1", "!=2", true }, { "2.0.1", "!=2.0", true },
        { "2.0.1", "!=2.0.0", true }, { "2.0", "!=2.0+deadbeef", true },
        { "2.0", "!=3.*", true }, { "2.1", "!=2.0.*", true }, { "3", "!=2.0.0.*", true }, { "2.1.0.0", "!=2.0.*", true },
        { "2.0", ">=2", true }, { "2.0", ">=2.0", true }, { "2.0", ">=2.0.0", true }, { "2.0.post1", ">=2", true },
        { "2.0.post1.dev1", ">=2", true }, { "3", ">=2", true }, { "3.0.0a8", ">=3.0.0a7", true },
        { "2.0", "<=2", true }, { "2.0", "<=2.0", true }, { "2.0", "<=2.0.0", true }, { "2.0.dev1", "<=2", true },
        { "2.0a1", "<=2", true }, { "2.0a1.dev1", "<=2", true }, { "2.0b1", "<=2", true }, { "2.0b1.post1", "<=2", true },
        { "2.0c1", "<=2", true }, { "2.0c1.post1.dev1", "<=2", true }, { "2.0rc1", "<=2", true }, { "1", "<=2", true },
        { "3.0.0a7", "<=3.0.0a8", true },
        { "3", ">2", true }, { "2.1", ">2.0", true }, { "2.0.1", ">2", true }, { "2.1.post1", ">2", true },
        { "2.1+local.version", ">2", true }, { "3.0.0a8", ">3.0.0a7", true },
        { "1", "<2", true }, { "2.0", "<2.1", true }, { "2.0.dev0", "<2.1", true }, { "3.0.0a7", "<3.0.0a8", true },
        { "1", "~=1.0", true }, { "1.0.1", "~=1.0", true }, { "1.1", "~=1.0", true }, { "1.9999999", "~=1.0", true },
        { "1.1", "~=1.0a1", true }, { "2022.01.01", "~=2022.01.01", true },
        { "2!1.0", "~=2!1.0", true }, { "2!1.0", "==2!1.*", true }, { "2!1.0", "==2!1.0", true }, { "2!1.0", "!=1.0", true },
        { "2!1.0.0", "==2!1.0.0.0.*", true }, { "2!1.0.0", "==2!1.0.*", true }, { "2!1.0.0", "==2!1.*", true },
        { "1.0", "!=2!1.0", true }, { "1.0", "<=2!0.1", true }, { "2!1.0", ">=2.0", true }, { "1.0", "<2!0.1", true },
        { "2!1.0", ">2.0", true }, { "2.0.5", ">2.0dev", true },
        { "1.0+local", ">1.0.dev1", true }, { "4.1.0a2.dev1235+local", ">4.1.0a2.dev1234", true },
        { "1.0a2+local", ">1.0a1", true }, { "1.0b2+local", ">1.0b1", true }, { "1.0rc2+local", ">1.0rc1", true },
        { "1.0.post2+local", ">1.0.post1", true }, { "1.0.dev2+local", ">1.0.dev1", true },
        { "1.0a1.dev2+local", ">1.0a1.dev1", true }, { "1.0.post1.dev2+local", ">1.0.post1.dev1", true },

        { "2.1", "==2", false }, { "2.1", "==2.0", false }, { "2.1", "==2.0.0", false }, { "2.0", "==2.0+deadbeef", false },
        { "2.0", "==3.*", false }, { "2.1", "==2.0.*", false }, { "3", "==2.0.0.*", false }, { "2.1.0.0", "==2.0.*", false },
        { "2.0", "!=2", false }, { "2.0", "!=2.0", false }, { "2.0", "!=2.0.0", false }, { "2.0+deadbeef", "!=2", false },
        { "2.0+deadbeef", "!=2.0", false }, { "2.0+deadbeef", "!=2.0.0", false }, { "2.0+deadbeef", "!=2+deadbeef", false },
        { "2.0+deadbeef", "!=2.0+deadbeef", false }, { "2.0+deadbeef", "!=2.0.0+deadbeef", false },
        { "2.0+deadbeef.0", "!=2.0.0+deadbeef.00", false },
        { "2.dev1", "!=2.*", false }, { "2a1", "!=2.*", false }, { "2a1.post1", "!=2.*", false }, { "2b1", "!=2.*", false },
        { "2b1.dev1", "!=2.*", false }, { "2c1", "!=2.*", false }, { "2c1.post1.dev1", "!=2.*", false },
        { "2c1.post1.dev1", "!=2.0.*", false }, { "2rc1", "!=2.*", false }, { "2rc1", "!=2.0.*", false },
        { "2", "!=2.*", false }, { "2", "!=2.0.*", false }, { "2", "!=2.0.0.*", false }, { "2.0", "!=2.*", false },
        { "2.0.0", "!=2.*", false }, { "2.0.0.0", "!=2.0.*", false },
        { "2.0.dev1", ">=2", false }, { "2.0a1", ">=2", false }, { "2.0a1.dev1", ">=2", false }, { "2.0b1", ">=2", false },
        { "2.0b1.post1", ">=2", false }, { "2.0c1", ">=2", false }, { "2.0c1.post1.dev1", ">=2", false },
        { "2.0rc1", ">=2", false }, { "1", ">=2", false },
        { "2.0.post1", "<=2", false }, { "2.0.post1.dev1", "<=2", false }, { "3", "<=2", false },
        { "1", ">2", false }, { "2.0.dev1", ">2", false }, { "2.0a1", ">2", false }, { "2.0a1.post1", ">2", false },
        { "2.0b1", ">2", false }, { "2.0b1.dev1", ">2", false }, { "2.0c1", ">2", false }, { "2.0c1.post1.dev1", ">2", false },
        { "2.0rc1", ">2", false }, { "2.0", ">2", false }, { "2.0.post1", ">2", false }, { "2.0.post1.dev1", ">2", false },
        { "2.0+local.version", ">2", false }, { "4.1.0a2.dev1234+local", ">4.1.0a2.dev1234", false },
        { "1.0a1+local", ">1.0a1", false }, { "1.0b1+local", ">1.0b1", false }, { "1.0rc1+local", ">1.0rc1", false },
        { "1.0.post1+local", ">1.0.post1", false }, { "1.0.dev1+local", ">1.0.dev1", false },
        { "1.0a1.dev1+local", ">1.0a1.dev1", false }, { "1.0.post1.dev1+local", ">1.0.post1.dev1", false },
        { "2.0.dev1", "<2", false }, { "2.0a1", "<2", false }, { "2.0a1.post1", "<2", false }, { "2.0b1", "<2", false },
        { "2.0b2.dev1", "<2", false }, { "2.0c1", "<2", false }, { "2.0c1.post1.dev1", "<2", false }, { "2.0rc1", "<2", false },
        { "2.0", "<2", false }, { "2.post1", "<2", false }, { "2.post1.dev1", "<2", false }, { "3", "<2", false },
        { "2.0", "~=1.0", false }, { "1.1.0", "~=1.0.0", false }, { "1.1.post1", "~=1.0.0", false },
        { "1.0", "~=2!1.0", false }, { "2!1.0", "~=1.0", false }, { "2!1.0", "==1.0", false }, { "1.0", "==2!1.0", false },
        { "2!1.0", "==1.0.0.*", false }, { "1.0", "==2!1.0.0.*", false }, { "2!1.0", "==1.*", false },
        { "1.0", "==2!1.*", false }, { "2!1.0", "!=2!1.0", false },
    };

    [Theory]
    [MemberData(nameof(ContainmentTable))]
    public void Containment_with_pre_releases_allowed(string version, string specifier, bool expected)
    {
        VersionSpecifier spec = VersionSpecifier.Parse(specifier);
        Assert.Equal(expected, spec.Contains(PythonVersion.Parse(version), prereleases: true));
        Assert.Equal(expected, spec.Contains(version, prereleases: true));
        Assert.Equal(expected, SpecifierSet.Parse(specifier).Contains(version, prereleases: true));
    }

    [Theory]
    [InlineData("1.0.post1", ">1.0a1", true)] // a post-release of 1.0, not of 1.0a1
    [InlineData("1.0a1.post1", ">1.0a1", false)] // a post-release of 1.0a1
    [InlineData("1.0.post2", ">1.0.post1", true)]
    [InlineData("2.3.1+cpu", "==2.3.1", true)]
    [InlineData("2.3.1+cu121", "==2.3.1+cpu", false)]
    [InlineData("2.3.1+cpu", "==2.3.1+cpu", true)]
    [InlineData("2.3.1+cpu", "<=2.3.1", true)]
    [InlineData("2.3.1+cpu", ">=2.3.1", true)]
    [InlineData("2.3.1+cpu", "<2.3.1", false)]
    [InlineData("2.3.1+cpu", ">2.3.1", false)]
    [InlineData("2.3.1+cpu", "~=2.3", true)]
    [InlineData("2.3.1+cpu", "==2.3.*", true)]
    [InlineData("1.0", "===1.0", true)]
    [InlineData("1.0.0", "===1.0", false)]
    [InlineData("1.0+CPU", "===1.0+cpu", true)]
    public void Local_labels_post_releases_and_arbitrary_equality(string version, string specifier, bool expected) =>
        Assert.Equal(expected, SpecifierSet.Parse(specifier).Contains(version, prereleases: true));

    [Theory]
    [InlineData("==1.0", "not a valid version", false)]
    [InlineData("==1.*", "not a valid version", false)]
    [InlineData(">=1.0", "not a valid version", false)]
    [InlineData("~=1.0", "not a valid version", false)]
    [InlineData("!=1.0", "not a valid version", false)]
    [InlineData("!=1.*", "not a valid version", false)]
    [InlineData("===invalid", "invalid", true)]
    [InlineData("===foobar", "invalid", false)]
    public void Versions_that_do_not_parse_match_only_arbitrary_equality(string specifier, string version, bool expected) =>
        Assert.Equal(expected, VersionSpecifier.Parse(specifier).Contains(version, prereleases: true));

    [Theory]
    [InlineData(">=1.0", "2.0b1", null, false)]
    [InlineData(">=1.0", "2.0b1", true, true)]
    [InlineData(">=1.0b1", "2.0b1", null, true)]
    [InlineData(">=1.0b1", "2.0b1", false, false)]
    [InlineData("==2.0rc1", "2.0rc1", null, true)]
    [InlineData("==2.0.dev1", "2.0.dev1", null, true)]
    [InlineData("~=2.0rc1", "2.0rc2", null, true)]
    [InlineData("<2.0a1", "1.9a1", null, true)]
    [InlineData(">1.0a1", "1.0a2", null, true)]
    [InlineData("!=2.0b1", "2.0b2", null, false)]
    [InlineData("", "2.0b1", null, false)]
    [InlineData("", "2.0b1", true, true)]
    [InlineData("", "2.0", null, true)]
    [InlineData(">=1.0,<3.0b1", "2.0b1", null, true)]
    [InlineData("<2", "1.0.dev1", null, false)]
    public void Pre_releases_need_the_specifier_or_pre(string specifier, string version, bool? pre, bool expected) =>
        Assert.Equal(expected, SpecifierSet.Parse(specifier).Contains(PythonVersion.Parse(version), pre));

    [Fact]
    public void Filter_falls_back_to_pre_releases_when_no_final_release_matches()
    {
        PythonVersion[] versions = [.. new[] { "1.0", "2.0b1", "2.0", "3.0a1" }.Select(PythonVersion.Parse)];

        Assert.Equal(["1.0", "2.0"], SpecifierSet.Parse(">=1.0").Filter(versions).Select(v => v.ToString()));
        Assert.Equal(["3.0a1"], SpecifierSet.Parse(">2.0").Filter(versions).Select(v => v.ToString()));
        Assert.Empty(SpecifierSet.Parse(">2.0").Filter(versions, prereleases: false));
        Assert.Equal(["1.0", "2.0b1", "2.0", "3.0a1"], SpecifierSet.Empty.Filter(versions, prereleases: true).Select(v => v.ToString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1.0")]
    [InlineData("=1.0")]
    [InlineData("==")]
    [InlineData("~=1")]
    [InlineData("~=1.0.*")]
    [InlineData(">=1.0.*")]
    [InlineData("<1.0+local")]
    [InlineData("~=1.0+local")]
    [InlineData("==1.0a1.*")]
    [InlineData("==1.0+local.*")]
    [InlineData("==1.0 a1")]
    [InlineData(">= 1.0,")]
    [InlineData("==french")]
    public void Bad_specifiers_fail_with_a_message(string text)
    {
        string? error;
        bool parsed = text.Contains(',', StringComparison.Ordinal)
            ? SpecifierSet.TryParse(text, out _, out error)
            : VersionSpecifier.TryParse(text, out _, out error);
        Assert.False(parsed);
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void Spans_point_at_each_specifier_and_its_version()
    {
        const string text = ">= 1.0 , <2,==1.5.*";
        SpecifierSet set = SpecifierSet.Parse(text);

        Assert.Equal(3, set.Specifiers.Count);
        Assert.Equal(">= 1.0", text.Substring(set.Specifiers[0].Span.Start, set.Specifiers[0].Span.Length));
        Assert.Equal("1.0", text.Substring(set.Specifiers[0].VersionSpan.Start, set.Specifiers[0].VersionSpan.Length));
        Assert.Equal("1.5.*", text.Substring(set.Specifiers[2].VersionSpan.Start, set.Specifiers[2].VersionSpan.Length));
        Assert.Equal(">=1.0,<2,==1.5.*", set.ToString());
        Assert.Equal(SpecifierOperator.Equal, set.Specifiers[2].Operator);
        Assert.True(set.Specifiers[2].IsWildcard);
    }

    [Theory]
    [InlineData("==2.3.1", true)]
    [InlineData("===2.3.1", true)]
    [InlineData("==2.3.*", false)]
    [InlineData(">=2.3.1", false)]
    [InlineData("==2.3.1,!=2.3.2", false)]
    public void A_single_exact_specifier_is_a_pin(string text, bool pinned) =>
        Assert.Equal(pinned, SpecifierSet.Parse(text).Pin is not null);

    [Fact]
    public void An_empty_set_matches_everything_final()
    {
        Assert.True(SpecifierSet.TryParse("  ", out SpecifierSet? set, out _));
        Assert.True(set.IsEmpty);
        Assert.True(set.Contains("0.0.1"));
    }
}
