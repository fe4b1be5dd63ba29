using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ZoneGrowth.Tests.Data;

/// <summary>
/// Writes small .xlsx fixtures as Excel does: text in the shared-string table, numbers as numeric
/// cells holding their shortest round-trip text.
/// </summary>
internal static class XlsxWriter
{
    /// <summary>Each row's cells: a string becomes a text cell, a double a number cell, null no cell.</summary>
    public static string Write(IReadOnlyList<object?[]> rows)
    {
        var path = TestFiles.Temporary([], ".xlsx");
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var strings = workbookPart.AddNewPart<SharedStringTablePart>();
        strings.SharedStringTable = new SharedStringTable();
        var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
        var sheetData = new SheetData();
        worksheetPart.Worksheet = new Worksheet(sheetData);
        var index = new Dictionary<string, int>();
        for (var r = 0; r < rows.Count; r++)
        {
            var row = new Row { RowIndex = (uint)(r + 1) };
            for (var c = 0; c < rows[r].Length; c++)
            {
                var reference = ColumnLetter(c) + (r + 1).ToString(CultureInfo.InvariantCulture);
                switch (rows[r][c])
                {
                    case null:
                        break;
                    case double number:
                        row.Append(new Cell { CellReference = reference, CellValue = new CellValue(number.ToString("R", CultureInfo.InvariantCulture)) });
                        break;
                    case string text:
                        if (!index.TryGetValue(text, out var i))
                        {
                            i = index.Count;
                            index[text] = i;
                            strings.SharedStringTable.Append(new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
                        }

                        row.Append(new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(i.ToString(CultureInfo.InvariantCulture)) });
                        break;
                }
            }

            sheetData.Append(row);
        }

        var sheets = workbookPart.Workbook.AppendChild(new Sheets());
        sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(worksheetPart), SheetId = 1, Name = "data" });
        workbookPart.Workbook.Save();
        return path;
    }

    private static string ColumnLetter(int index) => ((char)('A' + index)).ToString();
}
