using Headroom.Diagnostics;
using Headroom.Knowledge;
using Headroom.Rules.Models;
using Headroom.Text;
using Headroom.Workflows;

namespace Headroom.Rules.Workflows;

/// <summary>
/// GH001: a <c>uses:</c> (direct, or inside a local composite action or reusable workflow) resolves to an
/// action version whose service was shut down (artifact v1-v3, the legacy cache service) or that runs on
/// a deprecated Node.js runtime (node12, node16, node20). Minor tags, full versions and SHAs are resolved
/// with <see cref="ActionReleaseTable"/>. Service shutdowns are errors (the job fails at "Set up job");
/// runtime deprecations are warnings (the runner forces the action onto Node 24).
/// </summary>
public sealed class DeprecatedActionRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new(
        "GH001", "deprecated-action", DiagnosticSeverity.Error,
        "a uses: resolves to a deprecated or shut-down action version", Fixable: true);

    public void Check(CheckContext context, FindingSink findings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(findings);
        var seen = new HashSet<(string, int)>();
        foreach (WorkflowDocument document in WorkflowDocument.All(context))
        {
            foreach (ActionUse use in document.Uses)
            {
                if (use.Reference.Kind != ActionReferenceKind.Repository || use.File is null || !seen.Add((use.File, use.Reference.Span.Start)))
                {
                    continue;
                }

                SourceText? source = use.File == document.Path ? document.Source : context.Project.ReadSource(use.File);
                if (source is not null)
                {
                    CheckUse(document, use, source, findings);
                }
            }
        }
    }

    private static void CheckUse(WorkflowDocument document, ActionUse use, SourceText source, FindingSink findings)
    {
        ActionReference reference = use.Reference;
        DeprecationResolution resolution = ActionDeprecationResolver.Resolve(reference);
        string written = $"{reference.Owner}/{reference.Repo}@{reference.Ref}";
        string via = use.IsTransitive ? $" (reached from {use.Via[0]})" : string.Empty;
        if (resolution.IsUnknown)
        {
            if (reference.RefKind == ActionRefKind.Sha && HasServiceRows(reference.ActionName!))
            {
                findings.Report(
                    source,
                    reference.Span,
                    $"{written}{via} is pinned to a commit that Headroom's release table does not know, so whether it is a shut-down version is unknown; make sure the commit is a release the table's rows allow ({string.Join("; ", ServiceRows(reference.ActionName!).Select(d => d.Fix).Distinct(StringComparer.Ordinal))})",
                    severity: DiagnosticSeverity.Warning);
            }
            else if (reference.RefKind == ActionRefKind.Sha && ActionReleaseTable.ReleasesOf(reference.ActionName!) is { Count: > 0 } releases)
            {
                // The table knows the action's releases and their Node.js runtimes, but not this commit: said, not guessed.
                ActionRelease newest = releases.MaxBy(r => r.Version)!;
                findings.Report(
                    source,
                    reference.Span,
                    $"{written}{via} is pinned to a commit that Headroom's release table does not know ({releases.Count} releases of {reference.ActionName} up to {newest.VersionText}), so which Node.js runtime it runs on, and whether that runtime is deprecated, is unknown; pin the commit of a release (for example {reference.ActionName}@{newest.VersionText})",
                    severity: DiagnosticSeverity.Info);
            }

            return;
        }

        ActionDeprecation? service = resolution.Matches.FirstOrDefault(d => d.Kind == ActionDeprecationKind.Service);
        ActionDeprecation? runtime = resolution.Matches.FirstOrDefault(d => d.Kind == ActionDeprecationKind.Runtime);
        if (service is null && runtime is null)
        {
            return;
        }

        ActionRelease? target = Target(reference.ActionName!, resolution.Version!.Value.Major);
        string? newRef = target is null ? null : NewRef(reference, target);
        string resolved = reference.RefKind == ActionRefKind.FullVersion || resolution.Release is null ? string.Empty : $" ({resolution.How})";
        string advice = newRef is null
            ? reference.RefKind == ActionRefKind.Sha
                ? target is null ? "pin a supported release instead" : $"pin the commit of {reference.ActionName}@{target.Version} instead"
                : "use a supported major version"
            : $"use {reference.Owner}/{reference.Repo}@{newRef}";
        string message;
        DiagnosticSeverity severity;
        if (service is not null)
        {
            severity = DiagnosticSeverity.Error;
            string error = service.ErrorFor(reference) is { } e ? $", failing the job at \"Set up job\" with \"{e}\"" : string.Empty;
            message = $"{written}{resolved}{via} has been shut down since {service.Date:yyyy-MM-dd}{error}; {advice}{ArtifactWarning(document, use)}";
        }
        else
        {
            severity = DiagnosticSeverity.Warning;
            string runtimeName = resolution.Runtime.ToString().ToLowerInvariant();
            string printed = runtime!.ErrorFor(reference) is { } e ? $" (CI prints \"{e}\")" : string.Empty;
            message = $"{written}{resolved}{via} runs on {runtimeName} ({runtime.Summary}; since {runtime.Date:yyyy-MM-dd}){printed}, so it runs on a Node.js it was not written for; {advice}";
        }

        Fix? fix = newRef is null || RefSpan(source, reference) is not { } span
            ? null
            : Fix.InFile($"bump {written} to @{newRef}", source.Path!, new TextEdit(span, newRef));
        findings.Report(source, reference.Span, message, fix: fix, severity: severity);
    }

    /// <summary>The lowest major at or above <paramref name="major"/> whose newest known release no deprecation matches.</summary>
    internal static ActionRelease? Target(string action, int major) =>
        ActionReleaseTable.ReleasesOf(action)
            .Where(r => r.Version.Major >= major)
            .GroupBy(r => r.Version.Major)
            .OrderBy(g => g.Key)
            .Select(g => g.MaxBy(r => r.Version)!)
            .FirstOrDefault(r => ActionDeprecationResolver.Resolve(ActionReference.Parse($"{action}@v{r.VersionText}")).Matches.Count == 0);

    /// <summary>The new ref in the pin style of the old one: "v6" for a major tag, "v6.0" for a minor tag, "v6.0.0" for a full version; null for a SHA or branch.</summary>
    private static string? NewRef(ActionReference reference, ActionRelease target) => reference.RefKind switch
    {
        ActionRefKind.MajorTag => $"v{target.Version.Major}",
        ActionRefKind.MinorTag => $"v{target.Version.Major}.{target.Version.Minor}",
        ActionRefKind.FullVersion => target.Version.ToString(),
        _ => null,
    };

    /// <summary>Where the ref after "@" is written in the file.</summary>
    private static TextSpan? RefSpan(SourceText source, ActionReference reference)
    {
        if (reference.Ref is not { Length: > 0 } r || reference.Span.End > source.Length)
        {
            return null;
        }

        string text = source.ToString(reference.Span);
        int at = text.LastIndexOf("@" + r, StringComparison.Ordinal);
        return at < 0 ? null : new TextSpan(reference.Span.Start + at + 1, r.Length);
    }

    /// <summary>The v4 artifact semantics that change this workflow: the same name uploaded from several matrix jobs or several steps.</summary>
    private static string ArtifactWarning(WorkflowDocument document, ActionUse use)
    {
        if (use.Reference.ActionName != "actions/upload-artifact" || use.Step is null || use.IsTransitive)
        {
            return string.Empty;
        }

        string name = use.Step.GetInput("name") ?? "artifact";
        if (use.Job?.Matrix is { Combinations.Count: > 1 } matrix && !name.Contains("matrix.", StringComparison.Ordinal))
        {
            return $"; note that from v4 artifacts are immutable: the {matrix.Combinations.Count} matrix jobs of \"{use.Job.Id}\" all upload \"{name}\" and all but the first fail with a conflict, so put ${{{{ matrix.<key> }}}} in the name";
        }

        int uploads = document.Workflow.AllSteps().Count(s => s.Step.Uses?.ActionName == "actions/upload-artifact" && (s.Step.GetInput("name") ?? "artifact") == name);
        return uploads > 1
            ? $"; note that from v4 artifacts are immutable: \"{name}\" is uploaded by {uploads} steps of this workflow and the second upload fails with a conflict, so give each a distinct name"
            : string.Empty;
    }

    private static bool HasServiceRows(string action) => ServiceRows(action).Any();

    private static IEnumerable<ActionDeprecation> ServiceRows(string action) =>
        ActionDeprecations.All.Where(d => d.Kind == ActionDeprecationKind.Service && string.Equals(d.Action, action, StringComparison.OrdinalIgnoreCase));
}
