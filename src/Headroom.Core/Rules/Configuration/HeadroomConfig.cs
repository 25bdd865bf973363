using Headroom.Diagnostics;

namespace Headroom.Rules.Configuration;

/// <summary>
/// The rule part of <c>.headroom.yaml</c>: ignored rules, severity overrides (a severity or <c>off</c>),
/// per-path overrides, the runner budget and the failure threshold. Rule keys are IDs (slugs are
/// accepted and turned into IDs when the file is read).
/// </summary>
public sealed record HeadroomConfig
{
    public static HeadroomConfig Empty { get; } = new();

    /// <summary>The file it came from (for messages), or null for the defaults.</summary>
    public string? Path { get; init; }

    public IReadOnlySet<string> Ignore { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Rule ID to severity; null means off.</summary>
    public IReadOnlyDictionary<string, DiagnosticSeverity?> Severity { get; init; } = new Dictionary<string, DiagnosticSeverity?>(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<PathOverride> Overrides { get; init; } = [];

    /// <summary>Globs of files that are not checked at all.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    public string? Budget { get; init; }

    public FailureThreshold? FailOn { get; init; }

    /// <summary>
    /// The severity of <paramref name="rule"/>'s finding in <paramref name="path"/> after the configuration,
    /// or null when the rule is ignored or off there. Later overrides win over earlier ones and over the top level.
    /// </summary>
    public DiagnosticSeverity? Apply(RuleDescriptor rule, string path, DiagnosticSeverity severity)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (Ignore.Contains(rule.Id))
        {
            return null;
        }

        DiagnosticSeverity? result = Severity.TryGetValue(rule.Id, out DiagnosticSeverity? top) ? top : severity;
        foreach (PathOverride o in Overrides)
        {
            if (!o.Matches(path))
            {
                continue;
            }

            if (o.Ignore.Contains(rule.Id))
            {
                return null;
            }

            if (o.Severity.TryGetValue(rule.Id, out DiagnosticSeverity? s))
            {
                result = s;
            }
        }

        return result;
    }
}
