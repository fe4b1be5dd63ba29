using ZoneGrowth.Data;
using ZoneGrowth.Regression;

namespace ZoneGrowth.Tests.Data;

/// <summary>Derived series and the data-layer front door to the regressions, on the shipped data.</summary>
public class DerivedSeriesTests
{
    private static readonly DataSet Shipped = DataSet.LoadDefault();

    [Fact]
    public void HhzShareOfZhejiangGdpInEveryYearBothPublished()
    {
        var share = DerivedSeries.Share(Shipped.Series("gdp", "HHZ"), Shipped.Series("gdp", "Zhejiang"), Shipped.Catalog["gdp_share_of_zhejiang"]);

        // 2016: 901.4 / 46485; 2017: 1088.9 / 51768; 2021: 2022.6 / 73516; 2022: 2184.8 / 77715; 2023: 2467.9 / 82553, both first releases (not
        // Zhejiang's census-revised 85620, which is on another basis than HHZ's 2023 level); 2024:
        // 2887.8 / 90131, both revised; 2025: HHZ has only a year-to-date level.
        Assert.Equal([2016, 2017, 2021, 2022, 2023, 2024], share.Years);
        Assert.Equal(100 * 901.4 / 46485, share.ValueAt(2016)!.Value, 1e-12);
        Assert.Equal(100 * 2022.6 / 73516, share.ValueAt(2021)!.Value, 1e-12);
        Assert.Equal(100 * 2184.8 / 77715, share.ValueAt(2022)!.Value, 1e-12);
        Assert.Equal(100 * 2467.9 / 82553, share.ValueAt(2023)!.Value, 1e-12);
        Assert.Equal(100 * 2887.8 / 90131, share.ValueAt(2024)!.Value, 1e-12);
        Assert.All(share.Points, p => Assert.True(p.IsDerived));
        Assert.Contains("÷ Zhejiang 73516 (Gross domestic product, 2021)", share.PointAt(2021)!.Derivation); // data/indicators.csv names gdp
    }

    [Fact]
    public void FitsAnIndicatorByNameFromTheDataSetWithReportedValuesOnly()
    {
        var trend = Shipped.FitLogLinearTrend("gdp", "HHZ");

        // The 2015 estimate is left out: eight reported years 2016-2024 with 2019 missing.
        Assert.Equal([2016, 2017, 2018, 2020, 2021, 2022, 2023, 2024], trend.Years);
        Assert.Equal("HHZ Gross domestic product", trend.SeriesLabel);
    }

    [Fact]
    public void AnEstimateIsFittedOnlyWhenAskedFor()
    {
        var trend = Shipped.FitLogLinearTrend("gdp", "HHZ", [ObservationStatus.Reported, ObservationStatus.Estimate]);

        Assert.Equal(2015, trend.Years[0]);
    }

    [Fact]
    public void TooShortASeriesIsAnErrorNamingIt()
    {
        var e = Assert.Throws<RegressionException>(() => Shipped.FitLogLinearTrend("digital_economy_revenue", "HHZ"));

        Assert.Contains("HHZ Main business income of the core digital economy industries", e.Message);
    }
}
