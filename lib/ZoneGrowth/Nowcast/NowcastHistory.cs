using Microsoft.Data.Analysis;
using ZoneGrowth.Data;
using ZoneGrowth.Targets;

namespace ZoneGrowth.Nowcast;

/// <summary>
/// What the workbook would have said about a target in each of several years: the same
/// assessment (nowcast under every bridge, and the two extrapolations) run on the data with the
/// figures for years up to each year only (<see cref="DataSet.UpTo"/>). Shows how the answer moved
/// as evidence arrived, and how much of it the extrapolations missed.
/// </summary>
public static class NowcastHistory
{
    /// <summary>Runs the assessment as of each year.</summary>
    /// <param name="data">The full data.</param>
    /// <param name="indicator">The target series' indicator.</param>
    /// <param name="zone">The zone.</param>
    /// <param name="targetYear">The target's year.</param>
    /// <param name="lastDataYears">The years to stand in, each before the target year.</param>
    /// <param name="options">Nowcast settings.</param>
    public static IReadOnlyList<NowcastHistoryRow> Run(DataSet data, string indicator, string zone, int targetYear, IEnumerable<int> lastDataYears, NowcastOptions? options = null) =>
        lastDataYears.Select(year =>
        {
            var asOf = data.UpTo(year);
            var series = asOf.Series(indicator, zone).WithImpliedPreviousYears();
            var assessment = TargetAssessment.Create(series, Target.Find(asOf, indicator, targetYear, zone));
            var trend = assessment.Probability(LogLinearTrendModel.Fit(series)).Probability;
            var walk = assessment.Probability(RandomWalkWithDrift.Fit(series)).Probability;
            var bridges = RevenueBridges.Build(asOf, series, targetYear, options);
            if (bridges.Headline is null)
            {
                return new NowcastHistoryRow(year, NowcastMessages.Invariant($"the series to {bridges.LastPublished.Year} only"), null, null, null, null, trend, walk);
            }

            var nowcast = NowcastAssessment.Create(asOf, assessment, options);
            var probabilities = nowcast.Probabilities.Select(p => p.Probability).ToArray();
            var reach = nowcast.Headline.BridgedValues[^1].Year;
            return new NowcastHistoryRow(
                year,
                NowcastMessages.Invariant($"the series to {bridges.LastPublished.Year}, {nowcast.Headline.LastYear + 1}-{reach} nowcast {nowcast.Headline.Bridge.Describe()}"),
                nowcast.Probability.Probability, probabilities.Min(), probabilities.Max(), nowcast.Headline.Level(targetYear).Median, trend, walk);
        }).ToArray();

    /// <summary>The rows as a DataFrame, one per year stood in.</summary>
    public static DataFrame ToDataFrame(IReadOnlyList<NowcastHistoryRow> rows) => new(
        new PrimitiveDataFrameColumn<int>("data_up_to", rows.Select(r => r.LastDataYear)),
        new StringDataFrameColumn("evidence", rows.Select(r => r.Evidence)),
        new PrimitiveDataFrameColumn<double>("p_met_nowcast", rows.Select(r => Round(r.Headline))),
        new PrimitiveDataFrameColumn<double>("p_met_low", rows.Select(r => Round(r.Low))),
        new PrimitiveDataFrameColumn<double>("p_met_high", rows.Select(r => Round(r.High))),
        new PrimitiveDataFrameColumn<double>("nowcast_median", rows.Select(r => r.TargetYearMedian is { } m ? Math.Round(m, 1) : (double?)null)),
        new PrimitiveDataFrameColumn<double>("p_met_trend", rows.Select(r => Round(r.Trend))),
        new PrimitiveDataFrameColumn<double>("p_met_random_walk", rows.Select(r => Round(r.RandomWalk))));

    private static double? Round(double? p) => p is { } x ? Math.Round(x, 4) : null;
}
