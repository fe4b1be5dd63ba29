namespace ZoneGrowth.Data;

/// <summary>
/// One validated row of a data file: one published figure with its provenance. Values are in the
/// indicator's catalog unit; the figure as published is kept beside it.
/// </summary>
/// <param name="Zone">The area the figure is about, e.g. <c>HHZ</c> or <c>Zhejiang</c>.</param>
/// <param name="Indicator">The catalog entry.</param>
/// <param name="Year">The calendar year the figure is for.</param>
/// <param name="Value">The value in <see cref="IndicatorDefinition.Unit"/>.</param>
/// <param name="Status">Reported, estimate, target, lower bound or approximate.</param>
/// <param name="GrowthPercent">The growth rate published with the figure, in percent; null when none was.</param>
/// <param name="Published">The source's publication date as written (YYYY, YYYY-MM or YYYY-MM-DD); empty when unknown.</param>
/// <param name="Source">The source's address or description.</param>
/// <param name="Quote">The quoted text the figure was read from; empty when none was recorded.</param>
/// <param name="Note">Notes on the figure.</param>
/// <param name="PublishedValue">The value as published, before any unit conversion.</param>
/// <param name="PublishedUnit">The unit as published.</param>
/// <param name="Location">Where the row was read.</param>
/// <param name="Period">The stretch of the year the figure covers: the whole year, or a year-to-date part of it.</param>
/// <param name="Basis">
/// The statistical basis when the figure is on a revised one (e.g. <c>census5</c>: revised after the
/// fifth national economic census); empty for the basis it was first published on.
/// </param>
public sealed record Observation(
    string Zone,
    IndicatorDefinition Indicator,
    int Year,
    double Value,
    ObservationStatus Status,
    double? GrowthPercent,
    string Published,
    string Source,
    string Quote,
    string Note,
    decimal PublishedValue,
    Unit PublishedUnit,
    SourceLocation Location,
    Period Period = default,
    string Basis = "")
{
    /// <summary>Whether the figure covers the whole calendar year.</summary>
    public bool IsWholeYear => Period.IsWholeYear;

    /// <summary>
    /// Whether the figure is inferred rather than published as such (a bound drawn from another zone's
    /// ranking, a year taken from context): its note starts with "Inferred", saying what and why
    /// (data/README.md).
    /// </summary>
    public bool IsInferred => Note.StartsWith("Inferred", StringComparison.Ordinal);

    /// <summary>Whether the value was converted from the unit it was published in.</summary>
    public bool WasConverted => PublishedUnit != Indicator.Unit;
}
