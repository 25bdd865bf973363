using System.Text;
using System.Text.Json;

namespace Headroom.Reports.Html;

/// <summary>
/// A self-contained HTML page: a title, a summary line, sections of components, the stylesheet and
/// script inline, the components' data in one <c>&lt;script type="application/json"&gt;</c> blob, and a
/// Content-Security-Policy that lets the page load nothing from anywhere. Compose a before/after
/// view by putting two components in <see cref="Columns"/>.
/// </summary>
public sealed class HtmlReport
{
    private readonly List<HtmlSection> _sections = [];

    public HtmlReport(string title)
    {
        Title = title;
    }

    public string Title { get; }

    /// <summary>One line under the title (the source, the platform, the tool's version...).</summary>
    public string? Subtitle { get; init; }

    /// <summary>The footer's text (<c>headroom 0.1.0</c>).</summary>
    public string? Generator { get; init; }

    public IReadOnlyList<HtmlSection> Sections => _sections;

    /// <summary>Adds a section and returns it, to add components to.</summary>
    public HtmlSection Section(string heading)
    {
        var section = new HtmlSection(heading);
        _sections.Add(section);
        return section;
    }

    public void Write(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var context = new HtmlRenderContext(output);
        context.Raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        context.Raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n");
        context.Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
        context.Text(Title);
        context.Raw("</title>\n<style>\n");
        context.Raw(HtmlAssets.Css);
        context.Raw("</style>\n</head>\n<body>\n<header class=\"hr-header\">\n<h1>");
        context.Text(Title);
        context.Raw("</h1>\n");
        if (Subtitle is not null)
        {
            context.Element("p", "hr-subtitle", Subtitle);
            context.Raw("\n");
        }

        // Sections get their ids when rendered; render them first so that the contents can link to them.
        using var body = new StringWriter { NewLine = "\n" };
        var bodyContext = new HtmlRenderContext(body);
        foreach (HtmlSection section in _sections)
        {
            section.Render(bodyContext);
        }

        if (_sections.Count > 1)
        {
            context.Raw("<nav class=\"hr-toc\" aria-label=\"Contents\"><ul>");
            foreach (HtmlSection section in _sections)
            {
                context.Raw("<li><a");
                context.Attribute("href", "#" + section.Id);
                context.Raw(">");
                context.Text(section.Heading);
                context.Raw("</a></li>");
            }

            context.Raw("</ul></nav>\n");
        }

        context.Raw("</header>\n<main>\n");
        context.Raw(body.ToString());
        context.Raw("</main>\n<footer class=\"hr-footer\">");
        context.Text(Generator ?? "headroom");
        context.Raw("</footer>\n<script type=\"application/json\" id=\"headroom-data\">");
        context.Raw(DataJson(bodyContext));
        context.Raw("</script>\n<script>\n");
        context.Raw(HtmlAssets.Script);
        context.Raw("</script>\n</body>\n</html>\n");
    }

    /// <summary>The page as a string.</summary>
    public override string ToString()
    {
        using var writer = new StringWriter { NewLine = "\n" };
        Write(writer);
        return writer.ToString();
    }

    /// <summary>
    /// The data blob. The default encoder already writes <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c> as
    /// <c>\u003C</c>...; any <c>&lt;</c> left would sit inside a JSON string, where <c>\u003c</c> means the
    /// same: so <c>&lt;/script&gt;</c> or <c>&lt;!--</c> in a file name can never end the element.
    /// </summary>
    private static string DataJson(HtmlRenderContext context)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach ((string key, Action<Utf8JsonWriter> write) in context.Data)
            {
                json.WritePropertyName(key);
                write(json);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length).Replace("<", "\\u003c", StringComparison.Ordinal);
    }
}
