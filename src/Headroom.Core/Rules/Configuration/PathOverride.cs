using Headroom.Diagnostics;
using Microsoft.Extensions.FileSystemGlobbing;

namespace Headroom.Rules.Configuration;

/// <summary>One entry of <c>overrides:</c>: rules ignored or re-graded for the files that match its globs.</summary>
public sealed class PathOverride
{
    private readonly Matcher _matcher = new(StringComparison.Ordinal);

    public PathOverride(IReadOnlyList<string> patterns, IReadOnlySet<string> ignore, IReadOnlyDictionary<string, DiagnosticSeverity?> severity)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        Patterns = patterns;
        Ignore = ignore;
        Severity = severity;
        foreach (string pattern in patterns)
        {
            _matcher.AddInclude(pattern);
        }
    }

    /// <summary>Globs relative to the checked root (<c>**</c>, <c>*</c>, <c>?</c>).</summary>
    public IReadOnlyList<string> Patterns { get; }

    public IReadOnlySet<string> Ignore { get; }

    /// <summary>Rule ID to severity; null means off.</summary>
    public IReadOnlyDictionary<string, DiagnosticSeverity?> Severity { get; }

    public bool Matches(string relativePath) => _matcher.Match(relativePath).HasMatches;
}
