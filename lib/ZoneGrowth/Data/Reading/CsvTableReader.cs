using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace ZoneGrowth.Data.Reading;

/// <summary>
/// Reads an RFC 4180 CSV file with CsvHelper: UTF-8 with or without BOM (invalid UTF-8 is an
/// error), LF or CRLF, quoted fields with commas, quotes, line breaks and Chinese text. Each record
/// keeps the line it starts on. Blank lines carry no data and are passed over.
/// </summary>
internal static class CsvTableReader
{
    public static RawTable Read(string path)
    {
        var issues = new List<ValidationIssue>();
        var rows = new List<RawRow>();
        var strictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            Delimiter = ",",
            DetectDelimiter = false,
            IgnoreBlankLines = true,
            TrimOptions = TrimOptions.None,
            Mode = CsvMode.RFC4180,
            MissingFieldFound = null,
            BadDataFound = args => issues.Add(new ValidationIssue(
                new SourceLocation(path, LineOf(args.Context.Parser!)),
                args.RawRecord.TrimEnd('\r', '\n'),
                DataMessages.MalformedCsvRule,
                DataMessages.MalformedCsvAdvice)),
        };

        using var stream = File.OpenRead(path);
        using var reader = new StreamReader(stream, strictUtf8, detectEncodingFromByteOrderMarks: true);
        using var parser = new CsvParser(reader, config);
        try
        {
            while (parser.Read())
            {
                var record = parser.Record ?? [];
                var cells = new RawCell[record.Length];
                for (var i = 0; i < record.Length; i++)
                {
                    cells[i] = new RawCell(record[i], i);
                }

                rows.Add(new RawRow(LineOf(parser), cells));
            }
        }
        catch (DecoderFallbackException)
        {
            var line = rows.Count == 0 ? 1 : rows[^1].Line + 1;
            issues.Add(new ValidationIssue(
                new SourceLocation(path, line), string.Empty, DataMessages.NotUtf8Rule, DataMessages.NotUtf8Advice));
        }

        var header = rows.Count > 0 ? rows[0] : null;
        return new RawTable(path, IsSpreadsheet: false, header, rows.Skip(1).ToArray(), issues);
    }

    /// <summary>
    /// The line a record starts on. CsvHelper counts raw lines read up to the end of the record;
    /// a quoted field with line breaks spans several, so count back over them.
    /// </summary>
    private static int LineOf(IParser parser)
    {
        var raw = parser.RawRecord.TrimEnd('\r', '\n');
        var breaks = raw.Count(c => c == '\n');
        return parser.RawRow - breaks;
    }
}
