using System.Text.RegularExpressions;
using Headroom.Tests.Cli;
using Headroom.Tests.Dockerfiles;
using Headroom.Workflows;
using Headroom.Yaml;

namespace Headroom.Tests.Shipping;

/// <summary>
/// The repository's own <c>action.yml</c>, read with Headroom's workflow reader: its inputs, step
/// outputs and step environments refer to each other correctly, and <c>headroom check</c> on the
/// documented example workflow (docs/github-action.md) that uses it reports nothing.
/// </summary>
public sealed partial class GitHubActionTests
{
    private static string Root => ConformanceCorpus.RepositoryRoot();

    private static ActionMetadata Action()
    {
        string path = Path.Combine(Root, "action.yml");
        return ActionMetadata.Read(File.ReadAllText(path), "action.yml");
    }

    [Fact]
    public void The_action_is_a_composite_that_parses_cleanly()
    {
        ActionMetadata action = Action();

        Assert.Empty(action.Diagnostics);
        Assert.Equal(ActionRuntime.Composite, action.Runtime);
        Assert.Equal("Headroom", action.Name);
        Assert.Contains(action.Steps, s => s.Uses?.ActionName == "actions/setup-dotnet");
        Assert.Contains(action.Steps, s => s.Uses is { Owner: "github", Repo: "codeql-action", Path: "upload-sarif" });
        Assert.All(action.Steps.Where(s => s.Run is not null), s => Assert.Equal("bash", s.Run!.Shell?.Value));
    }

    [Fact]
    public void Every_input_is_declared_and_used_and_every_step_output_is_written_by_an_earlier_step()
    {
        ActionMetadata action = Action();
        string[] declared = [.. action.Inputs!.Entries.Select(e => e.KeyText!)];
        var used = new HashSet<string>(StringComparer.Ordinal);
        var steps = action.Steps.Select((s, i) => (s.Id, Index: i, Script: s.Run?.Text ?? string.Empty)).ToList();

        void Visit(YamlNode? node, int stepIndex)
        {
            switch (node)
            {
                case YamlScalar scalar:
                    foreach (Match m in InputReference().Matches(scalar.Value))
                    {
                        used.Add(m.Groups[1].Value);
                        Assert.True(declared.Contains(m.Groups[1].Value), $"line {scalar.Start.Line + 1}: inputs.{m.Groups[1].Value} is not declared");
                    }

                    foreach (Match m in StepOutputReference().Matches(scalar.Value))
                    {
                        string id = m.Groups[1].Value, output = m.Groups[2].Value;
                        var writer = steps.SingleOrDefault(s => s.Id == id);
                        Assert.True(writer.Id is not null, $"line {scalar.Start.Line + 1}: no step with id '{id}'");
                        Assert.True(writer.Index < stepIndex, $"line {scalar.Start.Line + 1}: step '{id}' does not run before its output is read");
                        Assert.Contains($"echo \"{output}=", writer.Script, StringComparison.Ordinal);
                    }

                    break;
                case YamlMapping mapping:
                    foreach (YamlMappingEntry entry in mapping.Entries)
                    {
                        Visit(entry.Value, stepIndex);
                    }

                    break;
                case YamlSequence sequence:
                    foreach (YamlNode item in sequence.Items)
                    {
                        Visit(item, stepIndex);
                    }

                    break;
            }
        }

        for (int i = 0; i < action.Steps.Count; i++)
        {
            Visit(action.Steps[i].Node, i);
        }

        Visit(((YamlMapping)action.Document.Root!).GetMapping("outputs"), action.Steps.Count);
        Assert.Equal(declared.Order(StringComparer.Ordinal), used.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Each_script_reads_exactly_the_variables_its_step_sets()
    {
        foreach (Step step in Action().Steps.Where(s => s.Run is not null))
        {
            string[] set = [.. (step.Env?.Entries ?? []).Select(e => e.KeyText!).Order(StringComparer.Ordinal)];
            string[] read = [.. OwnVariable().Matches(step.Run!.Text).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal)];
            Assert.True(set.SequenceEqual(read), $"step '{step.DisplayName}': env sets [{string.Join(", ", set)}], the script reads [{string.Join(", ", read)}]");
            Assert.DoesNotContain("${{", step.Run.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Check_reports_nothing_on_the_documented_workflow_using_the_action()
    {
        string markdown = File.ReadAllText(Path.Combine(Root, "docs", "github-action.md"));
        string workflow = YamlBlock().Match(markdown).Groups[1].Value;
        Assert.Contains("uses: YOUR-ORG/headroom@main", workflow, StringComparison.Ordinal);

        string dir = Directory.CreateTempSubdirectory("headroom-action-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(dir, ".github", "workflows"));
            File.Copy(Path.Combine(Root, "action.yml"), Path.Combine(dir, "action.yml"));
            File.WriteAllText(Path.Combine(dir, ".github", "workflows", "headroom.yml"), workflow);
            File.WriteAllText(Path.Combine(dir, ".github", "workflows", "local.yml"), workflow.Replace("YOUR-ORG/headroom@main", "./", StringComparison.Ordinal));

            CliResult result = CliRunner.Run("check", dir, "--fail-on", "info");

            Assert.Equal("", result.Error);
            Assert.Equal(0, result.ExitCode);
            Assert.StartsWith("No findings", result.Out, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [GeneratedRegex(@"\binputs\.([A-Za-z0-9_-]+)")]
    private static partial Regex InputReference();

    [GeneratedRegex(@"\bsteps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)")]
    private static partial Regex StepOutputReference();

    [GeneratedRegex(@"\$\{?(HEADROOM_[A-Z_]+)")]
    private static partial Regex OwnVariable();

    [GeneratedRegex(@"```yaml\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();
}
