using Headroom.Text;

namespace Headroom.Python.Tools;

/// <summary>
/// A small INI reader in the way Python's configparser reads flake8's files: "[section]" headers,
/// "key = value" or "key: value", "#"/";" comment lines, indented continuation lines, no inline comments.
/// Keys are lower-cased with "_" read as "-" (flake8 normalizes option names that way).
/// </summary>
public sealed class IniFile
{
    private IniFile(SourceText source, IReadOnlyList<IniSection> sections)
    {
        Source = source;
        Sections = sections;
    }

    public SourceText Source { get; }

    public IReadOnlyList<IniSection> Sections { get; }

    public IniSection? FindSection(string name) => Sections.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal));

    public static IniFile Read(SourceText source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var sections = new List<IniSection>();
        IniSection? current = null;
        IniEntry? last = null;
        for (int line = 1; line <= source.LineCount; line++)
        {
            TextSpan span = source.GetLineSpan(line);
            string text = source.ToString(span);
            string trimmed = text.Trim();
            if (trimmed.Length == 0 || trimmed[0] is '#' or ';')
            {
                continue;
            }

            if (char.IsWhiteSpace(text[0]) && last is not null)
            {
                last.Value = last.Value.Length == 0 ? trimmed : last.Value + "\n" + trimmed;
                last.ValueSpan = TextSpan.FromBounds(last.ValueSpan.Start, span.End);
                continue;
            }

            if (trimmed[0] == '[' && trimmed.EndsWith(']'))
            {
                current = new IniSection(trimmed[1..^1].Trim(), source.GetPosition(span.Start + text.IndexOf('[', StringComparison.Ordinal)));
                sections.Add(current);
                last = null;
                continue;
            }

            int sep = text.IndexOfAny(['=', ':']);
            if (current is null || sep < 0)
            {
                last = null;
                continue;
            }

            int keyStart = text.Length - text.TrimStart().Length;
            string key = text[..sep].Trim().ToLowerInvariant().Replace('_', '-');
            int valueStart = sep + 1;
            while (valueStart < text.Length && char.IsWhiteSpace(text[valueStart]))
            {
                valueStart++;
            }

            last = new IniEntry(key, source.GetPosition(span.Start + keyStart))
            {
                Value = text[valueStart..].TrimEnd(),
                ValueSpan = TextSpan.FromBounds(span.Start + valueStart, span.End),
            };
            current.Entries.Add(last);
        }

        return new IniFile(source, sections);
    }
}

public sealed class IniSection(string name, LinePosition start)
{
    public string Name { get; } = name;

    public LinePosition Start { get; } = start;

    public List<IniEntry> Entries { get; } = [];

    /// <summary>The last entry with the key (configparser keeps the last), or null.</summary>
    public IniEntry? Find(string key) => Entries.LastOrDefault(e => e.Key == key.ToLowerInvariant().Replace('_', '-'));
}

public sealed class IniEntry(string key, LinePosition start)
{
    public string Key { get; } = key;

    public LinePosition Start { get; } = start;

    /// <summary>The value, continuation lines joined with "\n".</summary>
    public string Value { get; internal set; } = string.Empty;

    public TextSpan ValueSpan { get; internal set; }
}
