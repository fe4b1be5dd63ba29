namespace ZoneGrowth.Nowcast;

/// <summary>What the workbook would have said about the target with the figures for years up to <see cref="LastDataYear"/>.</summary>
/// <param name="LastDataYear">The last year whose figures were used.</param>
/// <param name="Evidence">What the answer rested on: the series alone, or the series plus the bridged years.</param>
/// <param name="Headline">P(met) under the headline nowcast; null when no bridge reached a year after the series' last value.</param>
/// <param name="Low">The lowest P(met) across bridges; null without a nowcast.</param>
/// <param name="High">The highest P(met) across bridges; null without a nowcast.</param>
/// <param name="TargetYearMedian">The headline nowcast's median of the target year; null without a nowcast.</param>
/// <param name="Trend">P(met) under the log-linear trend fitted to the published series only.</param>
/// <param name="RandomWalk">P(met) under the random walk with drift fitted to the published series only.</param>
public sealed record NowcastHistoryRow(int LastDataYear, string Evidence, double? Headline, double? Low, double? High, double? TargetYearMedian, double Trend, double RandomWalk);
