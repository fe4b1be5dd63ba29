namespace ZoneGrowth.Data;

/// <summary>One year of an <see cref="IndicatorSeries"/>.</summary>
/// <param name="Year">The calendar year.</param>
/// <param name="Value">The value in the indicator's unit.</param>
/// <param name="Status">The status of the observation the value comes from.</param>
/// <param name="Observation">
/// The observation the value comes from, with its source; for a derived point, the observation it
/// was derived from.
/// </param>
/// <param name="Derivation">
/// Null for a published value; for a derived value, the rule that produced it, e.g. "implied by
/// 2018 level 3070 and its published growth of 17.2 %: 3070 / 1.172". Derived values are never
/// written back into the data files.
/// </param>
public sealed record SeriesPoint(int Year, double Value, ObservationStatus Status, Observation Observation, string? Derivation = null)
{
    /// <summary>Whether the value was derived rather than published.</summary>
    public bool IsDerived => Derivation is not null;
}
