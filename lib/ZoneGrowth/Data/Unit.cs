namespace ZoneGrowth.Data;

/// <summary>
/// A unit of measurement from a table of units (<see cref="UnitTable"/>, <c>data/units.csv</c>).
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
    /// <summary>Equal when every field is, the aliases compared item by item (units read from two tables can be the same unit).</summary>
    public bool Equals(Unit? other) =>
        other is not null && Code == other.Code && EnglishName == other.EnglishName && Dimension == other.Dimension
        && FactorToBase == other.FactorToBase && Aliases.SequenceEqual(other.Aliases);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Code, Dimension, FactorToBase);

    /// <inheritdoc />
    public override string ToString() => Code;
}
