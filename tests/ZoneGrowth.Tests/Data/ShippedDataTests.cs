using ZoneGrowth.Data;

namespace ZoneGrowth.Tests.Data;

/// <summary>
/// The shipped data set (data/hhz-indicators.csv): complete provenance, and headline figures as
/// published in the sources recorded in the repository's data/README.md.
/// </summary>
public class ShippedDataTests
{
    private static readonly DataSet Shipped = DataSet.LoadDefault();

    [Fact]
    public void EveryRowOfTheFileIsLoaded()
    {
        // Every line after the header starts a row of a zone of data/zones.csv (no quoted field spans lines).
        string[] zones = ["HHZ,", "Zhejiang,", "Hangzhou,", "Yuhang,"];
        var dataLines = File.ReadLines(WorkbookPaths.DefaultDataFile).Skip(1).Count(l => zones.Any(z => l.StartsWith(z, StringComparison.Ordinal)));
        Assert.Equal(File.ReadLines(WorkbookPaths.DefaultDataFile).Count() - 1, dataLines);

        Assert.Equal(dataLines, Shipped.Observations.Count);
        Assert.Equal(dataLines, Shipped.Files.Single().Rows);
    }

    [Fact]
    public void EveryRowHasASourceAndAStatus()
    {
        Assert.All(Shipped.Observations, o =>
        {
            Assert.False(string.IsNullOrWhiteSpace(o.Source), $"line {o.Location.Line} has no source");
            Assert.True(Enum.IsDefined(o.Status));
        });
    }

    [Fact]
    public void EveryCatalogIndicatorIsUsedAndDefined()
    {
        Assert.Equal(Shipped.Catalog.Indicators, Shipped.Indicators);
        Assert.All(Shipped.Catalog.Indicators, i => Assert.False(string.IsNullOrWhiteSpace(i.Definition)));
    }

    [Fact]
    public void The2021CoreAddedValueIs1596Point2亿元AsPublished()
    {
        // investchn.com 286255: "全区数字经济核心产业增加值1596.2亿元,增长16%"
        var row = Shipped.Observations.Single(o => o.Zone == "HHZ" && o.Indicator.Id == "core_digital_added_value" && o.Year == 2021);

        Assert.Equal((1596.2, ObservationStatus.Reported, 16.0), (row.Value, row.Status, row.GrowthPercent!.Value));
        Assert.Contains("1596.2亿元", row.Quote);
    }

    [Fact]
    public void The2021RevenueIs4758Point7亿元AsPublished()
    {
        // investchn.com 286255: "全区数字经济营收实现4758.7亿元,增长18.1%"
        var row = Shipped.Observations.Single(o => o.Zone == "HHZ" && o.Indicator.Id == "digital_economy_revenue" && o.Year == 2021 && o.Status == ObservationStatus.Reported);

        Assert.Equal((4758.7, 18.1), (row.Value, row.GrowthPercent!.Value));
        Assert.Contains("4758.7亿元", row.Quote);
    }

    [Fact]
    public void The2025TargetIs6000亿元From600BillionRmb()
    {
        // Seed article (stdaily.com, 2022-10-27): 600 billion RMB; 600 × 10^9 / 10^8 = 6000 亿元.
        var row = Shipped.Observations.Single(o => o.Zone == "HHZ" && o.Indicator.Id == "digital_economy_revenue" && o.Year == 2025);

        Assert.Equal((6000.0, ObservationStatus.Target), (row.Value, row.Status));
        Assert.Equal((600m, Units.BillionYuan), (row.PublishedValue, row.PublishedUnit));
        Assert.Contains("stdaily.com", row.Source);
    }

    [Fact]
    public void AddedValueAndRevenueAreDifferentIndicators()
    {
        Assert.NotEqual(
            Shipped.Series("core_digital_added_value", "HHZ").Indicator,
            Shipped.Series("digital_economy_revenue", "HHZ").Indicator);
        Assert.Equal("主营业务收入", Shipped.Catalog["digital_economy_revenue"].ChineseName[^6..]);
    }

    [Theory]
    [InlineData("Gross domestic product", "gross domestic product")]
    [InlineData("GDP share of Zhejiang", "GDP share of Zhejiang")]
    [InlineData("R&D spending", "R&D spending")]
    [InlineData("X", "X")]
    public void AnIndicatorsNameReadsInASentenceWithoutCapitalsUnlessAnAcronymStartsIt(string name, string inSentence)
    {
        var gdp = Shipped.Catalog["gdp"];

        Assert.Equal(inSentence, (gdp with { EnglishName = name }).EnglishNameInSentence);
    }
}
