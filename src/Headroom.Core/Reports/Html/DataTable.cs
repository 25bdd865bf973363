namespace Headroom.Reports.Html;

/// <summary>A column of a <see cref="DataTable"/>; numeric columns are right-aligned.</summary>
public sealed record DataColumn(string Header, bool Numeric = false);

/// <summary>A row of a <see cref="DataTable"/>; a category colours it and makes it part of the page's highlighting.</summary>
public sealed record DataRow(IReadOnlyList<string> Cells, string? Category = null);

/// <summary>A plain table (scrolls sideways on a narrow screen).</summary>
public sealed class DataTable : IHtmlComponent
{
    public DataTable(string? caption, IReadOnlyList<DataColumn> columns, IReadOnlyList<DataRow> rows)
    {
        Caption = caption;
        Columns = columns;
        Rows = rows;
    }

    public string? Caption { get; }

    public IReadOnlyList<DataColumn> Columns { get; }

    public IReadOnlyList<DataRow> Rows { get; }

    public void Render(HtmlRenderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Raw("<div class=\"hr-table-wrap\"><table class=\"hr-table\">");
        if (Caption is not null)
        {
            context.Element("caption", null, Caption);
        }

        context.Raw("<thead><tr>");
        foreach (DataColumn column in Columns)
        {
            context.Raw("<th scope=\"col\"");
            if (column.Numeric)
            {
                context.Attribute("class", "hr-num");
            }

            context.Raw(">");
            context.Text(column.Header);
            context.Raw("</th>");
        }

        context.Raw("</tr></thead><tbody>");
        foreach (DataRow row in Rows)
        {
            context.Raw("<tr");
            if (row.Category is not null)
            {
                context.Attribute("class", "hr-cat " + HtmlText.CategoryClass(row.Category));
                context.Attribute("data-cat", row.Category);
            }

            context.Raw(">");
            for (int i = 0; i < Columns.Count; i++)
            {
                context.Raw("<td");
                if (Columns[i].Numeric)
                {
                    context.Attribute("class", "hr-num");
                }

                context.Raw(">");
                context.Text(i < row.Cells.Count ? row.Cells[i] : string.Empty);
                context.Raw("</td>");
            }

            context.Raw("</tr>");
        }

        context.Raw("</tbody></table></div>");
    }
}
