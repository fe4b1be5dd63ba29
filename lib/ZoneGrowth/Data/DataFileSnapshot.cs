using System.Security.Cryptography;
using ZoneGrowth.Data.Reading;

namespace ZoneGrowth.Data;

/// <summary>
/// A data file's rows as text (a CSV's lines or a worksheet's rows), kept in <c>results.json</c> so that the next
/// vintage can say which rows were added, removed or changed (<see cref="DataFileDiff"/>), not only that the file's
/// hash moved.
/// </summary>
/// <param name="Sha256">The SHA-256 of the file's bytes (lower-case hex), as <see cref="DataFileInfo"/> gives it.</param>
/// <param name="Header">The header's cells.</param>
/// <param name="Rows">The data rows, in file order, each with its line (CSV) or row number (spreadsheet).</param>
public sealed record DataFileSnapshot(string Sha256, IReadOnlyList<string> Header, IReadOnlyList<DataFileRow> Rows)
{
    /// <summary>Reads a data file (CSV, or .xlsx with an optional <c>#Sheet</c>) as text rows.</summary>
    /// <returns>The snapshot, or <c>null</c> when the file is gone or cannot be read as a table.</returns>
    public static DataFileSnapshot? TryRead(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var (file, _) = TableReader.Split(path);
        if (!File.Exists(file))
        {
            return null;
        }

        var table = TableReader.Read(path);
        if (table.Header is null)
        {
            return null;
        }

        string hash;
        using (var stream = File.OpenRead(file))
        {
            hash = Convert.ToHexStringLower(SHA256.HashData(stream));
        }

        var width = table.Header.Cells.Count == 0 ? 0 : table.Header.Cells.Max(c => c.ColumnIndex) + 1;
        return new DataFileSnapshot(hash, Cells(table.Header, width), table.Rows.Select(r => new DataFileRow(r.Line, Cells(r, width))).ToArray());
    }

    private static string[] Cells(RawRow row, int width)
    {
        var cells = new string[Math.Max(width, row.Cells.Count == 0 ? 0 : row.Cells.Max(c => c.ColumnIndex) + 1)];
        Array.Fill(cells, string.Empty);
        foreach (var cell in row.Cells)
        {
            cells[cell.ColumnIndex] = cell.Text;
        }

        return cells;
    }
}

/// <summary>One data row of a <see cref="DataFileSnapshot"/>.</summary>
/// <param name="Line">Its line (CSV) or row number (spreadsheet).</param>
/// <param name="Cells">Its cells by column, as text.</param>
public sealed record DataFileRow(int Line, IReadOnlyList<string> Cells);
