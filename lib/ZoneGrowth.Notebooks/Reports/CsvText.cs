using System.Text;

namespace ZoneGrowth.Notebooks.Reports;

/// <summary>
/// Writes rows of text cells as RFC 4180 CSV: records end in CRLF; a field holding a comma, a double quote, a CR or an
/// LF is enclosed in double quotes, with each double quote inside doubled; every other field is written as it is
/// (spaces are part of the field). A record of one empty field is written <c>""</c>, so that it is not read as a blank
/// line. UTF-8 without a byte-order mark.
/// </summary>
internal static class CsvText
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The CSV text of a header and its rows.</summary>
    public static string Format(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var text = new StringBuilder();
        AppendRecord(text, header);
        foreach (var row in rows)
        {
            AppendRecord(text, row);
        }

        return text.ToString();
    }

    /// <summary>Writes a header and its rows to a file (UTF-8, no byte-order mark), replacing it.</summary>
    public static void Write(string path, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows) =>
        File.WriteAllText(path, Format(header, rows), Utf8);

    /// <summary>One field as RFC 4180 requires it.</summary>
    public static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static void AppendRecord(StringBuilder text, IReadOnlyList<string> cells)
    {
        if (cells.Count == 1 && cells[0].Length == 0)
        {
            text.Append("\"\"");
        }
        else
        {
            for (var i = 0; i < cells.Count; i++)
            {
                text.Append(i == 0 ? "" : ",").Append(Field(cells[i]));
            }
        }

        text.Append("\r\n");
    }
}
