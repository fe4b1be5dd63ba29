using ZoneGrowth.Audit;
using ZoneGrowth.Data;

namespace ZoneGrowth.Tests.Data;

/// <summary>
/// A year published on several bases is one point of the series, on the latest basis, with the other bases'
/// figures kept (<see cref="IndicatorSeries.OnOtherBases"/>); the series on its original basis has the first
/// release of every year that has one. Values are the rows' own.
/// </summary>
public sealed class SeriesBasesTests
{
    private const string Header = "zone,indicator,year,period,value,unit,status,growth_pct,basis,published,source\n";

    private static DataSet Load(string rows) => DataSet.Load(TestFiles.Temporary(Header + rows), TestFiles.Catalog);

    /// <summary>The row a user added to a copy of the shipped file: HHZ's 2023 GDP revised after the fifth census.</summary>
    private const string CensusRevised2023 = "HHZ,gdp,2023,,2640,亿元,reported,,census5,2025,somewhere.gov.cn,,Revised after the fifth economic census.\n";

    private static DataSet ShippedWith(string rows)
    {
        var text = File.ReadAllText(WorkbookPaths.DefaultDataFile);
        var path = TestFiles.Temporary(text + (text.EndsWith('\n') ? string.Empty : "\n") + rows);
        return DataSet.Load(path, WorkbookPaths.Catalog);
    }

    [Fact]
    public void TheCensusRevised2023GdpBesideAnUndatedFirstReleaseLoadsAndShowsTheRevisedLevel()
    {
        var data = ShippedWith(CensusRevised2023);

        var gdp = data.Series("gdp", "HHZ");
        // 2023: 2640 (census5, line 84) over the undated first release 2467.9 (line 80); the other years as shipped.
        Assert.Equal([2016, 2017, 2018, 2020, 2021, 2022, 2023, 2024], gdp.Years);
        Assert.Equal([901.4, 1088.9, 1350.7, 1745.7, 2022.6, 2184.8, 2640, 2887.8], gdp.Values);
        Assert.Equal((84, "census5"), (gdp.PointAt(2023)!.Observation.Location.Line, gdp.PointAt(2023)!.Observation.Basis));
        Assert.Equal([(2023, 2467.9, 80)], gdp.OnOtherBases.Select(o => (o.Year, o.Value, o.Location.Line)));
        Assert.Empty(gdp.Superseded);

        // On the original basis the 2023 first release is kept although the point shows the revised level.
        Assert.Equal([901.4, 1088.9, 1350.7, 1745.7, 2022.6, 2184.8, 2467.9], gdp.OnOriginalBasis().Values);
        _ = ConsistencyAudit.Run(data);
    }

    [Fact]
    public void TheLatestBasisIsARevisedOneThenTheLaterCensusThenTheLaterDateThenTheLabel()
    {
        var data = Load(
            "Alpha,gdp,2018,,100,亿元,reported,,,2019,example.org/a\n"
            + "Alpha,gdp,2018,,106,亿元,reported,,census5,2025,example.org/c\n"
            + "Alpha,gdp,2018,,103,亿元,reported,,census4,2026,example.org/b\n"
            + "Alpha,gdp,2019,,110,亿元,reported,,rebase-b,2027,example.org/d\n"
            + "Alpha,gdp,2019,,111,亿元,reported,,census4,,example.org/e\n"
            + "Alpha,gdp,2020,,120,亿元,reported,,rebase-b,2021,example.org/f\n"
            + "Alpha,gdp,2020,,121,亿元,reported,,rebase-a,2022,example.org/g\n"
            + "Alpha,gdp,2021,,130,亿元,reported,,rebase-b,,example.org/h\n"
            + "Alpha,gdp,2021,,131,亿元,reported,,rebase-a,,example.org/i\n");

        var gdp = data.Series("gdp", "Alpha");

        // 2018: census5 over census4 (published later) over the first release; 2019: a census over a label naming
        // none; 2020: the later publication date; 2021: neither census nor date, so the label (rebase-b after rebase-a).
        Assert.Equal([106.0, 111, 121, 130], gdp.Values);
        Assert.Equal([(2018, 100.0), (2018, 103.0), (2019, 110.0), (2020, 120.0), (2021, 131.0)], gdp.OnOtherBases.Select(o => (o.Year, o.Value)));
    }

    [Fact]
    public void OnTheOriginalBasisAYearWithOnlyARevisedFigureIsAGapAndTheSeriesEndsAtTheLastFirstRelease()
    {
        var data = Load(
            "Alpha,gdp,2020,,100,亿元,reported,,,2021,example.org/a\n"
            + "Alpha,gdp,2021,,110,亿元,reported,,census5,2025,example.org/b\n"
            + "Alpha,gdp,2022,,120,亿元,reported,,,2023,example.org/c\n"
            + "Alpha,gdp,2022,,125,亿元,reported,,census5,2025,example.org/d\n"
            + "Alpha,gdp,2023,,135,亿元,reported,,census5,2025,example.org/e\n");

        var gdp = data.Series("gdp", "Alpha");
        var original = gdp.OnOriginalBasis();

        Assert.Equal([100.0, 110, 125, 135], gdp.Values);
        Assert.Equal([2020, 2022], original.Years);
        Assert.Equal([100.0, 120], original.Values);
        Assert.Equal([2021], original.MissingYears);
        // The revised figure of a year it keeps is on another basis there.
        Assert.Equal([(2022, 125.0)], original.OnOtherBases.Select(o => (o.Year, o.Value)));
    }

    [Fact]
    public void UntilKeepsTheOtherBasesOfTheYearsItKeeps()
    {
        var data = Load(
            "Alpha,gdp,2022,,120,亿元,reported,,,2023,example.org/c\n"
            + "Alpha,gdp,2022,,125,亿元,reported,,census5,2025,example.org/d\n"
            + "Alpha,gdp,2023,,130,亿元,reported,,,2024,example.org/e\n"
            + "Alpha,gdp,2023,,135,亿元,reported,,census5,2025,example.org/f\n");

        var until = data.Series("gdp", "Alpha").Until(2022);

        Assert.Equal([125.0], until.Values);
        Assert.Equal([120.0], until.OnOtherBases.Select(o => o.Value));
    }

    [Fact]
    public void ReleasesOnOneBasisAreSupersededOnEveryBasisOfTheYear()
    {
        var data = Load(
            "Alpha,gdp,2022,,118,亿元,reported,,,2023-01,example.org/a\n"
            + "Alpha,gdp,2022,,120,亿元,reported,,,2023-06,example.org/b\n"
            + "Alpha,gdp,2022,,124,亿元,reported,,census5,2025-01,example.org/c\n"
            + "Alpha,gdp,2022,,125,亿元,reported,,census5,2025-06,example.org/d\n");

        var gdp = data.Series("gdp", "Alpha");

        Assert.Equal([125.0], gdp.Values);
        Assert.Equal([120.0], gdp.OnOtherBases.Select(o => o.Value));
        Assert.Equal([118.0, 124.0], gdp.Superseded.Select(o => o.Value).Order());
    }
}
