using System.Globalization;

namespace ZoneGrowth.Data;

/// <summary>
/// The workbook's units (<see cref="UnitTable.Default"/>, from <c>data/units.csv</c>) by name, and exact
/// conversions between units of the same dimension. A data set uses the <c>units.csv</c> beside its catalog
/// (<see cref="IndicatorCatalog.Units"/>); a unit that is in no row is an error, never a guess.
/// </summary>
public static class Units
{
    /// <summary>100 million yuan (亿元), the unit Chinese statistics publish in: 1 亿元 = 0.1 billion RMB.</summary>
    public static Unit HundredMillionYuan => UnitTable.Default["亿元"];

    /// <summary>1 billion yuan (十亿元) = 10 亿元.</summary>
    public static Unit BillionYuan => UnitTable.Default["十亿元"];

    /// <summary>A count of things (家, 个, 件).</summary>
    public static Unit Count => UnitTable.Default["count"];

    /// <summary>Percent (a share or a growth rate, in percentage points).</summary>
    public static Unit Percent => UnitTable.Default["percent"];

    /// <summary>Every unit of the workbook's table.</summary>
    public static IReadOnlyList<Unit> All => UnitTable.Default.All;

    /// <summary>Finds a unit of the workbook's table by its code or one of its aliases (exact spelling).</summary>
    public static bool TryFind(string text, out Unit unit) => UnitTable.Default.TryFind(text, out unit);

    /// <summary>Finds a unit of the workbook's table by code or alias, or throws naming the nearest.</summary>
    /// <exception cref="ArgumentException">The unit is not in the table.</exception>
    public static Unit Find(string text) =>
        TryFind(text, out var unit)
            ? unit
            : throw new ArgumentException(DataMessages.UnknownUnitInCode(text, UnitTable.Default), nameof(text));

    /// <summary>
    /// Converts <paramref name="value"/> from one unit to another of the same dimension, exactly
    /// (decimal arithmetic): value × from.FactorToBase / to.FactorToBase.
    /// </summary>
    /// <exception cref="ArgumentException">The two units measure different things.</exception>
    /// <exception cref="OverflowException">The value in either unit is beyond the range of <see cref="decimal"/> (about 7.9 × 10^28); see <see cref="TryConvert"/>.</exception>
    public static decimal Convert(decimal value, Unit from, Unit to) =>
        TryConvert(value, from, to, out var converted)
            ? converted
            : throw new OverflowException(DataMessages.ConversionOverflow(value, from, to));

    /// <summary>
    /// Converts like <see cref="Convert"/>, or returns false when the value, on its way from one unit to the other,
    /// goes beyond the range of <see cref="decimal"/> (about 7.9 × 10^28): no published figure is that large, so a
    /// caller reports the figure rather than failing.
    /// </summary>
    /// <exception cref="ArgumentException">The two units measure different things.</exception>
    public static bool TryConvert(decimal value, Unit from, Unit to, out decimal converted)
    {
        if (from.Dimension != to.Dimension)
        {
            throw new ArgumentException(DataMessages.IncompatibleUnits(from, to));
        }

        try
        {
            converted = from == to ? value : value * from.FactorToBase / to.FactorToBase;
            return true;
        }
        catch (OverflowException)
        {
            converted = 0;
            return false;
        }
    }

    /// <summary>Formats a value with its unit in the invariant culture, e.g. "6000 亿元".</summary>
    public static string Format(double value, Unit unit) =>
        string.Create(CultureInfo.InvariantCulture, $"{value:0.###} {unit.Code}");
}
