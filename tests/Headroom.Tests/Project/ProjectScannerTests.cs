using Headroom.Project;

namespace Headroom.Tests.Project;

public sealed class ProjectScannerTests
{
    [Theory]
    [InlineData("Dockerfile", ProjectFileKind.Dockerfile)]
    [InlineData("backend/Dockerfile.gpu", ProjectFileKind.Dockerfile)]
    [InlineData("api.dockerfile", ProjectFileKind.Dockerfile)]
    [InlineData("Containerfile", ProjectFileKind.Dockerfile)]
    [InlineData("backend/.dockerignore", ProjectFileKind.DockerIgnore)]
    [InlineData("requirements.txt", ProjectFileKind.Requirements)]
    [InlineData("requirements-dev.txt", ProjectFileKind.Requirements)]
    [InlineData("requirements/base.in", null)]
    [InlineData("requirements.in", ProjectFileKind.Requirements)]
    [InlineData("constraints.txt", ProjectFileKind.Requirements)]
    [InlineData("dev-requirements.txt", ProjectFileKind.Requirements)]
    [InlineData("pyproject.toml", ProjectFileKind.PyProject)]
    [InlineData("uv.lock", ProjectFileKind.PythonLock)]
    [InlineData("pylock.toml", ProjectFileKind.PythonLock)]
    [InlineData("pylock.gpu.toml", ProjectFileKind.PythonLock)]
    [InlineData(".github/workflows/ci.yml", ProjectFileKind.Workflow)]
    [InlineData("sub/.github/workflows/ci.yaml", ProjectFileKind.Workflow)]
    [InlineData(".github/dependabot.yml", null)]
    [InlineData("docker-compose.yml", ProjectFileKind.Compose)]
    [InlineData("compose.prod.yaml", ProjectFileKind.Compose)]
    [InlineData("frontend/package.json", ProjectFileKind.PackageJson)]
    [InlineData("package-lock.json", ProjectFileKind.PackageLock)]
    [InlineData("tsconfig.node.json", ProjectFileKind.TsConfig)]
    [InlineData("setup.cfg", ProjectFileKind.PythonToolConfig)]
    [InlineData(".pre-commit-config.yaml", ProjectFileKind.PreCommitConfig)]
    [InlineData("README.md", null)]
    [InlineData("main.py", null)]
    public void Classifies_by_path(string path, ProjectFileKind? expected)
    {
        Assert.Equal(expected, ProjectFileClassifier.Classify(path));
    }

    [Fact]
    public void Scan_skips_bulky_folders_and_sorts_by_path()
    {
        string root = Directory.CreateTempSubdirectory("headroom-scan-").FullName;
        try
        {
            Write(root, "b/Dockerfile");
            Write(root, "a/requirements.txt");
            Write(root, "node_modules/x/package.json");
            Write(root, ".venv/lib/requirements.txt");
            Write(root, ".git/Dockerfile");
            Write(root, "package.json");

            IReadOnlyList<ProjectFile> files = ProjectScanner.Scan(root);

            Assert.Equal(["a/requirements.txt", "b/Dockerfile", "package.json"], files.Select(f => f.RelativePath));
            Assert.Equal(Path.Combine(root, "b", "Dockerfile"), files[1].FullPath);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Scan_of_a_file_gives_that_file()
    {
        string root = Directory.CreateTempSubdirectory("headroom-scan-").FullName;
        try
        {
            string path = Write(root, "gpu.Dockerfile");

            ProjectFile file = Assert.Single(ProjectScanner.Scan(path));

            Assert.Equal(ProjectFileKind.Dockerfile, file.Kind);
            Assert.Equal("gpu.Dockerfile", file.RelativePath);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static string Write(string root, string relative)
    {
        string path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "");
        return path;
    }
}
