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
    /// <summary>A formula cell with the value Excel cached for it.</summary>
    public sealed record Formula(string Expression, double Cached);

    /// <summary>A text cell written inline (not in the shared-string table), as some exporters do.</summary>
    public sealed record Inline(string Text);

    /// <summary>
    /// Each row's cells: a string becomes a shared-string cell, a double a number cell, a
    /// <see cref="Formula"/> a formula with its cached value, an <see cref="Inline"/> an inline string, null no cell.
    /// </summary>
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
                    case Formula formula:
                        row.Append(new Cell { CellReference = reference, CellFormula = new CellFormula(formula.Expression), CellValue = new CellValue(formula.Cached.ToString("R", CultureInfo.InvariantCulture)) });
                        break;
                    case Inline inline:
                        row.Append(new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(inline.Text)) });
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
