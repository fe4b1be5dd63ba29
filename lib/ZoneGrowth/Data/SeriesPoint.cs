namespace ZoneGrowth.Data;

/// <summary>One year of an <see cref="IndicatorSeries"/>.</summary>
/// <param name="Year">The calendar year.</param>
/// <param name="Value">The value in the indicator's unit.</param>
/// <param name="Status">The status of the observation the value comes from.</param>
/// <param name="Observation">The observation itself, with its source.</param>
public sealed record SeriesPoint(int Year, double Value, ObservationStatus Status, Observation Observation);
