namespace Headroom.Rules;

/// <summary>What a rule sees: the project, the options, and the shared analyses.</summary>
public sealed class CheckContext
{
    public CheckContext(ProjectModel project, CheckOptions options)
    {
        Project = project;
        Options = options;
    }

    public ProjectModel Project { get; }

    public CheckOptions Options { get; }
}
