namespace ZoneGrowth.Nowcast;

/// <summary>
/// The zone's census revision of GDP: the factor that takes a level from the original basis to the
/// revised one. When the zone has a level on the original basis it can chain to the year of its first
/// revised level, the revision is its own: that revised level ÷ the chained original-basis level,
/// which carries the zone's price growth to the power −(years chained), since what the chain does not
/// explain by real growth and prices is revision. Otherwise another zone's revision of the same
/// census stands in, with its whole size as its standard deviation.
/// </summary>
/// <param name="Basis">The revised basis label, e.g. <c>census5</c>.</param>
/// <param name="CensusYear">The first year any zone publishes on the revised basis (the census's reference year, 2023 for the fifth census).</param>
/// <param name="Year">The zone's first year with a GDP level on the revised basis.</param>
/// <param name="IsOwn">Whether the revision is the zone's own (from its chain) rather than another zone's.</param>
/// <param name="Factor">The revision as a bridge factor (revised ÷ original).</param>
public sealed record CensusRevision(string Basis, int CensusYear, int Year, bool IsOwn, BridgeFactor Factor)
{
    /// <summary>The revision at a zone price growth p (ln(1 + inflation) a year), e.g. 1.089 for +8.9 %.</summary>
    public double At(double priceGrowth) => Factor.Value * Math.Exp(Factor.PriceYears * priceGrowth);

    /// <summary>The price growth p at which the revision equals <paramref name="revision"/> (null when the revision does not depend on prices).</summary>
    public double? PriceGrowthFor(double revision) => Factor.PriceYears == 0 ? null : Math.Log(revision / Factor.Value) / Factor.PriceYears;
}
