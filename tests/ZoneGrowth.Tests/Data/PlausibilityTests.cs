using ZoneGrowth.Data;

namespace ZoneGrowth.Tests.Data;

/// <summary>
/// Figures that contradict related ones are refused after every row is read, each naming its line, column and
/// value, the rule, the related row and the fix; a row may override a rule only with a reason in its note. The
/// files are small and written here, against the workbook's catalog (data/indicators.csv, part_of) and zone
/// catalog (data/zones.csv: HHZ lies in Hangzhou, Hangzhou in Zhejiang). Line numbers count the header as line 1.
/// </summary>
public sealed class PlausibilityTests
{
    private const string Header = "zone,indicator,year,period,value,unit,status,growth_pct,basis,published,source,quote,note\n";

    private static IReadOnlyList<ValidationIssue> Problems(string rows) =>
        DataSet.Check([TestFiles.Temporary(Header + rows)], WorkbookPaths.Catalog).Issues;

    [Fact]
    public void APartAboveItsWholeIsRefused()
    {
        // Core added value 2500 above GDP 2400 in the same zone, year, period and basis.
        var issue = Assert.Single(Problems(
            "HHZ,gdp,2022,,2400,亿元,reported,,,,example.org/a,,\n"
            + "HHZ,core_digital_added_value,2022,,2500,亿元,reported,,,,example.org/b,,\n"));

        Assert.Equal((3, "value", "2500"), (issue.Location.Line, issue.Location.ColumnName, issue.Found));
        Assert.Contains("is above HHZ gdp 2022 (2400 亿元, reported, line 2", issue.Rule);
        Assert.Contains("a part cannot exceed its whole", issue.Rule);
        Assert.Contains("[allow part-above-whole: the reason]", issue.Advice);
    }

    [Fact]
    public void AHugeLevelJumpIsRefusedWithAdviceAndNoUnitThatWouldOverflowIsSuggested()
    {
        // 10^27 亿元 against 2184.8 the year before: a level jump. The advice tries the value in other units
        // (10^27 万亿元 would be 10^39 元, beyond decimal's range): such units are skipped, not a crash.
        var issue = Assert.Single(Problems(
            "HHZ,gdp,2022,,2184.8,亿元,reported,,,,example.org/a,,\n"
            + "HHZ,gdp,2023,,1e27,亿元,reported,,,,example.org/b,,\n"));

        Assert.Equal((3, "value", "1000000000000000000000000000"), (issue.Location.Line, issue.Location.ColumnName, issue.Found));
        Assert.Contains("level more than 3 times", issue.Rule);
        Assert.Contains("[allow level-jump: the reason]", issue.Advice);
    }

    [Fact]
    public void APartOnAnotherBasisThanItsWholeIsNotCompared()
    {
        Assert.Empty(Problems(
            "HHZ,gdp,2024,,2400,亿元,reported,,,,example.org/a,,\n"
            + "HHZ,core_digital_added_value,2024,,2500,亿元,reported,,census5,,example.org/b,,\n"));
    }

    [Fact]
    public void AZoneAboveTheAreaItLiesInIsRefused()
    {
        var issue = Assert.Single(Problems(
            "Zhejiang,gdp,2022,,2000,亿元,reported,,,,example.org/a,,\n"
            + "HHZ,gdp,2022,,2184.8,亿元,reported,,,,example.org/b,,\n"));

        Assert.Equal(3, issue.Location.Line);
        Assert.Contains("is above Zhejiang gdp 2022 (2000 亿元, reported, line 2", issue.Rule);
        Assert.Contains("Zhejiang contains HHZ (data/zones.csv)", issue.Rule);
    }

    [Fact]
    public void ALevelJumpIsRefusedAtTheRowThatJumpsWithTheUnitThatFits()
    {
        // 2021 1596.2 and 2023 1800 agree; 2022 written as 1700 billion RMB (17000 亿元) jumps against both.
        var issue = Assert.Single(Problems(
            "HHZ,core_digital_added_value,2021,,1596.2,亿元,reported,,,,example.org/a,,\n"
            + "HHZ,core_digital_added_value,2022,,1700,billion RMB,estimate,,,,example.org/b,,\n"
            + "HHZ,core_digital_added_value,2023,,1800,亿元,reported,,,,example.org/c,,\n"));

        Assert.Equal((3, "1700"), (issue.Location.Line, issue.Found));
        Assert.Contains("17000 亿元 (1700 十亿元, billion RMB, as written)", issue.Rule);
        Assert.Contains("10.7 times above the nearest year's HHZ core_digital_added_value 2021", issue.Rule);
        Assert.Contains("did you mean 1700 亿元", issue.Advice);
    }

    [Fact]
    public void InASeriesOfTwoYearsTheLaterLineIsTheOneReported()
    {
        var issue = Assert.Single(Problems(
            "HHZ,gdp,2021,,2022.6,亿元,reported,,,,example.org/a,,\n"
            + "HHZ,gdp,2022,,218.48,亿元,reported,,,,example.org/b,,\n"));

        Assert.Equal(3, issue.Location.Line);
        Assert.Contains("9.3 times below", issue.Rule);
    }

    [Fact]
    public void ALevelFarFromThePreviousYearGrownAtItsRateIsRefused()
    {
        // 5000 against 4758.7 grown 25 % (5948.4) is 15.9 % short, allowed; against it grown 60 % (7613.9), 34.3 % short, refused.
        Assert.Empty(Problems(
            "HHZ,digital_economy_revenue,2021,,4758.7,亿元,reported,,,,example.org/a,,\n"
            + "HHZ,digital_economy_revenue,2022,,5000,亿元,reported,25,,,example.org/b,,\n"));
        var issue = Assert.Single(Problems(
            "HHZ,digital_economy_revenue,2021,,4758.7,亿元,reported,,,,example.org/a,,\n"
            + "HHZ,digital_economy_revenue,2022,,5000,亿元,reported,60,,,example.org/b,,\n"));

        Assert.Equal(3, issue.Location.Line);
        Assert.Contains(FormattableString.Invariant($"{100 * ((5000 / (4758.7 * 1.6)) - 1):0.#} % away from 2021's HHZ digital_economy_revenue 2021"), issue.Rule);
        Assert.Contains("the level and its growth rate cannot both be right", issue.Rule);
    }

    [Fact]
    public void AReasonInTheNoteOverridesTheRuleItNames()
    {
        Assert.Empty(Problems(
            "Zhejiang,gdp,2022,,2000,亿元,reported,,,,example.org/a,,\n"
            + "HHZ,gdp,2022,,2184.8,亿元,reported,,,,example.org/b,,\"Checked twice [allow zone-above-parent: a test of the override].\"\n"));
    }

    [Theory]
    [InlineData("[allow zone-above-parent:]", "has no reason")]
    [InlineData("[allow no-such-rule: because]", "is not a rule")]
    public void AMalformedOverrideIsRefusedAndOverridesNothing(string note, string why)
    {
        var issues = Problems(
            "Zhejiang,gdp,2022,,2000,亿元,reported,,,,example.org/a,,\n"
            + $"HHZ,gdp,2022,,2184.8,亿元,reported,,,,example.org/b,,{note}\n");

        Assert.Equal(2, issues.Count);
        Assert.Contains(issues, i => i.Location.ColumnName == "note" && i.Rule.Contains(why, StringComparison.Ordinal));
        Assert.Contains(issues, i => i.Location.ColumnName == "value" && i.Rule.Contains("cannot exceed an area it lies in", StringComparison.Ordinal));
    }

    [Fact]
    public void TheShippedDataPassesEveryRule()
    {
        Assert.True(DataSet.Check([WorkbookPaths.DefaultDataFile], WorkbookPaths.Catalog).IsValid);
    }

    [Fact]
    public void AnInferredFigureSaysSoInItsNote()
    {
        var data = DataSet.LoadDefault();

        var inferred = data.Observations.Where(o => o.IsInferred).Select(o => (o.Zone, o.Indicator.Id, o.Year, o.Status)).ToArray();

        Assert.Equal([("HHZ", "core_digital_added_value", 2024, ObservationStatus.LowerBound), ("HHZ", "core_digital_added_value", 2024, ObservationStatus.UpperBound)], inferred);
    }
}
