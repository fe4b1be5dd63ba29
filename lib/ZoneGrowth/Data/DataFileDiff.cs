using System.Globalization;
using static System.FormattableString;

namespace ZoneGrowth.Data;

/// <summary>
/// What changed between two vintages of a data file, row by row. Rows are matched by the columns that identify an
/// observation in the data layout (zone, indicator, year, period and basis, those the header has); a file without
/// zone, indicator and year columns is matched by whole rows. A row whose key is in both files but whose other
/// cells differ is changed; the rest are added or removed. Duplicate keys are matched in file order.
/// </summary>
/// <param name="Changes">Added rows (in the new file's order), then changed, then removed.</param>
public sealed record DataFileDiff(IReadOnlyList<DataRowChange> Changes)
{
    private static readonly string[] KeyColumns = ["zone", "indicator", "year", "period", "basis"];
    private static readonly string[] ValueColumns = ["value", "unit", "status"];

    /// <summary>Rows added.</summary>
    public int Added => Changes.Count(c => c.Kind == DataRowChangeKind.Added);

    /// <summary>Rows removed.</summary>
    public int Removed => Changes.Count(c => c.Kind == DataRowChangeKind.Removed);

    /// <summary>Rows changed.</summary>
    public int Changed => Changes.Count(c => c.Kind == DataRowChangeKind.Changed);

    /// <summary>Compares two vintages of a file.</summary>
    public static DataFileDiff Compare(DataFileSnapshot previous, DataFileSnapshot current)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        var keyBefore = KeyOf(previous.Header);
        var keyAfter = KeyOf(current.Header);
        var byKey = new Dictionary<string, Queue<DataFileRow>>(StringComparer.Ordinal);
        foreach (var row in previous.Rows)
        {
            var key = keyBefore(row);
            if (!byKey.TryGetValue(key, out var queue))
            {
                byKey[key] = queue = new Queue<DataFileRow>();
            }

            queue.Enqueue(row);
        }

        var added = new List<DataRowChange>();
        var changed = new List<DataRowChange>();
        foreach (var row in current.Rows)
        {
            var key = keyAfter(row);
            if (!byKey.TryGetValue(key, out var queue) || queue.Count == 0)
            {
                added.Add(new DataRowChange(DataRowChangeKind.Added, null, row.Line, Describe(current.Header, row), []));
                continue;
            }

            var before = queue.Dequeue();
            var cells = CellChanges(previous.Header, before, current.Header, row);
            if (cells.Count > 0)
            {
                changed.Add(new DataRowChange(DataRowChangeKind.Changed, before.Line, row.Line, KeyText(current.Header, row), cells));
            }
        }

        var removed = byKey.Values.SelectMany(q => q).OrderBy(r => r.Line)
            .Select(r => new DataRowChange(DataRowChangeKind.Removed, r.Line, null, Describe(previous.Header, r), []));
        return new DataFileDiff([.. added, .. changed, .. removed]);
    }

    /// <summary>In one line: <c>+1 row (line 60: HHZ digital_economy_revenue 2024: 6100 亿元, reported)</c>; empty when nothing changed.</summary>
    public override string ToString()
    {
        if (Changes.Count == 0)
        {
            return string.Empty;
        }

        var counts = new List<string>();
        if (Added > 0) counts.Add(Invariant($"+{Added} {(Added == 1 ? "row" : "rows")}"));
        if (Removed > 0) counts.Add(Invariant($"−{Removed} {(Removed == 1 ? "row" : "rows")}"));
        if (Changed > 0) counts.Add(Invariant($"{Changed} {(Changed == 1 ? "row" : "rows")} changed"));
        const int Shown = 5;
        var details = Changes.Take(Shown).Select(c => c.ToString()).ToList();
        if (Changes.Count > Shown)
        {
            details.Add(Invariant($"and {Changes.Count - Shown} more"));
        }

        return string.Join(", ", counts) + " (" + string.Join("; ", details) + ")";
    }

    private static Func<DataFileRow, string> KeyOf(IReadOnlyList<string> header)
    {
        var at = KeyColumns.Select(name => Index(header, name)).ToArray();
        if (at[0] < 0 || at[1] < 0 || at[2] < 0)
        {
            return row => string.Join("\u001f", row.Cells);
        }

        return row => string.Join("\u001f", at.Select(i => i < 0 || i >= row.Cells.Count ? string.Empty : row.Cells[i].Trim()));
    }

    private static string KeyText(IReadOnlyList<string> header, DataFileRow row)
    {
        var parts = KeyColumns.Select(name => Index(header, name)).Where(i => i >= 0 && i < row.Cells.Count).Select(i => row.Cells[i].Trim()).Where(t => t.Length > 0).ToArray();
        return parts.Length > 0 ? string.Join(" ", parts) : Shorten(string.Join(",", row.Cells));
    }

    private static string Describe(IReadOnlyList<string> header, DataFileRow row)
    {
        var values = ValueColumns.Select(name => Index(header, name)).Where(i => i >= 0 && i < row.Cells.Count).Select(i => row.Cells[i].Trim()).Where(t => t.Length > 0).ToArray();
        var key = KeyText(header, row);
        return values.Length == 0 ? key : key + ": " + (values.Length >= 2 ? values[0] + " " + values[1] + string.Concat(values.Skip(2).Select(v => ", " + v)) : values[0]);
    }

    private static List<DataCellChange> CellChanges(IReadOnlyList<string> headerBefore, DataFileRow before, IReadOnlyList<string> headerAfter, DataFileRow after)
    {
        var changes = new List<DataCellChange>();
        var columns = headerAfter.Select(h => h.Trim()).Concat(headerBefore.Select(h => h.Trim())).Where(h => h.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase);
        foreach (var column in columns)
        {
            var then = Cell(headerBefore, before, column);
            var now = Cell(headerAfter, after, column);
            if (!string.Equals(then, now, StringComparison.Ordinal))
            {
                changes.Add(new DataCellChange(column, then, now));
            }
        }

        return changes;
    }

    private static string Cell(IReadOnlyList<string> header, DataFileRow row, string column)
    {
        var i = Index(header, column);
        return i >= 0 && i < row.Cells.Count ? row.Cells[i].Trim() : string.Empty;
    }

    private static int Index(IReadOnlyList<string> header, string name)
    {
        for (var i = 0; i < header.Count; i++)
        {
            if (string.Equals(header[i].Trim(), name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    internal static string Shorten(string text) => text.Length <= 40 ? text : text[..39] + "…";

}

/// <summary>How a row differs between two vintages of a data file.</summary>
public enum DataRowChangeKind
{
    /// <summary>In the new file only.</summary>
    Added,

    /// <summary>In both, with some cell changed.</summary>
    Changed,

    /// <summary>In the old file only.</summary>
    Removed,
}

/// <summary>One row that differs between two vintages of a data file.</summary>
/// <param name="Kind">Added, changed or removed.</param>
/// <param name="PreviousLine">Its line in the old file, or <c>null</c> when added.</param>
/// <param name="Line">Its line in the new file, or <c>null</c> when removed.</param>
/// <param name="Row">The row in words: its key, and for an added or removed row its value, unit and status.</param>
/// <param name="Cells">For a changed row, the cells that changed.</param>
public sealed record DataRowChange(DataRowChangeKind Kind, int? PreviousLine, int? Line, string Row, IReadOnlyList<DataCellChange> Cells)
{
    /// <summary><c>line 60: HHZ gdp 2025: 3100 亿元, reported</c>; <c>line 12 changed: HHZ gdp 2023: value 2387.5 → 2390</c>; <c>line 9 removed: …</c>.</summary>
    public override string ToString() => Kind switch
    {
        DataRowChangeKind.Added => string.Create(CultureInfo.InvariantCulture, $"line {Line}: {Row}"),
        DataRowChangeKind.Removed => string.Create(CultureInfo.InvariantCulture, $"line {PreviousLine} removed: {Row}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"line {Line} changed: {Row}: {string.Join(", ", Cells.Select(c => c.ToString()))}"),
    };
}

/// <summary>One cell that changed.</summary>
/// <param name="Column">The column's header.</param>
/// <param name="Previous">Its old text (empty when the column is new).</param>
/// <param name="Current">Its new text (empty when the column is gone).</param>
public sealed record DataCellChange(string Column, string Previous, string Current)
{
    /// <summary><c>value 2387.5 → 2390</c>, long texts shortened.</summary>
    public override string ToString() => $"{Column} {Show(Previous)} → {Show(Current)}";

    private static string Show(string text) => text.Length == 0 ? "(empty)" : DataFileDiff.Shorten(text);
}
