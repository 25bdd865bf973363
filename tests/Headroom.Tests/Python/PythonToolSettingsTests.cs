using Headroom.Project;
using Headroom.Python.Tools;
using Headroom.Tests.Workflows;
using Headroom.Text;

namespace Headroom.Tests.Python;

public sealed class PythonToolSettingsTests
{
    [Fact]
    public void Example_pyproject_black_and_ignored_flake8_table()
    {
        PythonToolSettings settings = PythonToolSettings.Read(TestData.Read("ml-backend-pyproject.toml"), "backend/pyproject.toml");
        Assert.Empty(settings.Diagnostics);
        Assert.Equal(88, settings.BlackLineLength);
        Assert.Equal(new LinePosition(3, 1), settings.Black!.Start);
        Assert.Equal(new LinePosition(4, 1), settings.Black.Find("line-length")!.Start);
        TomlTableInfo flake8 = settings.Flake8IgnoredTable!;
        Assert.Equal(new LinePosition(7, 1), flake8.Start);
        Assert.Equal("88", flake8.Find("max-line-length")!.Value);
        Assert.Null(settings.Ruff);
    }

    [Fact]
    public void Ruff_in_pyproject_and_ruff_toml()
    {
        PythonToolSettings py = PythonToolSettings.Read("[tool.ruff]\nline-length = 100\n\n[tool.ruff.format]\nquote-style = \"single\"\n", "pyproject.toml");
        Assert.Equal(100, py.RuffLineLength);
        Assert.NotNull(py.RuffFormat);
        Assert.Equal(88, py.BlackLineLength);
        Assert.Null(py.Black);

        PythonToolSettings ruff = PythonToolSettings.Read("line-length = 120\n[format]\n", "ruff.toml");
        Assert.Equal(120, ruff.RuffLineLength);
        Assert.NotNull(ruff.RuffFormat);
        Assert.Null(ruff.Flake8IgnoredTable);
    }

    [Fact]
    public void Bad_toml_is_a_diagnostic()
    {
        PythonToolSettings s = PythonToolSettings.Read("[tool.black\nline-length = 88\n", "pyproject.toml");
        Assert.Equal(1, Assert.Single(s.Diagnostics.Take(1)).Start.Line);
    }

    [Theory]
    [InlineData(".flake8")]
    [InlineData("setup.cfg")]
    [InlineData("tox.ini")]
    public void Flake8_reads_each_file_kind(string name)
    {
        var files = new InMemoryRepositoryFiles(new Dictionary<string, string>
        {
            ["backend/" + name] = "[metadata]\nname = x\n\n[flake8]\n# black compatible\nmax_line_length = 88\nextend-ignore =\n    E203,\n    E701\n",
        });
        Flake8Config config = Flake8Config.Find(files, "backend/app")!;
        Assert.Equal("backend/" + name, config.Path);
        Assert.Equal(88, config.MaxLineLength);
        Assert.Equal(new LinePosition(6, 1), config.MaxLineLengthEntry!.Start);
        Assert.Equal(["E203", "E701"], config.ExtendIgnore);
        Assert.True(config.IsIgnored("E203"));
        Assert.True(config.IsIgnored("W503"));
        Assert.Equal(new LinePosition(4, 1), config.Section.Start);
    }

    [Fact]
    public void Flake8_order_is_setup_cfg_then_tox_ini_then_dot_flake8_and_pyproject_is_not_read()
    {
        var files = new InMemoryRepositoryFiles(new Dictionary<string, string>
        {
            ["setup.cfg"] = "[metadata]\nname = x\n",
            ["tox.ini"] = "[flake8]\nignore = E501\n",
            [".flake8"] = "[flake8]\nmax-line-length = 100\n",
            ["pyproject.toml"] = "[tool.flake8]\nmax-line-length = 88\n",
        });
        Flake8Config config = Flake8Config.Find(files, "")!;
        Assert.Equal("tox.ini", config.Path);
        Assert.Equal(79, config.MaxLineLength);
        Assert.Equal(["E501"], config.Ignore);
        Assert.False(config.IsIgnored("W503"));
        Assert.Null(Flake8Config.Find(new InMemoryRepositoryFiles(new Dictionary<string, string> { ["pyproject.toml"] = "[tool.flake8]\n" }), ""));
    }

    [Fact]
    public void Pre_commit_black_pinned_or_not()
    {
        PreCommitConfig config = PreCommitConfig.Read("""
            repos:
              - repo: https://github.com/psf/black-pre-commit-mirror
                rev: 24.8.0
                hooks:
                  - id: black
                    args: [--line-length=88]
              - repo: local
                hooks:
                  - id: flake8
                    entry: flake8
                    language: system
            """);
        var (repo, hook) = config.FindHook("black")!.Value;
        Assert.True(repo.IsPinned);
        Assert.Equal(new LinePosition(3, 10), repo.Rev!.Start);
        Assert.Equal(["--line-length=88"], hook.Args);
        Assert.False(config.FindHook("flake8")!.Value.Repo.IsPinned);
        Assert.Null(config.FindHook("ruff"));
    }
}
