using System.Text.RegularExpressions;
using Headroom.Diagnostics;
using Headroom.Project;
using Headroom.Python.Tools;
using Headroom.Rules.Models;
using Headroom.Shell.Invocations;
using Headroom.Text;

namespace Headroom.Rules.Python;

/// <summary>
/// PY004: black (or ruff, when CI runs <c>ruff format</c>) is installed in CI without a pin, either by
/// <c>pip install black</c> in a workflow step or by a requirements file that a workflow installs.
/// </summary>
public sealed partial class UnpinnedFormatterRule : IRule
{
    // Black's stability policy ("The Black Code Style", stability policy): "the first release in a new calendar year
    // may contain formatting changes"; black 26.1.0 (January 2026) did so (mozilla-releng/scriptworker#759).
    private const string BlackOutput = "Oh no! 💥 💔 💥 N files would be reformatted";

    public RuleDescriptor Descriptor { get; } = new(
        "PY004", "unpinned-formatter", DiagnosticSeverity.Warning,
        "black (or ruff format) runs unpinned in CI", Fixable: false);

    public void Check(CheckContext context, FindingSink findings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(findings);
        bool ruffFormats = WorkflowFiles.All(context).Any(w => RuffFormat().IsMatch(w.Source.Text));
        var requirementFiles = new List<string>();
        foreach (WorkflowInvocation<PipInvocation> run in WorkflowFiles.Invocations<PipInvocation>(context))
        {
            if (run.Invocation.Kind != PipCommandKind.Install)
            {
                continue;
            }
            foreach (PackageOperand package in run.Invocation.Packages)
            {
                if (Formatter(package.NormalizedName, ruffFormats) is { } tool && !IsPinned(package.Word.Value ?? package.Word.RawText))
                {
                    TextSpan span = run.SourceSpan;
                    if (run.Run.TryMapOffset(package.Span.Start, out LinePosition start))
                    {
                        int offset = run.Step.Source.GetLineStart(start.Line) + start.Column - 1;
                        span = new TextSpan(offset, package.Span.Length);
                    }
                    findings.Report(run.Step.Source, span, Message(context, tool, $"'pip install' installs {tool} without a pin"));
                }
            }
            if (run.Folder is { } folder)
            {
                requirementFiles.AddRange(run.Invocation.RequirementFiles.Select(r => r.Value).OfType<string>()
                    .Select(r => RepositoryPath.Combine(folder, r)).OfType<string>());
            }
        }
        CheckRequirementFiles(context, findings, requirementFiles, ruffFormats);
    }

    private static void CheckRequirementFiles(CheckContext context, FindingSink findings, List<string> roots, bool ruffFormats)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>(roots);
        while (pending.Count > 0 && seen.Count < 64)
        {
            string path = pending.Dequeue();
            if (!seen.Add(path) || context.Project.ReadSource(path) is not { } source)
            {
                continue;
            }
            for (int line = 1; line <= source.LineCount; line++)
            {
                TextSpan lineSpan = source.GetLineSpan(line);
                string text = source.ToString(lineSpan);
                if (Include().Match(text) is { Success: true } include)
                {
                    if (RepositoryPath.Combine(RepositoryPath.GetDirectory(path), include.Groups[1].Value) is { } target)
                    {
                        pending.Enqueue(target);
                    }
                    continue;
                }
                Match requirement = Requirement().Match(text);
                if (requirement.Success && Formatter(PackageOperand.NormalizeName(requirement.Groups[1].Value), ruffFormats) is { } tool
                    && !IsPinned(requirement.Groups[2].Value))
                {
                    int start = lineSpan.Start + requirement.Groups[1].Index;
                    int end = lineSpan.Start + requirement.Groups[2].Index + requirement.Groups[2].Value.TrimEnd().Length;
                    findings.Report(source, TextSpan.FromBounds(start, Math.Max(end, start + requirement.Groups[1].Length)), Message(context, tool, $"{path}, which CI installs, lists {tool} without a pin"));
                }
            }
        }
    }

    private static string Message(CheckContext context, string tool, string subject)
    {
        string pin = PinnedElsewhere(context, tool) is { } elsewhere
            ? $"pin it to the version {elsewhere} uses"
            : tool == "black" ? "pin it (black~=26.0 or an exact ==)" : "pin it to an exact ==";
        string effect = tool == "black"
            ? $"the first black release of a calendar year may change the style, and 'black --check' then fails with \"{BlackOutput}\" on code nobody touched"
            : "a new ruff release may format differently, and 'ruff format --check' then fails on code nobody touched";
        return $"{subject}, so {effect}; {pin}";
    }

    /// <summary>Where the repository already fixes the formatter's version (a pre-commit rev or an exact pin), or null.</summary>
    private static string? PinnedElsewhere(CheckContext context, string tool)
    {
        foreach (ProjectFile file in context.Project.FilesOfKind(ProjectFileKind.PreCommitConfig))
        {
            if (context.Project.ReadSource(file.RelativePath) is not { } source)
            {
                continue;
            }
            PreCommitConfig config = PreCommitConfig.Read(source);
            string hook = tool == "black" ? "black" : "ruff-format";
            if (config.FindHook(hook) is { Repo: { IsPinned: true, Rev: { } rev } })
            {
                return $"{file.RelativePath}:{rev.Start.Line} ({rev.Value})";
            }
        }
        foreach (ProjectFile file in context.Project.FilesOfKind(ProjectFileKind.Requirements))
        {
            if (context.Project.ReadSource(file.RelativePath) is not { } source)
            {
                continue;
            }
            for (int line = 1; line <= source.LineCount; line++)
            {
                Match m = Requirement().Match(source.ToString(source.GetLineSpan(line)));
                if (m.Success && PackageOperand.NormalizeName(m.Groups[1].Value) == tool && m.Groups[2].Value.TrimStart().StartsWith("==", StringComparison.Ordinal))
                {
                    return $"{file.RelativePath}:{line} ({m.Groups[2].Value.Trim()})";
                }
            }
        }
        return null;
    }

    private static string? Formatter(string? name, bool ruffFormats) => name switch
    {
        "black" => "black",
        "ruff" when ruffFormats => "ruff",
        _ => null,
    };

    // ==, ===, ~= and an upper bound keep the formatter's style fixed; >= alone, or nothing, does not.
    private static bool IsPinned(string requirement) =>
        requirement.Contains("==", StringComparison.Ordinal) || requirement.Contains("~=", StringComparison.Ordinal) || requirement.Contains('<', StringComparison.Ordinal)
        || requirement.Contains('@', StringComparison.Ordinal);

    [GeneratedRegex(@"^\s*(?:-r|--requirement)(?:\s+|=)(\S+)", RegexOptions.CultureInvariant)]
    private static partial Regex Include();

    [GeneratedRegex(@"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?\s*([^#;]*)", RegexOptions.CultureInvariant)]
    private static partial Regex Requirement();

    [GeneratedRegex(@"\bruff\s+format\b", RegexOptions.CultureInvariant)]
    private static partial Regex RuffFormat();
}
