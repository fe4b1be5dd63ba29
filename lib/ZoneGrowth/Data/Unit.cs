namespace ZoneGrowth.Data;

/// <summary>
/// A unit of measurement from the table of known units (<see cref="Units"/>).
/// </summary>
/// <param name="Code">The canonical spelling used in data files and outputs, e.g. <c>亿元</c>.</param>
/// <param name="EnglishName">A spelled-out English name, e.g. "100 million RMB".</param>
/// <param name="Dimension">What the unit measures.</param>
/// <param name="FactorToBase">
/// How many base units one of this unit is (base: 1 yuan for money, 1 for counts, 1 percentage
/// point for percentages). Exact decimal, so conversions between money units are exact.
/// </param>
/// <param name="Aliases">Other spellings accepted in data files.</param>
public sealed record Unit(
    string Code,
    string EnglishName,
    UnitDimension Dimension,
    decimal FactorToBase,
    IReadOnlyList<string> Aliases)
{
    /// <inheritdoc />
    public override string ToString() => Code;
}
