using ZoneGrowth.Audit;
using ZoneGrowth.Data;

namespace ZoneGrowth.Tests.Audit;

/// <summary>
/// The consistency audit flags the known breaks in the shipped data and nothing on a clean
/// series. Expected disagreements are computed by hand from the published figures.
/// </summary>
public class ConsistencyAuditTests
{
    private static readonly AuditReport Shipped = ConsistencyAudit.Run(DataSet.LoadDefault());

    [Fact]
    public void FlagsTheRevenueLabelChangeFrom2017To2018()
    {
        var finding = Assert.Single(Shipped.Findings, f => f.Kind == AuditCheckKind.LabelChange);

        // 2018 revenue 3070 with growth 17.2 % implies 3070 / 1.172 = 2619.45 for 2017;
        // the IT-industry revenue label reports 2798.2, 6.82 % more.
        Assert.Equal(("digital_economy_revenue", 2017, 2018), (finding.Indicator, finding.FromYear, finding.ToYear));
        Assert.Equal(3070 / 1.172, finding.Expected, 1e-9);
        Assert.Equal((2798.2 * 1.172 / 3070) - 1, finding.Disagreement, 1e-12);
        Assert.Equal(["it_industry_revenue", "digital_economy_revenue"], finding.Rows.Select(r => r.Indicator.Id));
        Assert.Contains("not on the same basis", finding.Explanation);
    }

    [Fact]
    public void FlagsTheGdpCensusJumpFrom2022To2024()
    {
        var finding = Assert.Single(Shipped.Findings, f => f.Indicator == "gdp" && f.FromYear == 2022);

        // 2184.8 × 1.080 × 1.050 = 2477.56 expected for 2024; 2887.8 published: +16.56 %.
        Assert.Equal(2024, finding.ToYear);
        Assert.Equal(2184.8 * 1.08 * 1.05, finding.Expected, 1e-9);
        Assert.Equal((2887.8 / (2184.8 * 1.08 * 1.05)) - 1, finding.Disagreement, 1e-12);
        // The 2023 growth comes from the growth-only row, so three rows are involved.
        Assert.Equal([2022, 2023, 2024], finding.Rows.Select(r => r.Year));
        Assert.Contains("level break", finding.Explanation);
    }

    [Fact]
    public void ListsZhejiangsCensusRevisionOf2023()
    {
        var revision = Assert.Single(Shipped.Findings, f => f.Kind == AuditCheckKind.Revision);

        Assert.Equal(("Zhejiang", 2023), (revision.Zone, revision.ToYear));
        Assert.Equal((85620.0 / 82553) - 1, revision.Disagreement, 1e-12);
    }

    [Fact]
    public void AcceptsGdpYearsWhosePriceChangeIsPlausible()
    {
        // 2016: 901.4 / (790 × 1.14) − 1 = +0.09 %; 2021: 2022.6 / (1745.7 × 1.113) − 1 = +4.1 %.
        Assert.Contains(Shipped.Checks, c => c.Indicator == "gdp" && c.ToYear == 2016 && !c.IsFlagged);
        Assert.Contains(Shipped.Checks, c => c.Indicator == "gdp" && c.ToYear == 2021 && !c.IsFlagged);
    }

    [Fact]
    public void FlagsNothingOnACleanSeries()
    {
        var data = DataSet.Load(TestFiles.Fixture("audit-clean.csv"), TestFiles.Catalog);

        var report = ConsistencyAudit.Run(data);

        // revenue 2019→20, 2020→21; gdp 2019→20, 2020→22 (through the growth-only 2021 row); label 2018→19.
        Assert.Equal(5, report.Checks.Count);
        Assert.Empty(report.Findings);
        Assert.Equal(0, report.ToDataFrame().Rows.Count);
        Assert.Equal(5, report.ToDataFrame(findingsOnly: false).Rows.Count);
    }

    [Fact]
    public void ATighterDeflatorBandFlagsTheCleanRealSeries()
    {
        var data = DataSet.Load(TestFiles.Fixture("audit-clean.csv"), TestFiles.Catalog);

        // The clean GDP series has prices rising 2 % a year; a band capped at 1 % must flag both spans.
        var report = ConsistencyAudit.Run(data, new AuditOptions { DeflatorHigh = 0.01 });

        Assert.Equal(2, report.Findings.Count(f => f.Indicator == "gdp"));
    }
}
