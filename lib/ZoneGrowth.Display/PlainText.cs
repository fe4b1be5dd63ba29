using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ZoneGrowth.Publishing;

namespace ZoneGrowth.Display;

/// <summary>
/// The <c>text/plain</c> part of the display layer's HTML: what Jupyter's console, a plain-text viewer or a diff of
/// the notebook shows. Tables are laid out in columns (a wide character such as 亿 counts two), a cell longer than
/// <see cref="CellWidth"/> wraps at spaces, numbers are right-aligned as in the HTML, a group heading stands on its
/// own line and a row's details line is indented under it. Headings, paragraphs, list items and the summary of a
/// folded section are lines of their own; hints about hovering are left out; tags are dropped and entities decoded.
/// It reads the display layer's own
/// HTML (well formed, no scripts), not any page.
/// </summary>
internal static partial class PlainText
{
    /// <summary>The widest a table cell is laid out, in columns, before it wraps.</summary>
    public const int CellWidth = 40;

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "header", "footer", "details", "summary", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "dl", "dt", "dd", "figure", "figcaption",
    };

    /// <summary>The text of <paramref name="html"/>.</summary>
    public static string From(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var source = Skipped().Replace(html, " ");
        var writer = new Writer();
        var at = 0;
        foreach (Match tag in Tag().Matches(source))
        {
            writer.Text(source[at..tag.Index]);
            at = tag.Index + tag.Length;
            writer.Tag(tag.Groups["name"].Value.ToLowerInvariant(), tag.Groups["close"].Length > 0, tag.Groups["attributes"].Value);
        }

        return writer.Finish(source[at..]);
    }

    /// <summary>The columns <paramref name="text"/> takes in a monospaced font: two for East Asian wide characters.</summary>
    internal static int Width(string text)
    {
        var width = 0;
        var e = StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext())
        {
            var c = char.ConvertToUtf32(e.GetTextElement(), 0);
            width += c is >= 0x1100 and <= 0x115F or >= 0x2E80 and <= 0xA4CF or >= 0xAC00 and <= 0xD7A3 or >= 0xF900 and <= 0xFAFF
                or >= 0xFE30 and <= 0xFE4F or >= 0xFF00 and <= 0xFF60 or >= 0xFFE0 and <= 0xFFE6 or >= 0x20000 and <= 0x3FFFD ? 2 : 1;
        }

        return width;
    }

    private sealed class Writer
    {
        private readonly List<string> _lines = [];
        private readonly StringBuilder _line = new();
        private Grid? _table;
        private int _tableDepth;
        private bool _inCaption;
        private string? _skipping;

        public void Text(string raw)
        {
            if (raw.Length == 0 || _skipping is not null)
            {
                return;
            }

            var text = Space().Replace(WebUtility.HtmlDecode(raw), " ");
            if (_table is not null && _tableDepth == 1)
            {
                if (_inCaption)
                {
                    _table.Caption.Append(text);
                }
                else
                {
                    _table.Current?.Text.Append(text);
                }

                return;
            }

            _line.Append(text);
        }

        public void Tag(string name, bool close, string attributes)
        {
            // A hint about hovering has no place where nothing can be hovered over.
            if (_skipping is not null)
            {
                _skipping = close && name == _skipping ? null : _skipping;
                return;
            }

            if (!close && attributes.Contains("class=\"" + ReportMarkup.HintClass + "\"", StringComparison.Ordinal))
            {
                _skipping = name;
                return;
            }

            if (name == "table")
            {
                if (!close)
                {
                    _tableDepth++;
                    if (_tableDepth == 1)
                    {
                        Flush();
                        _table = new Grid();
                    }
                }
                else if (_tableDepth > 0 && --_tableDepth == 0 && _table is not null)
                {
                    if (_lines.Count > 0 && _lines[^1].Length > 0)
                    {
                        _lines.Add(string.Empty);
                    }

                    _lines.AddRange(_table.Lines());
                    _lines.Add(string.Empty);
                    _table = null;
                }

                return;
            }

            if (_table is not null && _tableDepth == 1)
            {
                InTable(name, close, attributes);
                return;
            }

            if (name == "br")
            {
                Flush();
            }
            else if (Blocks.Contains(name))
            {
                Flush();
                if (!close && name == "li")
                {
                    _line.Append("- ");
                }
            }
        }

        private void InTable(string name, bool close, string attributes)
        {
            switch (name)
            {
                case "caption":
                    _inCaption = !close;
                    break;
                case "thead":
                    _table!.InHead = !close;
                    break;
                case "tr" when !close:
                    _table!.Rows.Add(new Row(_table.InHead));
                    break;
                case "td" or "th" when !close:
                    if (_table!.Rows.Count == 0)
                    {
                        _table.Rows.Add(new Row(_table.InHead));
                    }

                    var colspan = ColSpan().Match(attributes) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 1;
                    _table.Rows[^1].Cells.Add(new Cell(colspan, attributes.Contains("text-align:right", StringComparison.Ordinal), name == "th" && attributes.Contains("rowgroup", StringComparison.Ordinal)));
                    break;
                case "br" or "p" or "div" or "li":
                    _table!.Current?.Text.Append(' ');
                    break;
            }
        }

        private void Flush()
        {
            var text = _line.ToString().Trim();
            _line.Clear();
            if (text.Length > 0)
            {
                _lines.Add(text);
            }
        }

        public string Finish(string rest)
        {
            Text(rest);
            Flush();
            var lines = _lines.Select(l => l.TrimEnd()).ToList();
            // No blank line first or last, and never two in a row.
            var kept = lines.Where((l, i) => l.Length > 0 || (i > 0 && lines[i - 1].Length > 0)).ToList();
            while (kept.Count > 0 && kept[^1].Length == 0)
            {
                kept.RemoveAt(kept.Count - 1);
            }

            return string.Join("\n", kept.SkipWhile(l => l.Length == 0));
        }
    }

    private sealed class Grid
    {
        public StringBuilder Caption { get; } = new();

        public List<Row> Rows { get; } = [];

        public bool InHead { get; set; }

        public Cell? Current => Rows.Count > 0 && Rows[^1].Cells.Count > 0 ? Rows[^1].Cells[^1] : null;

        public IEnumerable<string> Lines()
        {
            var caption = Caption.ToString().Trim();
            if (caption.Length > 0)
            {
                yield return caption;
            }

            var columns = Rows.Select(r => r.Cells.Sum(c => c.ColSpan)).DefaultIfEmpty(0).Max();
            // A heading or a row's details line: one cell across the table, on a line of its own.
            bool Across(Row r) => r.Cells.Count == 1 && r.Cells[0].ColSpan > 1 && columns > 1;
            var rows = Rows.Where(r => r.Cells.Count > 0).ToList();
            var widths = new int[columns];
            foreach (var row in rows.Where(r => !Across(r)))
            {
                var k = 0;
                foreach (var cell in row.Cells)
                {
                    if (cell.ColSpan == 1 && k < columns)
                    {
                        widths[k] = Math.Max(widths[k], cell.Wrapped().Select(Width).DefaultIfEmpty(0).Max());
                    }

                    k += cell.ColSpan;
                }
            }

            var ruleDue = rows.Any(r => r.Head);
            foreach (var row in rows)
            {
                if (!row.Head && ruleDue)
                {
                    ruleDue = false;
                    yield return string.Join("  ", widths.Select(w => new string('-', Math.Max(w, 1))));
                }

                if (Across(row))
                {
                    var cell = row.Cells[0];
                    yield return (cell.Group ? string.Empty : "    ") + cell.Content;
                    continue;
                }

                var wrapped = row.Cells.Select(c => c.Wrapped()).ToList();
                for (var line = 0; line < wrapped.Max(w => w.Count); line++)
                {
                    var text = new StringBuilder();
                    var k = 0;
                    for (var i = 0; i < row.Cells.Count; i++)
                    {
                        var width = Enumerable.Range(k, Math.Min(row.Cells[i].ColSpan, columns - k)).Sum(j => widths[j]) + (2 * (row.Cells[i].ColSpan - 1));
                        var part = line < wrapped[i].Count ? wrapped[i][line] : string.Empty;
                        var pad = new string(' ', Math.Max(width - Width(part), 0));
                        text.Append(i > 0 ? "  " : string.Empty).Append(row.Cells[i].Right ? pad + part : part + pad);
                        k += row.Cells[i].ColSpan;
                    }

                    yield return text.ToString().TrimEnd();
                }
            }
        }
    }

    private sealed record Row(bool Head)
    {
        public List<Cell> Cells { get; } = [];
    }

    private sealed record Cell(int ColSpan, bool Right, bool Group)
    {
        public StringBuilder Text { get; } = new();

        public string Content => Space().Replace(Text.ToString(), " ").Trim();

        /// <summary>The cell's lines, wrapped at spaces within <see cref="CellWidth"/> columns (a longer word stands whole).</summary>
        public IReadOnlyList<string> Wrapped()
        {
            var lines = new List<string>();
            var line = new StringBuilder();
            foreach (var word in Content.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (line.Length > 0 && Width(line.ToString()) + 1 + Width(word) > CellWidth)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                }

                line.Append(line.Length > 0 ? " " : string.Empty).Append(word);
            }

            lines.Add(line.ToString());
            return lines;
        }
    }

    [GeneratedRegex(@"<(?<close>/?)(?<name>[a-zA-Z][a-zA-Z0-9]*)(?<attributes>[^>]*)>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"<!--.*?-->|<(script|style)\b[^>]*>.*?</\1\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Skipped();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();

    [GeneratedRegex(@"colspan\s*=\s*""?(\d+)")]
    private static partial Regex ColSpan();
}
