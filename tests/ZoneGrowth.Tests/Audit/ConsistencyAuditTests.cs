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
    public void FlagsTheGdpCensusJumpFrom2023To2024()
    {
        var finding = Assert.Single(Shipped.Findings, f => f.Indicator == "gdp" && f.Zone == "HHZ" && f.FromYear == 2023);

        // 2467.9 × 1.050 = 2591.3 expected for 2024; 2887.8 published (on the revised basis): +11.4 %.
        Assert.Equal(2024, finding.ToYear);
        Assert.Equal(2467.9 * 1.05, finding.Expected, 1e-9);
        Assert.Equal((2887.8 / (2467.9 * 1.05)) - 1, finding.Disagreement, 1e-12);
        Assert.Contains("level break", finding.Explanation);
    }

    [Fact]
    public void AcceptsThe2023GdpWhosePriceRiseIsWithinThePlausibleRange()
    {
        // 2467.9 / (2184.8 × 1.080) − 1 = +4.6 %, inside −2 % to +5 %.
        var check = Assert.Single(Shipped.Checks, c => c.Indicator == "gdp" && c.Zone == "HHZ" && c.ToYear == 2023);

        Assert.False(check.IsFlagged);
        Assert.Equal((2467.9 / (2184.8 * 1.08)) - 1, check.Disagreement, 1e-12);
    }

    [Fact]
    public void ListsTheRevisionsOfZhejiangsAndHangzhousGdp()
    {
        var revisions = Shipped.Findings.Where(f => f.Kind == AuditCheckKind.Revision).OrderBy(f => f.Zone, StringComparer.Ordinal).ToArray();

        // Hangzhou 2021: 18109 first published, 18247 a year later; Zhejiang 2023: 82553 revised to 85620 after the census.
        Assert.Equal([("Hangzhou", 2021), ("Zhejiang", 2023)], revisions.Select(r => (r.Zone, r.ToYear)));
        Assert.Equal((18247.0 / 18109) - 1, revisions[0].Disagreement, 1e-12);
        Assert.Equal((85620.0 / 82553) - 1, revisions[1].Disagreement, 1e-12);
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
