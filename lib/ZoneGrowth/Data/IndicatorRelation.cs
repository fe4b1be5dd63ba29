namespace ZoneGrowth.Data;

/// <summary>One row of the table of relations (<c>relations.csv</c>): how an indicator's level is tied to another's.</summary>
/// <param name="Indicator">The indicator, e.g. <c>digital_economy_revenue</c>.</param>
/// <param name="Kind">A drifting ratio, or a drifting share.</param>
/// <param name="To">The indicator it is tied to, e.g. <c>core_digital_added_value</c>.</param>
/// <param name="ShareIndicator">For a share: the indicator that publishes the share in percent (e.g.
/// <c>core_digital_added_value_share_of_gdp</c>); empty when none is published.</param>
/// <param name="Note">What the relation says, in words.</param>
/// <param name="Location">Where the row was read.</param>
public sealed record IndicatorRelation(string Indicator, RelationKind Kind, string To, string ShareIndicator, string Note, SourceLocation Location);
