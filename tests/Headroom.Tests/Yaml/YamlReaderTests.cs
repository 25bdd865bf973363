using System.Text;
using Headroom.Diagnostics;
using Headroom.Text;
using Headroom.Yaml;

namespace Headroom.Tests.Yaml;

public sealed class YamlReaderTests
{
    [Fact]
    public void Scalars_mappings_and_sequences_have_exact_positions_and_styles()
    {
        const string text = "name: CI\non:\n  push:\n    branches: [main, 'dev']\nrun: |\n  echo hi\n  echo \"there\"\nq: \"x\"\nf: >-\n  a\n  b\n";
        YamlDocument doc = YamlReader.Read(text);

        Assert.Empty(doc.Diagnostics);
        var root = Assert.IsType<YamlMapping>(doc.Root);
        YamlScalar name = root.GetScalar("name")!;
        Assert.Equal("CI", name.Value);
        Assert.Equal(new LinePosition(1, 7), name.Start);
        Assert.Equal("CI", doc.Source.ToString(name.Span));

        YamlSequence branches = root.GetMapping("on")!.GetMapping("push")!.GetSequence("branches")!;
        Assert.True(branches.IsFlow);
        Assert.Equal(new LinePosition(4, 15), branches.Start);
        Assert.Equal("[main, 'dev']", doc.Source.ToString(branches.Span));
        var dev = Assert.IsType<YamlScalar>(branches.Items[1]);
        Assert.Equal(YamlScalarStyle.SingleQuoted, dev.Style);
        Assert.Equal(new LinePosition(4, 22), dev.Start);

        YamlScalar run = root.GetScalar("run")!;
        Assert.Equal(YamlScalarStyle.Literal, run.Style);
        Assert.Equal("echo hi\necho \"there\"\n", run.Value);
        Assert.Equal(new LinePosition(5, 6), run.Start);
        Assert.Equal(YamlScalarStyle.DoubleQuoted, root.GetScalar("q")!.Style);
        Assert.Equal(YamlScalarStyle.Folded, root.GetScalar("f")!.Style);
        Assert.Equal("a b", root.GetScalar("f")!.Value);
    }

    [Fact]
    public void Crlf_line_endings_give_the_same_lines_and_columns()
    {
        YamlDocument doc = YamlReader.Read("a: 1\r\nb:\r\n  c: two\r\n");
        YamlScalar c = ((YamlMapping)doc.Root!).GetMapping("b")!.GetScalar("c")!;
        Assert.Equal(new LinePosition(3, 6), c.Start);
        Assert.Equal("two", doc.Source.ToString(c.Span));
    }

    [Fact]
    public void Aliases_resolve_to_the_anchored_node()
    {
        YamlDocument doc = YamlReader.Read("base: &b {x: 1}\nother: *b\n");
        var root = (YamlMapping)doc.Root!;
        Assert.Same(root["base"], root["other"]);
        Assert.Equal("b", root["base"]!.Anchor);
    }

    [Fact]
    public void Unknown_alias_is_an_error_with_its_position()
    {
        YamlDocument doc = YamlReader.Read("a: 1\nb: *nope\n");
        Diagnostic d = Assert.Single(doc.Diagnostics);
        Assert.Equal(YamlDiagnosticCodes.UnknownAlias, d.Code);
        Assert.Equal(new LinePosition(2, 4), d.Start);
    }

    [Fact]
    public void Duplicate_keys_are_warned_and_the_first_wins()
    {
        YamlDocument doc = YamlReader.Read("a: 1\na: 2\n");
        Diagnostic d = Assert.Single(doc.Diagnostics);
        Assert.Equal(YamlDiagnosticCodes.DuplicateKey, d.Code);
        Assert.Equal(2, d.Start.Line);
        Assert.Equal("1", ((YamlMapping)doc.Root!).GetString("a"));
    }

    [Theory]
    [InlineData("a: [1, 2\nb: 3\n", 1)]
    [InlineData("a: 1\n  b: 2\n", 2)]
    [InlineData("key: \"unterminated\n", 1)]
    [InlineData("- a\nb: c\n", 2)]
    public void Malformed_yaml_is_a_diagnostic_with_its_line(string text, int line)
    {
        YamlDocument doc = YamlReader.Read(text, "bad.yml");
        Diagnostic d = Assert.Single(doc.Diagnostics);
        Assert.Equal(YamlDiagnosticCodes.Syntax, d.Code);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal(line, d.Start.Line);
        Assert.Equal("bad.yml", d.Path);
        Assert.DoesNotContain("Idx:", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Billion_laughs_stops_at_the_expansion_bound()
    {
        var sb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'i'; c++)
        {
            char p = (char)(c - 1);
            sb.Append(c).Append(": &").Append(c).Append(" [").Append(string.Join(",", Enumerable.Repeat("*" + p, 9))).Append("]\n");
        }

        // 10^9 "lol"s if expanded; the reader counts instead of copying and stops at the bound.
        YamlDocument doc = YamlReader.Read(sb.ToString());

        Diagnostic d = Assert.Single(doc.Diagnostics);
        Assert.Equal(YamlDiagnosticCodes.ExpansionTooLarge, d.Code);
        Assert.InRange(d.Start.Line, 2, 9);
    }

    [Fact]
    public void Alias_count_is_bounded()
    {
        string text = "a: &a x\nb: [" + string.Join(",", Enumerable.Repeat("*a", 50)) + "]\n";
        YamlDocument doc = YamlReader.Read(text, limits: new YamlReaderLimits { MaxAliases = 10 });
        Assert.Equal(YamlDiagnosticCodes.TooManyAliases, Assert.Single(doc.Diagnostics).Code);
    }

    [Theory]
    [InlineData("[", "]")]
    [InlineData("{a: ", "}")]
    public void Ten_thousand_deep_flow_nesting_is_a_diagnostic_not_a_stack_overflow(string open, string close)
    {
        string text = string.Concat(Enumerable.Repeat(open, 10_000)) + "1" + string.Concat(Enumerable.Repeat(close, 10_000)) + "\n";
        YamlDocument doc = YamlReader.Read(text);
        Diagnostic d = Assert.Single(doc.Diagnostics);
        Assert.Equal(YamlDiagnosticCodes.TooDeep, d.Code);
        Assert.Equal(1, d.Start.Line);
        Assert.Null(doc.Root);
    }

    [Fact]
    public void Ten_thousand_deep_block_sequence_is_a_diagnostic()
    {
        string text = string.Concat(Enumerable.Repeat("- ", 10_000)) + "x\n";
        YamlDocument doc = YamlReader.Read(text);
        Assert.Equal(YamlDiagnosticCodes.TooDeep, Assert.Single(doc.Diagnostics).Code);
    }

    [Fact]
    public void Document_size_is_bounded()
    {
        YamlDocument doc = YamlReader.Read("a: 1\nb: 2\n", limits: new YamlReaderLimits { MaxDocumentLength = 6 });
        Diagnostic d = Assert.Single(doc.Diagnostics);
        Assert.Equal(YamlDiagnosticCodes.TooLarge, d.Code);
        Assert.Equal(2, d.Start.Line);
        Assert.Null(doc.Root);
    }

    [Fact]
    public void Several_documents_are_kept_in_order()
    {
        YamlDocument doc = YamlReader.Read("a: 1\n---\nb: 2\n");
        Assert.Equal(2, doc.Roots.Count);
        Assert.Equal("2", ((YamlMapping)doc.Roots[1]!).GetString("b"));
    }

    [Fact]
    public void Empty_text_has_no_root_and_no_diagnostics()
    {
        YamlDocument doc = YamlReader.Read(string.Empty);
        Assert.Null(doc.Root);
        Assert.Empty(doc.Diagnostics);
    }
}
