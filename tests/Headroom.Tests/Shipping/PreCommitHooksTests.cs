using System.Text.RegularExpressions;
using Headroom.Project;
using Headroom.Tests.Dockerfiles;
using Headroom.Tests.Integration;
using Headroom.Yaml;

namespace Headroom.Tests.Shipping;

/// <summary>
/// The repository's <c>.pre-commit-hooks.yaml</c>: it parses, each hook runs <c>headroom check</c>, and
/// its <c>files</c> pattern selects exactly the files Headroom reads (<see cref="ProjectFileClassifier"/>)
/// plus the TypeScript sources, configuration and action files that rules also look at. pre-commit
/// matches with Python's <c>re.search</c>; the pattern uses only syntax that .NET reads the same way,
/// and where python3 exists the test asks Python too.
/// </summary>
public sealed class PreCommitHooksTests
{
    private static readonly string[] Samples =
    [
        "Dockerfile", "backend/Dockerfile", "Dockerfile.dev", "app.dockerfile", "Containerfile", "DOCKERFILE", "docs/Dockerfile.md",
        ".dockerignore", "web/.dockerignore", ".github/workflows/ci.yml", ".github/workflows/sub/release.yaml", "x/.github/workflows/a.yml",
        ".github/dependabot.yml", "requirements.txt", "backend/requirements-dev.txt", "requirements/base.in", "constraints.txt",
        "dev-requirements.txt", "test_requirements.txt", "notes.txt", "pyproject.toml", "uv.lock", "poetry.lock", "pylock.toml",
        "pylock.dev.toml", "setup.cfg", ".flake8", "tox.ini", "package.json", "frontend/package-lock.json", "npm-shrinkwrap.json",
        "tsconfig.json", "tsconfig.app.json", "docker-compose.yml", "compose.yaml", "compose.override.yml", ".pre-commit-config.yaml",
        ".headroom.yaml", "action.yml", "sub/action.yaml", "src/main.ts", "src/view.tsx", "lib/x.mts", "README.md", "src/app.py",
        "dockerfiles/readme", "package.json.bak", "my-tsconfig.json",
    ];

    private static YamlSequence Hooks()
    {
        string path = Path.Combine(ConformanceCorpus.RepositoryRoot(), ".pre-commit-hooks.yaml");
        YamlDocument document = YamlReader.Read(new Headroom.Text.SourceText(File.ReadAllText(path), ".pre-commit-hooks.yaml"));
        Assert.Empty(document.Diagnostics);
        return Assert.IsType<YamlSequence>(document.Root);
    }

    private static string FilesPattern() => ((YamlMapping)Hooks().Items[0]).GetString("files")!;

    /// <summary>What the hook should run on: what Headroom classifies, and the other files its rules read.</summary>
    private static bool Expected(string path) =>
        ProjectFileClassifier.Classify(path) is not null
        || Regex.IsMatch(path, @"(^|/)(\.headroom\.yaml|action\.ya?ml)$|\.[cm]?tsx?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static IEnumerable<string> ExampleFiles()
    {
        string root = Path.Combine(ConformanceCorpus.RepositoryRoot(), "examples", "ml-backend");
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'));
    }

    [Fact]
    public void Every_hook_runs_headroom_check_on_the_whole_repository()
    {
        YamlSequence hooks = Hooks();
        Assert.Equal(["headroom-check", "headroom-check-system"], hooks.Items.Select(h => ((YamlMapping)h).GetString("id")));
        foreach (YamlMapping hook in hooks.Items.Cast<YamlMapping>())
        {
            Assert.Equal("headroom check", hook.GetString("entry"));
            Assert.Equal("false", hook.GetString("pass_filenames"));
            Assert.Contains(hook.GetString("language"), (string[])["dotnet", "system"]);
            Assert.Equal(FilesPattern(), hook.GetString("files"));
            Assert.False(string.IsNullOrWhiteSpace(hook.GetString("name")));
        }
    }

    [Fact]
    public void The_files_pattern_selects_what_headroom_reads_in_the_example_and_the_samples()
    {
        var pattern = new Regex(FilesPattern(), RegexOptions.CultureInvariant);
        string[] paths = [.. ExampleFiles(), .. Samples];
        string[] wrong = [.. paths.Where(p => pattern.IsMatch(p) != Expected(p))];

        Assert.Empty(wrong);
        Assert.Contains(ExampleFiles(), p => p == "backend/Dockerfile" && pattern.IsMatch(p));
        Assert.Contains(ExampleFiles(), p => p == "backend/app/main.py" && !pattern.IsMatch(p));
    }

    [Fact]
    public async Task Python_re_search_agrees_with_dotnet_on_every_path()
    {
        string python = IntegrationEnvironment.RequireTool("python3");
        string[] paths = [.. ExampleFiles(), .. Samples];
        const string Script = "import re, sys\np = re.compile(sys.argv[1])\nfor path in sys.argv[2:]:\n    print('1' if p.search(path) else '0')\n";
        ProcessResult result = await ExternalProcess.RunAsync(python, ["-c", Script, FilesPattern(), .. paths]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var pattern = new Regex(FilesPattern(), RegexOptions.CultureInvariant);
        Assert.Equal(paths.Select(p => pattern.IsMatch(p) ? "1" : "0"), result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
