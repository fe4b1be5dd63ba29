namespace ZoneGrowth.Data.Reading;

/// <summary>Spreadsheet column letters (A, B, ..., Z, AA, ...) and cell references (D12).</summary>
internal static class SpreadsheetColumns
{
    /// <summary>0 → "A", 25 → "Z", 26 → "AA".</summary>
    public static string ToLetters(int columnIndex)
    {
        var letters = string.Empty;
        for (var n = columnIndex + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }

    /// <summary>Splits "D12" into column index 3 and row 12; false when it is not a cell reference.</summary>
    public static bool TryParseReference(string reference, out int columnIndex, out int row)
    {
        columnIndex = -1;
        row = 0;
        var i = 0;
        var column = 0;
        while (i < reference.Length && reference[i] is >= 'A' and <= 'Z')
        {
            column = (column * 26) + (reference[i] - 'A' + 1);
            i++;
        }

        if (i == 0 || i == reference.Length || !int.TryParse(reference.AsSpan(i), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out row))
        {
            return false;
        }

        columnIndex = column - 1;
        return true;
    }
}
