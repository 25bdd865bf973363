using Headroom.Diagnostics;

namespace Headroom.Apt;

/// <summary>
/// Reads deb822 stanzas (deb822(5), as in Debian's <c>Packages</c> files and dpkg's <c>status</c>) one at a
/// time from a text stream, so that a 50 MB index never sits in memory whole. Stanzas are separated by
/// blank lines; a field is <c>Name: value</c>, continued on lines that start with a space or tab;
/// <c>#</c> comment lines are skipped. A malformed line is an <see cref="InputException"/> naming the
/// source and the line.
/// </summary>
public sealed class Deb822Reader
{
    /// <summary>The longest line accepted (a Packages Description line is far below it).</summary>
    public const int MaxLineLength = 1 << 20;

    private readonly TextReader _reader;
    private readonly string _sourceName;
    private int _line;

    /// <param name="reader">The text, read forward once.</param>
    /// <param name="sourceName">What messages call the source: a file name or URL.</param>
    public Deb822Reader(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sourceName);
        _reader = reader;
        _sourceName = sourceName;
    }

    /// <summary>Reads every stanza in order.</summary>
    public IEnumerable<Deb822Stanza> ReadAll()
    {
        while (ReadStanza() is Deb822Stanza stanza)
        {
            yield return stanza;
        }
    }

    /// <summary>The next stanza, or null at the end.</summary>
    public Deb822Stanza? ReadStanza()
    {
        var fields = new List<Deb822Field>();
        var byName = new Dictionary<string, Deb822Field>(StringComparer.OrdinalIgnoreCase);
        string? name = null;
        int nameLine = 0;
        var value = new System.Text.StringBuilder();
        int stanzaLine = 0;
        while (true)
        {
            string? line = ReadLine();
            if (line is null || line.Trim().Length == 0)
            {
                if (name is not null)
                {
                    Add(fields, byName, name, value.ToString(), nameLine);
                    return new Deb822Stanza(stanzaLine, fields, byName);
                }

                if (line is null)
                {
                    return null;
                }

                continue;
            }

            if (line[0] == '#')
            {
                continue;
            }

            if (line[0] is ' ' or '\t')
            {
                if (name is null)
                {
                    throw Error(_line, "continuation line outside a field");
                }

                string text = line[1..];
                value.Append('\n').Append(text.TrimEnd() == "." ? string.Empty : text.TrimEnd());
                continue;
            }

            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                throw Error(_line, $"expected 'Field: value', got '{Shorten(line)}'");
            }

            string fieldName = line[..colon];
            if (fieldName.Length == 0 || fieldName[0] == '-' || fieldName.Any(c => c <= ' ' || c > '~'))
            {
                throw Error(_line, $"bad field name '{Shorten(fieldName)}'");
            }

            if (name is not null)
            {
                Add(fields, byName, name, value.ToString(), nameLine);
            }
            else
            {
                stanzaLine = _line;
            }

            name = fieldName;
            nameLine = _line;
            value.Clear().Append(line.AsSpan(colon + 1).Trim());
        }
    }

    private void Add(List<Deb822Field> fields, Dictionary<string, Deb822Field> byName, string name, string value, int line)
    {
        var field = new Deb822Field(name, value, line);
        if (!byName.TryAdd(name, field))
        {
            throw Error(line, $"duplicate field '{name}' in the stanza at line {fields[0].Line}");
        }

        fields.Add(field);
    }

    private string? ReadLine()
    {
        string? line;
        try
        {
            line = _reader.ReadLine();
        }
        catch (Exception e) when (e is IOException or InvalidDataException or SharpCompress.Common.SharpCompressException or EndOfStreamException)
        {
            throw new InputException($"{_sourceName}: line {_line + 1}: {e.Message.ReplaceLineEndings(" ")}", e);
        }

        if (line is null)
        {
            return null;
        }

        _line++;
        if (line.Length > MaxLineLength)
        {
            throw Error(_line, $"line longer than {MaxLineLength} characters");
        }

        return line;
    }

    private InputException Error(int line, string what) => new($"{_sourceName}:{line}: {what}");

    private static string Shorten(string text) => text.Length > 60 ? text[..57] + "..." : text;
}
