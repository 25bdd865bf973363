using Headroom.Text;

namespace Headroom.Rules;

/// <summary>Replace the characters of <paramref name="Span"/> (possibly empty: an insertion) with <paramref name="NewText"/>.</summary>
public sealed record TextEdit(TextSpan Span, string NewText)
{
    public static TextEdit Insert(int offset, string text) => new(new TextSpan(offset, 0), text);

    public static TextEdit Delete(TextSpan span) => new(span, string.Empty);
}
