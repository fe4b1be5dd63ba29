using ZoneGrowth.Data;

namespace ZoneGrowth.Tests.Data;

/// <summary>The typed series view on the shipped data: values as published in data/hhz-indicators.csv.</summary>
public class IndicatorSeriesTests
{
    private static readonly DataSet Shipped = DataSet.LoadDefault();

    [Fact]
    public void RevenueHasOnlyItsReportedYearsByDefaultWithTheGapKept()
    {
        var revenue = Shipped.Series("digital_economy_revenue", "HHZ");

        Assert.Equal([2018, 2021], revenue.Years);
        Assert.Equal([3070.0, 4758.7], revenue.Values);
        Assert.Equal([2019, 2020], revenue.MissingYears);
        Assert.Null(revenue.ValueAt(2019));
        Assert.Equal("HHZ", revenue.Zone);
        Assert.Equal(Units.HundredMillionYuan, revenue.Unit);
    }

    [Fact]
    public void TargetsComeInOnlyWhenAskedFor()
    {
        var targets = Shipped.Series("digital_economy_revenue", "HHZ", statuses: [ObservationStatus.Target]);

        Assert.Equal([2021, 2025], targets.Years);
        Assert.Equal([4500.0, 6000.0], targets.Values);
    }

    [Fact]
    public void RefusesToMixTwoStatusesInOneYear()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            Shipped.Series("digital_economy_revenue", "HHZ", statuses: [ObservationStatus.Reported, ObservationStatus.Target]));

        Assert.Contains("2021", e.Message);
        Assert.Contains("reported, target", e.Message);
    }

    [Fact]
    public void UsesTheLatestReleaseOfARevisedFigure()
    {
        // Hangzhou 2021: 18109 (2022-01-22) revised to 18247 (2023-01-21), both first-published basis.
        var hangzhou = Shipped.Series("gdp", "Hangzhou");

        Assert.Equal(18247.0, hangzhou.ValueAt(2021));
        Assert.Equal(18109.0, Assert.Single(hangzhou.Superseded).Value);
    }

    [Fact]
    public void ShowsTheLatestBasisAndKeepsTheFirstReleaseOnItsOwnBasis()
    {
        // Zhejiang 2023: 82553 first published, 85620 revised after the fifth census: two figures, not a revision.
        var zhejiang = Shipped.Series("gdp", "Zhejiang");

        Assert.Equal(85620.0, zhejiang.ValueAt(2023));
        Assert.Equal(82553.0, Assert.Single(zhejiang.OnOtherBases).Value);
        Assert.Empty(zhejiang.Superseded);
    }

    [Fact]
    public void AsksForAZoneWhenSeveralHaveTheIndicator()
    {
        var e = Assert.Throws<ArgumentException>(() => Shipped.Series("gdp"));

        Assert.Contains("HHZ, Zhejiang", e.Message);
        Assert.Throws<ArgumentException>(() => Shipped.Series("gdp", "Shanghai"));
    }

    [Fact]
    public void AnUnknownIndicatorListsTheKnownOnes()
    {
        var e = Assert.Throws<ArgumentException>(() => Shipped.Series("revenue"));

        Assert.Contains("digital_economy_revenue", e.Message);
    }

    [Fact]
    public void EstimatesCanBeAdmittedBesideReportedValues()
    {
        var addedValue = Shipped.Series("core_digital_added_value", "HHZ", statuses: [ObservationStatus.Reported, ObservationStatus.Estimate]);

        Assert.Equal([(2021, ObservationStatus.Reported), (2022, ObservationStatus.Estimate)], addedValue.Points.Select(p => (p.Year, p.Status)));
    }

    [Theory]
    [InlineData("2025", "2024-03-04", true)]
    [InlineData("2024-03-05", "2024-03-04", true)]
    [InlineData("2024", "2024-03-04", false)]
    [InlineData("2024-03", "2024-03-04", false)]
    [InlineData("2024-03-04", "2024-03-04", false)]
    [InlineData("", "2024", false)]
    public void OrdersPublicationDatesOnlyWhenTheySayWhichIsLater(string later, string earlier, bool expected)
    {
        Assert.Equal(expected, Vintages.IsStrictlyLater(later, earlier));
    }
}
