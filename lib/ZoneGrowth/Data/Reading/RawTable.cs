namespace ZoneGrowth.Data.Reading;

/// <summary>One cell as read, before any interpretation.</summary>
internal sealed record RawCell(string Text, int ColumnIndex);

/// <summary>One record: its line (CSV) or row number (spreadsheet) and its cells by position.</summary>
internal sealed record RawRow(int Line, IReadOnlyList<RawCell> Cells);

/// <summary>
/// A file read as text cells with their positions: the common ground of the CSV and spreadsheet
/// readers, so that one validator serves both.
/// </summary>
internal sealed record RawTable(
    string File,
    bool IsSpreadsheet,
    RawRow? Header,
    IReadOnlyList<RawRow> Rows,
    IReadOnlyList<ValidationIssue> ReadIssues)
{
    /// <summary>The column as the file's tools name it: "4" in a CSV, "D" in a spreadsheet.</summary>
    public string ColumnLabel(int columnIndex) =>
        IsSpreadsheet ? SpreadsheetColumns.ToLetters(columnIndex) : (columnIndex + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The location of a cell, naming its header when there is one.</summary>
    public SourceLocation Locate(int line, int columnIndex)
    {
        string? name = null;
        if (Header is not null)
        {
            var headerCell = Header.Cells.FirstOrDefault(c => c.ColumnIndex == columnIndex);
            if (headerCell is not null && headerCell.Text.Length > 0)
            {
                name = headerCell.Text;
            }
        }

        return new SourceLocation(File, line, ColumnLabel(columnIndex), name);
    }
}
