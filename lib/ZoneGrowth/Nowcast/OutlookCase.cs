namespace ZoneGrowth.Nowcast;

/// <summary>
/// P(target met) under one named assumption, beside the headline that integrates over every stated
/// choice: where one choice is fixed at one of its ends, or a piece of evidence is left out.
/// </summary>
/// <param name="Key">A short key for published figures, e.g. <c>no_price_rise</c>.</param>
/// <param name="Assumption">The assumption in words, with its numbers.</param>
/// <param name="Probability">P(target met) under it.</param>
/// <param name="Median">The median of the target year's value under it, where computed (null otherwise).</param>
public sealed record OutlookCase(string Key, string Assumption, double Probability, double? Median = null);
