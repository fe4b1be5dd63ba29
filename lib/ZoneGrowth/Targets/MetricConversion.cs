namespace ZoneGrowth.Targets;

/// <summary>
/// An explicit conversion from the series' indicator to the target's (for example a
/// revenue-to-added-value ratio), with a plausible range. Only with one may a target be assessed
/// against a series of another indicator, and every result then states it.
/// </summary>
/// <param name="Description">What the ratio is and where it comes from.</param>
/// <param name="Ratio">Target-indicator units per series-indicator unit (central value).</param>
/// <param name="Low">The lowest plausible ratio.</param>
/// <param name="High">The highest plausible ratio.</param>
public sealed record MetricConversion(string Description, double Ratio, double Low, double High)
{
    /// <summary>A one-line statement for results: "converted with ... : ratio 2.98 (range 2.8–3.2)".</summary>
    public override string ToString() =>
        FormattableString.Invariant($"Series converted to the target's indicator with {Description}: ratio {Ratio:0.###} (range {Low:0.###} to {High:0.###}).");
}
