using Headroom.Text;
using Headroom.Yaml;

namespace Headroom.Workflows;

/// <summary>
/// A step's <c>run:</c> script: its text (after YAML unquoting/folding) and where that text starts in
/// the file, so a shell analyzer can map its own offsets back with <see cref="TryMapOffset"/>.
/// Shell and working directory are the effective ones: the step's, else the job's
/// <c>defaults.run</c>, else the workflow's (null when none is set: the runner default applies).
/// </summary>
public sealed class RunScript
{
    internal RunScript(SourceText source, YamlScalar node, YamlScalar? shell, YamlScalar? workingDirectory)
    {
        Source = source;
        Node = node;
        Shell = shell;
        WorkingDirectory = workingDirectory;
        (ContentStartOffset, ContentIndent) = FindContentStart(source, node);
        ContentStart = source.GetPosition(ContentStartOffset);
    }

    public string Text => Node.Value;

    public YamlScalar Node { get; }

    public YamlScalarStyle Style => Node.Style;

    /// <summary>A block scalar ("|" or "&gt;"): the script starts on the line after the indicator.</summary>
    public bool IsBlock => Node.IsBlock;

    /// <summary>Offset in the file of the script's first character (after the quote, or the block header line).</summary>
    public int ContentStartOffset { get; }

    /// <summary>1-based line and column of the script's first character.</summary>
    public LinePosition ContentStart { get; }

    /// <summary>For block scalars, the number of indentation spaces stripped from each line; else 0.</summary>
    public int ContentIndent { get; }

    /// <summary>Where the shell came from (step <c>shell:</c> or a <c>defaults.run.shell</c>), or null.</summary>
    public YamlScalar? Shell { get; }

    public YamlScalar? WorkingDirectory { get; }

    private SourceText Source { get; }

    /// <summary>
    /// Maps an offset in <see cref="Text"/> to a file position. Exact for literal block scalars ("|"),
    /// single-quoted scalars without "''" and single-line plain or double-quoted scalars without escapes;
    /// false for folded or multi-line flow scalars, where YAML folding breaks the correspondence.
    /// </summary>
    public bool TryMapOffset(int scriptOffset, out LinePosition position)
    {
        position = default;
        if ((uint)scriptOffset > (uint)Text.Length)
        {
            return false;
        }

        if (Style == YamlScalarStyle.Literal)
        {
            int line = 0;
            int lineStart = 0;
            for (int i = 0; i < scriptOffset; i++)
            {
                if (Text[i] == '\n')
                {
                    line++;
                    lineStart = i + 1;
                }
            }

            int fileLine = ContentStart.Line + line;
            if (fileLine > Source.LineCount)
            {
                return false;
            }

            position = new LinePosition(fileLine, ContentIndent + (scriptOffset - lineStart) + 1);
            return true;
        }

        if (Style == YamlScalarStyle.Folded || Text.Contains('\n', StringComparison.Ordinal))
        {
            return false;
        }

        string raw = Source.ToString(Node.Span);
        bool verbatim = Style switch
        {
            YamlScalarStyle.Plain => raw.StartsWith(Text, StringComparison.Ordinal),
            YamlScalarStyle.SingleQuoted => raw.Length >= Text.Length + 2 && string.CompareOrdinal(raw, 1, Text, 0, Text.Length) == 0,
            YamlScalarStyle.DoubleQuoted => raw.Length >= Text.Length + 2 && string.CompareOrdinal(raw, 1, Text, 0, Text.Length) == 0,
            _ => false,
        };
        if (!verbatim)
        {
            return false;
        }

        position = Source.GetPosition(ContentStartOffset + scriptOffset);
        return true;
    }

    private static (int Offset, int Indent) FindContentStart(SourceText source, YamlScalar node)
    {
        int start = node.Span.Start;
        if (!node.IsBlock)
        {
            bool quoted = node.Style is YamlScalarStyle.SingleQuoted or YamlScalarStyle.DoubleQuoted;
            return (Math.Min(source.Length, start + (quoted ? 1 : 0)), 0);
        }

        // Skip the header line ("|", "|-", ">+2", maybe a comment), then the first non-empty line gives the indentation.
        string text = source.Text;
        int i = start;
        while (i < text.Length && text[i] != '\n')
        {
            i++;
        }

        int contentStart = Math.Min(text.Length, i + 1);
        int indent = 0;
        int j = contentStart;
        while (j < node.Span.End && j < text.Length)
        {
            int k = j;
            while (k < text.Length && text[k] == ' ')
            {
                k++;
            }

            if (k < text.Length && text[k] != '\n' && text[k] != '\r')
            {
                indent = k - j;
                break;
            }

            j = k + 1;
        }

        return (contentStart + indent, indent);
    }
}
