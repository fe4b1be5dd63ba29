namespace ZoneGrowth.Data;

/// <summary>What an indicator's values are, which decides the checks a value must pass.</summary>
public enum IndicatorKind
{
    /// <summary>A money level (added value, revenue, GDP): never negative, may be logged.</summary>
    Level,

    /// <summary>A share in percent of some total: between 0 and 100.</summary>
    Share,

    /// <summary>A count of things: a non-negative whole number.</summary>
    Count,

    /// <summary>A growth rate in percent: any sign.</summary>
    Growth,
}
