using Headroom.Diagnostics;
using Headroom.Project;
using Headroom.Rules.Fixing;
using Headroom.Rules.Models;
using Headroom.Shell.Invocations;
using Headroom.Text;
using Headroom.Workflows;
using Headroom.Yaml;
using Microsoft.Extensions.FileSystemGlobbing;

namespace Headroom.Rules.Workflows;

/// <summary>
/// GH003: <c>actions/setup-python</c> with <c>cache: pip|pipenv|poetry</c> where no file matches its dependency
/// path when the step runs: the job has not checked out the repository yet, or no committed file matches
/// <c>cache-dependency-path</c> (default <c>**/requirements.txt</c> or <c>**/pyproject.toml</c> for pip,
/// <c>**/Pipfile.lock</c>, <c>**/poetry.lock</c>), globs taken from the workspace root as setup-python does.
/// The fix moves the job's later <c>actions/checkout</c> step in front of setup-python and, when the default
/// patterns still match nothing, adds <c>cache-dependency-path:</c> with the requirement files the job installs
/// (or, when it installs none that exist, the requirement files of the repository).
/// </summary>
public sealed class SetupPythonCacheNoFileRule : IRule
{
    // actions/setup-python src/cache-distributions/cache-distributor.ts, pip-cache.ts, constants.ts (see
    // shared/reference/ci-breakage.md §5): "No file in ${cwd} matched to [${pattern} or **/pyproject.toml], make
    // sure you have checked out the target repository"; pyproject.toml became a second pip default in
    // actions/setup-python#604 (README: "requirements.txt or pyproject.toml for pip").
    private const string Action = "actions/setup-python";

    public RuleDescriptor Descriptor { get; } = new(
        "GH003", "setup-python-cache-no-file", DiagnosticSeverity.Error,
        "setup-python with cache: pip finds no file matching its dependency path", Fixable: true);

    public void Check(CheckContext context, FindingSink findings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(findings);
        List<string>? files = null;
        foreach (WorkflowDocument document in WorkflowDocument.All(context))
        {
            foreach (Job job in document.Workflow.Jobs)
            {
                foreach (Step step in job.Steps.Where(s => s.Uses?.ActionName == Action))
                {
                    if (step.With?.GetScalar("cache") is not { IsNull: false } cache || DefaultPatterns(cache.Value.Trim()) is not { } defaults)
                    {
                        continue;
                    }

                    files ??= [.. context.Project.Repository.EnumerateFiles(string.Empty)];
                    CheckStep(context, document, job, step, cache, defaults, files, findings);
                }
            }
        }
    }

    private static void CheckStep(CheckContext context, WorkflowDocument document, Job job, Step step, YamlScalar cache, string[] defaults, List<string> files, FindingSink findings)
    {
        YamlScalar? pathInput = step.With!.GetScalar("cache-dependency-path") is { IsNull: false } p ? p : null;
        if (pathInput is not null && pathInput.Value.Contains("${{", StringComparison.Ordinal))
        {
            return;
        }

        string[] patterns = pathInput is null ? defaults : Patterns(pathInput.Value);
        string shown = string.Join(" or ", patterns);
        Step? checkoutBefore = job.Steps.LastOrDefault(s => s.Index < step.Index && IsCheckout(s));
        Step? checkoutAfter = job.Steps.FirstOrDefault(s => s.Index > step.Index && IsCheckout(s));
        string error = $"\"No file in /home/runner/work/<repo>/<repo> matched to [{shown}], make sure you have checked out the target repository\"";
        string kind = cache.Value.Trim();
        if (checkoutBefore is null)
        {
            bool matchesAfterCheckout = Matches(patterns, files, CheckoutPrefix(checkoutAfter));
            string order = checkoutAfter is null
                ? "the job never runs actions/checkout"
                : $"it runs before actions/checkout (line {checkoutAfter.Start.Line})";
            string advice = checkoutAfter is null ? "check out the repository first" : "move the checkout step above it";
            var edits = new List<TextEdit>();
            if (checkoutAfter is not null && MoveStep(document.Source, checkoutAfter, step) is { } moves)
            {
                edits.AddRange(moves);
            }

            string? paths = null;
            if (!matchesAfterCheckout && Candidates(context, document, job, kind, files) is { Count: > 0 } found && PathEdit(document.Source, step, cache, pathInput, found) is { } pathEdit)
            {
                edits.Add(pathEdit);
                paths = string.Join(", ", found);
            }

            string also = matchesAfterCheckout ? string.Empty : paths is null ? "; no committed file matches it either" : $" and set cache-dependency-path to {paths}";
            Fix? fix = edits.Count == 0 || (!matchesAfterCheckout && paths is null) || checkoutAfter is null
                ? null
                : Fix.InFile(paths is null ? "move actions/checkout above setup-python" : $"move actions/checkout above setup-python and set cache-dependency-path: {paths}", document.Path, [.. edits]);
            findings.Report(
                document.Source,
                WorkflowFiles.FirstLine(document.Source, cache),
                $"setup-python's {kind} cache looks for {shown} when it runs, but {order}, so the workspace is empty and the step fails with {error}; {advice}{also}",
                anchorLine: step.Start.Line,
                fix: fix);
            return;
        }

        if (Matches(patterns, files, CheckoutPrefix(checkoutBefore)))
        {
            return;
        }

        List<string> candidates = Candidates(context, document, job, kind, files);
        YamlNode at = pathInput ?? (YamlNode)cache;
        Fix? pathFix = candidates.Count > 0 && PathEdit(document.Source, step, cache, pathInput, candidates) is { } edit
            ? Fix.InFile($"set cache-dependency-path: {string.Join(", ", candidates)}", document.Path, edit)
            : null;
        string hint = candidates.Count > 0 ? $"set cache-dependency-path to {string.Join(", ", candidates)}" : "point cache-dependency-path at the committed dependency files";
        findings.Report(
            document.Source,
            WorkflowFiles.FirstLine(document.Source, at),
            $"no committed file matches {shown} (setup-python's {kind} cache, globs from the repository root), so the step fails with {error}; {hint}",
            anchorLine: step.Start.Line,
            fix: pathFix);
    }

    private static string[]? DefaultPatterns(string cache) => cache switch
    {
        "pip" => ["**/requirements.txt", "**/pyproject.toml"],
        "pipenv" => ["**/Pipfile.lock"],
        "poetry" => ["**/poetry.lock"],
        _ => null,
    };

    private static string[] Patterns(string value) =>
        [.. value.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(p => !p.StartsWith('#'))];

    private static bool IsCheckout(Step step) => step.Uses?.ActionName == "actions/checkout";

    /// <summary>Where actions/checkout puts the repository in the workspace (its <c>path:</c> input), "" for the root.</summary>
    private static string CheckoutPrefix(Step? checkout) =>
        checkout?.GetInput("path") is { } path && RepositoryPath.Normalize(path.Trim()) is { Length: > 0 } p ? p + "/" : string.Empty;

    /// <summary>Evaluates the patterns (with <c>!</c> exclusions) against the repository's files as checked out under <paramref name="prefix"/>.</summary>
    private static bool Matches(string[] patterns, List<string> files, string prefix)
    {
        var matcher = new Matcher(StringComparison.Ordinal);
        foreach (string pattern in patterns)
        {
            string p = pattern.StartsWith("./", StringComparison.Ordinal) ? pattern[2..] : pattern;
            if (p.StartsWith('!'))
            {
                matcher.AddExclude(p[1..].TrimStart('.', '/'));
            }
            else
            {
                matcher.AddInclude(p);
            }
        }

        return files.Any(f => matcher.Match(prefix + f).HasMatches);
    }

    /// <summary>
    /// The dependency files for the fix: for pip, the <c>-r</c> files the job's run steps install that exist;
    /// else the repository's requirement files (<c>requirements*.txt</c>, <c>requirements/*.txt</c>); for pipenv
    /// and poetry, their lock files. Sorted, at most five.
    /// </summary>
    private static List<string> Candidates(CheckContext context, WorkflowDocument document, Job job, string kind, List<string> files)
    {
        if (kind == "pip")
        {
            var installed = new List<string>();
            foreach (WorkflowInvocation<PipInvocation> run in WorkflowFiles.Invocations<PipInvocation>(context))
            {
                if (run.Step.Job != job || run.Step.Workflow != document.Workflow || run.Folder is not { } folder)
                {
                    continue;
                }

                foreach (ShellOption option in run.Invocation.RequirementFiles)
                {
                    if (option.Value is { } value && RepositoryPath.Combine(folder, value) is { } path && files.Contains(path, StringComparer.Ordinal) && !installed.Contains(path, StringComparer.Ordinal))
                    {
                        installed.Add(path);
                    }
                }
            }

            if (installed.Count > 0)
            {
                return installed;
            }
        }

        return [.. files.Where(f => IsDependencyFile(kind, f)).Order(StringComparer.Ordinal).Take(5)];
    }

    private static bool IsDependencyFile(string kind, string path)
    {
        string name = path[(path.LastIndexOf('/') + 1)..];
        return kind switch
        {
            "pipenv" => name == "Pipfile.lock",
            "poetry" => name == "poetry.lock",
            _ => (name.StartsWith("requirements", StringComparison.Ordinal) && name.EndsWith(".txt", StringComparison.Ordinal))
                || (RepositoryPath.GetDirectory(path).EndsWith("requirements", StringComparison.Ordinal) && name.EndsWith(".txt", StringComparison.Ordinal)),
        };
    }

    /// <summary>
    /// Sets <c>cache-dependency-path</c>: replaces a one-line value, or adds the key on the line after
    /// <c>cache:</c> at its indentation (a literal block for several files). Null when the YAML is not in a shape to edit.
    /// </summary>
    private static TextEdit? PathEdit(SourceText source, Step step, YamlScalar cache, YamlScalar? existing, List<string> files)
    {
        if (step.With is not { IsFlow: false } with || with.Find("cache") is not { } entry)
        {
            return null;
        }

        int keyStart = entry.Key.Span.Start;
        int lineStart = source.GetLineStart(entry.Key.Start.Line);
        string indent = source.ToString(new TextSpan(lineStart, keyStart - lineStart));
        if (indent.Any(c => c != ' ') || cache.IsBlock)
        {
            return null;
        }

        string newLine = TextEdits.NewLineOf(source.Text);
        string value = files.Count == 1
            ? files[0]
            : "|" + string.Concat(files.Select(f => newLine + indent + "  " + f));
        if (existing is not null)
        {
            return existing.IsBlock || existing.Value.Contains('\n', StringComparison.Ordinal) ? null : new TextEdit(existing.Span, value);
        }

        int lineEnd = source.GetLineSpan(cache.Start.Line).End;
        return TextEdit.Insert(lineEnd, newLine + indent + "cache-dependency-path: " + value);
    }

    /// <summary>Deletes <paramref name="moved"/>'s lines (with one blank line after it) and inserts them above <paramref name="before"/>'s.</summary>
    private static TextEdit[]? MoveStep(SourceText source, Step moved, Step before)
    {
        if (!StartsItemLine(source, moved) || !StartsItemLine(source, before))
        {
            return null;
        }

        int start = source.GetLineStart(moved.Start.Line);
        int end = moved.Span.End;
        while (end > moved.Span.Start && char.IsWhiteSpace(source[end - 1]))
        {
            end--;
        }

        int lastLine = source.GetPosition(end).Line;
        int after = lastLine < source.LineCount ? source.GetLineStart(lastLine + 1) : source.Length;
        if (after == source.Length && (source.Length == 0 || source[source.Length - 1] != '\n'))
        {
            return null;
        }

        if (lastLine + 1 <= source.LineCount && source.ToString(source.GetLineSpan(lastLine + 1)).Trim().Length == 0 && lastLine + 1 < source.LineCount)
        {
            after = source.GetLineStart(lastLine + 2);
        }

        string block = source.ToString(TextSpan.FromBounds(start, after));
        return [TextEdit.Insert(source.GetLineStart(before.Start.Line), block), TextEdit.Delete(TextSpan.FromBounds(start, after))];
    }

    /// <summary>The step's mapping starts on the line of its "- " (nothing but indentation before the dash).</summary>
    private static bool StartsItemLine(SourceText source, Step step)
    {
        int lineStart = source.GetLineStart(step.Start.Line);
        string before = source.ToString(TextSpan.FromBounds(lineStart, step.Span.Start)).Trim();
        return before == "-";
    }
}
