using System.Text;
using ZoneGrowth.Data;

namespace ZoneGrowth.Tests.Data;

/// <summary>
/// Loading good files in every accepted encoding and format. Expected values are read off the
/// fixture files themselves (tests/ZoneGrowth.Tests/Data/Fixtures/good.csv).
/// </summary>
public class DataSetLoadingTests
{
    private static DataSet LoadGood(string path) => DataSet.Load(path, TestFiles.Catalog);

    [Fact]
    public void LoadsEveryRowOfAGoodCsvWithItsProvenance()
    {
        var data = LoadGood(TestFiles.Fixture("good.csv"));

        Assert.Equal(6, data.Observations.Count);
        var first = data.Observations[0];
        Assert.Equal(("Alpha", "revenue", 2019, 100.0), (first.Zone, first.Indicator.Id, first.Year, first.Value));
        Assert.Equal("收入100亿元,增长10%", first.Quote);
        Assert.Equal("A note with a comma, and \"quotes\"", first.Note);
        Assert.Equal("2020-01-15", first.Published);
        Assert.Equal("example.org/a", first.Source);
        Assert.Equal(2, first.Location.Line);
    }

    [Fact]
    public void KeepsTheStartLineOfARecordWithALineBreakInsideQuotes()
    {
        var data = LoadGood(TestFiles.Fixture("good.csv"));

        var multiLine = data.Observations[1];
        Assert.Equal("line one\nline two", multiLine.Quote);
        Assert.Equal(3, multiLine.Location.Line);
        // The record after it starts on line 5, since the quoted field spans lines 3 and 4.
        Assert.Equal(5, data.Observations[2].Location.Line);
        Assert.Equal(8, data.Observations[^1].Location.Line);
    }

    [Fact]
    public void ReadsTheSameRowsWithBomAndCrlf()
    {
        var text = File.ReadAllText(TestFiles.Fixture("good.csv"), Encoding.UTF8).Replace("\r\n", "\n");
        var crlf = text.Replace("\n", "\r\n");
        var withBom = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(crlf)).ToArray();

        var plain = LoadGood(TestFiles.Fixture("good.csv"));
        var variant = LoadGood(TestFiles.Temporary(withBom));

        Assert.Equal(
            plain.Observations.Select(o => (o.Zone, o.Indicator.Id, o.Year, o.Value, o.Status, o.Quote.Replace("\r\n", "\n"), o.Location.Line)),
            variant.Observations.Select(o => (o.Zone, o.Indicator.Id, o.Year, o.Value, o.Status, o.Quote.Replace("\r\n", "\n"), o.Location.Line)));
        Assert.Equal("zone", variant.ToDataFrame().Columns[0].Name);
    }

    [Fact]
    public void ConvertsAValuePublishedInAnotherUnitAndSaysSo()
    {
        var data = LoadGood(TestFiles.Fixture("good.csv"));

        var target = Assert.Single(data.Conversions);
        // 20 billion RMB = 20 × 10^9 / 10^8 亿元 = 200 亿元 (definition of the units).
        Assert.Equal(200.0, target.Value);
        Assert.Equal(20m, target.PublishedValue);
        Assert.Equal(Units.BillionYuan, target.PublishedUnit);
        Assert.Equal(ObservationStatus.Target, target.Status);
        Assert.Contains("billion RMB", DataSummary.Of(data).ToString());
    }

    [Fact]
    public void AcceptsUnitAliasesAndEveryStatusWord()
    {
        var data = LoadGood(TestFiles.Fixture("good.csv"));

        Assert.Equal(ObservationStatus.LowerBound, data.Observations.Single(o => o.Indicator.Id == "firms").Status);
        Assert.Equal(Units.Count, data.Observations.Single(o => o.Indicator.Id == "firms").PublishedUnit);
        Assert.Equal(ObservationStatus.Approximate, data.Observations.Single(o => o.Indicator.Id == "share").Status);
        Assert.Equal(Units.Percent, data.Observations.Single(o => o.Indicator.Id == "share").PublishedUnit);
    }

    [Fact]
    public void ReadsAnXlsxWorkbookInTheSameLayout()
    {
        object?[] header = ["zone", "indicator", "year", "value", "unit", "status", "growth_pct", "published", "source", "quote", "note"];
        var path = XlsxWriter.Write(
        [
            header,
            ["Alpha", "revenue", 2019.0, 100.0, "亿元", "reported", null, "2020-01-15", "example.org/a", "收入100亿元,增长10%", null],
            ["Alpha", "revenue", 2020.0, 110.0, "亿元", "reported", 10.0, "2021-01-15", "example.org/b", null, null],
            ["Alpha", "revenue", 2025.0, 20.0, "billion RMB", "target", null, "2021-06-01", "example.org/plan", null, null],
            ["Alpha", "gdp", 2019.0, 50.5, "亿元", "reported", null, null, "example.org/c", null, null],
        ]);

        var data = LoadGood(path);

        Assert.Equal([100.0, 110.0, 200.0, 50.5], data.Observations.Select(o => o.Value));
        Assert.Equal([2, 3, 4, 5], data.Observations.Select(o => o.Location.Line));
        Assert.Equal(10.0, data.Observations[1].GrowthPercent);
        Assert.Equal("收入100亿元,增长10%", data.Observations[0].Quote);
    }

    [Fact]
    public void LoadsSeveralFilesIntoOneDataSetAndHashesEach()
    {
        var second = TestFiles.Temporary("zone,indicator,year,value,unit,status,source\nBeta,revenue,2020,5,亿元,reported,example.org/z\n");

        var data = DataSet.Load([TestFiles.Fixture("good.csv"), second], TestFiles.Catalog);

        Assert.Equal(7, data.Observations.Count);
        Assert.Equal(["Alpha", "Beta"], data.Zones);
        Assert.Equal([6, 1], data.Files.Select(f => f.Rows));
        Assert.All(data.Files, f => Assert.Matches("^[0-9a-f]{64}$", f.Sha256));
    }

    [Fact]
    public void HashIsTheSha256OfTheFileBytes()
    {
        // Expected: `printf 'zone,indicator,year,value,unit,status,source\n' | sha256sum` (GNU coreutils).
        var path = TestFiles.Temporary("zone,indicator,year,value,unit,status,source\n");
        const string expected = "3705fec394d6aeb3ca63229c5c40eceec884f3d826503eff36c64104f399fc08";

        var result = DataSet.Check([path], TestFiles.Catalog);

        Assert.Equal(expected, result.Files[0].Sha256);
        Assert.Equal(0, result.Files[0].Rows);
    }

    [Fact]
    public void DataFrameHasOneRowPerObservationWithTheDocumentedColumns()
    {
        var frame = LoadGood(TestFiles.Fixture("good.csv")).ToDataFrame();

        Assert.Equal(6, frame.Rows.Count);
        Assert.Equal(
            ["zone", "indicator", "name_en", "year", "period", "value", "unit", "status", "growth_pct", "basis", "published", "source", "quote", "note", "published_value", "published_unit", "file", "line"],
            frame.Columns.Select(c => c.Name));
        Assert.Equal(200.0, frame["value"][2]);
        Assert.Null(frame["growth_pct"][0]);
        Assert.Equal(10.0, frame["growth_pct"][1]);
    }
}
