using System.Text.Json;

namespace Headroom.Reports.Html;

/// <summary>
/// What a component writes to while the page is rendered: the markup (<see cref="Output"/>, with
/// <see cref="Text"/> and <see cref="Attribute"/> to escape), unique element ids, and data for the
/// page's script, which lands in the one <c>&lt;script type="application/json"&gt;</c> blob under the key
/// that <see cref="AddData"/> returns.
/// </summary>
public sealed class HtmlRenderContext
{
    private readonly List<(string Key, Action<Utf8JsonWriter> Write)> _data = [];
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);

    internal HtmlRenderContext(TextWriter output)
    {
        Output = output;
    }

    public TextWriter Output { get; }

    internal IReadOnlyList<(string Key, Action<Utf8JsonWriter> Write)> Data => _data;

    /// <summary>An element id unique in the page: <c>prefix-1</c>, <c>prefix-2</c>...</summary>
    public string NextId(string prefix)
    {
        int n = _ids.GetValueOrDefault(prefix) + 1;
        _ids[prefix] = n;
        return $"{prefix}-{n}";
    }

    /// <summary>Registers data for the script under a new key (also a valid id), which the component puts in a <c>data-key</c> attribute.</summary>
    public string AddData(string prefix, Action<Utf8JsonWriter> write)
    {
        string key = NextId(prefix);
        _data.Add((key, write));
        return key;
    }

    /// <summary>Writes text, HTML-escaped.</summary>
    public void Text(string? text) => Output.Write(HtmlText.Escape(text));

    /// <summary>Writes <c> name="value"</c>, escaped.</summary>
    public void Attribute(string name, string? value)
    {
        Output.Write(' ');
        Output.Write(name);
        Output.Write("=\"");
        Output.Write(HtmlText.Escape(value));
        Output.Write('"');
    }

    /// <summary>Writes markup as given (only for literal tags).</summary>
    public void Raw(string markup) => Output.Write(markup);

    /// <summary><c>&lt;tag class="..."&gt;text&lt;/tag&gt;</c>, the text escaped.</summary>
    public void Element(string tag, string? cssClass, string? text)
    {
        Output.Write('<');
        Output.Write(tag);
        if (cssClass is not null)
        {
            Attribute("class", cssClass);
        }

        Output.Write('>');
        Text(text);
        Output.Write("</");
        Output.Write(tag);
        Output.Write('>');
    }
}
