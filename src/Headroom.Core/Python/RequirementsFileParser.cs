using System.Text;
using Headroom.Diagnostics;
using Headroom.Text;

namespace Headroom.Python;

/// <summary>The steps of pip's <c>req_file.py</c>: join lines, drop comments, expand variables, split options.</summary>
internal sealed class RequirementsFileParser
{
    private static readonly string[] ArchiveExtensions = [".whl", ".zip", ".tar.gz", ".tgz", ".tar", ".tar.bz2", ".tbz", ".tar.xz", ".txz", ".tar.lz", ".tlz"];
    private static readonly string[] HashAlgorithms = ["sha256", "sha384", "sha512"];

    private readonly SourceText _source;
    private readonly Func<string, string?>? _environment;
    private readonly List<RequirementLine> _requirements = [];
    private readonly List<RequirementsOption> _options = [];
    private readonly List<Diagnostic> _diagnostics = [];

    public RequirementsFileParser(SourceText source, Func<string, string?>? environment)
    {
        _source = source;
        _environment = environment;
    }

    public RequirementsFile Parse()
    {
        foreach (LogicalLine line in LogicalLines())
        {
            ParseLine(line);
        }

        return new RequirementsFile(_source, _requirements, _options, _diagnostics);
    }

    /// <summary>pip's join_lines, ignore_comments and expand_env_variables, keeping file offsets.</summary>
    private IEnumerable<LogicalLine> LogicalLines()
    {
        var text = new StringBuilder();
        var offsets = new List<int>();
        int firstLine = 0;
        int lastEnd = 0;
        for (int n = 1; n <= _source.LineCount; n++)
        {
            TextSpan span = _source.GetLineSpan(n);
            string line = _source.ToString(span);
            bool isComment = line.TrimStart().StartsWith('#');
            if (text.Length == 0)
            {
                firstLine = n;
            }

            if (!line.EndsWith('\\') || isComment)
            {
                if (isComment)
                {
                    text.Append(' ');
                    offsets.Add(span.Start);
                }

                Append(text, offsets, line, span.Start, 0, line.Length);
                lastEnd = span.End;
                if (Finish(text, offsets, lastEnd, firstLine) is { } logical)
                {
                    yield return logical;
                }

                text.Clear();
                offsets.Clear();
            }
            else
            {
                // line.strip("\\"): backslashes go from both ends of a continued line.
                int s = 0;
                int e = line.Length;
                while (s < e && line[s] == '\\')
                {
                    s++;
                }

                while (e > s && line[e - 1] == '\\')
                {
                    e--;
                }

                Append(text, offsets, line, span.Start, s, e);
                lastEnd = span.End;
            }
        }

        if (text.Length > 0 && Finish(text, offsets, lastEnd, firstLine) is { } last)
        {
            yield return last;
        }
    }

    private static void Append(StringBuilder text, List<int> offsets, string line, int lineStart, int from, int to)
    {
        text.Append(line, from, to - from);
        for (int i = from; i < to; i++)
        {
            offsets.Add(lineStart + i);
        }
    }

    private LogicalLine? Finish(StringBuilder builder, List<int> offsets, int endOffset, int firstLine)
    {
        string line = builder.ToString();

        // COMMENT_RE = (^|\s+)#.*$ : the first '#' at the start or after whitespace ends the line.
        int cut = line.Length;
        for (int i = 0; i < line.Length; i++)
        {
            if (line[i] == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1])))
            {
                cut = i;
                while (cut > 0 && char.IsWhiteSpace(line[cut - 1]))
                {
                    cut--;
                }

                break;
            }
        }

        int start = 0;
        while (start < cut && char.IsWhiteSpace(line[start]))
        {
            start++;
        }

        while (cut > start && char.IsWhiteSpace(line[cut - 1]))
        {
            cut--;
        }

        if (cut == start)
        {
            return null;
        }

        var text = new StringBuilder();
        var map = new List<int>();
        for (int i = start; i < cut; i++)
        {
            // ${NAME} with NAME of [A-Z0-9_]+, replaced only when set.
            if (line[i] == '$' && i + 1 < cut && line[i + 1] == '{' && _environment is not null)
            {
                int close = line.IndexOf('}', i + 2, cut - i - 2);
                if (close > i + 2 && IsEnvName(line.AsSpan(i + 2, close - i - 2)) && _environment(line[(i + 2)..close]) is { } value)
                {
                    text.Append(value);
                    for (int k = 0; k < value.Length; k++)
                    {
                        map.Add(k == 0 ? offsets[i] : offsets[close]);
                    }

                    i = close;
                    continue;
                }
            }

            text.Append(line[i]);
            map.Add(offsets[i]);
        }

        int end = cut - 1 < offsets.Count ? offsets[cut - 1] + 1 : endOffset;
        return new LogicalLine(text.ToString(), [.. map], end, firstLine);
    }

    private static bool IsEnvName(ReadOnlySpan<char> name)
    {
        foreach (char c in name)
        {
            if (!(char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    private void ParseLine(LogicalLine line)
    {
        string text = line.Text;

        // break_args_options: tokens split on single spaces; arguments end at the first token starting with '-'.
        int optionsStart = text.Length;
        for (int p = 0; p < text.Length;)
        {
            if (text[p] == '-')
            {
                optionsStart = p;
                break;
            }

            int space = text.IndexOf(' ', p);
            if (space < 0)
            {
                break;
            }

            p = space + 1;
        }

        int argsEnd = optionsStart;
        while (argsEnd > 0 && text[argsEnd - 1] == ' ')
        {
            argsEnd--;
        }

        List<RequirementsOption>? options = ParseOptions(line, optionsStart);
        if (options is null)
        {
            return;
        }

        var fileOptions = options.Where(o => !IsPerRequirement(o.Name)).ToList();
        var perRequirement = options.Where(o => IsPerRequirement(o.Name)).ToList();
        foreach (RequirementsOption hash in perRequirement.Where(o => o.Name == "--hash"))
        {
            CheckHash(hash);
        }

        RequirementsOption? editable = fileOptions.FirstOrDefault(o => o.Name == "--editable");
        if (argsEnd > 0)
        {
            foreach (RequirementsOption ignored in fileOptions)
            {
                Report(DiagnosticSeverity.Warning, "requirements-option-ignored", $"'{ignored.Name}' on a requirement line is ignored by pip", ignored.Span);
            }

            AddRequirement(line, 0, argsEnd, isEditable: false, perRequirement);
            return;
        }

        if (editable is not null)
        {
            int valueStart = text.IndexOf(editable.Value!, StringComparison.Ordinal);
            AddRequirement(line, Math.Max(0, valueStart), Math.Max(0, valueStart) + editable.Value!.Length, isEditable: true, perRequirement);
            fileOptions.Remove(editable);
        }
        else
        {
            foreach (RequirementsOption ignored in perRequirement)
            {
                Report(DiagnosticSeverity.Warning, "requirements-option-ignored", $"'{ignored.Name}' needs a requirement on the same line", ignored.Span);
            }
        }

        _options.AddRange(fileOptions);
    }

    private static bool IsPerRequirement(string name) =>
        RequirementsFileOptions.TryFind(name, out _, out _, out bool perRequirement) && perRequirement;

    private List<RequirementsOption>? ParseOptions(LogicalLine line, int start)
    {
        var tokens = ShellWords.Split(line.Text, start, out string? error);
        if (tokens is null)
        {
            Report(DiagnosticSeverity.Error, "requirements-invalid-line", error ?? "invalid options", line.Map(TextSpan.FromBounds(start, line.Text.Length)));
            return null;
        }

        var result = new List<RequirementsOption>();
        for (int t = 0; t < tokens.Count; t++)
        {
            (string word, TextSpan wordSpan) = tokens[t];
            string spelling = word;
            string? value = null;
            TextSpan valueSpan = default;
            int eq = word.IndexOf('=', StringComparison.Ordinal);
            if (word.StartsWith("--", StringComparison.Ordinal) && eq > 0)
            {
                spelling = word[..eq];
                value = word[(eq + 1)..];
                valueSpan = TextSpan.FromBounds(Math.Min(wordSpan.End, wordSpan.Start + eq + 1), wordSpan.End);
            }
            else if (RequirementsFileOptions.IsShortWithValue(word))
            {
                spelling = word[..2];
                value = word[2..];
                valueSpan = TextSpan.FromBounds(wordSpan.Start + 2, wordSpan.End);
            }

            TextSpan fileSpan = line.Map(wordSpan);
            if (!word.StartsWith('-') || !RequirementsFileOptions.TryFind(spelling, out string longName, out bool takesValue, out _))
            {
                string message = word.StartsWith('-') ? $"unknown pip option '{spelling}'" : $"unexpected '{word}' among the options";
                Report(DiagnosticSeverity.Error, word.StartsWith('-') ? "requirements-unknown-option" : "requirements-invalid-line", message, fileSpan);
                return null;
            }

            if (takesValue && value is null)
            {
                if (t + 1 >= tokens.Count)
                {
                    Report(DiagnosticSeverity.Error, "requirements-missing-value", $"'{spelling}' needs a value", fileSpan);
                    return null;
                }

                t++;
                (value, valueSpan) = tokens[t];
                fileSpan = line.Map(TextSpan.FromBounds(wordSpan.Start, valueSpan.End));
            }
            else if (!takesValue && value is not null)
            {
                Report(DiagnosticSeverity.Error, "requirements-invalid-line", $"'{spelling}' takes no value", fileSpan);
                return null;
            }

            TextSpan mappedValue = value is null ? new TextSpan(fileSpan.End, 0) : line.Map(valueSpan);
            result.Add(new RequirementsOption(longName, value, fileSpan, mappedValue, _source.GetPosition(fileSpan.Start)));
        }

        return result;
    }

    private void CheckHash(RequirementsOption hash)
    {
        string value = hash.Value ?? string.Empty;
        int colon = value.IndexOf(':', StringComparison.Ordinal);
        string algorithm = colon > 0 ? value[..colon] : string.Empty;
        if (colon <= 0 || !HashAlgorithms.Contains(algorithm) || value.Length == colon + 1 || !value[(colon + 1)..].All(char.IsAsciiHexDigit))
        {
            Report(DiagnosticSeverity.Error, "requirements-invalid-hash", $"invalid --hash '{value}': expected sha256:, sha384: or sha512: and a hex digest", hash.Span);
        }
    }

    private void AddRequirement(LogicalLine line, int start, int end, bool isEditable, IReadOnlyList<RequirementsOption> options)
    {
        string text = line.Text[start..end];
        TextSpan span = line.Map(TextSpan.FromBounds(start, end));
        bool isNamed = !LooksLikeUrl(text, out bool vcs)
            && RequirementParser.TryParse(line.Text, start, end, out Requirement? named, out _, out _)
            && (named.Url is not null || !LooksLikePath(text, out _));
        if (!isNamed && (LooksLikeUrl(text, out _) || LooksLikePath(text, out _)))
        {
            bool isUrl = LooksLikeUrl(text, out _);
            string location = text;
            int markerAt = isUrl ? text.IndexOf("; ", StringComparison.Ordinal) : text.IndexOf(';', StringComparison.Ordinal);
            if (markerAt >= 0)
            {
                location = text[..markerAt].TrimEnd();
                if (!Marker.TryParse(text[(markerAt + 1)..], out _, out string? markerError))
                {
                    Report(DiagnosticSeverity.Error, "requirements-invalid-line", $"invalid marker: {markerError}", span);
                    return;
                }
            }

            RequirementLocationKind kind = isUrl
                ? vcs ? RequirementLocationKind.Vcs : RequirementLocationKind.Url
                : LooksLikePath(location, out bool archive) && archive ? RequirementLocationKind.Archive : RequirementLocationKind.Path;
            _requirements.Add(new RequirementLine(_source, line, text, span, kind, null, EggName(location), location, isEditable, options) { TextOffset = start });
            return;
        }

        if (!RequirementParser.TryParse(line.Text, start, end, out _, out string? error, out int errorAt))
        {
            TextSpan at = errorAt >= start ? line.Map(new TextSpan(errorAt, 0)) : span;
            Report(DiagnosticSeverity.Error, "requirements-invalid-line", $"invalid requirement '{text}': {error}", TextSpan.FromBounds(span.Start, Math.Max(span.End, at.Start)));
            return;
        }

        // Re-parse on the requirement text alone so that its spans are relative to RequirementLine.Text.
        Requirement own = Requirement.Parse(text);
        _requirements.Add(new RequirementLine(_source, line, text, span, RequirementLocationKind.Name, own, own.Name, own.Url, isEditable, options) { TextOffset = start });
    }

    internal static bool LooksLikeUrl(string text, out bool vcs)
    {
        vcs = false;
        int colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }

        string scheme = text[..colon].ToLowerInvariant();
        if (scheme is "git" or "hg" or "svn" or "bzr" || scheme.StartsWith("git+", StringComparison.Ordinal)
            || scheme.StartsWith("hg+", StringComparison.Ordinal) || scheme.StartsWith("svn+", StringComparison.Ordinal)
            || scheme.StartsWith("bzr+", StringComparison.Ordinal))
        {
            vcs = true;
            return true;
        }

        return scheme is "http" or "https" or "file" or "ftp";
    }

    internal static bool LooksLikePath(string text, out bool archive)
    {
        string lower = text.ToLowerInvariant();
        archive = ArchiveExtensions.Any(e => lower.EndsWith(e, StringComparison.Ordinal));
        return archive || text.Contains('/', StringComparison.Ordinal) || text.StartsWith('.') || text.StartsWith('~');
    }

    private static string? EggName(string location)
    {
        int egg = location.IndexOf("#egg=", StringComparison.Ordinal);
        if (egg < 0)
        {
            egg = location.IndexOf("&egg=", StringComparison.Ordinal);
        }

        if (egg < 0)
        {
            return null;
        }

        string rest = location[(egg + 5)..];
        int amp = rest.IndexOf('&', StringComparison.Ordinal);
        return amp < 0 ? rest : rest[..amp];
    }

    private void Report(DiagnosticSeverity severity, string code, string message, TextSpan span) =>
        _diagnostics.Add(Diagnostic.Create(severity, code, message, _source, span));
}
