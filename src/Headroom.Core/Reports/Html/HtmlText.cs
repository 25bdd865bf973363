using System.Globalization;
using System.Text;

namespace Headroom.Reports.Html;

/// <summary>Escaping and small formatting helpers of the HTML report.</summary>
public static class HtmlText
{
    /// <summary>Escapes <c>&amp; &lt; &gt; " '</c> (safe in text and in double-quoted attributes); control characters other than tab and newline become U+FFFD.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        StringBuilder? sb = null;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            string? replacement = c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                '\t' or '\n' => null,
                '\r' => string.Empty,
                _ when char.IsControl(c) => "\uFFFD",
                _ => null,
            };
            if (replacement is null)
            {
                sb?.Append(c);
                continue;
            }

            sb ??= new StringBuilder(text, 0, i, text.Length + 16);
            sb.Append(replacement);
        }

        return sb?.ToString() ?? text;
    }

    /// <summary>A category name as a CSS class: <c>cat-pip-cache</c>; empty for null.</summary>
    public static string CategoryClass(string? category) => category is null ? string.Empty : "cat-" + Token(category);

    /// <summary>A name safe in a CSS class: lower case, anything outside <c>[a-z0-9-]</c> becomes <c>-</c>.</summary>
    public static string Token(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var sb = new StringBuilder(name.Length);
        foreach (char c in name.ToLowerInvariant())
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        return sb.ToString();
    }

    /// <summary>A percentage with one decimal: <c>42.5%</c>.</summary>
    public static string Percent(double fraction) => (fraction * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
