namespace Headroom.Project;

/// <summary>The kinds of file that Headroom reads in a repository.</summary>
public enum ProjectFileKind
{
    Dockerfile,
    DockerIgnore,
    Requirements,
    PyProject,
    PythonLock,
    Workflow,
    Compose,
    PackageJson,
    PackageLock,
    TsConfig,
    PythonToolConfig,
    PreCommitConfig,
}
