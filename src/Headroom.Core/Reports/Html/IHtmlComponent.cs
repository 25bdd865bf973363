namespace Headroom.Reports.Html;

/// <summary>A part of an <see cref="HtmlReport"/> section: writes its markup, and its data (if any) into the page's JSON blob.</summary>
public interface IHtmlComponent
{
    void Render(HtmlRenderContext context);
}
