using System.Net;

namespace Headroom.Python.Index;

/// <summary>One <c>&lt;a&gt;</c> of a simple-repository page: its attributes (names lower-cased, values HTML-unescaped) and text.</summary>
internal sealed record HtmlAnchor(IReadOnlyDictionary<string, string> Attributes, string Text, int Offset);

/// <summary>
/// Reads the anchors, the <c>&lt;base href&gt;</c> and the <c>pypi:repository-version</c> meta of a PEP 503
/// page. PEP 503 pages are machine-written HTML5 with one anchor per file, so a full HTML parser is not
/// needed: the served ones (AngleSharp, HtmlAgilityPack) are large, build a whole DOM for a torch page of
/// a few thousand anchors, and are not annotated for trimming, which Headroom.Core is
/// (<c>IsTrimmable</c>/<c>IsAotCompatible</c>). This scanner is linear in the page and allocates only the
/// anchors. It knows comments, <c>&lt;script&gt;</c>/<c>&lt;style&gt;</c> raw text, quoted, unquoted and valueless
/// attributes, and character references (through <c>WebUtility.HtmlDecode</c>). A page that ends inside a
/// tag, comment or quoted value, or opens <c>&lt;html&gt;</c> without closing it, is reported as truncated.
/// </summary>
internal sealed class HtmlAnchorScanner
{
    private readonly string _html;
    private int _pos;

    private HtmlAnchorScanner(string html) => _html = html;

    public List<HtmlAnchor> Anchors { get; } = [];

    public string? BaseHref { get; private set; }

    public string? RepositoryVersion { get; private set; }

    /// <summary>Scans <paramref name="html"/>; a truncated page throws <see cref="FormatException"/> with the place.</summary>
    public static HtmlAnchorScanner Scan(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var scanner = new HtmlAnchorScanner(html);
        scanner.Run();
        return scanner;
    }

    private void Run()
    {
        bool openedHtml = false;
        bool closedHtml = false;
        while (true)
        {
            int lt = _html.IndexOf('<', _pos);
            if (lt < 0)
            {
                break;
            }

            _pos = lt;
            if (At("<!--"))
            {
                int end = _html.IndexOf("-->", _pos + 4, StringComparison.Ordinal);
                _pos = end < 0 ? throw Truncated("a comment", lt) : end + 3;
                continue;
            }

            if (At("<!") || At("<?"))
            {
                int end = _html.IndexOf('>', _pos);
                _pos = end < 0 ? throw Truncated("a declaration", lt) : end + 1;
                continue;
            }

            bool closing = At("</");
            int nameStart = _pos + (closing ? 2 : 1);
            int nameEnd = nameStart;
            while (nameEnd < _html.Length && char.IsAsciiLetterOrDigit(_html[nameEnd]))
            {
                nameEnd++;
            }

            if (nameEnd == nameStart)
            {
                _pos++;
                continue;
            }

            string tag = _html[nameStart..nameEnd].ToLowerInvariant();
            _pos = nameEnd;
            Dictionary<string, string> attributes = ReadAttributes(lt);
            if (closing)
            {
                closedHtml |= tag == "html";
                continue;
            }

            switch (tag)
            {
                case "html":
                    openedHtml = true;
                    break;
                case "a":
                    int textStart = _pos;
                    int close = _html.IndexOf("</a", _pos, StringComparison.OrdinalIgnoreCase);
                    int textEnd = close < 0 ? _html.Length : close;
                    string text = WebUtility.HtmlDecode(StripTags(_html[textStart..textEnd])).Trim();
                    Anchors.Add(new HtmlAnchor(attributes, text, lt));
                    _pos = textEnd;
                    break;
                case "base":
                    BaseHref ??= attributes.GetValueOrDefault("href");
                    break;
                case "meta" when attributes.GetValueOrDefault("name") == "pypi:repository-version":
                    RepositoryVersion = attributes.GetValueOrDefault("content");
                    break;
                case "script" or "style":
                    int endRaw = _html.IndexOf("</" + tag, _pos, StringComparison.OrdinalIgnoreCase);
                    _pos = endRaw < 0 ? throw Truncated($"a <{tag}>", lt) : endRaw;
                    break;
                default:
                    break;
            }
        }

        if (openedHtml && !closedHtml)
        {
            throw new FormatException($"truncated HTML: <html> is never closed ({_html.Length} characters read)");
        }
    }

    /// <summary>Reads attributes up to the tag's <c>&gt;</c>.</summary>
    private Dictionary<string, string> ReadAttributes(int tagStart)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        while (true)
        {
            SkipSpace();
            if (_pos >= _html.Length)
            {
                throw Truncated("a tag", tagStart);
            }

            char c = _html[_pos];
            if (c == '>')
            {
                _pos++;
                return attributes;
            }

            if (c == '/')
            {
                _pos++;
                continue;
            }

            int nameStart = _pos;
            while (_pos < _html.Length && !char.IsWhiteSpace(_html[_pos]) && _html[_pos] is not ('=' or '>' or '/'))
            {
                _pos++;
            }

            string name = _html[nameStart.._pos].ToLowerInvariant();
            SkipSpace();
            string value = string.Empty;
            if (_pos < _html.Length && _html[_pos] == '=')
            {
                _pos++;
                SkipSpace();
                if (_pos >= _html.Length)
                {
                    throw Truncated("a tag", tagStart);
                }

                char quote = _html[_pos];
                if (quote is '"' or '\'')
                {
                    int end = _html.IndexOf(quote, _pos + 1);
                    if (end < 0)
                    {
                        throw Truncated("a quoted attribute value", _pos);
                    }

                    value = _html[(_pos + 1)..end];
                    _pos = end + 1;
                }
                else
                {
                    int start = _pos;
                    while (_pos < _html.Length && !char.IsWhiteSpace(_html[_pos]) && _html[_pos] != '>')
                    {
                        _pos++;
                    }

                    value = _html[start.._pos];
                }
            }

            attributes.TryAdd(name, WebUtility.HtmlDecode(value));
        }
    }

    private void SkipSpace()
    {
        while (_pos < _html.Length && char.IsWhiteSpace(_html[_pos]))
        {
            _pos++;
        }
    }

    private bool At(string text) => string.CompareOrdinal(_html, _pos, text, 0, text.Length) == 0;

    private static string StripTags(string text)
    {
        if (!text.Contains('<', StringComparison.Ordinal))
        {
            return text;
        }

        var plain = new System.Text.StringBuilder(text.Length);
        bool inTag = false;
        foreach (char c in text)
        {
            if (c == '<')
            {
                inTag = true;
            }
            else if (c == '>')
            {
                inTag = false;
            }
            else if (!inTag)
            {
                plain.Append(c);
            }
        }

        return plain.ToString();
    }

    private FormatException Truncated(string what, int offset) =>
        new($"truncated HTML: {what} at character {offset} is not closed ({_html.Length} characters read)");
}
