using Headroom.Workflows;

namespace Headroom.Knowledge;

/// <summary>
/// One release tag of a popular action: the commit it points to and the runtime its action.yml
/// declares at that tag. <see cref="ReadOn"/> is the date the tags were read (the newest commit of the
/// repository snapshot); <see cref="SourceUrl"/> is the tag's page.
/// </summary>
public sealed record ActionRelease(string Action, string VersionText, string Sha, string RuntimeText, string ReadOn)
{
    public ActionVersion Version { get; } = ActionVersion.Parse(VersionText) ?? new ActionVersion(0, 0, 0);

    public ActionRuntime Runtime { get; } = ActionRuntimes.Parse(RuntimeText);

    public string SourceUrl => $"https://github.com/{Action}/releases/tag/v{VersionText}";
}
