using System.Text.RegularExpressions;
using Headroom.Diagnostics;
using Headroom.Project;
using Headroom.Python.Tools;
using Headroom.Text;

namespace Headroom.Rules.Python;

/// <summary>
/// PY003: black and flake8 disagree (flake8's max-line-length is not black's line-length; E203 or W503 is
/// reported on code black wrote), or flake8's settings sit in <c>[tool.flake8]</c> of pyproject.toml, which
/// flake8 does not read without the Flake8-pyproject plugin.
/// </summary>
public sealed partial class FormatterLinterConflictRule : IRule
{
    // Black's docs, "Using Black with other tools" (flake8): max-line-length = 88, extend-ignore = E203 (whitespace
    // before ':' in slices black writes); W503 (line break before a binary operator) is the opposite of black's style.
    private static readonly string[] BlackConflicts = ["E203", "W503"];

    public RuleDescriptor Descriptor { get; } = new(
        "PY003", "formatter-linter-conflict", DiagnosticSeverity.Warning,
        "black and flake8 settings conflict, or flake8 config sits where flake8 does not read it", Fixable: true);

    public void Check(CheckContext context, FindingSink findings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(findings);
        IRepositoryFiles files = context.Project.Repository;
        bool pluginInstalled = Mentions(context, Flake8Pyproject());
        bool blackInCi = Mentions(context, BlackTool());
        var checkedConfigs = new HashSet<string>(StringComparer.Ordinal);
        foreach (ProjectFile file in context.Project.FilesOfKind(ProjectFileKind.PyProject))
        {
            if (context.Project.ReadSource(file.RelativePath) is not { } source)
            {
                continue;
            }
            PythonToolSettings settings = PythonToolSettings.Read(source);
            if (settings.Diagnostics.Count > 0 || (settings.Black is null && !blackInCi))
            {
                continue;
            }
            int lineLength = settings.BlackLineLength;
            string folder = RepositoryPath.GetDirectory(file.RelativePath);
            if (Flake8Config.Find(files, folder) is { } flake8)
            {
                if (checkedConfigs.Add(flake8.Path))
                {
                    CheckIni(context, findings, flake8, lineLength, file.RelativePath);
                }
                continue;
            }
            if (settings.Flake8IgnoredTable is { } table && !pluginInstalled)
            {
                ReportUnreadTable(findings, source, table, lineLength, folder);
            }
        }
        if (!blackInCi)
        {
            return;
        }
        // flake8 configs with no pyproject.toml of their own: black runs with its default 88.
        foreach (ProjectFile file in context.Project.FilesOfKind(ProjectFileKind.PythonToolConfig))
        {
            if (!checkedConfigs.Contains(file.RelativePath) && context.Project.ReadSource(file.RelativePath) is { } source
                && Flake8Config.FromFile(file.RelativePath, source.Text) is { } flake8
                && Flake8Config.Find(files, RepositoryPath.GetDirectory(file.RelativePath))?.Path == file.RelativePath
                && !HasPyProjectAbove(files, RepositoryPath.GetDirectory(file.RelativePath)))
            {
                checkedConfigs.Add(file.RelativePath);
                CheckIni(context, findings, flake8, 88, "its default");
            }
        }
    }

    private static void ReportUnreadTable(FindingSink findings, SourceText source, TomlTableInfo table, int lineLength, string folder)
    {
        var related = new List<RelatedLocation>();
        if (table.Find("max-line-length") is { } max)
        {
            related.Add(new RelatedLocation(source.Path!, max.Start.Line, max.Start.Column, $"not read: flake8 uses its default 79 against black's {lineLength}"));
        }
        if (table.Find("ignore") is { } ignore)
        {
            related.Add(new RelatedLocation(source.Path!, ignore.Start.Line, ignore.Start.Column, "not read: E203 stays on; and if read, 'ignore' would replace flake8's default list and turn W503 back on"));
        }
        string path = RepositoryPath.Combine(folder, ".flake8")!;
        string content = $"[flake8]\nmax-line-length = {lineLength}\nextend-ignore = {string.Join(',', BlackConflicts)}\n";
        findings.Report(
            source,
            source.GetLineSpan(table.Start.Line),
            $"flake8 does not read [tool.flake8] without the Flake8-pyproject plugin, so it runs with max-line-length 79 against black's {lineLength} and reports E203 on slices black formats; move the settings to {path}",
            table.Start.Line,
            new Fix($"create {path} with black's line length and extend-ignore = {string.Join(',', BlackConflicts)}", [new FileEdit(path, [TextEdit.Insert(0, content)], CreatesFile: true)]),
            related: related);
    }

    private static void CheckIni(CheckContext context, FindingSink findings, Flake8Config flake8, int lineLength, string blackFrom)
    {
        if (context.Project.ReadSource(flake8.Path) is not { } source)
        {
            return;
        }
        var problems = new List<string>();
        var edits = new List<TextEdit>();
        string newline = Fixing.TextEdits.NewLineOf(source.Text);
        int headerEnd = source.GetLineSpan(flake8.Section.Start.Line).End;
        int? line = null;
        if (flake8.MaxLineLength != lineLength)
        {
            problems.Add($"max-line-length is {flake8.MaxLineLength?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unreadable"}{(flake8.MaxLineLengthEntry is null ? " (the default)" : string.Empty)} but black's line-length is {lineLength} ({blackFrom})");
            if (flake8.MaxLineLengthEntry is { } entry)
            {
                edits.Add(new TextEdit(TrimmedValue(source, entry), lineLength.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                line = entry.Start.Line;
            }
            else
            {
                edits.Add(TextEdit.Insert(headerEnd, $"{newline}max-line-length = {lineLength}"));
            }
        }
        List<string> missing = [.. BlackConflicts.Where(c => !flake8.IsIgnored(c))];
        if (missing.Count > 0)
        {
            problems.Add($"{string.Join(" and ", missing)} {(missing.Count == 1 ? "is" : "are")} not ignored{(flake8.Ignore is not null && missing.Contains("W503") ? " ('ignore' replaces flake8's default list, which has W503)" : string.Empty)}");
            if (flake8.Section.Find("extend-ignore") is { } extend)
            {
                TextSpan value = TrimmedValue(source, extend);
                edits.Add(TextEdit.Insert(value.End, (value.Length == 0 ? string.Empty : ",") + string.Join(',', missing)));
                line ??= extend.Start.Line;
            }
            else
            {
                edits.Add(TextEdit.Insert(headerEnd, $"{newline}extend-ignore = {string.Join(',', missing)}"));
                line ??= flake8.Section.Find("ignore")?.Start.Line;
            }
        }
        if (problems.Count == 0)
        {
            return;
        }
        int at = line ?? flake8.Section.Start.Line;
        findings.Report(
            source,
            source.GetLineSpan(at),
            $"flake8 fights black here: {string.Join("; ", problems)}, so flake8 fails on code black formatted; align the flake8 settings with black",
            at,
            Fix.InFile("align the flake8 settings with black", flake8.Path, [.. edits.OrderBy(e => e.Span.Start)]));
    }

    private static TextSpan TrimmedValue(SourceText source, IniEntry entry)
    {
        string text = source.ToString(entry.ValueSpan);
        int comment = text.IndexOfAny(['#', ';']);
        string kept = (comment >= 0 ? text[..comment] : text).TrimEnd();
        return new TextSpan(entry.ValueSpan.Start, kept.Length);
    }

    private static bool HasPyProjectAbove(IRepositoryFiles files, string folder)
    {
        string? dir = folder;
        while (dir is not null)
        {
            if (files.FileExists(RepositoryPath.Combine(dir, "pyproject.toml")!))
            {
                return true;
            }
            dir = dir.Length == 0 ? null : RepositoryPath.GetDirectory(dir);
        }
        return false;
    }

    /// <summary>Whether a requirements file, pyproject, lock, workflow or pre-commit config names the tool.</summary>
    private static bool Mentions(CheckContext context, Regex tool) =>
        context.Project.Files
            .Where(f => f.Kind is ProjectFileKind.Requirements or ProjectFileKind.PyProject or ProjectFileKind.Workflow or ProjectFileKind.PreCommitConfig or ProjectFileKind.PythonLock)
            .Any(f => context.Project.ReadSource(f.RelativePath) is { } s && tool.IsMatch(s.Text));

    [GeneratedRegex(@"flake8[-_.]?pyproject|\bflake8p\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Flake8Pyproject();

    [GeneratedRegex(@"(?<![\w.-])black(?![\w-])", RegexOptions.CultureInvariant)]
    private static partial Regex BlackTool();
}
