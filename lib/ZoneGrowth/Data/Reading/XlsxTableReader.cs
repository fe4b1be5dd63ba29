using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ZoneGrowth.Data.Reading;

/// <summary>
/// Reads a worksheet of an Excel .xlsx workbook with the Open XML SDK, as Excel shows it: text
/// cells (shared or inline strings, rich text) their text; a formula its cached value; a number
/// with a date format the date (yyyy-MM-dd, or yyyy-MM / yyyy when the format shows no day / no
/// month); a number with a percent format the percentage Excel shows (0.789 shown as 78.9 % reads
/// 78.9); any other number to Excel's 15 significant digits, without the grouping or rounding of
/// its display format (2022.6 shown as "2,022.6" reads 2022.6). The first worksheet, or the one
/// named after a '#' in the path (<c>data.xlsx#Figures</c>). Rows with no non-empty cell carry no
/// data and are passed over.
/// </summary>
internal static class XlsxTableReader
{
    public static RawTable Read(string path, string? sheetName = null)
    {
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(path, isEditable: false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or FileFormatException)
        {
            return Failed(path, DataMessages.NotXlsxRule(e.Message));
        }

        using (document)
        {
            var workbookPart = document.WorkbookPart;
            var sheets = workbookPart?.Workbook.Sheets?.Elements<Sheet>().ToArray() ?? [];
            var sheet = sheetName is null ? sheets.FirstOrDefault() : sheets.FirstOrDefault(s => s.Name?.Value == sheetName);
            if (workbookPart is null || sheet?.Id?.Value is null)
            {
                return sheetName is null
                    ? Failed(path, DataMessages.NoWorksheetRule)
                    : Failed(path, DataMessages.NoSuchWorksheetRule(sheetName, sheets.Select(s => s.Name?.Value ?? string.Empty)));
            }

            var formats = new NumberFormats(workbookPart.WorkbookStylesPart?.Stylesheet);

            var worksheetPart = (WorksheetPart)workbookPart.GetPartById(sheet.Id.Value);
            var sharedStrings = workbookPart.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().ToArray() ?? [];
            var rows = new List<RawRow>();
            foreach (var row in worksheetPart.Worksheet.Descendants<Row>())
            {
                var rowNumber = (int)(row.RowIndex?.Value ?? (uint)(rows.Count + 1));
                var cells = new List<RawCell>();
                var nextColumn = 0;
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = nextColumn;
                    if (cell.CellReference?.Value is { } reference
                        && SpreadsheetColumns.TryParseReference(reference, out var parsed, out _))
                    {
                        column = parsed;
                    }

                    cells.Add(new RawCell(CellText(cell, sharedStrings, formats), column));
                    nextColumn = column + 1;
                }

                if (cells.Any(c => c.Text.Length > 0))
                {
                    rows.Add(new RawRow(rowNumber, cells));
                }
            }

            var header = rows.Count > 0 ? rows[0] : null;
            return new RawTable(path, IsSpreadsheet: true, header, rows.Skip(1).ToArray(), []);
        }
    }

    private static RawTable Failed(string path, string rule) =>
        new(path, IsSpreadsheet: true, null, [], [new ValidationIssue(new SourceLocation(path, 1), string.Empty, rule, DataMessages.NotXlsxAdvice)]);

    private static string CellText(Cell cell, SharedStringItem[] sharedStrings, NumberFormats formats)
    {
        var stored = cell.CellValue?.Text ?? string.Empty;
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(stored, out var index) && index >= 0 && index < sharedStrings.Length
                ? ItemText(sharedStrings[index])
                : stored;
        }

        if (type == CellValues.InlineString)
        {
            return cell.InlineString is { } inline ? ItemText(inline) : stored;
        }

        if (type == CellValues.Boolean)
        {
            return stored == "1" ? "TRUE" : "FALSE";
        }

        if ((type is null || type == CellValues.Number) && stored.Length > 0
            && double.TryParse(stored, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return formats.Show(number, cell.StyleIndex?.Value ?? 0);
        }

        return stored;
    }

    /// <summary>The visible text of a string item: its plain text or its rich-text runs, without phonetic guides.</summary>
    private static string ItemText(OpenXmlCompositeElement item)
    {
        var plain = item.GetFirstChild<Text>();
        return plain is not null
            ? plain.Text
            : string.Concat(item.Elements<Run>().Select(r => r.Text?.Text ?? string.Empty));
    }
}
