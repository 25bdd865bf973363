using Headroom.Apt;

namespace Headroom.Tests.Apt;

public sealed class DebianVersionTests
{
    // Orderings stated in deb-version(7) and exercised by dpkg's lib/dpkg/t/t-version.c.
    [Theory]
    [InlineData("1.0", "1.0", 0)]
    [InlineData("0:1.0", "1.0", 0)]
    [InlineData("1.0", "1.0-0", 0)]
    [InlineData("1.00", "1.0", 0)]
    [InlineData("1.010", "1.10", 0)]
    [InlineData("1.0", "2.0", -1)]
    [InlineData("1:0.1", "2.0", 1)]
    [InlineData("0:1.0", "1:0.1", -1)]
    [InlineData("1.9", "1.10", -1)]
    [InlineData("1.0~rc1", "1.0", -1)]
    [InlineData("1.0~rc1", "1.0~rc2", -1)]
    [InlineData("1.0~~", "1.0~~a", -1)]
    [InlineData("1.0~~a", "1.0~", -1)]
    [InlineData("1.0~", "1.0", -1)]
    [InlineData("1.0", "1.0a", -1)]
    [InlineData("1.0a", "1.0.", -1)]
    [InlineData("1.0", "1.0+b1", -1)]
    [InlineData("1.0-1", "1.0-2", -1)]
    [InlineData("1.0", "1.0-1", -1)]
    [InlineData("1.0-1~bpo1", "1.0-1", -1)]
    [InlineData("2.36-9+deb12u9", "2.36-9+deb12u14", -1)]
    [InlineData("3.11.2-1+b1", "3.11.2-1", 1)]
    [InlineData("1:2.38.1-5+deb12u3", "2.40", 1)]
    [InlineData("1.2.3-4-5", "1.2.3-4", 1)]
    public void Compares_as_dpkg_does(string a, string b, int expected)
    {
        Assert.Equal(expected, Math.Sign(DebianVersion.Compare(a, b)));
        Assert.Equal(-expected, Math.Sign(DebianVersion.Compare(b, a)));
        if (expected == 0)
        {
            Assert.Equal(DebianVersion.Parse(a), DebianVersion.Parse(b));
            Assert.Equal(DebianVersion.Parse(a).GetHashCode(), DebianVersion.Parse(b).GetHashCode());
        }
    }

    [Fact]
    public void Splits_epoch_upstream_and_revision_at_the_last_hyphen()
    {
        DebianVersion v = DebianVersion.Parse("1:2.38.1-5+deb12u3");
        Assert.Equal(1, v.Epoch);
        Assert.Equal("2.38.1", v.Upstream);
        Assert.Equal("5+deb12u3", v.Revision);

        DebianVersion hyphens = DebianVersion.Parse("1.2-3-4");
        Assert.Equal("1.2-3", hyphens.Upstream);
        Assert.Equal("4", hyphens.Revision);

        DebianVersion native = DebianVersion.Parse("5.7");
        Assert.Equal(0, native.Epoch);
        Assert.Equal(string.Empty, native.Revision);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("1.0 2", "white space")]
    [InlineData(":1.0", "bad epoch")]
    [InlineData("x:1.0", "bad epoch")]
    [InlineData("1.0-", "empty revision")]
    [InlineData("-1", "empty upstream")]
    [InlineData("abc", "start with a digit")]
    [InlineData("1.0_1", "bad character '_'")]
    [InlineData("1.0-a/b", "bad character '/' in the revision")]
    public void Rejects_malformed_versions(string text, string reason)
    {
        Assert.False(DebianVersion.TryParse(text, out _, out string? error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
        FormatException e = Assert.Throws<FormatException>(() => DebianVersion.Parse(text));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sorting_a_list_gives_dpkgs_order()
    {
        string[] expected = ["1.0~~", "1.0~~a", "1.0~", "1.0", "1.0-1", "1.0a", "1.0+b1", "1.0.1", "1:0.9"];
        string[] shuffled = [.. expected.Reverse()];
        Assert.Equal(expected, shuffled.Select(DebianVersion.Parse).Order().Select(v => v.Text));
    }
}
