using System.Text;

namespace Headroom.Shell.Parsing;

internal sealed partial class ShellParser
{
    private static readonly HashSet<string> Shells = new(StringComparer.Ordinal) { "sh", "bash", "dash", "ash", "zsh", "ksh", "mksh" };

    /// <summary>
    /// <c>sh -c 'script'</c> and <c>bash &lt;&lt;EOF</c>: analyses the inner script with spans mapped into this string.
    /// A <c>-c</c> string with expansions is analysed as the inner shell receives it, expansions kept as written.
    /// </summary>
    private void AnalyzeNestedShell(SimpleCommand command)
    {
        if (command.CommandBaseName is not { } name || !Shells.Contains(name))
        {
            return;
        }

        int index = FindInlineScript(command, out bool hasCommandString);
        if (hasCommandString)
        {
            if (index < command.Words.Length)
            {
                ShellWord script = command.Words[index];
                (string text, OffsetMap map) = BuildWordText(script);
                ParseNestedShell(command, script, text, map);
            }

            return;
        }

        if (index < command.Words.Length)
        {
            return; // sh script-file ...
        }

        foreach (ShellRedirection redirection in command.Redirections)
        {
            if (redirection.Heredoc is { } heredoc && redirection.FileDescriptor is null or 0)
            {
                (string text, OffsetMap map) = BuildHeredocText(heredoc);
                ParseNestedShell(command, redirection.Target!, text, map);
            }
        }
    }

    /// <summary>The index of the first operand after the shell's options; whether a <c>-c</c> was among them.</summary>
    private static int FindInlineScript(SimpleCommand command, out bool hasCommandString)
    {
        hasCommandString = false;
        int i = command.CommandWordIndex + 1;
        while (i < command.Words.Length)
        {
            string? text = command.Words[i].Value;
            if (text is null)
            {
                break;
            }

            if (text is "--" or "-")
            {
                i++;
                break;
            }

            if (text.Length < 2 || text[0] is not ('-' or '+'))
            {
                break;
            }

            i++;
            if (text.StartsWith("--", StringComparison.Ordinal))
            {
                continue;
            }

            hasCommandString |= text[0] == '-' && text.Contains('c', StringComparison.Ordinal);
            if (text.Contains('o', StringComparison.Ordinal) || text.Contains('O', StringComparison.Ordinal))
            {
                i++; // -o pipefail
            }
        }

        return i;
    }

    private (string Text, OffsetMap Map) BuildWordText(ShellWord word)
    {
        var text = new StringBuilder();
        var map = new OffsetMapBuilder();
        foreach (WordPart part in word.Parts)
        {
            int start = part.LocalSpan.Start;
            switch (part.Kind)
            {
                case WordPartKind.Literal or WordPartKind.SingleQuoted or WordPartKind.DoubleQuoted:
                    for (int k = 0; k < part.Value!.Length; k++)
                    {
                        map.Add(TopStart(start + k), TopEnd(start + k));
                    }

                    text.Append(part.Value);
                    break;
                case WordPartKind.Escaped or WordPartKind.AnsiCQuoted:
                    // Every character stands for the whole escape (or $'...' string).
                    for (int k = 0; k < part.Value!.Length; k++)
                    {
                        map.Add(TopStart(start), TopEnd(part.LocalSpan.End - 1));
                    }

                    text.Append(part.Value);
                    break;
                default:
                    for (int k = start; k < part.LocalSpan.End; k++)
                    {
                        map.Add(TopStart(k), TopEnd(k));
                    }

                    text.Append(_text, start, part.LocalSpan.Length);
                    break;
            }
        }

        return (text.ToString(), map.Build(TopStart(word.LocalSpan.Start)));
    }

    private (string Text, OffsetMap Map) BuildHeredocText(ShellHeredoc heredoc)
    {
        var text = new StringBuilder();
        var map = new OffsetMapBuilder();
        bool lineStart = true;
        for (int i = heredoc.LocalBodySpan.Start; i < heredoc.LocalBodySpan.End; i++)
        {
            char c = _text[i];
            if (lineStart && heredoc.StripTabs && c == '\t')
            {
                continue;
            }

            lineStart = c == '\n';
            text.Append(c);
            map.Add(TopStart(i), TopEnd(i));
        }

        return (text.ToString(), map.Build(TopStart(heredoc.LocalBodySpan.Start)));
    }

    private void ParseNestedShell(SimpleCommand command, ShellWord origin, string text, OffsetMap map)
    {
        if (!TryEnterDepth(origin.LocalSpan.Start))
        {
            return;
        }

        var inner = new ShellParser(
            text,
            map,
            _commands,
            _diagnostics,
            _depth,
            _nestingLevel + 1,
            origin,
            command.Context | ShellCommandContext.NestedShell,
            command.IsConditional,
            command.Environment.ExportedOnly());
        inner.ParseScript();
        _depth--;
    }
}
