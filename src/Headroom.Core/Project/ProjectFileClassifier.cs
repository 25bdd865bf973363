namespace Headroom.Project;

/// <summary>Decides from a path alone whether Headroom reads a file, and as what.</summary>
public static class ProjectFileClassifier
{
    /// <param name="relativePath">A path with '/' separators, relative to the checked root.</param>
    public static ProjectFileKind? Classify(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        string name = relativePath[(relativePath.LastIndexOf('/') + 1)..];
        string lower = name.ToLowerInvariant();

        if (lower is "dockerfile" or "containerfile"
            || lower.StartsWith("dockerfile.", StringComparison.Ordinal)
            || lower.EndsWith(".dockerfile", StringComparison.Ordinal)
            || lower.StartsWith("containerfile.", StringComparison.Ordinal))
        {
            return ProjectFileKind.Dockerfile;
        }

        if (lower == ".dockerignore" || lower.EndsWith(".dockerignore", StringComparison.Ordinal))
        {
            return ProjectFileKind.DockerIgnore;
        }

        if (IsUnder(relativePath, ".github/workflows/") && IsYaml(lower))
        {
            return ProjectFileKind.Workflow;
        }

        return lower switch
        {
            "pyproject.toml" => ProjectFileKind.PyProject,
            "uv.lock" or "poetry.lock" or "pylock.toml" => ProjectFileKind.PythonLock,
            "package.json" => ProjectFileKind.PackageJson,
            "package-lock.json" or "npm-shrinkwrap.json" => ProjectFileKind.PackageLock,
            ".flake8" or "setup.cfg" or "tox.ini" => ProjectFileKind.PythonToolConfig,
            ".pre-commit-config.yaml" => ProjectFileKind.PreCommitConfig,
            _ when lower.StartsWith("pylock.", StringComparison.Ordinal) && lower.EndsWith(".toml", StringComparison.Ordinal) => ProjectFileKind.PythonLock,
            _ when IsRequirements(lower) => ProjectFileKind.Requirements,
            _ when IsCompose(lower) => ProjectFileKind.Compose,
            _ when lower.StartsWith("tsconfig", StringComparison.Ordinal) && lower.EndsWith(".json", StringComparison.Ordinal) => ProjectFileKind.TsConfig,
            _ => null,
        };
    }

    private static bool IsRequirements(string lower) =>
        (lower.StartsWith("requirements", StringComparison.Ordinal) || lower.StartsWith("constraints", StringComparison.Ordinal)
            || lower.EndsWith("-requirements.txt", StringComparison.Ordinal) || lower.EndsWith("_requirements.txt", StringComparison.Ordinal))
        && (lower.EndsWith(".txt", StringComparison.Ordinal) || lower.EndsWith(".in", StringComparison.Ordinal));

    private static bool IsCompose(string lower) =>
        (lower.StartsWith("docker-compose", StringComparison.Ordinal) || lower.StartsWith("compose", StringComparison.Ordinal))
        && IsYaml(lower);

    private static bool IsYaml(string lower) =>
        lower.EndsWith(".yml", StringComparison.Ordinal) || lower.EndsWith(".yaml", StringComparison.Ordinal);

    private static bool IsUnder(string relativePath, string folder) =>
        relativePath.StartsWith(folder, StringComparison.Ordinal) || relativePath.Contains("/" + folder, StringComparison.Ordinal);
}
