using ZoneGrowth.Cli;

namespace ZoneGrowth.Cli.Tests;

/// <summary>The check verb, run in-process on the shipped data and on bad files.</summary>
public class CheckCommandTests
{
    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = WorkbookCommand.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static string Temporary(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"zonegrowth-cli-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void ChecksTheShippedDataByDefaultAndPrintsSummaryAndAudit()
    {
        var (code, output, error) = Run("check");

        Assert.Equal(WorkbookCommand.Success, code);
        Assert.Equal(string.Empty, error);
        Assert.Contains("hhz-indicators.csv", output);
        Assert.Contains("sha256", output);
        Assert.Contains("digital_economy_revenue", output);
        Assert.Contains("600 billion RMB (十亿元) = 6000 亿元", output);
        Assert.Contains("Consistency audit:", output);
        Assert.Contains("[change of label]", output);
    }

    [Fact]
    public void PrintsEveryProblemWithLineColumnRuleAndFixAndExitsOne()
    {
        var path = Temporary("zone,indicator,year,value,unit,status,source\nHHZ,gdp,2021,\"2,022.6\",亿元,reported,x\nHHZ,gdp,2022,2184.8,亿元,final,x\n");

        var (code, _, error) = Run("check", path);

        Assert.Equal(WorkbookCommand.DataProblems, code);
        Assert.Contains("2 problems found; nothing was loaded.", error);
        Assert.Contains("line 2, column 4 (value): found \"2,022.6\"", error);
        Assert.Contains("line 3, column 6 (status): found \"final\"", error);
        Assert.Contains("rule:", error);
        Assert.Contains("fix:", error);
    }

    [Fact]
    public void FiguresThatEachPassButTogetherContradictTheOutlookAreAProblemNamingTheirLines()
    {
        // The shipped data, which say the zone's 2025 GDP (after the census) was at least 3,000 亿元 (line 83), with an
        // upper bound of 2,900 亿元 on the same figure: each row passes, together they leave the outlook no room.
        var lines = File.ReadAllLines(WorkbookPaths.DefaultDataFile).ToList();
        lines.Add("HHZ,gdp,2025,,2900,亿元,upper-bound,,census5,2026-03-01,example.org/test,,");
        var path = Temporary(string.Join("\n", lines) + "\n");

        var (code, _, error) = Run("check", path);

        Assert.Equal(WorkbookCommand.DataProblems, code);
        Assert.StartsWith("1 problem found; nothing was loaded.", error);
        Assert.Contains(FormattableString.Invariant($"{path}, line {lines.Count}: found \"2900\""), error);
        Assert.Contains("line 83: GDP 2025 at least 3000", error);
        Assert.Contains(FormattableString.Invariant($"line {lines.Count}: GDP 2025 at most 2900"), error);
        Assert.DoesNotContain("   at ", error); // no stack trace
    }

    [Fact]
    public void AMissingFileIsAUsageError()
    {
        var (code, _, error) = Run("check", "no-such-file.csv");

        Assert.Equal(WorkbookCommand.Usage, code);
        Assert.Contains("no-such-file.csv", error);
    }

    [Fact]
    public void AnUnknownOptionIsAUsageError()
    {
        var (code, _, error) = Run("check", "--bogus");

        Assert.Equal(WorkbookCommand.Usage, code);
        Assert.Contains("--bogus", error);
    }

    [Fact]
    public void AnUnknownVerbIsAUsageError()
    {
        var (code, _, _) = Run("frobnicate");

        Assert.Equal(WorkbookCommand.Usage, code);
    }
}
