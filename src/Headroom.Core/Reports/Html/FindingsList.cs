namespace Headroom.Reports.Html;

/// <summary>One finding as the report shows it.</summary>
/// <param name="Severity"><c>error</c>, <c>warning</c> or <c>info</c>.</param>
/// <param name="Size">The bytes at stake, formatted (<c>~4.4 GB</c>), or null.</param>
public sealed record FindingEntry(
    string Severity,
    string RuleId,
    string Slug,
    string Message,
    int Line,
    int Column,
    SourceExcerpt? Excerpt,
    string? Size = null,
    bool Fixable = false);

/// <summary>The findings of one file, in order.</summary>
public sealed record FindingsFile(string Path, IReadOnlyList<FindingEntry> Findings);

/// <summary>Findings grouped by file, each with its source excerpt (the finding's lines marked).</summary>
public sealed class FindingsList : IHtmlComponent
{
    public FindingsList(IReadOnlyList<FindingsFile> files)
    {
        Files = files;
    }

    public IReadOnlyList<FindingsFile> Files { get; }

    public void Render(HtmlRenderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Files.Count == 0)
        {
            context.Element("p", "hr-text hr-none", "No findings.");
            return;
        }

        context.Raw("<div class=\"hr-findings\">");
        foreach (FindingsFile file in Files)
        {
            context.Raw("<section class=\"hr-file\"><h3 class=\"hr-path\">");
            context.Text(file.Path);
            context.Raw(" <span class=\"hr-count\">");
            context.Text(file.Findings.Count == 1 ? "1 finding" : $"{file.Findings.Count} findings");
            context.Raw("</span></h3>");
            foreach (FindingEntry finding in file.Findings)
            {
                RenderFinding(context, file.Path, finding);
            }

            context.Raw("</section>");
        }

        context.Raw("</div>");
    }

    private static void RenderFinding(HtmlRenderContext context, string path, FindingEntry finding)
    {
        context.Raw("<article");
        context.Attribute("class", "hr-finding hr-sev-" + HtmlText.Token(finding.Severity));
        context.Attribute("data-rule", finding.RuleId);
        context.Raw("><p class=\"hr-finding-head\">");
        context.Element("span", "hr-badge", finding.Severity);
        context.Raw(" ");
        context.Element("code", "hr-rule", finding.RuleId);
        context.Raw(" ");
        context.Element("span", "hr-slug", finding.Slug);
        context.Raw(" ");
        context.Element("span", "hr-where", $"{path}:{finding.Line}:{finding.Column}");
        if (finding.Size is not null)
        {
            context.Raw(" ");
            context.Element("span", "hr-size", finding.Size);
        }

        if (finding.Fixable)
        {
            context.Raw(" ");
            context.Element("span", "hr-fixable", "fixable");
        }

        context.Raw("</p>");
        context.Element("p", "hr-message", finding.Message);
        if (finding.Excerpt is { } excerpt)
        {
            context.Raw("<pre class=\"hr-excerpt\"><code>");
            for (int i = 0; i < excerpt.Lines.Count; i++)
            {
                int number = excerpt.FirstLine + i;
                bool marked = number >= excerpt.MarkFrom && number <= excerpt.MarkTo;
                context.Raw(marked ? "<mark class=\"hr-line\">" : "<span class=\"hr-line\">");
                context.Raw("<span class=\"hr-ln\">");
                context.Text(number.ToString(System.Globalization.CultureInfo.InvariantCulture));
                context.Raw("</span>");
                context.Text(excerpt.Lines[i]);
                context.Raw(marked ? "</mark>" : "</span>");
            }

            context.Raw("</code></pre>");
        }

        context.Raw("</article>");
    }
}
