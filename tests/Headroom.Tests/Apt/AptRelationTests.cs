using Headroom.Apt;

namespace Headroom.Tests.Apt;

public sealed class AptRelationTests
{
    [Fact]
    public void Parses_groups_alternatives_versions_and_qualifiers()
    {
        var groups = AptRelationParser.ParseGroups("libc6 (>= 2.36), libgcc-s1 (>= 3.0) | libgcc1,\n python3:any (>= 3.11~), perl:native, exim4 (<< 5) | mail-transport-agent");
        Assert.Equal(5, groups.Count);
        Assert.Equal("libc6", groups[0][0].Name);
        Assert.Equal(AptRelationOperator.LaterOrEqual, groups[0][0].Operator);
        Assert.Equal("2.36", groups[0][0].Version!.Text);
        Assert.Equal(["libgcc-s1", "libgcc1"], groups[1].Select(r => r.Name));
        Assert.Equal(AptRelationOperator.Any, groups[1][1].Operator);
        Assert.Null(groups[1][1].Version);
        Assert.Equal("any", groups[2][0].ArchQualifier);
        Assert.Equal("python3", groups[2][0].Name);
        Assert.Equal("native", groups[3][0].ArchQualifier);
        Assert.Equal(AptRelationOperator.Earlier, groups[4][0].Operator);
        Assert.Equal("python3:any (>= 3.11~)", groups[2][0].ToString());
    }

    [Theory]
    [InlineData("a (<< 2)", "1.9", true)]
    [InlineData("a (<< 2)", "2", false)]
    [InlineData("a (<= 2)", "2", true)]
    [InlineData("a (< 2)", "2", true)]
    [InlineData("a (= 2.0-1)", "2.0-1", true)]
    [InlineData("a (= 2.0-1)", "2.0-1+b1", false)]
    [InlineData("a (>= 3.11~)", "3.11.2-1", true)]
    [InlineData("a (>= 3.11~)", "3.10.9", false)]
    [InlineData("a (> 1)", "1", true)]
    [InlineData("a (>> 1)", "1", false)]
    [InlineData("a (>>1:1)", "1:1.1", true)]
    [InlineData("a", "0.1", true)]
    public void Version_constraints(string relation, string version, bool satisfied)
    {
        Assert.Equal(satisfied, AptRelationParser.ParseOne(relation).IsSatisfiedBy(DebianVersion.Parse(version)));
    }

    [Fact]
    public void Architecture_restrictions_and_build_profiles()
    {
        AptRelation only = AptRelationParser.ParseOne("libseccomp-dev [amd64 arm64] <!nocheck>");
        Assert.True(only.AppliesTo("amd64"));
        Assert.False(only.AppliesTo("armhf"));
        AptRelation not = AptRelationParser.ParseOne("libx (>= 1) [!amd64]");
        Assert.False(not.AppliesTo("amd64"));
        Assert.True(not.AppliesTo("arm64"));
    }

    [Fact]
    public void Provides_lists_and_a_trailing_comma()
    {
        var provides = AptRelationParser.ParseList("python3-abi (= 3.11.2), python3-foo,");
        Assert.Equal(["python3-abi", "python3-foo"], provides.Select(p => p.Name));
        Assert.Equal(AptRelationOperator.Equal, provides[0].Operator);
        Assert.Empty(AptRelationParser.ParseGroups("  "));
    }

    [Theory]
    [InlineData("a (>= )", "bad version")]
    [InlineData("a (~ 1)", "bad version operator")]
    [InlineData("a (>= 1", "unclosed '('")]
    [InlineData("(>= 1)", "missing package name")]
    [InlineData("a, , b", "empty relation")]
    [InlineData("a b", "unexpected 'b'")]
    [InlineData("a:", "empty architecture qualifier")]
    [InlineData("a [amd64", "unclosed '['")]
    public void Rejects_malformed_relations(string text, string reason)
    {
        FormatException e = Assert.Throws<FormatException>(() => AptRelationParser.ParseGroups(text));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Alternatives_are_refused_where_a_plain_list_is_expected()
    {
        FormatException e = Assert.Throws<FormatException>(() => AptRelationParser.ParseList("a | b"));
        Assert.Contains("alternatives", e.Message, StringComparison.Ordinal);
    }
}
