using Headroom.Diagnostics;
using Headroom.Rules.Configuration;
using Headroom.Rules.Models;
using Headroom.Rules.Suppression;
using Headroom.Text;
using Microsoft.Extensions.FileSystemGlobbing;

namespace Headroom.Rules;

/// <summary>
/// Runs rules over a project and applies, in this one place, the configuration (ignores, severities,
/// per-path overrides, excluded paths) and the ignore comments of each file.
/// </summary>
public static class CheckRunner
{
    public static CheckResult Run(ProjectModel project, CheckOptions options, HeadroomConfig config, IEnumerable<IRule>? rules = null)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(config);
        Matcher? excluded = ExclusionMatcher(config);
        var context = new CheckContext(ExcludeFiles(project, excluded), options);
        Validate(context);
        var findings = new List<Finding>();
        int suppressed = 0;
        var comments = new Dictionary<string, SuppressionComments?>(StringComparer.Ordinal);
        foreach (IRule rule in rules ?? RuleCatalog.All)
        {
            if (config.Ignore.Contains(rule.Descriptor.Id))
            {
                continue;
            }

            var sink = new FindingSink(rule.Descriptor);
            rule.Check(context, sink);
            foreach (Finding finding in sink.Findings)
            {
                DiagnosticSeverity? severity = config.Apply(rule.Descriptor, finding.Path, finding.Severity);
                if (severity is null || IsExcluded(excluded, finding.Path) || IsSuppressed(context.Project, comments, finding))
                {
                    suppressed++;
                    continue;
                }

                findings.Add(finding with { Severity = severity.Value });
            }
        }

        findings.Sort(Compare);
        return new CheckResult(findings, context.Project.Files.Count, suppressed);
    }

    /// <summary>The contract's order: path, line, column, rule ID; then message for determinism.</summary>
    public static int Compare(Finding? a, Finding? b)
    {
        if (a is null || b is null)
        {
            return a is null ? (b is null ? 0 : -1) : 1;
        }

        int c = string.CompareOrdinal(a.Path, b.Path);
        if (c == 0)
        {
            c = a.Start.Line.CompareTo(b.Start.Line);
        }

        if (c == 0)
        {
            c = a.Start.Column.CompareTo(b.Start.Column);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(a.Rule.Id, b.Rule.Id);
        }

        return c != 0 ? c : string.CompareOrdinal(a.Message, b.Message);
    }

    /// <summary>Parses every input up front, so that malformed input is exit 2 whichever rules run.</summary>
    private static void Validate(CheckContext context)
    {
        _ = DockerfileDocument.All(context);
        foreach (WorkflowDocument workflow in WorkflowDocument.All(context))
        {
            _ = workflow.Uses; // reads the local actions it calls: malformed ones are exit 2 too
        }

        _ = ComposeDocument.All(context);
    }

    private static ProjectModel ExcludeFiles(ProjectModel project, Matcher? excluded) =>
        excluded is null
            ? project
            : new ProjectModel(project.Root, [.. project.Files.Where(f => !IsExcluded(excluded, f.RelativePath))], project.Repository);

    /// <summary>One matcher for the configuration's <c>exclude</c> globs, or null when there are none.</summary>
    private static Matcher? ExclusionMatcher(HeadroomConfig config)
    {
        if (config.Exclude.Count == 0)
        {
            return null;
        }

        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddIncludePatterns(config.Exclude);
        return matcher;
    }

    private static bool IsExcluded(Matcher? excluded, string path) => excluded?.Match(path).HasMatches ?? false;

    private static bool IsSuppressed(ProjectModel project, Dictionary<string, SuppressionComments?> cache, Finding finding)
    {
        if (finding.AnchorLine <= 0)
        {
            return false;
        }

        if (!cache.TryGetValue(finding.Path, out SuppressionComments? comments))
        {
            comments = project.ReadSource(finding.Path) is SourceText source ? SuppressionComments.Parse(source) : null;
            cache[finding.Path] = comments;
        }

        return comments?.IsSuppressed(finding.Rule, finding.AnchorLine) ?? false;
    }
}
