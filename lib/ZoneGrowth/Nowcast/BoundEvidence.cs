using ZoneGrowth.Data;

namespace ZoneGrowth.Nowcast;

/// <summary>
/// A published bound on a quantity the bridges also estimate (e.g. core added value "突破2000亿元"):
/// censored evidence. The outlook keeps the draws of the bridged quantity that respect the bound, so a
/// bound moves the answer as far as it is informative and no further.
/// </summary>
/// <param name="Row">The data row of the bound.</param>
/// <param name="IsLower">True for a lower bound (the value is at least the row's), false for an upper bound.</param>
/// <param name="Quantity">The bounded quantity as the bridges estimate it, on the row's basis.</param>
public sealed record BoundEvidence(Observation Row, bool IsLower, BridgedValue Quantity)
{
    /// <summary>ln of the bound.</summary>
    public double LogBound => Math.Log(Row.Value);
}
