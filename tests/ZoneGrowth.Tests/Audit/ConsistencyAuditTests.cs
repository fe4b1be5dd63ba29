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
        // The only levels of 2023 and 2024 are on two bases, and the explanation says so.
        Assert.Contains("The two levels are on different bases (2023 as first published, 2024 revised after the fifth national economic census)", finding.Explanation);
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

        // Hangzhou's is a revision on one basis; Zhejiang's is a change of basis after the census, said as such.
        Assert.Equal("Gross domestic product (Hangzhou) 2021: first published as 18109 (2022-01-22), revised to 18247 (2023-01-21), +0.8 %.", revisions[0].Explanation);
        Assert.Equal(
            "Gross domestic product (Zhejiang) 2023: 82553 as first published (2024-03-04), 85620 revised after the fifth national economic census (2025), +3.7 %: "
            + "a census revision, a change of basis rather than growth; compare levels on one basis.",
            revisions[1].Explanation);
    }

    [Fact]
    public void EveryCheckOfTheShippedDataIsAsBeforeWithOneMoreOnTheFirstPublishedBasis()
    {
        // From data/hhz-indicators.csv (line: figure), by hand; "real" growth for GDP: a flag outside the deflator band of −2 % to +5 % a year.
        (AuditCheckKind Kind, string Zone, string Indicator, int From, int To, double Expected, double Actual, bool Flagged)[] expected =
        [
            // 10: revenue 2018 3070 +17.2 %; 14: IT-industry revenue 2017 2798.2.
            (AuditCheckKind.LabelChange, "HHZ", "digital_economy_revenue", 2017, 2018, 3070 / 1.172, 2798.2, true),
            // 15-21, 80, 22: HHZ GDP 2015 790 (estimate), 2016 901.4 +14.0, 2017 1088.9 +13.2, 2018 1350.7, 2020 1745.7, 2021 2022.6 +11.3,
            // 2022 2184.8 +1.8, 2023 2467.9 (23: real growth 8), 2024 2887.8 +5.0 census5. 2017→2018 and 2018→2020 have no growth.
            (AuditCheckKind.GrowthVersusLevels, "HHZ", "gdp", 2015, 2016, 790 * 1.14, 901.4, false),
            (AuditCheckKind.GrowthVersusLevels, "HHZ", "gdp", 2016, 2017, 901.4 * 1.132, 1088.9, true),
            (AuditCheckKind.GrowthVersusLevels, "HHZ", "gdp", 2020, 2021, 1745.7 * 1.113, 2022.6, false),
            (AuditCheckKind.GrowthVersusLevels, "HHZ", "gdp", 2021, 2022, 2022.6 * 1.018, 2184.8, true),
            (AuditCheckKind.GrowthVersusLevels, "HHZ", "gdp", 2022, 2023, 2184.8 * 1.08, 2467.9, false),
            (AuditCheckKind.GrowthVersusLevels, "HHZ", "gdp", 2023, 2024, 2467.9 * 1.05, 2887.8, true),
            // 60, 61, 62, 63, 24, 25, 26, 27, 28, 64: Zhejiang GDP 2016 46485, 2017 51768 +7.8, 2020 65000 (about 6.5万亿), 2021 73516 (real growth 8.5),
            // 2022 77715 +3.1, 2023 82553 +6.0 first published and 85620 census5, 2024 90131 +5.5 census5, 2025 94545 +5.5 census5.
            (AuditCheckKind.GrowthVersusLevels, "Zhejiang", "gdp", 2016, 2017, 46485 * 1.078, 51768, false),
            (AuditCheckKind.GrowthVersusLevels, "Zhejiang", "gdp", 2020, 2021, 65000 * 1.085, 73516, false),
            (AuditCheckKind.GrowthVersusLevels, "Zhejiang", "gdp", 2021, 2022, 73516 * 1.031, 77715, false),
            // New: 2022 → 2023 on the basis first published (it used to pair 2022 with the census-revised 2023, which has no growth rate).
            (AuditCheckKind.GrowthVersusLevels, "Zhejiang", "gdp", 2022, 2023, 77715 * 1.06, 82553, false),
            (AuditCheckKind.GrowthVersusLevels, "Zhejiang", "gdp", 2023, 2024, 85620 * 1.055, 90131, false),
            (AuditCheckKind.GrowthVersusLevels, "Zhejiang", "gdp", 2024, 2025, 90131 * 1.055, 94545, false),
            // 75-78: Hangzhou GDP 2021 18247 (the later release), 2022 18753 +1.5, 2023 20059 +5.6, 2024 21860 +4.7 census5 (2025 has no growth).
            (AuditCheckKind.GrowthVersusLevels, "Hangzhou", "gdp", 2021, 2022, 18247 * 1.015, 18753, false),
            (AuditCheckKind.GrowthVersusLevels, "Hangzhou", "gdp", 2022, 2023, 18753 * 1.056, 20059, false),
            (AuditCheckKind.GrowthVersusLevels, "Hangzhou", "gdp", 2023, 2024, 20059 * 1.047, 21860, false),
            // 26 → 27 and 74 → 75.
            (AuditCheckKind.Revision, "Zhejiang", "gdp", 2023, 2023, 82553, 85620, true),
            (AuditCheckKind.Revision, "Hangzhou", "gdp", 2021, 2021, 18109, 18247, true),
        ];

        Assert.Equal(expected.Length, Shipped.Checks.Count);
        foreach (var (e, c) in expected.Zip(Shipped.Checks))
        {
            Assert.Equal((e.Kind, e.Zone, e.Indicator, e.From, e.To, e.Flagged), (c.Kind, c.Zone, c.Indicator, c.FromYear, c.ToYear, c.IsFlagged));
            Assert.Equal(e.Expected, c.Expected, 1e-9);
            Assert.Equal(e.Actual, c.Actual, 1e-9);
        }

        // The findings are the six data/README.md lists, as before.
        Assert.Equal(6, Shipped.Findings.Count);
    }

    [Fact]
    public void ACensusRevisedLevelBesideTheFirstReleaseIsARevisionAndLevelsAreComparedOnOneBasis()
    {
        // The user's row: HHZ 2023 GDP 2640 revised after the fifth census, beside the undated first release 2467.9 (line 80).
        var text = File.ReadAllText(WorkbookPaths.DefaultDataFile);
        var data = DataSet.Load(TestFiles.Temporary(text + "HHZ,gdp,2023,,2640,亿元,reported,,census5,2025,somewhere.gov.cn,,Revised after the fifth economic census.\n"), WorkbookPaths.Catalog);

        var report = ConsistencyAudit.Run(data);
        var hhz = report.Checks.Where(c => c.Zone == "HHZ" && c.Indicator == "gdp").ToArray();

        // 2022 → 2023 on the basis first published, as before: 2184.8 × 1.08 against 2467.9.
        var first = Assert.Single(hhz, c => c.Kind == AuditCheckKind.GrowthVersusLevels && c.ToYear == 2023);
        Assert.Equal((2184.8 * 1.08, 2467.9, false), (first.Expected, first.Actual, first.IsFlagged));
        // 2023 → 2024 on the revised basis: 2640 × 1.05 = 2772 against 2887.8, +4.2 %, a plausible price rise; no step across bases.
        var revised = Assert.Single(hhz, c => c.Kind == AuditCheckKind.GrowthVersusLevels && c.FromYear == 2023);
        Assert.Equal(2640 * 1.05, revised.Expected, 1e-9);
        Assert.Equal((2887.8 / (2640 * 1.05)) - 1, revised.Disagreement, 1e-12);
        Assert.False(revised.IsFlagged);
        Assert.DoesNotContain("different bases", revised.Explanation);
        // The step from 2467.9 to 2640 is a census revision of 2023 (+7.0 %), not a growth disagreement.
        var revision = Assert.Single(hhz, c => c.Kind == AuditCheckKind.Revision);
        Assert.Equal((2023, 2467.9, 2640.0), (revision.ToYear, revision.Expected, revision.Actual));
        Assert.Equal((2640 / 2467.9) - 1, revision.Disagreement, 1e-12);
        Assert.Contains("2467.9 as first published (publication date unknown), 2640 revised after the fifth national economic census (2025), +7.0 %", revision.Explanation);
        Assert.Contains("a census revision", revision.Explanation);
        // Everything else is the shipped audit: one more check (the revised step replaces the cross-basis one) and one more revision.
        Assert.Equal(Shipped.Checks.Count + 1, report.Checks.Count);
        Assert.Equal(Shipped.Findings.Count, report.Findings.Count);
    }

    [Fact]
    public void LevelsAreChainedOnEachBasisAndAYearsBasesAreRevisionsInBasisOrder()
    {
        // gdp (real growth): first published 2020 100, 2021 105 (+4 %); census4 2021 108; census5 2021 110 and 2022 115 (+4 %).
        var data = DataSet.Load(TestFiles.Temporary(
            "zone,indicator,year,value,unit,status,growth_pct,basis,published,source\n"
            + "Alpha,gdp,2020,100,亿元,reported,,,2021,example.org/a\n"
            + "Alpha,gdp,2021,105,亿元,reported,4,,2022,example.org/b\n"
            + "Alpha,gdp,2021,110,亿元,reported,,census5,2025,example.org/c\n"
            + "Alpha,gdp,2021,108,亿元,reported,,census4,,example.org/d\n"
            + "Alpha,gdp,2022,115,亿元,reported,4,census5,2025,example.org/e\n"), TestFiles.Catalog);

        var checks = ConsistencyAudit.Run(data).Checks;

        // On the first basis 100 × 1.04 = 104 against 105; on census5 110 × 1.04 = 114.4 against 115; no step across bases.
        Assert.Equal(
            [(AuditCheckKind.GrowthVersusLevels, 2020, 2021, 104.0, 105.0), (AuditCheckKind.GrowthVersusLevels, 2021, 2022, 114.4, 115.0),
             (AuditCheckKind.Revision, 2021, 2021, 105.0, 108.0), (AuditCheckKind.Revision, 2021, 2021, 108.0, 110.0)],
            checks.Select(c => (c.Kind, c.FromYear, c.ToYear, Math.Round(c.Expected, 9), c.Actual)));
        Assert.All(checks.Where(c => c.Kind == AuditCheckKind.GrowthVersusLevels), c => Assert.DoesNotContain("different bases", c.Explanation));
        Assert.Contains("105 as first published (2022), 108 revised after the fourth national economic census (publication date unknown), +2.9 %", checks[2].Explanation);
        Assert.Contains("108 revised after the fourth national economic census (publication date unknown), 110 revised after the fifth national economic census (2025), +1.9 %", checks[3].Explanation);
    }

    [Fact]
    public void ALevelOfZeroIsNotComparedAndNothingThrows()
    {
        // revenue (nominal) 2020: 0 (an estimate), 2021: 0 with growth 5 % (0 grown is 0) and a revision of 2021 from 0
        // to 10. No ratio to zero is formed. (A growth of −100 %, which would imply 0 ÷ 0 for the year before, is
        // refused by the loader: DataSetTests.)
        var data = DataSet.Load(TestFiles.Temporary(
            "zone,indicator,year,value,unit,status,growth_pct,published,source\n"
            + "Alpha,revenue,2020,0,亿元,estimate,,2021,example.org/a\n"
            + "Alpha,revenue,2021,0,亿元,reported,5,2022,example.org/b\n"
            + "Alpha,revenue,2021,10,亿元,reported,5,2023,example.org/c\n"
            + "Alpha,old_revenue,2019,4,亿元,reported,,2020,example.org/d\n"), TestFiles.Catalog);

        var report = ConsistencyAudit.Run(data);

        Assert.Empty(report.Checks);
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
