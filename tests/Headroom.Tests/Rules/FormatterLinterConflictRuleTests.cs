using Headroom.Rules;
using Headroom.Rules.Python;

namespace Headroom.Tests.Rules;

public sealed class FormatterLinterConflictRuleTests
{
    private static readonly FormatterLinterConflictRule Rule = new();

    private const string UnreadPyProject = """
        [tool.black]
        line-length = 100

        [tool.flake8]
        max-line-length = 100
        ignore = ["E203"]
        """;

    [Fact]
    public void Fires_on_an_unread_tool_flake8_section_with_its_keys_as_related()
    {
        Finding finding = Assert.Single(RuleHarness.Check(Rule, ("api/pyproject.toml", UnreadPyProject)).Findings);
        Assert.Equal("PY003", finding.Rule.Id);
        Assert.Equal(("api/pyproject.toml", 4), (finding.Path, finding.Start.Line));
        Assert.Equal(
            "flake8 does not read [tool.flake8] without the Flake8-pyproject plugin, so it runs with max-line-length 79 against black's 100 and reports E203 on slices black formats; move the settings to api/.flake8",
            finding.Message);
        Assert.Equal([5, 6], finding.Related.Select(r => r.Line));
    }

    [Fact]
    public void The_fix_creates_a_flake8_file_with_extend_ignore_and_is_then_quiet()
    {
        IReadOnlyDictionary<string, string> fixedFiles = RuleHarness.Fix(Rule, ("api/pyproject.toml", UnreadPyProject));
        Assert.Equal("[flake8]\nmax-line-length = 100\nextend-ignore = E203,W503\n", Assert.Single(fixedFiles).Value);
        Assert.Equal("api/.flake8", fixedFiles.Keys.Single());
        Assert.Empty(RuleHarness.Check(Rule, ("api/pyproject.toml", UnreadPyProject), ("api/.flake8", fixedFiles["api/.flake8"])).Findings);
    }

    [Fact]
    public void Does_not_fire_on_tool_flake8_when_the_plugin_is_installed() =>
        Assert.Empty(RuleHarness.Check(Rule, ("pyproject.toml", UnreadPyProject), ("requirements-dev.txt", "black==24.4.2\nFlake8-pyproject==1.2.3\n")).Findings);

    [Theory]
    [InlineData("setup.cfg", "[metadata]\nname = x\n\n[flake8]\nmax-line-length = 79\n", 5)]
    [InlineData("tox.ini", "[flake8]\nignore = E501\n", 2)]
    [InlineData(".flake8", "[flake8]\nmax-line-length = 88\n", 1)]
    public void Fires_on_a_flake8_config_that_conflicts_with_black(string path, string text, int line)
    {
        Finding finding = Assert.Single(RuleHarness.Check(Rule, ("pyproject.toml", "[tool.black]\n"), (path, text)).Findings);
        Assert.Equal((path, line), (finding.Path, finding.Start.Line));
    }

    [Theory]
    [InlineData("[flake8]\nmax-line-length = 88\nextend-ignore = E203\n")]
    [InlineData("[flake8]\nmax-line-length = 88\nignore = E203,W503\n")]
    public void Does_not_fire_when_flake8_is_aligned_with_black(string flake8) =>
        Assert.Empty(RuleHarness.Check(Rule, ("pyproject.toml", "[tool.black]\nline-length = 88\n"), (".flake8", flake8)).Findings);

    [Fact]
    public void Does_not_fire_without_black() =>
        Assert.Empty(RuleHarness.Check(Rule, ("pyproject.toml", "[tool.ruff]\n"), (".flake8", "[flake8]\nmax-line-length = 79\n")).Findings);

    [Fact]
    public void Black_in_ci_counts_even_without_a_pyproject()
    {
        Finding finding = Assert.Single(RuleHarness.Check(Rule, ("requirements-dev.txt", "black==24.4.2\nflake8\n"), ("setup.cfg", "[flake8]\nmax-line-length = 79\n")).Findings);
        Assert.Equal(
            "flake8 fights black here: max-line-length is 79 but black's line-length is 88 (its default); E203 is not ignored, so flake8 fails on code black formatted; align the flake8 settings with black",
            finding.Message);
    }

    [Fact]
    public void The_ini_fix_sets_the_length_and_extends_the_ignore_list_in_place()
    {
        const string Before = "[metadata]\r\nname = x\r\n\r\n[flake8]\r\nmax-line-length = 79\r\nignore = E501\r\nexclude = build\r\n";
        const string After = "[metadata]\r\nname = x\r\n\r\n[flake8]\r\nextend-ignore = E203,W503\r\nmax-line-length = 88\r\nignore = E501\r\nexclude = build\r\n";
        IReadOnlyDictionary<string, string> fixedFiles = RuleHarness.Fix(Rule, ("pyproject.toml", "[tool.black]\n"), ("setup.cfg", Before));
        Assert.Equal(After, fixedFiles["setup.cfg"]);
        Assert.Empty(RuleHarness.Fix(Rule, ("pyproject.toml", "[tool.black]\n"), ("setup.cfg", After)));
    }

    [Fact]
    public void The_ini_fix_appends_to_an_existing_extend_ignore()
    {
        IReadOnlyDictionary<string, string> fixedFiles = RuleHarness.Fix(Rule, ("pyproject.toml", "[tool.black]\n"), (".flake8", "[flake8]\nmax-line-length = 88\nextend-ignore = E501\n"));
        Assert.Equal("[flake8]\nmax-line-length = 88\nextend-ignore = E501,E203\n", fixedFiles[".flake8"]);
    }
}
