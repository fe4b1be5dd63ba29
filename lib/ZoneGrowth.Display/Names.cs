using ZoneGrowth.Data;

namespace ZoneGrowth.Display;

/// <summary>
/// How indicators, series and units are named in captions, titles, axis titles and notes: by the catalog's
/// English name, never by the id a data file uses (ids are for code), and a unit written once.
/// </summary>
internal static class Names
{
    /// <summary>
    /// A unit as a reader sees it: its English name with the code the sources publish in, "100 million RMB (亿元)";
    /// just "count" or "percent" where the code is the English name (never "count (count)").
    /// </summary>
    public static string Unit(Unit unit) =>
        string.Equals(unit.Code, unit.EnglishName, StringComparison.OrdinalIgnoreCase) ? unit.EnglishName : $"{unit.EnglishName} ({unit.Code})";

    /// <summary>A series by name: "Gross domestic product (HHZ)".</summary>
    public static string Series(IndicatorDefinition indicator, string zone) => $"{indicator.EnglishName} ({zone})";

    /// <summary>Small counts in words ("three indicators"), larger ones in digits.</summary>
    public static string Count(int n) => n switch
    {
        2 => "two",
        3 => "three",
        4 => "four",
        5 => "five",
        6 => "six",
        7 => "seven",
        8 => "eight",
        9 => "nine",
        _ => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
