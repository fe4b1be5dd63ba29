using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ZoneGrowth.Data.Reading;

/// <summary>
/// Reads the first worksheet of an Excel .xlsx workbook with the Open XML SDK. A number cell
/// gives the exact text Excel stored (so nothing is rounded on the way), a text cell its text.
/// Rows with no non-empty cell carry no data and are passed over.
/// </summary>
internal static class XlsxTableReader
{
    public static RawTable Read(string path)
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
            var sheet = workbookPart?.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault();
            if (workbookPart is null || sheet?.Id?.Value is null)
            {
                return Failed(path, DataMessages.NoWorksheetRule);
            }

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

                    cells.Add(new RawCell(CellText(cell, sharedStrings), column));
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

    private static string CellText(Cell cell, SharedStringItem[] sharedStrings)
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
