using System.Text.Json;
using Headroom.Reports;
using Headroom.Reports.Html;
using Headroom.Text;

namespace Headroom.Tests.Reports;

public sealed class HtmlReportTests
{
    private const string Hostile = "</script><script>alert(1)</script><!-- \u2028 & 'quote\"";

    [Fact]
    public void A_closing_script_tag_in_a_name_stays_inside_the_data()
    {
        var page = new HtmlReport("names");
        page.Section("tree").Add(new Treemap("bytes", SizeNode.Branch("root", [SizeNode.Leaf("app/" + Hostile, 10), SizeNode.Leaf("</SCRIPT >", 5)])));

        string html = page.ToString();

        JsonElement data = HtmlPage.Data(html);
        JsonElement root = data.GetProperty("tm-1").GetProperty("root");
        Assert.Equal("app/" + Hostile, root.GetProperty("k")[0].GetProperty("n").GetString());
        Assert.Equal("</SCRIPT >", root.GetProperty("k")[1].GetProperty("n").GetString());
        Assert.Equal(2, CountOf(html, "<script"));
        Assert.Equal(2, CountOf(html, "</script>"));
    }

    [Fact]
    public void Text_from_files_is_escaped_everywhere()
    {
        var source = new SourceText("FROM python:3.12\n# <b>bold</b> </xmp>\nRUN pip install torch\nCMD [\"x\"]\n");
        var page = new HtmlReport("t <i>itle</i>") { Subtitle = "<sub>" };
        page.Section("<hdr>")
            .Add(new FindingsList([new FindingsFile("a/<Dockerfile>", [new FindingEntry("error", "DF001", "cuda-torch-on-cpu-build", "pulls <torch> & co", 3, 1, SourceExcerpt.Of(source, 3, 3))])]))
            .Add(new DataTable("<cap>", [new("<col>")], [new DataRow(["<cell>"], "a\"b")]))
            .Add(new BarChart("<bars>", [new BarChartItem("<bar>", 5, "<cat>", "<detail>")]))
            .Add(new KeyFigures([new KeyFigure("<k>", "<v>", "<d>", "<tone>")]))
            .Add(new TextBlock("<p>", "<q>"));

        string html = page.ToString();

        foreach (string raw in (string[])["<i>", "<sub>", "<hdr>", "<Dockerfile>", "<torch>", "<b>", "</xmp>", "<cap>", "<col>", "<cell>", "<bars>", "<bar>", "<cat>", "<detail>", "<k>", "<v>", "<d>", "<tone>", "<p>", "<q>", "a\"b"])
        {
            Assert.DoesNotContain(raw, html, StringComparison.Ordinal);
        }

        Assert.Contains("&lt;b&gt;bold&lt;/b&gt; &lt;/xmp&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<mark class=\"hr-line\"><span class=\"hr-ln\">3</span>RUN pip install torch</mark>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"hr-ln\">1</span>FROM python:3.12", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_loads_nothing_from_outside()
    {
        var page = new HtmlReport("x");
        page.Section("a").Add(new TextBlock("see https://example.com for more"));
        page.Section("b").Add(new Treemap("t", SizeNode.Leaf("https://example.com/x.png", 1)));

        string html = page.ToString();

        Assert.Empty(HtmlPage.ExternalReferences(html));
        Assert.Contains("content=\"default-src 'none';", html, StringComparison.Ordinal);
        Assert.Contains("<nav class=\"hr-toc\"", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#s-1\">a</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_before_and_after_view_is_two_treemaps_in_columns()
    {
        var page = new HtmlReport("diff");
        page.Section("impact").Add(new Columns(
        [
            ("before", new Treemap("before", SizeNode.Branch("before", [SizeNode.Leaf("torch", 900, "cuda"), SizeNode.Leaf("app", 100)]))),
            ("after", new Treemap("after", SizeNode.Branch("after", [SizeNode.Leaf("torch", 200), SizeNode.Leaf("app", 100)]))),
        ]));

        string html = page.ToString();

        JsonElement data = HtmlPage.Data(html);
        Assert.Equal(["tm-1", "tm-2"], data.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1000, data.GetProperty("tm-1").GetProperty("root").GetProperty("b").GetInt64());
        Assert.Equal(300, data.GetProperty("tm-2").GetProperty("root").GetProperty("b").GetInt64());
        Assert.Contains("data-key=\"tm-2\"", html, StringComparison.Ordinal);
        Assert.Equal(2, CountOf(html, "<div class=\"hr-column\">"));
    }

    [Fact]
    public void Excerpts_clip_to_the_file_and_cap_long_spans()
    {
        var source = new SourceText(string.Join('\n', Enumerable.Range(1, 40).Select(i => "line " + i)));

        SourceExcerpt start = SourceExcerpt.Of(source, 1, 1);
        SourceExcerpt end = SourceExcerpt.Of(source, 40, 40);
        SourceExcerpt longSpan = SourceExcerpt.Of(source, 5, 35);

        Assert.Equal((1, 3), (start.FirstLine, start.Lines.Count));
        Assert.Equal((38, 3, "line 40"), (end.FirstLine, end.Lines.Count, end.Lines[^1]));
        Assert.Equal((5, 5 + SourceExcerpt.MaxMarkedLines - 1), (longSpan.MarkFrom, longSpan.MarkTo));
    }

    private static int CountOf(string text, string part)
    {
        int count = 0;
        for (int i = text.IndexOf(part, StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.OrdinalIgnoreCase))
        {
            count++;
        }

        return count;
    }
}
