using ZoneGrowth.Audit;
using ZoneGrowth.Data;

namespace ZoneGrowth.Tests.Data;

/// <summary>
/// Year-to-date figures (the period column) are never taken for a year's, and the statistical basis
/// of a figure (the basis column) is kept.
/// </summary>
public sealed class PeriodAndBasisTests
{
    private const string Header = "zone,indicator,year,period,value,unit,status,growth_pct,basis,source\n";

    private static DataSet Load(string rows) => DataSet.Load(TestFiles.Temporary(Header + rows), TestFiles.Catalog);

    [Fact]
    public void AYearToDateFigureIsNotInTheYearlySeries()
    {
        var data = Load(
            "Alpha,gdp,2024,,1000,亿元,reported,5.0,,example.org/a\n"
            + "Alpha,gdp,2025,Q1-Q3,800,亿元,reported,6.7,,example.org/b\n");

        Assert.Equal([2024], data.Series("gdp", "Alpha").Years);
        var partial = data.Series("gdp", "Alpha", period: Period.FirstThreeQuarters);
        Assert.Equal(800.0, Assert.Single(partial.Points).Value);
        Assert.Equal(Period.FirstThreeQuarters, partial.Points[0].Observation.Period);
        Assert.Equal(9, partial.Points[0].Observation.Period.Months);
    }

    [Fact]
    public void TheAuditComparesWholeYearsOnly()
    {
        // 1000 grown 6.7 % real would be far from 800: only a partial year can explain it, so no check is made.
        var data = Load(
            "Alpha,gdp,2024,,1000,亿元,reported,5.0,,example.org/a\n"
            + "Alpha,gdp,2025,Q1-Q3,800,亿元,reported,6.7,,example.org/b\n");

        Assert.Empty(ConsistencyAudit.Run(data).Checks);
    }

    [Theory]
    [InlineData("", 12, "year")]
    [InlineData("year", 12, "year")]
    [InlineData("Q1", 3, "Q1")]
    [InlineData("H1", 6, "H1")]
    [InlineData("Q1-Q3", 9, "Q1-Q3")]
    [InlineData("M1-M8", 8, "M1-M8")]
    public void PeriodWordsReadAsMonthsFromJanuary(string text, int months, string written)
    {
        Assert.True(Period.TryParse(text, out var period));
        Assert.Equal(months, period.Months);
        Assert.Equal(written, period.ToString());
    }

    [Theory]
    [InlineData("Q3")]
    [InlineData("q1")]
    [InlineData("M1-M12")]
    [InlineData("M1-M08")]
    [InlineData("前三季度")]
    public void AnUnknownPeriodIsRejectedWithTheWordsToUse(string text)
    {
        var result = DataSet.Check([TestFiles.Temporary(Header + $"Alpha,gdp,2025,{text},800,亿元,reported,,,example.org/b\n")], TestFiles.Catalog);

        var issue = Assert.Single(result.Issues);
        Assert.Equal(2, issue.Location.Line);
        Assert.Equal("period", issue.Location.ColumnName);
        Assert.Equal(text, issue.Found);
        Assert.Contains("Q1-Q3", issue.Advice);
    }

    [Fact]
    public void TheBasisIsKeptAndABadLabelRejected()
    {
        var data = Load("Alpha,gdp,2024,,1000,亿元,reported,,census5,example.org/a\n");
        Assert.Equal("census5", data.Observations[0].Basis);

        var result = DataSet.Check([TestFiles.Temporary(Header + "Alpha,gdp,2024,,1000,亿元,reported,,Census 5,example.org/a\n")], TestFiles.Catalog);
        var issue = Assert.Single(result.Issues);
        Assert.Equal("basis", issue.Location.ColumnName);
        Assert.Contains("census5", issue.Advice);
    }

    [Fact]
    public void TheShippedFileKeepsItsPartialYearsApart()
    {
        var data = DataSet.LoadDefault();

        Assert.DoesNotContain(2025, data.Series("gdp", "HHZ").Years);
        Assert.Equal(2292.2, data.Series("gdp", "HHZ", period: Period.FirstThreeQuarters).ValueAt(2025));
        Assert.Equal("census5", data.Series("gdp", "HHZ").PointAt(2024)!.Observation.Basis);
    }
}
