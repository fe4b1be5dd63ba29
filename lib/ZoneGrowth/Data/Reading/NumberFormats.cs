using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ZoneGrowth.Data.Reading;

/// <summary>
/// The number formats of a workbook's cell styles, enough to read a number as Excel shows it for
/// this layout: a date, a percentage, or a plain number at Excel's 15 significant digits.
/// </summary>
internal sealed partial class NumberFormats
{
    // Built-in format ids (ECMA-376 Part 1, 18.8.30): 9, 10 percent; 14-22 and 45-47 dates and times.
    private static readonly HashSet<uint> BuiltInPercent = [9, 10];
    private static readonly HashSet<uint> BuiltInDate = [14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47];

    private readonly uint[] _formatIdByStyle;
    private readonly Dictionary<uint, string> _customCodes;

    public NumberFormats(Stylesheet? stylesheet)
    {
        _formatIdByStyle = stylesheet?.CellFormats?.Elements<CellFormat>().Select(f => f.NumberFormatId?.Value ?? 0).ToArray() ?? [];
        _customCodes = stylesheet?.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null && f.FormatCode?.Value is not null)
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value!) ?? [];
    }

    [GeneratedRegex("\"[^\"]*\"|\\[[^\\]]*\\]|\\\\.", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedOrBracketed();

    /// <summary>The text of a number as Excel shows it, for the purposes of this layout.</summary>
    public string Show(double number, uint styleIndex)
    {
        var id = styleIndex < _formatIdByStyle.Length ? _formatIdByStyle[styleIndex] : 0;
        var code = _customCodes.GetValueOrDefault(id);
        var bare = code is null ? string.Empty : QuotedOrBracketed().Replace(code, string.Empty).ToLowerInvariant();
        if (BuiltInDate.Contains(id) || (code is not null && bare.IndexOfAny(['y', 'd']) >= 0))
        {
            return ShowDate(number, id, bare);
        }

        if (BuiltInPercent.Contains(id) || bare.Contains('%', StringComparison.Ordinal))
        {
            return Plain(number * 100);
        }

        return Plain(number);
    }

    /// <summary>Excel's 15 significant digits, without exponent for ordinary magnitudes.</summary>
    private static string Plain(double number)
    {
        var rounded = double.Parse(number.ToString("G15", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return Math.Abs(rounded) < 1e15
            ? ((decimal)rounded).ToString(CultureInfo.InvariantCulture)
            : rounded.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>A date serial (1900 date system) as yyyy-MM-dd, or yyyy-MM / yyyy when the format shows no day / month.</summary>
    private static string ShowDate(double serial, uint id, string bare)
    {
        if (!(serial >= 1 && serial < 2958466))
        {
            return Plain(serial);
        }

        var date = DateTime.FromOADate(serial);
        var showsDay = BuiltInDate.Contains(id) || bare.Contains('d', StringComparison.Ordinal);
        var showsMonth = showsDay || bare.Contains('m', StringComparison.Ordinal);
        return date.ToString(showsDay ? "yyyy-MM-dd" : showsMonth ? "yyyy-MM" : "yyyy", CultureInfo.InvariantCulture);
    }
}
