using System.Text;
using ZoneGrowth.Data;

namespace ZoneGrowth.Tests.Data;

/// <summary>
/// Every kind of bad input is reported with file, line, column, the value found, the rule and
/// what to do; all problems of a file at once; nothing loaded. Lines and columns are counted by
/// hand in the fixture Data/Fixtures/bad.csv.
/// </summary>
public class DataValidationTests
{
    private static IReadOnlyList<ValidationIssue> Problems(string path, string? catalog = null)
    {
        var result = DataSet.Check([path], catalog ?? TestFiles.Catalog);
        Assert.False(result.IsValid);
        Assert.Null(result.DataSet);
        return result.Issues;
    }

    private static ValidationIssue At(IReadOnlyList<ValidationIssue> issues, int line, string column = "") =>
        Assert.Single(issues, i => i.Location.Line == line && i.Location.Column == column);

    [Fact]
    public void ReportsEveryProblemOfAFileAtOnceInLineOrder()
    {
        var issues = Problems(TestFiles.Fixture("bad.csv"));

        // Lines 2-13 and 15-17 of bad.csv each break one rule; line 14 is the first of a duplicate pair.
        Assert.Equal([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15, 16, 17], issues.Select(i => i.Location.Line));
        Assert.All(issues, i => Assert.EndsWith("bad.csv", i.Location.File));
        Assert.All(issues, i => Assert.False(string.IsNullOrWhiteSpace(i.Advice)));
        var exception = Assert.Throws<DataValidationException>(() => DataSet.Load(TestFiles.Fixture("bad.csv"), TestFiles.Catalog));
        Assert.Equal(15, exception.Issues.Count);
        Assert.Contains("15 problems", exception.Message);
    }

    [Theory]
    [InlineData(2, "1,596.2")]
    [InlineData(3, "约1700")]
    [InlineData(4, "")]
    public void RejectsAValueThatIsNotAPlainNumber(int line, string found)
    {
        var issue = At(Problems(TestFiles.Fixture("bad.csv")), line, "4");

        Assert.Equal(found, issue.Found);
        Assert.Equal("value", issue.Location.ColumnName);
        Assert.Contains("not a plain number", issue.Rule);
        Assert.Contains("1596.2", issue.Advice);
        Assert.Contains($"line {line}, column 4 (value)", issue.ToString());
    }

    [Fact]
    public void RejectsAYearThatIsNotAPlainYear()
    {
        var issue = At(Problems(TestFiles.Fixture("bad.csv")), 5, "3");

        Assert.Equal("2021年", issue.Found);
        Assert.Contains("plain year", issue.Rule);
    }

    [Fact]
    public void RejectsANegativeLevel()
    {
        var issue = At(Problems(TestFiles.Fixture("bad.csv")), 6, "4");

        Assert.Equal("-5", issue.Found);
        Assert.Contains("cannot be negative", issue.Rule);
    }

    [Fact]
    public void RejectsAnUnknownStatusAndListsTheKnownOnes()
    {
        var issue = At(Problems(TestFiles.Fixture("bad.csv")), 7, "6");

        Assert.Equal("Reported", issue.Found);
        Assert.Contains("reported, estimate, target, lower-bound, approximate", issue.Advice);
    }

    [Fact]
    public void RejectsATargetWithoutASource()
    {
        var issue = At(Problems(TestFiles.Fixture("bad.csv")), 8, "9");

        Assert.Equal("source", issue.Location.ColumnName);
        Assert.Contains("target without a source", issue.Rule);
    }

    [Fact]
    public void RejectsAnUnknownUnit()
    {
        var issue = At(Problems(TestFiles.Fixture("bad.csv")), 9, "5");

        Assert.Equal("亿美元", issue.Found);
        Assert.Contains("Did you mean 元 (RMB (yuan)) or 亿元 (100 million RMB)", issue.Advice);
        // The fix names the data file of units, not the library's code.
        Assert.Contains("units.csv", issue.Advice);
        Assert.DoesNotContain(".cs ", issue.Advice + " ");
    }

    [Fact]
    public void RejectsAnIndicatorMissingFromTheCatalog()
    {
        var issue = At(Problems(TestFiles.Fixture("bad.csv")), 10, "2");

        Assert.Equal("mystery", issue.Found);
        Assert.Contains("catalog.csv", issue.Rule);
        Assert.Contains("revenue", issue.Advice);
    }

    [Fact]
    public void RejectsAGrowthRateThatIsNotANumber()
    {
        var issue = At(Problems(TestFiles.Fixture("bad.csv")), 11, "7");

        Assert.Equal("ten", issue.Found);
        Assert.Equal("growth_pct", issue.Location.ColumnName);
    }

    [Theory]
    [InlineData("gdp,2021,,100,亿元,reported,-100", "growth_pct", "-100")]
    [InlineData("gdp,2021,,100,亿元,reported,-150.5", "growth_pct", "-150.5")]
    [InlineData("gdp_growth,2021,,-100,percent,reported,", "value", "-100")]
    public void RejectsAGrowthRateOfMinus100PercentOrLess(string row, string column, string found)
    {
        var path = TestFiles.Temporary("zone,indicator,year,period,value,unit,status,growth_pct,published,source\nAlpha," + row + ",2022,example.org/a\n");

        var issue = Assert.Single(Problems(path));

        Assert.Equal((2, column), (issue.Location.Line, issue.Location.ColumnName));
        Assert.Equal(found, issue.Found);
        Assert.Contains("−100 % or less", issue.Rule);
        Assert.Contains("a fall of the whole level is not a growth rate", issue.Advice);
        // −99.9 % is a growth rate (a fall to a thousandth); it is accepted.
        Assert.True(DataSet.Check([TestFiles.Temporary(File.ReadAllText(path).Replace(found + ",", "-99.9,", StringComparison.Ordinal))], TestFiles.Catalog).IsValid);
    }

    [Fact]
    public void RejectsAPublicationDateInAnotherFormat()
    {
        var issue = At(Problems(TestFiles.Fixture("bad.csv")), 12, "8");

        Assert.Equal("March 2017", issue.Found);
        Assert.Contains("YYYY-MM-DD", issue.Rule);
    }

    [Fact]
    public void RejectsAShareAbove100Percent()
    {
        var issue = At(Problems(TestFiles.Fixture("bad.csv")), 13, "4");

        Assert.Equal("145", issue.Found);
        Assert.Contains("between 0 and 100", issue.Rule);
    }

    [Fact]
    public void RejectsADuplicateAndNamesTheFirstLine()
    {
        var issue = At(Problems(TestFiles.Fixture("bad.csv")), 15);

        Assert.Contains("line 14", issue.Rule);
        Assert.Contains("Alpha,revenue,2015,year,reported", issue.Found);
    }

    [Fact]
    public void RejectsALineWithTheWrongNumberOfFields()
    {
        var issue = At(Problems(TestFiles.Fixture("bad.csv")), 16);

        Assert.Contains("9 fields but the header has 11", issue.Rule);
    }

    [Fact]
    public void RejectsAUnitOfTheWrongDimension()
    {
        var issue = At(Problems(TestFiles.Fixture("bad.csv")), 17, "5");

        Assert.Equal("percent", issue.Found);
        Assert.Contains("revenue is measured in 亿元", issue.Rule);
    }

    [Fact]
    public void ReportsMissingAndUnknownColumnsOnTheHeaderLine()
    {
        var path = TestFiles.Temporary("zone,indicator,year,Value ,unit,source,comment\nAlpha,revenue,2019,1,亿元,x,y\n");

        var issues = Problems(path);

        Assert.All(issues, i => Assert.Equal(1, i.Location.Line));
        var unknown = Assert.Single(issues, i => i.Found == "Value ");
        Assert.Equal("4", unknown.Location.Column);
        Assert.Contains("did you mean \"value\"", unknown.Rule);
        Assert.Single(issues, i => i.Found == "comment" && i.Location.Column == "7");
        Assert.Single(issues, i => i.Rule.Contains("\"value\" is missing"));
        Assert.Single(issues, i => i.Rule.Contains("\"status\" is missing"));
    }

    [Fact]
    public void ReportsTextThatIsNotUtf8()
    {
        // "收入" in GBK is the bytes C8 D5 C8 EB: not valid UTF-8.
        var header = Encoding.ASCII.GetBytes("zone,indicator,year,value,unit,status,source,quote\nAlpha,revenue,2019,1,");
        var gbk = new byte[] { 0xC8, 0xD5, 0xC8, 0xEB };
        var path = TestFiles.Temporary([.. header, .. gbk, .. Encoding.ASCII.GetBytes(",reported,x,\n")]);

        var issue = Assert.Single(Problems(path));

        Assert.Contains("not valid UTF-8", issue.Rule);
        Assert.Contains("CSV UTF-8", issue.Advice);
    }

    [Fact]
    public void ReportsAStrayQuoteInAnUnquotedField()
    {
        var path = TestFiles.Temporary("zone,indicator,year,value,unit,status,source\nAlpha,revenue,2019,1,亿元,reported,say \"hi\"\n");

        var issue = Assert.Single(Problems(path), i => i.Rule.Contains("not well-formed CSV"));

        Assert.Equal(2, issue.Location.Line);
    }

    [Fact]
    public void ReportsXlsxProblemsWithRowNumberAndColumnLetter()
    {
        object?[] header = ["zone", "indicator", "year", "value", "unit", "status", "source"];
        var path = XlsxWriter.Write(
        [
            header,
            ["Alpha", "revenue", 2019.0, 100.0, "亿元", "reported", "example.org/a"],
            ["Alpha", "revenue", 2020.0, "1,596.2", "亿元", "reported", "example.org/a"],
            ["Alpha", "revenue", "2021年", 3.0, "亿元", "reported", "example.org/a"],
        ]);

        var issues = Problems(path);

        Assert.Equal(2, issues.Count);
        var value = At(issues, 3, "D");
        Assert.Equal("1,596.2", value.Found);
        Assert.Contains("line 3, column D (value)", value.ToString());
        Assert.Equal("2021年", At(issues, 4, "C").Found);
    }

    [Fact]
    public void ReportsAValueInAnUnheadedSpreadsheetColumn()
    {
        object?[] header = ["zone", "indicator", "year", "value", "unit", "status", "source"];
        var path = XlsxWriter.Write(
        [
            header,
            ["Alpha", "revenue", 2019.0, 100.0, "亿元", "reported", "example.org/a", "stray"],
        ]);

        var issue = Assert.Single(Problems(path));

        Assert.Equal("H", issue.Location.Column);
        Assert.Equal("stray", issue.Found);
    }

    [Fact]
    public void ReportsAFileThatIsNotAWorkbook()
    {
        var path = TestFiles.Temporary("this is not a zip archive", ".xlsx");

        var issue = Assert.Single(Problems(path));

        Assert.Contains("not a readable .xlsx workbook", issue.Rule);
    }

    [Fact]
    public void RejectsAnUnsupportedFileType()
    {
        var path = TestFiles.Temporary("zone\n", ".txt");

        var issue = Assert.Single(Problems(path));

        Assert.Equal(".txt", issue.Found);
    }

    [Fact]
    public void A_missing_file_names_the_value_the_rule_and_the_path_it_became()
    {
        var e = Assert.Throws<FileNotFoundException>(() => DataSet.Load("no/such/file.csv", TestFiles.Catalog));

        Assert.Equal(
            $"Data file \"no/such/file.csv\" was not found: read as relative to the workbook's root folder, {WorkbookPaths.Root}, it is {Path.Combine(WorkbookPaths.Root, "no", "such", "file.csv")}, which does not exist. Give a path relative to the workbook's root folder (e.g. data/hhz-indicators.csv), or an absolute path; on the command line, a path relative to the directory you type it in.",
            e.Message);
    }

    [Fact]
    public void ValidatesTheCatalogToo()
    {
        var catalog = TestFiles.Temporary("indicator,name_zh,name_en,unit,kind,growth_indicator\nx,名,Name,亿元,level,\nx,名,Name,dollars,stock,nope\n");

        var issues = Problems(TestFiles.Fixture("good.csv"), catalog);

        Assert.Contains(issues, i => i.Location.Line == 3 && i.Found == "dollars");
        Assert.Contains(issues, i => i.Location.Line == 3 && i.Found == "stock" && i.Location.ColumnName == "kind");
        Assert.Contains(issues, i => i.Location.Line == 3 && i.Rule.Contains("already defined on line 2"));
    }
}
