using ZoneGrowth.Data;

namespace ZoneGrowth.Tests.Data;

/// <summary>
/// Releases of one figure (same zone, indicator, year, period, status and basis) must have publication dates
/// that order them, or the check refuses them where they are, naming both lines; rows on different bases are
/// two figures, never releases of one another, dated or not. Lines are counted by hand: the header is line 1.
/// </summary>
public sealed class ReleaseOrderTests
{
    private const string Header = "zone,indicator,year,period,value,unit,status,growth_pct,basis,published,source\n";

    private static DataCheckResult Check(string rows, out string path)
    {
        path = TestFiles.Temporary(Header + rows);
        return DataSet.Check([path], TestFiles.Catalog);
    }

    [Theory]
    [InlineData("2024", "2024-03-04")]
    [InlineData("2024-03-04", "2024")]
    [InlineData("2024-03", "2024-03-04")]
    [InlineData("", "2024-03-04")]
    [InlineData("2024-03-04", "")]
    public void TwoReleasesOnOneBasisWhoseDatesDoNotOrderThemAreRefusedAtTheLaterLine(string first, string second)
    {
        var result = Check(
            $"Alpha,gdp,2023,,100,亿元,reported,,,{first},example.org/a\n"
            + $"Alpha,gdp,2023,,104,亿元,reported,,,{second},example.org/b\n", out var path);

        Assert.Null(result.DataSet);
        var issue = Assert.Single(result.Issues);
        // The later line (3), at its published cell (the 10th field), with its date as found.
        Assert.Equal((path, 3, "10", "published"), (issue.Location.File, issue.Location.Line, issue.Location.Column, issue.Location.ColumnName));
        Assert.Equal(second, issue.Found);
        Assert.Contains($"line 2 of {path}", issue.Rule, StringComparison.Ordinal);
        Assert.Contains($"published \"{second}\" and \"{first}\"", issue.Rule, StringComparison.Ordinal);
        Assert.Contains("values 104 亿元 and 100 亿元", issue.Rule, StringComparison.Ordinal);
        Assert.Contains("Alpha gdp 2023, reported, on the basis first published", issue.Rule, StringComparison.Ordinal);
        Assert.Contains("publication dates precise enough to order them", issue.Advice, StringComparison.Ordinal);
        Assert.Contains("census5", issue.Advice, StringComparison.Ordinal);
        Assert.Contains($"{path}, line 3, column 10 (published)", issue.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TwoUndatedReleasesOnOneBasisAreOneDuplicateProblemNotTwo()
    {
        var result = Check(
            "Alpha,gdp,2023,,100,亿元,reported,,census5,,example.org/a\n"
            + "Alpha,gdp,2023,,104,亿元,reported,,census5,,example.org/b\n", out _);

        var issue = Assert.Single(result.Issues);
        Assert.Equal(3, issue.Location.Line);
        Assert.Contains("line 2", issue.Rule, StringComparison.Ordinal);
        Assert.Contains("period, status, publication date and basis", issue.Rule, StringComparison.Ordinal);
        Assert.EndsWith(",census5", issue.Found, StringComparison.Ordinal);
    }

    [Fact]
    public void ReleasesOnTwoBasesAreTwoFiguresWhateverTheirDates()
    {
        // The user's case: an undated first release and a census-revised level of the same year.
        var result = Check(
            "Alpha,gdp,2023,,100,亿元,reported,,,,example.org/a\n"
            + "Alpha,gdp,2023,,107,亿元,reported,,census5,2025,example.org/b\n"
            + "Alpha,gdp,2022,,90,亿元,reported,,,2024,example.org/c\n"
            + "Alpha,gdp,2022,,95,亿元,reported,,census5,2024,example.org/d\n", out _);

        Assert.Empty(result.Issues);
        Assert.NotNull(result.DataSet);
    }

    [Fact]
    public void ReleasesOfOtherPeriodsOrStatusesAreOtherFigures()
    {
        var result = Check(
            "Alpha,gdp,2023,,100,亿元,reported,,,2024,example.org/a\n"
            + "Alpha,gdp,2023,H1,45,亿元,reported,,,2024-03-04,example.org/b\n"
            + "Alpha,gdp,2023,,98,亿元,estimate,,,2024-03-04,example.org/c\n", out _);

        Assert.Empty(result.Issues);
    }

    [Fact]
    public void OrderedReleasesLoadAndTheLatestIsTheFigure()
    {
        var result = Check(
            "Alpha,gdp,2023,,100,亿元,reported,,,2024-01,example.org/a\n"
            + "Alpha,gdp,2023,,104,亿元,reported,,,2025,example.org/b\n"
            + "Alpha,gdp,2023,,103,亿元,reported,,,2024-06-30,example.org/c\n", out _);

        var data = Assert.IsType<DataSet>(result.DataSet);
        var series = data.Series("gdp", "Alpha");
        Assert.Equal(104.0, series.ValueAt(2023));
        Assert.Equal([100.0, 103.0], series.Superseded.Select(o => o.Value));
    }

    [Fact]
    public void EachReleaseIsReportedOnceAgainstTheFirstEarlierLineItCannotBeOrderedAgainst()
    {
        // 2023 (line 2) and 2024 (line 3) are ordered; 2024-05 (line 4) cannot be ordered against line 3 only.
        var result = Check(
            "Alpha,gdp,2023,,100,亿元,reported,,,2023,example.org/a\n"
            + "Alpha,gdp,2023,,101,亿元,reported,,,2024,example.org/b\n"
            + "Alpha,gdp,2023,,102,亿元,reported,,,2024-05,example.org/c\n", out var path);

        var issue = Assert.Single(result.Issues);
        Assert.Equal(4, issue.Location.Line);
        Assert.Contains($"line 3 of {path}", issue.Rule, StringComparison.Ordinal);
    }
}
