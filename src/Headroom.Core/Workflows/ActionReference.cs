using Headroom.Text;

namespace Headroom.Workflows;

/// <summary>
/// A parsed <c>uses:</c> value: "owner/repo[/path]@ref", "./local/path" or "docker://image".
/// <see cref="Span"/> and <see cref="Start"/> locate the value in the file (default when built from text alone).
/// </summary>
public sealed record ActionReference
{
    public required string Raw { get; init; }

    public required ActionReferenceKind Kind { get; init; }

    /// <summary>Repository owner ("actions"), for <see cref="ActionReferenceKind.Repository"/>.</summary>
    public string? Owner { get; init; }

    /// <summary>Repository name ("cache").</summary>
    public string? Repo { get; init; }

    /// <summary>Folder or file inside the repository ("sub/dir" in "owner/repo/sub/dir@v1"), or null.</summary>
    public string? Path { get; init; }

    /// <summary>The text after "@", or null.</summary>
    public string? Ref { get; init; }

    public ActionRefKind RefKind { get; init; }

    /// <summary>The ref read as a version, for tag kinds.</summary>
    public ActionVersion? Version { get; init; }

    /// <summary>For local references: the path relative to the repository root, without "./" ("./.github/actions/x" gives ".github/actions/x").</summary>
    public string? LocalPath { get; init; }

    /// <summary>For docker references: the image after "docker://".</summary>
    public string? DockerImage { get; init; }

    public TextSpan Span { get; init; }

    public LinePosition Start { get; init; }

    /// <summary>"owner/repo" (lower case), the key used by the knowledge tables; null unless a repository reference.</summary>
    public string? ActionName => Kind == ActionReferenceKind.Repository ? $"{Owner}/{Repo}".ToLowerInvariant() : null;

    /// <summary>A reference to a workflow file (".yml"/".yaml" under ".github/workflows"): a reusable workflow call.</summary>
    public bool IsWorkflowFile
    {
        get
        {
            string? path = Kind == ActionReferenceKind.Local ? LocalPath : Path;
            return path is not null
                && path.Contains(".github/workflows/", StringComparison.Ordinal)
                && (path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase));
        }
    }

    public static ActionReference Parse(string text, TextSpan span = default, LinePosition start = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        string raw = text.Trim();
        if (raw.StartsWith("docker://", StringComparison.Ordinal))
        {
            return new ActionReference { Raw = raw, Kind = ActionReferenceKind.Docker, DockerImage = raw["docker://".Length..], Span = span, Start = start };
        }

        if (raw.StartsWith("./", StringComparison.Ordinal) || raw == ".")
        {
            string local = raw.Length <= 2 ? string.Empty : raw[2..].TrimEnd('/');
            return new ActionReference { Raw = raw, Kind = ActionReferenceKind.Local, LocalPath = local, Span = span, Start = start };
        }

        int at = raw.LastIndexOf('@');
        string target = at < 0 ? raw : raw[..at];
        string[] parts = target.Split('/');
        if (at < 0 || parts.Length < 2 || parts.Any(p => p.Length == 0))
        {
            return new ActionReference { Raw = raw, Kind = ActionReferenceKind.Invalid, Span = span, Start = start };
        }

        string reference = raw[(at + 1)..];
        (ActionRefKind kind, ActionVersion? version) = ClassifyRef(reference);
        return new ActionReference
        {
            Raw = raw,
            Kind = ActionReferenceKind.Repository,
            Owner = parts[0],
            Repo = parts[1],
            Path = parts.Length > 2 ? string.Join('/', parts[2..]) : null,
            Ref = reference,
            RefKind = kind,
            Version = version,
            Span = span,
            Start = start,
        };
    }

    public static (ActionRefKind Kind, ActionVersion? Version) ClassifyRef(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (reference.Length == 0)
        {
            return (ActionRefKind.Branch, null);
        }

        if (reference.Contains("${{", StringComparison.Ordinal))
        {
            return (ActionRefKind.Expression, null);
        }

        if (reference.Length == 40 && reference.All(char.IsAsciiHexDigit))
        {
            return (ActionRefKind.Sha, null);
        }

        if (ActionVersion.Parse(reference) is { } version)
        {
            ActionRefKind kind = version.Minor is null ? ActionRefKind.MajorTag
                : version.Patch is null ? ActionRefKind.MinorTag
                : ActionRefKind.FullVersion;
            return (kind, version);
        }

        return (ActionRefKind.Branch, null);
    }

    public override string ToString() => Raw;
}
