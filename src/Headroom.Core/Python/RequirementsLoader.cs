using Headroom.Diagnostics;
using Headroom.Text;

namespace Headroom.Python;

/// <summary>
/// Reads a requirements file and follows its <c>-r</c> and <c>-c</c> options, relative to the including
/// file, through a file reader (so tests need no disk). Missing files and include loops are diagnostics.
/// </summary>
public sealed class RequirementsLoader
{
    private readonly Func<string, string?> _readFile;
    private readonly Func<string, string?>? _environment;

    /// <param name="readFile">Returns a file's text, or null when it does not exist.</param>
    /// <param name="environment">Environment variables for <c>${VAR}</c>; null for none.</param>
    public RequirementsLoader(Func<string, string?> readFile, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(readFile);
        _readFile = readFile;
        _environment = environment;
    }

    /// <summary>Loads <paramref name="path"/> (as the reader understands it, <c>/</c>-separated) and everything it includes.</summary>
    public RequirementsSet Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var state = new LoadState();
        string? text = _readFile(path);
        if (text is null)
        {
            state.Diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, "requirements-file-not-found", $"requirements file '{path}' not found", path, default, new LinePosition(1, 1)));
        }
        else
        {
            LoadFile(new SourceText(text, path), constraint: false, state, []);
        }

        return new RequirementsSet(state.Files, state.Requirements, state.Constraints, state.Options, state.Diagnostics);
    }

    private void LoadFile(SourceText source, bool constraint, LoadState state, List<string> stack)
    {
        string path = source.Path!;
        stack.Add(path);
        state.Loaded.Add(path);
        RequirementsFile file = RequirementsFile.Parse(source, _environment);
        state.Files.Add(file);
        state.Diagnostics.AddRange(file.Diagnostics);
        // pip reads a nested file where its -r/-c line stands: interleave by position.
        var entries = file.Requirements.Select(r => (r.Span.Start, Line: (RequirementLine?)r, Option: (RequirementsOption?)null))
            .Concat(file.Options.Select(o => (o.Span.Start, Line: (RequirementLine?)null, Option: (RequirementsOption?)o)))
            .OrderBy(e => e.Start);
        foreach (var (_, line, entry) in entries)
        {
            if (line is not null)
            {
                (constraint ? state.Constraints : state.Requirements).Add(line);
                continue;
            }

            RequirementsOption option = entry!;
            if (option.Name is not ("--requirement" or "--constraint"))
            {
                state.Options.Add(option);
                continue;
            }

            string target = option.Value!;
            bool nestedConstraint = option.Name == "--constraint";
            if (RequirementsFileParser.LooksLikeUrl(target, out _))
            {
                Report(state, DiagnosticSeverity.Info, "requirements-remote-include", $"'{target}' is a URL: not followed offline", source, option);
                continue;
            }

            string resolved = Resolve(path, target);
            if (stack.Contains(resolved))
            {
                Report(state, DiagnosticSeverity.Error, "requirements-include-loop", $"'{target}' includes itself: {string.Join(" -> ", stack.Append(resolved))}", source, option);
                continue;
            }

            if (state.Loaded.Contains(resolved))
            {
                continue;
            }

            string? text = _readFile(resolved);
            if (text is null)
            {
                Report(state, DiagnosticSeverity.Error, "requirements-file-not-found", $"requirements file '{target}' not found (looked for '{resolved}')", source, option);
                continue;
            }

            LoadFile(new SourceText(text, resolved), nestedConstraint, state, stack);
        }

        stack.RemoveAt(stack.Count - 1);
    }

    private static void Report(LoadState state, DiagnosticSeverity severity, string code, string message, SourceText source, RequirementsOption option) =>
        state.Diagnostics.Add(Diagnostic.Create(severity, code, message, source, option.ValueSpan.IsEmpty ? option.Span : option.ValueSpan));

    /// <summary>Joins a relative include onto the including file's folder and folds <c>.</c> and <c>..</c>.</summary>
    internal static string Resolve(string includingFile, string target)
    {
        string joined = target.StartsWith('/') ? target : (Directory(includingFile) is { Length: > 0 } dir ? dir + "/" + target : target);
        var parts = new List<string>();
        foreach (string part in joined.Split('/'))
        {
            if (part is "." or "" && parts.Count > 0)
            {
                continue;
            }

            if (part == ".." && parts.Count > 0 && parts[^1] is not (".." or ""))
            {
                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            if (part == ".")
            {
                continue;
            }

            parts.Add(part);
        }

        return string.Join('/', parts);
    }

    private static string Directory(string path)
    {
        int slash = path.Replace('\\', '/').LastIndexOf('/');
        return slash < 0 ? string.Empty : slash == 0 ? "/" : path[..slash];
    }

    private sealed class LoadState
    {
        public List<RequirementsFile> Files { get; } = [];

        public List<RequirementLine> Requirements { get; } = [];

        public List<RequirementLine> Constraints { get; } = [];

        public List<RequirementsOption> Options { get; } = [];

        public List<Diagnostic> Diagnostics { get; } = [];

        public HashSet<string> Loaded { get; } = [];
    }
}
