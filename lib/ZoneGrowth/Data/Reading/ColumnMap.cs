namespace ZoneGrowth.Data.Reading;

/// <summary>
/// Maps a table's header to the layout's column names, reporting missing, unknown and repeated
/// columns, and rows whose width does not match the header.
/// </summary>
internal sealed class ColumnMap
{
    private readonly RawTable _table;
    private readonly Dictionary<string, int> _indexOf;

    private ColumnMap(RawTable table, Dictionary<string, int> indexOf, bool isComplete)
    {
        _table = table;
        _indexOf = indexOf;
        IsComplete = isComplete;
    }

    /// <summary>Whether every required column is present, so that rows can be read.</summary>
    public bool IsComplete { get; }

    public static ColumnMap Create(RawTable table, IReadOnlyList<string> required, IReadOnlyList<string> optional, List<ValidationIssue> issues)
    {
        var indexOf = new Dictionary<string, int>(StringComparer.Ordinal);
        if (table.Header is null)
        {
            if (table.ReadIssues.Count == 0)
            {
                issues.Add(new ValidationIssue(new SourceLocation(table.File, 1), string.Empty, DataMessages.NoHeaderRule, DataMessages.ColumnsAdvice(required, optional)));
            }

            return new ColumnMap(table, indexOf, isComplete: false);
        }

        var known = required.Concat(optional).ToArray();
        foreach (var cell in table.Header.Cells)
        {
            var location = new SourceLocation(table.File, table.Header.Line, table.ColumnLabel(cell.ColumnIndex));
            if (cell.Text.Length == 0)
            {
                if (!table.IsSpreadsheet)
                {
                    issues.Add(new ValidationIssue(location, cell.Text, DataMessages.UnknownColumnRule(cell.Text, null), DataMessages.ColumnsAdvice(required, optional)));
                }

                continue;
            }

            if (!known.Contains(cell.Text, StringComparer.Ordinal))
            {
                var suggestion = known.FirstOrDefault(k => string.Equals(k, cell.Text.Trim(), StringComparison.OrdinalIgnoreCase));
                issues.Add(new ValidationIssue(location, cell.Text, DataMessages.UnknownColumnRule(cell.Text, suggestion), DataMessages.ColumnsAdvice(required, optional)));
            }
            else if (!indexOf.TryAdd(cell.Text, cell.ColumnIndex))
            {
                issues.Add(new ValidationIssue(location, cell.Text, DataMessages.DuplicateColumnRule(cell.Text), DataMessages.ColumnsAdvice(required, optional)));
            }
        }

        var missing = required.Where(r => !indexOf.ContainsKey(r)).ToArray();
        foreach (var column in missing)
        {
            issues.Add(new ValidationIssue(new SourceLocation(table.File, table.Header.Line), string.Empty, DataMessages.MissingColumnRule(column), DataMessages.ColumnsAdvice(required, optional)));
        }

        return new ColumnMap(table, indexOf, isComplete: missing.Length == 0);
    }

    /// <summary>Reports a row whose cells do not line up with the header; true when the row is usable.</summary>
    public bool CheckWidth(RawRow row, List<ValidationIssue> issues)
    {
        var header = _table.Header!;
        if (!_table.IsSpreadsheet)
        {
            if (row.Cells.Count == header.Cells.Count)
            {
                return true;
            }

            var advice = row.Cells.Count > header.Cells.Count && ThousandsSeparated(row) is { } number
                ? DataMessages.ThousandsSeparatorAdvice(number)
                : DataMessages.FieldCountAdvice;
            issues.Add(new ValidationIssue(new SourceLocation(_table.File, row.Line), string.Join(",", row.Cells.Select(c => c.Text)), DataMessages.FieldCountRule(row.Cells.Count, header.Cells.Count), advice));
            return false;
        }

        var headed = header.Cells.Where(c => c.Text.Length > 0).Select(c => c.ColumnIndex).ToHashSet();
        var stray = row.Cells.Where(c => c.Text.Length > 0 && !headed.Contains(c.ColumnIndex)).ToArray();
        foreach (var cell in stray)
        {
            issues.Add(new ValidationIssue(_table.Locate(row.Line, cell.ColumnIndex), cell.Text, DataMessages.NoHeaderValueRule, DataMessages.NoHeaderValueAdvice));
        }

        return stray.Length == 0;
    }

    /// <summary>The text of a column in a row, empty when the column or the cell is absent.</summary>
    public string Text(RawRow row, string column) =>
        _indexOf.TryGetValue(column, out var index)
            ? row.Cells.FirstOrDefault(c => c.ColumnIndex == index)?.Text ?? string.Empty
            : string.Empty;

    /// <summary>The location of a cell of a row by its position.</summary>
    public SourceLocation Locate(RawRow row, int columnIndex) => _table.Locate(row.Line, columnIndex);

    /// <summary>The location of a column in a row.</summary>
    public SourceLocation Locate(RawRow row, string column) =>
        _indexOf.TryGetValue(column, out var index)
            ? _table.Locate(row.Line, index)
            : new SourceLocation(_table.File, row.Line, string.Empty, column);

    /// <summary>The location of a column on a line of the table (for checks made after the rows were read).</summary>
    public SourceLocation Locate(int line, string column) =>
        _indexOf.TryGetValue(column, out var index)
            ? _table.Locate(line, index)
            : new SourceLocation(_table.File, line, string.Empty, column);

    /// <summary>
    /// One issue for a CSV file whose header is a single field holding tabs or semicolons: the file
    /// is separated by another character, and every other problem would follow from that.
    /// </summary>
    public static ValidationIssue? WrongSeparator(RawTable table) =>
        !table.IsSpreadsheet && table.Header is { Cells.Count: 1 } header && SeparatorIn(header.Cells[0].Text) is { } separator
            ? new ValidationIssue(new SourceLocation(table.File, header.Line), header.Cells[0].Text, DataMessages.WrongSeparatorRule(separator), DataMessages.WrongSeparatorAdvice)
            : null;

    /// <summary>A tab or semicolon in a header read as one field: the file's separator, if it is one of those.</summary>
    private static string? SeparatorIn(string header) =>
        header.Contains('\t', StringComparison.Ordinal) ? "tab" : header.Contains(';', StringComparison.Ordinal) ? "semicolon" : null;

    /// <summary>Two adjacent fields that read as one number with a thousands separator ("2" and "022.6"), joined; null when none do.</summary>
    private static string? ThousandsSeparated(RawRow row)
    {
        for (var i = 0; i + 1 < row.Cells.Count; i++)
        {
            var (head, tail) = (row.Cells[i].Text, row.Cells[i + 1].Text);
            if (head.Length is >= 1 and <= 3 && head.All(char.IsAsciiDigit)
                && tail.Length >= 3 && tail[..3].All(char.IsAsciiDigit) && (tail.Length == 3 || (tail[3] == '.' && tail[4..].All(char.IsAsciiDigit))))
            {
                return head + "," + tail;
            }
        }

        return null;
    }
}
