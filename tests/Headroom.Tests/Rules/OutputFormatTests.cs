using System.Text.Json;
using Headroom.Rules;
using Headroom.Rules.Fixing;
using Headroom.Rules.Output;
using NJsonSchema;

namespace Headroom.Tests.Rules;

public sealed class OutputFormatTests
{
    private const string Dockerfile = "FROM debian\nRUN apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nRUN sh -c 'apt-get install -y git'\n";

    private static CheckResult Result() => RuleHarness.Check(RuleCatalog.Find("DF007")!, ("app/Dockerfile", Dockerfile), ("Dockerfile", Dockerfile));

    private static string Sarif()
    {
        var output = new StringWriter { NewLine = "\n" };
        SarifWriter.Write(output, Result(), RuleCatalog.All.Select(r => r.Descriptor), "1.2.3");
        return output.ToString();
    }

    [Fact]
    public async Task Sarif_is_valid_against_the_official_2_1_0_schema()
    {
        string schemaText = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Rules", "Data", "sarif-schema-2.1.0.json"), TestContext.Current.CancellationToken);
        JsonSchema schema = await JsonSchema.FromJsonAsync(schemaText, TestContext.Current.CancellationToken);

        ICollection<NJsonSchema.Validation.ValidationError> errors = schema.Validate(Sarif());

        Assert.Empty(errors.Select(e => $"{e.Path}: {e.Kind}"));
        // The schema is strict about unknown properties: a deliberately wrong document must fail.
        Assert.NotEmpty(schema.Validate(Sarif().Replace("\"ruleId\"", "\"ruleID\"", StringComparison.Ordinal)));
    }

    [Fact]
    public void Sarif_carries_rule_metadata_help_links_regions_and_applicable_fixes()
    {
        using JsonDocument doc = JsonDocument.Parse(Sarif());
        JsonElement run = doc.RootElement.GetProperty("runs")[0];
        JsonElement rule = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "DF007");
        Assert.Equal("apt-recommends", rule.GetProperty("name").GetString());
        Assert.EndsWith("/docs/rules/DF007.md", rule.GetProperty("helpUri").GetString(), StringComparison.Ordinal);

        JsonElement[] results = [.. run.GetProperty("results").EnumerateArray()];
        Assert.Equal(4, results.Length);
        JsonElement first = results[0];
        Assert.Equal("Dockerfile", first.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(2, first.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());

        // Applying the SARIF replacements to the file gives what 'headroom fix' writes.
        JsonElement replacement = first.GetProperty("fixes")[0].GetProperty("artifactChanges")[0].GetProperty("replacements")[0];
        var edit = new TextEdit(
            new Headroom.Text.TextSpan(replacement.GetProperty("deletedRegion").GetProperty("charOffset").GetInt32(), replacement.GetProperty("deletedRegion").GetProperty("charLength").GetInt32()),
            replacement.GetProperty("insertedContent").GetProperty("text").GetString()!);
        Assert.Equal(RuleHarness.Fix(RuleCatalog.Find("DF007")!, ("Dockerfile", Dockerfile))["Dockerfile"], TextEdits.Apply(Dockerfile, [edit]));
        Assert.False(results[1].TryGetProperty("fixes", out _));
    }

    [Fact]
    public void GitHub_annotations_are_workflow_commands_with_escaped_values()
    {
        var output = new StringWriter { NewLine = "\n" };
        GitHubAnnotationsWriter.Write(output, Result());
        string[] lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.StartsWith("::warning file=Dockerfile,line=2,col=5,endLine=2,endColumn=", lines[0], StringComparison.Ordinal);
        Assert.Contains(",title=DF007 apt-recommends::'apt-get install' without", lines[0], StringComparison.Ordinal);
        Assert.Equal(5, lines.Length);
        Assert.Equal("50%25 done%0Anext", GitHubAnnotationsWriter.Data("50% done\nnext"));
        Assert.Equal("a%3Ab%2Cc", GitHubAnnotationsWriter.Property("a:b,c"));
    }

    [Fact]
    public void Markdown_is_a_summary_and_a_table_with_linked_rules()
    {
        var output = new StringWriter { NewLine = "\n" };
        FindingsMarkdownWriter.Write(output, Result());
        string text = output.ToString();

        Assert.StartsWith("## Headroom check\n\n4 findings (4 warnings) in 2 files; 2 fixable with 'headroom fix'.\n\n| severity | rule |", text, StringComparison.Ordinal);
        Assert.Contains("| warning | [DF007](https://github.com/headroom-dev/headroom/blob/main/docs/rules/DF007.md) apt-recommends | `app/Dockerfile:2` |", text, StringComparison.Ordinal);
        Assert.Equal(4, text.Split('\n').Count(l => l.StartsWith("| warning", StringComparison.Ordinal)));
        Assert.Equal("a \\| b c", FindingsMarkdownWriter.Cell("a | b\nc"));
    }
}
