using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace ZoneGrowth.Data.Reading;

/// <summary>
/// Reads an RFC 4180 CSV file with CsvHelper: UTF-8 with or without BOM (anything else is an error
/// naming the line of the first bad byte, and a UTF-16 file is named as such), LF or CRLF, quoted
/// fields with commas, quotes, line breaks and Chinese text. Each record keeps the line it starts on.
/// Blank lines carry no data and are passed over.
/// </summary>
internal static class CsvTableReader
{
    public static RawTable Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (EncodingProblem(path, bytes) is { } problem)
        {
            return new RawTable(path, IsSpreadsheet: false, null, [], [problem]);
        }

        var issues = new List<ValidationIssue>();
        var rows = new List<RawRow>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            Delimiter = ",",
            DetectDelimiter = false,
            IgnoreBlankLines = true,
            TrimOptions = TrimOptions.None,
            Mode = CsvMode.RFC4180,
            MissingFieldFound = null,
            BadDataFound = args =>
            {
                // CsvHelper may call this more than once for one record (an unclosed quote): report it once.
                var line = LineOf(args.Context.Parser!);
                if (issues.Count == 0 || issues[^1].Location.Line != line)
                {
                    issues.Add(new ValidationIssue(new SourceLocation(path, line), args.RawRecord.TrimEnd('\r', '\n'), DataMessages.MalformedCsvRule, DataMessages.MalformedCsvAdvice));
                }
            },
        };

        using var reader = new StringReader(Utf8.GetString(bytes, Bom(bytes), bytes.Length - Bom(bytes)));
        using var parser = new CsvParser(reader, config);
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

        var header = rows.Count > 0 ? rows[0] : null;
        return new RawTable(path, IsSpreadsheet: false, header, rows.Skip(1).ToArray(), issues);
    }

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static int Bom(byte[] bytes) => bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;

    /// <summary>
    /// A UTF-16 byte-order mark, or the first byte sequence that is not UTF-8, reported at its line
    /// (1 + the line breaks before it) with the offending bytes; null for valid UTF-8.
    /// </summary>
    private static ValidationIssue? EncodingProblem(string path, byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new ValidationIssue(new SourceLocation(path, 1), bytes[0] == 0xFF ? "UTF-16 LE byte-order mark (FF FE)" : "UTF-16 BE byte-order mark (FE FF)", DataMessages.Utf16Rule, DataMessages.NotUtf8Advice);
        }

        var span = bytes.AsSpan(Bom(bytes));
        var offset = 0;
        while (offset < span.Length)
        {
            var status = System.Text.Unicode.Utf8.ToUtf16(span[offset..], new char[Math.Min(4096, (span.Length - offset) + 1)], out var read, out _, replaceInvalidSequences: false, isFinalBlock: true);
            if (status == System.Buffers.OperationStatus.Done)
            {
                return null;
            }

            offset += read;
            if (status == System.Buffers.OperationStatus.InvalidData || status == System.Buffers.OperationStatus.NeedMoreData)
            {
                var line = 1 + span[..offset].Count((byte)'\n');
                var bad = span.Slice(offset, Math.Min(4, span.Length - offset));
                return new ValidationIssue(new SourceLocation(path, line), DataMessages.Bytes(bad), DataMessages.NotUtf8Rule, DataMessages.NotUtf8Advice);
            }
        }

        return null;
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
