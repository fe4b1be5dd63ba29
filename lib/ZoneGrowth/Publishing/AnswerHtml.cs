using System.Globalization;
using System.Net;
using System.Text;
using static System.Net.WebUtility;

namespace ZoneGrowth.Publishing;

/// <summary>
/// The one renderer of a <see cref="PublishedAnswer"/>: the block a notebook shows first, the run's <c>index.html</c>
/// opens with and a report prints, as a central bank's forecast box reads. The question; the headline with its
/// calibrated words in bold (and what P was, when compared); a small table of the choices it turns on, with P at
/// each end; where the spread comes from; what would settle it. What it is conditional on is folded below, for the
/// reader who opens it (and left out of print, where the verdict gives it in full). Styles are inline, so the block
/// reads the same in a notebook, in nbconvert's page and in a report.
/// </summary>
/// <remarks>It lives beside the contract, in the core library, because the notebooks' display layer and the runner's
/// reports both render answers and both already load this assembly.</remarks>
public static class AnswerHtml
{
    private const string BoxStyle = "font-family:inherit;font-size:1em;line-height:1.45;max-width:48em;border:1px solid #b9c9d9;border-left:6px solid #2a6ebb;background:#f5f9fd;padding:10px 16px;margin:8px 0";
    private const string CellStyle = "border:none;border-bottom:1px solid #d5e0eb;padding:3px 8px 3px 0;text-align:left;vertical-align:top;background:transparent";

    /// <summary>The answer block as HTML.</summary>
    public static string Render(PublishedAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var html = new StringBuilder();
        html.Append("<div class=\"zonegrowth zg-answer\" style=\"").Append(BoxStyle).Append("\">");
        html.Append("<p class=\"zg-question\" style=\"margin:0 0 6px 0;font-weight:bold\">").Append(HtmlEncode(answer.Question)).Append("</p>");
        html.Append("<p class=\"zg-headline\" style=\"margin:0 0 8px 0;font-size:1.3em\">").Append(Headline(answer)).Append("</p>");
        if (Was(answer) is { } was)
        {
            html.Append("<p class=\"zg-was\" style=\"margin:0 0 8px 0\">").Append(HtmlEncode(was)).Append("</p>");
        }

        if (answer.TurnsOn.Count > 0)
        {
            html.Append("<table class=\"zg-levers\" style=\"border-collapse:collapse;margin:0 0 8px 0;font-size:0.95em;width:100%\"><thead><tr>");
            foreach (var header in new[] { "It turns on", "Evidence", "P" })
            {
                html.Append("<th scope=\"col\" style=\"").Append(CellStyle).Append(";font-weight:bold;border-bottom:1px solid #8fa9c4\">").Append(header).Append("</th>");
            }

            html.Append("</tr></thead><tbody>");
            foreach (var lever in answer.TurnsOn)
            {
                html.Append("<tr><td style=\"").Append(CellStyle).Append("\">").Append(HtmlEncode(Capitalised(lever.Choice))).Append("</td>")
                    .Append("<td style=\"").Append(CellStyle).Append("\">").Append(HtmlEncode(lever.Evidence)).Append("</td>")
                    .Append("<td style=\"").Append(CellStyle).Append(";white-space:nowrap\">")
                    .Append(string.Join("<br>", lever.Cases.Select(c => HtmlEncode(Case(c)))))
                    .Append("</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        if (answer.Spread.Length > 0)
        {
            html.Append("<p class=\"zg-spread\" style=\"margin:0 0 6px 0\">").Append(HtmlEncode(answer.Spread)).Append("</p>");
        }

        if (answer.SettledBy.Length > 0)
        {
            html.Append("<p class=\"zg-settled\" style=\"margin:0 0 6px 0\"><strong>Settled by</strong> ").Append(HtmlEncode(answer.SettledBy)).Append("</p>");
        }

        if (answer.ConditionalOn.Length > 0 || answer.Probability is not null)
        {
            html.Append("<details class=\"zg-more\" style=\"margin:0;font-size:0.9em;color:#333\"><summary style=\"cursor:pointer;color:#2a5d8f\">What the answer is conditional on</summary>");
            if (answer.ConditionalOn.Length > 0)
            {
                html.Append("<p style=\"margin:4px 0\">").Append(HtmlEncode(Capitalised(answer.ConditionalOn))).Append("</p>");
            }

            if (answer.Probability is not null && answer.Words.Length > 0 && answer.Words is not ("met" or "not met"))
            {
                html.Append("<p style=\"margin:4px 0;color:#555\">Words on ").Append(HtmlEncode(PublishedAnswer.Scale)).Append(".</p>");
            }

            html.Append("</details>");
        }

        html.Append("</div>");
        return html.ToString();
    }

    /// <summary>The answer as plain text, one part per paragraph, in the block's order.</summary>
    public static string Text(PublishedAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var parts = new List<string> { answer.Question, answer.Headline };
        if (Was(answer) is { } was)
        {
            parts.Add(was);
        }

        if (answer.TurnsOn.Count > 0)
        {
            parts.Add("It turns on:" + string.Concat(answer.TurnsOn.Select(l => Environment.NewLine + "  - " + l)));
        }

        parts.AddRange(new[] { answer.Spread, answer.SettledBy.Length > 0 ? "Settled by " + answer.SettledBy : string.Empty, answer.ConditionalOn.Length > 0 ? "Conditional on " + answer.ConditionalOn : string.Empty }.Where(p => p.Length > 0));
        return string.Join(Environment.NewLine + Environment.NewLine, parts);
    }

    /// <summary>"Was P = 0.79 with the data compared (+3.8 points): GDP 2025 ... +3.8 points", or null when nothing is compared.</summary>
    public static string? Was(PublishedAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (answer.WasProbability is not { } was || answer.Probability is not { } p)
        {
            return null;
        }

        var moved = answer.Moved.Count > 0 ? ": " + string.Join("; ", answer.Moved) : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"Was P {KeyFigureText.ProbabilityIs(was)} ({KeyFigureText.Points(p - was)}){moved}.");
    }

    private static string Headline(PublishedAnswer answer)
    {
        var words = answer.Words;
        return words.Length > 0 && answer.Headline.StartsWith(words, StringComparison.OrdinalIgnoreCase)
            ? "<strong>" + HtmlEncode(answer.Headline[..words.Length]) + "</strong>" + HtmlEncode(answer.Headline[words.Length..])
            : HtmlEncode(answer.Headline);
    }

    private static string Case(AnswerCase c) => KeyFigureText.Number(c.Probability, "probability") + " " + c.Condition;

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

}
