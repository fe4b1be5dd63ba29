using ZoneGrowth.Data;

namespace ZoneGrowth.Nowcast;

/// <summary>
/// A value of the target series for a year where it is not published, bridged from related
/// indicators: the product of its factors, log-normal with the sum of their log variances
/// (factors taken as independent). Marked as a nowcast; never written back to the data files.
/// </summary>
/// <param name="Year">The year nowcast.</param>
/// <param name="Bridge">The bridge used.</param>
/// <param name="Factors">The factors multiplied.</param>
public sealed record BridgedValue(int Year, RevenueBridge Bridge, IReadOnlyList<BridgeFactor> Factors)
{
    /// <summary>The bridged level: the product of the factors.</summary>
    public double Value => Factors.Aggregate(1.0, (p, f) => p * f.Value);

    /// <summary>Its standard deviation on the log scale: √(Σ sd²).</summary>
    public double LogSd => Math.Sqrt(Factors.Sum(f => f.LogSd * f.LogSd));

    /// <summary>The 90 % interval: value × exp(∓1.645 sd).</summary>
    public (double Low, double High) Interval90 => (Value * Math.Exp(-Z90 * LogSd), Value * Math.Exp(Z90 * LogSd));

    /// <summary>The rule as a sentence: "5068 = 2.981 (revenue ÷ added value, 2021) × 1700 (core added value 2022, estimate)".</summary>
    public string Rule => NowcastMessages.Invariant($"{Value:0.#} = ") + string.Join(" × ", Factors.Where(f => f.Value != 1 || f.LogSd != 0).Select(f => NowcastMessages.Invariant($"{f.Value:0.####} ({f.Name})")));

    /// <summary>The value as an observation of the state-space model.</summary>
    public StateSpaceObservation ToObservation() =>
        new(Year, Math.Log(Value), LogSd * LogSd, EvidenceKind.Bridged, $"nowcast {Bridge.Describe()}");

    internal const double Z90 = 1.6448536269514722;
}
