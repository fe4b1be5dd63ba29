using System.Globalization;

namespace ZoneGrowth.Data;

/// <summary>
/// The stretch of the year a figure covers, as a number of months from January. Chinese statistics
/// publish year-to-date figures (累计): a first-quarter, first-half or January-to-August figure
/// covers the year from January, and its growth rate compares it with the same months of the year
/// before. Written in data files as <c>year</c> (or an empty cell), <c>Q1</c>, <c>H1</c>,
/// <c>Q1-Q3</c>, or <c>M1-Mn</c> for January to month n (<c>M1-M8</c>: 1-8月). The default value is
/// the whole year.
/// </summary>
public readonly record struct Period
{
    // Stored as the months short of a whole year, so that default(Period) is the whole year.
    private readonly int _monthsShort;

    private Period(int months) => _monthsShort = 12 - months;

    /// <summary>The whole calendar year (<c>year</c>, the default).</summary>
    public static Period Year { get; } = new(12);

    /// <summary>January to March (<c>Q1</c>, 一季度).</summary>
    public static Period FirstQuarter { get; } = new(3);

    /// <summary>January to June (<c>H1</c>, 上半年).</summary>
    public static Period FirstHalf { get; } = new(6);

    /// <summary>January to September (<c>Q1-Q3</c>, 前三季度).</summary>
    public static Period FirstThreeQuarters { get; } = new(9);

    /// <summary>The number of months from January the period covers, 1 to 12.</summary>
    public int Months => 12 - _monthsShort;

    /// <summary>Whether the period is the whole year.</summary>
    public bool IsWholeYear => Months == 12;

    /// <summary>The data-file spelling: <c>year</c>, <c>Q1</c>, <c>H1</c>, <c>Q1-Q3</c> or <c>M1-Mn</c>.</summary>
    public override string ToString() => Months switch
    {
        12 => "year",
        3 => "Q1",
        6 => "H1",
        9 => "Q1-Q3",
        _ => string.Create(CultureInfo.InvariantCulture, $"M1-M{Months}"),
    };

    /// <summary>Reads a period as data files spell it; an empty cell is the whole year.</summary>
    /// <returns><see langword="false"/> when <paramref name="text"/> is not a period word.</returns>
    public static bool TryParse(string text, out Period period)
    {
        period = Year;
        switch (text)
        {
            case "" or "year":
                return true;
            case "Q1":
                period = FirstQuarter;
                return true;
            case "H1":
                period = FirstHalf;
                return true;
            case "Q1-Q3":
                period = FirstThreeQuarters;
                return true;
        }

        if (text.StartsWith("M1-M", StringComparison.Ordinal)
            && int.TryParse(text.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var months)
            && months is >= 1 and <= 11 && text == string.Create(CultureInfo.InvariantCulture, $"M1-M{months}"))
        {
            period = new(months);
            return true;
        }

        return false;
    }
}
