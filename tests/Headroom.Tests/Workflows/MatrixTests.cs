using Headroom.Workflows;

namespace Headroom.Tests.Workflows;

public sealed class MatrixTests
{
    private static Matrix MatrixOf(string matrixYaml)
    {
        string indented = string.Join("\n", matrixYaml.Split('\n').Select(l => "        " + l));
        Workflow wf = WorkflowReader.Read("jobs:\n  t:\n    strategy:\n      matrix:\n" + indented + "\n    steps: []\n");
        Assert.Empty(wf.Diagnostics);
        return wf.Jobs[0].Matrix!;
    }

    [Fact]
    public void Python_versions_yield_every_python()
    {
        Matrix m = MatrixOf("python-version: ['3.10', '3.11', '3.12', '3.13']");
        Assert.Equal(["3.10", "3.11", "3.12", "3.13"], m.ValuesOf("python-version"));
        Assert.False(m.HasUnknownParts);
    }

    [Fact]
    public void Cartesian_product_with_exclude_and_include_follows_the_github_rules()
    {
        // The example from GitHub's docs ("Expanding or adding matrix configurations").
        Matrix m = MatrixOf("""
            fruit: [apple, pear]
            animal: [cat, dog]
            include:
              - color: green
              - color: pink
                animal: cat
              - fruit: apple
                shape: circle
              - fruit: banana
              - fruit: banana
                animal: cat
            """);
        Assert.Equal(
            [
                "fruit=apple, animal=cat, color=pink, shape=circle",
                "fruit=apple, animal=dog, color=green, shape=circle",
                "fruit=pear, animal=cat, color=pink",
                "fruit=pear, animal=dog, color=green",
                "fruit=banana",
                "fruit=banana, animal=cat",
            ],
            m.Combinations.Select(c => c.ToString()));
        Assert.Equal([false, false, false, false, true, true], m.Combinations.Select(c => c.FromInclude));
    }

    [Fact]
    public void Exclude_matches_partially()
    {
        Matrix m = MatrixOf("""
            os: [macos-latest, windows-latest]
            version: [12, 14, 16]
            environment: [staging, production]
            exclude:
              - os: macos-latest
                version: 12
                environment: production
              - os: windows-latest
                version: 16
            """);
        Assert.Equal(12 - 1 - 2, m.Combinations.Count);
        Assert.DoesNotContain(m.Combinations, c => c.GetText("os") == "windows-latest" && c.GetText("version") == "16");
    }

    [Fact]
    public void Expression_values_are_kept_as_unknown()
    {
        Matrix m = MatrixOf("""
            python: ${{ fromJSON(needs.setup.outputs.pythons) }}
            os: [ubuntu-latest, "${{ inputs.os }}"]
            """);
        Assert.True(m.HasUnknownParts);
        Assert.True(m.Dimensions[0].IsExpression);
        Assert.Equal(2, m.Combinations.Count);
        Assert.True(m.Combinations[0]["python"]!.IsExpression);
        Assert.Null(m.Combinations[0].GetText("python"));
        Assert.Equal(["ubuntu-latest"], m.ValuesOf("os"));
    }

    [Fact]
    public void Whole_matrix_expression_has_no_combinations()
    {
        Workflow wf = WorkflowReader.Read("jobs:\n  t:\n    strategy:\n      matrix: ${{ fromJSON(needs.a.outputs.m) }}\n");
        Matrix m = wf.Jobs[0].Matrix!;
        Assert.True(m.IsExpression);
        Assert.Empty(m.Combinations);
    }

    [Fact]
    public void Include_only_matrix_makes_one_job_per_entry()
    {
        Matrix m = MatrixOf("""
            include:
              - python: "3.12"
                os: ubuntu-latest
              - python: "3.13"
                os: windows-latest
            """);
        Assert.Equal(["3.12", "3.13"], m.ValuesOf("python"));
    }

    [Fact]
    public void Expansion_stops_at_256_with_a_diagnostic()
    {
        string dims = string.Join("\n", Enumerable.Range(0, 9).Select(i => $"d{i}: [a, b]"));
        string indented = string.Join("\n", dims.Split('\n').Select(l => "        " + l));
        Workflow wf = WorkflowReader.Read("jobs:\n  t:\n    strategy:\n      matrix:\n" + indented + "\n");
        Assert.True(wf.Jobs[0].Matrix!.Truncated);
        Assert.Equal(Matrix.MaxCombinations, wf.Jobs[0].Matrix!.Combinations.Count);
        Assert.Equal(WorkflowDiagnosticCodes.MatrixTruncated, Assert.Single(wf.Diagnostics).Code);
    }
}
