using System.Globalization;

namespace ZoneGrowth.Data;

/// <summary>
/// The small, explicit table of units the workbook knows, and exact conversions between units of
/// the same dimension. A unit that is not in this table is an error, never a guess.
/// </summary>
public static class Units
{
    /// <summary>1 yuan (元).</summary>
    public static readonly Unit Yuan = new("元", "RMB (yuan)", UnitDimension.Money, 1m, ["yuan", "RMB", "CNY"]);

    /// <summary>10 thousand yuan (万元).</summary>
    public static readonly Unit TenThousandYuan = new("万元", "10 thousand RMB", UnitDimension.Money, 1e4m, ["10 thousand RMB"]);

    /// <summary>1 million yuan (百万元).</summary>
    public static readonly Unit MillionYuan = new("百万元", "million RMB", UnitDimension.Money, 1e6m, ["million RMB", "million yuan"]);

    /// <summary>100 million yuan (亿元), the unit Chinese statistics publish in: 1 亿元 = 0.1 billion RMB.</summary>
    public static readonly Unit HundredMillionYuan = new("亿元", "100 million RMB", UnitDimension.Money, 1e8m, ["100 million RMB", "100 million yuan"]);

    /// <summary>1 billion yuan (十亿元) = 10 亿元.</summary>
    public static readonly Unit BillionYuan = new("十亿元", "billion RMB", UnitDimension.Money, 1e9m, ["billion RMB", "billion yuan"]);

    /// <summary>1 trillion yuan (万亿元) = 10 000 亿元.</summary>
    public static readonly Unit TrillionYuan = new("万亿元", "trillion RMB", UnitDimension.Money, 1e12m, ["trillion RMB", "trillion yuan"]);

    /// <summary>A count of things (家, 个, 件).</summary>
    public static readonly Unit Count = new("count", "count", UnitDimension.Count, 1m, ["家", "个", "件", "项"]);

    /// <summary>Percent (a share or a growth rate, in percentage points).</summary>
    public static readonly Unit Percent = new("percent", "percent", UnitDimension.Percent, 1m, ["%"]);

    /// <summary>Every known unit.</summary>
    public static IReadOnlyList<Unit> All { get; } =
        [Yuan, TenThousandYuan, MillionYuan, HundredMillionYuan, BillionYuan, TrillionYuan, Count, Percent];

    /// <summary>Every spelling accepted in data files (codes and aliases).</summary>
    public static IReadOnlyList<string> AllSpellings { get; } =
        All.SelectMany(u => u.Aliases.Prepend(u.Code)).ToArray();

    /// <summary>Finds a unit by its code or one of its aliases (exact, case-sensitive spelling).</summary>
    public static bool TryFind(string text, out Unit unit)
    {
        foreach (var candidate in All)
        {
            if (candidate.Code == text || candidate.Aliases.Contains(text))
            {
                unit = candidate;
                return true;
            }
        }

        unit = Yuan;
        return false;
    }

    /// <summary>Finds a unit by code or alias, or throws naming the known units.</summary>
    /// <exception cref="ArgumentException">The unit is not in the table.</exception>
    public static Unit Find(string text) =>
        TryFind(text, out var unit)
            ? unit
            : throw new ArgumentException(DataMessages.UnknownUnitInCode(text), nameof(text));

    /// <summary>
    /// Converts <paramref name="value"/> from one unit to another of the same dimension, exactly
    /// (decimal arithmetic): value × from.FactorToBase / to.FactorToBase.
    /// </summary>
    /// <exception cref="ArgumentException">The two units measure different things.</exception>
    public static decimal Convert(decimal value, Unit from, Unit to)
    {
        if (from.Dimension != to.Dimension)
        {
            throw new ArgumentException(DataMessages.IncompatibleUnits(from, to));
        }

        return from == to ? value : value * from.FactorToBase / to.FactorToBase;
    }

    /// <summary>Formats a value with its unit in the invariant culture, e.g. "6000 亿元".</summary>
    public static string Format(double value, Unit unit) =>
        string.Create(CultureInfo.InvariantCulture, $"{value:0.###} {unit.Code}");
}
