using System.Collections.Immutable;
using System.Text;
using Headroom.Text;

namespace Headroom.Shell.Parsing;

/// <summary>Collects the parts of one word and its value after quote removal.</summary>
internal sealed class WordBuilder
{
    private readonly ImmutableArray<WordPart>.Builder _parts = ImmutableArray.CreateBuilder<WordPart>();
    private readonly StringBuilder _value = new();
    private string? _prefix;

    public bool IsQuoted { get; set; }

    public bool HasGlob { get; set; }

    public int PartCount => _parts.Count;

    public void Add(WordPart part)
    {
        _parts.Add(part);
        if (part.IsQuoted)
        {
            IsQuoted = true;
        }

        if (_prefix is not null)
        {
            return;
        }

        if (part.Value is null)
        {
            _prefix = _value.ToString();
        }
        else
        {
            _value.Append(part.Value);
        }
    }

    public ShellWord Build(TextSpan span, TextSpan localSpan, string raw)
    {
        string? value = _prefix is null ? _value.ToString() : null;
        return new ShellWord(span, localSpan, raw, _parts.ToImmutable(), value, _prefix ?? value!, IsQuoted, HasGlob);
    }
}
