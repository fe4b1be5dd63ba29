using ZoneGrowth.Data;

namespace ZoneGrowth.Tests.Data;

/// <summary>
/// Workbooks written by another program (Debian's openpyxl: Data/Fixtures/xlsx/make_xlsx_fixtures.py,
/// from source.csv beside it) with real dates, percent and thousands formats and shared strings,
/// read as Excel shows them: the same observations as the CSV they were written from.
/// </summary>
public sealed class XlsxFormatsTests
{
    private static string Fixture(string name) => TestFiles.Fixture(Path.Combine("xlsx", name));

    private static readonly DataSet FromCsv = DataSet.Load(Fixture("source.csv"), WorkbookPaths.Catalog);

    private static string Key(Observation o) =>
        FormattableString.Invariant($"{o.Zone}|{o.Indicator.Id}|{o.Year}|{o.Period}|{o.Value:R}|{(double)o.PublishedValue:R}|{o.PublishedUnit.Code}|{o.Status}|{o.GrowthPercent:R}|{o.Basis}|{o.Published}|{o.Source}|{o.Quote}|{o.Note}|{o.Location.Line}");

    [Theory]
    [InlineData("formatted.xlsx")]
    [InlineData("named-sheet.xlsx#Figures")]
    public void AFormattedWorkbookLoadsTheSameRowsAsTheCsv(string file)
    {
        var check = DataSet.Check([Fixture(file)], WorkbookPaths.Catalog);

        Assert.True(check.DataSet is not null, string.Join("\n", check.Issues.Take(5)));
        Assert.Equal(FromCsv.Observations.Select(Key), check.DataSet!.Observations.Select(Key));
    }

    [Fact]
    public void DatesPercentagesAndGroupedNumbersReadAsExcelShowsThem()
    {
        var data = DataSet.Load(Fixture("formatted.xlsx"), WorkbookPaths.Catalog);

        // 2022-07-27 as a date cell; 78.9 % stored as 0.789; 16 % growth stored as 0.16; 1596.2 shown as "1,596.2".
        var share = data.Observations.First(o => o.Indicator.Id == "core_digital_added_value_share_of_gdp" && o.Year == 2021);
        Assert.Equal("2022-07-27", share.Published);
        Assert.Equal(78.9, share.Value);
        var addedValue = data.Observations.First(o => o.Indicator.Id == "core_digital_added_value" && o.Year == 2021 && o.Zone == "HHZ");
        Assert.Equal(1596.2m, addedValue.PublishedValue);
        Assert.Equal(16.0, addedValue.GrowthPercent);
        // A publication date known to the month (2025-12) and to the year (2025) keep their precision.
        Assert.Contains(data.Observations, o => o.Published == "2025-12");
        Assert.Contains(data.Observations, o => o.Published == "2025");
    }

    [Fact]
    public void AMissingWorksheetNameIsAnErrorListingTheSheets()
    {
        var issue = Assert.Single(DataSet.Check([Fixture("named-sheet.xlsx#Figurse")], WorkbookPaths.Catalog).Issues);

        Assert.Contains("no worksheet named \"Figurse\"", issue.Rule);
        Assert.Contains("\"Figures\"", issue.Rule);
    }

    [Fact]
    public void TheFirstWorksheetIsReadWhenNoneIsNamed()
    {
        // named-sheet.xlsx has a Notes sheet first, without the layout's header.
        var issues = DataSet.Check([Fixture("named-sheet.xlsx")], WorkbookPaths.Catalog).Issues;

        Assert.Contains(issues, i => i.Rule.Contains("column", StringComparison.Ordinal));
    }

    [Fact]
    public void AFormulaReadsItsCachedValueAndAnInlineStringItsText()
    {
        var path = XlsxWriter.Write([
            ["zone", "indicator", "year", "value", "unit", "status", "source"],
            ["HHZ", "gdp", 2021.0, new XlsxWriter.Formula("1000+1022.6", 2022.6), "亿元", "reported", new XlsxWriter.Inline("hhtz.gov.cn/x")],
        ]);

        var row = Assert.Single(DataSet.Load(path, WorkbookPaths.Catalog).Observations);

        Assert.Equal(2022.6, row.Value);
        Assert.Equal("hhtz.gov.cn/x", row.Source);
    }
}
