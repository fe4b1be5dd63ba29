namespace ZoneGrowth.Data;

/// <summary>What a unit measures; only units of the same dimension convert into each other.</summary>
public enum UnitDimension
{
    /// <summary>An amount of Chinese yuan (RMB).</summary>
    Money,

    /// <summary>A number of things (enterprises, patents, awards).</summary>
    Count,

    /// <summary>A percentage (a share or a growth rate).</summary>
    Percent,
}
