using System.Text;
using ZoneGrowth.Data;

namespace ZoneGrowth.Tests.Data;

/// <summary>
/// Files as economists deliver them, derived from the shipped data: every defect found by trying
/// them gets a clear error naming file, line and column, the value found (escaped and cut to a
/// readable length), the rule and the fix — never a crash or a guess.
/// </summary>
public sealed class DeliveredDataTests
{
    private static readonly string[] ShippedLines = File.ReadAllLines(WorkbookPaths.DefaultDataFile);

    private static DataCheckResult Check(byte[] bytes) => DataSet.Check([TestFiles.Temporary(bytes)], WorkbookPaths.Catalog);

    private static DataCheckResult Check(IEnumerable<string> lines) => Check(Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n"));

    /// <summary>The shipped file with line <paramref name="line"/> (1-based) replaced.</summary>
    private static string[] WithLine(int line, string text)
    {
        var lines = ShippedLines.ToArray();
        lines[line - 1] = text;
        return lines;
    }

    [Fact]
    public void AHeaderOnlyFileIsAnErrorNotACrash()
    {
        var result = Check(ShippedLines.Take(1));

        var issue = Assert.Single(result.Issues);
        Assert.Equal(2, issue.Location.Line);
        Assert.Contains("no data rows", issue.Rule);
        Assert.Null(result.DataSet);

        // A data set with nothing in it (figures up to a year before any) still summarises.
        var empty = DataSet.LoadDefault().UpTo(1900);
        Assert.Contains("observations", DataSummary.Of(empty).ToString());
    }

    [Theory]
    [InlineData(30)]
    [InlineData(2)]
    public void InvalidUtf8IsReportedOnTheLineItIsOn(int line)
    {
        var lines = ShippedLines.Select(l => Encoding.UTF8.GetBytes(l + "\n")).ToArray();
        lines[line - 1] = [.. Encoding.UTF8.GetBytes("HHZ,gdp,2016,,901.4,"), 0xC3, 0x28, .. Encoding.UTF8.GetBytes(",reported,,,,x,,\n")];

        var issue = Assert.Single(Check(lines.SelectMany(l => l).ToArray()).Issues);

        Assert.Equal(line, issue.Location.Line);
        Assert.Equal("bytes C3 28 2C 72", issue.Found);
        Assert.Contains("UTF-8", issue.Advice);
    }

    [Fact]
    public void AUtf16FileIsRejectedAsUtf16()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(string.Join("\n", ShippedLines))).ToArray();

        var issue = Assert.Single(Check(bytes).Issues);

        Assert.Equal(1, issue.Location.Line);
        Assert.Contains("UTF-16", issue.Rule);
        Assert.Contains("CSV UTF-8", issue.Advice);
    }

    [Fact]
    public void ANulByteInANoteIsRejectedAndShownEscaped()
    {
        var issue = Assert.Single(Check(WithLine(20, "HHZ,gdp,2016,,901.4,亿元,reported,14.0,,2021-06-16,hhtz.gov.cn/x,,Growth\0 is real.")).Issues);

        Assert.Equal(20, issue.Location.Line);
        Assert.Equal("note", issue.Location.ColumnName);
        Assert.Contains("control character", issue.Rule);
        Assert.Contains("Growth\\u0000 is real.", issue.ToString());
    }

    [Theory]
    [InlineData("source", "=HYPERLINK(\"\"http://example.org\"\",\"\"click\"\")")]
    [InlineData("quote", "+1 (SUM)")]
    [InlineData("note", "@cmd")]
    [InlineData("note", "-2+3")]
    public void FreeTextStartingLikeAFormulaIsRejected(string column, string text)
    {
        var fields = new Dictionary<string, string> { ["source"] = "hhtz.gov.cn/x", ["quote"] = "", ["note"] = "" };
        fields[column] = $"\"{text}\"";

        var issue = Assert.Single(Check(WithLine(20, $"HHZ,gdp,2016,,901.4,亿元,reported,14.0,,2021-06-16,{fields["source"]},{fields["quote"]},{fields["note"]}")).Issues);

        Assert.Equal(column, issue.Location.ColumnName);
        Assert.Contains("formula", issue.Rule);
    }

    [Fact]
    public void AThousandsSeparatorGetsAHintNotJustAFieldCount()
    {
        var issue = Assert.Single(Check(WithLine(20, "HHZ,gdp,2021,,2,022.6,亿元,reported,11.3,,2022-03-03,hhtz.gov.cn/x,,")).Issues);

        Assert.Equal(20, issue.Location.Line);
        Assert.Contains("14 fields", issue.Rule);
        Assert.Contains("\"2,022.6\" looks like a number written with a thousands separator", issue.Advice);
        Assert.Contains("(2022.6)", issue.Advice);
    }

    [Theory]
    [InlineData('\t', "tab")]
    [InlineData(';', "semicolon")]
    public void AFileWithAnotherSeparatorGetsOneIssueNamingIt(char separator, string name)
    {
        var lines = ShippedLines.Take(5).Select(l => l.Replace(',', separator));

        var issue = Assert.Single(Check(lines).Issues);

        Assert.Equal(1, issue.Location.Line);
        Assert.Contains($"{name}-separated", issue.Rule);
        Assert.Contains("comma delimited", issue.Advice);
    }

    [Fact]
    public void AVeryLongValueIsCutInTheMessage()
    {
        var note = new string('x', 10_000_000);
        var issue = Assert.Single(Check(WithLine(20, $"HHZ,gdp,2016,,901.4,亿元,reported,14.0,,2021-06-16,hhtz.gov.cn/x,,{note},extra")).Issues);

        var text = issue.ToString();
        Assert.True(text.Length < 2000, $"{text.Length} characters");
        Assert.Contains("characters in all)", text);
    }

    [Fact]
    public void AnUnterminatedQuoteIsReportedOnce()
    {
        var issues = Check(WithLine(20, "HHZ,gdp,2016,,901.4,亿元,reported,14.0,,2021-06-16,\"hhtz.gov.cn/x,,")).Issues;

        var issue = Assert.Single(issues);
        Assert.Equal(20, issue.Location.Line);
    }
}
