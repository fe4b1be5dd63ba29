using System.Globalization;

namespace ZoneGrowth.Data;

/// <summary>Where a value was read: file, line (spreadsheet row) and column.</summary>
/// <param name="File">The file's path as it was given.</param>
/// <param name="Line">1-based line of a CSV file where the record starts, or the spreadsheet row number.</param>
/// <param name="Column">
/// The column as the file's own tools name it: a 1-based field number for CSV ("4"), a letter for
/// a spreadsheet ("D"). Empty when the location is a whole line.
/// </param>
/// <param name="ColumnName">The header of that column, when there is one.</param>
public sealed record SourceLocation(string File, int Line, string Column = "", string? ColumnName = null)
{
    /// <summary>Reads as "data/x.csv, line 12, column 4 (value)".</summary>
    public override string ToString()
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{File}, line {Line}");
        if (Column.Length > 0)
        {
            text += ColumnName is null ? $", column {Column}" : $", column {Column} ({ColumnName})";
        }

        return text;
    }
}
