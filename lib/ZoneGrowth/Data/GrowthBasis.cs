namespace ZoneGrowth.Data;

/// <summary>Whether an indicator's published growth rates are nominal or real (at comparable prices).</summary>
public enum GrowthBasis
{
    /// <summary>No growth rates are published with this indicator.</summary>
    None,

    /// <summary>Growth of the current-price level: comparable with the ratio of published levels.</summary>
    Nominal,

    /// <summary>
    /// Growth at comparable prices: the ratio of current-price levels also contains the price
    /// change (the deflator).
    /// </summary>
    Real,
}
