using System.Globalization;
using System.Net;
using System.Text;
using ZoneGrowth.Publishing;
using static System.Net.WebUtility;

namespace ZoneGrowth.Display;

/// <summary>
/// A small HTML table builder for notebooks: a caption, a header row, body rows and notes under
/// the table. Every text is HTML-escaped; styling is inline so it survives any notebook front end.
/// </summary>
public sealed class Table
{
    private readonly List<IReadOnlyList<TableCell>> rows = [];
    private readonly List<(int Before, string Text, bool Heading)> spans = [];
    private readonly List<(string Text, bool Hint)> notes = [];

    /// <summary>Creates a table.</summary>
    /// <param name="caption">The caption shown above the table.</param>
    /// <param name="headers">The column headers.</param>
    public Table(string caption, params IReadOnlyList<string> headers)
    {
        ArgumentNullException.ThrowIfNull(caption);
        ArgumentNullException.ThrowIfNull(headers);
        Caption = caption;
        Headers = headers.ToArray();
    }

    /// <summary>The caption.</summary>
    public string Caption { get; }

    /// <summary>The column headers.</summary>
    public IReadOnlyList<string> Headers { get; }

    /// <summary>The body rows added so far.</summary>
    public IReadOnlyList<IReadOnlyList<TableCell>> Rows => rows;

    /// <summary>The notes added so far (shown under the table), hints among them.</summary>
    public IReadOnlyList<string> Notes => notes.Select(n => n.Text).ToArray();

    /// <summary>Adds a row of cells; it must have one cell per header.</summary>
    /// <exception cref="ArgumentException">The row has another number of cells than there are headers.</exception>
    public Table AddRow(params IReadOnlyList<TableCell> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Count != Headers.Count)
        {
            throw new ArgumentException(LibraryMessages.TableRowWidth(cells.Count, Headers), nameof(cells));
        }

        rows.Add(cells.ToArray());
        return this;
    }

    /// <summary>
    /// Adds a line across the whole table under the last row: a row's details (its quote, note and full source)
    /// in small grey type, which keeps the columns narrow without hiding anything.
    /// </summary>
    public Table AddDetail(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > 0)
        {
            spans.Add((rows.Count, text, false));
        }

        return this;
    }

    /// <summary>Adds a heading across the whole table before the next row: the start of a group of rows.</summary>
    public Table AddGroup(string heading)
    {
        ArgumentNullException.ThrowIfNull(heading);
        spans.Add((rows.Count, heading, true));
        return this;
    }

    /// <summary>Adds a note under the table (skipped when empty).</summary>
    public Table AddNote(string note)
    {
        if (!string.IsNullOrWhiteSpace(note))
        {
            notes.Add((note, false));
        }

        return this;
    }

    /// <summary>
    /// Adds a hint under the table about what the screen shows on hover (skipped when empty): it has the class
    /// <see cref="ReportMarkup.HintClass"/>, which a printed report leaves out, so paper never asks to hover.
    /// </summary>
    public Table AddHint(string hint)
    {
        if (!string.IsNullOrWhiteSpace(hint))
        {
            notes.Add((hint, true));
        }

        return this;
    }

    /// <summary>The table as an HTML fragment.</summary>
    public string ToHtml()
    {
        var sb = new StringBuilder();
        sb.AppendLine("<div class=\"zonegrowth\">");
        sb.AppendLine("<table style=\"border-collapse:collapse\">");
        sb.Append("<caption style=\"caption-side:top;text-align:left;font-weight:bold\">").Append(HtmlEncode(Caption)).AppendLine("</caption>");
        sb.Append("<thead><tr>");
        foreach (var header in Headers)
        {
            sb.Append("<th scope=\"col\" style=\"text-align:left;padding:2px 8px\">").Append(HtmlEncode(header)).Append("</th>");
        }

        sb.AppendLine("</tr></thead>");
        sb.AppendLine("<tbody>");
        var spanAt = 0;
        void Spans(int before)
        {
            for (; spanAt < spans.Count && spans[spanAt].Before == before; spanAt++)
            {
                // A group heading is a header cell, so it stays bold where a viewer strips inline styles (nbconvert's
                // sanitised view, GitHub).
                var (_, text, heading) = spans[spanAt];
                var columns = Headers.Count.ToString(CultureInfo.InvariantCulture);
                sb.Append(heading
                    ? "<tr style=\"background:transparent\"><th scope=\"rowgroup\" colspan=\"" + columns + "\" style=\"text-align:left;padding:6px 8px 2px 8px;border-top:1px solid #d0d7de\">" + HtmlEncode(text) + "</th></tr>"
                    : "<tr style=\"background:transparent\"><td colspan=\"" + columns + "\" style=\"text-align:left;padding:0 8px 4px 24px;font-size:smaller;color:#57606a;overflow-wrap:anywhere\">" + HtmlEncode(text) + "</td></tr>").AppendLine();
            }
        }

        for (var r = 0; r <= rows.Count; r++)
        {
            Spans(r);
            if (r == rows.Count)
            {
                break;
            }

            var row = rows[r];
            // No stripes: JupyterLab's style (nbconvert's too) shades every other row grey, which would read as the
            // grey that marks estimates. A transparent row shows the page's own background, light or dark.
            sb.Append("<tr style=\"background:transparent\">");
            foreach (var cell in row)
            {
                sb.Append("<td style=\"padding:2px 8px");
                if (cell.HasValidBackground)
                {
                    sb.Append(";background-color:").Append(cell.Background);
                }

                if (cell.Italic)
                {
                    sb.Append(";font-style:italic");
                }

                // Every cell says its alignment: front ends' own styles differ (JupyterLab's, which nbconvert uses,
                // right-aligns every cell).
                sb.Append(cell.Numeric ? ";text-align:right;white-space:nowrap" : ";text-align:left");

                sb.Append('"');
                if (cell.Tooltip is not null)
                {
                    sb.Append(" title=\"").Append(HtmlEncode(cell.Tooltip)).Append('"');
                }

                if (cell.Source is not null)
                {
                    sb.Append(' ').Append(ReportMarkup.SourceAttribute).Append("=\"").Append(HtmlEncode(cell.Source)).Append('"');
                }

                sb.Append('>').Append(HtmlEncode(cell.Text)).Append("</td>");
            }

            sb.AppendLine("</tr>");
        }

        sb.AppendLine("</tbody>");
        sb.AppendLine("</table>");
        foreach (var (note, hint) in notes)
        {
            sb.Append(hint ? "<p class=\"" + ReportMarkup.HintClass + "\" style=\"font-size:smaller;margin:2px 0\">" : "<p style=\"font-size:smaller;margin:2px 0\">").Append(HtmlEncode(note)).AppendLine("</p>");
        }

        sb.AppendLine("</div>");
        return sb.ToString();
    }

    /// <inheritdoc cref="ToHtml"/>
    public override string ToString() => ToHtml();

}
