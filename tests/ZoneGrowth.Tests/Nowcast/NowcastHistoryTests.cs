using ZoneGrowth.Data;
using ZoneGrowth.Nowcast;
using ZoneGrowth.Targets;

namespace ZoneGrowth.Tests.Nowcast;

/// <summary>What the workbook would have said as of each year: the same engine on the data up to that year.</summary>
public sealed class NowcastHistoryTests
{
    private static readonly DataSet Shipped = DataSet.LoadDefault();

    private static readonly IReadOnlyList<NowcastHistoryRow> Rows = NowcastHistory.Run(Shipped, "digital_economy_revenue", "HHZ", 2025, [2021, 2022, 2023, 2024, 2025]);

    [Fact]
    public void UpToKeepsTheFiguresOfThoseYearsAndEveryTarget()
    {
        var asOf = Shipped.UpTo(2022);

        Assert.All(asOf.Observations, o => Assert.True(o.Year <= 2022 || o.Status == ObservationStatus.Target, o.ToString()));
        Assert.Contains(asOf.Observations, o => o.Year == 2025 && o.Status == ObservationStatus.Target && o.Zone == "HHZ");
        Assert.Equal(Shipped.Observations.Count(o => o.Year <= 2022 || o.Status == ObservationStatus.Target), asOf.Observations.Count);
    }

    [Fact]
    public void WithFiguresTo2021OnlyThereIsNoNowcastAndTheExtrapolationsAreTheAnswer()
    {
        var first = Rows[0];

        Assert.Null(first.Headline);
        Assert.Equal("the series to 2021 only", first.Evidence);
        var revenue = Shipped.Series("digital_economy_revenue", "HHZ").WithImpliedPreviousYears();
        var assessment = TargetAssessment.Create(revenue, Target.Find(Shipped, "digital_economy_revenue", 2025, "HHZ"));
        Assert.Equal(assessment.Probability(LogLinearTrendModel.Fit(revenue)).Probability, first.Trend, 1e-12);
    }

    [Fact]
    public void EachYearAddsItsBridgedYearAndTheLastRowIsTheHeadline()
    {
        Assert.Equal("the series to 2021, 2022-2022 nowcast via added value", Rows[1].Evidence);
        Assert.Equal("the series to 2021, 2022-2024 nowcast via added value", Rows[3].Evidence);
        var revenue = Shipped.Series("digital_economy_revenue", "HHZ").WithImpliedPreviousYears();
        var today = NowcastAssessment.Create(Shipped, TargetAssessment.Create(revenue, Target.Find(Shipped, "digital_economy_revenue", 2025, "HHZ")));
        Assert.Equal(today.Probability.Probability, Rows[^1].Headline!.Value, 1e-12);
        Assert.All(Rows.Skip(1), r => Assert.InRange(r.Headline!.Value, r.Low!.Value, r.High!.Value));
    }
}
